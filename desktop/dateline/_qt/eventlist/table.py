"""Event list: a filter box over a table of the filtered events, sorted by any column.

The model (``event_list_model``) sorts and filters itself with numpy, so the list stays
responsive with 100k+ events in the window.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dateline._qt.eventlist.delegate import EventDelegate
from dateline._qt.eventlist.model import (  # noqa: F401  (re-exported names)
    ACTORS_COL,
    COLUMNS,
    EVENT_COL,
    ID_ROLE,
    SORT_ROLE,
    SOURCES_COL,
    TYPE_COL,
    EventTableModel,
)
from dateline._qt.project.badges import event_badges
from dateline._qt.state import AppState
from dateline._qt.eventlist.steady_scrollbar import SteadyScrollBar

HIDDEN_BY_DEFAULT = (TYPE_COL, ACTORS_COL)


PREFERRED_WIDTHS = {0: 116, 2: 96, 3: 110, 4: 150, 5: 62}
EVENT_SHARE = 0.38      # the event's name keeps at least this share of a narrow list
MIN_WIDTHS = {0: 112, 2: 64, 3: 64, 4: 64, 5: 56}   # a whole date; a place's first letters


def fitted_widths(preferred: dict[int, int], available: int, share: float = EVENT_SHARE,
                  minimum: dict[int, int] = MIN_WIDTHS) -> dict[int, int]:
    """Widths of the fixed columns in a list ``available`` px wide: as preferred when the
    stretching event column keeps ``share`` of it, else scaled down together (never below
    their ``minimum``), so a narrow dock shows every column instead of losing the last."""
    room = available * (1 - share)
    total = sum(preferred.values())
    if total <= room or total == 0:
        return dict(preferred)
    scale = room / total
    return {col: max(minimum.get(col, 48), int(width * scale)) for col, width in preferred.items()}


class EventTable(QWidget):
    """The list view: a filter box over a sortable table; selecting a row selects the event,
    double-clicking opens its first source."""

    open_article_requested = Signal(str, int, int, int, int)
    item_menu_requested = Signal(str, str, QPoint)    # "event", id, global position

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.model = EventTableModel(self)
        self.proxy = self.model     # the model sorts/filters itself; old name kept for callers
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter this list…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(EventDelegate(self.view))   # one call per cell painted
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        # The scroll bar's range changes on every scrub step: it repaints only when its
        # handle moves, and opaque, it repaints alone, not the table frame and dock too.
        self.view.setVerticalScrollBar(SteadyScrollBar(self.view))
        self.view.verticalScrollBar().setAutoFillBackground(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(EVENT_COL, QHeaderView.ResizeMode.Stretch)
        for col, width in PREFERRED_WIDTHS.items():
            header.resizeSection(col, width)
        for col in HIDDEN_BY_DEFAULT:        # the colour chip shows the type; narrow dock
            self.view.setColumnHidden(col, True)
        self.view.viewport().installEventFilter(self)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._item_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        self._syncing = False
        self._shown_result = None
        state.result_changed.connect(self._on_result)
        self.refresh()

    def eventFilter(self, watched, event) -> bool:
        # the viewport's own resize: the table's comes before its layout sizes the view
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns(event.size().width())
        return super().eventFilter(watched, event)

    def _fit_columns(self, available: int) -> None:
        shown = {c: w for c, w in PREFERRED_WIDTHS.items() if not self.view.isColumnHidden(c)}
        header = self.view.horizontalHeader()
        for col, width in fitted_widths(shown, available).items():
            if header.sectionSize(col) != width:
                header.resizeSection(col, width)

    def _column_menu(self, pos) -> None:
        menu = QMenu(self)
        for col, name in enumerate(COLUMNS):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self.view.setColumnHidden(c, not on))
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))

    def _on_result(self, result) -> None:
        if self._shown_result is not None and result.event_rows is self._shown_result.event_rows:
            self.model.set_badges(event_badges(self.state))   # a star, tag or note changed
            self._select(result.selection.event)       # only the highlight changed
        else:
            # Within the scrub step, no debounce: the model takes the row positions (an
            # argsort at most) and Qt asks only for the cells on screen.
            self.refresh()

    def flush(self) -> None:
        """Nothing is ever pending (kept for callers that flush every view)."""

    def refresh(self) -> None:
        result = self.state.result
        self._shown_result = result
        self._syncing = True
        try:
            self.model.set_rows(result.event_rows, self.state.store.events)
            self.model.set_badges(event_badges(self.state))
            # The rows now hold other events: no current row (as after a model reset;
            # _select below picks the selected event's row).
            self.view.selectionModel().clearCurrentIndex()
            # Lay the rows out now, not on Qt's deferred timer: otherwise the new scroll
            # range arrives after the first paint and the whole list paints twice a step.
            self.view.doItemsLayout()
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
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
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

    def _item_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.selectRow(index.row())
            self.item_menu_requested.emit("event", index.data(ID_ROLE),
                                          self.view.viewport().mapToGlobal(pos))

    def _on_filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._select(self.state.selection.event)

    def visible_ids(self) -> list[str]:
        """Event ids in display order (after the list's filter and sort)."""
        return self.model.shown_ids()
