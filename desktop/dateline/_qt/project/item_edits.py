"""The edits of one statement or event: the context menu and the undoable commands it
pushes (star, tags and note, corrections, hide, merge, split).

Every edit is keyed by the item's article text hash and span (``ItemKey``), so it holds
after re-extraction; each one is a command on the session's ``QUndoStack``.
"""
from __future__ import annotations

import calendar
from datetime import date

import pandas as pd
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from dateline._qt import theme
from dateline._qt.project.commands import AnnotationCommand, CorrectionsCommand
from dateline._qt.project.edit_dialogs import MarksDialog, event_dialog, statement_dialog
from dateline._qt.project.session import ProjectSession
from dateline.model.dates import describe
from dateline.model.project.records import (EVENT_TYPES, Annotation, Correction, ItemKey,
                                            ProjectError, date_value)

MAX_MERGE_CHOICES = 200      # events offered to merge with (those in the current result)


def parse_date(text: str) -> dict:
    """A correction's date from ISO text: a day, a month, a year, or ``start/end`` days."""
    text = text.strip()
    if "/" in text:
        start, end = (part.strip() for part in text.split("/", 1))
        return date_value(start, end, "range" if start != end else "day")
    parts = text.split("-")
    if len(parts) == 1:
        return date_value(f"{text}-01-01", f"{text}-12-31", "year")
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        last = calendar.monthrange(year, month)[1]
        return date_value(date(year, month, 1), date(year, month, last), "month")
    return date_value(text, text, "day")


def date_text(start, end, precision) -> str:
    """The ISO text the date dialog starts from (as ``parse_date`` reads it)."""
    if start is None or pd.isna(start):
        return ""
    start = pd.Timestamp(start)
    last = pd.Timestamp(end) - pd.Timedelta(days=1) if not pd.isna(end) else start
    if precision == "year":
        return f"{start.year:04d}"
    if precision == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if last > start:
        return f"{start.date().isoformat()}/{last.date().isoformat()}"
    return start.date().isoformat()


