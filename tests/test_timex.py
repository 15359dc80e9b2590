"""TIMEX3 types and values (dateline.extract.timex): durations, references, years, seasons,
quarters, clock times, sets, and the tense of bare weekdays and months."""
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.timex import find_timexes

PUB = date(2013, 3, 22)     # a Friday


def values(text, published=PUB):
    return [(t.text, t.type, t.value) for t in find_timexes(text, published)]


@pytest.mark.parametrize("text, expected", [
    ("He was given a sentence of 90 days.", [("90 days", "DURATION", "P90D")]),
    ("Prices rose over the past three years.", [("the past three years", "DURATION", "P3Y")]),
    ("A month earlier, he had resigned.", [("A month", "DURATION", "P1M")]),
    ("a two-year strategy", [("two-year", "DURATION", "P2Y")]),
    ("the first nine months", [("the first nine months", "DURATION", "P9M")]),
    ("it lasted five hours", [("five hours", "DURATION", "PT5H")]),
    ("troubled for years", [("years", "DURATION", "PXY")]),
    ("less than a decade", [("less than a decade", "DURATION", "P10Y")]),
])
def test_durations(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", ["$5 a year", "open 24 hours a day, seven days a week",
                                  "a 52-year-old man", "He is 52 years old."])
def test_rates_and_ages_are_not_durations(text):
    found = [t.text for t in find_timexes(text, PUB) if t.type == "DURATION"]
    assert not [t for t in found if t.startswith("a ") or "old" in t or "year" in t]


@pytest.mark.parametrize("text, expected", [
    ("Talks are now stalled.", ("now", "PRESENT_REF")),
    ("They are currently frozen.", ("currently", "PRESENT_REF")),
    ("He recently quit.", ("recently", "PAST_REF")),
    ("At the time, he said no.", ("the time", "PAST_REF")),
    ("in recent years", ("recent years", "PAST_REF")),
    ("plans for the future", ("the future", "FUTURE_REF")),
])
def test_references(text, expected):
    (found,) = find_timexes(text, PUB)
    assert (found.text, found.value) == expected and found.type == "DATE"
    assert found.date_start is None          # no stretch of calendar to plot


def test_now_that_is_a_conjunction():
    assert values("Now that the talks failed, war looms.") == []


@pytest.mark.parametrize("text, expected", [
    ("a 2010 commando raid", [("2010", "DATE", "2010")]),
    ("the 2009-2010 pandemic", [("2009", "DATE", "2009"), ("2010", "DATE", "2010")]),
    ("the expedition of 1957-58", [("1957", "DATE", "1957"), ("58", "DATE", "1958")]),
    ("in early 2011", [("early 2011", "DATE", "2011")]),
    ("profits this fiscal year", [("this fiscal year", "DATE", "2013")]),
    ("in fiscal 1989", [("fiscal 1989", "DATE", "1989")]),
    ("in the late 1980s", [("the late 1980s", "DATE", "198")]),   # a MOD: the decade value
    ("in the 1980s", [("1980s", "DATE", "198X")]),
    ("1,990 people and 2013 percent", []),
])
def test_years(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("net fell in the third quarter", ("the third quarter", "2012-Q3")),
    ("third-quarter profit", ("third-quarter", "2012-Q3")),
    ("sales for the fourth quarter of 2012", ("the fourth quarter of 2012", "2012-Q4")),
    ("in the first half", ("the first half", "2013-H1")),
    ("last summer", ("last summer", "2012-SU")),
    ("in summer 2012", ("summer 2012", "2012-SU")),
])
def test_quarters_and_seasons(text, expected):
    (found,) = find_timexes(text, PUB)
    assert (found.text, found.value) == expected and found.precision == "range"


def test_a_year_ago_after_a_quarter_is_that_quarter_a_year_back():
    text = "Net rose in the third quarter to $5 million from $4 million a year ago."
    assert values(text, date(1989, 10, 26))[-1] == ("a year ago", "DATE", "1988-Q3")


@pytest.mark.parametrize("text, expected", [
    ("They met Friday afternoon.", ("Friday afternoon", "TIME", "2013-03-22TAF")),
    ("It ended at 10 p.m. Wednesday.", ("10 p.m. Wednesday", "TIME", "2013-03-20T22:00")),
    ("the offer expires at 5 p.m. EST, April 6", ("5 p.m. EST, April 6", "TIME", "2013-04-06T17:00")),
    ("He spoke this morning.", ("this morning", "TIME", "2013-03-22TMO")),
    ("Rebels attacked last night.", ("last night", "TIME", "2013-03-21TNI")),
])
def test_times_of_day(text, expected):
    found = [(t.text, t.type, t.value) for t in find_timexes(text, PUB)]
    assert found == [expected]


