"""Interrupted writes never lose the previous file (issue 6): exports, CLI output, cache.

Interruptions are simulated where they really happen: the disk fills mid-write, fsync
fails, the rename fails, the user presses Ctrl+C, or the process is killed outright.
"""
from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dateline import atomic
from dateline.atomic import atomic_open, write_bytes_atomic, write_text_atomic

ROOT = Path(__file__).resolve().parents[1]
PREVIOUS = "previous contents, which must survive\n"


class _DiskFills:
    """A file object that accepts ``budget`` characters, then fails like a full disk."""

    def __init__(self, real, budget: int):
        self.real, self.budget = real, budget

    def write(self, data):
        if len(data) > self.budget:
            self.real.write(data[: self.budget])
            self.real.flush()
            raise OSError(errno.ENOSPC, "No space left on device")
        self.budget -= len(data)
        return self.real.write(data)

    def __getattr__(self, name):
        return getattr(self.real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()


def disk_fills_after(monkeypatch, budget: int = 10) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(atomic.os, "fdopen",
                        lambda *a, **k: _DiskFills(real_fdopen(*a, **k), budget))


def rename_fails(monkeypatch) -> None:
    def fail(*_args, **_kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")
    monkeypatch.setattr(atomic.os, "replace", fail)


def fsync_fails(monkeypatch) -> None:
    def fail(_fd):
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(atomic.os, "fsync", fail)


INTERRUPTIONS = {"disk full": disk_fills_after, "rename fails": rename_fails,
                 "fsync fails": fsync_fails}


def leftovers(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def previous(tmp_path):
    path = tmp_path / "events.json"
    path.write_text(PREVIOUS, encoding="utf-8")
    return path


@pytest.mark.parametrize("interrupt", sorted(INTERRUPTIONS))
def test_failed_write_keeps_previous_file_and_leaves_no_temp(interrupt, previous, monkeypatch):
    INTERRUPTIONS[interrupt](monkeypatch)
    with pytest.raises(OSError):
        write_text_atomic(previous, "new contents " * 1000)
    assert previous.read_text(encoding="utf-8") == PREVIOUS
    assert leftovers(previous.parent) == []


@pytest.mark.parametrize("error", [KeyboardInterrupt, ValueError])
def test_exception_inside_the_block_keeps_previous_file(error, previous):
    with pytest.raises(error):
        with atomic_open(previous) as handle:
            handle.write("half of the new ")
            raise error()
    assert previous.read_text(encoding="utf-8") == PREVIOUS
    assert leftovers(previous.parent) == []


def test_success_replaces_whole_file(previous):
    write_bytes_atomic(previous, b"\x00new\xff")
    assert previous.read_bytes() == b"\x00new\xff"
    assert leftovers(previous.parent) == []


def test_new_file_gets_the_usual_permissions_not_0600(tmp_path):
    """mkstemp creates 0600 files; an export must be as readable as any file the user saves."""
    mask = os.umask(0o022)
    os.umask(mask)
    path = tmp_path / "new.csv"
    write_text_atomic(path, "a,b\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


def test_overwrite_keeps_the_previous_permissions(previous):
    previous.chmod(0o640)
    write_text_atomic(previous, "new\n")
    assert stat.S_IMODE(previous.stat().st_mode) == 0o640


def test_writing_through_a_symlink_updates_its_target(tmp_path):
    real = tmp_path / "real.json"
    real.write_text(PREVIOUS, encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"


def test_killed_process_leaves_previous_file_intact(previous):
    """A real SIGKILL half-way through: no cleanup code runs, the old file must still be whole."""
    if not hasattr(os, "kill") or sys.platform == "win32":
        pytest.skip("POSIX signals")
    child = subprocess.Popen(
        [sys.executable, "-c",
         "import sys\nfrom dateline.atomic import atomic_open\n"
         f"with atomic_open({str(previous)!r}) as h:\n"
         "    h.write('x' * 100000); h.flush()\n"
         "    print('half', flush=True); sys.stdin.read()\n"
         "    h.write('rest')\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "half"
        child.kill()
    finally:
        child.wait(30)
    assert previous.read_text(encoding="utf-8") == PREVIOUS
    # The killed writer's temp file is hidden (".events.json.*.tmp") and never the target.
    assert all(p.name.startswith(".events.json.") for p in leftovers(previous.parent))


# -- the real writers use it -----------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_doc():
    from dateline import paths
    from dateline.corpus import load_corpus
    from dateline.extract import extract_corpus
    load = load_corpus([paths.bundled_articles_dir()], manifest=paths.bundled_manifest())
    doc = extract_corpus(load.articles[:2], cache=False)
    doc.pop("problems", None)
    return doc, load.articles[:2]


@pytest.mark.parametrize("fmt", ["json", "csv", "geojson"])
@pytest.mark.parametrize("interrupt", sorted(INTERRUPTIONS))
def test_document_export_interrupted_keeps_previous(fmt, interrupt, seed_doc, previous,
                                                    monkeypatch):
    from dateline.extract.formats import write_document
    doc, _ = seed_doc
    assert doc["events"], "the seed articles yield events, so the export is not trivial"
    INTERRUPTIONS[interrupt](monkeypatch)
    with pytest.raises(OSError):
        write_document(doc, previous, fmt)
    assert previous.read_text(encoding="utf-8") == PREVIOUS
    assert leftovers(previous.parent) == []


def test_document_export_round_trips_after_a_failed_attempt(seed_doc, previous, monkeypatch):
    from dateline.extract.formats import write_document
    doc, _ = seed_doc
    with monkeypatch.context() as patch:
        disk_fills_after(patch, budget=100)
        with pytest.raises(OSError):
            write_document(doc, previous, "json")
    write_document(doc, previous, "json")
    assert json.loads(previous.read_text(encoding="utf-8")) == doc


@pytest.mark.parametrize("suffix", [".csv", ".json", ".geojson"])
def test_filtered_events_export_interrupted_keeps_previous(suffix, tmp_path, monkeypatch):
    from dateline.model.export import export_events
    from dateline.model.synthetic import synthetic_store
    store = synthetic_store(n_events=40, n_articles=5, seed=3)
    path = tmp_path / f"events{suffix}"
    path.write_text(PREVIOUS, encoding="utf-8")
    disk_fills_after(monkeypatch, budget=50)
    with pytest.raises(OSError):
        export_events(store.events, path, store.statements)
    assert path.read_text(encoding="utf-8") == PREVIOUS
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("interrupt", sorted(INTERRUPTIONS))
def test_cache_write_interrupted_keeps_previous_entry(interrupt, seed_doc, tmp_path, monkeypatch):
    from dateline.extract import extract_article
    from dateline.extract.cache import ExtractionCache
    _, articles = seed_doc
    article = articles[0]
    cache = ExtractionCache(tmp_path / "cache")
    result = extract_article(article)
    cache.put(article, result)
    entry = cache.path(article)
    before = entry.read_bytes()
    INTERRUPTIONS[interrupt](monkeypatch)
    cache.put(article, result)              # swallows the error: a cache only costs speed
    monkeypatch.undo()
    assert entry.read_bytes() == before
    assert leftovers(entry.parent) == []
    assert cache.get(article) == result


def test_cli_output_interrupted_keeps_previous(seed_doc, tmp_path, monkeypatch, capsys):
    """``dateline extract -o out.json`` whose write fails: exit 3, one line, old file kept."""
    from dateline.cli import main
    out = tmp_path / "out.json"
    out.write_text(PREVIOUS, encoding="utf-8")
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "cache"))
    article = ROOT / "data" / "articles" / seed_doc[1][0].id
    disk_fills_after(monkeypatch, budget=200)
    code = main(["extract", str(article.with_suffix(".txt")), "-o", str(out), "--no-cache"])
    err = capsys.readouterr().err
    assert code == 3
    assert [line for line in err.splitlines() if str(out) in line] == \
        [f"dateline: {out}: cannot write (No space left on device)"]
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert leftovers(tmp_path) == []
