"""The public toponyms array, the GeoNames gazetteer file and context-based resolution."""
from __future__ import annotations

import time

import pytest

from dateline.document import DocumentError, validate_document
from dateline.extract import extract_article
from dateline.extract.document import build_document
from dateline.extract.gazetteer import get_gazetteer, lookup
from dateline.extract.places import dateline_place, find_places
from dateline.extract._gazfile import GazFile, write_file
from dateline.extract.gazetteer import gazetteer_path
from test_statements import make


def resolved(text, surface, nth=0):
    hits = [p for p in find_places(text) if p.text == surface]
    assert len(hits) > nth, f"{surface!r} not found in {text!r}"
    return hits[nth]


def test_gazetteer_has_small_towns_divisions_and_ids():
    gaz = get_gazetteer()
    parish = lookup("Rapides Parish")
    assert parish.feature == "admin2" and parish.admin1 == "US.LA" and parish.geonameid == 4338356
    assert lookup("Ontario").feature == "admin1"
    towns = [p for p in gaz.candidates("alexandria") if p.country == "US"]
    assert {"US.LA", "US.VA", "US.MN"} <= {p.admin1 for p in towns}
    assert lookup("Cottonport").population < 5000          # a town of ~2,000 people
    assert lookup("France").geonameid == 3017382


def test_gazetteer_file_loads_quickly():
    t0 = time.perf_counter()
    gaz = GazFile(gazetteer_path())
    records, names = gaz.blocks("records"), gaz.sorted_blocks("names")
    elapsed = time.perf_counter() - t0
    assert len(records) > 150_000
    assert elapsed < 1.0     # ~0.01 s on an idle machine; generous for a loaded CI box
    keys, ids = zip(*names.items())
    # names are looked up by binary search: the builder must write them sorted and unique
    assert all(a < b for a, b in zip(keys, keys[1:])) and len(keys) == len(names) > 200_000
    assert all(i and i.replace(",", "").replace("a", "").isdigit() for i in ids)


@pytest.mark.parametrize("text, surface, admin1", [
    ("Chiquita Henry, 19, of Alexandria, was arrested. Rapides Parish deputies investigated.",
     "Alexandria", "US.LA"),
    ("Vance, 57, of Fresno, Calif., said he was injured.", "Fresno", "US.CA"),
    ("A Paris man was arrested. Lamar County deputies and Texas troopers said Paris police helped.",
     "Paris", "US.TX"),
])
def test_context_picks_the_local_reading(text, surface, admin1):
    assert resolved(text, surface).admin1 == admin1


def test_famous_reading_without_context():
    assert resolved("Talks resumed in Paris on Monday.", "Paris").country == "FR"
    tbilisi = find_places("TBILISI, Georgia — A Georgian court ruled.")
    assert [p.country for p in tbilisi if p.text == "Georgia"] == ["GE"]


def test_qualifier_state_and_lead_dateline_are_toponyms():
    text = "Mound Center set to open. SOUTH CHARLESTON, W.Va. -- Photographs of artifacts were shown."
    found = {(p.text, p.name) for p in find_places(text)}
    assert ("SOUTH CHARLESTON", "South Charleston") in found and ("W.Va.", "West Virginia") in found
    assert dateline_place(text).name == "South Charleston"
    assert dateline_place("TAIPEI (Reuters) - Taiwan said on Monday.").name == "Taipei"
    assert dateline_place("Taiwan said on Monday it would respond.") is None


def test_places_inside_names_of_people_and_organisations_are_not_toponyms():
    text = ("Maria do Carmo Silva, 54, said she had lost everything. Nelson said the Bank of "
            "America branch was closed. Gainesville Police Officer Shawn Barnes arrived.")
    found = [p.text for p in find_places(text)]
    assert "Maria" not in found and "Nelson" not in found and "Bank" not in found
    assert "Gainesville" in found     # a town's own police name the town
    assert [p.text for p in find_places("Sokcho officials denied it.")] == ["Sokcho"]


