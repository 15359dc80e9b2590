"""The event taxonomy: PLOVER-like categories, the predicates that signal them, and how the
coarse event types of the timeline (``type``) map onto them.

PLOVER (the successor of CAMEO, used with GDELT/ACLED-style event data) names what one
actor does to another; news outside politics needs a few more kinds. Each event mention
carries one ``category``; the word lists are lemmas (verbs as the parser lemmatises them,
nouns in the singular) of general English news vocabulary, not of any corpus.

==========  ===========================================================  =====================
category    what happened                                                 examples
==========  ===========================================================  =====================
AGREE       agreement, treaty, deal signed or reached                     agree, sign, treaty
CONSULT     meeting, visit, talks, summit, negotiation                    meet, visit, summit
SUPPORT     endorsement, praise, backing                                  support, endorse
CONCEDE     concession, apology, easing                                   apologise, concede
COOPERATE   partnership, alliance, joint work                             cooperate, partner
AID         aid, loans, rescue, financial assistance                      aid, loan, bailout
RETREAT     withdrawal, pulling out, release                              withdraw, release
REQUEST     request, appeal, demand                                       ask, urge, appeal
ACCUSE      accusation, blame, criticism, condemnation                    accuse, condemn
REJECT      refusal, denial, veto                                         reject, refuse, veto
THREATEN    threat, warning, ultimatum                                    threaten, warn
PROTEST     protest, rally, strike, boycott                               protest, rally
SANCTION    sanctions, embargo, ban, expulsion                            sanction, ban
MOBILIZE    deployment, drills, mobilisation                              deploy, drill
COERCE      arrest, detention, seizure, crackdown                         arrest, detain
ASSAULT     attack, bombing, fighting, killing, invasion                  attack, bomb, kill
TEST        weapons tests and launches of rockets or satellites           test, launch
ECONOMIC    markets, prices, rates, profits, losses, jobs                 rise, fall, profit
BUSINESS    companies: buying, selling, mergers, bankruptcy, products     acquire, bankruptcy
ANNOUNCE    announcement, statement, disclosure                           announce, unveil
STATEMENT   plain speech: a dated "said" by a named speaker               say, tell
LEGAL       lawsuits, rulings, trials, charges, investigations           sue, rule, convict
ACCIDENT    crashes, explosions, fires, disasters                         crash, explode, flood
ELECTION    elections, votes, appointments, resignations                  elect, vote, resign
DEATH       a person's death (not a killing: ASSAULT)                     die, death
OTHER       a dated, actor-anchored happening outside these kinds
==========  ===========================================================  =====================

Coarse types (``TYPE_CATEGORY``): visit, meeting, planned_summit -> CONSULT; warning ->
THREATEN; statement -> STATEMENT; announcement -> ANNOUNCE; military_action -> ASSAULT (TEST
when the trigger is a test or launch); sanctions -> SANCTION; other -> by its trigger word.
"""
from __future__ import annotations

import re

CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
              "TEST", "ECONOMIC", "BUSINESS", "ANNOUNCE", "STATEMENT", "LEGAL", "ACCIDENT", "ELECTION",
              "DEATH", "OTHER")

