"""Undoable edits of a project: each command remembers what it replaced.

A command changes the ``Project`` working copy and then asks the session to show the
change (re-apply the corrections, re-resolve stars and tags, list the views again); undo
puts back exactly the values it replaced, so undo after save returns the saved file's
content, not a guess.
"""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from dateline._qt.project.session import ProjectSession
from dateline.model.project.records import Annotation, Correction, ItemKey, SavedView


class CorrectionsCommand(QUndoCommand):
    """Set (or, with ``value`` None in ``removals``, drop) corrections as one step."""

    def __init__(self, session: ProjectSession, text: str, corrections: list[Correction],
                 removals: list[tuple[ItemKey, str]] = ()):
        super().__init__(text)
        self.session = session
        self.new = list(corrections)
        self.removals = list(removals)
        project = session.project
        slots = [c.slot for c in self.new] + self.removals
        # what each touched (item, field) slot held before: put back on undo
        self.before = {slot: _current(project, slot) for slot in slots}

    def redo(self) -> None:
        project = self.session.project
        for key, field_name in self.removals:
            project.remove_correction(key, field_name)
        for correction in self.new:
            project.set_correction(correction)
        self.session.corrections_changed()

    def undo(self) -> None:
        project = self.session.project
        for slot, previous in self.before.items():
            if previous is None:
                project.remove_correction(*slot)
            else:
                project.set_correction(previous)
        self.session.corrections_changed()


def _current(project, slot) -> Correction | None:
    key, field_name = slot
    return next((c for c in project.corrections_of(key) if c.field == field_name), None)


class AnnotationCommand(QUndoCommand):
    """Replace one item's star, tags and note."""

    def __init__(self, session: ProjectSession, text: str, key: ItemKey,
                 annotation: Annotation):
        super().__init__(text)
        self.session, self.key, self.after = session, key, annotation
        self.before = session.project.annotation(key)

    def redo(self) -> None:
        self.session.project.set_annotation(self.key, self.after)
        self.session.annotations_changed()

    def undo(self) -> None:
        self.session.project.set_annotation(self.key, self.before)
        self.session.annotations_changed()


class ViewsCommand(QUndoCommand):
    """Replace the list of saved views (add, rename, remove are each one step)."""

    def __init__(self, session: ProjectSession, text: str, views: list[SavedView],
                 current: int | None = None):
        super().__init__(text)
        self.session = session
        self.before = list(session.project.views)
        self.after, self.current = list(views), current

    def redo(self) -> None:
        self._set(self.after, self.current)

    def undo(self) -> None:
        self._set(self.before, None)

    def _set(self, views: list[SavedView], current: int | None) -> None:
        project = self.session.project
        if project.views != views:
            project.views = list(views)
            project.dirty = True
        self.session.views_changed.emit(current)
