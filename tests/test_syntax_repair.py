"""Parse repairs: a date hung on a noun moves up to its verb, and only where that is right.

The trees are written by hand (what the parser gets wrong), so these tests do not depend on
the shipped model; the last one runs the model end to end.
"""
from __future__ import annotations

from dateline.extract.event_types import listed_verb
from dateline.extract.parsetree import Sentence, Word
from dateline.extract.syntax_repair import (attach_dates_to_verbs, consistent_subjects, date_anchor, headline_verb,
                                           verb_above_noun)


def tree(rows: str) -> tuple[str, Sentence]:
    """A sentence from lines "word POS head dep" (head: 0-based index, itself for the root)."""
    words, text = [], ""
    for i, line in enumerate(r for r in rows.strip().splitlines()):
        form, pos, head, dep = line.split()
        if text:
            text += " "
        words.append(Word(i=i, start=len(text), end=len(text) + len(form), text=form, pos=pos,
                          tag="", lemma=form.lower(), morph="", head=int(head), dep=dep))
        text += form
    return text, Sentence(start=0, end=len(text), words=tuple(words))


def span_of(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


MISSILE_ON_SUNDAY = """
North PROPN 1 compound
Korea PROPN 2 nsubj
tested VERB 2 root
a DET 4 det
missile NOUN 2 obj
on ADP 6 case
Sunday PROPN 4 nmod
. PUNCT 2 punct
"""


def test_date_on_object_noun_moves_up_to_the_verb():
    text, sent = tree(MISSILE_ON_SUNDAY)
    fixed, moved = attach_dates_to_verbs(sent, [span_of(text, "on Sunday")])
    sunday = fixed.words[6]
    assert [w.text for w in moved] == ["Sunday"]
    assert fixed.head_of(sunday).text == "tested" and sunday.dep == "obl"
    assert date_anchor(fixed, *span_of(text, "on Sunday")).text == "tested"
    # nothing else changed, and the input is left as it was (immutable)
    assert [w for w in fixed.words if w.i != 6] == [w for w in sent.words if w.i != 6]
    assert sent.head_of(sent.words[6]).text == "missile"


def test_bare_time_phrase_becomes_obl_tmod():
    text, sent = tree("""
Officials PROPN 1 nsubj
announced VERB 1 root
sanctions NOUN 1 obj
last ADJ 4 amod
week NOUN 2 nmod:tmod
""")
    fixed, moved = attach_dates_to_verbs(sent, [span_of(text, "last week")])
    assert [w.text for w in moved] == ["week"]
    assert fixed.head_of(fixed.words[4]).text == "announced"
    assert fixed.words[4].dep == "obl:tmod"


def test_date_on_the_subject_stays():
    text, sent = tree("""
The DET 1 det
talks NOUN 5 nsubj
on ADP 3 case
Friday PROPN 1 nmod
were AUX 5 cop
productive ADJ 5 root
""")
    fixed, moved = attach_dates_to_verbs(sent, [span_of(text, "on Friday")])
    assert moved == [] and fixed == sent


def test_date_before_its_noun_stays():
    text, sent = tree("""
They PRON 1 nsubj
recalled VERB 1 root
the DET 4 det
2018 NUM 4 compound
summit NOUN 1 obj
""")
    fixed, moved = attach_dates_to_verbs(sent, [span_of(text, "2018")])
    assert moved == [] and fixed == sent


SUMMIT_ON_TUESDAY = """
They PRON 1 nsubj
held VERB 1 root
a DET 3 det
summit NOUN 1 obj
on ADP 5 case
Tuesday PROPN 3 nmod
"""


def test_event_noun_keeps_its_date_when_the_caller_says_so():
    text, sent = tree(SUMMIT_ON_TUESDAY)
    phrase = span_of(text, "on Tuesday")
    kept, moved = attach_dates_to_verbs(sent, [phrase], keep_on=lambda w: w.lemma == "summit")
    assert moved == [] and kept == sent
    fixed, moved = attach_dates_to_verbs(sent, [phrase])
    assert fixed.head_of(fixed.words[5]).text == "held"


def test_date_climbs_a_noun_chain_to_the_verb():
    text, sent = tree("""
Pyongyang PROPN 1 nsubj
tested VERB 1 root
a DET 3 det
missile NOUN 1 obj
of ADP 7 case
a DET 7 det
new ADJ 7 amod
type NOUN 3 nmod
on ADP 9 case
Sunday PROPN 7 nmod
""")
    fixed, _ = attach_dates_to_verbs(sent, [span_of(text, "on Sunday")])
    assert fixed.head_of(fixed.words[9]).text == "tested"


def test_date_already_on_its_verb_is_left_alone():
    text, sent = tree("""
Kim PROPN 1 nsubj
arrived VERB 1 root
on ADP 3 case
Monday PROPN 1 obl
""")
    fixed, moved = attach_dates_to_verbs(sent, [span_of(text, "on Monday")])
    assert moved == [] and fixed == sent
    assert verb_above_noun(sent, sent.words[3]) is None
    assert date_anchor(sent, *span_of(text, "on Monday")).text == "arrived"


def test_repair_on_the_shipped_model_dates_the_test_not_the_missile():
    from dateline.extract import syntax

    text = "North Korea said it tested a new missile on Sunday."
    (sent,) = syntax.parse(text, [(0, len(text))])
    fixed, _ = attach_dates_to_verbs(sent, [span_of(text, "on Sunday")])
    assert date_anchor(fixed, *span_of(text, "on Sunday")).lemma == "test"


def test_a_date_inside_a_longer_date_stays():
    text, sent = tree("""
They PRON 1 nsubj
met VERB 1 root
her PRON 1 obj
in ADP 4 case
July PROPN 1 obl
of ADP 6 case
1977 NUM 4 nmod
""")
    fixed, moved = attach_dates_to_verbs(sent, [span_of(text, "in July of 1977"),
                                                span_of(text, "1977")])
    assert moved == [] and fixed == sent


def test_a_phrase_that_does_not_locate_in_time_stays():
    text, sent = tree("""
They PRON 1 nsubj
offered VERB 1 root
service NOUN 1 obj
for ADP 6 case
a DET 6 det
Monday PROPN 6 compound
morning NOUN 2 nmod
""")
    fixed, moved = attach_dates_to_verbs(sent, [span_of(text, "Monday morning")])
    assert moved == [] and fixed == sent


# "Globex files for bankruptcy" as the parser reads a headline: one noun phrase
HEADLINE_AS_NOUN_PHRASE = """
Globex PROPN 1 compound
files NOUN 1 root
for ADP 3 case
bankruptcy NOUN 1 nmod
"""


def test_a_headline_read_as_a_noun_phrase_gets_its_verb_back():
    _, sentence = tree(HEADLINE_AS_NOUN_PHRASE)
    fixed = headline_verb(sentence, listed_verb)
    verb = fixed.words[1]
    assert (verb.pos, verb.lemma, verb.dep, fixed.root.i) == ("VERB", "file", "root", 1)
    assert (fixed.words[0].dep, fixed.words[0].head) == ("nsubj", 1)
    assert (fixed.words[3].dep, fixed.words[3].head) == ("obl", 1)
    _, prose = tree(MISSILE_ON_SUNDAY)
    assert headline_verb(prose, listed_verb) is prose            # a verb root: nothing to repair
    _, no_name = tree(HEADLINE_AS_NOUN_PHRASE.replace("Globex PROPN", "stock NOUN"))
    assert headline_verb(no_name, listed_verb) is no_name        # no proper-noun subject before it


def test_listed_verb_of_third_person_forms():
    assert [listed_verb(f) for f in ("files", "closes", "carries", "pushes", "tablets", "says")] == \
        ["file", "close", None, None, None, "say"]


def test_a_passive_subject_without_a_passive_auxiliary_is_active():
    _, s = tree("""
Average PROPN 1 nsubj:pass
fell VERB 1 root
by ADP 3 case
points NOUN 1 obl
""")
    fixed = consistent_subjects(s)
    assert fixed.words[0].dep == "nsubj"
    _, passive = tree("""
Tests PROPN 2 nsubj:pass
were AUX 2 aux:pass
conducted VERB 2 root
""")
    assert consistent_subjects(passive) is passive      # a real passive is left alone


def test_a_verb_heads_no_compound_or_unmarked_nominal():
    _, s = tree("""
Boeing PROPN 1 compound
unveils VERB 1 root
range NOUN 1 nmod:unmarked
777 NUM 1 nmod:unmarked
""")
    fixed = consistent_subjects(s)
    assert [w.dep for w in fixed.words] == ["nsubj", "root", "obj", "nmod:unmarked"]
