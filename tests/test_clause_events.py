"""Clause-level events on the syntax layer: clause spans, roles, own dates, polarity and
modality, the taxonomy, and how the document and the model show what did not happen."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dateline.corpus.reader import Article, text_sha256
from dateline.extract.document import build_document
from dateline.extract import event_types
from dateline.extract.event_types import CATEGORIES, category_of, category_of_type
from dateline.extract.merge import cluster_mentions
from dateline.extract.pipeline import extract_article
from dateline.extract.records import EventMentionRec
from dateline.model.frames import events_frame

PUBLISHED = date(2016, 1, 6)     # a Wednesday


def _article(text: str, name: str = "a") -> Article:
    return Article(id=name, path=name, text=text, title="", outlet=None, published=PUBLISHED,
                   published_source="manifest", sha256=text_sha256(text))


def _events(text: str):
    return extract_article(_article(text)).events


def _one(text: str, category: str):
    found = [e for e in _events(text) if e.category == category]
    assert found, f"no {category} event in {text!r}: {[(e.type, e.category) for e in _events(text)]}"
    return found[0]


def test_refusal_negates_the_controlled_event_and_keeps_its_roles():
    text = "BEIJING (Reuters) - China refused on Monday to impose sanctions on North Korea, officials said."
    sanctions = _one(text, "SANCTION")
    assert sanctions.negated and not sanctions.future
    assert sanctions.roles.get("agent") == ["China"] and sanctions.roles.get("target") == ["North Korea"]
    assert text[sanctions.clause_start:sanctions.clause_end].startswith("to impose sanctions")
    assert sanctions.clause_end - sanctions.clause_start < sanctions.end - sanctions.start   # not the sentence


def test_planned_hypothetical_and_negated_flags():
    launch = _one("North Korea will launch a satellite on Friday, officials said.", "TEST")
    assert launch.future and not launch.negated and launch.date_start == "2016-01-08"
    threat = _one("If talks fail on Tuesday, the United States could impose sanctions on Iran.", "SANCTION")
    assert threat.hypothetical
    sign = _one("Japan did not sign the treaty on Monday.", "AGREE")
    assert sign.negated and sign.roles.get("agent") == ["Japan"] and sign.date_start == "2016-01-04"


def test_the_clause_own_time_wins_over_a_background_year():
    meeting = [e for e in _events("Donald Trump met Xi Jinping on Friday at the 2018 summit, which recalled "
                                  "the 1950-1953 Korean War.") if e.type == "meeting"][0]
    assert meeting.date_start == "2016-01-01" and meeting.precision == "day"


def test_untriggered_predicate_with_its_own_time_and_actor_becomes_a_mention():
    rec = _one("Japan did not sign the treaty on Monday.", "AGREE")
    assert rec.trigger == "sign" and rec.trigger_start == 14 and rec.type == "other"


def test_document_marks_what_did_not_happen_and_the_model_does_not_draw_it():
    text = "Japan did not sign the treaty on Monday."
    article = _article(text)
    doc = build_document([(article, extract_article(article))])
    event = next(e for e in doc["events"] if e["category"] == "AGREE")
    assert event["status"] == "negated" and event["summary"].startswith("Did not happen: ")
    assert event["roles"]["agent"] == ["Japan"] and event["merge_reason"] is None
    mention = event["mentions"][0]
    assert text[mention["clause_start"]:mention["clause_end"]] == "Japan did not sign the treaty on Monday"
    frame = events_frame(doc, {})
    assert pd.isna(frame.loc[frame["id"] == event["id"], "start"]).all()
    happened = dict(event, status="happened", id="x")
    assert not pd.isna(events_frame({"events": [happened]}, {})["start"]).any()
    old = {k: v for k, v in happened.items() if k not in ("status", "category", "roles", "merge_reason")}
    assert not pd.isna(events_frame({"events": [old]}, {})["start"]).any()   # older documents
    damaged = dict(happened, status=[])
    assert not pd.isna(events_frame({"events": [damaged]}, {})["start"]).any()


@pytest.mark.parametrize(("kind", "trigger", "category"), [
    ("visit", "visited", "CONSULT"), ("meeting", "talks", "CONSULT"), ("warning", "warned", "THREATEN"),
    ("sanctions", "imposed sanctions", "SANCTION"), ("military_action", "launched a missile", "TEST"),
    ("military_action", "bombed", "ASSAULT"), ("other", "protested", "PROTEST"),
    ("other", "sentenced", "LEGAL"), ("other", "earthquake", "ACCIDENT"), ("other", "unheard", "OTHER")])
def test_existing_types_map_onto_the_taxonomy(kind, trigger, category):
    assert category_of_type(kind, trigger) == category


def test_taxonomy_lists_lemmas_under_documented_categories():
    assert all(f"\n{c}" in event_types.__doc__ for c in CATEGORIES)
    assert category_of("summit", "NOUN") == "CONSULT" and category_of("sanctions", "NOUN") == "SANCTION"
    assert category_of("meet", "VERB") == "CONSULT" and category_of("table", "NOUN") is None


def _document(*texts):
    pairs = []
    for i, text in enumerate(texts):
        article = _article(text, f"art{i}")
        pairs.append((article, extract_article(article)))
    return build_document(pairs)


def test_merged_reports_say_why_and_different_places_or_polarity_stay_apart():
    doc = _document("North Korea tested a nuclear device in Pyongyang on Wednesday, officials said.",
                    "On Wednesday North Korea tested a nuclear bomb in Pyongyang.",
                    "North Korea tested a missile in Wonsan on Wednesday.",
                    "North Korea did not test a nuclear device in Pyongyang on Wednesday.")
    tests = [e for e in doc["events"] if e["category"] == "TEST"]
    merged = [e for e in tests if len(e["mentions"]) > 1]
    assert len(merged) == 1, [(e["summary"], e["mentions"]) for e in tests]
    reason = merged[0]["merge_reason"]
    assert reason.startswith("2 reports in 2 articles: same type TEST")
    assert "dates 2016-01-06 (day) match" in reason and "same place Pyongyang" in reason
    assert "shared actors: North Korea" in reason
    assert {m["article"] for m in merged[0]["mentions"]} == {"art0", "art1"}
    assert any(e["status"] == "negated" for e in doc["events"])


def test_two_statements_dated_only_by_the_same_year_are_not_one_statement():
    def said(text):
        return EventMentionRec(type="statement", actors=["Alan Mulally"], start=0, end=len(text), text=text,
                               trigger="said", date_start="2009-01-01", date_end="2009-12-31",
                               precision="year", dated=True)
    items = [("a", date(2010, 1, 28), said("Mulally said 2009 was a pivotal year.")),
             ("b", date(2009, 11, 3), said("Mulally said in 2009 the firm would be profitable."))]
    assert len(cluster_mentions(items, {"Alan Mulally": "person"})) == 2


def test_an_after_clause_keeps_neither_the_main_clause_date_nor_its_subject_apart():
    meeting = _one("Nancy Pelosi left Taiwan on Wednesday after meeting Tsai Ing-wen in Taipei.", "CONSULT")
    assert meeting.trigger == "meeting" and meeting.date_start is None    # Wednesday is the leaving
    assert meeting.roles.get("agent") == ["Nancy Pelosi"] and meeting.roles.get("patient") == ["Tsai Ing-wen"]
    assert meeting.place["name"] == "Taipei"


def test_a_main_verb_no_list_knows_is_an_event_when_dated_and_acted():
    flouted = _one("North Korea flouted international rules on Sunday by detonating a bomb.", "OTHER")
    assert flouted.trigger == "flouted" and flouted.date_start == "2016-01-03"
    assert flouted.roles.get("agent") == ["North Korea"]
    assert not [e for e in _events("Rex Tillerson is scheduled to travel on Sunday.") if e.trigger == "scheduled"]


def test_a_strike_is_a_walkout_unless_its_modifiers_make_it_an_attack():
    walkout = _one("The Royal College of Nursing staged a strike on Tuesday.", "PROTEST")
    assert walkout.trigger == "strike" and walkout.roles.get("agent") == ["Royal College of Nursing"]
    attack = [e for e in _events("Israel carried out a drone strike on Tuesday.") if e.trigger == "strike"]
    assert attack and attack[0].category == "ASSAULT"


def test_a_dated_verb_no_list_knows_keeps_its_own_place():
    """"was born in Cincinnati in 1922": the time makes it an event, the place is its own."""
    born = [e for e in _events("Day was born Doris Mary Ann Kappelhoff in Cincinnati, Ohio in the United States "
                               "in 1922.") if e.date_start == "1922-01-01"]
    assert born and born[0].place and born[0].place["name"] == "Cincinnati" and born[0].place_source == "text"


def test_a_clause_event_of_the_day_takes_the_paragraph_place_and_the_acting_state():
    # the paragraph set in Izmir; the resignation is the day's news there, with no place of its own
    text = ("Rescuers in Izmir searched the rubble on Friday. Ahmet Yilmaz resigned on Saturday.\n\n"
            "Canada held a general election on Monday.")
    events = _events(text)
    resigned = [e for e in events if e.date_start == "2016-01-02"]
    assert resigned and resigned[0].place["name"] == "İzmir" and resigned[0].place_source == "scene"
    election = [e for e in events if e.date_start == "2016-01-04"]
    assert election and election[0].place["name"] == "Canada" and election[0].place_source == "actor"


def test_background_events_take_no_scene():
    """"In 1998, Bill Clinton resigned": an old event, set where the paragraph's news is not."""
    text = "Protesters marched in Washington on Tuesday. In 1998, Bill Clinton resigned from the board."
    old = [e for e in _events(text) if e.date_start == "1998-01-01"]
    assert old and old[0].place is None