def test_extract_writes_a_toponyms_array_and_open_accepts_both():
    article = make("SEOUL (Reuters) - South Korean officials met in Busan, the port city, "
                   "on Monday, the Russian envoy said.")
    ex = extract_article(article)
    doc = build_document([(article, ex)])
    validate_document(doc)
    tops = doc["toponyms"]
    assert {t["text"] for t in tops} >= {"SEOUL", "Busan", "Russian", "South Korean"}
    for t in tops:
        assert set(t) == {"article", "start", "end", "text", "name", "lat", "lon", "kind", "role",
                          "geonameid"}
        assert article.text[t["start"]:t["end"]] == t["text"] and t["article"] == article.id
    seoul = next(t for t in tops if t["text"] == "SEOUL")
    assert (seoul["kind"], seoul["role"], seoul["name"]) == ("city", "location", "Seoul")
    assert isinstance(seoul["geonameid"], int)
    russian = next(t for t in tops if t["text"] == "Russian")
    assert (russian["kind"], russian["role"], russian["name"]) == ("country", "mention", "Russia")
    del doc["toponyms"]
    validate_document(doc)                      # documents written before toponyms still open
    doc["toponyms"] = [{"article": article.id, "start": 0, "end": 5, "name": "Seoul", "kind": "town",
                        "role": "location"}]
    with pytest.raises(DocumentError):
        validate_document(doc)


def test_country_not_its_namesake_division_and_kinds():
    text = "China warned Taiwan on Monday. Beijing said Taiwan must not seek independence in Texas."
    found = [p for p in find_places(text) if p.text == "Taiwan"]
    assert {p.kind for p in found} == {"country"}
    from dateline.extract.places import toponym_kind
    texas = next(p for p in find_places(text) if p.text == "Texas")
    assert toponym_kind(texas) == "admin"


def test_a_small_town_abroad_does_not_drag_a_capital_with_it():
    text = ("Thousands marched in London on Saturday against Brexit. The British protesters, from "
            "across the United Kingdom and Scotland, walked to Parliament in Whitehall. London police "
            "said the march in London was peaceful.")
    assert {p.country for p in find_places(text) if p.text == "London"} == {"GB"}
    assert "Whitehall" not in [p.text for p in find_places(text)]


def test_first_names_and_national_lists_are_not_small_towns():
    text = ("Kobe Bryant died on Sunday. The primaries moved from Iowa and New Hampshire to the "
            "Nevada caucuses and South Carolina, then to Atlanta; Michigan and Ohio voted later.")
    found = {p.text: p for p in find_places(text)}
    assert "Kobe" not in found
    assert found["Nevada"].feature == "admin1"
    assert found["Atlanta"].admin1 == "US.GA"


def test_a_local_story_keeps_its_local_town():
    text = ("The earthquake damaged the towns of Carrascal, Cantilan, Madrid and Carmen in "
            "Surigao del Sur, Philippines. Madrid District Hospital sustained cracks.")
    assert {p.country for p in find_places(text) if p.text == "Madrid"} == {"PH"}


def test_townships_and_no_duplicate_qualifier_states():
    text = "It could be St. Clair Twp., Madison Twp. or Trenton in Butler County, Ohio."
    found = [(p.text, p.name) for p in find_places(text)]
    assert ("St. Clair Twp.", "St. Clair Twp.") in found and ("Madison Twp.", "Madison Twp.") in found
    assert [t for t, _ in found].count("Ohio") == 1
    madison = next(p for p in find_places(text) if p.text == "Madison Twp.")
    assert madison.admin1 == "US.OH"


def test_bracketed_dateline_landmarks_and_local_police():
    text = ("[HANOI] Officials met. Crowds gathered in Kim Il Sung Square. The court in The Hague "
            "ruled. Richmond police said. The Bank of England and the OAS met in WA.")
    found = {p.text: p for p in find_places(text)}
    assert dateline_place(text).name == "Hanoi"
    assert found["Kim Il Sung Square"].name == "Pyongyang" and "The Hague" in found
    assert "Richmond" in found
    assert not {"Bank", "England", "OAS", "WA"} & set(found)