def test_a_bare_clock_time_has_a_value_but_no_day_on_the_timeline():
    (found,) = find_timexes("The blast came at 10:35 a.m. local time.", PUB)
    assert found.value == "2013-03-22T10:35" and found.date_start is None
    # unless its sentence names the day ("at 16:00 UTC today, ... the 12:00 UTC announcement")
    text = "Obama spoke at 16:00 UTC today, after the 12:00 UTC announcement. The vote is at 10:00 UTC."
    days = {t.text: t.date_start for t in find_timexes(text, PUB)}
    assert days["12:00 UTC"] == PUB and days["10:00 UTC"] is None


@pytest.mark.parametrize("text, expected", [
    ("They meet every Tuesday.", ("every Tuesday", "XXXX-WXX-2")),
    ("It is published weekly.", ("weekly", "P1W")),
    ("The show changes each season.", ("each season", "P1Y")),
    ("They met twice a week.", ("twice a week", "P1W")),
])
def test_sets(text, expected):
    (found,) = find_timexes(text, PUB)
    assert (found.text, found.value, found.type) == (*expected, "SET")


def test_a_newspaper_called_daily_is_not_a_set():
    assert values("the Communist Party daily Granma said") == []


# ------------------------------------------------------------------ tense and anchoring

def test_past_clause_takes_last_years_month():
    (found,) = find_timexes("He told CNN in August that he would run.", PUB)
    assert (found.value, found.precision) == ("2012-08", "month")
    (found,) = find_timexes("The visit took place in September.", date(2024, 6, 20))
    assert found.value == "2023-09"


def test_a_month_only_weeks_ahead_stays_ahead_in_a_past_sentence():
    (found,) = find_timexes("The union has called a strike for Jan. 24.", date(2024, 1, 11))
    assert found.value == "2024-01-24"


def test_until_a_weekday_is_the_next_one():
    (found,) = find_timexes("The vote was postponed until Saturday.", PUB)
    assert found.value == "2013-03-23"


def test_this_week_is_a_week_never_a_day():
    (found,) = find_timexes("It happened this week.", PUB)
    assert found.value == "2013-W12" and found.precision != "day"
    assert (found.date_start, found.date_end) == (date(2013, 3, 18), PUB)


def test_a_year_ago_with_an_approximate_count():
    assert values("NATO bombed Bosnia almost four years ago.", date(1999, 3, 12)) == \
        [("almost four years ago", "DATE", "1995")]


def test_weekday_after_a_name_ending_is_a_date():
    (found,) = find_timexes("The World Court Friday rejected the objections.", PUB)
    assert found.value == "2013-03-22"
    assert values("Joe Friday said the case was closed.") == []


_WORDS = st.sampled_from([
    "now", "the", "past", "three", "years", "ago", "a", "year", "earlier", "third-quarter",
    "fiscal", "1989", "1957-58", "every", "Tuesday", "10", "p.m.", "EST", "Friday", "night",
    "weekly", "daily", "early", "2011", "season", "quarter", "the", "time", "'90s", "\n", ",",
])


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=30).map(" ".join)),
       st.one_of(st.none(), st.dates()))
def test_never_raises_sorted_and_sliced(text, published):
    found = find_timexes(text, published)
    assert all(text[t.start:t.end] == t.text and t.type in ("DATE", "TIME", "DURATION", "SET")
               and t.value for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all((t.date_start is None) == (t.date_end is None) for t in found)
    assert all(t.date_start is None or t.date_start <= t.date_end for t in found)


@pytest.mark.parametrize("text, published, expected", [
    ("Elian was found on Thanksgiving Day clinging to a tube.", date(2000, 1, 7),
     ("Thanksgiving Day", "1999-11-25")),
    ("a theme of our campaign from now to Election Day", date(1998, 10, 26),
     ("Election Day", "1998-11-03")),
    ("They will meet again at Easter.", date(2024, 1, 10), ("Easter", "2024-03-31")),
    ("on Christmas Eve 1914", date(2024, 1, 10), ("Christmas Eve 1914", "1914-12-24")),
])
def test_holidays(text, published, expected):
    found = [(t.text, t.value) for t in find_timexes(text, published) if t.value[:1].isdigit()]
    assert found == [expected]


@pytest.mark.parametrize("text, expected", [
    ("In nineteen ninety-one Keating was convicted.", ("nineteen ninety-one", "1991")),
    ("unemployment by the year two thousand", ("the year two thousand", "2000")),
])
def test_spoken_years(text, expected):
    assert [(t.text, t.value) for t in find_timexes(text, PUB)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("revenue for the year ended March 31", ("the year", "DURATION", "P1Y")),
    ("a high for the year of $42", ("the year", "DATE", "2013")),
    ("cut 6,000 jobs by year-end", ("year-end", "DATE", "2013")),
    ("The year was a disaster.", None),
])
def test_the_year_of_business_news(text, expected):
    found = [(t.text, t.type, t.value) for t in find_timexes(text, PUB)]
    assert found[:1] == ([expected] if expected else [])


