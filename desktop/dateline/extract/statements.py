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

from .actors import GROUP, GROUP_KINDS, MEDIA, NOMINAL, ORG, PERSON, POSSESSIVE, PRONOUN, SUBJECT, Mention
from .coref import Resolver
from ._speakernp import phrase_after, phrase_kind, phrase_name, subject_phrase
from ._wholeclause import clause_after_verb, clause_end, head_before_quote
from .intervals import ByStart, Intervals
from .records import StatementRec
from ._parsedspeech import ParsedSpeech, speech_verb_in
from ._reported import INVERTIBLE, ReportedSpeech, is_tail
from ._speech import (MIN_WORDS, NOBODY, THAT_RE, TITLE_GAP_RE, Cue, Speaker, cue_of,
                      make_record, trim)
from .wire import dateline_end

_SPEECH_RE = re.compile(
    r"\b(?:said|says|Says|Said|Tells|Warns|(?<!\bto\s)say(?!\s+(?:that\s+)?(?:it|this)\s+(?:is|was))|told|tells|telling|"
    r"added|adds|adding|stated|wrote|writes|tweeted|tweeting|warned|"
    r"warns|urged|urges|urging|described|describing|reiterated|insisted|noted|stressed|explained|"
    r"declared|announced|argued|claimed(?!\s+(?:victory|responsibility|credit)\b)|claims|asked|replied|responded|suggested|emphasized|"
    r"emphasised|acknowledged|admitted|cautioned|complained|saying|denounced|threatening|accused|"
    r"berated|criticized|criticised|rejected|dismissed|condemned|praised|reported|reports|"
    r"called\s+on|called\s+for|[Aa]ccording\s+to|quoted\s+as\s+saying|hailed|welcomed|vowed|pledged|"
    r"promised|predicted|conceded|confirmed|denied|recalled|lamented|"
    r"noting|notes|writing|argues|arguing|contends|contended|insists|asserted|asserts|explaining|"
    r"suggests|suggesting|argue|insist|warn|claim|explains|predicts|promises|promising|pledges|vows|"
    r"denies|acknowledges|admits|concedes|recalls|announces|announcing|declares|"
    r"calls\s+(?:on|for)|call\s+for|calling\s+(?:on|for)|"
    r"continued|continues|joked|shouted|declares|states|concluded|testified|mentioned|recounted|"
    r"remarked|commented|posted|"
    r"(?:called|branded|labell?ed|termed)(?=\s+(?:[\w’'\-]+\s+){1,5}(?:[“\"‘]|''))|"
    r"calling(?=\s+(?:[\w’'\-]+\s+){1,5}(?:[“\"‘]|'')))\b")
_ROLE_GAP_RE = re.compile(r"(?:\s+[a-z][\w\-]*){1,3}\s+(?:[A-Z][\w.]*\s+){0,3}")
_PASSIVE_RE = re.compile(r"\b(?:being|been|be|is|was|were|are)\s+(?:\w+ly\s+)?$")
_DOC_NOUN_RE = re.compile(r"\b(?:commentary|editorial|report|article|statement|analysis|piece|"
                          r"column|op-ed|broadcast|bulletin)\b.*\b(?:from|in|by|of)\s+(?:the\s+)?"
                          r"(?:\w+\s+)?$")
_OWN_DOC_RE = re.compile(r"['’]s\s+(?:[a-z]+\s+)?(?:statement|report|communiqu[eé]|bulletin|note|website|"
                         r"account|post|spokes(?:man|woman|person))\b")
_PARTICIPLE_RE = re.compile(r"ing\b|according")
_BARE_NAME_RE = re.compile(r"[\s,.!?\xa0—–-]*([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})[ \xa0]+")
_BARE_AFTER_RE = re.compile(r"[ \xa0]+([A-Z][a-z]+(?:[ \xa0][A-Z][a-z]+){0,2})(?=[,.;]|[ \xa0]+(?:of|from|at|who)\b)")
_MAX_BETWEEN_WORDS = 40   # '“...,” said Mr. King, a Republican of New York. “...”': still one claim
# a name signing a quotation after a dash: "”― Carla Sanchez."
_DASH_NAME_RE = re.compile(r"[ \xa0]*[―—–]{1,2}[ \xa0]*([A-Z][\w.’'\-]*(?:[ \xa0][A-Z][\w.’'\-]*){0,3})"
                           r"[ \xa0]*(?:[.,]|$)")