def test_gazetteer_file_round_trip_and_format_check(tmp_path):
    path = tmp_path / "g.gaz"
    keys = sorted(f"name {i:04d}" for i in range(300)) + ["são paulo"]    # several blocks
    write_file(path, {"small": ["Paris", "bad\nline"], "empty": []},
               {"rows": [f"row {i}" for i in range(200)], "names": [f"{k}\t{i}" for i, k in enumerate(keys)]},
               sorted_sections=("names",))
    gaz = GazFile(path)
    assert gaz.lines("small") == ["Paris", "bad line"] and gaz.lines("empty") == []
    rows = gaz.blocks("rows")
    assert len(rows) == 200 and rows[0] == "row 0" and rows[199] == "row 199" and list(rows)[130] == "row 130"
    with pytest.raises(IndexError):
        rows[200]
    index = gaz.sorted_blocks("names")
    assert [index.get(k) for k in (keys[0], keys[64], keys[299], "são paulo")] == ["0", "64", "299", "300"]
    assert index.get("name 0300") is None and index.get("a") is None and index.get("zzz") is None
    assert [k for k, _ in index.items()] == keys
    assert index.has_key_starting("name 02") and index.has_key_starting("são ")
    assert not index.has_key_starting("são paulo") and not index.has_key_starting("paris")
    data = bytearray(path.read_bytes())
    data[-40:-20] = bytes(20)           # the name index's block table: found when it is read
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="damaged"):
        GazFile(path).sorted_blocks("names").get("são paulo")
    path.write_bytes(b"something else")
    with pytest.raises(ValueError):
        GazFile(path)


@pytest.mark.parametrize("text, surface, name", [
    ("Mound Center set to open in S.C. today.", "S.C.", "South Carolina"),
    ("He moved to N.J. last year.", "N.J.", "New Jersey"),
    ("A Calif. law takes effect.", "Calif.", "California"),
])
def test_a_state_abbreviation_stands_for_its_state(text, surface, name):
    [p] = [p for p in find_places(text) if p.text == surface]
    assert p.name == name


def test_ambiguous_abbreviations_and_compass_names_are_not_places():
    assert not find_places("They attended Mass. Then they went home.")
    assert not [p for p in find_places("The road was closed in East Bank after a slide.") if p.text == "Bank"]


def test_a_body_named_like_a_small_town_is_not_that_town():
    assert not find_places("He cashed checks at the Bank of America branch on Parham Road.")


def test_a_street_named_in_passing_is_a_mention_but_an_address_or_numbered_road_is_not():
    text = ("Officials in Fresno said the Main Street plan was approved. A car was found in the "
            "800 block of Locust Street. Traffic slowed along Interstate 35.")
    streets = {p.text: p for p in find_places(text) if p.feature == "street"}
    assert set(streets) == {"Main Street"}
    assert streets["Main Street"].role == "mention" and streets["Main Street"].name == "Main Street"
    assert resolved("A crash happened on Main Street in Fresno.", "Main Street").role == "location"


@pytest.mark.parametrize("text, surface", [
    ("MANASSAS -- A Woodbridge man was charged on Friday.", "Woodbridge"),
    ("“I’m optimistic,” she said. Another Gainesville business set to move.", "Gainesville"),
    ("He was born in western Iran’s Kermanshah province in 1923.", "Kermanshah province"),
])
def test_a_determiner_or_a_division_word_does_not_hide_a_place(text, surface):
    assert resolved(text, surface)


def test_the_eu_is_named_but_never_mapped():
    eu = resolved("Promising to make Russia an EU member, Bogdanov lost.", "EU")
    assert eu.name == "European Union" and eu.vague and eu.role == "mention"