def test_a_death_is_an_event_where_it_happened_not_in_the_country_that_names_the_person():
    chirac = _one("Jacques Chirac, who served as President of France for twelve years, died at home in "
                  "Paris on Monday.", "DEATH")
    assert chirac.date_start == "2016-01-04" and chirac.place["name"] == "Paris"
    heiress = _one("U.S. heiress Gloria Vanderbilt died on Monday at the age of 95, her son Anderson Cooper "
                   "announced.", "DEATH")
    assert heiress.date_start == "2016-01-04" and heiress.place is None   # "U.S." names her, it does not act


def test_an_event_without_a_place_has_no_place_source():
    """A statement's inferred place (its speaker's capital) is not its event's: both go."""
    events = _events("Chinese Foreign Ministry spokesman Lu Kang told reporters on Monday that Beijing "
                     "opposed the move.")
    assert events and all((e.place is None) == (e.place_source is None) for e in events)


def test_a_reported_clause_whose_pronoun_stands_for_its_speaker_is_that_speakers_event():
    """"Toyota said it recalled ...": "it" is Toyota; a dated verb no list knows counts too."""
    recall = _one("Toyota said it recalled 2,000 cars on Monday.", "BUSINESS")
    assert recall.actors == ["Toyota"] and recall.reported and recall.date_start == "2016-01-04"
    ended = [e for e in _events("Amy Klobuchar said she ended her campaign on Monday.") if e.category == "OTHER"]
    assert ended and ended[0].actors == ["Amy Klobuchar"] and ended[0].reported


