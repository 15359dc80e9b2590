"""Sentence spans: exact offsets, abbreviations, paragraphs, headings, quotes across lines."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from dateline.extract.sentences import paragraphs, split_sentences


def texts(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_offsets_index_the_original_text():
    text = "  First sentence here.  Second one follows!\n\nThird line? Yes.\n"
    spans = split_sentences(text)
    assert [text[s.start:s.end] for s in spans] == [
        "First sentence here.", "Second one follows!", "Third line?", "Yes."]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = ("U.S. President Donald Trump met Mr. Abe. President George W. Bush had tried. "
            "The U.N. Security Council voted.")
    assert texts(text) == ["U.S. President Donald Trump met Mr. Abe.",
                           "President George W. Bush had tried.",
                           "The U.N. Security Council voted."]


def test_sentence_after_abbreviation_starting_with_function_word():
    assert texts("He flew to the U.S. The trip was short.") == [
        "He flew to the U.S.", "The trip was short."]


def test_quote_final_punctuation_and_attribution_stay_together():
    text = "“We are ready,” he said. “Are you?” she asked. Then they left."
    assert texts(text) == ["“We are ready,” he said.", "“Are you?” she asked.", "Then they left."]


def test_every_line_is_a_paragraph():
    text = "One. Two.\nThree.\n\nFour."
    spans = split_sentences(text)
    assert [s.para for s in spans] == [0, 0, 1, 2]
    paras = paragraphs(spans)
    assert text[paras[0][0]:paras[0][1]] == "One. Two."


def test_quote_continued_on_next_line_shares_the_paragraph():
    text = ("“Once there is chaos in North Korea, it would first bring disaster to China.\n"
            "I’m sorry, but they don’t have the right,” it said in an editorial.\nNext paragraph.")
    spans = split_sentences(text)
    assert spans[0].para == spans[1].para
    assert spans[-1].para == spans[0].para + 1


def test_headings_and_web_chrome_are_flagged():
    text = ("Beijing irked\nBeijing, however, has been irked by calls.\nRead more: Why China won’t help\n"
            "Skip to Content\n(Lintao Zhang / Getty Images)\nThis article was originally published at 7:50 a.m.")
    flags = {text[s.start:s.end]: s.chrome for s in split_sentences(text)}
    assert flags["Beijing irked"] is True
    assert flags["Beijing, however, has been irked by calls."] is False
    assert flags["Read more: Why China won’t help"] is True
    assert flags["Skip to Content"] is True
    assert flags["(Lintao Zhang / Getty Images)"] is True
    assert flags["This article was originally published at 7:50 a.m."] is True


def test_long_line_without_final_period_is_still_a_sentence():
    line = ("The missile defense system, which the US and South Korea believe is necessary to protect "
            "against the North Korean missile threat, is in the process of being deployed in South Korea")
    spans = split_sentences(line)
    assert len(spans) == 1 and not spans[0].chrome


def test_all_caps_heading_glued_to_a_sentence_is_skipped():
    text = "XI-TRUMP SUMMIT However, the two sides appear to have toned down differences."
    assert texts(text) == ["However, the two sides appear to have toned down differences."]


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n“”\"'’ABC,:;\u00a0U.S")), max_size=200) | st.text(max_size=200))
def test_random_text_gives_ordered_valid_spans(text):
    spans = split_sentences(text)
    last_end = 0
    for s in spans:
        assert last_end <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        last_end = s.end


def test_wire_dateline_is_not_part_of_the_sentence():
    from dateline.extract.wire import body_start
    for text, body in [("BEIJING (Reuters) - The United States and China agreed.", "The United States"),
                       ("SEOUL, Oct. 5 (Yonhap) -- South Korea said.", "South Korea"),
                       ("DAKAR, Senegal (AP) — Police fired tear gas.", "Police"),
                       ("NEW DELHI: The Supreme Court ruled.", "The Supreme Court"),
                       ("(Bloomberg) -- The ECB raised rates.", "The ECB")]:
        assert text[body_start(text, 0):].startswith(body)
    plain = "US President Donald Trump said talks - of a kind - would go on."
    assert body_start(plain, 0) == 0


def test_statement_and_event_sentences_start_after_the_dateline():
    from test_statements import make
    from dateline.extract import extract_article
    text = ("BEIJING (Reuters) - The United States and China agreed on Saturday to work together, "
            "U.S. Secretary of State Rex Tillerson said in Beijing.")
    result = extract_article(make(text))
    (statement,) = result.statements
    assert text[statement.sentence_start:].startswith("The United States")
    assert result.events and all(text[e.start:].startswith("The United States") for e in result.events)
    assert all(e.text == text[e.start:e.end] for e in result.events)
