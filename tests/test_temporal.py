"""Time expressions resolved against the publication date (dateline.extract.temporal)."""
import itertools
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline import paths
from dateline.extract.temporal import TimeExpr, find_publication_date, find_time_expressions

PUB = date(2017, 3, 18)      # a Saturday, like the seed articles


def one(text, published=PUB, phrase=None):
    """The single expression found (or the one whose text is ``phrase``)."""
    found = find_time_expressions(text, published)
    if phrase is not None:
        found = [e for e in found if e.text == phrase]
    assert len(found) == 1, found
    return found[0]


def dates(expr: TimeExpr):
    return expr.date_start.isoformat(), expr.date_end.isoformat(), expr.precision


def seed(prefix: str) -> str:
    path = next(paths.bundled_articles_dir().glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


# ------------------------------------------------------------------ weekdays

@pytest.mark.parametrize("text, expected", [
    ("Tillerson said on Saturday that talks went well.", "2017-03-18"),
    ("Trump said in a tweet on Friday that it was bad.", "2017-03-17"),
    ("He was speaking Friday in South Korea.", "2017-03-17"),
    ("Wang said Saturday's talks included THAAD.", "2017-03-18"),
    ("Tillerson will meet Xi on Sunday.", "2017-03-19"),
    ("He is due to meet with China's President Xi Jinping on Sunday.", "2017-03-19"),
    ("An official told CNN Thursday that Beijing has a plan.", "2017-03-16"),
    ("The ministers met last Saturday.", "2017-03-11"),
    ("They meet next Monday.", "2017-03-20"),
    # a participle that plans looks ahead; one that reports looks back
    ("China rejected a ruling expected on Monday in The Hague.", "2017-03-20"),
    ("Five men were arrested on Thursday.", "2017-03-16"),
])
def test_weekday_resolved_by_tense(text, expected):
    expr = one(text)
    assert (expr.date_start.isoformat(), expr.precision) == (expected, "day")
    assert expr.date_start == expr.date_end


def test_weekday_with_part_of_day_keeps_it_in_the_span():
    expr = one("Talks ran late into Thursday night.")
    assert expr.text == "Thursday night" and expr.date_start == date(2017, 3, 16)


def test_future_marker_in_an_earlier_sentence_does_not_leak():
    expr = one("He will travel on. The talks were held on Friday.")
    assert expr.date_start == date(2017, 3, 17)


@pytest.mark.parametrize("text", [
    "We will meet them soon.",                  # "We" is not Wednesday
    "Joe Friday said the case was closed.",     # a name, not a weekday
    "Protesters will march in Seoul.",
    "Tillerson may raise the prospect of sanctions.",
    "Will Smith said nothing. May I ask? March forward!",
    "The United States has played China for years and for decades.",
    "Over the last two decades, things changed.",
    "XI-TRUMP SUMMIT However, the two sides met.",
])
def test_no_false_positives(text):
    assert find_time_expressions(text, PUB) == []


# ------------------------------------------------------------------ weeks, months, years

@pytest.mark.parametrize("text, expected", [
    ("Last week, it launched four missiles.", ("2017-03-06", "2017-03-12", "week")),
    ("It happened earlier this week.", ("2017-03-13", "2017-03-18", "range")),
    ("It happened this week.", ("2017-03-13", "2017-03-18", "range")),
    ("They meet next week.", ("2017-03-20", "2017-03-26", "week")),
    ("his visit to Beijing this weekend", ("2017-03-18", "2017-03-19", "range")),
    ("China took a step last month.", ("2017-02-01", "2017-02-28", "month")),
    ("a visit by Xi next month", ("2017-04-01", "2017-04-30", "month")),
    ("sanctions this month", ("2017-03-01", "2017-03-31", "month")),
    ("a summit scheduled in April", ("2017-04-01", "2017-04-30", "month")),
    ("a summit in early April", ("2017-04-01", "2017-04-10", "range")),
    ("talks in mid-April", ("2017-04-11", "2017-04-20", "range")),
    ("launches in late March", ("2017-03-21", "2017-03-31", "range")),
    ("a transition this fall", ("2017-09-01", "2017-11-30", "range")),
    ("15 launches this year alone", ("2017-01-01", "2017-12-31", "year")),
    ("tests last year", ("2016-01-01", "2016-12-31", "year")),
    ("two tests since the beginning of last year.", ("2016-01-01", "2017-03-18", "range")),
    ("tests since 2016", ("2016-01-01", "2017-03-18", "range")),
    ("elected in 2016", ("2016-01-01", "2016-12-31", "year")),
    ("it tested a missile in November", ("2016-11-01", "2016-11-30", "month")),
    ("Trump will travel to Asia in November", ("2017-11-01", "2017-11-30", "month")),
    ("firms must close by January", ("2018-01-01", "2018-01-31", "month")),
    ("It is quiet today.", ("2017-03-18", "2017-03-18", "day")),
    ("It was loud yesterday.", ("2017-03-17", "2017-03-17", "day")),
    ("It will rain tomorrow.", ("2017-03-19", "2017-03-19", "day")),
    ("They met two days ago.", ("2017-03-16", "2017-03-16", "day")),
    ("They met a week ago.", ("2017-03-06", "2017-03-12", "week")),
    ("It began three months ago.", ("2016-12-01", "2016-12-31", "month")),
    ("It began 2 years ago.", ("2015-01-01", "2015-12-31", "year")),
    ("over the past two weeks", ("2017-03-04", "2017-03-18", "range")),
    ("in the next three days", ("2017-03-18", "2017-03-21", "range")),
    ("talks on March 18-19", ("2017-03-18", "2017-03-19", "range")),
    ("talks on 18–19 March 2017", ("2017-03-18", "2017-03-19", "range")),
])
def test_relative_expressions(text, expected):
    assert dates(one(text)) == expected


def test_span_leaves_plain_prepositions_out():
    assert one("a summit scheduled in April").text == "April"
    assert one("firms must close by January").text == "January"
    # "since" is TimeML's signal, not part of the date; the range still runs to publication
    assert one("two tests since the beginning of last year.").text == \
        "the beginning of last year"


# ------------------------------------------------------------------ explicit dates

@pytest.mark.parametrize("text, published, expected", [
    ("by September 30, 2017 General", None, "2017-09-30"),
    ("on 30 September 2017 in Berlin", None, "2017-09-30"),
    ("on Sept. 30 they met", date(2017, 9, 30), "2017-09-30"),
    ("on March 18 they met", PUB, "2017-03-18"),
    ("on December 30 they met", date(2017, 1, 2), "2016-12-30"),
    ("ISO 2017-03-18 stamp", None, "2017-03-18"),
    ("ON MARCH 18 THEY MET", PUB, "2017-03-18"),
])
def test_explicit_dates(text, published, expected):
    expr = one(text, published)
    assert (expr.date_start.isoformat(), expr.precision) == (expected, "day")


def test_weekday_with_full_date_is_one_expression():
    expr = one("Sunday, September 20th, 2020")
    assert expr.text == "Sunday, September 20th, 2020"
    assert dates(expr) == ("2020-09-20", "2020-09-20", "day")


def test_month_and_year_is_a_month():
    assert dates(one("the September 2017 talks", None)) == ("2017-09-01", "2017-09-30", "month")


def test_impossible_dates_are_dropped():
    assert find_time_expressions("on February 30, 2017 and 2017-13-01", None) == []


def test_without_publication_date_relative_expressions_are_not_dated():
    text = "On Friday, last week, in April, next month, March 18 and today."
    assert find_time_expressions(text, None) == []
    assert [e.text for e in find_time_expressions(text + " September 30, 2017", None)] == \
        ["September 30, 2017"]


def test_window_offsets_index_the_whole_text():
    text = "Said on Friday. Meets on Sunday, he will."
    second = text.index("Meets")
    found = find_time_expressions(text, PUB, start=second)
    assert [(e.start, e.text) for e in found] == [(text.index("Sunday"), "Sunday")]
    assert find_time_expressions(text, PUB, start=0, end=second)[0].text == "Friday"


# ------------------------------------------------------------------ seed articles

def test_seed_002_reuters():
    text = seed("002")
    assert dates(one(text, PUB, "the beginning of last year")) == \
        ("2016-01-01", "2017-03-18", "range")
    assert dates(one(text, PUB, "Last week")) == ("2017-03-06", "2017-03-12", "week")
    assert dates(one(text, PUB, "next month")) == ("2017-04-01", "2017-04-30", "month")
    fridays = [e for e in find_time_expressions(text, PUB) if e.text == "Friday"]
    assert fridays and all(dates(e) == ("2017-03-17", "2017-03-17", "day") for e in fridays)
    sunday = one(text, PUB, "Sunday")          # "Tillerson will meet Xi on Sunday."
    assert sunday.date_start == date(2017, 3, 19)


def test_seed_003_dw_relative_to_september_30():
    text, pub = seed("003"), date(2017, 9, 30)
    assert dates(one(text, pub, "November")) == ("2017-11-01", "2017-11-30", "month")
    assert dates(one(text, pub, "January")) == ("2018-01-01", "2018-01-31", "month")
    weeks = [e for e in find_time_expressions(text, pub) if e.text == "last week"]
    assert len(weeks) == 2 and all(dates(e) == ("2017-09-18", "2017-09-24", "week")
                                   for e in weeks)
    assert dates(one(text, pub, "Thursday")) == ("2017-09-28", "2017-09-28", "day")


def test_seed_001_and_004_summit_in_april():
    assert dates(one(seed("001"), PUB, "April")) == ("2017-04-01", "2017-04-30", "month")
    assert dates(one(seed("004"), PUB, "early April")) == ("2017-04-01", "2017-04-10", "range")
    assert dates(one(seed("004"), PUB, "this fall"))[2] == "range"


def test_seed_expressions_slice_the_text():
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed(prefix)
        found = find_time_expressions(text, PUB)
        assert found, prefix
        assert all(text[e.start:e.end] == e.text for e in found)
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))


