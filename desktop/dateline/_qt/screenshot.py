"""Render the main window on the bundled corpus to a PNG (``make screenshot``).

    python -m dateline._qt.screenshot OUT.png [--size 1400x900] [--dark] [--place Beijing]

Offscreen, the window loads the sample corpus through the same code as the app (the
extraction worker), waits for it to finish, selects ``--place`` (``--place ''`` for none) so
the side panel shows sources, and saves ``window.grab()``. Exit 1 if the window is not fully
populated (the PNG is still written, to look at what went wrong).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1400x900, not {text!r}")
    return int(match.group(1)), int(match.group(2))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dateline._qt.screenshot",
                                     description="Render the Dateline main window to a PNG.")
    parser.add_argument("output", type=Path, help="PNG file to write")
    parser.add_argument("--size", type=parse_size, default=(1400, 900), metavar="WxH",
                        help="window size in pixels (default 1400x900)")
    parser.add_argument("--dark", action="store_true", help="dark theme")
    parser.add_argument("--place", default="Beijing",
                        help="place to select on the map (default Beijing; '' for none)")
    return parser


def render(out: Path, size: tuple[int, int] = (1400, 900), dark: bool = False,
           place: str | None = "Beijing") -> tuple[list[str], tuple[int, int]]:
    """Write the PNG of the loaded sample-corpus window: (problems found, size drawn).
    The size drawn can exceed ``size`` when that is below the window's minimum size."""
    from PySide6.QtWidgets import QApplication

    from dateline import paths
    from dateline._qt.selftest import (check_window, close_window, open_loaded_window,
                                       private_settings, quiet_offscreen_warnings)
    from dateline._qt.window_io import widget_png
    from dateline.atomic import write_bytes_atomic

    with private_settings() as settings, quiet_offscreen_warnings():
        window, problems = open_loaded_window([paths.bundled_articles_dir()],
                                              paths.bundled_manifest(), settings, size=size)
        try:
            window.set_dark(dark)          # explicit both ways: the app may default to dark
            if place and place in set(window.state.store.places["place"]):
                window.state.update(place=place)
            elif place:
                problems.append(f"place {place!r} is not on the map")
            _flush(window)
            problems += check_window(window)
            write_bytes_atomic(out, widget_png(window))
            drawn = (window.width(), window.height())
        finally:
            close_window(window)
            QApplication.processEvents()
    return problems, drawn


def _flush(window) -> None:
    """Run the debounced redraws (side panel, event list) so the PNG shows their final state."""
    from PySide6.QtWidgets import QApplication

    for _ in range(20):
        QApplication.processEvents()
    window.side_panel.flush()
    window.event_table.flush()
    QApplication.processEvents()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    problems, drawn = render(args.output, size=args.size, dark=args.dark,
                             place=args.place or None)
    asked = f"{args.size[0]}x{args.size[1]}"
    note = "" if drawn == args.size else f"; the window's minimum size beats {asked}"
    print(f"wrote {args.output} ({drawn[0]}x{drawn[1]}{', dark' if args.dark else ''}{note})")
    for problem in problems:
        print(f"screenshot: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
