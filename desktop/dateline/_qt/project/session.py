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
from dateline.model.project.corrections import (Orphan, apply_corrections,
                                                corrected_fields, key_of,
                                                resolve_annotations, resolve_marks)
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

    def corrections_changed(self) -> None:
        if self.base is not None:
            self._show(keep_selection=True)
        self._sync_modified()

    def annotations_changed(self) -> None:
        self._mark(self.state.store)
        self._sync_modified()

    def _show(self, keep_selection: bool) -> None:
        base, corrections = self.base, self.project.corrections
        orphans: list[Orphan] = []
        store, corrected = base, {}
        if corrections:
            try:
                doc, orphans = apply_corrections(base, corrections, base.loaded_texts())
            except ProjectError as exc:          # a store without its document
                orphans = [Orphan(c.key, str(exc), c) for c in corrections]
            else:
                store = EventStore.from_document(doc, base.loaded_texts())
                corrected = corrected_fields(doc)
        self.state.corrected = corrected
        marks, notes, note_orphans = self._resolve(store)
        self.state.notes = notes
        if keep_selection:
            self.state.replace_store(store, marks)
        else:
            self.state.set_store(store, marks)
        self._set_orphans(orphans + note_orphans)

    def _mark(self, store: EventStore) -> None:
        marks, notes, note_orphans = self._resolve(store)
        self.state.notes = notes
        self.state.set_marks(marks)
        correction_orphans = [o for o in self.orphans if o.correction is not None]
        self._set_orphans(correction_orphans + note_orphans)

    def _resolve(self, store: EventStore):
        """(Marks, {item id: Annotation}, orphaned annotations) against ``store``."""
        annotations = self.project.annotations
        marks, orphans = resolve_marks(store, annotations)
        notes, _ = resolve_annotations(store, annotations)
        return marks, notes, orphans

    def _set_orphans(self, orphans: list[Orphan]) -> None:
        if orphans != self.orphans:
            self.orphans = orphans
            self.orphans_changed.emit(orphans)

    # ---------------------------------------------------------------- items
    def key(self, kind: str, item_id: str) -> ItemKey | None:
        """The project key of a shown statement or event (None: it has no span)."""
        return key_of(self.state.store, kind, item_id, self.state.store.loaded_texts())

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
