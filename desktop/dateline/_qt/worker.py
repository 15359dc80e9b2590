"""Extraction off the GUI thread: progress, cancel, and stale results dropped.

Each run gets a generation number. Cancelling (or starting a new run) bumps the generation,
so a result that arrives late from an older run is ignored instead of replacing newer data.
The job is plain Python (corpus -> extraction -> EventStore); Qt only carries its signals.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from dateline.model.store import EventStore

log = logging.getLogger(__name__)


class _JobSignals(QObject):
    progress = Signal(int, int, int, str)     # generation, done, total, message
    finished = Signal(int, object, list)      # generation, EventStore, problem lines
    failed = Signal(int, str)                 # generation, one-line message


class _Job(QRunnable):
    def __init__(self, generation: int, work, signals: _JobSignals,
                 cancel: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self.generation, self.work, self.signals, self.cancel = generation, work, signals, cancel

    def run(self) -> None:
        gen = self.generation

        def progress(done=0, total=0, message="", *_):
            if not self.cancel.is_set():
                self.signals.progress.emit(gen, int(done), int(total), str(message or ""))

        try:
            store, problems = self.work(progress, self.cancel.is_set)
        except Cancelled:
            return
        except (ValueError, OSError) as exc:      # expected: bad input, already names the file
            self.signals.failed.emit(gen, _one_line(str(exc)))
            return
        except Exception as exc:          # a bug: one line for the user, traceback to the log
            log.exception("extraction job failed")
            self.signals.failed.emit(gen, _one_line(f"{type(exc).__name__}: {exc}"))
            return
        if not self.cancel.is_set():
            self.signals.finished.emit(gen, store, problems)


class Cancelled(Exception):
    pass


def _one_line(message: str) -> str:
    return " ".join(message.split())


def extract_paths(paths: list[Path], manifest: Path | None, progress, cancelled
                  ) -> tuple[EventStore, list[str]]:
    """Read and extract a folder/files into an EventStore (runs in the worker thread)."""
    from dateline.corpus import load_corpus

    progress(0, 0, "Reading articles…")
    load = load_corpus([Path(p) for p in paths], manifest=manifest)
    return extract_loaded(load, paths, progress, cancelled)


def extract_loaded(load, paths: list[Path], progress, cancelled
                   ) -> tuple[EventStore, list[str]]:
    """Extract articles already read (``load``: a CorpusLoad of ``paths``)."""
    from dateline.extract import extract_corpus

    problems = [str(p) for p in load.problems]
    if cancelled():
        raise Cancelled
    if not load.articles:
        raise ValueError(nothing_readable_message(paths, problems))
    total = len(load.articles)

    def on_progress(done=0, total_=total, *rest):
        progress(done, total_ or total, f"Extracting {done}/{total_ or total} articles…")

    doc = extract_corpus(load.articles, progress=on_progress, cancelled=cancelled)
    if doc is None or cancelled():            # extract_corpus returns None when cancelled
        raise Cancelled
    problems += [f"{p.get('article', '?')}: {p.get('message', '')}"
                 for p in doc.get("problems", []) if isinstance(p, dict)]
    texts = {a.id: a.text for a in load.articles}
    return EventStore.from_document(doc, texts=texts), problems


def nothing_readable_message(paths: list[Path], problems: list[str], first: int = 3) -> str:
    """One line: where nothing was readable, and why for the first few files."""
    message = "no readable articles found in " + ", ".join(str(p) for p in paths)
    if problems:
        shown = "; ".join(_one_line(p) for p in problems[:first])
        more = f" (and {len(problems) - first} more)" if len(problems) > first else ""
        message += f" — {shown}{more}"
    return message


def read_parquet_cache(folder: Path, progress, cancelled) -> tuple[EventStore, list[str]]:
    """An EventStore from a Parquet cache folder (what the Dask runner and benchmarks
    write); any failure becomes one message naming the folder."""
    from dateline.model.cache_parquet import load_store_parquet

    progress(0, 0, f"Reading cache {Path(folder).name}…")
    try:
        store = load_store_parquet(folder)
    except Exception as exc:
        if not isinstance(exc, (ValueError, OSError)):
            log.exception("reading the cache %s failed", folder)
        text = str(exc) or type(exc).__name__
        raise ValueError(text if str(folder) in text else f"{folder}: {text}") from None
    if cancelled():
        raise Cancelled
    return store, []


def read_document_file(path: Path, progress, cancelled) -> tuple[EventStore, list[str]]:
    from dateline.document import read_document

    progress(0, 0, f"Reading {Path(path).name}…")
    return EventStore.from_document(read_document(path)), []


class _CallSignals(QObject):
    done = Signal(object)


class _Call(QRunnable):
    def __init__(self, fn, signals: _CallSignals):
        super().__init__()
        self.setAutoDelete(True)
        self.fn, self.signals = fn, signals

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception:                  # a background check must never crash the app
            log.exception("background call failed")
            return
        try:
            self.signals.done.emit(result)
        except RuntimeError:               # its owner (a closed window) is gone: drop it
            pass


def call_in_background(fn, on_done, owner: QObject) -> None:
    """Run ``fn()`` on the global thread pool; ``on_done(result)`` then runs in the GUI
    thread, unless ``owner`` was deleted meanwhile (or ``fn`` raised: logged)."""
    signals = _CallSignals(owner)          # lives in the GUI thread: queued delivery
    signals.done.connect(on_done)
    signals.done.connect(signals.deleteLater)
    QThreadPool.globalInstance().start(_Call(fn, signals))


class ExtractionRunner(QObject):
    """Starts jobs on a thread pool and re-emits only the current generation's signals."""

    started = Signal(str)                 # message
    progress = Signal(int, int, str)      # done, total, message
    finished = Signal(object, list)       # EventStore, problems
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.generation = 0
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._cancel = threading.Event()
        self._signals = _JobSignals(self)     # lives in the GUI thread: queued delivery
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self.busy = False

    def start_paths(self, paths: list[Path], manifest: Path | None = None) -> int:
        return self.start(lambda p, c: extract_paths(paths, manifest, p, c),
                          f"Opening {len(paths)} item(s)…")

    def start_cache(self, folder: Path) -> int:
        return self.start(lambda p, c: read_parquet_cache(folder, p, c), f"Opening {folder}…")

    def start_document(self, path: Path) -> int:
        return self.start(lambda p, c: read_document_file(path, p, c), f"Opening {path}…")

    def start(self, work, message: str = "Working…") -> int:
        """Run ``work(progress, cancelled) -> (EventStore, problems)``; newer runs win."""
        self._cancel.set()                    # any older job stops and is ignored
        self._cancel = threading.Event()
        self.generation += 1
        self.busy = True
        self.pool.start(_Job(self.generation, work, self._signals, self._cancel))
        self.started.emit(message)
        return self.generation

    def cancel(self) -> None:
        if not self.busy:
            return
        self._cancel.set()
        self.generation += 1
        self.busy = False
        self.cancelled.emit()

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    def _on_progress(self, gen: int, done: int, total: int, message: str) -> None:
        if gen == self.generation:
            self.progress.emit(done, total, message)

    def _on_finished(self, gen: int, store, problems: list) -> None:
        if gen == self.generation:
            self.busy = False
            self.finished.emit(store, problems)

    def _on_failed(self, gen: int, message: str) -> None:
        if gen == self.generation:
            self.busy = False
            self.failed.emit(message)
