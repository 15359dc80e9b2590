"""Rules that repair the parse where the statistical parser is known to go wrong for us.

A date or time phrase after a noun is often hung on that noun ("North Korea tested a
missile on Sunday": "Sunday" -> "missile"), which would date the missile instead of the
test. When the noun is the object or an oblique of a verb, the phrase moves up to that
verb (UD ``obl``, or ``obl:tmod`` for a bare "Sunday" / "last week" with no preposition).
It stays on the noun when the noun is the subject ("the talks on Friday were productive"),
when it comes before the noun ("the 2018 summit"), when the noun is part of a date itself
("in July of 1977"), when the phrase does not locate anything in time ("service for a
Monday morning"; only bare dates and on/in/at/during move), and when the caller says the
noun is an event of its own (``keep_on``: "a summit on Tuesday" is dated where it is).

    from dateline.extract.syntax_repair import attach_dates_to_verbs
    sentence, moved = attach_dates_to_verbs(sentence, [(t.start, t.end) for t in times])
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from .parsetree import Sentence, Word, reattach

# Relations by which a noun hangs under the verb the date should move to.
_ARGUMENT_DEPS = frozenset({"obj", "iobj", "obl", "obl:npmod", "obl:tmod"})
# Relations by which the date phrase hangs on a noun (UD labels, subtypes included).
_NOMINAL_MODIFIER_DEPS = frozenset({"nmod", "nmod:tmod", "nmod:npmod", "obl:tmod", "obl",
                                    "compound", "appos"})
# Nouns a noun chain may pass through on the way up ("a missile of a new type on Sunday").
_NOUN_CHAIN_DEPS = frozenset({"nmod", "compound", "appos", "conj"})
_LOCATING_CASES = frozenset({"on", "in", "at", "during"})
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def attach_dates_to_verbs(sentence: Sentence, date_spans: Iterable[tuple[int, int]],
                          keep_on: Callable[[Word], bool] | None = None
                          ) -> tuple[Sentence, list[Word]]:
    """(repaired sentence, the date head words that moved). ``date_spans``: character
    ranges of time expressions inside the sentence; ``keep_on(noun)`` True keeps a date on
    that noun (an event noun)."""
    moved: list[Word] = []
    date_spans = sorted(date_spans)
    in_a_date = {w.i for s, e in date_spans for w in sentence.words_in(s, e)}

    def keep(noun: Word) -> bool:       # "July of 1977": a date inside a longer date stays
        return noun.i in in_a_date or (keep_on is not None and keep_on(noun))

    for start, end in date_spans:
        date_head = sentence.span_head(start, end)
        if date_head is None or not _locating(sentence, date_head):
            continue
        verb = verb_above_noun(sentence, date_head, keep)
        if verb is None:
            continue
        sentence = reattach(sentence, date_head, verb, _oblique_label(sentence, date_head))
        moved.append(sentence.words[date_head.i])
    return sentence, moved


def verb_above_noun(sentence: Sentence, date_head: Word,
                    keep_on: Callable[[Word], bool] | None = None) -> Word | None:
    """The verb a date phrase hung on a noun should hang on instead, or None to keep it."""
    if date_head.is_root or date_head.dep not in _NOMINAL_MODIFIER_DEPS:
        return None
    noun = sentence.head_of(date_head)
    if noun.pos not in _NOMINAL or noun.i > date_head.i:
        return None                         # a verb already, or "the 2018 summit"
    while True:
        if keep_on is not None and keep_on(noun):
            return None
        if noun.is_root:
            return None
        up = sentence.head_of(noun)
        if noun.dep in _ARGUMENT_DEPS and up.pos in _VERBAL:
            return up
        if noun.dep not in _NOUN_CHAIN_DEPS or up.pos not in _NOMINAL or up.i > noun.i:
            return None                     # the subject, or not a plain noun chain
        noun = up


def date_anchor(sentence: Sentence, start: int, end: int) -> Word | None:
    """The word the time expression at [start, end) dates: its nearest verbal head, or the
    noun it modifies when it is hung on one (after ``attach_dates_to_verbs``)."""
    head = sentence.span_head(start, end)
    if head is None or head.is_root:
        return None
    return sentence.head_of(head)


def _locating(sentence: Sentence, date_head: Word) -> bool:
    """Whether the date phrase says when something happened: bare ("last week") or with
    on/in/at/during. "service for a Monday morning", "from 1998" describe the noun."""
    cases = [w.lemma.lower() for w in sentence.children(date_head) if w.dep == "case"]
    return all(case in _LOCATING_CASES for case in cases)


def _oblique_label(sentence: Sentence, date_head: Word) -> str:
    """UD: "on Sunday" is ``obl``, a bare "Sunday" or "last week" is ``obl:tmod``."""
    has_case = any(w.dep == "case" for w in sentence.children(date_head))
    return "obl" if has_case else "obl:tmod"


def headline_verb(sentence: Sentence, verb_lemma: Callable[[str], str | None]) -> Sentence:
    """Headlines drop articles and auxiliaries, and a parser trained on prose often reads
    "Chrysler files for bankruptcy" or "Dow Jones Industrial Average closes at ..." as one
    noun phrase ("files" a plural noun). In a headline with no verb at its root, the first
    -s word right after a proper noun whose stem is a listed verb (``verb_lemma(form)``:
    the lemma or None) becomes the root verb, with no verb before it; the proper noun before
    it is its subject, heading the words before it; the words after it that hung on the
    subject's words or the old root hang on the verb (a noun's "nmod" becoming "obl")."""
    words = sentence.words
    root = sentence.root
    if root is None or root.pos in _VERBAL:
        return sentence
    at = next((w.i for w in words[1:] if w.text[-1:] == "s" and _proper(words[w.i - 1])
               and verb_lemma(w.text.lower()) and not any(x.pos in _VERBAL for x in words[:w.i])), None)
    if at is None:
        return sentence
    subject = at - 1
    new = []
    for w in words:
        if w.i == at:
            w = replace(w, pos="VERB", tag="VBZ", lemma=verb_lemma(w.text.lower()), head=at, dep="root")
        elif w.i == subject:
            w = replace(w, head=at, dep="nsubj")
        elif w.i < subject and (w.is_root or w.head > subject):
            w = replace(w, head=subject, dep="compound")
        elif w.i > at and (w.is_root or w.head <= at):
            w = replace(w, head=at, dep=_as_verb_dependent(w))
        new.append(w)
    return replace(sentence, words=tuple(new))


def _as_verb_dependent(w: Word) -> str:
    """The relation to the repaired verb of a word that hung on a nominal root."""
    if w.dep.startswith("nmod"):
        return "obl"
    return "obj" if w.is_root or w.dep in ("compound", "flat", "appos") else w.dep


def _proper(w: Word) -> bool:
    return w.pos == "PROPN" or w.tag in ("NNP", "NNPS")


def consistent_subjects(sentence: Sentence) -> Sentence:
    """Relations UD allows only in one shape, put back in it: a passive subject needs a
    passive auxiliary ("The Dow fell by 252 points" is active: ``nsubj``, and "fell" a finite
    past, not a participle); a verb heads no ``compound`` (in "Boeing unveils long-range 777"
    the proper noun before the verb is its subject) and no ``nmod:unmarked`` (the first noun
    after it is its object)."""
    words = list(sentence.words)
    changed = False
    given_obj: set[int] = set()
    kids: dict[int, list[Word]] = {}
    for w in words:
        if not w.is_root:
            kids.setdefault(w.head, []).append(w)
    for w in sentence.words:
        head = words[w.head]
        if w.is_root or head.pos not in _VERBAL:
            continue
        deps = {k.dep for k in kids.get(head.i, ())}
        if w.dep == "nsubj:pass" and "aux:pass" not in deps and "aux" not in deps:
            words[w.i] = replace(w, dep="nsubj")
            if head.tag == "VBN":
                words[head.i] = replace(words[head.i], tag="VBD")
            changed = True
        elif w.dep == "compound" and w.i < head.i and _proper(w) and "nsubj" not in deps and \
                not any(k.i > w.i and k.i < head.i and k.dep == "compound" for k in kids[head.i]):
            words[w.i] = replace(w, dep="nsubj")
            changed = True
        elif w.dep == "nmod:unmarked" and w.i > head.i and w.pos in _NOMINAL and "obj" not in deps and \
                head.i not in given_obj:
            words[w.i] = replace(w, dep="obj")
            given_obj.add(head.i)
            changed = True
    return replace(sentence, words=tuple(words)) if changed else sentence