_VERBS = {
    "AGREE": "agree sign settle ratify accept conclude",
    "CONSULT": "meet visit arrive travel fly leave depart discuss negotiate host tour confer consult",
    "SUPPORT": "support endorse praise back approve welcome",
    "CONCEDE": "concede apologize apologise compromise ease yield surrender capitulate",
    "COOPERATE": "cooperate collaborate partner ally team",
    "AID": "aid donate fund lend rescue bail assist subsidize",
    "RETREAT": "withdraw retreat evacuate release free",
    "REQUEST": "ask request urge appeal demand seek petition",
    "ACCUSE": "accuse blame criticize criticise condemn allege denounce",
    "REJECT": "reject refuse deny veto oppose dismiss",
    "THREATEN": "threaten warn",
    "PROTEST": "protest rally march demonstrate boycott picket",
    "SANCTION": "sanction embargo ban expel suspend boycott",
    "MOBILIZE": "deploy mobilize mobilise",
    "COERCE": "arrest detain seize raid jail imprison confiscate",
    "ASSAULT": "attack bomb shell invade shoot kill wound strike fire ambush assassinate",
    "TEST": "test launch detonate",
    "ECONOMIC": "rise fall drop climb gain lose soar plunge slump rebound decline grow shrink earn "
                "trade close open cut raise hike lower increase reduce post forecast surge plummet "
                "tumble slip slide jump dip recover",
    "BUSINESS": "acquire buy sell merge purchase hire produce manufacture invest order deliver "
                "restructure file recall unveil build supply introduce operate",
    "ANNOUNCE": "announce declare reveal disclose unveil confirm report publish",
    "STATEMENT": "say tell state comment",
    "LEGAL": "sue rule sentence convict charge indict acquit investigate prosecute fine appeal",
    "ACCIDENT": "crash collide explode sink derail burn erupt flood collapse",
    "ELECTION": "elect vote win appoint name resign inaugurate nominate replace",
    "DEATH": "die",
}
_NOUNS = {
    "AGREE": "agreement deal treaty accord pact settlement ceasefire truce",
    "CONSULT": "meeting summit talk visit trip tour negotiation conference",
    "SUPPORT": "support endorsement",
    "CONCEDE": "apology concession surrender",
    "COOPERATE": "cooperation partnership alliance",
    "AID": "aid assistance loan bailout rescue donation",
    "RETREAT": "withdrawal evacuation release",
    "REQUEST": "request appeal demand",
    "ACCUSE": "accusation criticism condemnation",
    "REJECT": "rejection refusal denial veto",
    "THREATEN": "threat warning ultimatum",
    "PROTEST": "protest rally demonstration boycott walkout march",
    "SANCTION": "sanction embargo ban expulsion",
    "MOBILIZE": "deployment mobilization drill exercise",
    "COERCE": "arrest detention seizure raid crackdown",
    "ASSAULT": "attack bombing invasion war fighting clash airstrike strike assault shelling killing",
    "TEST": "test launch detonation flight",
    "ECONOMIC": "profit loss earnings sale recession inflation fall drop rise increase gain decline "
                "growth surge plunge slump rebound recovery",
    "BUSINESS": "acquisition merger takeover bankruptcy purchase layoff sale contract order delivery "
                "production development",
    "ANNOUNCE": "announcement statement declaration decision speech",
    "LEGAL": "lawsuit ruling trial verdict sentence investigation indictment conviction",
    "ACCIDENT": "crash collision explosion accident fire earthquake flood disaster blast",
    "ELECTION": "election vote referendum appointment resignation inauguration",
    "DEATH": "death",
}


def _index(table: dict[str, str]) -> dict[str, str]:
    """lemma -> the first category (in CATEGORIES order) that lists it."""
    out: dict[str, str] = {}
    for cat in CATEGORIES:
        for lemma in table.get(cat, "").split():
            out.setdefault(lemma, cat)
    return out


VERB_CATEGORY = _index(_VERBS)
NOUN_CATEGORY = _index(_NOUNS)

TYPE_CATEGORY = {"visit": "CONSULT", "meeting": "CONSULT", "planned_summit": "CONSULT",
                 "warning": "THREATEN", "statement": "STATEMENT", "announcement": "ANNOUNCE",
                 "military_action": "ASSAULT", "sanctions": "SANCTION", "other": "OTHER"}
# The coarse timeline type of a mention found only by its predicate.
CATEGORY_TYPE = {"CONSULT": "meeting", "THREATEN": "warning", "STATEMENT": "statement",
                 "ANNOUNCE": "announcement", "ASSAULT": "military_action", "TEST": "military_action",
                 "SANCTION": "sanctions"}
_TEST_TRIGGER_RE = re.compile(r"\b(?:tests?|tested|launch\w*|test-fired|ICBM)", re.IGNORECASE)
_IRREGULAR = {"met": "meet", "fell": "fall", "rose": "rise", "risen": "rise", "fallen": "fall",
              "won": "win", "lost": "lose", "sold": "sell", "bought": "buy", "shot": "shoot",
              "struck": "strike", "told": "tell", "said": "say", "sank": "sink", "sunk": "sink",
              "grew": "grow", "grown": "grow", "took": "take", "laid": "lay", "fought": "fight",
              "led": "lead", "held": "hold", "began": "begin", "tried": "try", "fled": "flee",
              "hit": "hit", "cut": "cut", "spoke": "speak", "flew": "fly", "seen": "see", "saw": "see"}


