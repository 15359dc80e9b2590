"""Reported speech the patterns of _reported.py cannot frame, read off a dependency parse.

'Several candidates, including Trump, said the United States should ...', 'a rule change
that he said would make it harder ...', 'some senators vented ... and said that they had
lost their patience', 'Cruz electrified the small crowds ..., Stovall said.': the speech
verb's clausal complement (``ccomp``) is the claim and its subject (``nsubj``, or the subject
it shares as a conjunct, participle or relative clause) the speaker; an attribution hung on
the claim ('..., Stovall said.', UD ``parataxis``) reports the rest of the clause.

Only sentences where a speech verb is left over after the pattern rules are parsed (the
parser costs ~0.2 ms a word), so the rules stay the fast path. The tree logic here is pure
(``claim_of``); ``ParsedSpeech`` is mixed into StatementFinder (statements.py).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ._speech import MIN_WORDS, Cue, make_record, trim
from .parsetree import Sentence, Word
from .wire import dateline_end

# lemmas of verbs of saying whose clausal complement is what was said
SPEECH_LEMMAS = frozenset("""
say tell add write state claim announce declare note explain argue insist warn reply respond
answer report tweet post comment remark suggest acknowledge admit concede confirm deny
promise pledge vow predict recall conclude testify mention emphasize emphasise stress
reiterate assert contend maintain complain boast allege caution disclose reveal indicate
charge counter retort joke quip lament estimate speculate repeat observe agree concur
threaten ask call describe brand label dub term
""".split())
# verbs that say what someone or something is: 'called the incident a reason to ...',
# 'described the deal as a disaster': the object and what it is called are the claim
NAMING_LEMMAS = frozenset("call describe brand label dub term".split())
# those the pattern rules frame whenever they report a clause: a sentence left with only
# one of them is not worth a parse (it finds nothing more there), though a quotation they
# introduce is still widened to its clause when its sentence is parsed anyway
_FRAMED_BY_RULES = frozenset("""
write warn respond answer confirm deny post recall conclude emphasize emphasise repeat
""".split())
# irregular forms; the rest are made by _forms
_IRREGULAR = {"say": "says said saying", "tell": "tells told telling",
              "write": "writes wrote written writing", "testify": "testifies testified testifying",
              "deny": "denies denied denying", "reply": "replies replied replying",
              "concur": "concurs concurred concurring", "dub": "dubs dubbed dubbing",
              "label": "labels labeled labelled labeling labelling"}
# verbs whose "to" complement is what was said: 'vowed to block the nominee'
COMMIT_LEMMAS = frozenset("vow pledge promise threaten".split())
# "asked whether ...", "asked why": the question is what was said (not "asked him to")
_QUESTION_MARKS = frozenset("whether if why how what when where who".split())
# forms that are mostly nouns ("the state", "a report", "his remarks", "a phone call") are
# left to the parse of a sentence that has another candidate: only verb-only forms open one
_NOUN_LIKE = frozenset("""
state states statement post posts note notes comment comments charge charges counter counters
estimate estimates tweet tweets answer answers report reports remark remarks promise promises
pledge pledges claim claims joke jokes vow vows call calls label labels term terms brand brands
""".split())


def _forms(lemma: str) -> list[str]:
    """The written forms of a regular verb: "argue" -> argue, argues, argued, arguing."""
    if lemma in _IRREGULAR:
        return [lemma] + _IRREGULAR[lemma].split()
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
    past = lemma + "d" if lemma.endswith("e") else lemma + "ed"
    return [lemma, plural, past, stem + "ing"]


def _verb_forms_re(lemmas) -> re.Pattern:
    forms = {f for lemma in lemmas for f in _forms(lemma)} - _NOUN_LIKE
    return re.compile(r"\b(?:" + "|".join(sorted(forms, key=lambda f: (-len(f), f))) + r")\b")


# the verbs as they are written: which sentences are worth a parse
_CANDIDATE_RE = _verb_forms_re(SPEECH_LEMMAS - _FRAMED_BY_RULES)
# every form of every speech verb: a sentence with one has an attribution of its own
_ANY_SPEECH_RE = _verb_forms_re(SPEECH_LEMMAS)


def speech_verb_in(text: str, lo: int, hi: int) -> bool:
    return _ANY_SPEECH_RE.search(text, lo, hi) is not None


# the clause words that say who spoke: subject, and the heads a subjectless verb leans on
_SUBJECT_DEPS = ("nsubj",)
_SHARED_SUBJECT_DEPS = ("conj", "xcomp", "advcl")
_CLAUSE_DEPS = ("ccomp",)
_PRONOUNS = frozenset("he she it they we i you him her them us me".split())
_RELATIVES = frozenset("who whom which that what".split())
_CLAUSE_PARTS = frozenset("nsubj nsubj:pass cop aux aux:pass mark advmod advcl obl expl csubj".split())
_TAIL_MARKS = frozenset({",", "—", "–", "--", "”", "\"", "''"})
_MAX_ATTRIBUTION_WORDS = 12   # '..., said one former senior agency official.': still a tail


class Claim(NamedTuple):
    """What a parse says about one speech verb: the claim's characters and the speaker's."""
    verb: Word
    content: tuple[int, int]
    speaker: tuple[int, int]


def sentences_to_parse(text: str, spans, covered, fragments=()) -> list:
    """The spans holding a speech verb that no statement has taken (``covered(pos)``), or
    a quotation that may be only part of what its speech verb reports (``fragments``:
    attribution positions)."""
    out = []
    at = sorted(fragments)
    k = 0
    for span in spans:
        while k < len(at) and at[k] < span.start:
            k += 1
        if span.chrome:
            continue
        if k < len(at) and at[k] < span.end or \
                any(not covered(m.start()) for m in _CANDIDATE_RE.finditer(text, span.start, span.end)):
            out.append(span)
    return out


def claim_of(sent: Sentence, verb: Word) -> Claim | None:
    """The claim a speech verb reports, and its speaker, if the tree gives both."""
    if verb.pos != "VERB" or verb.lemma.lower() not in SPEECH_LEMMAS:
        return None
    children = sent.children(verb)
    if any(c.dep in ("nsubj:pass", "aux:pass") for c in children):
        return None   # "he was told that ...": the speaker is not in the clause
    clauses = [c for c in children if c.dep in _CLAUSE_DEPS]
    lemma = verb.lemma.lower()
    if lemma == "ask":
        clauses = [c for c in clauses if _question(sent, c)]
    elif lemma in COMMIT_LEMMAS and not clauses:
        clauses = [c for c in children if c.dep == "xcomp" and c.i > verb.i and _infinitive(sent, c)]
    elif lemma in NAMING_LEMMAS:
        clauses = _naming(sent, verb, children)
    if clauses:
        content = _extent(sent, clauses, verb)
    elif verb.dep == "parataxis" and _short(sent, verb) and _attribution_tail(sent, verb, children):
        content = _around(sent, sent.head_of(verb), verb)
    elif verb.dep == "advcl" and _short(sent, verb) and any(
            c.dep == "mark" and c.lemma.lower() == "as" for c in children):
        content = _around(sent, sent.head_of(verb), verb, before=True)   # "As Comey noted, ..."
    else:
        return None
    if content is None:
        return None
    speaker = _speaker(sent, verb)
    if speaker is None:
        return None
    return Claim(verb, content, speaker)


def _naming(sent: Sentence, verb: Word, children: list[Word]) -> list[Word]:
    """The object and its name or description after a naming verb, if both are there."""
    obj = next((c for c in children if c.dep == "obj" and c.i > verb.i), None)
    if obj is None:
        return []
    named = [c for c in children if c.i > obj.i and (
        c.dep == "xcomp" or c.dep == "obl" and sent.subtree(c)[0].lemma.lower() == "as")]
    return [obj, named[0]] if named else []


def _question(sent: Sentence, clause: Word) -> bool:
    """The clause is an indirect question: "whether ...", "why he left"."""
    first = sent.subtree(clause)[0]
    return first.lemma.lower() in _QUESTION_MARKS


def _infinitive(sent: Sentence, clause: Word) -> bool:
    return any(c.dep == "mark" and c.lemma.lower() == "to" for c in sent.children(clause))


def _extent(sent: Sentence, clauses: list[Word], verb: Word) -> tuple[int, int] | None:
    """Characters of the clausal complements, without a leading "that"."""
    words = [w for c in clauses for w in sent.subtree(c)]
    words = [w for w in words if w.i != verb.i]
    if not words:
        return None
    words.sort(key=lambda w: w.i)
    if words[0].dep == "mark" and words[0].lemma.lower() == "that":
        words = words[1:]
    return (words[0].start, words[-1].end) if words else None


def _attribution_tail(sent: Sentence, verb: Word, children: list[Word]) -> bool:
    """'..., Stovall said.', '“...,” he told reporters.': set off by a comma (or the
    quotation mark after one) and saying nothing of its own (not '...; the show has not
    announced a replacement')."""
    first = sent.subtree(verb)[0]
    before = sent.words[first.i - 1] if first.i > 0 else None
    objects = ("xcomp",) if verb.lemma.lower() == "tell" else ("obj", "xcomp")
    return before is not None and before.text in _TAIL_MARKS and \
        not any(c.dep in objects for c in children)


def _short(sent: Sentence, verb: Word) -> bool:
    return len(sent.subtree(verb)) <= _MAX_ATTRIBUTION_WORDS


def _around(sent: Sentence, head: Word, verb: Word, before: bool = False) -> tuple[int, int] | None:
    """'CLAIM, Stovall said.' / 'CLAIM, X said, REST': the head's clause without the
    attribution (which stays inside when it interrupts the claim). ``before``: the
    attribution may open the sentence ('As Comey noted, CLAIM')."""
    inside = {w.i for w in sent.subtree(verb)}
    words = [w for w in sent.subtree(head) if w.i not in inside and w.pos != "PUNCT"]
    if before:   # 'As one employee told Palo Alto Weekly, CLAIM': after the whole attribution
        words = [w for w in words if w.i > max(inside)]
    if not words or words[0].i > verb.i and not before:
        return None   # the attribution opens the sentence: not a claim hung after it
    return words[0].start, words[-1].end


def _speaker(sent: Sentence, verb: Word) -> tuple[int, int] | None:
    """The speaker's noun phrase: the verb's subject; for a conjunct or participle without
    one ('vented ... and said that', 'saying'), its head's; for a relative clause ('a rule
    change that he said would ...' has its own, 'officials who said'), the antecedent."""
    word = verb
    for _ in range(3):
        subject = next((c for c in sent.children(word) if c.dep in _SUBJECT_DEPS), None)
        if subject is not None:
            if subject.text.lower() in _RELATIVES:   # the antecedent, when the tree gives it
                return _phrase(sent, sent.head_of(word)) if word.dep == "acl:relcl" else None
            return _phrase(sent, subject)
        if word.dep not in _SHARED_SUBJECT_DEPS or word.is_root:
            return None
        word = sent.head_of(word)
    return None


def _phrase(sent: Sentence, head: Word) -> tuple[int, int]:
    """The noun phrase up to its head and the name words that follow it ("Mr. Garin",
    "a handful", "White House press secretary Sarah Sanders"), not its relative clause
    or the apposition after a comma."""
    words = [head] + [w for c in sent.children(head) if c.i < head.i and c.dep not in _CLAUSE_PARTS
                      for w in sent.subtree(c)]   # not "Trump is" of "Trump is a bully who said"
    words += [c for c in sent.children(head) if c.i > head.i and c.dep in ("flat", "compound")]
    words.sort(key=lambda w: w.i)
    first = next((k for k in range(len(words) - 1, -1, -1) if words[k].pos == "PUNCT"), -1)
    words = words[first + 1:] or [head]
    while len(words) > 1 and (words[0].pos in ("ADP", "CCONJ", "SCONJ") or words[0].text.lower() in _RELATIVES):
        words = words[1:]   # "to young people who say ...", "which critics said": the people
    return words[0].start, words[-1].end


class ParsedSpeech:
    """Mixed into StatementFinder: uses its text, spans, mentions, speakers and ``_add``."""

    def _parsed(self) -> None:
        """Statements from parses of the sentences whose speech verbs the rules left, and
        quotations widened to the clause their verb reports."""
        fragments = {at: rec for rec, at in self.out if self._fragment(rec, at)}
        wanted = sentences_to_parse(self.text, self.spans, self._taken, fragments)
        if not wanted:
            return
        # imported here, not at the top: spaCy takes ~2 s to import, and the GUI's start path
        # imports this module's callers (tests/test_syntax.py); only extraction workers parse
        from . import syntax
        for sent in syntax.parse(self.text, [(s.start, s.end) for s in wanted]):
            _, span = self.span_at(sent.start)   # by offset: the parser skips empty spans
            asked = self.text[span.start:span.end].rstrip(" ”\"'’").endswith("?")
            for word in sent.words:
                if word.start in fragments:
                    self._widen(fragments[word.start], claim_of(sent, word))
                elif not asked and not self._taken(word.start) and not self.in_quote(word.start):
                    # "Did he say that ...?" asks; it does not report that he said it
                    claim = claim_of(sent, word)
                    if claim is not None:
                        self._parsed_claim(claim, span)

    def _fragment(self, rec, at: int) -> bool:
        """A quotation whose verb has words of its own before it ('said if Trump wins, he
        would impose a “...”'): maybe only a fragment of the reported clause."""
        if not rec.direct or rec.cue in ("", ":") or not rec.cue[0].islower():
            return False
        if at < rec.start:   # not 'told CNN: “...”', where the quotation is all that was said
            between = self.text[at:rec.start].strip(" \xa0\n“\"'‘")
            return bool(between.split()[1:]) and not between.endswith((":", ","))
        return at > rec.end and bool(self.text[rec.sentence_start:rec.start].strip(" \xa0“\"'‘"))

    def _widen(self, rec, claim: Claim | None) -> None:
        """The whole clause a quotation is part of, when the parse gives one around it."""
        if claim is None:
            return
        lo, hi = trim(self.text, *claim.content)
        if not self.text[lo].isalnum():
            return
        if lo <= rec.start and rec.end <= hi and hi - lo > rec.end - rec.start and \
                not any(other is not rec and lo < other.end and other.start < hi for other, _ in self.out):
            rec.start, rec.end, rec.text = lo, hi, self.text[lo:hi]

    def _taken(self, pos: int) -> bool:
        """The attribution of a statement, or inside a claim already reported (a verb the
        rules tried for a quotation they then dropped is free again)."""
        return any(at == pos or rec.start <= pos < rec.end for rec, at in self.out)

    def _parsed_claim(self, claim: Claim, span) -> None:
        text = self.text
        lo, hi = claim.content
        wire = dateline_end(text, span.start, lo)
        lo, hi = trim(text, wire if wire is not None else lo, hi)
        while lo < hi and text[lo] in ",;:—–- ":   # 'saying, “...”': the words, not the comma
            lo, hi = trim(text, lo + 1, hi)
        if len(text[lo:hi].split()) < MIN_WORDS or self._overlaps(lo, hi):
            return
        phrase = claim.speaker
        inside = self.mentions_in(*phrase)
        if text[phrase[0]:phrase[1]].lower() in _PRONOUNS:   # "she", "They": coreference or nobody
            speaker = self.resolve(inside[0]) if inside else None
        else:
            speaker = self.resolve(self._phrase_speaker(phrase, inside))
        if speaker is None or not speaker.name:
            return
        verb = claim.verb
        self.used_verbs.add(verb.start)
        self._add(make_record(text, speaker, Cue(verb.text, verb.start, verb.end), (lo, hi), False,
                              span.start, span.end), verb.start)

    def _overlaps(self, lo: int, hi: int) -> bool:
        """Half the claim is already another statement's words."""
        size = hi - lo
        return any(min(hi, rec.end) - max(lo, rec.start) > size / 2 for rec, _ in self.out)
