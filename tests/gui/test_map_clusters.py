"""Overlapping markers cluster at low zoom and split as the user zooms in (pytest-qt,
the real MapView over the real AppState and EventStore)."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from dateline._qt.map.places import cluster_tooltip_html  # noqa: E402
from dateline._qt.map.view import MapView  # noqa: E402
from dateline._qt.state import AppState  # noqa: E402
from dateline.model.store import EventStore  # noqa: E402

# A worldwide corpus with a crowd in western Europe (the Wikinews case, in miniature).
EUROPE = {"Paris": (48.8566, 2.3522), "Brussels": (50.8503, 4.3517),
          "Amsterdam": (52.3676, 4.9041), "London": (51.5074, -0.1278),
          "Lille": (50.6292, 3.0573)}
FAR = {"Sydney": (-33.8688, 151.2093), "Lima": (-12.0464, -77.0428),
       "Nairobi": (-1.2921, 36.8219)}


def _doc(extra=()):
    events = []
    for n, (name, (lat, lon)) in enumerate([*EUROPE.items(), *FAR.items(), *extra]):
        for k in range(1 + (name == "Paris") * 3):         # Paris is the biggest
            events.append({"id": f"e{n}-{k}", "type": "meeting", "summary": f"Met in {name}",
                           "date_start": f"2019-03-{10 + n:02d}",
                           "date_end": f"2019-03-{10 + n:02d}", "precision": "day",
                           "place": {"name": name, "lat": lat, "lon": lon},
                           "actors": [], "mentions": []})
    return {"schema": "dateline/1", "articles": [], "events": events, "statements": []}


@pytest.fixture
def setup(qtbot):
    state = AppState(EventStore.from_document(_doc()))
    view = MapView(state)
    qtbot.addWidget(view)
    view.resize(900, 560)
    view.show()
    qtbot.waitExposed(view)
    view.show_world()
    qtbot.wait(100)
    return view, state


def _cluster(view):
    clusters = {names[0]: names for names in view.places.places.members.values()}
    return clusters.get("Paris")


def test_crowded_places_cluster_at_world_zoom_with_a_count(setup):
    view, _ = setup
    members = _cluster(view)
    assert members is not None and set(members) == set(EUROPE)      # one marker for five
    drawn = set(view.places.scatter.data["data"])
    assert {"Sydney", "Lima", "Nairobi", "Paris"} <= drawn
    assert not drawn & {"Brussels", "Amsterdam", "London", "Lille"}
    assert "5" in view.places.badges.texts
    i = view.places.places.index("Paris")
    assert view.places.places.events[i] == 4 + 4                     # their counts summed
    assert "Paris +4" in view.places.places.label_names()


def test_clicking_a_cluster_zooms_in_until_it_splits(qtbot, setup):
    view, state = setup
    for _ in range(6):
        if _cluster(view) is None:
            break
        width = view.viewbox.viewRect().width()
        pos = view.place_scene_pos("Paris")
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.plot.mapFromScene(pos))
        qtbot.wait(20)
        assert view.viewbox.viewRect().width() < width                 # zoomed in
        assert state.selection.place is None                           # not selected
    drawn = set(view.places.scatter.data["data"])
    assert _cluster(view) is None and set(EUROPE) <= drawn             # all split
    assert view.places.badges.texts == []
    view.show_world()
    assert _cluster(view) is not None                                  # and back


def test_the_selected_place_leaves_its_cluster(setup):
    view, state = setup
    state.update(place="Brussels")
    assert "Brussels" in set(view.places.scatter.data["data"])
    assert view.places.ring.data["x"].size == 1                       # its ring is drawn
    assert "Brussels" not in (_cluster(view) or [])
    state.update(place=None)
    assert "Brussels" in _cluster(view)


def test_scrubbing_keeps_clusters_where_they_are(setup):
    view, state = setup
    x, y = (float(a[view.places.places.index("Paris")]) for a in
            (view.places.places.x, view.places.places.y))
    # Paris (10 Mar) left out; Brussels, Amsterdam, London, Lille (11-14 Mar) in
    state.update(window=(pd.Timestamp("2019-03-11"), pd.Timestamp("2019-03-15")), live=True)
    # Paris has left the window: the cluster keeps its place under another name
    p = view.places.places
    i = next(i for i, names in p.members.items() if "Brussels" in names)
    assert (float(p.x[i]), float(p.y[i])) == (x, y)


def test_cluster_tooltip_lists_escaped_names():
    text = cluster_tooltip_html(["<b>Paris</b>", "Lyon"], 3, 1)
    assert "&lt;b&gt;Paris" in text and "2 places" in text and "3 events" in text
