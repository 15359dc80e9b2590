"""Opening another corpus replaces everything drawn from the old one: no ghost markers,
rings or hover marks from the previous store stay on the map."""
from __future__ import annotations

import numpy as np

from dateline.model.store import EventStore


def _doc(places):
    """A small document: one dated event per (name, lat, lon)."""
    events = [{"id": f"e{i}", "type": "meeting", "summary": f"Talks in {name}",
               "date_start": f"2019-05-{i + 1:02d}", "date_end": f"2019-05-{i + 1:02d}",
               "precision": "day", "place": {"name": name, "lat": lat, "lon": lon},
               "actors": ["A", "B"],
               "mentions": [{"article": "a1", "start": 0, "end": 5, "text": "Talks"}]}
              for i, (name, lat, lon) in enumerate(places)]
    return {"schema": "dateline/1", "articles": [{"id": "a1", "published": "2019-05-10"}],
            "events": events, "statements": []}


def _pixels(image):
    from PySide6.QtGui import QImage
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    raw = np.frombuffer(image.constBits(), dtype=np.uint8)
    rows = raw.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 4]
    return rows.reshape(image.height(), image.width(), 4).astype(int)


def test_second_open_leaves_no_ghost_markers(qtbot, make_window, settle, seed_store):
    from PySide6.QtWidgets import QApplication
    window = make_window(seed_store)
    settle(window)
    window.state.update(place="Beijing")
    settle(window)
    new = EventStore.from_document(_doc([("Hanoi", 21.03, 105.85), ("Manila", 14.6, 120.98)]))
    window.load_store(new)
    settle(window)
    app = QApplication.instance()
    app.sendPostedEvents()
    app.processEvents()
    qtbot.wait(50)
    places = window.map_view.places
    assert sorted(places.places.names) == ["Hanoi", "Manila"]
    assert window.state.selection.place is None
    box = window.map_view.view_bbox()             # the map frames the new places
    assert box.contains(105.85, 21.03) and box.contains(120.98, 14.6)
    assert not window.map_view.world_button.isChecked()
    view = window.map_view
    shown = _pixels(view.screen().grabWindow(window.winId()).toImage())
    fresh = _pixels(window.grab().toImage())
    window.grab().save("/tmp/scr/after_second_open.png")
    assert np.abs(shown - fresh).max() <= 2


def test_worldwide_corpus_opens_on_the_world(make_window, settle, seed_store):
    window = make_window(seed_store)
    settle(window)
    window.load_store(EventStore.from_document(_doc([
        ("Paris", 48.85, 2.35), ("New York", 40.7, -74.0), ("Sydney", -33.9, 151.2),
        ("Lima", -12.05, -77.04)])))
    settle(window)
    assert window.map_view.world_button.isChecked()


def test_east_asian_corpus_opens_on_the_home_frame(make_window, settle):
    from dateline.geo.basemap import HOME_FRAME
    window = make_window(EventStore.from_document(_doc([("Hanoi", 21.03, 105.85)])))
    settle(window)
    window.load_store(EventStore.from_document(_doc([("Seoul", 37.57, 126.98), ("Tokyo", 35.68, 139.69)])))
    settle(window)
    assert window.map_view.view_bbox().contains_box(HOME_FRAME)