# CONSULT predicates that are journeys (a visit), as opposed to meetings
_TRAVEL_STEMS = ("visit", "trip", "tour", "arriv", "travel", "fly", "flew", "leav", "left", "depart")


def travel(word: str) -> bool:
    """A visit or journey ("arrived", "left", "visit"), as opposed to a meeting (both CONSULT)."""
    return word.lower().startswith(_TRAVEL_STEMS)


def type_of(category: str | None, lemma: str) -> str:
    """The coarse timeline type of a mention found by its predicate: a CONSULT journey is a
    visit ("Pelosi left Taiwan"), a CONSULT meeting a meeting."""
    if category == "CONSULT" and travel(lemma):
        return "visit"
    return CATEGORY_TYPE.get(category, "other")


def category_of(lemma: str, pos: str) -> str | None:
    """The category a predicate signals: ``pos`` "VERB" or "NOUN" (UD), ``lemma`` as parsed."""
    lemma = lemma.lower()
    if pos == "VERB":
        # the lemmatiser may keep a stray "e" ("unveiled" -> "unveile") or drop one
        near = lemma[:-1] if lemma.endswith("e") else lemma + "e"
        return VERB_CATEGORY.get(lemma) or VERB_CATEGORY.get(near)
    if pos == "NOUN":
        # "meeting" may be lemmatised "meet" when the tagger calls the gerund a noun
        return NOUN_CATEGORY.get(lemma) or NOUN_CATEGORY.get(lemma.rstrip("s")) or NOUN_CATEGORY.get(lemma + "ing")
    return None


def category_of_type(kind: str, trigger: str) -> str:
    """The category of a mention the trigger rules found (coarse ``type`` + trigger words)."""
    if kind == "military_action" and _TEST_TRIGGER_RE.search(trigger):
        return "TEST"
    if kind == "other":
        word = trigger.lower().split()[0] if trigger.strip() else ""
        lemma = _IRREGULAR.get(word, word)
        for cand in (lemma, lemma[:-1], lemma[:-2], lemma[:-3], lemma[:-3] + "e"):
            cat = VERB_CATEGORY.get(cand) or NOUN_CATEGORY.get(cand)
            if cat:
                return cat
        return "OTHER"
    return TYPE_CATEGORY.get(kind, "OTHER")


def could_be_predicate(word: str) -> bool:
    """A cheap test on a lower-case word form, before any parse: might its lemma be listed?
    (Decides which sentences are worth parsing.)"""
    if word in _IRREGULAR:
        return True
    for cut in (0, 1, 2, 3):
        stem = word[:-cut] if cut else word
        if stem in VERB_CATEGORY or stem in NOUN_CATEGORY or stem + "e" in VERB_CATEGORY:
            return True
    if word.endswith("ies") and word[:-3] + "y" in VERB_CATEGORY:
        return True
    return len(word) > 4 and word[-1] == word[-2] and word[:-1] in VERB_CATEGORY  # "planned"-like


def possible_categories(word: str) -> set[str]:
    """The categories a lower-case word form's lemma may signal, guessed before any parse
    ("sold" -> BUSINESS, "falls" -> ECONOMIC; a lemma listed twice counts for its first
    category: "sales" -> ECONOMIC); empty when none."""
    stems = [_IRREGULAR.get(word, word)] + [word[:-cut] for cut in (1, 2, 3)]
    verbs = stems + [s + "e" for s in stems] + ([word[:-3] + "y"] if word.endswith("ies") else [])
    out = {VERB_CATEGORY[s] for s in verbs if s in VERB_CATEGORY}
    return out | {NOUN_CATEGORY[s] for s in stems if s in NOUN_CATEGORY}


def listed_verb(form: str) -> str | None:
    """The listed verb lemma of a third-person form ("files" -> "file", "closes" -> "close";
    "carries" would give "carry", "pushes" "push"), else None ("tablets")."""
    stems = [form[:-1], form[:-2]] if form.endswith("s") else []
    if form.endswith("ies"):
        stems.insert(0, form[:-3] + "y")
    return next((s for s in stems if s in VERB_CATEGORY), None)
