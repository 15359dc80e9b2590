"""Direct quotations and reported speech, each with a resolved speaker.

Direct quotes: every double quotation (a quote left open at a paragraph end runs to that
end; an open quote closed on the next line is one quote). Its speaker comes from, in order:
1. an attribution right after it: '”, Tillerson said', '” said Ashley Townshend, ...';
2. a speech verb before it in the same sentence: 'Wang said he and Tillerson “...”', whose
   subject is the last subject-like mention before the verb (for a participle such as
   'tweeting,' or 'saying', the first subject of the sentence);
3. continuation: a quote with no attribution that opens a sentence takes the speaker of
   the previous quote in its paragraph, or in the previous paragraph.
Reported speech: a speech verb outside quotes with a subject and a clause
('Wang said Saturday that ...', '..., U.S. officials said.').
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from .actors import GROUP, GROUP_KINDS, MEDIA, ORG, PERSON, POSSESSIVE, SUBJECT, Mention
from .coref import Resolver
from .gazetteer import lookup
from ._speakernp import phrase_after, phrase_kind, phrase_name, subject_phrase
from ._wholeclause import LEAD_THAT_RE, clause_after_verb, clause_end, head_before_quote
from .intervals import ByStart, Intervals
from .records import StatementRec

_SPEECH_RE = re.compile(
    r"\b(?:said|says|(?<!\bto\s)say(?!\s+(?:that\s+)?(?:it|this)\s+(?:is|was))|told|tells|telling|added|adds|adding|stated|wrote|writes|tweeted|tweeting|warned|"
    r"warns|urged|urges|urging|described|describing|reiterated|insisted|noted|stressed|explained|"
    r"declared|announced|argued|claimed(?!\s+(?:victory|responsibility|credit)\b)|claims|asked|replied|responded|suggested|emphasized|"
    r"emphasised|acknowledged|admitted|cautioned|complained|saying|denounced|threatening|accused|"
    r"berated|criticized|criticised|rejected|dismissed|condemned|praised|reported|reports|"
    r"called\s+on|called\s+for|[Aa]ccording\s+to|quoted\s+as\s+saying|hailed|welcomed|vowed|pledged|"
    r"promised|predicted|conceded|confirmed|denied|recalled|lamented|"
    r"noting|notes|writing|argues|arguing|contends|contended|insists|asserted|asserts|explaining|"
    r"continued(?=\s*[:,]?\s*(?:[“\"]|''))|concluded|testified|mentioned|recounted|remarked|commented|posted|"
    r"(?:called|branded|labell?ed|termed)(?=\s+(?:[\w’'\-]+\s+){1,5}(?:[“\"‘]|''))|calling(?=\s+(?:[\w’'\-]+\s+){1,5}(?:[“\"‘]|'')))\b")
_ROLE_GAP_RE = re.compile(r"(?:\s+[a-z][\w\-]*){1,3}\s+(?:[A-Z][\w.]*\s+){0,3}")
_PASSIVE_RE = re.compile(r"\b(?:being|been|be|is|was|were|are)\s+(?:\w+ly\s+)?$")
_TITLE_GAP_RE = re.compile(r"[\s,.!?\xa0—–-]*(?:(?:[A-Z][\w.’'\-]*|of|the|[a-z]+(?:man|woman|person|er|or|ist|ent|ary|ant)|"
                           r"ministry|foreign|defen[cs]e|state|party|union|police|army|military|court|agency|office|"
                           r"department|government|chief|senior|deputy|former)"
                           r"[ \xa0]+)*")
# the narrator's next clause: ", and he urged ...", "; ...", " — ..."
_CLAUSE_END_RE = re.compile(r",\s+(?:and|but|while)\s+(?:he|she|they|we|I|it|also)\b|,\s+while\s|;\s|\s[—–]\s|\s--\s")
_PREP_START_RE = re.compile(r"(?:as(?! many| much)|to|in|on|at(?! least| most)|by|for|with|from|of)\b")  # "said at least 23 ..." is a clause
_DOC_NOUN_RE = re.compile(r"\b(?:commentary|editorial|report|article|statement|analysis|piece|"
                          r"column|op-ed|broadcast|bulletin)\b.*\b(?:from|in|by|of)\s+(?:the\s+)?"
                          r"(?:\w+\s+)?$")
_OWN_DOC_RE = re.compile(r"['’]s\s+(?:[a-z]+\s+)?(?:statement|report|communiqu[eé]|bulletin|note|website|"
                         r"account|post|spokes(?:man|woman|person))\b")
_PARTICIPLE_RE = re.compile(r"ing\b|according")
_THAT_RE = re.compile(r"\s*(?:[\w.’'\-]+\s+){0,7}?that\s+")
_TOLD_OBJECT_RE = re.compile(r"\s*(?:[A-Za-z.\-]+\s+){1,2}?(?=[A-Z]|both|the|a|an)")
_MIN_QUOTE_WORDS = 3
_OBJECT_NP_RE = re.compile(r"\s*(?:an?|its|his|her|their|\d+|two|three|four|five|six|seven|ten|martial|war)\s")
_BARE_NAME_RE = re.compile(r"[\s,.!?\xa0—–-]*([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})[ \xa0]+")
_BARE_AFTER_RE = re.compile(r"[ \xa0]+([A-Z][a-z]+(?:[ \xa0][A-Z][a-z]+){0,2})(?=[,.;]|[ \xa0]+(?:of|from|at|who)\b)")
_NOT_NAMES = frozenset("""
The Officials Analysts Experts Sources Critics Others
Police Residents Witnesses Officers Protesters Observers
""".split())
_RELATIVE_LEAD_RE = re.compile(r",?\s*(?:which|who)\s+(?:[a-z]+\s+){0,3}")
_TIME_ADJUNCT_RE = re.compile(
    r"\s*(?:(?:on|late|early|last|this|on\s+the)\s+)?(?:[A-Z][a-z]+day|yesterday|today|tonight|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|week|month|year|night|"
    r"morning|afternoon|evening|weekend)(?:\s+(?:night|morning|afternoon|evening))?\b,?")


# The public speaker kinds of the "dateline/1" document, from the mention kinds: a city
# speaking is its government ("Beijing said"); an unnamed group is an anonymous source.
PUBLIC_KINDS = {PERSON: "person", ORG: "organisation", MEDIA: "publication", "country": "country",
                "city": "country", GROUP: "anonymous"}


def public_speaker_kind(kind: str) -> str:
    """person | organisation | country | publication | anonymous."""
    return PUBLIC_KINDS.get(kind, "anonymous")


class Speaker(NamedTuple):
    """Who spoke: the resolved name and kind, and the words in the text that name them."""
    name: str | None
    kind: str
    start: int | None = None
    end: int | None = None


NOBODY = Speaker(None, "")


class Cue(NamedTuple):
    """The speech verb or phrase ("said", "according to", ":") and where the attribution is."""
    text: str
    pos: int
    end: int


def _cue(verb: re.Match) -> Cue:
    return Cue(" ".join(verb.group(0).split()), verb.start(), verb.end())


class StatementFinder:
    def __init__(self, text, spans, quotes, mentions, resolver: Resolver):
        self.text = text
        self.spans = [s for s in spans]
        self.starts = [s.start for s in spans]
        self.quotes = sorted(quotes)
        self.quote_starts = [q0 for q0, _ in self.quotes]
        self.quoted = Intervals(quotes, open_ends=True)
        self.mentions = mentions
        self.index = ByStart(mentions)
        self.resolver = resolver
        self.used_verbs: set[int] = set()
        self.out: list[tuple[StatementRec, int]] = []   # (statement, attribution position)

    # -- helpers ------------------------------------------------------------------
    def span_at(self, pos: int):
        i = max(0, bisect.bisect_right(self.starts, pos) - 1)
        return i, self.spans[i]

    def in_quote(self, pos: int) -> bool:
        return self.quoted.contains(pos)

    def quote_open(self, lo: int, hi: int) -> int | None:
        """The first opening quotation mark in [lo, hi), if any."""
        i = bisect.bisect_left(self.quote_starts, lo)
        return self.quote_starts[i] if i < len(self.quote_starts) and self.quote_starts[i] < hi else None

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        return [m for m in self.index.between(lo, hi) if m.end <= hi and not m.in_quote]

    def speech_verbs(self, lo: int, hi: int) -> list[re.Match]:
        # the search runs a little past hi: "called" looks ahead for its quotation mark
        return [v for v in _SPEECH_RE.finditer(self.text, lo, min(len(self.text), hi + 80))
                if v.start() < hi and v.end() <= hi + 1 and not self.in_quote(v.start())
                and (v.group(0).startswith("quoted")
                     or not _PASSIVE_RE.search(self.text, max(0, v.start() - 30), v.start()))]

    def resolve(self, m: Mention | None) -> Speaker:
        if m is None:
            return NOBODY
        name, kind = self.resolver.resolve(m)
        return Speaker(name, kind, m.start, m.end)

    # -- subjects -----------------------------------------------------------------
    def subject_of(self, verb: re.Match, lo: int) -> Mention | None:
        """The grammatical subject of a speech verb within [lo, verb)."""
        before = self.mentions_in(lo, verb.start())
        if _PARTICIPLE_RE.search(verb.group(0)) or self.text[max(lo, verb.start() - 2):verb.start()].strip() == ",":
            finite = [v for v in self.speech_verbs(lo, verb.start()) if not _PARTICIPLE_RE.search(v.group(0))]
            if finite:   # "..., the Pentagon said, adding that": the subject of "said"
                return self.subject_of(finite[-1], lo)
            firsts = [m for m in before if m.syntax == SUBJECT]
            people = [m for m in firsts if m.kind == PERSON]   # "China’s U.N. envoy, Liu Jieyi, said"
            return (people or firsts or [None])[0]
        if before and _RELATIVE_LEAD_RE.fullmatch(self.text, before[-1].end, verb.start()):
            return before[-1]   # "the Commission, which had accused him": the antecedent
        subjects = [m for m in before if m.syntax == SUBJECT]
        phrase = subject_phrase(self.text, lo, verb.start())
        if phrase:   # the subject is the phrase before the verb, not a name far before it
            inside = [m for m in before if phrase[0] <= m.start < phrase[1]]
            named = [m for m in inside if m.syntax == SUBJECT] or [m for m in inside if m.kind in (ORG, MEDIA)]
            return named[-1] if named else self._described(*phrase)
        if subjects:
            return subjects[-1]
        return self._publisher(before)

    def _described(self, start: int, end: int) -> Mention:
        """A speaker named only by a description ("the administration", "police")."""
        return Mention(start, end, phrase_kind(self.text, start, end), self.text[start:end],
                       name=phrase_name(self.text, start, end))

    def _publisher(self, before: list[Mention]) -> Mention | None:
        """'A commentary on Friday from the official Xinhua News Agency warned': Xinhua;
        'The ECB's statement said': the ECB."""
        if before and before[-1].syntax == POSSESSIVE and before[-1].kind in (ORG, MEDIA) and \
                _OWN_DOC_RE.match(self.text, before[-1].end):
            return before[-1]
        for m in reversed(before):
            if m.kind in (ORG, MEDIA) and _DOC_NOUN_RE.search(self.text, max(0, m.start - 60), m.start):
                return m
        return None

    def after_verb(self, verb: re.Match, hi: int) -> Mention | None:
        found = self.mentions_in(verb.end(), hi)
        if len(found) >= 2 and found[0].syntax == POSSESSIVE and found[1].start - found[0].end <= 4:
            found = found[1:]   # "according to South Korea's Joint Chiefs of Staff"
        return self._person_of_org(found) if found else None

    def _person_of_org(self, found: list[Mention]) -> Mention:
        """'White House press secretary Sarah Sanders': the person speaks, not the office."""
        if len(found) >= 2 and found[0].kind in (ORG, MEDIA) and found[1].kind == PERSON and \
                _ROLE_GAP_RE.fullmatch(self.text, found[0].end, found[1].start):
            return found[1]
        return found[0]

    # -- direct quotes ------------------------------------------------------------
    def run(self) -> None:
        """Sentence by sentence, so pronouns see every earlier speaker."""
        pending = sorted(self.quotes)
        para = None
        for i, span in enumerate(self.spans):
            if span.chrome:
                continue
            if span.para != para:
                para = span.para
                self._labelled(i)
            while pending and pending[0][0] < span.end:
                lo, hi = pending.pop(0)
                if lo >= span.start:
                    self.direct(lo, hi)
            taken = span.start   # a verb inside a clause already reported is part of it
            for verb in self.speech_verbs(span.start, span.end):
                if verb.start() in self.used_verbs or verb.start() < taken or self.reported_in(verb.start()):
                    continue
                found = self._according(verb, span) if verb.group(0).lower().startswith("according") \
                    else self._reported(verb, span)
                if found:
                    taken = max(verb.end(), self.out[-1][0].end)

    def _labelled(self, i: int) -> None:
        """A transcript paragraph: 'TAPPER: Do you think ...?', 'Q: ...', 'A: ...'."""
        span = self.spans[i]
        m = _LABEL_RE.match(self.text, span.start, span.end)
        if not m or m.group(1).upper() in _NOT_LABELS or i == 0 or m.group(1) == "Q" or \
                (m.group(1).isupper() and lookup(m.group(1).title()) is not None):
            return   # "NEW DELHI: ..." is a dateline; an interviewer's questions are not news
        last = i
        while last + 1 < len(self.spans) and self.spans[last + 1].para == span.para:
            last += 1
        lo, hi = _trim(self.text, m.end(), self.spans[last].end)
        if len(self.text[lo:hi].split()) < _MIN_QUOTE_WORDS or self.quote_open(lo, hi) is not None or \
                self.speech_verbs(lo, hi):
            return   # "BATRAWY: She's saying, “...”": a reporter relaying someone else
        label = m.group(1)
        speaker = self._label_speaker(label, m.start(1), m.end(1))
        rec = _record(self.text, speaker, Cue(":", m.end(1), m.end(1) + 1), (lo, hi), True,
                      span.start, self.spans[last].end)
        self._add(rec, m.end(1))

    def _label_speaker(self, label: str, start: int, end: int) -> Speaker:
        if label == "A":
            return Speaker("interviewee", GROUP, start, end)
        words = label.title() if label.isupper() else label
        known = [n for n in self.resolver.people if " " in n and n.split()[-1] == words.split()[-1]]
        return Speaker(max(known, key=len) if len(known) == 1 else words, PERSON, start, end)

    def reported_in(self, pos: int) -> bool:
        """pos lies inside the words of a statement already found in this sentence."""
        return any(rec.start <= pos < rec.end for rec, _ in self.out[-4:])

    def direct(self, lo: int, hi: int) -> None:
        idx, span = self.span_at(lo)
        speaker, cue = self._attribute_quote(lo, hi, idx, span)
        content = _trim(self.text, lo + 1, hi)
        if content[0] >= content[1]:
            return
        words = len(self.text[content[0]:content[1]].split())
        sentence_like = self.text[content[0]:content[1]].rstrip().endswith((".", "!", "?"))
        if speaker.name is None or (words < _MIN_QUOTE_WORDS and cue is None and not sentence_like):
            return
        _, last = self.span_at(min(hi, len(self.text) - 1))
        if cue is None and self._continue_previous(content, max(span.end, last.end)):
            return
        content = self._whole_clause(content, cue, speaker, span, lo, hi, last.end)
        prev = self.out[-1][0] if self.out else None
        if prev and prev.start <= content[0] and content[1] <= prev.end and prev.speaker == speaker.name:
            return   # a later quotation of a clause already reported whole
        rec = _record(self.text, speaker, cue, content, True, span.start, max(span.end, last.end))
        self._add(rec, cue.pos if cue is not None else lo)

    def _continue_previous(self, content, sentence_end: int) -> bool:
        """A quotation with no attribution of its own that goes on with the previous speaker's
        quotation ('“...,” said Mr. Burman. “...”', or the next paragraph) is part of that
        claim: the statement grows to cover it."""
        if not self.out:
            return False
        rec, _ = self.out[-1]
        if not rec.direct or rec.end > content[0]:
            return False
        here, _ = self.span_at(content[0])
        there, _ = self.span_at(rec.end - 1)
        if here - there > 1:
            return False   # narrative sentences in between: not one claim
        rec.end = content[1]
        rec.text = self.text[rec.start:rec.end]
        rec.sentence_end = max(rec.sentence_end, sentence_end)
        return True

    def _whole_clause(self, content, cue: Cue | None, speaker: Speaker, span, lo, hi, last_end):
        """The whole reported clause around a quotation (see _wholeclause.py)."""
        text = self.text
        if cue is None or cue.text == ":" or cue.text.lower().startswith("according"):
            return content
        if cue.pos < lo:
            start = clause_after_verb(text, cue.end, lo)
            if start is None and speaker.start is not None and speaker.start < cue.pos and \
                    text[cue.end:lo].strip(" \xa0") == ",":   # 'HEAD, Ms. Tanzer said, “is a ...”'
                start = head_before_quote(text, span.start, speaker.start,
                                          bool(self.speech_verbs(span.start, speaker.start)), lead=True)
            if start is None:
                return content
            end = clause_end(text, hi + 1, last_end)
            return _trim(text, start, max(end, hi + 1))
        start = head_before_quote(text, span.start, lo, bool(self.speech_verbs(span.start, lo)))
        if start is None:
            return content
        wire = _WIRE_DATELINE_RE.match(text, span.start, lo)
        stop = min(cue.pos, speaker.start if speaker.start is not None and speaker.start > hi else cue.pos)
        comma = text.rfind(",", hi + 1, stop)
        return _trim(text, wire.end() if wire else start, comma if comma > hi else hi + 1)

    def _attribute_quote(self, lo, hi, idx, span):
        _, end_span = self.span_at(hi)
        tail_end = end_span.end if end_span.para == span.para else hi
        verbs_after = self.speech_verbs(hi + 1, tail_end)
        if verbs_after and verbs_after[0].group(0).lower().startswith("according") and \
                self.speech_verbs(span.start, lo):
            verbs_after = []   # 'X described it as “...”, according to IRNA': X spoke, IRNA reported
        if verbs_after and self.quote_open(hi + 1, verbs_after[0].start()) is None:
            verb = verbs_after[0]
            between = self.mentions_in(hi + 1, verb.start())
            if between and _TITLE_GAP_RE.fullmatch(self.text, hi + 1, between[0].start):
                self.used_verbs.add(verb.start())
                return self.resolve(self._person_of_org(between)), _cue(verb)
            if not self.text[hi + 1:verb.start()].strip(" ,.\xa0—–-'"):
                found = self.resolve(self.after_verb(verb, tail_end))
                if not found.name:   # '”, said Heiserman of ...', '”, said the man who ...'
                    found = self._named_after(verb, tail_end)
                if found[0] or not self.speech_verbs(span.start, lo):
                    self.used_verbs.add(verb.start())
                    return found, _cue(verb)
            bare = _BARE_NAME_RE.fullmatch(self.text, hi + 1, verb.start())
            if bare:   # '”, Kishida said' (never introduced); '”, Critics said': an unnamed group
                self.used_verbs.add(verb.start())
                name = bare.group(1)
                if name.split()[0] in ("He", "She", "It", "They", "We", "I", "You", "This", "That", "There"):
                    return NOBODY, _cue(verb)
                return Speaker(name, GROUP if name in _NOT_NAMES else PERSON, bare.start(1), bare.end(1)), _cue(verb)
            phrase = subject_phrase(self.text, hi + 1, verb.start())
            if phrase and not self.text[hi + 1:phrase[0]].strip(" ,.\xa0—–-'"):
                self.used_verbs.add(verb.start())   # '”, a resident of the district told AFP'
                return self.resolve(self._described(*phrase)), _cue(verb)
            gap = self.text[hi + 1:verb.start()].strip(" ,.\xa0—–-").split()
            if gap and len(gap) <= 5 and (gap[0][0].isupper() or gap[0] in ("a", "an", "the")):
                return NOBODY, _cue(verb)   # attributed, but to someone we cannot name
        verbs_before = self.speech_verbs(span.start, lo)
        if verbs_before and self.out and self.out[-1][1] == verbs_before[-1].start() and \
                self.out[-1][0].end < lo and self.out[-1][0].direct and \
                not self.text[verbs_before[-1].end():lo].rstrip().endswith((":", ",")):
            return self._continuation(lo, span, force=True), None   # '“...,” he said. “...”'
        if verbs_before:
            verb = verbs_before[-1]
            self.used_verbs.add(verb.start())
            if verb.group(0).lower().startswith("according"):
                return self.resolve(self.after_verb(verb, lo)), _cue(verb)
            return self.resolve(self.subject_of(verb, span.start)), _cue(verb)
        lead = self.text[span.start:lo].rstrip()
        if lead.endswith(":"):   # 'Ndung'u was blunt: “...”': the sentence's subject speaks
            subjects = [m for m in self.mentions_in(span.start, lo) if m.syntax == SUBJECT]
            if subjects:
                return self.resolve(subjects[0]), Cue(":", span.start, span.start)
        return self._continuation(lo, span), None

    def _named_after(self, verb: re.Match, hi: int) -> Speaker:
        """A speaker after an inverted verb that no mention names: a bare name or a phrase."""
        bare = _BARE_AFTER_RE.match(self.text, verb.end(), hi)
        if bare and bare.group(1).split()[0] not in _NOT_NAMES:
            return Speaker(bare.group(1), PERSON, bare.start(1), bare.end(1))
        phrase = phrase_after(self.text, verb.end(), hi, cut=True)
        return self.resolve(self._described(*phrase)) if phrase else NOBODY

    def _continuation(self, lo, span, force: bool = False) -> Speaker:
        if self.text[span.start:lo].strip() and not force:
            return NOBODY
        for rec, _ in reversed(self.out):
            _, prev_span = self.span_at(max(rec.start, rec.end - 1))   # where it ends (merged quotes)
            if prev_span.para in (span.para, span.para - 1) and rec.direct:
                return Speaker(rec.speaker, rec.speaker_kind, rec.source_start, rec.source_end)
            break
        return NOBODY

    # -- reported speech ----------------------------------------------------------
    def _reported(self, verb: re.Match, span) -> bool:
        if self._inverted(verb, span):
            return True
        subj = self.subject_of(verb, span.start)
        if subj is None:
            return False
        clause = self._clause(verb, span, subj)
        if clause is None:
            return False
        speaker = self.resolve(subj)
        if not speaker.name:
            return False
        self._add(_record(self.text, speaker, _cue(verb), clause, False, span.start, span.end), verb.start())
        return True

    def _inverted(self, verb: re.Match, span) -> bool:
        """'CLAUSE, said David Gilbert, its president.' / '..., said one longtime friend.'"""
        text = self.text
        if text[max(span.start, verb.start() - 2):verb.start()].strip() != "," or \
                verb.group(0) not in _INVERTIBLE:
            return False
        comma = text.rfind(",", span.start, verb.start())
        if len(text[span.start:comma].split()) < _MIN_QUOTE_WORDS or self.speech_verbs(span.start, comma) \
                or self.quote_open(span.start, verb.start()) is not None:
            return False
        wire = _WIRE_DATELINE_RE.match(text, span.start, comma)
        body = wire.end() if wire else span.start
        first = self.mentions_in(body, comma)[:1]
        if first and len(text[body:first[0].start].split()) <= 4 and "," not in text[body:first[0].start] \
                and text.startswith(",", first[0].end):
            return False   # "Ashley Townshend, a researcher, said ...": an apposition, not a clause
        source = self._source_after(verb, span.end)
        if source is None or not _is_tail(text[source.end:span.end]):
            return False   # "X, a professor, said he never saw ...": the clause follows
        speaker = self.resolve(source)
        if not speaker.name:
            return False
        lo, hi = _trim(text, body, comma)
        self._add(_record(text, speaker, _cue(verb), (lo, hi), False, span.start, span.end), verb.start())
        return True

    def _source_after(self, verb: re.Match, hi: int) -> Mention | None:
        """The speaker named right after an inverted verb, titles and all."""
        found = self.mentions_in(verb.end(), hi)
        if found and _TITLE_GAP_RE.fullmatch(self.text, verb.end(), found[0].start) and \
                "," not in self.text[verb.end():found[0].start]:
            return self._person_of_org(found)
        phrase = phrase_after(self.text, verb.end(), hi)
        return self._described(*phrase) if phrase else None

    def _according(self, verb: re.Match, span) -> bool:
        """'CLAUSE, according to X.', 'According to X, CLAUSE.' and 'HEAD, according to X, REST.'"""
        text = self.text
        source = self._according_source(verb, span.end)
        if source is None:
            return False
        comma = text.find(",", source.end, span.end)
        wire = _WIRE_DATELINE_RE.match(text, span.start, verb.start())
        head = _trim(text, wire.end() if wire else span.start, verb.start())
        rest = _trim(text, comma + 1, span.end) if comma >= 0 else (span.end, span.end)
        head_words, rest_words = len(text[head[0]:head[1]].split()), len(text[rest[0]:rest[1]].split())
        if head_words >= 2 and rest_words >= _MIN_QUOTE_WORDS and text[:verb.start()].rstrip().endswith(","):
            lo, hi = head[0], rest[1]   # "One of the decisions, according to a person close to it, is ..."
        elif head_words >= 2:
            lo, hi = head
        elif rest_words >= _MIN_QUOTE_WORDS:
            lo, hi = rest
        else:
            return False
        if self.in_quote(lo):
            return False
        speaker = self.resolve(source)
        if not speaker.name:
            return False
        self._add(_record(text, speaker, _cue(verb), (lo, hi), False, span.start, span.end), verb.start())
        return True

    def _according_source(self, verb: re.Match, hi: int) -> Mention | None:
        """The source after "according to": a name right there, else its words up to the comma
        ("according to people familiar with the plans", "according to exit polls")."""
        phrase = phrase_after(self.text, verb.end(), hi, cut=True)
        if phrase is None:
            return None
        inside = [m for m in self.mentions_in(phrase[0], phrase[1])]
        first = inside[0].start if inside else phrase[1]
        if len(inside) >= 2 and inside[0].syntax == POSSESSIVE and inside[1].start - inside[0].end <= 4:
            inside = inside[1:]   # "according to South Korea's Joint Chiefs of Staff"
        if inside and (not self.text[phrase[0]:first].strip(" \xa0")
                       or _DOC_LEAD_RE.fullmatch(self.text, phrase[0], first)):
            return self._person_of_org(inside)   # "according to a statement from the ... office"
        return self._described(*phrase)

    def _clause(self, verb, span, subj):
        text = self.text
        after = text[verb.end():span.end]
        if _is_tail(after, verb.group(0)):
            # "CLAUSE, Kremlin spokesman Dmitry Peskov said (on Saturday)."
            gap = _SUBJECT_LEAD_RE.search(text, max(span.start, subj.start - 60), subj.start)
            head_end = gap.start() + 1 if gap else subj.start
            head = text[span.start:head_end]
            if not head.endswith(",") or self.speech_verbs(span.start, head_end):
                return None
            wire = _WIRE_DATELINE_RE.match(text, span.start, head_end)
            start = wire.end() if wire else span.start
            if _PARENTHETICAL_RE.match(after) and self.quote_open(verb.end(), span.end) is None:
                return _trim(text, start, span.end)   # "The latest test, North Korea said, was its biggest"
            if len(head.split()) >= 4:
                return _trim(text, start, head_end - 1)
            return None
        adjunct = _TIME_ADJUNCT_RE.match(after)   # "said on Thursday it would cut ..."
        if adjunct and not _THAT_RE.match(after):
            after = after[adjunct.end():]
        skipped = len(text[verb.end():span.end]) - len(after)
        # "told reporters in Seoul that": an object first; "said there was evidence that": a clause
        m = (_THAT_RE if verb.group(0) in ("told", "tells", "telling") else LEAD_THAT_RE).match(after)
        if m:
            start = verb.end() + skipped + m.end()
        elif verb.group(0) in ("told", "tells"):
            m = _TOLD_OBJECT_RE.match(after)
            start = verb.end() + skipped + (m.end() if m else 0)
        elif _OBJECT_NP_RE.match(after) and verb.group(0) in ("announced", "announces", "declared"):
            return None   # "announced a package", "declared a state of emergency": acts, not words
        else:
            start = verb.end() + skipped
        end = span.end
        cut = _CLAUSE_END_RE.search(text, start, end)
        if cut:
            end = cut.start()
        quote = self.quote_open(start, end)
        if quote is not None:   # "... besides North Korea, describing the talks as “...”"
            comma = text.rfind(",", start, quote)
            end = comma if comma > start else quote
        lo, hi = _trim(text, start, end)
        if (len(text[lo:hi].split()) < _MIN_QUOTE_WORDS or _PREP_START_RE.match(text, lo)
                or self.quote_open(lo, hi) is not None):
            return None
        return lo, hi

    # -- bookkeeping --------------------------------------------------------------
    def _add(self, rec: StatementRec, attribution: int) -> None:
        self.out.append((rec, attribution))
        if rec.speaker_kind not in GROUP_KINDS:
            self.resolver.note_speaker(attribution, rec.speaker, rec.speaker_kind)


