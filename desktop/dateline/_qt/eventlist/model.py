"""The event list's model: row positions of the result, sorted and filtered with numpy.

At 100k–1M events Qt must never ask Python for every cell: the model holds only an int array
of store rows in display order. Sorting is an ``argsort`` of store-wide rank arrays
(computed once per store and column), filtering a vectorised ``str.contains``, and a cell is
formatted only when Qt paints it.
"""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from dateline._qt import theme
from dateline.model.dates import describe

COLUMNS = ["Date", "Event", "Place", "Type", "Actors", "Sources"]
DATE_COL, EVENT_COL, PLACE_COL, TYPE_COL, ACTORS_COL, SOURCES_COL = range(6)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
NO_PLACE = "—"
CHIP_COLUMNS = frozenset({EVENT_COL, TYPE_COL})     # cells showing the type's colour chip
RIGHT_ALIGNED = frozenset({SOURCES_COL})
# Roles as plain ints: Qt asks 7 roles per cell on every paint (each scrub step paints
# the list), and comparing ints is several times cheaper than Qt enum members.
_DISPLAY, _TOOLTIP, _DECORATION, _ALIGN = (int(r.value) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.TextAlignmentRole))
_SORT, _ID = int(SORT_ROLE), int(ID_ROLE)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _SORT, _ID, _DECORATION, _ALIGN})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROW_CACHE = 4096           # formatted rows kept (many screens' worth)
_BLOCK = 64                 # display rows formatted together when one is first painted
_CELL_COLUMNS = ["start", "end", "precision", "summary", "place", "type", "actors", "n_sources"]
_DATE_CACHE = 65536         # date labels kept (distinct intervals)
_NAT = int(np.iinfo(np.int64).min)


