"""Small dialogs for the user's edits: fix a statement or an event, edit tags and a note.

Each dialog only collects values; it returns the fields the user changed (a field left as
it was is not a correction) and the caller turns them into undoable commands.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dateline._qt import theme

# ISO dates at their real precision: a day, a month or a year, or a day range.
_DAY = r"\d{4}-\d{2}-\d{2}"
DATE_PATTERN = re.compile(rf"^(\d{{4}}|\d{{4}}-\d{{2}}|{_DAY}|{_DAY}\s*/\s*{_DAY})$")
DATE_HINT = "2017-03-18, 2017-03, 2017 or 2017-03-17/2017-03-19"


def valid_date(text: str) -> bool:
    """An ISO date the correction can hold: day, month, year or a day range."""
    return bool(DATE_PATTERN.match(text.strip()))


def _name(value) -> str:
    """A name cell as text ("" for a missing one, which pandas gives as NaN)."""
    return value if isinstance(value, str) else ""


def _combo(values, current: str | None, editable: bool = True) -> QComboBox:
    box = QComboBox()
    box.setEditable(editable)
    values = [v for v in values if isinstance(v, str)]
    if isinstance(current, str) and current and current not in values:
        values.insert(0, current)        # what is there now stays choosable (unchanged)
    box.addItems(values)
    box.setCurrentText(current if isinstance(current, str) else "")   # NaN: none
    return box


class _FieldsDialog(QDialog):
    """A form of named fields; ``changes()`` gives those the user changed."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._fields: dict[str, tuple[QWidget, str]] = {}
        self.form = QFormLayout()
        note = QLabel(intro)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)   # never rich text
        self.error = QLabel("")
        self.error.setStyleSheet(f"color: {theme.current().accent};")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def add(self, name: str, label: str, widget: QWidget, initial: str) -> None:
        self._fields[name] = (widget, initial or "")
        self.form.addRow(label, widget)

    def field(self, name: str) -> QWidget:
        return self._fields[name][0]

    @staticmethod
    def _text(widget: QWidget) -> str:
        text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
        return text.strip()

    def changes(self) -> dict[str, str]:
        """{field: new text} for the fields whose text differs from the initial one."""
        return {name: self._text(w) for name, (w, initial) in self._fields.items()
                if self._text(w) != initial.strip()}

    def _accept(self) -> None:
        date = self.changes().get("date")
        if date is not None and date and not valid_date(date):
            self.error.setText(f"Dates are ISO: {DATE_HINT}.")
            return
        self.accept()


class CorrectionDialog(_FieldsDialog):
    """Fix a statement's speaker or an event's type (``first``), and its date and place."""

    def __init__(self, kind: str, first: tuple[str, str, str, list, bool], date: str,
                 place: str | None, places, parent: QWidget | None = None):
        super().__init__(f"Correct {kind}",
                         "Change what the extraction got wrong. The correction is kept with "
                         "the sentence it belongs to and re-applied after re-extraction.",
                         parent)
        name, label, value, choices, free = first
        self.add(name, label, _combo(choices, value, editable=free), _name(value))
        date_edit = QLineEdit(date)
        date_edit.setPlaceholderText(DATE_HINT)
        self.add("date", "Date:", date_edit, date)
        self.add("place", "Place:", _combo(places, place), _name(place))


def statement_dialog(speaker: str, date: str, place: str | None, speakers, places,
                     parent: QWidget | None = None) -> CorrectionDialog:
    """Who said it (any name), when and where."""
    return CorrectionDialog("statement", ("speaker", "Speaker:", speaker, speakers, True),
                            date, place, places, parent)


def event_dialog(event_type: str, date: str, place: str | None, types, places,
                 parent: QWidget | None = None) -> CorrectionDialog:
    """What kind of event (one of ``types``), when and where."""
    return CorrectionDialog("event", ("type", "Type:", event_type, types, False),
                            date, place, places, parent)


class MarksDialog(QDialog):
    """Tags (comma-separated) and a free note for one event or statement."""

    def __init__(self, title: str, tags: list[str], note: str, known_tags,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.tags_edit = QLineEdit(", ".join(tags))
        self.tags_edit.setPlaceholderText("comma-separated, e.g. thaad, sanctions")
        known = ", ".join(sorted(set(known_tags)))
        if known:
            self.tags_edit.setToolTip(f"Tags in this project: {known}")
        self.note_edit = QPlainTextEdit(note)
        self.note_edit.setPlaceholderText("A note for yourself or the briefing")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Tags:", self.tags_edit)
        form.addRow("Note:", self.note_edit)
        form.addRow(buttons)

    def tags(self) -> list[str]:
        """Distinct, trimmed, lowercased tags in the order typed."""
        out: list[str] = []
        for tag in self.tags_edit.text().split(","):
            tag = tag.strip().lower()
            if tag and tag not in out:
                out.append(tag)
        return out

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()