def _record(text: str, speaker: Speaker, cue: Cue | None, content: tuple[int, int], direct: bool,
            sentence_start: int, sentence_end: int) -> StatementRec:
    lo, hi = content
    return StatementRec(speaker=speaker.name, speaker_kind=speaker.kind, text=text[lo:hi], direct=direct,
                        start=lo, end=hi, sentence_start=sentence_start, sentence_end=sentence_end,
                        cue=cue.text if cue is not None else "",
                        source_start=speaker.start, source_end=speaker.end)


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and (text[lo].isspace() or text[lo] in "“”\"‘’'"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in "“”\"‘’',;:—–-"):
        hi -= 1
    return lo, hi


def find_statements(text, spans, quotes, mentions, resolver) -> list[tuple[StatementRec, int]]:
    """Statements in text order, each with the position of its attribution (verb or quote)."""
    finder = StatementFinder(text, spans, quotes, mentions, resolver)
    finder.run()
    finder.out.sort(key=lambda item: item[0].start)
    return finder.out


_TAIL_STARTERS = frozenset("""
on in at to during last this late early earlier later yesterday today tonight afterwards afterward
monday tuesday wednesday thursday friday saturday sunday
""".split())
# ", airport operator Fraport said": the subject's noun phrase back to the comma
_SUBJECT_LEAD_RE = re.compile(r",\s*(?:(?:the|a|an|[A-Z][\w.’'\-]*|[a-z][\w\-]*)\s+){0,5}$")