class StoreKeys:
    """Per-store arrays the list needs, each built on first use (the store never changes)."""

    def __init__(self, events: pd.DataFrame):
        self.events = events
        self._ranks: dict[int, np.ndarray] = {}
        self._strings: dict[int, pd.Series] = {}
        self._ids: np.ndarray | None = None
        self._cells: dict[str, object] | None = None
        self._dates: dict[tuple, str] = {}      # (start, end, precision) -> label

    def ids(self) -> np.ndarray:
        if self._ids is None:
            self._ids = self.events["id"].to_numpy(dtype=object)
        return self._ids

    def cell_arrays(self) -> dict:
        """The columns the list shows, as arrays a block of rows is taken from: numpy
        views where the column has one (no copy), else the column's own array (Arrow
        strings, tuples), never a pandas lookup per block (~0.1 ms a column)."""
        if self._cells is None:
            self._cells = {c: _takeable(self.events[c]) for c in _CELL_COLUMNS}
        return self._cells

    def date_label(self, start: int, end: int, precision) -> str:
        """``describe`` of an interval (ns since the epoch, NaT as int64 min), cached:
        the rows on screen share a few days."""
        key = (start, end, precision)
        label = self._dates.get(key)
        if label is None:
            if len(self._dates) >= _DATE_CACHE:
                self._dates.clear()
            label = self._dates[key] = describe(_timestamp(start), _timestamp(end),
                                                precision)
        return label

    def strings(self, col: int) -> pd.Series:
        """Display strings of a text column for every store row."""
        if col not in self._strings:
            ev = self.events
            if col == DATE_COL:
                out = self._date_strings()
            elif col == SOURCES_COL:
                out = ev["n_sources"].astype(int).astype(str)
            elif col == EVENT_COL:
                out = ev["summary"].astype(str)
            elif col == PLACE_COL:
                out = ev["place"].fillna(NO_PLACE).astype(str)
            elif col == TYPE_COL:
                out = ev["type"].astype(str).map(theme.type_label)  # few distinct types
            else:
                out = ev["actors"].map(", ".join)
            self._strings[col] = out.astype("str")    # Arrow strings: vectorised contains
        return self._strings[col]

    def _date_strings(self) -> pd.Series:
        """``describe`` per row, computed once per distinct (start, end, precision): a year
        of news has only a few thousand distinct intervals however many events."""
        ev = self.events
        if ev.empty:
            return pd.Series([], dtype=object, index=ev.index)
        start = ev["start"].to_numpy("datetime64[ns]")
        end = ev["end"].to_numpy("datetime64[ns]")
        s_day = np.where(np.isnat(start), -1, start.astype("datetime64[D]").astype(np.int64))
        e_day = np.where(np.isnat(end), -1, end.astype("datetime64[D]").astype(np.int64))
        p_code, _ = pd.factorize(ev["precision"])
        key = (s_day + 1) * 1_000_000 * 64 + (e_day + 1) * 64 + (p_code + 1)
        codes, _ = pd.factorize(key)
        _, first = np.unique(codes, return_index=True)
        labels = np.array([describe(ev["start"].iat[i], ev["end"].iat[i],
                                    ev["precision"].iat[i]) for i in first], dtype=object)
        return pd.Series(labels[codes], index=ev.index, dtype=object)

    def rank(self, col: int) -> np.ndarray:
        """Int sort key per store row (unknown dates last; text case-insensitive)."""
        if col not in self._ranks:
            ev = self.events
            if col == DATE_COL:     # rows are sorted by start, unknown dates last
                key = np.arange(len(ev), dtype=np.int64)
            elif col == SOURCES_COL:
                key = ev["n_sources"].to_numpy(dtype=np.int64)
            else:
                key = pd.factorize(self.strings(col).str.lower(), sort=True)[0]
            self._ranks[col] = key.astype(np.int64)
        return self._ranks[col]

    def matches(self, rows: np.ndarray, needle: str) -> np.ndarray:
        """Which of ``rows`` show ``needle`` in any column (case-insensitive, vectorised;
        column by column, so no store-wide concatenated text is kept)."""
        hits = np.zeros(len(rows), dtype=bool)
        for col in range(len(COLUMNS)):
            text = self.strings(col).iloc[rows]
            hits |= text.str.contains(needle, case=False, regex=False).to_numpy(dtype=bool)
        return hits