def test_an_institution_acts_from_its_seat():
    """"the World Health Organization declared ...": Geneva; a country's own government body
    acts from its capital ("the United States Supreme Court overturned ..."): Washington."""
    who = [e for e in _events("On Monday, the World Health Organization declared the outbreak a pandemic.")
           if e.date_start == "2016-01-04"]
    assert who and who[0].place["name"] == "Geneva" and who[0].place_source == "actor"
    court = [e for e in _events("On Monday, the United States Supreme Court overturned the convictions of "
                                "Bridget Anne Kelly.") if e.date_start == "2016-01-04"]
    assert court and court[0].place["name"] == "Washington" and court[0].place_source == "actor"


def test_seats_curated_and_of_government_bodies():
    from dateline.extract._scene import seat_of
    assert seat_of("World Health Organization").name == "Geneva"
    assert seat_of("Japanese Defense Ministry").name == "Tokyo"
    assert seat_of("Iran's Foreign Ministry").name == "Tehran"
    assert seat_of("Turkish Ministry of Foreign Affairs").name == "Ankara"
    assert seat_of("Parliament of Iraq").name == "Baghdad"
    assert seat_of("Ministry of Foreign Affairs") is None     # whose?
    assert seat_of("Georgia Senate") is None          # the state's or the country's: no telling
    assert seat_of("Ohio Police Department") is None  # not a government body acting from a capital


def test_a_day_is_never_an_actor():
    text = ("Park Won-soon was reported missing on Thursday. According to local reports, the mayor left "
            "his home a quarter before 11 a.m. on Thursday with a backpack.")
    assert not any("Thursday" in e.actors for e in _events(text))