# "a statement from the", "figures released by": a document before its author's name
_DOC_LEAD_RE = re.compile(r"(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\w\-]+\s+){0,2}?(?:statement|report|analysis|"
                          r"study|survey|poll|data|figures|estimates?|memo|letter|filing|records|documents?|"
                          r"transcript|account|release|website|post|tweet)\s+(?:(?:released|issued|published|"
                          r"posted)\s+)?(?:from|by|of|in|on)\s+(?:the\s+)?")
# a speaker's label opening a transcript paragraph: "TAPPER:", "Q:", "Sen. Lindsey Graham:"
_LABEL_RE = re.compile(r"((?:[A-Z][A-Za-z.’'\-]*)(?:[ \xa0][A-Z][A-Za-z.’'\-]*){0,3}):[ \xa0]+(?=\S)")
_NOT_LABELS = frozenset("""
UPDATE UPDATED NOTE CORRECTION CLARIFICATION PHOTO PHOTOS VIDEO WATCH READ RELATED MORE SEE
EDITOR'S EDITOR’S ALSO SOURCE SOURCES CREDIT WARNING TRANSCRIPT EXCLUSIVE BREAKING
""".split())
# verbs that come before their subject: "..., said David Gilbert, its president."
_INVERTIBLE = frozenset("""
said says added adds wrote writes noted notes explained asked replied recalled argued insisted
stated remarked concluded reported announced warned told
""".split())
# ", X said, REST": the claim goes on after the attribution (not ", adding ...", ", citing ...")
_PARENTHETICAL_RE = re.compile(
    r"(?:\s+(?:on|last|this|late|early)?\s*[A-Z][a-z]+day)?,\s+(?!(?:[a-z]+ing|according|as|in|on|at|during|after|before|when|"
    r"who|which|and|but|to|with|from|[A-Z][a-z]+day)\b)(?:[\w’'\-]+\s+){2,}\w")
