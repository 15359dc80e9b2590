"""Corrections keyed by article text hash and span: applied to a document, re-applied to a
fresh extraction whose ids and spans moved, and listed as orphans when their text changed."""
import hashlib

import pytest

from dateline.document import validate_document
from dateline.model.project.corrections import (apply_corrections, corrected_fields, key_of,
                                                resolve_annotations)
from dateline.model.project.records import (Annotation, Correction, ItemKey, ProjectError,
                                            date_value)
from dateline.model.store import EventStore

TEXT_A = ("SEOUL (Reuters) - Rex Tillerson said the talks in Seoul went well. "
          "Kim Jong Un said the missile test was a success. "
          "North Korea launched a missile on Monday. Tillerson met Wang Yi in Beijing.")
TEXT_B = "Beijing - China said on Friday it opposed THAAD. Wang Yi met Tillerson in Beijing."


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _statement(sid, article, text, quote, speaker, place=None, event=None):
    s, e = _span(text, quote)
    return {"id": sid, "speaker": speaker, "text": quote, "direct": False, "article": article,
            "start": s, "end": e, "sentence_start": s, "sentence_end": e,
            "date_start": None, "date_end": None, "precision": None,
            "place": {"name": place, "lat": None, "lon": None} if place else None,
            "event": event}


def _event(eid, etype, mentions, actors, place=None):
    return {"id": eid, "type": etype, "summary": f"{etype} {eid}", "date_start": "2017-03-20",
            "date_end": "2017-03-20", "precision": "day",
            "place": {"name": place, "lat": 1.0, "lon": 2.0} if place else None,
            "actors": actors,
            "mentions": [{"article": art, "start": _span(text, words)[0],
                          "end": _span(text, words)[1], "text": words}
                         for art, text, words in mentions]}


def _doc(text_a=TEXT_A, text_b=TEXT_B, suffix="") -> dict:
    """A document as extraction would write it; ``suffix`` changes every id (a re-run of
    changed rules need not give the same ids)."""
    return {"schema": "dateline/1",
            "articles": [{"id": "a", "path": "", "title": "A", "outlet": "Reuters",
                          "published": "2017-03-21", "published_source": "manifest",
                          "text_sha256": _sha(text_a)},
                         {"id": "b", "path": "", "title": "B", "outlet": "Xinhua",
                          "published": "2017-03-18", "published_source": "manifest",
                          "text_sha256": _sha(text_b)}],
            "events": [_event("ev_launch" + suffix, "military_action",
                              [("a", text_a, "North Korea launched a missile on Monday.")],
                              ["North Korea"], "North Korea"),
                       _event("ev_meet_a" + suffix, "meeting",
                              [("a", text_a, "Tillerson met Wang Yi in Beijing.")],
                              ["Rex Tillerson", "Wang Yi"], "Beijing"),
                       _event("ev_meet_b" + suffix, "meeting",
                              [("b", text_b, "Wang Yi met Tillerson in Beijing.")],
                              ["Wang Yi"], "Beijing")],
            "statements": [_statement("st_talks" + suffix, "a", text_a,
                                      "the talks in Seoul went well", "Rex Tillerson", "Seoul"),
                           _statement("st_kim" + suffix, "a", text_a,
                                      "the missile test was a success", "Kim Jong Un"),
                           _statement("st_thaad" + suffix, "b", text_b, "it opposed THAAD",
                                      "China", event="ev_meet_b" + suffix)]}


def _by_id(doc, kind="statements"):
    return {item["id"]: item for item in doc[kind]}


def test_statement_fields_are_corrected_and_marked():
    doc = _doc()
    key = key_of(doc, "statement", "st_talks")
    assert key == ItemKey("statement", _sha(TEXT_A), *_span(TEXT_A, "the talks in Seoul went well"))
    corrections = [Correction(key, "speaker", "Tillerson's spokesman"),
                   Correction(key, "date", date_value("2017-03-01", "2017-03-31", "month")),
                   Correction(key, "place", {"name": "Tokyo", "lat": 35.7, "lon": 139.7})]
    fixed, orphans = apply_corrections(doc, corrections)
    assert orphans == []
    st = _by_id(fixed)["st_talks"]
    assert st["speaker"] == "Tillerson's spokesman"
    assert (st["date_start"], st["date_end"], st["precision"]) == ("2017-03-01", "2017-03-31",
                                                                   "month")
    assert st["place"]["name"] == "Tokyo" and st["place_source"] == "corrected"
    assert st["corrected"] == ["date", "place", "speaker"]
    assert corrected_fields(fixed) == {"st_talks": ("date", "place", "speaker")}
    assert _by_id(doc)["st_talks"]["speaker"] == "Rex Tillerson"      # input untouched
    validate_document(fixed)
    row = EventStore.from_document(fixed).statements.set_index("id").loc["st_talks"]
    assert row["speaker"] == "Tillerson's spokesman" and row["precision"] == "month"


