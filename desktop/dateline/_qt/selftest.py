"""``dateline --self-test``: open the real main window offscreen on a corpus and check it.

    from dateline._qt.selftest import run_self_test
    problems = run_self_test()          # [] when events, map and timeline are populated

The window is built by the same code as ``dateline`` (``app.make_app``/``create_window``),
loads through the extraction worker, and is checked with ``MainWindow.self_test`` plus a few
checks of what a frozen bundle can get wrong (resources, icon, rendering, the syntax model
and spaCy: ``syntax.self_check`` parses a sentence). It never touches the user's settings
or extraction cache, and any dialog the app pops up is recorded as a problem and closed,
so a broken setup fails instead of hanging on a modal box.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from contextlib import contextmanager
from pathlib import Path

from dateline import paths as dl_paths
from dateline.document import DocumentError, read_document
from dateline.extract.syntax import self_check as syntax_self_check

LOAD_TIMEOUT_S = 300.0   # not a speed goal (the sample takes seconds): only stops a hang
SETTLE_S = 5.0           # debounced redraws after loading; stops early once all is populated
MIN_COLOURS = 16         # a rendered window has many colours; a blank or black one has ~1


def run_self_test(paths: list[Path] | None = None, manifest: Path | None = None,
                  timeout_s: float = LOAD_TIMEOUT_S) -> list[str]:
    """Problems found with the window on ``paths`` (default: the bundled sample corpus)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if paths is None:
        paths, manifest = [dl_paths.bundled_articles_dir()], dl_paths.bundled_manifest()
        if not paths[0].is_dir():
            return [f"sample corpus missing: {paths[0]}"]
    with private_settings() as settings, private_cache(), quiet_offscreen_warnings():
        try:
            window, problems = open_loaded_window(paths, manifest, settings, timeout_s=timeout_s)
        except Exception as exc:     # a broken bundle must report, not crash with no verdict
            traceback.print_exc()
            return [f"could not open the main window: {type(exc).__name__}: {exc}"]
        try:
            problems += check_window(window)
            problems += check_input_shown(window, paths)
        finally:
            close_window(window)
    return problems + syntax_self_check()     # the model and spaCy made it into a bundle


def open_loaded_window(paths, manifest, settings, *, timeout_s: float = LOAD_TIMEOUT_S,
                       size: tuple[int, int] = (1400, 900)):
    """(window, problems): the shown main window after its corpus finished loading."""
    from PySide6.QtWidgets import QApplication

    from dateline._qt.app import create_window, make_app

    app = make_app()
    failures: list[str] = []
    guard = DialogGuard(failures)
    window = create_window(paths=paths, manifest=manifest, settings=settings)
    window.runner.failed.connect(lambda message: failures.append(f"loading failed: {message}"))
    window.resize(*size)
    window.show()
    deadline = time.monotonic() + timeout_s
    while window.runner.busy and time.monotonic() < deadline:
        _pump(app)
    if window.runner.busy:
        failures.append(f"loading did not finish within {timeout_s:.0f} s")
    settle = time.monotonic() + SETTLE_S
    while not failures and window.self_test() and time.monotonic() < settle:
        _pump(app)
    QApplication.processEvents()
    guard.stop()
    return window, _dedupe(failures)


def check_window(window) -> list[str]:
    """The window's own checks, plus what only breaks in a bundle: icon, rendering, reading."""
    from PySide6.QtWidgets import QApplication

    problems = list(window.self_test())
    problems += [f"reading the corpus: {p}" for p in window.problems[:5]]
    if QApplication.windowIcon().isNull():
        problems.append("application icon missing (resources/icons not found)")
    image = window.grab().toImage()
    if image.isNull() or distinct_colours(image) < MIN_COLOURS:
        problems.append("the window renders blank")
    return problems


def check_input_shown(window, paths) -> list[str]:
    """The window shows the given input, not some other corpus: an events document's
    events all reach the store; articles of a folder are the articles loaded."""
    store = window.state.store
    if len(paths) == 1 and Path(paths[0]).suffix.lower() == ".json" and Path(paths[0]).is_file():
        try:
            expected = len(read_document(paths[0])["events"])
        except DocumentError as exc:
            return [str(exc)]
        shown = len(store.events)
        if shown != expected:
            return [f"{paths[0]}: {expected} events in the file, {shown} in the window"]
        return []
    files = {Path(p).resolve() for p in paths if Path(p).is_file()}
    shown = {Path(a).resolve() for a in store.articles["path"].dropna()}
    if files and not files <= shown:
        return [f"articles not shown: {', '.join(sorted(str(f) for f in files - shown)[:3])}"]
    return []


def distinct_colours(image, step: int = 7) -> int:
    """Distinct pixel colours on a sparse grid (enough to tell a drawn window from a blank)."""
    colours = {image.pixel(x, y) for y in range(0, image.height(), step)
               for x in range(0, image.width(), step)}
    return len(colours)


def close_window(window) -> None:
    from PySide6.QtWidgets import QApplication

    window.runner.cancel()
    window.close()
    window.deleteLater()
    QApplication.processEvents()


class DialogGuard:
    """Records and closes any modal dialog (offscreen nobody can click it away)."""

    def __init__(self, sink: list[str], interval_ms: int = 100):
        from PySide6.QtCore import QTimer

        self.sink = sink
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._close_modal)
        self.timer.start()

    def _close_modal(self) -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        text = dialog.text() if isinstance(dialog, QMessageBox) else ""
        self.sink.append(f"dialog '{dialog.windowTitle()}': {text}".rstrip(": "))
        dialog.reject()

    def stop(self) -> None:
        self.timer.stop()


@contextmanager
def private_settings():
    """A throw-away QSettings file: never read or change the user's layout and theme."""
    from PySide6.QtCore import QSettings

    with tempfile.TemporaryDirectory(prefix="dateline-selftest-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        yield settings
        settings.sync()


@contextmanager
def private_cache():
    """Extract for real into a temporary cache, unless the caller chose a cache already."""
    if os.environ.get("DATELINE_CACHE_DIR"):
        yield
        return
    with tempfile.TemporaryDirectory(prefix="dateline-selftest-cache-") as folder:
        os.environ["DATELINE_CACHE_DIR"] = folder
        try:
            yield
        finally:
            os.environ.pop("DATELINE_CACHE_DIR", None)


# Harmless notes the offscreen platform prints on every window resize.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)


@contextmanager
def quiet_offscreen_warnings():
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message):
        if message not in OFFSCREEN_NOISE:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _pump(app, wait_ms: int = 20) -> None:
    app.processEvents()
    time.sleep(wait_ms / 1000)


def _dedupe(lines: list[str]) -> list[str]:
    """One line per failure: a dialog repeating a recorded failure message adds nothing."""
    kept: list[str] = []
    for line in lines:
        if not any(line in k or k.split(": ", 1)[-1] in line for k in kept):
            kept.append(line)
    return kept
