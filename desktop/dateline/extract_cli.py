"""``dateline extract``: articles in, a dateline/1 document (or CSV/GeoJSON) out.

Problems with individual files are reported one line each on stderr and the rest of
the corpus is still extracted; failures that stop the run exit non-zero with one line.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from dateline import paths
from dateline.corpus import load_corpus

EXIT_NOTHING_TO_DO = 2
EXIT_WRITE_FAILED = 3


def output_format(output: Path, requested: str | None) -> str:
    if requested:
        return requested
    suffix = output.suffix.lower().lstrip(".")
    return {"csv": "csv", "geojson": "geojson"}.get(suffix, "json")


def run_extract(args) -> int:
    from dateline.extract import extract_corpus
    from dateline.extract.cache import ExtractionCache
    from dateline.extract.formats import write_document

    sources = args.paths or [paths.bundled_articles_dir()]
    manifest = args.manifest
    if not args.paths and manifest is None:
        manifest = paths.bundled_manifest()
    if manifest is not None and not Path(manifest).is_file():
        print(f"dateline: {manifest}: manifest not found", file=sys.stderr)
        return EXIT_NOTHING_TO_DO
    started = time.perf_counter()
    corpus = load_corpus(sources, manifest=manifest)
    for problem in corpus.problems:
        print(f"dateline: {problem}", file=sys.stderr)
    if not corpus.articles:
        print("dateline: no readable articles in " + ", ".join(map(str, sources)), file=sys.stderr)
        return EXIT_NOTHING_TO_DO
    cache = None if args.no_cache else ExtractionCache(paths.cache_dir())
    doc = extract_corpus(corpus.articles, cache=cache, jobs=max(1, args.jobs))
    fmt = output_format(args.output, args.format)
    try:
        if str(args.output) == "-":
            write_document(doc, sys.stdout, fmt)
        else:
            write_document(doc, args.output, fmt)
    except OSError as exc:
        print(f"dateline: {args.output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_WRITE_FAILED
    elapsed = time.perf_counter() - started
    print(f"dateline: {len(corpus.articles)} articles -> {len(doc['events'])} events, "
          f"{len(doc['statements'])} statements in {elapsed:.2f} s -> {args.output} ({fmt})",
          file=sys.stderr)
    return 1 if corpus.problems and not doc["events"] else 0
