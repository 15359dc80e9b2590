"""ProjectActions: the project's File and Edit menu entries, the window title, the close
prompt, the saved views dock and the item edits, wired into the main window.

The main window creates one and calls ``install``; everything the project adds to the
window lives here, so ``main_window`` stays the place that wires views together.
"""
from __future__ import annotations

from pathlib import Path
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from dateline._qt.project.briefing_export import export_briefing_dialog
from dateline._qt.project.commands import ViewsCommand
from dateline._qt.project.item_edits import ItemEdits
from dateline._qt.project.orphans import show_corrections
from dateline._qt.project.recent import RecentProjects
from dateline._qt.project.session import ProjectSession
from dateline._qt.project.views_panel import ViewsPanel
from dateline._qt.window_io import warn
from dateline._qt.worker import extract_loaded
from dateline.model.project.corpus import load_project_corpus
from dateline.model.project.file import SUFFIX, Project
from dateline.model.project.records import ProjectError, SavedView

FILE_FILTER = f"Dateline projects (*{SUFFIX})"


class ProjectActions(QObject):
    def __init__(self, window: QMainWindow):
        """``window``: the main window (its state, settings, views, runner and the
        ``_action``/``_dock`` builders); typed as QMainWindow, as it imports us."""
        super().__init__(window)
        self.window = window
        self.session = ProjectSession(window.state, self)
        if len(window.state.store.events):      # built around a store (start-up)
            self.session.attach(window.state.store)
        self.recent = RecentProjects(window.settings)
        self.edits = ItemEdits(self.session, window)
        self.views_panel = ViewsPanel()
        self._build_actions()
        self.session.modified_changed.connect(lambda _m: self.update_title())
        self.session.project_replaced.connect(lambda _p: self.update_title())
        self.session.views_changed.connect(self._show_views)
        self.session.orphans_changed.connect(self._on_orphans)
        self.views_panel.save_requested.connect(self.save_view)
        self.views_panel.show_requested.connect(self.show_view)
        self.views_panel.rename_requested.connect(self.rename_view)
        self.views_panel.remove_requested.connect(self.remove_view)
        window.side_panel.item_menu_requested.connect(self.edits.show_menu)
        window.event_table.item_menu_requested.connect(self.edits.show_menu)

    # ------------------------------------------------------------ building
    def _build_actions(self) -> None:
        w, K = self.window, QKeySequence.StandardKey
        self.act_new = w._action("&New Project", self.new_project, K.New,
                                 "Start a project: corrections, stars and views kept in a file")
        self.act_open = w._action("Open &Project…", self.open_project_dialog, "Ctrl+Shift+P")
        self.act_save = w._action("&Save Project", self.save, K.Save)
        self.act_save_as = w._action("Save Project &As…", self.save_as, K.SaveAs)
        self.act_briefing = w._action("Export &Briefing…", self.export_briefing, "Ctrl+Shift+B",
                                      "The starred items, cited, as HTML and PDF")
        self.act_undo = self.session.stack.createUndoAction(w, "&Undo")
        self.act_undo.setShortcut(QKeySequence(K.Undo))
        self.act_redo = self.session.stack.createRedoAction(w, "&Redo")
        self.act_redo.setShortcut(QKeySequence(K.Redo))
        for action in (self.act_undo, self.act_redo):
            w.addAction(action)
        self.act_star = w._action("Toggle &Star", self.toggle_star, "Ctrl+D",
                                  "Star or unstar the selected event")
        self.act_marks = w._action("&Tags and Note…", self.edit_marks, "Ctrl+T")
        self.act_correct = w._action("&Correct Selected Event…", self.correct_selected, "F2")
        self.act_corrections = w._action("Corrections and &Orphans…", self.show_corrections)
        self.act_save_view = w._action("Save &View…", self.views_panel.ask_save, "Ctrl+Shift+V")
        self.act_prev_view = w._action("Previous Saved View", lambda: self.views_panel.step(-1),
                                       "Ctrl+Alt+Left")
        self.act_next_view = w._action("Next Saved View", lambda: self.views_panel.step(+1),
                                       "Ctrl+Alt+Right")
        self.recent_menu = QMenu("Recent Projects", w)
        self.recent_menu.aboutToShow.connect(
            lambda: self.recent.fill_menu(self.recent_menu, self.open_project))

    def install(self, file_menu: QMenu, edit_menu: QMenu, view_menu: QMenu,
                go_menu: QMenu) -> None:
        """Add the project entries to the window's menus and the views dock."""
        first = file_menu.actions()[0] if file_menu.actions() else None
        for action in (self.act_new, self.act_open):
            file_menu.insertAction(first, action)
        file_menu.insertMenu(first, self.recent_menu)
        for action in (self.act_save, self.act_save_as):
            file_menu.insertAction(first, action)
        file_menu.insertSeparator(first)
        quit_action = file_menu.actions()[-1]
        file_menu.insertAction(quit_action, self.act_briefing)
        file_menu.insertSeparator(quit_action)
        first_edit = edit_menu.actions()[0] if edit_menu.actions() else None
        for action in (self.act_undo, self.act_redo):
            edit_menu.insertAction(first_edit, action)
        edit_menu.insertSeparator(first_edit)
        edit_menu.addSeparator()
        for action in (self.act_star, self.act_marks, self.act_correct, self.act_corrections):
            edit_menu.addAction(action)
        self.views_dock = self.window._dock("Saved Views", "savedViewsDock", self.views_panel,
                                            Qt.DockWidgetArea.RightDockWidgetArea)
        self.window.tabifyDockWidget(self.window.table_dock, self.views_dock)
        self.window.table_dock.raise_()
        view_menu.insertAction(view_menu.actions()[3] if len(view_menu.actions()) > 3
                               else None, self.views_dock.toggleViewAction())
        go_menu.addSeparator()
        for action in (self.act_save_view, self.act_prev_view, self.act_next_view):
            go_menu.addAction(action)
        self.update_title()

    # ----------------------------------------------------------------- title
    def update_title(self) -> None:
        """"project[*] — source — Dateline": the marker shows unsaved changes. An
        untitled project with nothing in it is not named."""
        project, session = self.session.project, self.session
        parts = []
        if project.path is not None:
            parts.append(f"{project.path.stem}[*]")
        elif session.modified:
            parts.append("Untitled[*]")
        source = getattr(self.window, "_source_name", "")
        if source:
            parts.append(source)
        parts.append("Dateline")
        self.window.setWindowTitle(" — ".join(parts))
        self.window.setWindowModified(session.modified)

    # ------------------------------------------------------------ file menu
    def maybe_save(self) -> bool:
        """Unsaved changes: ask Save / Discard / Cancel. True: go on (saved or dropped)."""
        if not self.session.modified:
            return True
        name = self.session.project.path.name if self.session.project.path else "Untitled"
        answer = QMessageBox.question(
            self.window, "Unsaved changes",
            f"Save the changes to the project “{name}”?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_project(self) -> None:
        if not self.maybe_save():
            return
        project = Project()
        self._remember_corpus(project)
        self.session.replace_project(project)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open project",
                                              self.window._last_folder(), FILE_FILTER)
        if path:
            self.open_project(path)

    def open_project(self, path: str | Path) -> bool:
        """Open a project file and read its corpus; a bad file gets a clear message and
        nothing changes (the current project stays open). Read first (opening never
        changes the file), so a bad file does not ask about unsaved changes for nothing."""
        try:
            project = Project.open(path)
        except ProjectError as exc:
            warn(self.window, "Could not open project", str(exc))
            if not Path(path).exists():
                self.recent.remove(path)
            return False
        if not self.maybe_save():
            return False
        self.recent.add(path)
        self.session.replace_project(project)
        folders = project.corpus_paths()
        if folders:
            self.window._source_name = Path(folders[0][0]).name
            self.window.corpus_paths = folders
            # every folder with its own manifest, read in the worker like any folder
            self.window.runner.start(
                lambda progress, cancelled: extract_loaded(
                    load_project_corpus(project), [p for p, _ in folders], progress,
                    cancelled), f"Opening {project.path.name}…")
        self.update_title()
        return True

    def save(self) -> bool:
        if self.session.project.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        start = self.session.project.path or Path(self.window._last_folder()) / f"story{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(self.window, "Save project as", str(start),
                                              FILE_FILTER)
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self._save_to(path)

    def _save_to(self, path: str | None) -> bool:
        self._remember_corpus(self.session.project)
        try:
            target = self.session.save(path)
        except ProjectError as exc:
            warn(self.window, "Could not save project", str(exc))
            return False
        self.recent.add(target)
        self.update_title()
        self.window.statusBar().showMessage(f"Saved {target}", 6000)
        return True

    def corpus_changed(self) -> None:
        """The window now reads other folders: a saved project's corpus changed, so the
        project has unsaved changes (the new folders are its corpus once saved)."""
        if self.session.project.path is not None:
            self._remember_corpus(self.session.project)

    def _remember_corpus(self, project: Project) -> None:
        """The folders the window reads now are the project's corpus (an unchanged one
        is left as stored: relative paths stay relative)."""
        current = [(Path(p).resolve(), Path(m).resolve() if m else None)
                   for p, m in getattr(self.window, "corpus_paths", [])]
        stored = [(p.resolve(), m.resolve() if m else None)
                  for p, m in project.corpus_paths()]
        if not current or current == stored:
            return
        for folder in list(project.folders):
            project.remove_folder(folder)
        for folder, manifest in current:
            project.add_folder(folder, manifest)
        self.session.touch()

    # -------------------------------------------------------------- editing
    def _selected_event(self) -> str | None:
        event = self.window.state.selection.event
        if event is None:
            self.window.statusBar().showMessage("Select an event first", 4000)
        return event

    def toggle_star(self) -> None:
        event = self._selected_event()
        if event is not None:
            self.edits.toggle_star("event", event)

    def edit_marks(self) -> None:
        event = self._selected_event()
        if event is not None:
            self.edits.edit_marks("event", event)

    def correct_selected(self) -> None:
        event = self._selected_event()
        if event is not None:
            self.edits.correct("event", event)

    def show_corrections(self) -> None:
        show_corrections(self.window, self.session)

    def _on_orphans(self, orphans: list) -> None:
        if orphans:
            self.window.statusBar().showMessage(
                f"{len(orphans)} correction(s) or mark(s) no longer match the articles: "
                "Edit → Corrections and Orphans", 10000)

    def export_briefing(self) -> None:
        export_briefing_dialog(self.window, self.session)

    # ---------------------------------------------------------- saved views
    def _show_views(self, current) -> None:
        self.views_panel.set_names([v.name for v in self.session.project.views], current)

    def save_view(self, name: str) -> None:
        view = self.session.view_of_current(name, self.window.timeline.lane_combo.currentText())
        views = self.session.project.views + [view]
        self.session.stack.push(ViewsCommand(self.session, f"Save view “{name}”", views,
                                             len(views) - 1))

    def show_view(self, index: int) -> None:
        views = self.session.project.views
        if not 0 <= index < len(views):
            return
        try:
            lane_mode = self.session.restore_view(views[index])
        except ProjectError as exc:
            warn(self.window, "Could not show view", str(exc))
            return
        if lane_mode:
            self.window.timeline.lane_combo.setCurrentText(lane_mode)

    def rename_view(self, index: int, name: str) -> None:
        views = list(self.session.project.views)
        views[index] = SavedView(name, views[index].state)
        self.session.stack.push(ViewsCommand(self.session, "Rename view", views, index))

    def remove_view(self, index: int) -> None:
        views = list(self.session.project.views)
        del views[index]
        self.session.stack.push(ViewsCommand(self.session, "Remove view", views))
