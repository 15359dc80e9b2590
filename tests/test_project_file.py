"""The *.dateline project file: round trip, refusal of newer/foreign/corrupt files (never
modified), migrations, and saves that survive the writer being killed mid-save."""
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dateline.model.project import schema
from dateline.model.project.file import Project
from dateline.model.project.records import (Annotation, Correction, ItemKey, ProjectError,
                                            SavedView, date_value)

SHA = "a" * 64
ST = ItemKey("statement", SHA, 10, 40)
EV = ItemKey("event", SHA, 50, 80)
EV2 = ItemKey("event", "b" * 64, 5, 9)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _filled() -> Project:
    project = Project()
    project.add_folder("articles", "articles/manifest.csv")
    project.add_folder("/elsewhere/news")
    project.set_correction(Correction(ST, "speaker", "Rex Tillerson"))
    project.set_correction(Correction(ST, "date", date_value("2017-03-01", "2017-03-31",
                                                             "month")))
    project.set_correction(Correction(ST, "place", {"name": "Seoul", "lat": 37.5, "lon": 127}))
    project.set_correction(Correction(EV, "type", "meeting"))
    project.set_correction(Correction(EV, "merge", EV2))
    project.set_correction(Correction(EV2, "split", (EV,)))
    project.set_correction(Correction(EV2, "hidden"))
    project.set_annotation(ST, Annotation(True, ("thaad", "korea"), "check <b>this</b>"))
    project.set_tags(EV, ["thaad"])
    project.add_view(SavedView("Opening", {"window": None, "lane_mode": "actors"}))
    project.add_view(SavedView("Talks", {"place": "Beijing"}), index=0)
    return project


def test_round_trip_keeps_everything_and_clears_dirty(tmp_path):
    project = _filled()
    assert project.dirty and project.title == "Untitled*"
    path = project.save(tmp_path / "story.dateline")
    assert not project.dirty and project.title == "story"
    again = Project.open(path)
    assert again.folders == project.folders
    assert again.corrections == project.corrections
    assert again.annotations == project.annotations
    assert again.annotation(ST).tags == ("korea", "thaad")
    assert [v.name for v in again.views] == ["Talks", "Opening"]
    assert again.views[1].state == {"window": None, "lane_mode": "actors"}
    assert again.metadata["created"] == project.metadata["created"]
    assert again.metadata["app_version"] and not again.dirty
    assert again.corpus_paths()[0] == (tmp_path / "articles", tmp_path / "articles/manifest.csv")
    assert again.tags == ["korea", "thaad"]


def test_edits_return_what_they_replaced_for_undo(tmp_path):
    project = Project()
    assert project.set_correction(Correction(ST, "speaker", "A")) is None
    old = project.set_correction(Correction(ST, "speaker", "B"))
    assert old.value == "A" and [c.value for c in project.corrections] == ["B"]
    assert project.remove_correction(ST, "speaker").value == "B" and not project.corrections
    assert project.set_star(ST) == Annotation()
    assert project.set_note(ST, "n") == Annotation(starred=True)
    project.set_annotation(ST, Annotation())            # empty: removed from the file
    assert project.annotations == {}


def test_saving_in_place_updates_the_same_file(tmp_path):
    path = _filled().save(tmp_path / "s.dateline")
    project = Project.open(path)
    project.set_star(EV)
    project.remove_view(0)
    project.save()
    again = Project.open(path)
    assert again.annotation(EV).starred and [v.name for v in again.views] == ["Opening"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.dateline"]   # no temp left


def test_save_as_leaves_the_original_alone(tmp_path):
    path = _filled().save(tmp_path / "a.dateline")
    before = _digest(path)
    project = Project.open(path)
    project.set_note(ST, "changed")
    project.save(tmp_path / "b.dateline")
    assert project.path == tmp_path / "b.dateline"
    assert _digest(path) == before
    assert Project.open(tmp_path / "b.dateline").annotation(ST).note == "changed"


def test_save_without_a_path_is_a_clear_error():
    with pytest.raises(ProjectError, match="no file yet"):
        Project().save()


def test_a_newer_schema_is_refused_and_never_modified(tmp_path):
    path = _filled().save(tmp_path / "new.dateline")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 7")
    db.close()
    before = _digest(path)
    with pytest.raises(ProjectError) as info:
        Project.open(path)
    message = str(info.value)
    assert str(path) in message
    assert f"written by a newer Dateline (schema 7); this version reads up to " \
           f"{schema.schema_version()}" in message
    assert _digest(path) == before


@pytest.mark.parametrize("content", [b"", b"not a database at all\n" * 50,
                                     b"SQLite format 3\x00" + b"\xff" * 2000])
def test_a_non_sqlite_or_damaged_file_is_a_clear_error(tmp_path, content):
    path = tmp_path / "bad.dateline"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match="not a Dateline project") as info:
        Project.open(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == content


def test_another_programs_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.dateline"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE songs (title TEXT)")
    db.close()
    before = _digest(path)
    with pytest.raises(ProjectError, match="SQLite database, but not a Dateline project"):
        Project.open(path)
    assert _digest(path) == before


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ProjectError, match="no such project file"):
        Project.open(tmp_path / "gone.dateline")


