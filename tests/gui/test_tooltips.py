"""Hover tooltips on map markers, timeline items and list rows: each exists when the mouse
rests on the real widget, and shows article text escaped (pytest-qt)."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QPointF  # noqa: E402
from PySide6.QtGui import QHelpEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QToolTip  # noqa: E402

from dateline._qt.eventlist.table import EventTable  # noqa: E402
from dateline._qt.map.view import MapView  # noqa: E402
from dateline._qt.state import AppState  # noqa: E402
from dateline._qt.timeline.view import TimelineView  # noqa: E402
from dateline.model.store import EventStore  # noqa: E402

EVIL_PLACE = "<b>Bad</b> & Town"
EVIL_SUMMARY = "<img src=x onerror=alert(1)> talks"


def _doc():
    return {"schema": "dateline/1", "articles": [{"id": "a", "outlet": "<i>Wire</i>"}],
            "statements": [],
            "events": [{"id": "e1", "type": "meeting", "summary": EVIL_SUMMARY,
                        "date_start": "2017-03-17", "date_end": "2017-03-17",
                        "precision": "day", "actors": ["<u>Someone</u>"],
                        "place": {"name": EVIL_PLACE, "lat": 39.9, "lon": 116.4},
                        "mentions": [{"article": "a", "start": 0, "end": 1, "text": "x"}]}]}


@pytest.fixture
def state(qtbot):
    return AppState(EventStore.from_document(_doc(), texts={"a": "x"}))


def _show(qtbot, widget, size):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _shown(widget, qtbot) -> str:
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def _escaped(text: str) -> None:
    assert "<img" not in text and "<b>Bad" not in text and "<u>Someone" not in text


def test_map_marker_tooltip(qtbot, state):
    view = _show(qtbot, MapView(state), (700, 500))
    pos = view.place_scene_pos(EVIL_PLACE)
    qtbot.mouseMove(view.plot.viewport(), view.plot.mapFromScene(pos))
    text = _shown(view, qtbot)
    assert "&lt;b&gt;Bad&lt;/b&gt; &amp; Town" in text and "1 event" in text
    _escaped(text)


def test_timeline_item_tooltip(qtbot, state):
    view = _show(qtbot, TimelineView(state), (900, 320))
    data = view.plots.layout_data
    vb = view.plots.lanes.getViewBox()
    scene = vb.mapViewToScene(QPointF(float(data.xmid[0]), float(data.y[0])))
    qtbot.mouseMove(view.plots.viewport(), view.plots.mapFromScene(scene))
    text = _shown(view, qtbot)
    assert "&lt;img src=x" in text and "&lt;u&gt;Someone" in text
    _escaped(text)


def test_list_row_tooltip(qtbot, state):
    table = _show(qtbot, EventTable(state), (700, 300))
    view = table.view
    for col in range(view.model().columnCount()):
        rect = view.visualRect(view.model().index(0, col))
        if rect.isEmpty() or view.isColumnHidden(col):
            continue
        at = rect.center()
        QApplication.sendEvent(view.viewport(), QHelpEvent(
            QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at)))
        text = _shown(view, qtbot)
        _escaped(text)
        if "talks" in text:
            assert "&lt;img src=x" in text
            break
    else:
        pytest.fail("no list cell shows the event's summary in a tooltip")
