"""The event list's own cell painter draws exactly what Qt's delegate draws, without asking
the model for each cell's roles."""
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyledItemDelegate, QTableView

pytest.importorskip("pytestqt")

SUMMARIES = ["", "Rex Tillerson meets Yang Jiechi in Beijing for talks on North Korea",
             "short", "tab\there", "line\nbreak",
             "مرحبا بالعالم وهذا نص طويل جدا جدا للاختبار",          # right-to-left, elided
             "北京会谈 韩国 朝鲜 非常长的标题文字需要省略号来显示",  # a fallback font's glyphs
             "e\u0301motion combining",
             "<b>not bold</b> &amp; <i>x</i>", "x" * 300, "nbsp\u00a0here",
             "mixed English עברית text here and more"]
# ASCII around the Event column's width, kerned pairs too: elided exactly where Qt elides
SUMMARIES += [text[:n] for n in range(22, 40, 3)
              for text in ("AVAWATAVAYTo" * 4, "Rex Tillerson meets Yang Jiechi in Beijing")]


def _events():
    n = len(SUMMARIES)
    day = pd.to_datetime(["2017-03-18"] * n)
    return pd.DataFrame({
        "id": [f"e{i}" for i in range(n)], "start": day, "end": day,
        "precision": ["day"] * n, "summary": SUMMARIES,
        "place": ["Beijing", None] * (n // 2) + ["Seoul"] * (n % 2),
        "type": ["meeting", "warning", "visit"] * (n // 3) + ["other"] * (n % 3),
        "actors": [("A", "B")] * n, "n_sources": [1, 12, 345] * (n // 3) + [7] * (n % 3)})


def _table(qtbot, delegate_cls, model_cls=None):
    from dateline._qt.eventlist.model import EventTableModel
    model = (model_cls or EventTableModel)()
    model.set_events(_events())
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(delegate_cls(view))
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().resizeSection(1, 230)
    view.resize(900, 24 * len(SUMMARIES) + 40)
    view.show()
    qtbot.waitExposed(view)
    return view


def _pictures(qtbot, delegate_cls, change=None):
    """The view grabbed twice (strings first seen, then cached), as images."""
    view = _table(qtbot, delegate_cls)
    if change:
        change(view)
    first = view.grab().toImage()
    return first, view.grab().toImage()


def _select_row(view):
    view.selectRow(3)


def _bigger_font(view):
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() + 3)
    view.setFont(font)


def _right_to_left(view):
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)


def _disabled(view):
    view.setEnabled(False)


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("change", [None, _select_row, _bigger_font, _right_to_left,
                                    _disabled])
def test_cells_look_as_qt_draws_them(qapp, qtbot, dark, change):
    from dateline._qt import theme
    from dateline._qt.eventlist.delegate import EventDelegate
    theme.apply(qapp, "dark" if dark else "light")
    want = _pictures(qtbot, QStyledItemDelegate, change)
    got = _pictures(qtbot, EventDelegate, change)
    assert want[0] == want[1]                   # the reference is stable
    assert got[0] == want[0] and got[1] == want[0]


def test_plain_cells_are_painted_without_asking_for_roles(qtbot):
    from dateline._qt.eventlist.delegate import EventDelegate
    from dateline._qt.eventlist.model import EventTableModel
    calls = []

    class Counting(EventTableModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            calls.append((index.row(), role))
            return super().data(index, role)

    view = _table(qtbot, EventDelegate, Counting)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.clearFocus()                                  # no focus frame
    view.selectRow(1)
    view.viewport().grab()          # the first paint asks the style where a column's text goes
    calls.clear()
    view.viewport().grab()
    # only the selected row and the cells whose text Qt must lay out (tab, line break,
    # no-break space) go through data()
    assert {row for row, _ in calls} == {1, 3, 4, 10}


def test_the_list_uses_it_and_paints_the_new_rows_after_a_step(make_window, synthetic_store,
                                                               settle):
    from dateline._qt.eventlist.delegate import EventDelegate
    window = make_window(synthetic_store)
    settle(window)
    table, state = window.event_table, window.state
    assert isinstance(table.view.itemDelegate(), EventDelegate)
    first = state.store.time_range()[0].normalize()
    for days in (0, 3):
        state.update(window=(first + pd.Timedelta(days=days), first + pd.Timedelta(days=40)))
        settle(window)
        picture = table.view.viewport().grab().toImage()
        table.view.setItemDelegate(QStyledItemDelegate(table.view))
        assert table.view.viewport().grab().toImage() == picture
        table.view.setItemDelegate(EventDelegate(table.view))
