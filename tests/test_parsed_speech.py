"""Reported speech read off the dependency parse (extract/_parsedspeech.py), and the rules of
issue 14's second round: headlines, "according to" sources, mixed quotes, continuations."""
from __future__ import annotations

import hashlib
from datetime import date

from dateline.corpus import Article
from dateline.extract import extract_article, syntax
from dateline.extract._parsedspeech import claim_of, sentences_to_parse
from dateline.extract.sentences import split_sentences


def statements(text: str):
    article = Article(id="p", path="/tmp/p.txt", text=text, title="", outlet=None,
                      published=date(2016, 5, 3), published_source="manifest",
                      sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    return extract_article(article).statements


def only(text: str, words: str):
    hits = [s for s in statements(text) if words in s.text]
    assert len(hits) == 1, [(s.text, s.speaker) for s in statements(text)]
    return hits[0]


def claims(sentence: str) -> list[tuple[str, str, str]]:
    """(verb, claim, speaker phrase) of every speech verb the parse frames."""
    parsed = syntax.parse(sentence, [(0, len(sentence))])[0]
    out = []
    for word in parsed.words:
        claim = claim_of(parsed, word)
        if claim is not None:
            out.append((word.text, sentence[slice(*claim.content)], sentence[slice(*claim.speaker)]))
    return out


# -- the tree frames (pure) ------------------------------------------------------------

def test_clausal_complement_is_the_claim_and_subject_the_speaker():
    assert claims("Mr. Manafort said the candidate could win Pennsylvania.") == [
        ("said", "the candidate could win Pennsylvania", "Mr. Manafort")]


def test_that_is_not_part_of_the_claim_and_a_shared_subject_speaks():
    found = claims("Some senators vented about the delay and said that they had lost their patience.")
    assert found == [("said", "they had lost their patience", "Some senators")]


def test_attribution_hung_on_the_claim_reports_the_rest_of_the_clause():
    verb, claim, speaker = claims("The plant is hanging on under intense pressure from imports, "
                                  "Stovall said.")[0]
    assert (verb, speaker) == ("said", "Stovall")
    assert claim.startswith("The plant is hanging on") and "Stovall" not in claim


def test_passive_and_bare_verbs_frame_nothing():
    assert claims("He was told that the plant would close.") == []
    assert claims("She said nothing.") == []


def test_naming_verb_reports_the_object_and_its_name():
    assert claims("The senator described the deal as a disaster for workers.") == [
        ("described", "the deal as a disaster for workers", "The senator")]


def test_only_sentences_with_a_leftover_speech_verb_are_parsed():
    text = "Police arrested two men. Officials said the bridge was safe. The plant closed."
    spans = split_sentences(text)
    wanted = sentences_to_parse(text, spans, covered=lambda pos: False)
    assert [text[s.start:s.end] for s in wanted] == ["Officials said the bridge was safe."]
    assert sentences_to_parse(text, spans, covered=lambda pos: True) == []


# -- in the pipeline --------------------------------------------------------------------

def test_subject_with_an_inserted_phrase_speaks_a_reported_clause():
    st = only("Campaign news.\n\nSeveral candidates, including Trump, said the United States should "
              "refuse to take more Syrian refugees.", "refuse to take")
    assert st.text.startswith("the United States should")
    assert "candidates" in (st.speaker or "")


def test_reported_clause_inside_a_question_is_not_reported():
    assert statements("Interview.\n\nQ: What do you say to young people who say they have no "
                      "jobs and cannot afford more taxes?") == []


def test_headline_name_colon_claim():
    text = ("Sanders: Clinton Email Story Has Moved.\n\n"
            "Senator Bernie Sanders spoke on Friday's broadcast of the show about the race.")
    st = only(text, "Email Story")
    assert st.speaker == "Bernie Sanders" and st.cue == ":"
    assert statements("Poll: Trump and Clinton hold narrow leads in Pennsylvania.\n\nMore text "
                      "about the poll follows here.") == []


def test_according_to_after_a_colon_and_a_long_source():
    st = only("Vote.\n\nAnd it has not gone unnoticed: According to recent polls, Trump holds only "
              "14 percent of the Latino vote.", "14 percent")
    assert st.text.startswith("Trump holds") and st.speaker == "recent polls"
    st = only("Vote.\n\nTrump is lagging behind Clinton by nine points, according to the "
              "RealClearPolitics polling average in New Hampshire - despite his early win there.",
              "nine points")
    assert st.text == "Trump is lagging behind Clinton by nine points"


def test_according_to_source_apposition_is_not_the_claim():
    st = only("Vote.\n\nTrump's views have taken their toll on Latino support, according to a poll "
              "released on Friday by Latino Decisions, a public opinion research group.", "toll")
    assert st.text == "Trump's views have taken their toll on Latino support"


def test_quotation_inside_a_reported_clause_reports_the_clause():
    st = only("Show.\n\nBeck said if Trump wins, he would impose a “South American dictatorship” "
              "if a major war were to take place.", "dictatorship")
    assert st.text.startswith("if Trump wins") and st.text.endswith("take place")
    assert st.speaker == "Beck"


def test_quotation_after_told_colon_stays_the_quotation():
    st = only("News.\n\nFormer Secretary of State Hillary Clinton told CNN: “We’re not done yet.”",
              "not done")
    assert st.text == "We’re not done yet."


def test_unattributed_quoting_sentence_goes_on_with_the_claim_before():
    text = ("Media.\n\nJeffery Hemsley studies the spread of rumours online. This makes it hard to "
            "dislodge misinformation, Hemsley said. Good information can still drive out bad, but "
            "only when “the truth is sexier than the lie.”")
    st = only(text, "dislodge")
    assert st.text.endswith("sexier than the lie.") and st.speaker == "Jeffery Hemsley"


def test_sentence_with_a_subject_of_its_own_does_not_go_on():
    text = ("Lobbying.\n\nManafort travels often for foreign governments, several friends said. "
            "Corporate lobbyists describe such work as “a different cup of tea” than the usual.")
    st = only(text, "travels often")
    assert "lobbyists" not in st.text


def test_quotation_interrupted_by_its_attribution_is_one_claim():
    st = only('Jobs.\n\n"The risk," said Edward Leamer, an economist at the UCLA Anderson Forecast, '
              '"is that we are going to be attracting workers and repelling jobs."', "The risk")
    assert st.text.endswith("repelling jobs.") and st.speaker == "Edward Leamer"


def test_next_quotation_goes_on_past_the_clause_its_attribution_reports():
    text = ('Indiana.\n\n"That is the $64,000 question," Murray Clark said, noting he would support '
            'any of the other candidates. "We have developed a pretty deep bench here."')
    st = only(text, "64,000")
    assert st.text.endswith("deep bench here.") and st.speaker == "Murray Clark"


def test_as_someone_noted_reports_the_main_clause():
    st = only("FBI.\n\nEmployees can still get in trouble. As James Comey noted, people involved in "
              "the case could still be subject to sanctions.", "sanctions")
    assert st.text.startswith("people involved") and st.speaker == "James Comey"


def test_that_clause_after_a_duration_adjunct():
    st = only("Campaign.\n\nMrs. Clinton's campaign has said for months that it sees no reason to "
              "break with Mr. Obama.", "no reason")
    assert st.text.startswith("it sees no reason")


def test_aside_between_subject_and_verb_is_passed_over():
    st = only("Taxes.\n\nYet Democratic economists, like their Republican counterparts, say taxing "
              "consumption encourages savings and growth.", "taxing consumption")
    assert st.speaker == "Democratic economists"


def test_clause_after_a_semicolon_is_not_an_attribution_tail():
    assert claims("His contract is expiring; the show has not yet announced a replacement.") == []


def test_antecedent_of_a_relative_clause_without_its_copula_subject():
    assert claims("Trump is a bully who has repeatedly pledged to ban all Muslims.") == [
        ("pledged", "to ban all Muslims", "a bully")]
