"""JSON / CSV / GeoJSON writers of a dateline/1 document."""
from __future__ import annotations

import csv
import io
import json

import pytest

from dateline.extract.formats import write_document

DOC = {
    "schema": "dateline/1",
    "articles": [{"id": "a", "path": "/a.txt", "title": "T", "outlet": "X", "published": "2017-03-18",
                  "published_source": "manifest", "text_sha256": "0" * 64}],
    "events": [{"id": "ev_1", "type": "meeting", "summary": "Rex Tillerson meets Wang Yi in Beijing",
                "date_start": "2017-03-18", "date_end": "2017-03-18", "precision": "day",
                "place": {"name": "Beijing", "lat": 39.9, "lon": 116.4},
                "actors": ["Rex Tillerson", "Wang Yi"],
                "mentions": [{"article": "a", "start": 0, "end": 5, "text": "Talks"}]},
               {"id": "ev_2", "type": "statement", "summary": "Statement by Xinhua", "date_start": None,
                "date_end": None, "precision": None, "place": None, "actors": ["Xinhua"], "mentions": []}],
    "statements": [{"id": "st_1", "speaker": "Wang Yi", "text": "candid, \"pragmatic\"\nand productive",
                    "direct": True, "article": "a", "start": 1, "end": 4, "sentence_start": 0,
                    "sentence_end": 5, "date_start": None, "date_end": None, "precision": None,
                    "place": None, "event": "ev_1"}],
}


def test_json_round_trip(tmp_path):
    path = tmp_path / "out.json"
    write_document(DOC, path, "json")
    assert json.loads(path.read_text(encoding="utf-8")) == DOC


def test_csv_has_events_and_statements(tmp_path):
    path = tmp_path / "out.csv"
    write_document(DOC, path, "csv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["record"] for r in rows] == ["event", "event", "statement"]
    assert rows[0]["actors"] == "Rex Tillerson; Wang Yi" and rows[0]["place"] == "Beijing"
    assert rows[2]["text"] == "candid, \"pragmatic\"\nand productive" and rows[2]["event"] == "ev_1"


def test_geojson_has_placed_records_only(tmp_path):
    path = tmp_path / "out.geojson"
    write_document(DOC, path, "geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    [feature] = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [116.4, 39.9]}
    assert feature["properties"]["id"] == "ev_1" and feature["properties"]["articles"] == ["a"]


def test_unknown_format_is_refused_and_nothing_written(tmp_path):
    with pytest.raises(ValueError):
        write_document(DOC, tmp_path / "out.xml", "xml")
    assert not list(tmp_path.iterdir())


def test_cli_csv_neutralises_formula_cells():
    """Article text is untrusted: a quote starting "=" stays text in a spreadsheet."""
    from dateline.extract.formats import to_csv
    doc = {"events": [{"id": "e1", "type": "other", "summary": "=1+1", "actors": ["@cmd"],
                       "mentions": []}],
           "statements": [{"id": "s1", "speaker": "-2+3", "text": "=HYPERLINK(\"x\")",
                           "article": "a", "place": {"name": "Santiago", "lat": -33.45, "lon": -70.66}}]}
    rows = list(csv.DictReader(io.StringIO(to_csv(doc))))
    assert rows[0]["summary"] == "'=1+1" and rows[0]["actors"] == "'@cmd"
    assert rows[1]["text"].startswith("'=") and rows[1]["speaker"] == "'-2+3"
    assert rows[1]["lat"] == "-33.45"     # numbers are numbers, not formulas


def test_undated_exported_event_has_no_precision():
    import pandas as pd
    from dateline.model.export import event_records
    from dateline.model.store import EventStore
    doc = {"schema": "dateline/1", "articles": [{"id": "a"}], "statements": [],
           "events": [{"id": "e1", "type": "other", "summary": "x", "actors": [],
                       "mentions": [{"article": "a", "start": 0, "end": 1, "text": "x"}]}]}
    store = EventStore.from_document(doc)
    rec = event_records(store.events)[0]
    assert rec["date_start"] is None and rec["precision"] is None
    assert pd.isna(store.events["start"].iloc[0])