def test_an_older_schema_is_migrated_in_memory_and_upgraded_on_save(tmp_path, monkeypatch):
    path = _filled().save(tmp_path / "old.dateline")
    before = _digest(path)

    def add_sources(db):                     # a would-be schema 2
        db.execute("CREATE TABLE sources (url TEXT)")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, add_sources])
    assert schema.schema_version() == 2
    project = Project.open(path)
    assert project.corrections == _filled().corrections
    assert _digest(path) == before                       # opening never writes
    project.save()                                       # over an older file: replaced
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
    db.close()
    assert Project.open(path).annotations == _filled().annotations


WRITER = textwrap.dedent("""
    import sys
    from dateline.model.project.file import Project
    from dateline.model.project.records import Annotation, ItemKey
    path, mode = sys.argv[1], sys.argv[2]
    project = Project.open(path)
    keys = [ItemKey("statement", "c" * 64, i, i + 1) for i in range(40)]
    n = 0
    while True:
        n += 1
        note = f"save {n} " + "x" * 100_000          # large content: saves take a while
        for key in keys:
            project.set_annotation(key, Annotation(True, (f"t{n}",), note))
        if mode == "replace":
            project.path = None                      # Save As: temp file + rename
        project.save(path)
        print(n, flush=True)
""")


@pytest.mark.parametrize("mode", ["in-place", "replace"])
def test_killing_the_writer_mid_save_leaves_the_last_saved_state(tmp_path, mode):
    path = tmp_path / "crash.dateline"
    Project().save(path)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "desktop")}
    interrupted = 0
    for delay in (0.0, 0.013, 0.031, 0.057):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), mode], env=env,
                                stdout=subprocess.PIPE, text=True)
        saved = [int(proc.stdout.readline())]
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        saved += [int(line) for line in proc.stdout.read().split()]
        proc.stdout.close()
        leftovers = [p.name for p in tmp_path.iterdir() if p.name != path.name]
        interrupted += any(n.endswith(("-journal", ".tmp")) for n in leftovers)
        project = Project.open(path)
        notes = {a.note for a in project.annotations.values()}
        tags = {a.tags for a in project.annotations.values()}
        assert len(project.annotations) == 40 and len(notes) == 1 and len(tags) == 1
        n = int(notes.pop().split()[1])
        # the last completed save, or the one that was committing when killed
        assert n in (saved[-1], saved[-1] + 1)
        assert tags.pop() == (f"t{n}",)
    assert interrupted, "no kill landed mid-save: the test proved nothing"


@pytest.mark.parametrize("damage, message", [
    ("UPDATE corrections SET field = 'bogus'", "no correctable field 'bogus'"),
    ("UPDATE views SET state = '{not json'", "damaged project file"),
    ("DROP TABLE annotations", "damaged project file"),
])
def test_damaged_contents_are_a_clear_error(tmp_path, damage, message):
    path = _filled().save(tmp_path / "d.dateline")
    with sqlite3.connect(path) as db:
        db.execute(damage)
    db.close()
    before = _digest(path)
    with pytest.raises(ProjectError, match=message) as info:
        Project.open(path)
    assert str(info.value).startswith(str(path))
    assert _digest(path) == before


def test_relative_folders_still_point_to_the_same_place_after_save_as(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path)
    project = Project()
    project.add_folder("news", "news/manifest.csv")
    assert project.corpus_paths() == [(tmp_path / "news", tmp_path / "news/manifest.csv")]
    project.save(tmp_path / "a" / "p.dateline")              # relative to the file now
    news = (tmp_path / "a" / "news", tmp_path / "a" / "news/manifest.csv")
    assert project.corpus_paths() == [news] and project.folders[0].path == "news"
    project.save(tmp_path / "b" / "p.dateline")              # Save As elsewhere
    assert Project.open(tmp_path / "b" / "p.dateline").corpus_paths() == [news]
    project.save(tmp_path / "b" / "copy.dateline")           # same folder: unchanged
    assert Project.open(tmp_path / "b" / "copy.dateline").corpus_paths() == [news]