_WIRE_DATELINE_RE = re.compile(r"[A-Z][A-Z .'’\-]{1,40}(?:,[^()\n]{0,40})?\s*\([A-Za-z .&]{2,30}\)\s*[-–—]+\s*")


def _is_tail(after: str, verb: str = "") -> bool:
    """Nothing but a short adjunct follows the verb: ', the Kremlin said on Saturday.';
    after "told" a short phrase ending the sentence is the audience ("told a regular briefing.")."""
    stripped = after.strip(" .,\xa0")
    if not stripped or after.lstrip().startswith(","):
        return True
    words = stripped.split()
    if verb in ("told", "tells") and len(words) <= 6 and after.rstrip().endswith(".") and \
            not any(w.lower() in ("that", "he", "she", "it", "they", "we", "i") for w in words):
        return True
    if len(words) > 1 and words[1].lower() in ("least", "most"):
        return False     # "said at least 23 people had died": a clause, not "said at the talks"
    return len(words) <= 6 and words[0].lower() in _TAIL_STARTERS and after.rstrip().endswith((".", "!", "?"))


def blocked_ranges(items, text: str = "") -> list[tuple[int, int]]:
    """Reported words of each statement: what was said, not what happened."""
    out = []
    for rec, attribution in items:
        if not rec.direct:
            out.append((rec.start, rec.end))
        elif attribution < rec.start:   # 'saying in Seoul that ...“quote”': from "that" on
            m = _THAT_RE.match(text[attribution + 1:attribution + 120]) if text else None
            out.append((attribution + 1 + m.end() if m else rec.start - 1, rec.sentence_end))
        else:
            out.append((rec.sentence_start, rec.end))
    return out
