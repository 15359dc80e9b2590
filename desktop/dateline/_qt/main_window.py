"""MainWindow: the one module that wires views, state, worker, menus and settings together.

Views (map, timeline, side panel, event list) only observe ``AppState`` and call
``state.update``; this module connects the rest: file opening, export, themes, layout.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

from dateline import paths as dl_paths
from dateline._qt import theme
from dateline._qt.eventlist.table import EventTable
from dateline._qt.filter_bar import SearchField, make_filter_buttons
from dateline._qt.panel.side_panel import SidePanel
from dateline._qt.project.actions import ProjectActions
from dateline._qt.state import AppState
from dateline._qt.common.steady_label import SteadyLabel
from dateline._qt.timeline.view import LANE_MODES, TimelineView
from dateline._qt.window_io import (
    export_events_dialog,
    is_parquet_cache,
    local_paths,
    save_widget_png,
    show_problems,
    warn,
)
from dateline._qt.worker import ExtractionRunner
from dateline.model.dates import plural, window_label

if TYPE_CHECKING:                   # built on first use: not needed for the first window
    from dateline._qt.panel.article_viewer import ArticleViewer

log = logging.getLogger(__name__)


RIGHT_SHARE, BOTTOM_SHARE = 0.33, 0.38    # the docks' default shares of the window
NARROW_WIDTH = 1250                       # below: toolbar buttons show icons only


def _placeholder(message: str) -> QWidget:
    label = QLabel(message)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.current().muted}; font-size: 12pt;")
    return label


class MainWindow(QMainWindow):
    def __init__(self, state: AppState | None = None, settings: QSettings | None = None):
        super().__init__()
        self.state = state or AppState()
        self.settings = settings or QSettings("Dateline", "Dateline")
        self.problems: list[str] = []
        self.setWindowTitle("Dateline")
        self.setObjectName("DatelineMainWindow")
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)
        self.runner = ExtractionRunner(self)
        self.map_view = self._make_map()
        self.timeline = TimelineView(self.state)
        self.side_panel = SidePanel(self.state)
        self.event_table = EventTable(self.state)
        self.article_viewer: ArticleViewer | None = None
        self.setCentralWidget(self.map_view)
        self._build_docks()
        self._build_actions()
        self.project = ProjectActions(self)    # File/Edit project entries, views dock
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self.resize(1400, 900)
        self._restore_settings()

    # ------------------------------------------------------------ building
    def _make_map(self) -> QWidget:
        """The map, or a placeholder if its module is missing or broken (never blocks us)."""
        try:
            from dateline._qt.map.view import MapView
            view = MapView(self.state)
            self.map_ok = True
            return view
        except Exception as exc:      # a broken map must not take the whole window down
            log.exception("map view unavailable")
            self.map_ok = False
            return _placeholder(f"Map unavailable ({type(exc).__name__}: {exc})")

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        right = Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        self.panel_dock = self._dock("Sources", "sourcesDock", self.side_panel, right)
        self.table_dock = self._dock("Events", "eventsDock", self.event_table, right)
        self.timeline_dock = self._dock("Timeline", "timelineDock", self.timeline, bottom)
        self.splitDockWidget(self.panel_dock, self.table_dock, Qt.Orientation.Vertical)
        self._dock_shares = (RIGHT_SHARE, BOTTOM_SHARE)
        self._fit_docks(1400, 900)
        for dock in (self.panel_dock, self.timeline_dock):
            dock.installEventFilter(self)

    def _fit_docks(self, width: int, height: int, right: float = RIGHT_SHARE,
                   bottom: float = BOTTOM_SHARE) -> None:
        """Docks as shares of the window: the side column ``right`` of the width, the
        timeline ``bottom`` of the height, so a small window keeps a usable map and a
        window grown back gets its docks back too."""
        side = int(min(max(width * right, 280), 640))
        timeline = int(min(max(height * bottom, 200), 460))
        self.resizeDocks([self.panel_dock], [side], Qt.Orientation.Horizontal)
        self.resizeDocks([self.panel_dock, self.table_dock],
                         [int(height * 0.58), int(height * 0.34)], Qt.Orientation.Vertical)
        self.resizeDocks([self.timeline_dock], [timeline], Qt.Orientation.Vertical)

    def resizeEvent(self, event) -> None:
        """Docks keep their share of the window (Qt keeps their pixels: a window grown
        back from 1024 px kept 215-px docks), and narrow windows drop the toolbar's
        button texts so the search field stays on the toolbar."""
        size = event.size()
        # the timeline header's second row first: in one row its minimum width would
        # clamp the side column of a narrow window
        self.timeline.set_two_rows(size.width() < NARROW_WIDTH)
        super().resizeEvent(event)
        self._fit_docks(size.width(), size.height(), *self._dock_shares)
        self._laid_size = (size.width(), size.height())
        self._toolbar.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonIconOnly if size.width() < NARROW_WIDTH
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def eventFilter(self, watched, event) -> bool:
        # a dock resized while the window kept its size: the user moved a splitter, so
        # that is the share to keep from now on
        if event.type() == QEvent.Type.Resize and (self.width(), self.height()) == \
                getattr(self, "_laid_size", None) and self.isVisible() \
                and watched in (self.panel_dock, self.timeline_dock) and not watched.isFloating():
            self._dock_shares = (self.panel_dock.width() / max(self.width(), 1),
                                 self.timeline_dock.height() / max(self.height(), 1))
        return super().eventFilter(watched, event)

    def _action(self, text: str, slot, shortcut=None, tip: str = "", checkable=False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip or text.replace("…", ""))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)        # shortcuts work even with the menu bar hidden
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        tl = self.timeline
        self.act_open_folder = self._action("Open &Folder…", self.open_folder_dialog, K.Open,
                                            "Extract events from every article in a folder")
        self.act_open_files = self._action("Open &Files…", self.open_files_dialog,
                                           "Ctrl+Shift+O", "Open articles or an events document")
        self.act_sample = self._action("Open &Sample Corpus", self.open_sample, None,
                                       "The five 2017 articles on US–China diplomacy that ship "
                                       "with Dateline")
        self.act_cancel = self._action("&Cancel Extraction", self.runner.cancel, None)
        self.act_export = self._action("Export &Events…", self.export_events, "Ctrl+E",
                                       "Export the filtered events as CSV, JSON or GeoJSON")
        self.act_export_map = self._action("Export &Map as PNG…",
                                           lambda: self.export_png("map"))
        self.act_export_timeline = self._action("Export &Timeline as PNG…",
                                                lambda: self.export_png("timeline"))
        self.act_quit = self._action("&Quit", self.close, K.Quit)
        self.act_find = self._action("&Find…", self.focus_search, K.Find)
        self.act_clear = self._action("Clear &All Filters", self.clear_filters,
                                      "Ctrl+Shift+Backspace")
        self.act_clear_sel = self._action("Clear &Selection", self.clear_selection, "Esc",
                                          "Deselect the event and place")
        self.act_prev = self._action("&Previous Event", lambda: tl.step(-1), "Alt+Left")
        self.act_next = self._action("&Next Event", lambda: tl.step(+1), "Alt+Right")
        self.act_jump = self._action("&Jump to Date…", self.focus_jump, "Ctrl+J")
        self.act_play = self._action("&Play / Pause", tl.toggle_play, "Space")
        self.act_clear_window = self._action("Show All &Dates", tl.clear_window, "Ctrl+Shift+A")
        self.act_fit = self._action("&Fit Timeline", tl.fit, "Ctrl+0")
        self.act_zoom_in = self._action("Zoom &In", lambda: tl.zoom(0.5), K.ZoomIn)
        self.act_zoom_out = self._action("Zoom &Out", lambda: tl.zoom(2.0), K.ZoomOut)
        self.act_dark = self._action("&Dark Theme", self.set_dark, "Ctrl+Shift+D",
                                     checkable=True)
        self.act_lanes = [self._action(f"Lanes by {name}", lambda _=False, n=name:
                                       tl.lane_combo.setCurrentText(n), f"Ctrl+{i + 1}")
                          for i, name in enumerate(LANE_MODES)]
        self.act_reset_layout = self._action("&Reset Layout", self.reset_layout)
        self.act_about = self._action("&About Dateline", self.about)
        self.act_keys = self._action("&Keyboard Shortcuts", self.show_shortcuts, K.HelpContents)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for a in (self.act_open_folder, self.act_open_files, self.act_sample, self.act_cancel):
            file_menu.addAction(a)
        file_menu.addSeparator()
        for a in (self.act_export, self.act_export_map, self.act_export_timeline):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = bar.addMenu("&Edit")
        for a in (self.act_find, self.act_clear, self.act_clear_sel):
            edit.addAction(a)
        view = bar.addMenu("&View")
        for dock in (self.panel_dock, self.table_dock, self.timeline_dock):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        for a in self.act_lanes + [self.act_zoom_in, self.act_zoom_out, self.act_fit,
                                   self.act_dark, self.act_reset_layout]:
            view.addAction(a)
        go = bar.addMenu("&Go")
        for a in (self.act_prev, self.act_next, self.act_jump, self.act_play,
                  self.act_clear_window):
            go.addAction(a)
        self.project.install(file_menu, edit, view, go)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_keys)
        help_menu.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        bar = self._toolbar = self.addToolBar("Main")
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = self.style()
        for action, icon in ((self.act_open_folder, QStyle.StandardPixmap.SP_DirOpenIcon),
                             (self.act_open_files, QStyle.StandardPixmap.SP_FileIcon),
                             (self.act_export, QStyle.StandardPixmap.SP_DialogSaveButton),
                             (self.act_clear, QStyle.StandardPixmap.SP_DialogResetButton)):
            action.setIcon(style.standardIcon(icon))
        bar.addAction(self.act_open_folder)
        bar.addAction(self.act_open_files)
        bar.addAction(self.act_export)
        bar.addSeparator()
        self.filter_buttons = make_filter_buttons(self.state, bar)
        for button in self.filter_buttons:
            bar.addWidget(button)
        bar.addAction(self.act_clear)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search = SearchField(self.state, bar)
        bar.addWidget(self.search)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.counts_label = SteadyLabel()   # changes every scrub step: no window relayout
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)   # a place name from articles
        self.counts_label.setToolTip("Events and statements passing every filter, the time "
                                     "window and the selected place, of all in the corpus")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.problems_button = QToolButton()
        self.problems_button.setAutoRaise(True)
        self.problems_button.clicked.connect(lambda: show_problems(self, self.problems))
        status.addPermanentWidget(self.problems_button)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.counts_label)
        self._set_busy(False)
        self.problems_button.hide()

    def _connect(self) -> None:
        self.state.result_changed.connect(self._update_counts)
        self.side_panel.open_article_requested.connect(self.open_article)
        self.event_table.open_article_requested.connect(self.open_article)
        self.runner.started.connect(lambda msg: (self._set_busy(True),
                                                 self.progress.setFormat(msg)))
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_loaded)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(lambda: (self._set_busy(False),
                                               self.statusBar().showMessage("Cancelled", 4000)))
        self.timeline.lane_combo.currentTextChanged.connect(
            lambda text: self.settings.setValue("laneMode", text))
        self._update_counts(self.state.result)

    # ------------------------------------------------------------- opening
    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open folder of articles",
                                                  self._last_folder())
        if folder:
            self.open_paths([Path(folder)])

    def open_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Open articles or an events document", self._last_folder(),
            "Articles and documents (*.txt *.md *.html *.htm *.json);;All files (*)")
        if files:
            self.open_paths([Path(f) for f in files])

    def open_sample(self) -> None:
        """Back to the bundled sample corpus (from its cache at once when fresh)."""
        self._source_name = "Sample corpus"
        self.corpus_paths = [(dl_paths.bundled_articles_dir(), dl_paths.bundled_manifest())]
        self.project.corpus_changed()
        self.runner.start_paths([dl_paths.bundled_articles_dir()], dl_paths.bundled_manifest())

    def open_paths(self, paths: list[Path], manifest: Path | None = None) -> None:
        """Folders/articles run extraction; a single .json is read as an events document,
        a single Parquet cache folder (``save_store_parquet``) as the store it holds."""
        if not paths:
            return
        first = Path(paths[0])
        self.settings.setValue("lastFolder", str(first if first.is_dir() else first.parent))
        self._source_name = first.name
        self.corpus_paths = []            # a document or cache is no folder of articles
        if len(paths) == 1 and first.suffix.lower() == ".json":
            self.runner.start_document(first)
        elif len(paths) == 1 and is_parquet_cache(first):
            self.runner.start_cache(first)
        else:
            self.corpus_paths = [(Path(p).resolve(), manifest) for p in paths]
            self.project.corpus_changed()
            self.runner.start_paths([Path(p) for p in paths], manifest)

    def load_store(self, store, problems: list[str] | None = None) -> None:
        self.project.session.adopt(store)     # the project's corrections and marks on it
        self._show_source(problems)

    def _show_source(self, problems: list[str] | None) -> None:
        self.problems = list(problems or [])
        self.problems_button.setText(f"⚠ {len(self.problems)} problem(s)")
        self.problems_button.setVisible(bool(self.problems))
        self.project.update_title()

    def _on_loaded(self, store, problems: list) -> None:
        self._set_busy(False)
        if store is self.state.store:       # built around it (start-up): views drew it
            self._show_source(problems)
        else:
            self.load_store(store, problems)
        problems = f" ({plural(len(problems), 'problem')})" if problems else ""
        self.statusBar().showMessage(
            f"Loaded {plural(len(store.articles), 'article')}: "
            f"{plural(len(store.events), 'event')}, "
            f"{plural(len(store.statements), 'statement')}{problems}", 6000)

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        warn(self, "Could not open", message)

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        self.progress.setFormat(message or "%p%")

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.act_cancel.setEnabled(busy)
        if busy:
            self.progress.setRange(0, 0)

    def _last_folder(self) -> str:
        return str(self.settings.value("lastFolder", str(Path.home())))

    # ------------------------------------------------------------- actions
    def open_article(self, article_id: str, start: int, end: int, s0: int, s1: int) -> None:
        if self.article_viewer is None:
            from dateline._qt.panel.article_viewer import ArticleViewer
            self.article_viewer = ArticleViewer(self)
            self.article_viewer.place_requested.connect(
                lambda name: self.state.update(place=name))
        self.article_viewer.show_article(self.state.store, article_id, start, end, s0, s1)

    def export_events(self) -> None:
        export_events_dialog(self, self.state.result, self._last_folder(), self.state.store.articles)

    def export_png(self, which: str) -> None:
        widget = self.map_view if which == "map" else self.timeline.plots
        path, _ = QFileDialog.getSaveFileName(self, f"Export {which} as PNG",
                                              str(Path(self._last_folder()) / f"{which}.png"),
                                              "PNG image (*.png)")
        if path:
            save_widget_png(self, widget, path)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def focus_jump(self) -> None:
        self.timeline_dock.show()
        self.timeline.date_edit.setFocus()

    def clear_filters(self) -> None:
        self.search.clear()
        self.state.update(place=None, actors=frozenset(), types=frozenset(),
                          outlets=frozenset(), search="", event=None, starred=False,
                          tags=frozenset())

    def clear_selection(self) -> None:
        self.state.update(event=None, place=None)

    def set_dark(self, dark: bool) -> None:
        from PySide6.QtWidgets import QApplication
        theme.apply(QApplication.instance(), "dark" if dark else "light")
        self.act_dark.setChecked(dark)
        self.settings.setValue("theme", "dark" if dark else "light")
        self.timeline.plots.apply_theme()
        self.side_panel.render()
        if hasattr(self.map_view, "set_dark"):
            self.map_view.set_dark(dark)

    def reset_layout(self) -> None:
        for dock in (self.panel_dock, self.table_dock, self.timeline_dock):
            dock.setFloating(False)
            dock.show()
        self._dock_shares = (RIGHT_SHARE, BOTTOM_SHARE)
        self._fit_docks(self.width(), self.height())

    def about(self) -> None:
        from dateline import __version__
        QMessageBox.about(self, "About Dateline",
                          f"<b>Dateline {__version__}</b><p>What happened, who said what, when "
                          "and where — extracted from a folder of news articles.</p>"
                          "<p>Map data: Natural Earth (public domain) via world-atlas.</p>")

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td>{a.text().replace('&', '')}</td><td><b>"
                       f"{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}"
                       "</b></td></tr>" for a in self.actions() if not a.shortcut().isEmpty())
        QMessageBox.information(self, "Keyboard shortcuts", f"<table>{rows}</table>")

    def _update_counts(self, result) -> None:
        # What passes every filter, the window and the place, out of the whole corpus
        # (the map header counts located places' events, any place: see MapView)
        store, place = self.state.store, result.selection.place
        self.counts_label.setText(
            f"Selected: {result.n_events} of {plural(len(store.events), 'event')} · "
            f"{result.n_statements} of {plural(len(store.statements), 'statement')}"
            + (f" · at {place}" if place else "")
            + f" · {window_label(result.selection.window)}")

    # -------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    # ------------------------------------------------------------ settings
    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.value("windowState")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        lanes = self.settings.value("laneMode")
        if lanes in LANE_MODES:
            self.timeline.lane_combo.setCurrentText(lanes)
        if self.settings.value("theme") == "dark":
            self.set_dark(True)

    def closeEvent(self, event) -> None:
        if not self.project.maybe_save():       # unsaved project: Save / Discard / Cancel
            event.ignore()
            return
        self.runner.cancel()
        if self.article_viewer is not None:       # a separate window: close it with us
            self.article_viewer.close()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self.settings.sync()
        super().closeEvent(event)

    # ----------------------------------------------------------- self-test
    def self_test(self) -> list[str]:
        """Problems a user would see (for ``--self-test``); empty means all is well."""
        problems = []
        store = self.state.store
        if store.events.empty:
            problems.append("no events were extracted")
        if not self.map_ok:
            problems.append("the map could not be created")
        else:
            names = getattr(getattr(getattr(self.map_view, "places", None), "places", None),
                            "names", None)
            if names is not None and not names:
                problems.append("the map shows no places")
        layout = self.timeline.plots.layout_data
        if layout is None or len(layout) == 0:
            problems.append("the timeline shows no events")
        return problems
