"""The ``dateline`` command: open the explorer, or extract events headless.

    dateline                         open the explorer on the bundled sample corpus
    dateline open PATH...            open article files/folders, or an exported events JSON
    dateline extract [PATH...] -o OUT.json [--format json|csv|geojson|timeml] [--manifest FILE]
    dateline project PATH.dateline [--export-briefing OUT.html] [--export json -o OUT.json]
    dateline --self-test             open the window offscreen on the sample corpus, check it, exit
    dateline --self-test open PATH   the same on PATH (articles, a folder or an events JSON)
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dateline import __version__

FORMATS = ("json", "csv", "geojson", "timeml")
PROJECT_EXPORTS = ("json", "csv", "geojson")
EXIT_INTERNAL_ERROR = 70   # EX_SOFTWARE
EXIT_BROKEN_PIPE = 141     # 128 + SIGPIPE, what a shell reports for a tool killed by it


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Explore what happened, who said what, when and where, in news articles. "
                    "With no command, opens the explorer on the bundled sample corpus.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
               "  dateline                               # explorer on the sample corpus\n"
               "  dateline open ~/news/                  # explorer on your own articles\n"
               "  dateline open events.json              # explorer on an exported events file\n"
               "  dateline extract -o events.json        # extract the sample corpus headless\n"
               "  dateline extract ~/news --format csv -o events.csv\n"
               "  dateline extract ~/news --format timeml -o timeml/   # one .tml per article\n"
               "  dateline project story.dateline --export-briefing briefing.html\n")
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="open the main window offscreen on the sample corpus (or on the "
                             "PATHs of 'open' after it), check that events, map and timeline "
                             "are populated from that input, and exit 0 (or 1)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_cmd = commands.add_parser("open", help="open articles, folders or an events JSON in the explorer")
    open_cmd.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    open_cmd.add_argument("--manifest", type=Path, help="manifest CSV (file,outlet,title,url,published)")

    extract = commands.add_parser(
        "extract", help="extract events and statements headless",
        description="Extract dated, placed events and attributed statements from articles "
                    "(no PATH: the bundled sample corpus) and write them as a dateline/1 JSON "
                    "document, a CSV of events, GeoJSON points, or TimeML (a folder of one .tml per "
                    "article with its time expressions). Exit status: 0 all read; "
                    "1 written, but some files were skipped (one line each on stderr); "
                    "2 nothing readable; 3 the output could not be written.")
    extract.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                         help="article files or folders (default: the bundled sample corpus)")
    extract.add_argument("--manifest", type=Path, help="manifest CSV (file,outlet,title,url,published)")
    extract.add_argument("-o", "--output", type=Path, required=True, help="output file ('-' for stdout)")
    extract.add_argument("--format", choices=FORMATS, help="output format (default: from the "
                         "output file's extension, else json)")
    extract.add_argument("--no-cache", action="store_true", help="ignore and do not write the cache")
    extract.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    _add_project_command(commands)
    return parser


def _add_project_command(commands) -> None:
    cmd = commands.add_parser(
        "project", help="re-extract a .dateline project and export its briefing or data",
        description="Read the corpus folders of a .dateline project, extract them (using the "
                    "per-article cache), re-apply the project's corrections, and write the "
                    "cited briefing of its starred items and/or the corrected data. Without "
                    "an export option, print a summary. Exit status: 0 done; 1 written, but "
                    "some articles were skipped or some corrections/stars are orphaned; 2 the "
                    "project cannot be read or has no readable articles; 3 an output could "
                    "not be written.")
    cmd.add_argument("project", type=Path, metavar="PATH.dateline")
    cmd.add_argument("--export-briefing", type=Path, metavar="OUT.html",
                     help="write the starred events and statements, cited, as one HTML file")
    cmd.add_argument("--export", choices=PROJECT_EXPORTS,
                     help="write the corrected events and statements (json: a dateline/1 "
                          "document with the project's stars, tags and notes)")
    cmd.add_argument("-o", "--output", type=Path, default=Path("-"),
                     help="output of --export ('-', the default, for stdout)")
    cmd.add_argument("--no-cache", action="store_true", help="ignore and do not write the cache")
    cmd.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.self_test:
            if args.command == "open":
                return _self_test(args.paths, args.manifest)
            return _self_test()
        if args.command == "extract":
            from dateline.extract_cli import run_extract
            return run_extract(args)
        if args.command == "project":
            from dateline.project_cli import run_project
            return run_project(args)
        if args.command == "open":
            return _gui(args.paths, args.manifest)
        return _gui(None, None)
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:            # "dateline extract -o - | head": like a SIGPIPE death
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:           # a bug: one line for the user, traceback on request
        if os.environ.get("DATELINE_DEBUG"):
            raise
        message = " ".join(f"{type(exc).__name__}: {exc}".split())
        print(f"dateline: internal error: {message} (set DATELINE_DEBUG=1 for details)",
              file=sys.stderr)
        return EXIT_INTERNAL_ERROR


def _silence_stdout() -> None:
    # Python flushes stdout again at exit and would print a second BrokenPipeError.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def gui_main() -> int:
    return main([])


def _gui(paths_: list[Path] | None, manifest: Path | None) -> int:
    from dateline._qt.app import run_gui
    if paths_ is None:          # the sample corpus: from its cache at once when fresh
        return run_gui(sample=True)
    return run_gui(paths=paths_, manifest=manifest)


def _self_test(paths_: list[Path] | None = None, manifest: Path | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dateline._qt.selftest import run_self_test
    problems = run_self_test(paths_, manifest)
    for problem in problems:
        print(f"self-test: FAIL {problem}", file=sys.stderr)
    if not problems:
        print("self-test: OK (events, map and timeline populated)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
