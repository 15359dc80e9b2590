"""Reported speech and transcripts for StatementFinder (statements.py): the methods that read a
claim without quotation marks.

- 'Wang said Saturday that ...', '..., U.S. officials said.', 'The latest test, North Korea
  said, was its biggest yet' (parenthetical), '..., said David Gilbert, its president.'
  (inverted), 'According to X, ...' / '..., according to X' / 'HEAD, according to X, REST';
- transcript paragraphs: 'TAPPER: Do you think ...?', 'A: ...'.
"""
from __future__ import annotations

import re

from ._mention import COUNTRY, DOCREF, GROUP, MEDIA, NOMINAL, ORG, PERSON, POSSESSIVE, Mention
from ._speakernp import phrase_after
from ._speech import (MIN_WORDS, THAT_RE, TITLE_GAP_RE, Cue, Speaker, cue_of,
                      make_record, trim)
from ._wholeclause import LEAD_THAT_RE, clause_cut
from .gazetteer import lookup
from .wire import dateline_end

# the narrator's next clause: ", and he urged ...", "; ...", " — ..."
_CLAUSE_END_RE = re.compile(r",\s+(?:and|but|while)\s+(?:he|she|they|we|I|it|also)\b|,\s+while\s|;\s|"
                            r"\s[—–]\s|\s--\s")
_PREP_START_RE = re.compile(r"(?:as(?! many| much)|to|in|on|at(?! least| most)|by|for|with|from|of)\b")  # "said at least 23 ..." is a clause
_TOLD_OBJECT_RE = re.compile(r"\s*(?:[A-Za-z.\-]+\s+){1,2}?(?=[A-Z]|both|the|a|an)")
_OBJECT_NP_RE = re.compile(r"\s*(?:an?|its|his|her|their|\d+|two|three|four|five|six|seven|ten|martial|war)\s")
_TIME_ADJUNCT_RE = re.compile(
    r"\s*(?:(?:on|late|early|last|this|on\s+the)\s+)?(?:[A-Z][a-z]+day|yesterday|today|tonight|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|week|month|year|night|"
    r"morning|afternoon|evening|weekend)(?:\s+(?:night|morning|afternoon|evening))?\b,?")
# the question after "asked", past its addressee: "asked Clinton whether she would ..."
_ASKED_RE = re.compile(r"\s*(?:(?:[A-Z][\w.’'\-]*|him|her|them|the|a|an|[a-z]+s)\s+){0,4}?"
                       r"((?:whether|if|why|how|what|when|who|where)\s)")
# a clause after "says," when the sentence does not end there: ", win or lose ..., he's staying in"
_COMMA_CLAUSE_RE = re.compile(r",\s+(?![a-z]+ing\b|according\b|citing\b|adding\b)(?:[\w’'\-]+[\s,]+){4,}")
# where the words were said, before the clause: "in a statement", "on Twitter", "in an interview with CNN"
_MEDIUM_RE = re.compile(r"\s*(?:in|on|at|during)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w\-]+\s+){0,3}?"
                        r"(?:statement|interview|tweet|post|letter|speech|e-?mail|conference|briefing|call|release|"
                        r"video|op-ed|column|appearance|address|rally|Twitter|Facebook|television|radio)\b"
                        r"(?:\s+with\s+(?:[A-Z][\w.’'\-]*\s*){1,3})?,?")
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
# a noun phrase after "according to X,": X's apposition, not the rest of the claim
_DETERMINER_RE = re.compile(r"(?:a|an|the|its|his|her|their)\s")
# who may speak in a headline "NAME: CLAIM" (not "Poll:", "Report:", "WATCH:")
_HEADLINE_SPEAKERS = frozenset({PERSON, ORG, MEDIA, COUNTRY})
# verbs that come before their subject: "..., said David Gilbert, its president."
INVERTIBLE = frozenset("""
said says added adds wrote writes noted notes explained asked replied recalled argued insisted
stated remarked concluded reported announced warned told
""".split())
# ", X said, REST": the claim goes on after the attribution (not ", adding ...", ", citing ...")
_PARENTHETICAL_RE = re.compile(
    r"(?:\s+(?:on|last|this|late|early)?\s*[A-Z][a-z]+day)?,\s+(?!(?:[a-z]+ing|according|as|in|on|at|during|after|before|when|"
    r"who|which|and|but|to|with|from|[A-Z][a-z]+day)\b)(?:[\w’'\-]+\s+){2,}\w")


def is_tail(after: str, verb: str = "") -> bool:
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


