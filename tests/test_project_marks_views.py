"""Stars and tags as the explorer's "Starred" and tag filters; saved views round-trip
through the project file."""
import pandas as pd

from dateline.model.explorer import Explorer, FiltersChanged, MarksChanged
from dateline.model.marks import Marks
from dateline.model.project.corrections import apply_project, key_of, resolve_marks
from dateline.model.project.file import Project
from dateline.model.project.records import Annotation
from dateline.model.project.views import save_view, view_extras, view_selection
from dateline.model.selection import Selection
from dateline.model.store import EventStore

from test_project_corrections import _doc


def _store():
    return EventStore.from_document(_doc())


def test_starred_and_tag_filters_keep_only_marked_items():
    store = _store()
    marks = Marks({"ev_launch", "st_kim"}, {"korea": {"ev_launch", "st_talks"},
                                            "china": {"st_thaad"}})
    def ids(**sel):
        result = store.query(Selection(**sel), marks)
        return sorted(result.event_ids + result.statement_values("id").tolist())
    assert ids(starred=True) == ["ev_launch", "st_kim"]
    assert ids(tags=frozenset({"korea"})) == ["ev_launch", "st_talks"]
    assert ids(tags=frozenset({"korea", "china"})) == ["ev_launch", "st_talks", "st_thaad"]
    assert ids(starred=True, tags=frozenset({"korea"})) == ["ev_launch"]
    assert ids(starred=True, types=frozenset({"meeting"})) == []
    assert len(ids()) == 6                                    # no filter: marks ignored
    assert store.query(Selection(starred=True)).n_events == 0  # no marks: nothing starred
    assert Selection(starred=True).is_filtered and Selection(tags=frozenset("x")).is_filtered


def test_project_stars_resolve_to_store_ids():
    doc = _doc()
    project = Project()
    project.set_star(key_of(doc, "statement", "st_thaad"))
    project.set_tags(key_of(doc, "event", "ev_meet_b"), ["thaad"])
    marks, orphans = resolve_marks(EventStore.from_document(doc), project.annotations)
    assert orphans == []
    assert marks.starred == {"st_thaad"} and marks.tags_of("ev_meet_b") == ("thaad",)
    assert marks.is_starred("st_thaad") and not marks.is_starred("ev_meet_b")


def test_explorer_announces_marks_and_requeries_when_filtering():
    explorer = Explorer(_store())
    seen = []
    explorer.listen(seen.append)
    assert explorer.update(starred=True) == (FiltersChanged(("starred",)),)
    assert explorer.result.n_events == 0
    marks = Marks({"ev_meet_a"})
    assert explorer.set_marks(marks) == (MarksChanged(marks),)
    assert explorer.result.event_ids == ["ev_meet_a"]
    explorer.update(tags={"x"})
    assert explorer.selection.tags == frozenset({"x"}) and explorer.result.n_events == 0
    explorer.set_store(_store(), marks)
    assert explorer.marks is marks and explorer.selection == Selection()
    assert seen[-1][0].__class__.__name__ == "StoreReplaced"


def test_saved_views_round_trip_through_the_file(tmp_path):
    selection = Selection(place="Beijing", actors=frozenset({"Wang Yi"}), search="thaad",
                          starred=True, tags=frozenset({"china"}), event="ev_meet_a",
                          cumulative=True).with_window("2017-03-17", "2017-03-21 12:00")
    event_key = key_of(_doc(), "event", "ev_meet_a")
    project = Project()
    project.add_view(save_view("  Talks in Beijing ", selection, "actors", event_key))
    project.add_view(save_view("Everything", Selection()))
    project.move_view(1, 0)
    path = project.save(tmp_path / "v.dateline")
    views = Project.open(path).views
    assert [v.name for v in views] == ["Everything", "Talks in Beijing"]
    assert view_selection(views[1]) == selection
    assert view_selection(views[1]).window[1] == pd.Timestamp("2017-03-21 12:00")
    assert view_extras(views[1]) == ("actors", event_key)
    assert view_selection(views[0]) == Selection() and view_extras(views[0]) == (None, None)


def test_applied_edits_use_the_key_the_project_already_holds():
    doc = _doc()
    project = Project()
    project.set_star(key_of(doc, "event", "ev_meet_a"))
    fresh = _doc()                                  # re-extracted: the event gained an actor
    next(e for e in fresh["events"] if e["id"] == "ev_meet_a")["actors"].append("Li Keqiang")
    applied = apply_project(fresh, project)
    assert applied.marks.starred == {"ev_meet_a"}
    key = applied.key("event", "ev_meet_a")
    assert key != key_of(fresh, "event", "ev_meet_a")          # the hint moved on ...
    project.set_star(key, False)                               # ... the stored key is used
    assert project.annotations == {}
    assert applied.key("statement", "st_kim") == key_of(fresh, "statement", "st_kim")
    toggled = applied.annotated("st_kim", Annotation(True, ("x",)))
    assert toggled.marks.starred == {"ev_meet_a", "st_kim"} and toggled.marks.tags_of("st_kim")
    assert applied.marks.starred == {"ev_meet_a"}              # the original is unchanged
    assert applied.annotated("ev_meet_a", Annotation()).marks.starred == frozenset()
