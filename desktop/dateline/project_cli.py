"""``dateline project PATH.dateline``: re-extract a project's corpus, re-apply its
corrections, and export the result (a cited briefing, or the corrected document).

    dateline project story.dateline                          summary of the project
    dateline project story.dateline --export-briefing b.html starred items, cited, as HTML
    dateline project story.dateline --export json -o out.json

Exit status: 0 done; 1 written, but some articles were skipped or some corrections or
stars are orphaned (one line each on stderr); 2 the project cannot be read or has no
readable articles; 3 an output could not be written.
"""
from __future__ import annotations

import sys
from datetime import datetime, timezone

from dateline.extract_cli import (EXIT_NOTHING_TO_DO, EXIT_SOME_PROBLEMS, EXIT_WRITE_FAILED,
                                  write_output)
from dateline.model.dates import plural
from dateline.model.project.briefing import briefing_items, write_briefing
from dateline.model.project.corpus import load_project_corpus
from dateline.model.project.corrections import apply_project
from dateline.model.project.file import Project
from dateline.model.project.records import ProjectError
from dateline.model.store import EventStore


def run_project(args) -> int:
    from dateline.extract import extract_corpus
    from dateline.extract.cache import ExtractionCache

    try:
        project = Project.open(args.project)
    except ProjectError as exc:
        return _fail(str(exc), EXIT_NOTHING_TO_DO)
    if not project.folders:
        return _fail(f"{args.project}: the project has no corpus folders", EXIT_NOTHING_TO_DO)
    corpus = load_project_corpus(project)
    for problem in corpus.problems:
        print(f"dateline: {problem}", file=sys.stderr)
    if not corpus.articles:
        return _fail(f"{args.project}: no readable articles in its folders", EXIT_NOTHING_TO_DO)
    cache = False if args.no_cache else ExtractionCache()
    doc = extract_corpus(corpus.articles, cache=cache, workers=max(1, args.jobs))
    extraction_problems = doc.pop("problems", None) or []
    path_of = {article.id: article.path for article in corpus.articles}
    for problem in extraction_problems:        # name the file, not just the article id
        article = problem.get("article", "?")
        print(f"dateline: {path_of.get(article, article)}: {problem.get('message', '')}",
              file=sys.stderr)
    texts = {article.id: article.text for article in corpus.articles}
    applied = apply_project(doc, project, texts)
    for orphan in applied.orphans:
        print(f"dateline: {args.project}: orphaned {orphan.describe()}", file=sys.stderr)
    if args.export_briefing is None and args.export is None:
        _summary(project, applied)
    if args.export_briefing is not None and not _briefing(args, project, applied, texts):
        return EXIT_WRITE_FAILED
    if args.export is not None:
        out = dict(applied.document,
                   annotations=[{"id": item_id, "starred": a.starred, "tags": list(a.tags),
                                 "note": a.note} for item_id, a in applied.annotations.items()],
                   orphans=[o.describe() for o in applied.orphans])
        if not write_output(out, args.output, args.export):
            return EXIT_WRITE_FAILED
    skipped = corpus.problems or extraction_problems or applied.orphans
    return EXIT_SOME_PROBLEMS if skipped else 0


def _briefing(args, project, applied, texts) -> bool:
    store = EventStore.from_document(applied.document, texts)
    items = briefing_items(store, applied.annotations, applied.corrected)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    try:
        write_briefing(args.export_briefing, items, f"Briefing: {project.path.stem}",
                       generated=f"{project.path.name}, {stamp}")
    except OSError as exc:
        print(f"dateline: {args.export_briefing}: cannot write ({exc.strerror or exc})",
              file=sys.stderr)
        return False
    print(f"dateline: {plural(len(items), 'starred item')} -> {args.export_briefing}",
          file=sys.stderr)
    return True


def _summary(project, applied) -> None:
    doc = applied.document
    n_orphans = sum(o.correction is not None for o in applied.orphans)
    print(f"{project.path}: {plural(len(project.folders), 'folder')}, "
          f"{len(doc['events'])} events, {len(doc['statements'])} statements; "
          f"{plural(len(project.corrections), 'correction')} ({n_orphans} orphaned), "
          f"{plural(len(applied.marks.starred), 'starred item')}, "
          f"{plural(len(project.views), 'saved view')}")


def _fail(message: str, status: int) -> int:
    print(f"dateline: {message}", file=sys.stderr)
    return status