class ReportedSpeech:
    """Mixed into StatementFinder: uses its text, spans, mentions and helpers."""

    def _labelled(self, i: int) -> None:
        """A transcript paragraph: 'TAPPER: Do you think ...?', 'Q: ...', 'A: ...'."""
        span = self.spans[i]
        m = _LABEL_RE.match(self.text, span.start, span.end)
        if m and i == 0:   # a headline 'Sanders: Clinton Email Story Has Moved' when a name speaks
            self._headline(m, span)
            return
        if not m or m.group(1).upper() in _NOT_LABELS or m.group(1) == "Q" or \
                (m.group(1).isupper() and lookup(m.group(1).title()) is not None
                 and not any(n.split()[-1] == m.group(1).title() for n in self.resolver.people)):
            return   # "NEW DELHI: ..." is a dateline (not "CLINTON: ..."); questions are not news
        last = i
        while last + 1 < len(self.spans) and self.spans[last + 1].para == span.para:
            last += 1
        lo, hi = trim(self.text, m.end(), self.spans[last].end)
        if len(self.text[lo:hi].split()) < MIN_WORDS or self.quote_open(lo, hi) is not None:
            return   # "BATRAWY: She's saying, “...”": a reporter relaying someone else
        label = m.group(1)
        speaker = self._label_speaker(label, m.start(1), m.end(1))
        rec = make_record(self.text, speaker, Cue(":", m.end(1), m.end(1) + 1), (lo, hi), True,
                      span.start, self.spans[last].end)
        self._add(rec, m.end(1))

    def _headline(self, m: re.Match, span) -> None:
        """'Sanders: Clinton Email Story Has Moved': the named person or body says the rest
        ("Poll:", "Report:", "WATCH:" name no speaker)."""
        names = [n for n in self.mentions_in(m.start(1), m.end(1))
                 if n.end == m.end(1) and n.kind in _HEADLINE_SPEAKERS]
        lo, hi = trim(self.text, m.end(), span.end)
        if not names or len(self.text[lo:hi].split()) < MIN_WORDS or self.quote_open(m.end(), lo) is not None:
            return
        speaker = self.resolve(names[-1])
        if speaker.name:
            self._add(make_record(self.text, speaker, Cue(":", m.end(1), m.end(1) + 1), (lo, hi), True,
                                  span.start, span.end), m.end(1))

    def _label_speaker(self, label: str, start: int, end: int) -> Speaker:
        if label == "A":
            return Speaker("interviewee", GROUP, start, end)
        words = label.title() if label.isupper() else label
        known = [n for n in self.resolver.people if " " in n and n.split()[-1] == words.split()[-1]]
        return Speaker(max(known, key=len) if len(known) == 1 else words, PERSON, start, end)

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
        if not speaker.name and subj.kind in (NOMINAL, DOCREF):   # "The agency said": no agency named before
            speaker = self.resolve(self._described(subj.start, subj.end))
        if not speaker.name:
            return False
        self._add(make_record(self.text, speaker, cue_of(verb), clause, False, span.start, span.end), verb.start())
        return True

    def _inverted(self, verb: re.Match, span) -> bool:
        """'CLAUSE, said David Gilbert, its president.' / '..., said one longtime friend.'"""
        text = self.text
        if text[max(span.start, verb.start() - 2):verb.start()].strip() != "," or \
                verb.group(0) not in INVERTIBLE:
            return False
        comma = text.rfind(",", span.start, verb.start())
        if len(text[span.start:comma].split()) < MIN_WORDS or self.speech_verbs(span.start, comma) \
                or self.quote_open(span.start, verb.start()) is not None:
            return False
        wire = dateline_end(text, span.start, comma)
        body = wire if wire is not None else span.start
        first = self.mentions_in(body, comma)[:1]
        if first and len(text[body:first[0].start].split()) <= 4 and "," not in text[body:first[0].start] \
                and text.startswith(",", first[0].end):
            return False   # "Ashley Townshend, a researcher, said ...": an apposition, not a clause
        source = self._source_after(verb, span.end)
        if source is None or not is_tail(text[source.end:span.end]):
            return False   # "X, a professor, said he never saw ...": the clause follows
        speaker = self.resolve(source)
        if not speaker.name:
            return False
        lo, hi = trim(text, body, comma)
        self._add(make_record(text, speaker, cue_of(verb), (lo, hi), False, span.start, span.end), verb.start())
        return True

    def _source_after(self, verb: re.Match, hi: int) -> Mention | None:
        """The speaker named right after an inverted verb, titles and all."""
        found = self.mentions_in(verb.end(), hi)
        if found and TITLE_GAP_RE.fullmatch(self.text, verb.end(), found[0].start) and \
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
        wire = dateline_end(text, span.start, verb.start())
        colon = text.rfind(":", span.start, verb.start())   # "It has not gone unnoticed: According to"
        lead = colon + 1 if colon >= 0 and not text[colon + 1:verb.start()].strip() else \
            wire if wire is not None else span.start
        head = trim(text, lead, verb.start())
        rest = trim(text, comma + 1, span.end) if comma >= 0 else (span.end, span.end)
        head_words, rest_words = len(text[head[0]:head[1]].split()), len(text[rest[0]:rest[1]].split())
        apposition = _DETERMINER_RE.match(text, rest[0])   # "according to a poll by X, a research group"
        if head_words >= 2 and rest_words >= MIN_WORDS and text[:verb.start()].rstrip().endswith(",") \
                and not apposition:
            lo, hi = head[0], rest[1]   # "One of the decisions, according to a person close to it, is ..."
        elif head_words >= 2:
            lo, hi = head
        elif rest_words >= MIN_WORDS:
            lo, hi = rest
        else:
            return False
        if self.in_quote(lo) and self._quoted_to(lo) >= hi - 1:
            return False   # 'According to X, “...”': the quotation is the statement
        speaker = self.resolve(source)
        if not speaker.name:
            return False
        self._add(make_record(text, speaker, cue_of(verb), (lo, hi), False, span.start, span.end), verb.start())
        return True

    def _quoted_to(self, pos: int) -> int:
        """The end of the quotation around pos."""
        return next((hi for lo, hi in self.quotes if lo < pos <= hi), pos)

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
        if _COMMA_CLAUSE_RE.match(after) and not text[span.start:subj.start].rstrip().endswith(","):
            after = after[after.index(",") + 1:]   # "Rubio says, win or lose in Florida, he's staying"
        elif is_tail(after, verb.group(0)):
            # "CLAUSE, Kremlin spokesman Dmitry Peskov said (on Saturday)."
            gap = _SUBJECT_LEAD_RE.search(text, max(span.start, subj.start - 60), subj.start)
            head_end = gap.start() + 1 if gap else subj.start
            head = text[span.start:head_end]
            if not head.endswith(",") or self.speech_verbs(span.start, head_end):
                return None
            wire = dateline_end(text, span.start, head_end)
            start = wire if wire is not None else span.start
            if _PARENTHETICAL_RE.match(after) and self.quote_open(verb.end(), span.end) is None:
                return trim(text, start, span.end)   # "The latest test, North Korea said, was its biggest"
            if len(head.split()) >= 4:
                return trim(text, start, head_end - 1)
            return None
        medium = _MEDIUM_RE.match(after)   # "said in a statement (Thursday night) they pulled ..."
        if medium and not LEAD_THAT_RE.match(after):
            after = after[medium.end():]
        adjunct = _TIME_ADJUNCT_RE.match(after)   # "said on Thursday it would cut ..."
        if adjunct and not THAT_RE.match(after):
            after = after[adjunct.end():]
        skipped = len(text[verb.end():span.end]) - len(after)
        # "told reporters in Seoul that": an object first; "said there was evidence that": a clause
        m = (THAT_RE if verb.group(0) in ("told", "tells", "telling") else LEAD_THAT_RE).match(after)
        if m:
            start = verb.end() + skipped + m.end()
        elif verb.group(0) in ("told", "tells"):
            m = _TOLD_OBJECT_RE.match(after)
            start = verb.end() + skipped + (m.end() if m else 0)
        elif verb.group(0) == "asked" and _ASKED_RE.match(after):   # "asked (Clinton) whether ..."
            start = verb.end() + skipped + _ASKED_RE.match(after).start(1)
        elif _OBJECT_NP_RE.match(after) and verb.group(0) in ("announced", "announces", "declared"):
            return None   # "announced a package", "declared a state of emergency": acts, not words
        else:
            start = verb.end() + skipped
        end = clause_cut(text, _CLAUSE_END_RE, start, span.end)
        quote = self.quote_open(start, end)
        if quote is not None:   # "... besides North Korea, describing the talks as “...”"
            comma = text.rfind(",", start, quote)
            end = comma if comma > start else quote
        lo, hi = trim(text, start, end)
        if (len(text[lo:hi].split()) < MIN_WORDS or not m and _PREP_START_RE.match(text, lo)
                or self.quote_open(lo, hi) is not None):   # after "that", "for decades ..." is a clause
            return None
        return lo, hi
