"""The corrections dialog: every correction of the project, the orphaned ones (their
article text changed) first and flagged, each removable as an undoable step."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dateline._qt.project.commands import CorrectionsCommand
from dateline._qt.project.session import ProjectSession
from dateline.model.project.records import Correction

ORPHAN_COLOUR = "#b3261e"


def describe_value(correction: Correction) -> str:
    """A correction's new value in a few words (plain text)."""
    value = correction.value
    if correction.field == "date":
        start, end = value["start"], value["end"]
        return f"{start}" + (f" – {end}" if end != start else "") + f" ({value['precision']})"
    if correction.field == "place":
        return value["name"] if value else "no place"
    if correction.field == "hidden":
        return "marked wrong (hidden)"
    if correction.field == "merge":
        return f"merged into the event at characters {value.start}–{value.end}"
    if correction.field == "split":
        return "split off as an event of its own"
    return str(value)


def correction_label(correction: Correction, item: str | None = None) -> str:
    """"statement “...”: speaker → X" (``item``: the item's text as shown now), else
    where the key points in which article text."""
    key = correction.key
    where = f"{key.kind} “{item}”" if item else (
        f"{key.kind} at characters {key.start}–{key.end} of text {key.text_sha256[:10]}…")
    return f"{where}: {correction.field} → {describe_value(correction)}"


def _item_texts(session: ProjectSession) -> dict:
    """{ItemKey: the quote or summary of the item it finds now} (hidden items included)."""
    applied = session.applied
    if applied is None:
        return {}
    doc = applied.document
    hidden = doc.get("hidden") or {}
    text = {item["id"]: item.get("text") or item.get("summary") or ""
            for kind in ("events", "statements")
            for item in doc.get(kind, []) + hidden.get(kind, [])}
    return {key: _short(text.get(item_id, "")) for (_, item_id), key in
            applied.stored_keys.items()}


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CorrectionsDialog(QDialog):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Corrections and orphans")
        self.resize(720, 420)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.remove_button = QPushButton("Remove Selected Corrections")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remove_button)
        layout.addWidget(buttons)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        orphans = {o.correction.slot: o for o in self.session.orphans if o.correction}
        corrections = self.session.project.corrections
        items = _item_texts(self.session)
        ordered = sorted(corrections, key=lambda c: c.slot not in orphans)   # orphans first
        for correction in ordered:
            orphan = orphans.get(correction.slot)
            text = correction_label(correction, items.get(correction.key))
            if orphan is not None:
                text = f"ORPHANED — {orphan.reason}\n{text}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, correction)
            if orphan is not None:
                item.setForeground(QBrush(QColor(ORPHAN_COLOUR)))
            self.list.addItem(item)
        for orphan in self.session.orphans:
            if orphan.correction is None:                # a star, tag or note
                item = QListWidgetItem(f"ORPHANED — {orphan.describe()}")
                item.setForeground(QBrush(QColor(ORPHAN_COLOUR)))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.list.addItem(item)
        n_orphans = len(self.session.orphans)
        self.summary.setText(
            f"{len(corrections)} correction(s) in this project; {n_orphans} item(s) no longer "
            "found in the articles (their text changed): kept in the project, listed here, "
            "never applied to another sentence.")
        self.remove_button.setEnabled(bool(corrections))

    def remove_selected(self) -> None:
        chosen = [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]
        chosen = [c for c in chosen if isinstance(c, Correction)]
        if chosen:
            self.session.stack.push(CorrectionsCommand(
                self.session, "Remove corrections", [], [c.slot for c in chosen]))
            self.fill()


def show_corrections(parent: QWidget, session: ProjectSession) -> None:
    CorrectionsDialog(session, parent).exec()
