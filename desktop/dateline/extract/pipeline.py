"""Per-article extraction: text in, statements and event mentions out (pure, picklable)."""
from __future__ import annotations

import os
from dataclasses import replace

from .actors import actor_kinds, find_mentions
from .quotes import find_quote_ranges
from .coref import Resolver
from .clause_events import clause_events, killed_in_attacks, one_per_trigger
from .events import find_event_mentions, place_events, statement_events
from .places import find_places, toponym_record
from .records import ArticleExtraction
from .sentences import split_sentences
from .statement_dates import decide_when_where
from .statements import blocked_ranges, find_statements
from .temporal import dated_expressions, find_publication_date
from .timex import find_timexes
from .wire import body_start


def extract_article(article) -> ArticleExtraction:
    """Extract one :class:`dateline.corpus.Article` (no I/O, no shared state)."""
    text = article.text or ""
    published = article.published or find_publication_date(text)   # else the text's own
    spans = split_sentences(text)
    quotes = find_quote_ranges(text, spans)
    toponyms = find_places(text)
    # demonyms, streets and places inside bodies' names ("Bank of Canada") are toponyms of
    # the article, not actors' or events' places
    places = [p for p in toponyms if p.feature not in ("demonym", "street") and not p.in_name]
    timexes = find_timexes(text, published)
    times = dated_expressions(timexes)
    mentions, people = find_mentions(text, spans, places, quotes)
    resolver = Resolver(mentions, people, spans, text)
    statements = find_statements(text, spans, quotes, mentions, resolver)
    events = find_event_mentions(text, spans, mentions, resolver, times, places, quotes, published,
                                 reported=blocked_ranges(statements, text))
    decide_when_where(statements, events, times, places, quotes, spans, text, published, people)
    said = statement_events(_stated_only(statements), text, events)
    events = one_per_trigger(events + said)
    found = clause_events(text, spans, events, times, places, mentions, resolver, quotes, published)
    # events not found by trigger (a dated statement's, a clause's) whose text names no place
    kinds = actor_kinds(mentions)
    kept = {id(e) for e in events}
    place_events(found, text, spans, mentions, resolver, times, places, quotes, published, kinds,
                 said=[e for e in said if id(e) in kept])
    events = killed_in_attacks(events + found)
    events.sort(key=lambda e: (e.start, e.type))
    _skip_wire_datelines(text, statements, events)
    return ArticleExtraction(
        sha256=article.sha256,
        published=published.isoformat() if published else None,
        statements=[s for s, _ in statements],
        events=events,
        people={name: sorted(info.roles) for name, info in people.items() if " " in name},
        actor_kinds=kinds,
        timexes=[_timex_record(t) for t in timexes],
        toponyms=[toponym_record(p) for p in toponyms],
    )


def _timex_record(t) -> dict:
    record = t.to_dict()
    del record["article"]        # added when the corpus document is built
    return record


def _stated_only(statements):
    """A statement's event takes the date and place the text states, not ones inferred for the
    timeline and map (scene, dateline, actor): events have their own rules."""
    out = []
    for st, pos in statements:
        if st.place_source not in (None, "text"):
            st = replace(st, place=None, place_source=None)
        if st.date_source not in (None, "text"):
            st = replace(st, date_start=None, date_end=None, precision=None)
        out.append((st, pos))
    return out


def _skip_wire_datelines(text, statements, events) -> None:
    """"BEIJING (Reuters) - " is not part of the lede sentence: excerpts start after it."""
    for rec, _ in statements:
        rec.sentence_start = min(rec.start, body_start(text, rec.sentence_start))
    for e in events:
        body = body_start(text, e.start)
        if body < e.end:
            e.start, e.text = body, text[body:e.end]


def extract_corpus(articles, progress=None, cancelled=None, cache=None, workers: int = 1) -> dict | None:
    """Extract and merge a corpus into a "dateline/1" document.

    progress(done, total) is called after each article; if cancelled() returns True the
    work stops and None is returned. ``cache``: an ExtractionCache, a directory, None for
    the user cache (``dateline.paths.cache_dir()``) or False for no cache. ``workers`` > 1
    extracts uncached articles in that many processes."""
    from .cache import ExtractionCache
    from .document import build_document
    articles = list(articles)
    if cache is None or isinstance(cache, (str, os.PathLike)):
        cache = ExtractionCache(cache)
    results: dict[int, ArticleExtraction] = {}
    problems: list[dict] = []
    todo = []
    for i, article in enumerate(articles):
        hit = cache.get(article) if cache else None
        if hit is not None:
            results[i] = hit
        else:
            todo.append(i)
    done = len(results)
    if progress and done:
        progress(done, len(articles))
    for i, result, error in _run(articles, todo, workers):
        if cancelled and cancelled():
            return None
        if error:
            problems.append({"article": articles[i].id, "message": f"extraction failed: {error}"})
            result = ArticleExtraction(sha256=articles[i].sha256, published=None)
        elif cache:
            cache.put(articles[i], result)
        results[i] = result
        done += 1
        if progress:
            progress(done, len(articles))
    doc = build_document([(a, results[i]) for i, a in enumerate(articles)])
    doc["problems"] = problems
    return doc


def _safe_extract(article):
    try:
        return extract_article(article), None
    except Exception as exc:   # one bad article must not stop a corpus; reported in "problems"
        return None, f"{type(exc).__name__}: {exc}"


def _run(articles, todo, workers):
    if workers <= 1 or len(todo) < 2:
        for i in todo:
            yield (i, *_safe_extract(articles[i]))
        return
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = pool.map(_safe_extract, [articles[i] for i in todo], chunksize=8)
        for i, (result, error) in zip(todo, results, strict=True):
            yield i, result, error
