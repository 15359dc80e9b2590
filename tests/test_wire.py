"""The wire dateline's one home (extract/wire.py): what it spans and the three questions asked of it."""
from __future__ import annotations

import pytest

from dateline.extract.wire import body_start, date_in_dateline, dateline_end, in_dateline


@pytest.mark.parametrize("line, body", [
    ("BEIJING (Reuters) - China said", "China said"),
    ("SEOUL, March 18 (Yonhap) -- The talks", "The talks"),
    ("NAIROBI, Kenya (AP) — Police said", "Police said"),
    ("Washington (CNN) — The president", "The president"),
    ("(Bloomberg) -- Stocks fell", "Stocks fell"),
    ("BRUSSELS — Ministers met", "Ministers met"),
    ("NEW DELHI: India said", "India said"),
])
def test_a_dateline_opening_a_line_is_skipped(line, body):
    text = "Headline\n" + line
    assert text[body_start(text, len("Headline\n")):] == body


@pytest.mark.parametrize("line", [
    "Biden — the nominee — said so.",           # a name and a dash, no agency: not a dateline
    "China said on Monday: talks resume.",
    "The president (R) said it.",
])
def test_sentences_that_only_look_like_one_keep_their_words(line):
    assert body_start(line, 0) == 0 and dateline_end(line, 0) is None


def test_inside_a_line_there_is_no_dateline():
    text = "He said BEIJING (Reuters) - no."
    assert body_start(text, 8) == 8


def test_places_and_dates_inside_the_dateline():
    text = "SEOUL, SOUTH KOREA, March 18 (AP) — North Korea fired a missile, officials in Seoul said."
    assert in_dateline(text, 0, 5) and in_dateline(text, 7, 18)     # SEOUL, SOUTH KOREA
    seoul = text.rindex("Seoul")
    assert not in_dateline(text, seoul, seoul + 5)
    assert date_in_dateline(text, text.index("March"))
    assert not date_in_dateline(text, text.index("North"))
    assert dateline_end(text, 0, limit=10) is None                   # ends past the limit
    assert dateline_end(text, 0) == text.index("North")
