"""Extraction: raw article text -> statements, actors, dated and placed events (Qt-free, pure).

Per article (``extract_article``, picklable result, cached by text hash in ``cache``):
  sentences.py   sentence/paragraph spans with exact offsets, headings flagged
  temporal.py    time expressions resolved against the publication date (precision kept)
  places.py      place mentions with their role (location / actor / mention)
  actors.py      people, organisations, countries, pronouns, descriptions; roles learned
                 from titles and appositions ("Chinese Foreign Minister Wang Yi")
  coref.py       he/she/it, "the top Chinese diplomat", "the analysis" -> who
  statements.py  direct quotes and reported speech with speaker, date and place
  events.py      event mentions by trigger clause: type, actors, date span, place
Across articles (``extract_corpus``):
  merge.py       one real-world event = one cluster of mentions
  document.py    the "dateline/1" document (docs/contracts.md)
  formats.py     JSON / CSV / GeoJSON writers
"""
from .pipeline import extract_article, extract_corpus
from .records import ArticleExtraction, EventMentionRec, StatementRec

__all__ = ["ArticleExtraction", "EventMentionRec", "StatementRec", "extract_article", "extract_corpus"]
