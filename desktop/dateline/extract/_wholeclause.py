"""A quotation inside a reported clause is reported whole ("mixed" quotes).

'Sanders said the tax breaks used by Trump "do nothing to boost the economy."' reports the
whole clause after "said", not only its quoted words; 'Teachers ... are "very, very
pro-Bernie," Kilfoyle said.' reports the sentence up to the attribution. Pure functions on
the text and offsets, used by statements.py.
"""
from __future__ import annotations

import re

# "that" opening the reported clause, after at most a short adjunct ("said on Friday that",
# "told reporters in Seoul that"), never one inside it ("said there was evidence that")
LEAD_THAT_RE = re.compile(
    r"\s*(?:(?:on|in|at|to|during|after|before|for|since|over|last|this|[A-Z][a-z]+day|reporters)\b"
    r"(?:\s+[\w.’'\-]+){0,5}?\s+)?"
    r"(?:(?:again|also|earlier|later|repeatedly|publicly|privately)\s+)?that\s+")
_LEAD_RE = re.compile(r"[\s,:]*(?:that\s+)?")
_TIME_ADJUNCT_RE = re.compile(
    r"\s*(?:(?:on|late|early|last|this|on\s+the)\s+)?(?:[A-Z][a-z]+day|yesterday|today|tonight|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|week|month|year|night|"
    r"morning|afternoon|evening|weekend)(?:\s+(?:night|morning|afternoon|evening))?\b,?")
# where a reported clause ends: another clause of the narrator's (", and he urged ...")
_CLAUSE_END_RE = re.compile(r",\s+(?:and|but|while|adding|saying|noting|explaining|which)\s|;\s|\s[—–]\s|\s--\s")
_NAMING_VERB_RE = re.compile(r"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|brand(?:s|ed)?|label(?:s|led|ed)?|"
                             r"term(?:s|ed)?)$")
_TO_VERBS = frozenset("""promised pledged vowed urged asked threatened agreed offered promises pledges vows
urges called""".split())
_MAX_TAIL_WORDS = 30      # words after the closing mark still inside the reported clause
_NOT_REPORTED_LEAD_RE = re.compile(r"\s*(?:as|to|in|on|at|by|for|with|from|of|about|"
                                   r"what|how|why|whether|if)\b", re.I)


def clause_cut(text: str, pattern: re.Pattern, start: int, end: int) -> int:
    """Where the narrator's next clause starts (``pattern``), skipping a pair of dashes: '--
    in which he struggled --' is an aside inside the reported clause."""
    pos = start
    while True:
        cut = pattern.search(text, pos, end)
        if cut is None:
            return end
        mark = cut.group(0).strip()
        if mark in ("--", "—", "–"):
            pair = text.find(mark, cut.end(), end)
            if pair >= 0:
                pos = pair + len(mark)
                continue
        return cut.start()


def clause_after_verb(text: str, verb_end: int, quote_open: int, verb: str = "") -> int | None:
    """Where the reported clause after a speech verb starts, when quoted words come later in
    it ('said [that] the tax breaks ... “do'); None when the quotation follows the verb
    directly ('said: “', 'said, “') or the words between are not a clause ("called it")."""
    gap = text[verb_end:quote_open]
    if not gap.strip(" ,:\xa0\n"):
        return None
    if _NAMING_VERB_RE.search(text, max(0, verb_end - 12), verb_end) and len(gap.split()) <= 6 \
            and "\n" not in gap:   # 'calling it a “no-brainer” to prosecute': the object is said too
        return verb_end + len(gap) - len(gap.lstrip())
    start = verb_end
    adjunct = _TIME_ADJUNCT_RE.match(text, start, quote_open)
    if adjunct and not LEAD_THAT_RE.match(text, start, quote_open):
        start = adjunct.end()
    that = LEAD_THAT_RE.match(text, start, quote_open)
    start = that.end() if that else _LEAD_RE.match(text, start, quote_open).end()
    if start >= quote_open:   # 'wrote that “the policy” of his government was “...”'
        return quote_open if that else None
    infinitive = verb in _TO_VERBS and text.startswith("to ", start)   # 'promised to legalize ... “...”'
    if not that and not infinitive and (_NOT_REPORTED_LEAD_RE.match(text, start)
                                        or len(text[start:quote_open].split()) < 2):
        return None   # "said in a statement “...”", "called it “...”": no clause of its own
    if "\n" in text[verb_end:quote_open]:
        return None
    return start


def clause_end(text: str, close: int, sentence_end: int) -> int:
    """The end of a reported clause that a quotation closes inside: the sentence end, unless
    the narrator's own clause follows or the rest is long. Later quotations inside the
    clause belong to it ('that “the policy” of his government was “moving ...”')."""
    end = clause_cut(text, _CLAUSE_END_RE, close, sentence_end)
    if len(text[close:end].split()) > _MAX_TAIL_WORDS:
        return close
    return end


def head_before_quote(text: str, sentence_start: int, quote_open: int, has_verb: bool,
                      lead: bool = False) -> int | None:
    """'Teachers who connect online ... are “very, very pro-Bernie,” Kilfoyle said.': the
    sentence start, when words precede the quotation and no speech verb of their own.
    ``lead``: the words end at a parenthetical attribution ('The club's investment, Ms. Tanzer
    said, “is a ...”'), so they must end with its comma."""
    head = text[sentence_start:quote_open]
    if has_verb or len(head.split()) < (1 if lead else 2):
        return None
    if head.rstrip().endswith((":", ",")) != lead:
        return None   # "In an interview, “...”": an adjunct, not the start of the claim
    return sentence_start