class EventTableModel(QAbstractTableModel):
    """Sorts and filters itself (no QSortFilterProxyModel): ``data()`` is only called for
    the rows on screen, each cell formatted then and cached."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._keys = StoreKeys(pd.DataFrame(columns=["id", "start", "end", "precision",
                                                     "summary", "place", "type", "actors",
                                                     "n_sources"]))
        self._rows = np.zeros(0, dtype=np.intp)     # result rows (store positions)
        self._shown = self._rows                   # after filter and sort, display order
        self._sort_col, self._sort_order = DATE_COL, Qt.SortOrder.AscendingOrder
        self._needle = ""
        # store row -> its six display strings and its type: scrubbing shows new rows at
        # the top on every step, so rows are formatted a block at a time (one column
        # take each), not a pandas lookup per cell and role
        self._formatted: dict[int, tuple] = {}
        self._colours: dict[str, QIcon] = {}          # colour chip per event type
        self._badges: dict[str, str] = {}             # event id -> "★ #tag " prefix

    # ------------------------------------------------------------------ input
    def set_events(self, events: pd.DataFrame, base: pd.DataFrame | None = None) -> None:
        """Show ``events``. With ``base`` (the store's events frame), ``events`` must be rows
        of it (index labels = positions), and the sort keys are shared across results."""
        if base is None:
            base, rows = events.reset_index(drop=True), np.arange(len(events))
        else:
            rows = events.index.to_numpy(dtype=np.intp)
        self.set_rows(rows, base)

    def set_rows(self, rows: np.ndarray, base: pd.DataFrame) -> None:
        """Show rows ``rows`` (positions) of ``base``, the store's events frame."""
        rows = np.asarray(rows, dtype=np.intp)
        if base is self._keys.events and len(self._shown):
            self._replace_rows(rows)
            return
        self.beginResetModel()
        if base is not self._keys.events:
            self._keys = StoreKeys(base)
            self._formatted.clear()
        self._rows = rows
        self._shown = self._ordered()
        self.endResetModel()

    def _replace_rows(self, rows: np.ndarray) -> None:
        """A new result of the same store (a scrub step): rows added or removed at the
        end and the rows that now show another event marked changed. A model reset would
        also reset the header and the selection model, and repaint the header, on every
        step; marking every row changed repainted every visible row, even the long-running
        events that stay at the top of each window."""
        shown = self._ordered(rows)
        old, new = len(self._shown), len(shown)
        common = min(old, new)
        differ = np.flatnonzero(self._shown[:common] != shown[:common])
        if new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
        elif new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
        self._rows, self._shown = rows, shown
        if new < old:
            self.endRemoveRows()
        elif new > old:
            self.endInsertRows()
        if len(differ):
            self.dataChanged.emit(self.index(int(differ[0]), 0),
                                  self.index(int(differ[-1]), len(COLUMNS) - 1))

    def set_badges(self, badges: dict[str, str]) -> None:
        """Prefixes of the Event cell for the events the user starred, tagged, noted
        or corrected (few): the cached rows are formatted again only when they change."""
        if badges == self._badges:
            return
        self._badges = dict(badges)
        self._formatted.clear()
        if len(self._shown):
            self.dataChanged.emit(self.index(0, EVENT_COL),
                                  self.index(len(self._shown) - 1, EVENT_COL))

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._needle = text.strip().lower()
        self._shown = self._ordered()
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self._shown
        self._sort_col, self._sort_order = column, order
        self._shown = self._ordered()
        self._move_persistent(old)
        self.layoutChanged.emit()

    def _ordered(self, rows: np.ndarray | None = None) -> np.ndarray:
        rows = self._rows if rows is None else rows
        if self._needle and len(rows):
            rows = rows[self._keys.matches(rows, self._needle)]
        if self._sort_col == DATE_COL and _is_sorted(rows):
            # Store rows are in date order already (the date rank is the position): no
            # argsort on each scrub step, even with a million rows in the window.
            return rows if self._sort_order == Qt.SortOrder.AscendingOrder else rows[::-1]
        key = self._keys.rank(self._sort_col)[rows]
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            key = -key
        return rows[np.argsort(key, kind="stable")]

    def _move_persistent(self, old: np.ndarray) -> None:
        """Keep the selection on the same events across a re-sort."""
        before = self.persistentIndexList()
        after = []
        for index in before:
            pos = np.flatnonzero(self._shown == old[index.row()]) if index.isValid() else []
            after.append(self.index(int(pos[0]), index.column()) if len(pos) else QModelIndex())
        if before:
            self.changePersistentIndexList(before, after)

    # ------------------------------------------------------------------ output
    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._shown)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role=_DISPLAY):
        role = _role_int(role)
        if role not in _ROLES or not index.isValid():
            return None
        pos, col = index.row(), index.column()
        if pos >= len(self._shown):
            return None
        if role == _DISPLAY:
            return self._row(pos)[col]                # item views paint plain text
        if role == _TOOLTIP:
            # Tooltips render rich text when it looks like markup: escape article text.
            return f"<p>{html.escape(self._row(pos)[col])}</p>"
        if role == _SORT:
            return int(self._keys.rank(col)[self._shown[pos]])
        if role == _ID:
            return self._keys.ids()[self._shown[pos]]
        if role == _DECORATION and col in CHIP_COLUMNS:
            return self._colour(self._row(pos)[-1])
        if role == _ALIGN and col in RIGHT_ALIGNED:
            return _RIGHT
        return None

    def _colour(self, event_type: str):
        """The type's colour chip, as the icon Qt would make of the colour: given a
        QColor, the delegate fills a new pixmap and icon for every cell it paints."""
        chip = self._colours.get(event_type)
        if chip is None:
            chip = self._colours[event_type] = _chip(theme.type_colour(event_type))
        return chip

    def cells(self, pos: int) -> tuple | None:
        """The display strings of display row ``pos`` then its event type, or None: what
        the list's delegate paints a cell from, in one call."""
        return self._row(pos) if 0 <= pos < len(self._shown) else None

    def _row(self, pos: int) -> tuple:
        """Display strings of display row ``pos`` (then its event type)."""
        row = int(self._shown[pos])
        cells = self._formatted.get(row)
        if cells is None:
            lo = pos - pos % _BLOCK
            block = [r for r in self._shown[lo:lo + _BLOCK].tolist() if r not in self._formatted]
            if len(self._formatted) + len(block) > _ROW_CACHE:
                self._formatted.clear()
            cells = _format_rows(self._keys, block)
            if self._badges:
                ids = self._keys.ids()
                cells = [_with_badge(c, self._badges.get(ids[r])) for r, c in zip(block, cells)]
            self._formatted.update(zip(block, cells))
            cells = self._formatted[row]
        return cells

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    # ------------------------------------------------------------------ lookups
    def row_of(self, event_id: str) -> int:
        """Display row of an event, or -1 (vectorised over the shown rows)."""
        hits = np.flatnonzero(self._keys.ids()[self._shown] == event_id)
        return int(hits[0]) if len(hits) else -1

    def shown_ids(self) -> list[str]:
        return self._keys.ids()[self._shown].tolist()


