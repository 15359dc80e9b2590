"""Predicates without a time of their own that news still dates (extract/further_mentions.py
and the headline rule of extract/clause_events.py): further mentions of a reported event,
the headline's news, and the other moves of a dated scene. Sentences written for these tests."""
from __future__ import annotations

from datetime import date

from dateline.corpus.reader import Article, text_sha256
from dateline.extract.document import build_document
from dateline.extract.event_types import category_of, possible_categories
from dateline.extract.pipeline import extract_article

PUBLISHED = date(2016, 1, 6)     # a Wednesday: Monday is 01-04, Tuesday 01-05


def _article(text: str, name: str = "a") -> Article:
    return Article(id=name, path=name, text=text, title="", outlet=None, published=PUBLISHED,
                   published_source="manifest", sha256=text_sha256(text))


def _by_trigger(text: str) -> dict:
    return {e.trigger: e for e in extract_article(_article(text)).events}


def _event_of(text: str, trigger: str) -> dict:
    article = _article(text)
    doc = build_document([(article, extract_article(article))])
    return next(e for e in doc["events"] for m in e["mentions"]
                if text[m["trigger_start"]:m["trigger_end"]] == trigger)


def test_a_definite_noun_names_the_reported_event_again():
    text = "Globex Airways signed a deal with Initech on Tuesday. The deal covers 20 aircraft."
    deal = _by_trigger(text)["deal"]
    assert deal.date_source == "antecedent" and deal.date_start == "2016-01-05" and not deal.dated
    assert "Globex Airways" in deal.actors and deal.category == "AGREE"
    mentions = _event_of(text, "deal")["mentions"]
    assert len(mentions) == 2                                  # one event, two mentions
    assert [m["date_source"] for m in mentions] == [None, "antecedent"]   # the document says how


def test_a_headline_names_the_lede_event_and_takes_its_day():
    text = "Acme Corp unveils new tablet\n\nAcme Corp unveiled a new tablet on Monday in Chicago."
    headline = _by_trigger(text)["unveils"]
    assert headline.date_start == "2016-01-04" and headline.date_source == "antecedent"
    assert len(_event_of(text, "unveils")["mentions"]) == 2


def test_a_headline_alone_is_news_of_the_publication_day():
    text = "Acme Corp agrees to buy Initech\n\nThe company's shares fell."
    rec = _by_trigger(text)["agrees"]
    assert rec.date_start == "2016-01-06" and rec.date_source == "published" and rec.actors[0] == "Acme Corp"


def test_a_headline_clause_under_another_verb_is_no_news_of_its_own():
    text = "Acme Corp unveils new tablet as rivals meet in Chicago\n\nThe company's shares fell."
    found = _by_trigger(text)
    assert "unveils" in found and "meet" not in found


def test_other_moves_of_a_dated_scene_take_its_day():
    text = "Stock markets fell sharply on Monday. The Nasdaq Composite lost 3 percent."
    lost = _by_trigger(text)["lost"]
    assert lost.date_start == "2016-01-04" and lost.date_source == "scene"
    assert lost.actors == ["Nasdaq Composite"] and lost.category == "ECONOMIC"


def test_someone_else_doing_the_same_is_another_event():
    text = "Globex Airways signed a deal with Initech on Tuesday. Umbrella Corp signed a deal too."
    found = extract_article(_article(text)).events
    signed = [e for e in found if e.trigger == "signed"]
    assert len(signed) == 2 and signed[1].actors == ["Umbrella Corp"] and signed[1].date_source == "scene"
    article = _article(text)
    doc = build_document([(article, extract_article(article))])
    assert len([e for e in doc["events"] if e["category"] == "AGREE"]) == 2


def test_what_did_not_happen_neither_names_nor_joins_the_event():
    text = "Globex Airways signed a deal with Initech on Tuesday. The deal was not signed by Umbrella Corp."
    signed = [e for e in extract_article(_article(text)).events if e.trigger == "signed"]
    assert len(signed) == 1 and signed[0].actors[0] == "Globex Airways"


def test_word_forms_guess_their_categories_before_any_parse():
    assert possible_categories("sold") == {"BUSINESS"}
    assert possible_categories("sales") == {"ECONOMIC"}          # the first category listing "sale"
    assert possible_categories("tablet") == set()
    assert category_of("unveile", "VERB") == category_of("unveil", "VERB") == "BUSINESS"


def test_undated_simple_past_news_is_of_the_publication_day():
    news = _by_trigger("Acme Corp announced a new tablet.")["announced"]
    assert news.date_start == "2016-01-06" and news.date_source == "published" and not news.dated
    dated = _by_trigger("Acme Corp announced a new tablet in 1999.")["announced"]
    assert dated.date_start == "1999-01-01" and dated.date_source is None
    assert _by_trigger("Acme Corp did not announce a new tablet.")["announce"].date_start is None
    assert all(e.date_start is None for e in _by_trigger("Acme Corp will announce a new tablet.").values())


def test_a_visit_names_no_meeting_and_these_name_no_single_event():
    text = ("Rex Tillerson met Wang Yi in Beijing on Saturday. The visit was his first to China. "
            "These meetings ended a long tour.")
    found = _by_trigger(text)
    assert "met" in found
    assert "visit" not in found or found["visit"].date_source != "antecedent"
    assert "meetings" not in found or found["meetings"].date_source != "antecedent"
    linked = _by_trigger("Rex Tillerson met Wang Yi in Beijing on Saturday. The meeting lasted two hours.")
    assert linked["meeting"].date_source == "antecedent" and linked["meeting"].date_start == "2016-01-02"



def test_a_statement_in_the_simple_present_is_made_on_the_publication_day():
    says = _by_trigger("For the whole of 2015, Acme Corp says it made a profit of 5 million dollars.")["says"]
    assert (says.date_start, says.precision, says.date_source) == ("2016-01-06", "day", "published")
    said = _by_trigger("Acme Corp said on Monday it made a profit of 5 million dollars in 2015.")["said"]
    assert (said.date_start, said.date_source) == ("2016-01-04", None)


def test_simple_past_below_the_top_of_the_story_is_background():
    filler = " ".join(f"The sky was grey on day {n}." for n in range(6))
    late = _by_trigger(filler + " Acme Corp announced a new tablet.")
    assert late["announced"].date_start is None


def test_a_scene_two_paragraphs_back_has_moved_on():
    text = ("Stock markets fell sharply on Monday.\n\nTraders were nervous.\n\nAnalysts were calm.\n\n"
            "The Nasdaq Composite lost 3 percent.")
    assert "lost" not in _by_trigger(text)
    near = _by_trigger("Stock markets fell sharply on Monday.\n\nThe Nasdaq Composite lost 3 percent.")
    assert near["lost"].date_source == "scene"


def test_a_headline_takes_the_day_its_lede_states():
    text = "Acme Corp agrees to buy Initech\n\nAcme Corp said on Monday it would buy Initech for 5 million dollars."
    rec = _by_trigger(text)["agrees"]
    assert (rec.date_start, rec.date_source) == ("2016-01-04", "scene")
    old = "Acme Corp agrees to buy Initech\n\nAcme Corp said in March 2014 it would buy Initech."
    assert _by_trigger(old)["agrees"].date_source == "published"      # not the week's news
