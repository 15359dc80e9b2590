"""Reading events documents from disk: corrupt input gives one clear line, never a traceback."""
import json

import pytest

from dateline.document import DocumentError, read_document

GOOD = {"schema": "dateline/1", "articles": [{"id": "a"}],
        "events": [{"id": "e1", "type": "meeting", "summary": "Talks", "date_start": "2017-03-18",
                    "date_end": "2017-03-18", "precision": "day",
                    "place": {"name": "Beijing", "lat": 39.9, "lon": 116.4}, "actors": [],
                    "mentions": []}],
        "statements": []}


def test_good_document_round_trips(tmp_path):
    path = tmp_path / "events.json"
    path.write_text(json.dumps(GOOD), "utf-8")
    assert read_document(path)["events"][0]["id"] == "e1"


@pytest.mark.parametrize("content, expected", [
    ('{"schema": "dateline/1", "events": [', "corrupt or truncated"),
    ('[1, 2]', "not an events document"),
    ('{"schema": "other/9", "articles": [], "events": [], "statements": []}', "schema"),
    (json.dumps({**GOOD, "events": [{**GOOD["events"][0], "date_start": "18/03/2017"}]}), "YYYY-MM-DD"),
    (json.dumps({**GOOD, "events": [{**GOOD["events"][0], "precision": "exact"}]}), "precision"),
    (json.dumps({**GOOD, "events": [{**GOOD["events"][0], "place": {"name": "X", "lat": 200}}]}), "outside"),
])
def test_bad_documents_name_file_and_problem(tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(DocumentError) as info:
        read_document(path)
    message = str(info.value)
    assert str(path) in message and expected in message and "\n" not in message


def test_binary_file_is_not_a_document(tmp_path):
    path = tmp_path / "x.json"
    path.write_bytes(b"\xff\xfe\x00\x01garbage")
    with pytest.raises(DocumentError, match="x.json"):
        read_document(path)