def _with_badge(cells: tuple, badge: str | None) -> tuple:
    """A row's cells with ``badge`` before the event's summary."""
    return cells if not badge else (cells[0], badge + cells[1], *cells[2:])


def _chip(colour: QColor) -> QIcon:
    """A square of ``colour`` at the item views' default decoration size."""
    app = QApplication.instance()
    size = app.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) if app else 16
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


def _role_int(role) -> int:
    """Qt passes an int; Python callers may pass a Qt enum member."""
    return role if type(role) is int else int(getattr(role, "value", role))


def _is_sorted(rows: np.ndarray) -> bool:
    return len(rows) < 2 or bool(np.all(rows[1:] > rows[:-1]))


def _format_rows(keys: StoreKeys, rows: list[int]) -> list[tuple]:
    """The six column strings and the type of each of ``rows`` (store positions)."""
    arrays, take = keys.cell_arrays(), np.asarray(rows, dtype=np.intp)
    cols = {c: _taken(arrays[c], take) for c in _CELL_COLUMNS}
    out = []
    for start, end, precision, summary, place, kind, actors, n in zip(
            *(cols[c] for c in _CELL_COLUMNS)):
        kind = str(kind)
        out.append((keys.date_label(start, end, precision), str(summary),
                    place if isinstance(place, str) else NO_PLACE, theme.type_label(kind),
                    ", ".join(actors), str(int(n)), kind))
    return out


def _takeable(column: pd.Series):
    """``column`` as an array to take rows from: dates as int64 ns, NumPy-backed columns
    as their ndarray (a view, no copy), others (Arrow strings, tuples) as their own
    extension array: converting those would copy every row's object."""
    if column.dtype.kind == "M" and getattr(column.dtype, "tz", None) is None:
        return column.to_numpy("datetime64[ns]").view(np.int64)
    return column.to_numpy() if isinstance(column.dtype, np.dtype) else column.array


def _taken(array, rows: np.ndarray) -> list:
    return array[rows].tolist() if isinstance(array, np.ndarray) else array.take(rows).tolist()


def _timestamp(ns):
    """A taken date as ``describe`` takes it (an aware column gives Timestamps as is)."""
    return None if ns == _NAT else pd.Timestamp(ns)