def test_a_dated_happening_at_a_place_needs_no_named_actor():
    """"a ruling expected on Tuesday by an arbitration court in The Hague": a time and a place
    of its own anchor a ruling, a crash, a killing; a planned one is dated ahead."""
    ruling = _one("China rejected a ruling expected on Tuesday by an arbitration court in The Hague.", "LEGAL")
    assert ruling.date_start == "2016-01-12" and ruling.future and ruling.place["name"] == "The Hague"
    crash = _one("A bus crashed into a tunnel in Winchester on Monday.", "ACCIDENT")
    assert crash.date_start == "2016-01-04" and crash.place["name"] == "Winchester"
    # talks and market moves are told again with their actors: no actorless mention of them
    assert not [e for e in _events("Shares rose in Tokyo on Monday.") if e.category == "ECONOMIC"]


def test_a_by_clause_is_its_subjects_own_event():
    """"flouted the rules by detonating a nuclear device on Monday": the detonation is North
    Korea's (how it flouted them), not a clause describing another event."""
    test = _one("North Korea again flouted international rules by detonating a nuclear device on Monday.", "TEST")
    assert test.actors == ["North Korea"] and test.date_start == "2016-01-04"


def test_a_journey_found_by_its_verb_is_a_visit_not_a_meeting():
    left = [e for e in _events("Pelosi left Taiwan on Monday after meeting President Tsai Ing-wen.")
            if e.date_start == "2016-01-04"]
    assert left and left[0].type == "visit" and left[0].category == "CONSULT"


def test_what_a_subject_is_expected_to_do_is_its_own_planned_event():
    # the passive governor's subject does the controlled verb; the time is the plan's own
    text = ("Prime Minister Gabriel Attal, who announced a first package of concessions on Friday, "
            "is expected to unveil new measures on Thursday afternoon.")
    events = {e.trigger: e for e in _events(text)}
    unveil = events["unveil"]
    assert unveil.actors == ["Gabriel Attal"] and unveil.future
    assert unveil.date_start == "2016-01-07"             # the Thursday ahead, not Friday's
    assert events["announced"].date_start == "2016-01-01"
    # a refusal still only describes its clause: no event of its own for "impose"
    refused = "China refused on Monday to impose sanctions on North Korea."
    assert all(not e.actors or e.negated for e in _events(refused) if e.trigger == "impose")


def test_an_adverbial_pronoun_is_the_named_subject_and_a_light_verb_carries_its_noun():
    text = ("The U.S. Federal Reserve is expected to keep rates steady when it concludes a two-day "
            "meeting on Wednesday.")
    meeting = _one(text, "CONSULT")
    assert meeting.trigger == "meeting"          # "concludes" carries the meeting, no deal of its own
    assert meeting.actors == ["Federal Reserve"]  # "it" stands for the Fed
    assert meeting.date_start == "2016-01-06"
    assert not [e for e in _events(text) if e.category == "AGREE"]


def test_what_a_speaker_reports_and_no_one_named_did_happened_at_the_story():
    arrest = _one("PARIS (AFP) - Police arrested 79 people on Wednesday, the prosecutor's office said.",
                  "COERCE")
    assert (arrest.place or {}).get("name") == "Paris" and arrest.place_source == "dateline"
    # a named party's own report is placed by that party, not by the reporter's dateline
    launch = _one("SEOUL (Reuters) - North Korea said it launched a satellite into orbit on Wednesday.", "TEST")
    assert (launch.place or {}).get("name") == "North Korea"


def test_a_killing_in_an_airstrike_is_one_military_action():
    text = "On Monday, United States forces killed Qasem Soleimani in an airstrike near Baghdad."
    attacks = [e for e in _events(text) if e.category == "ASSAULT"]
    assert len(attacks) == 1
    (strike,) = attacks
    assert strike.type == "military_action" and strike.trigger == "killed"
    assert "Qasem Soleimani" in strike.actors and strike.date_start == "2016-01-04"


def test_workers_who_strike_walk_out():
    walkout = _events("Ambulance workers in England and Wales are due to strike on Friday.")
    assert [e.category for e in walkout if e.trigger == "strike"] == ["PROTEST"]


def test_putting_a_satellite_into_orbit_is_a_launch():
    text = "SEOUL (Reuters) - North Korea says it put a satellite into orbit on Sunday."
    launch = _one(text, "TEST")
    assert launch.actors == ["North Korea"] and launch.date_start == "2016-01-03"
    assert launch.type == "military_action"
    assert not [e for e in _events("The company put its plans on hold on Monday.") if e.category == "TEST"]