# ------------------------------------------------------------------ publication date

def test_publication_date_of_003_is_the_byline_not_the_page_header():
    assert find_publication_date(seed("003")) == date(2017, 9, 30)


def test_seeds_without_a_stated_date_have_none():
    assert [find_publication_date(seed(p)) for p in ("000", "001", "002", "004")] == [None] * 4


@pytest.mark.parametrize("text, expected", [
    ("Title\nPublished March 18, 2017\nBody text.", date(2017, 3, 18)),
    ("Updated: 19 March 2017\nPublished March 18, 2017\n", date(2017, 3, 18)),
    ("Title\nUpdated March 19, 2017 10:00\nBody", date(2017, 3, 19)),
    ("BEIJING, March 18, 2017 (Reuters) - Talks were held.", date(2017, 3, 18)),
    ("Sunday, September 20th, 2020\n\nTalks will be held in 2021.", None),
    ("Nothing dated here.", None),
])
def test_find_publication_date(text, expected):
    assert find_publication_date(text) == expected


# ------------------------------------------------------------------ robustness

_WORDS = st.sampled_from([
    "on", "Friday", "last", "week", "in", "April", "early", "by", "January", "since", "the",
    "beginning", "of", "year", "Sept.", "30", "2017", "-", "03", "18", ",", "Sunday", "will",
    "We", "may", "March", "MARCH", "today", "mid", "this", "fall", "’s", "\n", "31st", "0",
    "\xa0",
])


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=30).map(" ".join)),
       st.one_of(st.none(), st.dates()))