def test_event_type_date_place_hidden():
    doc = _doc()
    launch = key_of(doc, "event", "ev_launch")
    kim = key_of(doc, "statement", "st_kim")
    fixed, orphans = apply_corrections(doc, [
        Correction(launch, "type", "announcement"),
        Correction(launch, "date", date_value("2017-03-13")),
        Correction(launch, "place", None),
        Correction(kim, "hidden")])
    assert orphans == []
    ev = _by_id(fixed, "events")["ev_launch"]
    assert ev["type"] == "announcement" and ev["date_start"] == "2017-03-13"
    assert ev["place"] is None and ev["corrected"] == ["date", "place", "type"]
    assert "st_kim" not in _by_id(fixed)                      # hidden, not deleted:
    assert [s["id"] for s in fixed["hidden"]["statements"]] == ["st_kim"]
    assert "st_kim" not in set(EventStore.from_document(fixed).statements["id"])


def test_merge_and_split_events():
    doc = _doc()
    meet_a, meet_b = key_of(doc, "event", "ev_meet_a"), key_of(doc, "event", "ev_meet_b")
    fixed, orphans = apply_corrections(doc, [Correction(meet_b, "merge", meet_a)])
    assert orphans == []
    events = _by_id(fixed, "events")
    assert "ev_meet_b" not in events
    merged = events["ev_meet_a"]
    assert [m["article"] for m in merged["mentions"]] == ["a", "b"]
    assert merged["corrected"] == ["merge"]
    assert _by_id(fixed)["st_thaad"]["event"] == "ev_meet_a"     # its link follows
    # ... and splitting the mention of article b off again makes a second event
    mention_b = ItemKey("event", _sha(TEXT_B), *_span(TEXT_B, "Wang Yi met Tillerson in Beijing."))
    again, orphans = apply_corrections(doc, [Correction(meet_b, "merge", meet_a),
                                             Correction(mention_b, "split", ())])
    assert orphans == []
    split = [e for e in again["events"] if e["id"].startswith("ev_meet_a")]
    assert [[m["article"] for m in e["mentions"]] for e in split] == [["a"], ["b"]]
    assert split[1]["id"] != split[0]["id"] and "split" in split[1]["corrected"]
    validate_document(again)


def test_corrections_survive_a_re_extraction_with_new_ids_and_moved_spans():
    """Rules changed: every id differs and the quote now starts one word earlier. The
    corrections find their items by text hash and overlapping span."""
    doc = _doc()
    talks, launch = key_of(doc, "statement", "st_talks"), key_of(doc, "event", "ev_launch")
    corrections = [Correction(talks, "speaker", "A spokesman"),
                   Correction(launch, "type", "warning")]
    fresh = _doc(suffix="_v2")
    st = _by_id(fresh)["st_talks_v2"]
    st["start"], st["text"] = st["start"] - len("said "), "said the talks in Seoul went well"
    fixed, orphans = apply_corrections(fresh, corrections)
    assert orphans == []
    assert _by_id(fixed)["st_talks_v2"]["speaker"] == "A spokesman"
    assert _by_id(fixed, "events")["ev_launch_v2"]["type"] == "warning"


def test_changed_text_gives_orphans_in_order_never_dropped():
    doc = _doc()
    corrections = [Correction(key_of(doc, "statement", "st_thaad"), "speaker", "Beijing"),
                   Correction(key_of(doc, "statement", "st_talks"), "speaker", "X"),
                   Correction(key_of(doc, "event", "ev_meet_b"), "hidden")]
    edited_b = TEXT_B.replace("Friday", "Saturday")            # article b was edited
    fixed, orphans = apply_corrections(_doc(text_b=edited_b), corrections)
    assert [o.correction for o in orphans] == [corrections[0], corrections[2]]
    assert all("article text changed" in o.reason for o in orphans)
    assert "speaker correction of a statement" in orphans[0].describe()
    assert _by_id(fixed)["st_talks"]["speaker"] == "X"          # the rest still applies
    # an item gone from an unchanged text is an orphan too
    doc_without = _doc()
    doc_without["statements"] = [s for s in doc_without["statements"] if s["id"] != "st_kim"]
    _, orphans = apply_corrections(doc_without, [Correction(key_of(doc, "statement", "st_kim"),
                                                            "hidden")])
    assert len(orphans) == 1 and "no statement at characters" in orphans[0].reason


def test_ambiguous_overlap_is_an_orphan_not_a_guess():
    doc = _doc()
    talks, kim = _by_id(doc)["st_talks"], _by_id(doc)["st_kim"]
    talks["start"], talks["end"], kim["start"], kim["end"] = 10, 20, 30, 40
    sha = _sha(TEXT_A)
    tie = ItemKey("statement", sha, 15, 35)                     # 5 characters of each
    fixed, orphans = apply_corrections(doc, [Correction(tie, "speaker", "Z")])
    assert len(orphans) == 1 and "ambiguous" in orphans[0].reason
    assert "Z" not in {s["speaker"] for s in fixed["statements"]}
    more_talks = ItemKey("statement", sha, 12, 31)              # 8 of one, 1 of the other
    fixed, orphans = apply_corrections(doc, [Correction(more_talks, "speaker", "Z")])
    assert orphans == [] and _by_id(fixed)["st_talks"]["speaker"] == "Z"


