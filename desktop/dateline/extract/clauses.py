"""Clause-level predicates on the parse: which word is an event, its clause, its roles, its
own time and place, and whether it happened (polarity and modality).

A predicate is a verb or an event noun whose lemma the taxonomy lists (``event_types``).
- **Clause**: the predicate with its dependents, without the clauses hung under it
  (complement, adverbial, relative and coordinated clauses have their own events):
  "after it ruled that China had breached ..." gives "ruled" and "breached" each its clause.
- **Own time and place**: a time expression (or a place) belongs to the nearest predicate
  above it in the tree (dates hung on a noun by the parser first move up to their verb,
  ``syntax_repair``), passing through light verbs ("held talks on Monday" dates the talks).
  A predicate without a time of its own inherits the time of the clause it is coordinated
  with or subordinate to as an adverbial, never one from a clause below it: a background
  date ("the 1950-1953 war") never dates the main event.
- **Roles**: agent (nsubj, the by-phrase of a passive, a possessor or "by"/"between" of
  a noun), patient (obj, nsubj:pass, "of" of a noun), target ("sanctions on North Korea",
  "against"). Control and coordination lend the governor's subject ("refused to impose").
- **Flags**: negated ("not", "never", "no", under "refuse"/"fail"/"decline"), planned
  ("will", under "plan"/"expect"/"schedule", "planned"/"upcoming" nouns), hypothetical
  ("if", "unless", "could", "might"), reported (under a speech verb: "says it put ...").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .event_types import category_of
from .parsetree import Sentence, Word
from .syntax_repair import attach_dates_to_verbs, consistent_subjects

# Dependents that open a clause of their own: their words are not the predicate's clause.
_CLAUSE_DEPS = ("ccomp", "advcl", "acl:relcl", "parataxis", "csubj", "xcomp", "conj", "list")
# Light verbs carry a noun's event: "held talks", "carried out a test", "signed a deal".
_LIGHT = frozenset("hold have make take give conduct carry stage begin start continue complete "
                   "resume do attend reach seal conclude end wrap open close finish host chair "
                   "convene".split())
_ARGUMENT = ("obj", "nsubj:pass")
_NEGATORS = frozenset({"not", "never", "n't", "no", "neither", "nor"})
_NEGATING_GOVERNORS = frozenset({"refuse", "decline", "fail", "reject", "avoid", "cease", "deny",
                                 "stop", "abandon", "halt", "postpone", "cancel", "suspend"})
_PLAN_GOVERNORS = frozenset({"plan", "expect", "schedule", "intend", "aim", "prepare", "hope", "want",
                             "seek", "propose", "vow", "pledge", "promise", "threaten", "set", "due",
                             "go", "consider", "mull", "weigh", "offer", "need", "wish", "try"})
_GOVERNORS_UP = 4     # clauses an adverbial clause's pronoun may look up for its antecedent
# the governors of a controlled verb that put its event on a calendar ("is expected to unveil")
_SCHEDULE_GOVERNORS = frozenset({"expect", "schedule", "set", "due", "plan", "prepare", "go"})
_PLANNED_ADJ = frozenset({"planned", "upcoming", "proposed", "scheduled", "expected", "future",
                          "next", "possible", "potential", "prospective", "forthcoming"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# "would" is the future of a reported past ("announced he would drop his bid"): planned
# under a speech verb, hypothetical elsewhere
_HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should"})
_WOULD = frozenset({"would", "'d"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
SPEECH_LEMMAS = frozenset({"say", "tell", "report", "claim", "announce", "state", "add", "allege",
                           "insist", "confirm", "deny", "note", "believe", "think", "write",
                           "argue", "explain", "warn", "suggest", "indicate", "estimate"})
_AGENT_CASES = frozenset({"by", "between", "from"})
_TARGET_CASES = frozenset({"on", "against", "over", "upon"})
_PARTNER_CASES = frozenset({"with"})
_INHERIT_TIME = frozenset({"conj", "advcl", "acl", "xcomp"})
_SEQUENCE_MARKS = frozenset({"after", "before", "until", "till", "since", "following", "prior", "once"})
# Verbs that state, possess, seem or only frame another verb ("began to", "was scheduled
# to") rather than happen: never generic events (the plan verbs neither).
_NOT_EVENTS = frozenset("be have do get seem become remain keep include mean know see like call use "
                        "come make take give find put begin start continue".split())
# not "these"/"those": they sum up several events ("these meetings wrap up a tour")
_ATTACK_MODIFIERS = frozenset("air missile drone rocket military artillery nuclear aerial precision "
                              "israeli russian ukrainian".split())
_DEFINITE_DETS = frozenset({"the", "this", "that"})
_PLACING_VERBS = frozenset({"put", "place", "send", "deliver", "inject", "lift", "carry"})
# people who strike by walking out
_WORKERS = frozenset("worker workers employee employees staff nurse nurses doctor doctors teacher teachers "
                     "driver drivers pilot pilots miner miners union unions member members".split())
_KEPT_SUBTYPES = frozenset({"nsubj:pass", "aux:pass", "acl:relcl", "obl:agent", "nmod:poss"})


@dataclass
class ClauseEvent:
    trigger_start: int
    trigger_end: int
    lemma: str
    pos: str                      # "VERB" | "NOUN"
    category: str
    start: int                    # the clause
    end: int
    sentence_start: int
    # role -> (phrase start, end, proper-name start, end): the name part is the phrase's
    # proper-noun head with its compound/flat parts ("General Motors"), (-1, -1) if none
    roles: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)
    time: object | None = None    # its own TimeExpr
    inherited_time: object | None = None
    place: object | None = None   # its own place mention
    foreign_times: set[int] = field(default_factory=set)   # starts of other clauses' own times
    borrowed_agent: bool = False  # the agent is the governor's subject ("refused to impose")
    perfect: bool = False         # present perfect: "has announced" (news of the day)
    definite: bool = False        # a noun that refers back: "the deal", "its purchase"
    main: bool = False            # the root of its sentence ("North Korea fires a missile as ...")
    past: bool = False            # a verb in the simple past ("announced", "was announced")
    present: bool = False         # a verb in the simple present ("says", "claim")
    negated: bool = False
    planned: bool = False
    hypothetical: bool = False
    reported: bool = False


class _Tree:
    """A parsed sentence with children lists, so walks stay linear in its length."""

    def __init__(self, sentence: Sentence):
        self.s = sentence
        self.kids: list[list[Word]] = [[] for _ in sentence.words]
        for w in sentence.words:
            if not w.is_root:
                self.kids[w.head].append(w)

    def head(self, w: Word) -> Word | None:
        return None if w.is_root else self.s.words[w.head]

    def kid(self, w: Word, deps, lemmas=None) -> Word | None:
        return next((k for k in self.kids[w.i] if _base(k.dep) in deps
                     and (lemmas is None or k.lemma.lower() in lemmas)), None)

    def case_of(self, w: Word) -> str:
        k = self.kid(w, ("case", "mark"))
        return k.lemma.lower() if k else ""

    def span(self, w: Word, skip=_CLAUSE_DEPS) -> tuple[int, int]:
        """The character span of ``w`` and its dependents, without clauses hung under it."""
        lo, hi, todo = w.start, w.end, [w]
        while todo:
            for k in self.kids[todo.pop().i]:
                if k.dep not in skip and _base(k.dep) not in skip and k.pos != "PUNCT":
                    lo, hi = min(lo, k.start), max(hi, k.end)
                    todo.append(k)
        return lo, hi


def analyse(sentences: list[Sentence], times, places) -> list[ClauseEvent]:
    """Clause events of parsed ``sentences``; ``times``: TimeExpr, ``places``: place
    mentions (both with .start/.end into the same text)."""
    out: list[ClauseEvent] = []
    for sentence in sentences:
        sentence = consistent_subjects(sentence)
        inside = [t for t in times if sentence.start <= t.start and t.end <= sentence.end]
        sentence, _ = attach_dates_to_verbs(sentence, [(t.start, t.end) for t in inside],
                                            keep_on=lambda w: category_of(w.lemma, w.pos) is not None)
        out += _sentence_events(_Tree(sentence), inside,
                                [p for p in places if sentence.start <= p.start and p.end <= sentence.end])
    return out


def _sentence_events(tree: _Tree, times, places) -> list[ClauseEvent]:
    preds = {w.i: _labour_strike(tree, w, cat) for w in tree.s.words
             if (cat := category_of(w.lemma, w.pos) or _into_orbit(tree, w))}
    # "signed the treaty": one event, the verb's
    preds = {i: cat for i, cat in preds.items() if not _same_as_verb(tree, tree.s.words[i], preds)}
    # "concludes a two-day meeting": the meeting is the event, the light verb carries it
    preds = {i: cat for i, cat in preds.items() if not _carries_other(tree, tree.s.words[i], preds)}
    time_clauses = _clauses_of(tree, times, preds)
    own_time = _owners(time_clauses, preds)
    place_clauses = _clauses_of(tree, places, preds)
    not_roles = {h.i for x in list(times) + list(places)
                 if (h := tree.s.span_head(x.start, x.end)) is not None}
    # a main-clause verb no list knows is an event of its own only with a time of its own
    # ("North Korea flouted the rules on Sunday"); its clause is found like any other
    # (or heads what a speaker says: "North Korea says it put a satellite into orbit on Sunday")
    generic = {head: "OTHER" for t, head in time_clauses if head is not None and head not in preds
               and tree.s.words[head].pos == "VERB"
               and (tree.s.words[head].is_root or _said_by(tree, tree.s.words[head]) is not None)
               and tree.s.words[head].lemma.lower() not in _NOT_EVENTS | _PLAN_GOVERNORS}
    for t, head in time_clauses:
        if head in generic:
            own_time.setdefault(head, t)
    # its place too: "was born in Cincinnati in 1922" happened in Cincinnati
    own_place = _owners(place_clauses, {**preds, **generic})
    events = {}
    for i, cat in sorted({**preds, **generic}.items()):
        w = tree.s.words[i]
        verb = _carrier(tree, w, preds)       # "imposed sanctions": the verb says how it stands
        lo, hi = tree.span(verb or w)
        roles = _roles(tree, w, not_roles)
        if verb is not None:
            for role, spans in _roles(tree, verb, not_roles).items():
                if role != "patient":
                    roles.setdefault(role, spans)
        controller = _controller(tree, verb or w) if "agent" not in roles else None
        if controller is not None:
            roles["agent"] = [tree.span(controller) + _proper_name(tree, controller)]
        speaker = _speaker_as_pronoun(tree, verb or w) or _adverbial_pronoun(tree, verb or w)
        if speaker is not None:      # "North Korea says it put ...": "it" is North Korea
            roles["agent"] = [tree.span(speaker) + _proper_name(tree, speaker)]
        events[i] = ClauseEvent(w.start, w.end, w.lemma.lower(), w.pos, cat, lo, hi, tree.s.start,
                                roles=roles, time=own_time.get(i), place=own_place.get(i),
                                borrowed_agent=controller is not None and not _means(tree, verb or w)
                                and not _scheduled(tree, verb or w),
                                perfect=_present_perfect(tree, verb or w), definite=_definite(tree, w),
                                main=(verb or w).is_root, past=_simple_past(tree, verb or w),
                                present=_simple_present(tree, verb or w),
                                **_flags(tree, [w] + ([verb] if verb is not None else [])))
        path = {i} | ({verb.i} if verb is not None else set()) | set(_path_words(tree, verb or w))
        # only times of other event nouns ("the 1950-1953 war", "the 2018 summit"): a parse
        # often hangs a time on the wrong verb, and an event is rather dated than left undated
        # and the time of the clause an "after"/"before" clause is placed against
        before_after = _sequence_governor(tree, verb or w)
        events[i].foreign_times = {t.start for t, head in time_clauses if head is not None and head not in path
                                   and (head in preds and tree.s.words[head].pos == "NOUN"
                                        or head == before_after)}
    for i, ev in events.items():
        if ev.time is None:
            path = _time_path(tree, _carrier(tree, tree.s.words[i], preds) or tree.s.words[i], own_time)
            ev.inherited_time = path[0] if path else None
    return [events[i] for i in sorted(events)]


def _into_orbit(tree: _Tree, w: Word) -> str | None:
    """"put a satellite into orbit", "sent a probe into space": a launch (TEST), though
    "put" and "send" are no events by themselves (the parse may hang the orbit on the object)."""
    if w.pos != "VERB" or w.lemma.lower() not in _PLACING_VERBS:
        return None
    near = list(tree.kids[w.i]) + [g for k in tree.kids[w.i] if _base(k.dep) == "obj" for g in tree.kids[k.i]]
    return "TEST" if any(k.lemma.lower() in ("orbit", "space") and tree.case_of(k) == "into" for k in near) else None


def _labour_strike(tree: _Tree, w: Word, category: str) -> str:
    """A "strike" noun is a walkout (PROTEST) unless its modifiers make it an attack ("air
    strike", "missile strikes", "a drone strike"); so is the verb when workers strike."""
    if w.pos == "VERB" and w.lemma.lower() == "strike":
        # "Ambulance workers are due to strike", "nurses struck": a walkout, not an attack
        subject = tree.kid(w, ("nsubj",)) or _controller(tree, w)
        workers = subject is not None and subject.lemma.lower() in _WORKERS
        return "PROTEST" if workers and tree.kid(w, ("obj",)) is None else category
    if w.pos != "NOUN" or w.lemma.lower() not in ("strike", "strikes") or any(
            k.text.lower() in _ATTACK_MODIFIERS for k in tree.kids[w.i] if k.i < w.i):   # any tag: "drone" X
        return category
    return "PROTEST"


def _flags(tree: _Tree, words: list[Word]) -> dict[str, bool]:
    """Polarity and modality of a predicate (and of the verb carrying an event noun)."""
    def reported_would(x):
        return _would(tree, x) and _reported(tree, x)

    def plain_would(x):
        return _would(tree, x) and not _reported(tree, x)
    return {"negated": any(_negated(tree, x) for x in words),
            "planned": any(_planned(tree, x) or reported_would(x) for x in words),
            "hypothetical": any(_hypothetical(tree, x) or plain_would(x) for x in words),
            "reported": any(_reported(tree, x) for x in words)}


def _same_as_verb(tree: _Tree, w: Word, preds) -> bool:
    head = tree.head(w)
    return (w.pos == "NOUN" and head is not None and w.dep in _ARGUMENT and head.i in preds
            and preds[head.i] == preds[w.i])


def _carries_other(tree: _Tree, w: Word, preds) -> bool:
    """A light verb listed as an event of its own ("conclude" a deal) whose object is an event
    noun of another kind ("concludes a meeting")."""
    return w.pos == "VERB" and w.lemma.lower() in _LIGHT and any(
        k.i in preds and k.pos == "NOUN" and preds[k.i] != preds[w.i] for k in tree.kids[w.i]
        if _base(k.dep) in _ARGUMENT)


def _carrier(tree: _Tree, w: Word, preds) -> Word | None:
    """The verb that an event noun is the object of, when the verb is no event itself."""
    head = tree.head(w)
    if w.pos == "NOUN" and head is not None and w.dep in _ARGUMENT and head.pos == "VERB" \
            and (head.i not in preds or head.lemma.lower() in _LIGHT):
        return head
    return None


def _path_words(tree: _Tree, w: Word) -> list[int]:
    """The clauses a predicate inherits its time from (coordination, adverbials), nearest first;
    not across "after"/"before" ("left Taiwan on Wednesday after meeting Tsai")."""
    out, seen = [], {w.i}
    while _base(w.dep) in _INHERIT_TIME and not w.is_root and not _sequenced(tree, w):
        w = tree.s.words[w.head]
        if w.i in seen:
            break
        seen.add(w.i)
        out.append(w.i)
    return out


def _sequence_governor(tree: _Tree, w: Word) -> int | None:
    """The clause an "after ..."/"before ..." clause (or one of its nouns) is placed against."""
    for x in [w] + tree.s.ancestors(w)[:2]:
        if _sequenced(tree, x):
            return x.head
    return None


def _sequenced(tree: _Tree, w: Word) -> bool:
    """An adverbial clause placed before or after its governor's time."""
    return _base(w.dep) == "advcl" and tree.kid(w, ("mark", "case"), _SEQUENCE_MARKS) is not None


def _time_path(tree: _Tree, w: Word, own_time) -> list:
    """Times of the clauses a predicate inherits from, nearest first."""
    return [own_time[i] for i in _path_words(tree, w) if i in own_time]


def _owners(item_clauses, preds) -> dict[int, object]:
    """Predicate index -> the first item (time or place) that belongs to its clause;
    ``item_clauses`` from ``_clauses_of``."""
    out: dict[int, object] = {}
    for item, head in item_clauses:
        if head is not None and head in preds:
            out.setdefault(head, item)
    return out


def _clauses_of(tree: _Tree, items, preds) -> list[tuple[object, int | None]]:
    """(item, index of the clause head holding it: a predicate or any verb)."""
    out = []
    for item in sorted(items, key=lambda x: x.start):
        head = tree.s.span_head(item.start, item.end)
        out.append((item, _clause_head(tree, head, preds, item) if head is not None else None))
    return out


def _clause_head(tree: _Tree, w: Word, preds, item) -> int | None:
    """The predicate whose clause holds ``w``: the nearest predicate or verb above it; a light
    verb hands it on to its event-noun object."""
    seen = {w.i}
    while not w.is_root:
        w = tree.s.words[w.head]
        if w.i in seen:
            return None
        seen.add(w.i)
        if item.start <= w.start < item.end:
            continue                                   # still inside the phrase itself
        if w.i in preds and w.pos == "NOUN":
            return w.i
        if _base(w.dep) == "acl" and w.lemma.lower() in _PLAN_GOVERNORS and not w.is_root \
                and w.head in preds and tree.s.words[w.head].pos == "NOUN":
            return w.head      # "a ruling expected on Tuesday", "talks scheduled for Friday": the noun's
        if w.pos in ("VERB", "AUX") or w.i in preds:
            if w.i not in preds or w.lemma.lower() in _LIGHT:
                noun = next((k.i for k in tree.kids[w.i] if k.i in preds and k.pos == "NOUN"
                             and _base(k.dep) in ("obj", "nsubj:pass")), None)
                if noun is not None:
                    return noun
            return w.i
    return w.i


def _proper_name(tree: _Tree, k: Word) -> tuple[int, int]:
    """The proper name of a role's head word with its compound/flat parts ("General Motors");
    (-1, -1) for a common noun: a capitalised modifier ("Samoan tala", "Arabic version") is
    no actor unless the actor finder knows it (then it is found in the phrase anyway)."""
    if not _is_proper(k):
        return -1, -1
    parts = [k] + [c for c in tree.kids[k.i] if _base(c.dep) in ("compound", "flat") and _is_proper(c)]
    return min(p.start for p in parts), max(p.end for p in parts)


def _is_proper(w: Word) -> bool:
    """A proper noun, also where the tagger's UPOS disagrees with its own NNP ("the Dow Jones
    Industrial Average": "Average" ADJ/NNP)."""
    return w.pos == "PROPN" or w.tag in ("NNP", "NNPS") and w.text[:1].isupper()


def _roles(tree: _Tree, w: Word, not_roles=frozenset()) -> dict[str, list[tuple[int, int, int, int]]]:
    roles: dict[str, list[tuple[int, int, int, int]]] = {}

    def add(role, k):
        roles.setdefault(role, []).append(tree.span(k) + _proper_name(tree, k))
    passive = tree.kid(w, ("aux:pass",)) is not None or w.tag == "VBN" and tree.kid(w, ("aux",)) is None \
        and w.dep == "acl"
    for k in tree.kids[w.i]:
        if k.i in not_roles:
            continue                  # "on Monday", "in Seoul": when and where, not who
        dep, case = k.dep, tree.case_of(k) if k.dep.startswith(("obl", "nmod")) else ""
        if dep == "nsubj" or dep == "csubj":
            add("agent", k)
        elif dep in ("nsubj:pass", "obj", "iobj") or (w.pos == "NOUN" and dep == "nmod" and case == "of"):
            add("patient", k)
        elif dep == "obl:agent" or (case == "by" and passive) or (w.pos == "NOUN" and case in _AGENT_CASES):
            add("agent", k)
        elif dep in ("nmod:poss",) or (w.pos == "NOUN" and dep == "compound" and k.pos == "PROPN"):
            add("agent", k)
        elif case in _TARGET_CASES:
            add("target", k)
        elif case in _PARTNER_CASES:
            add("partner", k)
    if w.dep == "acl" and passive and tree.head(w) is not None:
        add("patient", tree.head(w))      # "the missile launched by North Korea"
    return roles


def _controller(tree: _Tree, w: Word) -> Word | None:
    """The subject a coordinated, controlled or adverbial verb shares with its governor
    ("refused to impose", "left Taiwan after meeting Tsai")."""
    seen = {w.i}
    while not w.is_root and (w.pos == "VERB" and (_base(w.dep) == "conj" or _is_xcomp(tree, w))
                             or _base(w.dep) == "advcl" and _gerund(w)):
        controlled = _is_xcomp(tree, w)
        w = tree.s.words[w.head]
        if w.i in seen:
            return None
        seen.add(w.i)
        # a passive governor's subject does what it is expected, asked or forced to do
        # ("Attal is expected to unveil"); a coordinated passive's is its patient instead
        subject = tree.kid(w, ("nsubj", "nsubj:pass") if controlled else ("nsubj",))
        if subject is not None:
            return subject
    return None


def _means(tree: _Tree, w: Word) -> bool:
    """"flouted the rules by detonating a nuclear device": the by-clause is how its governor's
    subject acted -- an event of that subject's own, not one borrowed to describe the clause."""
    return _base(w.dep) == "advcl" and _gerund(w) and tree.kid(w, ("mark",), {"by"}) is not None


def _scheduled(tree: _Tree, w: Word) -> bool:
    """"Attal is expected to unveil new measures on Thursday", "is set to visit": what the
    subject is scheduled to do is an event of its own (a planned one), not a description of
    the governing verb as "refused to impose" is."""
    gov = tree.head(w) if _is_xcomp(tree, w) else None
    return gov is not None and gov.lemma.lower() in _SCHEDULE_GOVERNORS


def _definite(tree: _Tree, w: Word) -> bool:
    """"the deal", "this sale", "its purchase": a noun that names something already told."""
    return w.pos == "NOUN" and any(
        _base(k.dep) == "det" and k.text.lower() in _DEFINITE_DETS
        or _base(k.dep) == "nmod:poss" and k.pos == "PRON" for k in tree.kids[w.i])


def _gerund(w: Word) -> bool:
    """"after meeting Tsai", "by detonating": an -ing adverbial (the tagger may call it a noun)."""
    return w.tag == "VBG" or w.text.lower().endswith("ing")


def _present_perfect(tree: _Tree, w: Word) -> bool:
    """"has announced", "have agreed" (not "had", "will have")."""
    return w.tag == "VBN" and any(k.lemma.lower() == "have" and k.tag in ("VBZ", "VBP")
                                  for k in tree.kids[w.i] if _base(k.dep) == "aux")


def _simple_past(tree: _Tree, w: Word) -> bool:
    """"announced", "was announced" (not "had announced", "has been announced")."""
    if w.tag == "VBD":
        return True
    return w.tag == "VBN" and any(k.tag == "VBD" and k.lemma.lower() == "be" for k in tree.kids[w.i]
                                  if _base(k.dep) == "aux:pass") and tree.kid(w, ("aux",)) is None


def _simple_present(tree: _Tree, w: Word) -> bool:
    """"says", "claim" (not "is saying", "has said")."""
    return w.tag in ("VBZ", "VBP") and tree.kid(w, ("aux",)) is None


def _negated(tree: _Tree, w: Word) -> bool:
    if any(k.lemma.lower() in _NEGATORS or k.text.lower() == "n't" for k in tree.kids[w.i]
           if _base(k.dep) in ("advmod", "det", "neg", "cc:preconj")):
        return True
    gov = tree.head(w) if _is_xcomp(tree, w) else None
    return gov is not None and (gov.lemma.lower() in _NEGATING_GOVERNORS or _negated(tree, gov))


def _planned(tree: _Tree, w: Word) -> bool:
    if any(k.lemma.lower() in _FUTURE_AUX or k.text.lower() in _FUTURE_AUX
           for k in tree.kids[w.i] if _base(k.dep) == "aux"):
        return True
    if w.pos == "NOUN" and any(k.text.lower() in _PLANNED_ADJ for k in tree.kids[w.i]
                               if _base(k.dep) in ("amod", "acl")):
        return True
    gov = tree.head(w)
    if gov is not None and _is_xcomp(tree, w):
        return gov.lemma.lower() in _PLAN_GOVERNORS or _planned(tree, gov)
    return False


def _hypothetical(tree: _Tree, w: Word) -> bool:
    node, seen = w, {w.i}
    while True:
        if any(k.lemma.lower() in _CONDITIONAL_MARKS for k in tree.kids[node.i] if _base(k.dep) == "mark"):
            return True
        if node is w and any(k.lemma.lower() in _HYPOTHETICAL_AUX for k in tree.kids[node.i]
                             if _base(k.dep) == "aux"):
            return True
        if _base(node.dep) not in ("conj", "xcomp") or node.is_root:
            return False
        node = tree.s.words[node.head]
        if node.i in seen:
            return False
        seen.add(node.i)


def _would(tree: _Tree, w: Word) -> bool:
    return any(k.lemma.lower() in _WOULD or k.text.lower() in _WOULD for k in tree.kids[w.i]
               if _base(k.dep) == "aux")


def _reported(tree: _Tree, w: Word) -> bool:
    """Under a speech verb, through complement clauses ("says it put a satellite")."""
    node, seen = w, {w.i}
    while not node.is_root:
        dep = _base(node.dep)
        gov = tree.s.words[node.head]
        if gov.i in seen:
            return False
        seen.add(gov.i)
        if dep in ("ccomp", "parataxis") and gov.lemma.lower() in SPEECH_LEMMAS:
            return True
        if dep not in ("ccomp", "conj", "xcomp", "advcl", "parataxis"):
            return False
        node = gov
    return False


# A reported clause's subject pronoun that stands for its speaker: "it" for a named state or
# body, "he"/"she" for a named person ("China said it would ...", "Trump said he met ...")
_SPEAKER_PRONOUNS = frozenset({"it", "he", "she"})


def _said_by(tree: _Tree, w: Word) -> Word | None:
    """The speech verb whose complement clause ``w`` heads ("says" of "says it put"), or None."""
    if _base(w.dep) != "ccomp" or w.is_root:
        return None
    gov = tree.s.words[w.head]
    return gov if gov.lemma.lower() in SPEECH_LEMMAS else None


def _speaker_as_pronoun(tree: _Tree, w: Word) -> Word | None:
    """The named speaker a reported clause's pronoun subject stands for ("North Korea says it
    put a satellite into orbit"): the speech verb's own subject, when it is a proper name."""
    said = _said_by(tree, w)
    subject = tree.kid(w, ("nsubj",))
    if said is None or subject is None or subject.text.lower() not in _SPEAKER_PRONOUNS:
        return None
    speaker = tree.kid(said, ("nsubj",))
    return speaker if speaker is not None and _is_proper(speaker) else None


def _adverbial_pronoun(tree: _Tree, w: Word) -> Word | None:
    """The named subject an adverbial clause's pronoun subject stands for ("The Federal Reserve
    is expected to keep rates steady when it concludes a two-day meeting"): the nearest
    governing clause's subject, when it is a proper name."""
    subject = tree.kid(w, ("nsubj",))
    if _base(w.dep) != "advcl" or subject is None or subject.text.lower() not in _SPEAKER_PRONOUNS:
        return None
    node = w
    for _ in range(_GOVERNORS_UP):
        if node.is_root:
            return None
        node = tree.s.words[node.head]
        named = tree.kid(node, ("nsubj", "nsubj:pass"))
        if named is not None:
            return named if _is_proper(named) else None
    return None


def _is_xcomp(tree: _Tree, w: Word) -> bool:
    """A controlled infinitive: xcomp, or the parser's advcl for "refused on Monday to impose"."""
    base = _base(w.dep)
    return base == "xcomp" or (base == "advcl" and w.pos == "VERB"
                               and tree.kid(w, ("mark",), {"to"}) is not None)


def _base(dep: str) -> str:
    """"obl:tmod" -> "obl" except the subtypes rules tell apart."""
    return dep if dep in _KEPT_SUBTYPES else dep.split(":")[0]