# verbs that speak only next to a quotation, and how near
_NEAR_QUOTE_VERBS = frozenset("continued continues joked shouted declares states".split())
_QUOTE_AFTER_RE = re.compile(r"\s*[:,]?\s*(?:[“\"]|'')")
_QUOTE_BEFORE_RE = re.compile(r"(?:[”\"]|'')[ \xa0]*,?[ \xa0]*"
                              r"(?:(?:[A-Z][\w.’'\-]*|he|she|they|we|I|it)[ \xa0]+){1,3}$")
# a sentence that is only an attribution: "Trump said.", "said Mr. King, a Republican."
_SHORT_ATTRIBUTION_RE = re.compile(r"\s*(?:[\w.’'\-]+\s+){0,4}?(?:said|says|added|asked|wrote|tweeted|told)\b"
                                   r"[^“”\"]{0,80}$")
# after a head name, its own modifier: "The foreign ministry in Tehran", "Gene Munster of Loup"
_HEAD_TAIL_RE = re.compile(r"[ \xa0]+(?:in|of|at|for|from|on)[ \xa0].*")
# "'s communications director, ": the role between an owner and the person holding it
_ROLE_OF_RE = re.compile(r"['’]s[ \xa0]+(?:[a-z][\w\-]*[ \xa0]+){0,4}[a-z][\w\-]*,?[ \xa0]+")
# definite descriptions that name no one: "the official", "the source" (never a named minister)
_ANONYMOUS_HEADS = frozenset("official source sources diplomat officials aide adviser advisor analyst expert".split())
_NOT_NAMES = frozenset("""
The Officials Analysts Experts Sources Critics Others
Police Residents Witnesses Officers Protesters Observers
""".split())
_RELATIVE_LEAD_RE = re.compile(r",?\s*(?:which|who)\s+(?:[a-z]+\s+){0,3}")