def test_never_raises_and_offsets_slice(text, published):
    for expr in find_time_expressions(text, published):
        assert text[expr.start:expr.end] == expr.text
        assert expr.date_start <= expr.date_end
        assert expr.precision in ("day", "week", "month", "year", "range")
    find_publication_date(text)


def test_reporting_verb_after_future_marker_keeps_the_past():
    assert one("He will go, he said on Friday.").date_start == date(2017, 3, 17)


def test_a_deadline_in_the_body_is_not_a_publication_date():
    assert find_publication_date("Firms must close by September 30, 2017, it said.") is None
    assert find_publication_date("Posted on: March 18, 2017 at 10:00\nText") == date(2017, 3, 18)


# --- expressions anchored on another date (dateline.extract._relative) ----------------

def test_n_days_after_dates_the_earlier_thing_from_the_current_day():
    text = "The release began on Thursday. It started at 1 p.m., two days after Kishida gave the go-ahead."
    e = one(text, date(2023, 8, 24), phrase="two days after")
    assert dates(e) == ("2023-08-22", "2023-08-22", "day")


def test_days_earlier_and_the_next_day():
    text = "Lula flew over on Sunday. Two days earlier, the state declared a calamity. He left the next day."
    found = {e.text: dates(e) for e in find_time_expressions(text, date(2024, 5, 8))}
    assert found["Two days earlier"] == ("2024-05-03", "2024-05-03", "day")
    assert found["the next day"] == ("2024-05-06", "2024-05-06", "day")


def test_a_year_after_is_a_year_not_a_day():
    e = one("They met on Wednesday, a year after their talks in Bali.", date(2023, 11, 16), phrase="a year after")
    assert dates(e) == ("2022-01-01", "2022-12-31", "year")


def test_overnight_is_the_night_before_publication_without_anchor():
    e = one("Rescuers worked overnight to reach the village.", date(2024, 5, 8))
    assert dates(e) == ("2024-05-07", "2024-05-08", "range")


def test_the_day_before_a_named_event_is_not_guessed():
    found = find_time_expressions("The day before Tillerson's visit, he said all options were open.", PUB)
    assert not [e for e in found if "day before" in e.text]


@pytest.mark.parametrize("text, day", [
    ("Talks were held on March 3, 1650 in Seoul.", date(1650, 3, 3)),
    ("Talks were held on 3 March 1650 in Seoul.", date(1650, 3, 3)),
    ("The treaty was signed on Sept. 30, 1582.", date(1582, 9, 30)),
    ("A colony is planned for July 4, 2300.", date(2300, 7, 4)),   # beyond datetime64[ns]: still right
])
def test_explicit_year_is_honoured_even_outside_the_model_range(text, day):
    (found,) = find_time_expressions(text, date(2017, 3, 18))
    assert (found.date_start, found.date_end, found.precision) == (day, day, "day")


def test_month_with_old_year_and_comma_number_is_not_a_year():
    (found,) = find_time_expressions("In March 1650 the court moved.", date(2017, 3, 18))
    assert (found.date_start, found.date_end, found.precision) == (date(1650, 3, 1), date(1650, 3, 31), "month")
    (found,) = find_time_expressions("On March 3, 2,000 people marched.", date(2017, 3, 18))
    assert found.date_start == date(2017, 3, 3) and found.text == "March 3"
