"""Extraction: raw article text -> statements, actors, dated and placed events (Qt-free, pure).

Per article (``extract_article``, picklable result, cached by text hash in ``cache``):
  sentences.py   sentence/paragraph spans with exact offsets, headings flagged
  timex.py       every TIMEX3 (date, time, duration, set) with its TimeML type and value,
                 resolved against the publication date (_triggers.py: where each rule
                 looks; _daterules.py calendar dates, tense-aware; _timexrules.py durations,
                 PRESENT/PAST_REF, quarters, years, seasons, clock times, sets;
                 _relative.py: "two days after", "the next day", "overnight")
  temporal.py    the dated timexes as TimeExpr (precision kept) for statements and events
  timeml.py      TimeML export (one file per article: DCT + TIMEX3)
  places.py      place mentions with their role (location / actor / mention); continents and
                 macro-regions are flagged vague and never located (no fake point for "Asia")
  actors.py      people, organisations, countries, pronouns, descriptions; roles learned
                 from titles and appositions ("Chinese Foreign Minister Wang Yi")
                 (_mention.py records, _actornames.py acronyms/appositions, _orgdesc.py
                 "the UN refugee agency", "the FNSEA, said")
  coref.py       he/she/it, "the top Chinese diplomat", "the analysis" -> who
  quotes.py      quotation ranges (double, '' and British single quotes, nested quotes)
  statements.py  who said what: source (speaker span), cue and content of every direct,
                 indirect or mixed claim (_speech.py Speaker/Cue/records, _reported.py
                 reported speech and transcripts, _wholeclause.py mixed quotes reported
                 whole, _speakernp.py "several friends said", anonymous and described sources,
                 _parsedspeech.py clauses read off the dependency parse where the patterns fail)
  statement_dates.py  when/where each statement was made: the only place that decides it
  events.py      event mentions by trigger clause: type, actors, date span, place
                 (_eventwords.py: protests, strikes, courts, disasters, rate decisions)
  clause_events.py  the clause layer on the parse (syntax.py, clauses.py): each trigger's
                 clause, roles, category (event_types.py, the taxonomy), own date, and flags
                 negated / planned / hypothetical / reported; dated predicates with named
                 actors the triggers miss become mentions too
Across articles (``extract_corpus``):
  merge.py       one real-world event = one cluster of mentions (merged_fields.py: the
                 event's category, status, roles and why its reports were merged)
  document.py    the "dateline/1" document (docs/contracts.md)
  formats.py     JSON / CSV / GeoJSON writers
"""
from .pipeline import extract_article, extract_corpus
from .records import ArticleExtraction, EventMentionRec, StatementRec

__all__ = ["ArticleExtraction", "EventMentionRec", "StatementRec", "extract_article", "extract_corpus"]