class ItemEdits:
    """Builds the item menu and turns the user's choices into undo commands."""

    def __init__(self, session: ProjectSession, parent: QWidget):
        self.session, self.parent = session, parent

    @property
    def state(self):
        return self.session.state

    # ------------------------------------------------------------------ menu
    def menu(self, kind: str, item_id: str) -> QMenu | None:
        """The actions for one item (None if it is not in the current store)."""
        key = self.session.key(kind, item_id)
        if key is None:
            return None
        menu = QMenu(self.parent)
        starred = self.state.marks.is_starred(item_id)
        menu.addAction("Unstar" if starred else "Star",
                       lambda: self.set_star(kind, item_id, not starred))
        menu.addAction("Tags and Note…", lambda: self.edit_marks(kind, item_id))
        menu.addSeparator()
        menu.addAction(f"Correct {kind.capitalize()}…", lambda: self.correct(kind, item_id))
        if kind == "event":
            menu.addAction("Merge with Another Event…", lambda: self.merge(item_id))
            split = menu.addAction("Split Off a Source…", lambda: self.split(item_id))
            row = self.state.store.event(item_id)
            split.setEnabled(row is not None and len(row["mentions"]) > 1)
        menu.addAction("Mark as Wrong (Hide)", lambda: self.hide(kind, item_id))
        return menu

    def show_menu(self, kind: str, item_id: str, pos: QPoint) -> None:
        menu = self.menu(kind, item_id)
        if menu is not None:
            menu.exec(pos)

    def _push(self, command) -> None:
        self.session.stack.push(command)

    def _key(self, kind: str, item_id: str) -> ItemKey | None:
        key = self.session.key(kind, item_id)
        if key is None:
            QMessageBox.information(self.parent, "Cannot edit",
                                    "This item has no source span in its article text, so an "
                                    "edit could not be kept across re-extraction.")
        return key

    # ------------------------------------------------------------ annotations
    def set_star(self, kind: str, item_id: str, starred: bool) -> None:
        key = self._key(kind, item_id)
        if key is None:
            return
        old = self.session.project.annotation(key)
        self._push(AnnotationCommand(self.session, "Star" if starred else "Unstar", key,
                                     Annotation(starred, old.tags, old.note)))

    def toggle_star(self, kind: str, item_id: str) -> None:
        self.set_star(kind, item_id, not self.state.marks.is_starred(item_id))

    def edit_marks(self, kind: str, item_id: str) -> None:
        key = self._key(kind, item_id)
        if key is None:
            return
        old = self.session.project.annotation(key)
        dialog = MarksDialog(f"Tags and note — {kind}", list(old.tags), old.note,
                             self.session.project.tags, self.parent)
        if dialog.exec():
            new = Annotation(old.starred, tuple(dialog.tags()), dialog.note())
            if new != old:
                self._push(AnnotationCommand(self.session, "Edit Tags and Note", key, new))

    # ------------------------------------------------------------ corrections
    def correct(self, kind: str, item_id: str) -> None:
        key = self._key(kind, item_id)
        if key is None:
            return
        store = self.state.store
        places = store.places["place"].tolist()
        if kind == "statement":
            rows = store.statements[store.statements["id"] == item_id]
            if rows.empty:
                return
            row = rows.iloc[0]
            dialog = statement_dialog(row["speaker"], date_text(row["start"], row["end"],
                                                               row["precision"]),
                                     row["place"], store.statements["speaker"].unique().tolist(),
                                     places, self.parent)
        else:
            row = store.event(item_id)
            if row is None:
                return
            dialog = event_dialog(row["type"], date_text(row["start"], row["end"],
                                                        row["precision"]),
                                 row["place"], list(EVENT_TYPES), places, self.parent)
        if not dialog.exec():
            return
        try:
            corrections = [Correction(key, name, self._value(name, text))
                           for name, text in sorted(dialog.changes().items())]
        except (ProjectError, ValueError) as exc:
            QMessageBox.warning(self.parent, "Correction not made", str(exc))
            return
        if corrections:
            fields = ", ".join(c.field for c in corrections)
            self._push(CorrectionsCommand(self.session, f"Correct {kind} {fields}",
                                          corrections))

    def _value(self, name: str, text: str):
        if name == "date":
            return parse_date(text)
        if name == "place":
            return self.place_value(text) if text else None
        return text

    def place_value(self, name: str) -> dict:
        """A place with coordinates: a place the map already shows, else the gazetteer's,
        else the name alone (listed, not on the map)."""
        places = self.state.store.places
        known = places[places["place"] == name]
        if len(known) and not pd.isna(known["lat"].iloc[0]):
            return {"name": name, "lat": float(known["lat"].iloc[0]),
                    "lon": float(known["lon"].iloc[0])}
        # on use: the gazetteer costs ~2 s to load, never paid at start-up
        from dateline.extract.gazetteer import lookup as gazetteer_lookup
        found = gazetteer_lookup(name)
        if found is not None and not found.vague:
            return {"name": name, "lat": found.lat, "lon": found.lon}
        return {"name": name, "lat": None, "lon": None}

    def hide(self, kind: str, item_id: str) -> None:
        key = self._key(kind, item_id)
        if key is not None:
            self._push(CorrectionsCommand(self.session, f"Hide {kind}",
                                          [Correction(key, "hidden", True)]))

    def merge(self, item_id: str) -> None:
        """This event joins another one the user picks among the listed events."""
        key = self._key("event", item_id)
        if key is None:
            return
        store, result = self.state.store, self.state.result
        ids = [i for i in result.event_ids[:MAX_MERGE_CHOICES] if i != item_id]
        if not ids:
            QMessageBox.information(self.parent, "Merge events",
                                    "No other event is listed: widen the time window or "
                                    "clear filters to see the event to merge with.")
            return
        labels = [self._event_label(store.event(i)) for i in ids]
        choice, ok = QInputDialog.getItem(self.parent, "Merge events",
                                          "Merge this event into:", labels, 0, False)
        if not ok:
            return
        target = self.session.key("event", ids[labels.index(choice)])
        if target is not None:
            self._push(CorrectionsCommand(self.session, "Merge events",
                                          [Correction(key, "merge", target)]))

    def split(self, item_id: str) -> None:
        """One source (mention) of the event leaves it to form an event of its own."""
        row = self.state.store.event(item_id)
        if row is None or len(row["mentions"]) < 2:
            return
        sha_of = {a: (self.state.store.article(a) or {}).get("text_sha256")
                  for a in {m[0] for m in row["mentions"]}}
        labels = [self._mention_label(m) for m in row["mentions"]]
        choice, ok = QInputDialog.getItem(self.parent, "Split event",
                                          "Source that leaves this event:", labels[1:], 0,
                                          False)
        if not ok:
            return
        article, start, end, _ = row["mentions"][labels.index(choice, 1)]
        if not sha_of.get(article):
            return
        key = ItemKey("event", sha_of[article], int(start), int(end))
        self._push(CorrectionsCommand(self.session, "Split event",
                                      [Correction(key, "split", ())]))

    @staticmethod
    def _event_label(row) -> str:
        when = describe(row["start"], row["end"], row["precision"])
        return f"{when} · {theme.type_label(row['type'])} · {row['summary'][:90]}"

    def _mention_label(self, mention) -> str:
        article, start, end, text = mention
        info = self.state.store.article(article) or {}
        return f"{info.get('outlet', '?')}: {str(text)[:90]} (chars {start}–{end})"
