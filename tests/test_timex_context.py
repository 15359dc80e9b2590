"""TIMEX3 rules that look at the words around an expression: uses of time words that
TimeML does not mark (a discourse "Now,", "the future" as a noun, "today's youth", "the
day before" heading a clause, a year in a name, months of pay) and expressions that join
their neighbours ("the last half of 1989", "January nineteen ninety-seven")."""
from datetime import date

import pytest

from dateline.extract.timex import find_timexes

PUB = date(2013, 3, 22)     # a Friday


def values(text, published=PUB):
    return [(t.text, t.type, t.value) for t in find_timexes(text, published)]


@pytest.mark.parametrize("text", [
    "The plan failed. Now, he says, the talks are over.",
    '"Now, let us move on," the chairman said.',
    "The recently passed law takes effect soon.",
    "The future looks bleak for the mill.",
    "It needs an approach to the future that works.",
    "Phones are part of today's youth culture.",
    "If I were choosing the leaders of tomorrow, I would pick them.",
    "Workers got three months of salary as a bonus.",
    "She runs a fund called Meridian 2040, investing in bonds.",
])
def test_not_a_time_expression(text):
    assert values(text) == []


@pytest.mark.parametrize("text, expected", [
    ("He says the deal is now done.", ("now", "PRESENT_REF")),
    ("Right now, the mood is calm.", ("now", "PRESENT_REF")),
    ("The firm currently has 40 stores.", ("currently", "PRESENT_REF")),
    ("Sales fell. Currently, the firm has 40 stores.", ("Currently", "PRESENT_REF")),
    ("They will meet in the future.", ("the future", "FUTURE_REF")),
    ("Voters worry about the future.", ("the future", "FUTURE_REF")),
    ("The result of tomorrow's vote is open.", ("tomorrow", "2013-03-23")),
])
def test_the_same_words_as_time_expressions(text, expected):
    assert [(t[0], t[2]) for t in values(text)] == [expected]


def test_at_the_time_as_a_conjunction_and_as_an_adverb():
    assert values("At the time the rebels held power, trade stopped.") == []
    assert values("At the time, the rebels held power.") == [("the time", "DATE", "PAST_REF")]


def test_the_day_before_an_event_is_not_dated_but_the_day_before_is():
    text = "He was seen on March 3, the day before police issued a warrant."
    assert [t[0] for t in values(text)] == ["March 3"]
    assert values("He arrived on March 3. She had come the day before.")[1] == \
        ("the day before", "DATE", "2013-03-02")
    assert values("He arrived on March 3. She came two days after the vote.")[1] == \
        ("two days after", "DATE", "2013-03-01")
    assert values("He arrived on March 3. She came two days later.")[1] == \
        ("two days later", "DATE", "2013-03-05")
    assert values("He arrived on March 3. The day before, he was in Rome.")[1] == \
        ("The day before", "DATE", "2013-03-02")
    assert [t[0] for t in values("He arrived on March 3. The day before his visit, we met.")] \
        == ["March 3"]


@pytest.mark.parametrize("text, expected", [
    ("sales in the last half of 1987", ("the last half of 1987", "DATE", "1987-H2")),
    ("through the first two quarters of 1991", ("the first two quarters of 1991", "DATE",
                                                "1991-H1")),
    ("in the last quarter of 1988", ("the last quarter of 1988", "DATE", "1988-Q4")),
    ("March nineteen eighty-six.", ("March nineteen eighty-six", "DATE", "1986-03")),
    ("prices seen in the summer of nineteen eighty-eight.",
     ("the summer of nineteen eighty-eight", "DATE", "1988-SU")),
])
def test_parts_of_a_named_year(text, expected):
    assert values(text) == [expected]


def test_last_half_without_a_year_is_left_alone():
    assert not [t for t in values("Profit rose in the last half.") if t[2].endswith("H2")]


@pytest.mark.parametrize("text, expected", [
    ("On June 3, 2001, she was elected, and the following year she resigned.",
     ("the following year", "DATE", "2002")),
    ("The lease can be renewed for an additional year.",
     ("an additional year", "DURATION", "P1Y")),
    ("The ships may stay in port for some time.", ("some time", "DURATION", "PXX")),
    ("They will buy equipment in the coming years.", ("the coming years", "DURATION", "PXY")),
    ("Then, a week or so ago, the plan was dropped.", ("a week or so ago", "DATE", "2013-W11")),
])
def test_more_expressions(text, expected):
    assert expected in values(text)


def test_the_week_and_the_weekend_without_their_preposition():
    monday = date(1989, 10, 30)
    assert values("For the week, the index fell 3%.", monday) == [
        ("the week", "DATE", "1989-W44")]
    assert values("It was the week's busiest session.", monday) == [
        ("the week", "DATE", "1989-W44")]
    assert values("Traders sold ahead of the weekend.", monday) == [
        ("the weekend", "DATE", "1989-W44-WE")]
    assert values("Over the weekend, he resigned.", monday) == [
        ("the weekend", "DATE", "1989-W43-WE")]
    assert values("For the month, sales rose.", monday) == []


def test_a_weekday_opening_a_clause_whose_verb_is_future():
    monday = date(1998, 10, 26)
    assert values("On Tuesday, the union plans to announce a strike.", monday) == [
        ("Tuesday", "DATE", "1998-10-27")]
    assert values("Officials said Tuesday they will resign.", monday) == [
        ("Tuesday", "DATE", "1998-10-20")]


def test_extents_as_timeml_draws_them():
    october = date(1989, 10, 27)
    assert values("It posted a third-quarter loss.", october) == [
        ("third-quarter", "DATE", "1989-Q3")]
    assert values("Its fourth quarter was weak.", october)[0][0] == "fourth quarter"
    assert values("In the third quarter, it lost.", october)[0][0] == "the third quarter"
    assert values("The firm was expected early next year.", october) == [
        ("early next year", "DATE", "1990")]
    (since,) = find_timexes("Prices have risen since 1985.", october)
    assert (since.text, since.value) == ("1985", "1985")
    assert (since.date_start, since.date_end) == (date(1985, 1, 1), october)   # still a range


@pytest.mark.parametrize("text, expected", [
    ("a decades-long feud", ("decades-long", "DURATION", "PXDE")),
    ("after a day-long hearing", ("day-long", "DURATION", "P1D")),
    ("a 10-year-long war", ("10-year-long", "DURATION", "P10Y")),
    ("Marchers parade each July.", ("each July", "SET", "XXXX-07")),
    ("Repairs may need a month or two.", ("a month", "DURATION", "P1M")),
    ("Rents doubled over the past decade.", ("the past decade", "DURATION", "P10Y")),
    ("the post-1945 order", ("1945", "DATE", "1945")),
])
def test_adjectival_and_vague_stretches(text, expected):
    assert values(text) == [expected]


def test_earlier_that_day_is_the_current_day():
    found = values("The storm hit on May 4, 2011. Earlier that day, police closed the road.")
    assert found[1] == ("Earlier that day", "DATE", "2011-05-04")


def test_ages_stay_out():
    assert values("a 37-year-old teacher and the 80-year-old bridge") == []


@pytest.mark.parametrize("text, expected", [
    ("Profit was $3 million in the corresponding period last year.",
     ("the corresponding period last year", "DATE", "1988-Q3")),
    ("It lost $2 million in the fiscal-first quarter ended Oct. 31.",
     ("the fiscal-first quarter", "DATE", "1989-Q1")),
])
def test_results_periods(text, expected):
    assert values(text, date(1989, 11, 1))[0] == expected
