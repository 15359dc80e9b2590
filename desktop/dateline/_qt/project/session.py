"""ProjectSession: the open project, its undo stack, and what the views show of it.

The extraction store stays as it came from the worker (``base``); the session re-applies
the project's corrections to it after every edit and hands the corrected store, the stars
and tags (``Marks``), notes and corrected fields to ``AppState``. Views read those from
the state and never talk to the session.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from dateline._qt.state import AppState
from dateline.model.marks import NO_MARKS
from dateline.model.project.corrections import (Applied, Orphan, apply_project, marks_of,
                                                resolve_annotations)
from dateline.model.project.file import Project
from dateline.model.project.keys import KeyIndex
from dateline.model.project.records import ItemKey, ProjectError, SavedView
from dateline.model.project.views import save_view, view_extras, view_selection
from dateline.model.selection import Selection
from dateline.model.store import EventStore


class ProjectSession(QObject):
    modified_changed = Signal(bool)        # unsaved changes (or none any more)
    project_replaced = Signal(object)      # Project: New / Open
    views_changed = Signal(object)         # index of the view to highlight, or None
    orphans_changed = Signal(list)         # [Orphan]

    def __init__(self, state: AppState, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        self.project = Project()
        self.stack = QUndoStack(self)
        # a slot of this object, not a lambda: disconnected before the stack is deleted
        # with us (the stack's destructor still announces cleanChanged)
        self.stack.cleanChanged.connect(self._on_clean_changed)
        self.base: EventStore | None = None        # the extraction, uncorrected
        self.applied: Applied | None = None        # the project applied to it
        self.orphans: list[Orphan] = []
        self._outside = False      # unsaved changes outside the undo history (folders)
        self._modified = False

    # ------------------------------------------------------------ the project
    @property
    def modified(self) -> bool:
        return self._modified

    def replace_project(self, project: Project) -> None:
        """New or opened project: a fresh undo history, the current data re-marked."""
        self.project = project
        self.stack.clear()
        self.stack.setClean()
        self._outside = False
        self.project_replaced.emit(project)
        if self.base is not None:
            self._show(keep_selection=False)
        self.views_changed.emit(None)
        self._sync_modified()

    def save(self, path: str | Path | None = None) -> Path:
        """Save (ProjectError with a clear message if it cannot); the history's current
        point becomes the saved one."""
        target = self.project.save(path)
        self.stack.setClean()
        self._outside = False
        self._sync_modified()
        return target

    def touch(self) -> None:
        """A change outside the undo history (the corpus folders): unsaved too."""
        self._outside = True
        self._sync_modified()

    def _on_clean_changed(self, _clean: bool) -> None:
        self._sync_modified()

    def _sync_modified(self) -> None:
        # back at the saved point of the history, the content is the saved file's again
        modified = self._outside or not self.stack.isClean()
        self.project.dirty = modified
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    # ----------------------------------------------------------------- data
    def adopt(self, store: EventStore) -> None:
        """A new extraction: the project's corrections and marks applied to it."""
        self.base = store
        self._show(keep_selection=False)

    def attach(self, store: EventStore) -> None:
        """The store the window was built around (start-up, no project yet): edits key
        on it; nothing to apply, so the views keep what they drew."""
        self.base = store
        try:
            self.applied = apply_project(store, self.project, store.loaded_texts())
        except ProjectError:                     # a store read without its document
            self.applied = None

    def corrections_changed(self) -> None:
        if self.base is not None:
            self._show(keep_selection=True)
        self._sync_modified()

    def annotations_changed(self) -> None:
        self._mark()
        self._sync_modified()

    def _show(self, keep_selection: bool) -> None:
        """Apply the project to the extraction and show the result (a new store only
        when there are corrections: stars alone leave the extraction's store as it is)."""
        base, texts = self.base, self.base.loaded_texts()
        try:
            applied = apply_project(base, self.project, texts)
        except ProjectError as exc:              # a store read without its document
            self.applied = None
            self.state.corrected, self.state.notes = {}, {}
            self._set_state_store(base, NO_MARKS, keep_selection)
            self._set_orphans([Orphan(c.key, str(exc), c) for c in self.project.corrections])
            return
        self.applied = applied
        store = EventStore.from_document(applied.document, texts) \
            if self.project.corrections else base
        self.state.corrected, self.state.notes = applied.corrected, applied.annotations
        self._set_state_store(store, applied.marks, keep_selection)
        self._set_orphans(applied.orphans)

    def _set_state_store(self, store: EventStore, marks, keep_selection: bool) -> None:
        if keep_selection:
            self.state.replace_store(store, marks)
        else:
            self.state.set_store(store, marks)

    def _mark(self) -> None:
        """Stars, tags or notes changed: re-resolved on the shown data, no new store."""
        if self.applied is None:
            return
        annotations, lost = resolve_annotations(self.applied.document,
                                                self.project.annotations)
        self.applied = dataclasses.replace(self.applied, annotations=annotations,
                                           marks=marks_of(annotations))
        self.state.notes = annotations
        self.state.set_marks(self.applied.marks)
        correction_orphans = [o for o in self.orphans if o.correction is not None]
        self._set_orphans(correction_orphans + lost)

    def _set_orphans(self, orphans: list[Orphan]) -> None:
        if orphans != self.orphans:
            self.orphans = orphans
            self.orphans_changed.emit(orphans)

    # ---------------------------------------------------------------- items
    def key(self, kind: str, item_id: str) -> ItemKey | None:
        """The key to edit a shown statement or event under: the one the project holds
        for it already, else a new one from its span (None: it has no span)."""
        if self.applied is None:
            return None
        return self.applied.key(kind, item_id)

    # ---------------------------------------------------------------- views
    def view_of_current(self, name: str, lane_mode: str | None) -> SavedView:
        sel = self.state.selection
        event_key = self.key("event", sel.event) if sel.event else None
        return save_view(name, sel, lane_mode, event_key)

    def restore_view(self, view: SavedView) -> str | None:
        """Show a saved view; returns its lane mode (the timeline's, set by the window)."""
        sel = view_selection(view)
        lane_mode, event_key = view_extras(view)
        store = self.state.store
        if sel.event is not None and store.event_position(sel.event) is None:
            found = KeyIndex(store.document).find(event_key)[0] if event_key else None
            sel = dataclasses.replace(sel, event=found["id"] if found else None)
        if sel.place is not None and not store.has_place(sel.place):
            sel = dataclasses.replace(sel, place=None)
        self.state.update(**{f.name: getattr(sel, f.name)
                             for f in dataclasses.fields(Selection)})
        return lane_mode
