"""``dateline extract``: articles in, a dateline/1 document (or CSV/GeoJSON) out.

Problems with individual files are reported one line each on stderr and the rest of
the corpus is still extracted. Exit status: 0 all read; 1 output written but some files
were skipped; 2 nothing readable; 3 the output could not be written (previous file intact).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from dateline import paths
from dateline.corpus import load_corpus

EXIT_SOME_PROBLEMS = 1     # output written, but some files were skipped (listed on stderr)
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
    cache = False if args.no_cache else ExtractionCache()
    doc = extract_corpus(corpus.articles, cache=cache, workers=max(1, args.jobs))
    extraction_problems = doc.pop("problems", None) or []   # not part of "dateline/1"
    path_of = {article.id: article.path for article in corpus.articles}
    for problem in extraction_problems:        # name the file, not just the article id
        article = problem.get("article", "?")
        print(f"dateline: {path_of.get(article, article)}: {problem.get('message', '')}",
              file=sys.stderr)
    fmt = output_format(args.output, args.format)
    written = (write_timeml(doc, corpus.articles, args.output) if fmt == "timeml"
               else write_output(doc, args.output, fmt))
    if not written:
        return EXIT_WRITE_FAILED
    elapsed = time.perf_counter() - started
    print(f"dateline: {len(corpus.articles)} articles -> {len(doc['events'])} events, "
          f"{len(doc['statements'])} statements in {elapsed:.2f} s -> {args.output} ({fmt})",
          file=sys.stderr)
    # Written, but some inputs were skipped: scripts must be able to notice.
    return EXIT_SOME_PROBLEMS if corpus.problems or extraction_problems else 0


def write_timeml(doc: dict, articles, output: Path) -> bool:
    """One TimeML file per article into the folder ``output``."""
    from dateline.extract.timeml import write_timeml_dir

    if str(output) == "-" or output.is_file():
        print(f"dateline: {output}: TimeML output is a folder (one .tml per article)",
              file=sys.stderr)
        return False
    try:
        write_timeml_dir(doc, articles, output)
    except OSError as exc:
        print(f"dateline: {output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return False
    return True


def write_output(doc: dict, output: Path, fmt: str) -> bool:
    """Write atomically (or to stdout for '-'); one line on stderr if that fails."""
    from dateline.extract import formats

    try:
        if str(output) == "-":
            render = {"json": formats.to_json, "csv": formats.to_csv, "geojson": formats.to_geojson}
            sys.stdout.write(render[fmt](doc))
            sys.stdout.flush()
        else:
            formats.write_document(doc, output, fmt)
    except BrokenPipeError:
        raise                        # the reader closed the pipe ("| head"): see cli.main
    except OSError as exc:
        print(f"dateline: {output}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return False
    return True