class StatementFinder(ReportedSpeech, ParsedSpeech):
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
                     or not _PASSIVE_RE.search(self.text, max(0, v.start() - 30), v.start()))
                and (v.group(0) not in _NEAR_QUOTE_VERBS or self._next_to_quote(v))]

    def _next_to_quote(self, verb: re.Match) -> bool:
        """'“...,” Trump continued.' / 'Beck joked, “...”': these verbs speak only beside a quote."""
        return bool(_QUOTE_AFTER_RE.match(self.text, verb.end()) or
                    _QUOTE_BEFORE_RE.search(self.text, max(0, verb.start() - 60), verb.start()))

    def resolve(self, m: Mention | None) -> Speaker:
        if m is None:
            return NOBODY
        if m.kind == NOMINAL and m.head in _ANONYMOUS_HEADS and not m.nationality:
            # "the official said" names no one (but "the top Russian diplomat" is Lavrov)
            return Speaker(phrase_name(self.text, m.start, m.end), GROUP, m.start, m.end)
        name, kind = self.resolver.resolve(m)
        if name is None and m.kind == PRONOUN:
            name, kind = self._recent_speaker(m)
        return Speaker(name, kind, m.start, m.end)

    def _recent_speaker(self, m: Mention) -> tuple[str | None, str]:
        """A pronoun coref could not resolve ('he said' after a long quote): the last speaker
        of a statement in the last two paragraphs, a person for he/she, a body for it."""
        _, here = self.span_at(m.start)
        want = ((PERSON,) if m.text in ("he", "she") else (ORG, MEDIA, "country") if m.text == "it"
                else (GROUP, ORG, MEDIA, "country"))   # "they said": the officials, the campaign
        for rec, _ in reversed(self.out):
            _, there = self.span_at(max(rec.start, rec.end - 1))
            if here.para - there.para > 1:
                break
            if rec.speaker_kind in want and rec.speaker:
                return rec.speaker, rec.speaker_kind
        return None, ""

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
            phrase = None if people or firsts or _PARTICIPLE_RE.search(verb.group(0)) else \
                subject_phrase(self.text, lo, verb.start())   # "Economists, like X, say"
            return self._phrase_speaker(phrase, before) if phrase else (people or firsts or [None])[0]
        if before and _RELATIVE_LEAD_RE.fullmatch(self.text, before[-1].end, verb.start()):
            return before[-1]   # "the Commission, which had accused him": the antecedent
        subjects = [m for m in before if m.syntax == SUBJECT]
        phrase = subject_phrase(self.text, lo, verb.start())
        if phrase:   # the subject is the phrase before the verb, not a name far before it
            return self._phrase_speaker(phrase, before)
        if subjects:
            return subjects[-1]
        return self._publisher(before)

    def _phrase_speaker(self, phrase: tuple[int, int], before: list[Mention]) -> Mention:
        """A name heading the phrase ("White House press secretary Sarah Sanders", "a solemn
        Obama"), else the phrase itself: a name that only modifies it ("The influential US
        daily", "the Trump campaign") does not speak."""
        inside = [m for m in before if m.start < phrase[1] and m.end > phrase[0]]
        heads = [m for m in inside if m.end >= phrase[1] - 1 or _HEAD_TAIL_RE.fullmatch(self.text, m.end, phrase[1])]
        named = [m for m in heads if m.syntax == SUBJECT] or [m for m in heads if m.kind in (ORG, MEDIA)]
        if named:
            return named[-1]
        return self._publisher(inside) or self._described(*phrase)   # "The ECB's statement said"

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
        elif len(found) >= 2 and found[0].syntax == POSSESSIVE and found[1].kind == PERSON and \
                _ROLE_OF_RE.fullmatch(self.text, found[0].end, found[1].start):
            found = found[1:]   # "said Clinton's communications director, Jennifer Palmieri"
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
        self._parsed()

    def reported_in(self, pos: int) -> bool:
        """pos lies inside the words of a statement already found in this sentence."""
        return any(rec.start <= pos < rec.end and rec.cue != ":" for rec, _ in self.out[-4:])

    def direct(self, lo: int, hi: int) -> None:
        idx, span = self.span_at(lo)
        speaker, cue = self._attribute_quote(lo, hi, idx, span)
        content = trim(self.text, lo + 1, hi)
        if content[0] >= content[1]:
            return
        words = len(self.text[content[0]:content[1]].split())
        sentence_like = self.text[content[0]:content[1]].rstrip().endswith((".", "!", "?"))
        _, last = self.span_at(min(hi, len(self.text) - 1))
        if speaker.name is None and cue is None:   # '“The risk,” said X, a professor, “is that ...”'
            previous = self._last_quotation()
            if previous is not None and previous.sentence_start == span.start and \
                    self._continue_previous(content, max(span.end, last.end)):
                return
            if self._goes_on(idx, span, lo):
                return
        if speaker.name is None or (words < MIN_WORDS and cue is None and not sentence_like):
            return
        if cue is None and self._continue_previous(content, max(span.end, last.end)):
            return
        content = self._whole_clause(content, cue, speaker, span, lo, hi, last.end)
        prev = self.out[-1][0] if self.out else None
        if prev and prev.start <= content[0] and content[1] <= prev.end and prev.speaker == speaker.name:
            return   # a later quotation of a clause already reported whole
        rec = make_record(self.text, speaker, cue, content, True, span.start, max(span.end, last.end))
        self._add(rec, cue.pos if cue is not None else lo)

    def _goes_on(self, idx: int, span, lo: int) -> bool:
        """'This makes it hard to dislodge misinformation, he said. Good information can still
        drive out bad, but only when “the truth is sexier than the lie.”': a sentence quoting
        without an attribution of its own, right after a statement's sentence, goes on with
        that claim, which grows to the sentence end."""
        if not self.out or idx == 0 or not self.text[span.start:lo].strip():
            return False   # a quotation opening its sentence is _continuation's
        rec, _ = self.out[-1]
        prev = self.spans[idx - 1]
        if rec.cue == ":" or rec.sentence_end < prev.start or rec.sentence_end > span.start or \
                span.para - prev.para > 1 or speech_verb_in(self.text, span.start, span.end):
            return False
        if any(m.kind != PRONOUN and m.name != rec.speaker for m in self.mentions_in(span.start, lo)):
            return False   # 'Corporate lobbyists describe such work as “...”': someone else's words
        end = trim(self.text, span.start, span.end)[1]
        rec.end, rec.text = end, self.text[rec.start:end]
        rec.sentence_end = max(rec.sentence_end, span.end)
        return True

    def _last_quotation(self) -> StatementRec | None:
        """The last direct statement, past the clauses its own attribution reports
        ('“...,” Clark said, noting he would support ...'), if nothing else came after it."""
        for k in range(len(self.out) - 1, max(-1, len(self.out) - 4), -1):
            rec = self.out[k][0]
            if rec.direct:
                later = [other for other, _ in self.out[k + 1:]]
                ok = all(other.start >= rec.end and other.speaker == rec.speaker for other in later)
                return rec if ok else None
        return None

    def _continue_previous(self, content, sentence_end: int) -> bool:
        """A quotation with no attribution of its own that goes on with the previous speaker's
        quotation ('“...,” said Mr. Burman. “...”', or the next paragraph) is part of that
        claim: the statement grows to cover it."""
        rec = self._last_quotation()
        if rec is None or rec.end > content[0]:
            return False
        if len(self.text[rec.end:content[0]].split()) > _MAX_BETWEEN_WORDS:
            return False   # narrative sentences in between, not just the attribution: not one claim
        rec.end = content[1]
        rec.text = self.text[rec.start:rec.end]
        rec.sentence_end = max(rec.sentence_end, sentence_end)
        return True

    def _whole_clause(self, content, cue: Cue | None, speaker: Speaker, span, lo, hi, last_end):
        """The whole reported clause around a quotation (see _wholeclause.py)."""
        text = self.text
        if cue is not None and cue.text.lower().startswith("according") and cue.pos < lo:
            end = clause_end(text, hi + 1, last_end)   # 'According to X, “Title Sponsor” was the ...'
            return trim(text, lo, end) if len(text[hi + 1:end].split()) >= 2 else content
        if cue is None or cue.text == ":" or cue.text.lower().startswith("according"):
            return content
        if cue.pos < lo:
            start = clause_after_verb(text, cue.end, lo, cue.text)
            if start is None and speaker.start is not None and speaker.start < cue.pos and \
                    text[cue.end:lo].strip(" \xa0") == ",":   # 'HEAD, Ms. Tanzer said, “is a ...”'
                start = head_before_quote(text, span.start, speaker.start,
                                          bool(self.speech_verbs(span.start, speaker.start)), lead=True)
            if start is None:
                return content
            end = clause_end(text, hi + 1, last_end)
            return trim(text, start, max(end, hi + 1))
        start = head_before_quote(text, span.start, lo, bool(self.speech_verbs(span.start, lo)))
        stop = min(cue.pos, speaker.start if speaker.start is not None and speaker.start > hi else cue.pos)
        comma = text.rfind(",", hi + 1, stop)
        end = comma if comma > hi else hi + 1   # '“...” if she didn't win by more, said X'
        if start is None and end == hi + 1:
            return content
        if start is None:
            return trim(text, lo, end)
        wire = dateline_end(text, span.start, lo)
        return trim(text, wire if wire is not None else start, end)

    def _attribute_quote(self, lo, hi, idx, span):
        _, end_span = self.span_at(hi)
        tail_end = end_span.end if end_span.para == span.para else hi
        verbs_after = self.speech_verbs(hi + 1, tail_end)
        if not verbs_after and end_span.para == span.para:   # '“...?” // Trump said.': split after the mark
            nxt = self.spans[min(len(self.spans) - 1, self.spans.index(end_span) + 1)]
            if nxt.para == span.para and nxt.start > end_span.start and \
                    _SHORT_ATTRIBUTION_RE.match(self.text, nxt.start, nxt.end):
                tail_end = nxt.end
                verbs_after = self.speech_verbs(hi + 1, tail_end)
        if verbs_after and verbs_after[0].group(0).lower().startswith("according") and \
                self.speech_verbs(span.start, lo):
            verbs_after = []   # 'X described it as “...”, according to IRNA': X spoke, IRNA reported
        if verbs_after and self.quote_open(hi + 1, verbs_after[0].start()) is None:
            verb = verbs_after[0]
            between = self.mentions_in(hi + 1, verb.start())
            if between and TITLE_GAP_RE.fullmatch(self.text, hi + 1, between[0].start):
                self.used_verbs.add(verb.start())
                return self.resolve(self._person_of_org(between)), cue_of(verb)
            if not self.text[hi + 1:verb.start()].strip(" ,.\xa0—–-'"):
                found = self.resolve(self.after_verb(verb, tail_end))
                if not found.name:   # '”, said Heiserman of ...', '”, said the man who ...'
                    found = self._named_after(verb, tail_end)
                if found[0] or not self.speech_verbs(span.start, lo):
                    self.used_verbs.add(verb.start())
                    return found, cue_of(verb)
            if self.text[:verb.start()].rstrip().endswith(",") and verb.group(0) in INVERTIBLE:
                found = self.resolve(self.after_verb(verb, tail_end))   # '” if ..., said David Wasserman'
                if not found.name:
                    found = self._named_after(verb, tail_end)
                if found.name and found.start is not None and is_tail(self.text[found.end:tail_end]):
                    self.used_verbs.add(verb.start())
                    return found, cue_of(verb)
            bare = _BARE_NAME_RE.fullmatch(self.text, hi + 1, verb.start())
            if bare:   # '”, Kishida said' (never introduced); '”, Critics said': an unnamed group
                self.used_verbs.add(verb.start())
                name = bare.group(1)
                if name.split()[0] in ("He", "She", "It", "They", "We", "I", "You", "This", "That", "There"):
                    return NOBODY, cue_of(verb)
                return Speaker(name, GROUP if name in _NOT_NAMES else PERSON, bare.start(1), bare.end(1)), cue_of(verb)
            phrase = subject_phrase(self.text, hi + 1, verb.start())
            if phrase and not self.text[hi + 1:phrase[0]].strip(" ,.\xa0—–-'―"):
                self.used_verbs.add(verb.start())   # '”, a resident of the district told AFP'
                return self.resolve(self._phrase_speaker(phrase, self.mentions_in(hi + 1, verb.start()))), \
                    cue_of(verb)
            gap = self.text[hi + 1:verb.start()].strip(" ,.\xa0—–-").split()
            if gap and len(gap) <= 5 and (gap[0][0].isupper() or gap[0] in ("a", "an", "the")):
                return NOBODY, cue_of(verb)   # attributed, but to someone we cannot name
        dash = _DASH_NAME_RE.match(self.text, hi + 1, tail_end)
        if dash:   # '“...”― Carla Sanchez.'
            named = [m for m in self.mentions_in(dash.start(1), dash.end(1)) if m.start == dash.start(1)]
            found = self.resolve(named[0]) if named else Speaker(dash.group(1), PERSON, dash.start(1), dash.end(1))
            if found.name:
                return found, Cue(dash.group(0).strip()[0], hi + 1, dash.start(1))
        verbs_before = self.speech_verbs(span.start, lo)
        if verbs_before and self.out and self.out[-1][1] == verbs_before[-1].start() and \
                self.out[-1][0].end < lo and self.out[-1][0].direct and \
                not self.text[verbs_before[-1].end():lo].rstrip().endswith((":", ",")):
            return self._continuation(lo, span, force=True), None   # '“...,” he said. “...”'
        if verbs_before:
            verb = verbs_before[-1]
            self.used_verbs.add(verb.start())
            if verb.group(0).lower().startswith("according"):   # "According to HuffPo: “...”"
                return self.resolve(self._according_source(verb, lo)), cue_of(verb)
            found = self.resolve(self.subject_of(verb, span.start))
            if found.name is None and self.out and self.out[-1][1] == verb.start() and self.out[-1][0].direct:
                return self._continuation(lo, span, force=True), None   # '“The risk,” said X, “is ...”'
            return found, cue_of(verb)
        lead = self.text[span.start:lo].rstrip()
        if not lead and idx > 0:   # 'Caddell continued: // “...”': the paragraph before introduces it
            prev = self.spans[idx - 1]
            verbs = self.speech_verbs(prev.start, prev.end)
            if prev.para == span.para - 1 and self.text[prev.start:prev.end].rstrip().endswith(":") and verbs:
                self.used_verbs.add(verbs[-1].start())
                return self.resolve(self.subject_of(verbs[-1], prev.start)), cue_of(verbs[-1])
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
        rec = self._last_quotation()
        if rec is not None:
            _, prev_span = self.span_at(max(rec.start, rec.end - 1))   # where it ends (merged quotes)
            if prev_span.para in (span.para, span.para - 1):
                return Speaker(rec.speaker, rec.speaker_kind, rec.source_start, rec.source_end)
        return NOBODY

    # -- reported speech ----------------------------------------------------------
    # -- bookkeeping --------------------------------------------------------------
    def _add(self, rec: StatementRec, attribution: int) -> None:
        self.out.append((rec, attribution))
        if rec.speaker_kind not in GROUP_KINDS:
            self.resolver.note_speaker(attribution, rec.speaker, rec.speaker_kind)


def find_statements(text, spans, quotes, mentions, resolver) -> list[tuple[StatementRec, int]]:
    """Statements in text order, each with the position of its attribution (verb or quote)."""
    finder = StatementFinder(text, spans, quotes, mentions, resolver)
    finder.run()
    finder.out.sort(key=lambda item: item[0].start)
    return finder.out


def blocked_ranges(items, text: str = "") -> list[tuple[int, int]]:
    """Reported words of each statement: what was said, not what happened."""
    out = []
    for rec, attribution in items:
        if not rec.direct:
            out.append((rec.start, rec.end))
        elif attribution < rec.start:   # 'saying in Seoul that ...“quote”': from "that" on
            m = THAT_RE.match(text[attribution + 1:attribution + 120]) if text else None
            out.append((attribution + 1 + m.end() if m else rec.start - 1, rec.sentence_end))
        else:
            out.append((rec.sentence_start, rec.end))
    return out
