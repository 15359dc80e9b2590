"""Event list: a QAbstractTableModel over the filtered events, a sort/filter proxy, search."""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dateline._qt import theme
from dateline._qt.state import AppState
from dateline.model.dates import describe

COLUMNS = ["Date", "Event", "Place", "Type", "Actors", "Sources"]
EVENT_COL, TYPE_COL, ACTORS_COL, SOURCES_COL = 1, 3, 4, 5
HIDDEN_BY_DEFAULT = (TYPE_COL, ACTORS_COL)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class EventTableModel(QAbstractTableModel):
    """Display strings are computed once per result, so data() is a list lookup."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: list[str] = []
        self._cells: list[list[str]] = [[] for _ in COLUMNS]
        self._sort: list[list] = [[] for _ in COLUMNS]
        self._types: list[str] = []

    def set_events(self, events: pd.DataFrame) -> None:
        self.beginResetModel()
        self._ids = events["id"].tolist()
        self._types = events["type"].tolist()
        dates = [describe(s, e, p) for s, e, p in
                 zip(events["start"], events["end"], events["precision"])]
        places = events["place"].fillna("—").tolist()
        actors = [", ".join(a) for a in events["actors"]]
        types = [theme.type_label(t) for t in self._types]
        self._cells = [dates, events["summary"].tolist(), places, types, actors,
                       [str(n) for n in events["n_sources"]]]
        start_ns = events["start"].to_numpy("datetime64[ns]").astype("int64")
        start_ns = np.where(events["start"].isna(), np.iinfo(np.int64).max, start_ns)
        self._sort = [start_ns.tolist(), [s.lower() for s in self._cells[1]], places, types,
                      actors, events["n_sources"].tolist()]
        self.endResetModel()

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._ids)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[col][row]              # item views paint plain text
        if role == Qt.ItemDataRole.ToolTipRole:
            # Tooltips render rich text when it looks like markup: escape article text.
            return f"<p>{html.escape(self._cells[col][row])}</p>"
        if role == SORT_ROLE:
            return self._sort[col][row]
        if role == ID_ROLE:
            return self._ids[row]
        if role == Qt.ItemDataRole.DecorationRole and col in (EVENT_COL, TYPE_COL):
            return theme.type_colour(self._types[row])
        if role == Qt.ItemDataRole.TextAlignmentRole and col == SOURCES_COL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def row_of(self, event_id: str) -> int:
        try:
            return self._ids.index(event_id)
        except ValueError:
            return -1


class EventFilterProxy(QSortFilterProxyModel):
    """Sorts by the model's SORT_ROLE; filters rows on any column, case-insensitively."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


class EventTable(QWidget):
    """The list view: a filter box over a sortable table; selecting a row selects the event,
    double-clicking opens its first source."""

    open_article_requested = Signal(str, int, int, int, int)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.model = EventTableModel(self)
        self.proxy = EventFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter this list…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(EVENT_COL, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 116), (2, 96), (3, 110), (4, 150), (5, 62)):
            header.resizeSection(col, width)
        for col in HIDDEN_BY_DEFAULT:        # the colour chip shows the type; narrow dock
            self.view.setColumnHidden(col, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.doubleClicked.connect(self._on_double_click)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        self._syncing = False
        self._timer = QTimer(self, singleShot=True, interval=120)   # scrubbing: debounce
        self._timer.timeout.connect(self.refresh)
        self._shown_result = None
        state.result_changed.connect(self._on_result)
        self.refresh()

    def _column_menu(self, pos) -> None:
        menu = QMenu(self)
        for col, name in enumerate(COLUMNS):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self.view.setColumnHidden(c, not on))
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))

    def _on_result(self, result) -> None:
        if self._shown_result is not None and result.events is self._shown_result.events:
            self._select(result.selection.event)       # only the highlight changed
        else:
            self._timer.start()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.refresh()

    def refresh(self) -> None:
        result = self.state.result
        self._shown_result = result
        self._syncing = True
        try:
            self.model.set_events(result.events)
        finally:
            self._syncing = False
        self._select(result.selection.event)

    def _select(self, event_id: str | None) -> None:
        row = self.model.row_of(event_id) if event_id else -1
        self._syncing = True
        try:
            if row < 0:
                self.view.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.view.selectRow(index.row())
                self.view.scrollTo(index)
        finally:
            self._syncing = False

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self.state.update(event=current.data(ID_ROLE))

    def _on_double_click(self, index: QModelIndex) -> None:
        row = self.state.store.event(index.data(ID_ROLE))
        if row is not None and row["mentions"]:
            article, start, end, _ = row["mentions"][0]
            self.open_article_requested.emit(article, start, end, -1, -1)

    def visible_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]