def test_hashes_come_from_texts_when_the_document_lacks_them():
    doc = _doc()
    for art in doc["articles"]:
        art["text_sha256"] = None
    key = ItemKey("statement", _sha(TEXT_A), *_span(TEXT_A, "the talks in Seoul went well"))
    _, orphans = apply_corrections(doc, [Correction(key, "speaker", "Q")])
    assert len(orphans) == 1                                    # no hash: cannot be found
    fixed, orphans = apply_corrections(doc, [Correction(key, "speaker", "Q")],
                                       texts={"a": TEXT_A, "b": TEXT_B})
    assert orphans == [] and _by_id(fixed)["st_talks"]["speaker"] == "Q"


def test_applies_to_a_store_but_not_to_one_without_its_document():
    store = EventStore.from_document(_doc())
    key = key_of(store, "statement", "st_kim")
    fixed, _ = apply_corrections(store, [Correction(key, "speaker", "Kim")])
    assert _by_id(fixed)["st_kim"]["speaker"] == "Kim"
    bare = EventStore.from_frames(store.articles, store.events, store.statements)
    with pytest.raises(ProjectError, match="Parquet cache"):
        apply_corrections(bare, [])


def test_bad_values_are_refused():
    key = ItemKey("statement", "s", 0, 1)
    with pytest.raises(ProjectError, match="ISO 8601"):
        Correction(key, "date", {"start": "17 March", "precision": "day"})
    with pytest.raises(ProjectError, match="precision"):
        Correction(key, "date", {"start": "2017-03-17", "precision": "hour"})
    with pytest.raises(ProjectError, match="no correctable field"):
        Correction(key, "type", "visit")
    with pytest.raises(ProjectError, match="event type"):
        Correction(ItemKey("event", "s", 0, 1), "type", "party")
    with pytest.raises(ProjectError, match="span"):
        ItemKey("event", "s", 5, 1)


def test_annotations_follow_their_items_and_list_orphans():
    doc = _doc()
    meet_a, meet_b = key_of(doc, "event", "ev_meet_a"), key_of(doc, "event", "ev_meet_b")
    fixed, _ = apply_corrections(doc, [Correction(meet_b, "merge", meet_a)])
    gone = ItemKey("statement", "0" * 64, 1, 2)
    by_id, orphans = resolve_annotations(fixed, {
        meet_a: Annotation(False, ("talks",), "first"),
        meet_b: Annotation(True, ("thaad",), "second"),
        gone: Annotation(True)})
    assert list(by_id) == ["ev_meet_a"]                        # both keys: the merged event
    merged = by_id["ev_meet_a"]
    assert merged.starred and merged.tags == ("talks", "thaad")
    assert sorted(merged.note.split("\n\n")) == ["first", "second"]
    assert [o.key for o in orphans] == [gone]


def test_events_sharing_a_sentence_are_told_apart_by_type_and_actors():
    doc = _doc()
    sentence = ("a", TEXT_A, "Tillerson met Wang Yi in Beijing.")
    doc["events"] += [_event("ev_visit", "visit", [sentence], ["Rex Tillerson"], "Beijing"),
                      _event("ev_meet_2", "meeting", [sentence], ["Wang Yi", "Li Keqiang"])]
    keys = {e["id"]: key_of(doc, "event", e["id"]) for e in doc["events"]}
    assert len({(k.start, k.end) for k in (keys["ev_meet_a"], keys["ev_visit"])}) == 1
    fixed, orphans = apply_corrections(doc, [
        Correction(keys["ev_visit"], "place", {"name": "Tokyo"}),
        Correction(keys["ev_meet_2"], "type", "planned_summit"),
        Correction(keys["ev_meet_a"], "date", date_value("2017-03-19"))])
    assert orphans == []
    events = _by_id(fixed, "events")
    assert events["ev_visit"]["place"]["name"] == "Tokyo"
    assert events["ev_meet_2"]["type"] == "planned_summit"
    assert events["ev_meet_2"]["extracted"] == {"type": "meeting"}
    assert events["ev_meet_a"]["date_start"] == "2017-03-19"
    assert [e["id"] for e in fixed["events"] if e.get("corrected")] == \
        ["ev_meet_a", "ev_visit", "ev_meet_2"]
    # the type hint is the extracted type: a corrected type still finds its event
    by_id, lost = resolve_annotations(fixed, {keys["ev_meet_2"]: Annotation(True)})
    assert lost == [] and list(by_id) == ["ev_meet_2"]
    # two events alike in type and actors on one sentence: ambiguous, never a guess
    twin = dict(_event("ev_twin", "meeting", [sentence], ["Rex Tillerson", "Wang Yi"]))
    _, orphans = apply_corrections({**doc, "events": doc["events"] + [twin]},
                                   [Correction(keys["ev_meet_a"], "hidden")])
    assert len(orphans) == 1 and "ambiguous" in orphans[0].reason