@pytest.mark.parametrize("text, expected", [
    ("the fabled 11th century temple", ("11th century", "10")),
    ("the worst disasters of this century", ("this century", "20")),
    ("no talks at this time", ("this time", "PRESENT_REF")),
    ("no shipments at the moment", ("the moment", "PRESENT_REF")),
])
def test_centuries_and_present(text, expected):
    (found,) = find_timexes(text, date(2017, 3, 18))
    assert (found.text, found.value) == expected and found.date_start is None


@pytest.mark.parametrize("text", [
    "This is VOA Today.", 'Gonzalez said on CBS\'s "60 Minutes."',
    'Baker said on ABC-TV\'s "This Week With David Brinkley" that it failed.',
    "a picture of Gary Cooper from the film ``High Noon.''", "For Poland, high noon comes.",
])
def test_time_words_in_titles_and_idioms_are_not_timexes(text):
    assert [v for v in values(text) if v[0].lower() in ("today", "60 minutes", "this week",
                                                        "noon")] == []


@pytest.mark.parametrize("text, expected", [
    ("Today, he said no.", ("Today", "2013-03-22")),
    ('"Now we see it," he said.', ("Now", "PRESENT_REF")),
    ("He was found on Thanksgiving Day.", ("Thanksgiving Day", "2012-11-22")),
])
def test_capitalised_time_words_that_open_a_sentence_or_name_a_holiday(text, expected):
    assert expected in [(t, v) for t, _, v in values(text)]


@pytest.mark.parametrize("text, published, expected", [
    # a past plan: the Friday before publication (Monday), not the next one
    ("The offer had been scheduled to expire at midnight Friday.", date(1989, 10, 30),
     "1989-10-27T24:00"),
    # months ahead without a future cue: the past one
    ("Police have searched for him since the Oct. 23 slaying.", date(1999, 5, 6), "1998-10-23"),
    ("In January, a week after the anniversary, the clinic closed.", date(1998, 10, 25),
     "1998-01"),
    ("They can take part in planning for the summit in April.", date(1998, 12, 5), "1999-04"),
    # "last spring" in October is this year's, over by June
    ("The strike began last spring.", date(1989, 10, 26), "1989-SP"),
    ("It scrapped the unit this past spring.", date(1989, 10, 30), "1989-SP"),
    ("It was sold last summer.", date(1989, 7, 10), "1988-SU"),
])
def test_anchoring_in_context(text, published, expected):
    assert expected in [v for _, _, v in values(text, published)]


@pytest.mark.parametrize("text", [
    "There were 12 members at the time of its founding.",
    "It matters to the future of our peoples.",
    "He blamed the recent collapse of the bond market.",
])
def test_time_of_an_event_is_not_a_reference(text):
    assert values(text) == []


@pytest.mark.parametrize("text, published, expected", [
    ("The Times said in an editorial on Monday, Oct. 26: The murder",
     date(1998, 10, 25), ("Monday, Oct. 26", "1998-10-26")),
    ("a court hearing the week of March 6, he said", date(2000, 2, 24),
     ("the week of March 6", "2000-W10")),
])
def test_dates_with_their_context(text, published, expected):
    assert expected in [(t, v) for t, _, v in values(text, published)]


def test_a_clock_time_after_a_month_is_not_a_day():
    assert not [v for v in values("at May 12:30 pm") if v[0].startswith("May 12")]


@pytest.mark.parametrize("text, expected", [
    ("Islam will one day be the second largest religion.", ("one day", "DATE", "FUTURE_REF")),
    ("He hopes to one day fly again.", ("one day", "DATE", "FUTURE_REF")),
    ("It will take one day.", ("one day", "DURATION", "P1D")),
    ("He will leave one day later.", ("one day", "DURATION", "P1D")),
])
def test_one_day_as_some_day(text, expected):
    assert expected in values(text)


def test_last_year_compared_with_a_quarter_is_that_quarter_a_year_back():
    text = ("Third-quarter net income rose to $24 million, compared with a loss of $3 million "
            "last year. Last year the company moved to Ohio.")
    found = values(text, date(1989, 11, 2))
    assert ("last year", "DATE", "1988-Q3") in found
    assert ("Last year", "DATE", "1988") in found      # no comparison: the whole year


def test_the_quarter_a_year_ago_is_one_expression():
    (found,) = find_timexes("In the third quarter a year earlier it lost money.", date(1989, 10, 26))
    assert (found.text, found.value) == ("the third quarter a year earlier", "1988-Q3")
    assert (found.date_start, found.date_end) == (date(1988, 7, 1), date(1988, 9, 30))
