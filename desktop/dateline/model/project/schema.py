"""The project file's SQLite schema: ``PRAGMA user_version`` and the migrations to it.

``MIGRATIONS[i]`` upgrades a database from schema ``i`` to ``i + 1`` (0 is an empty file),
so version 2 is one more function appended here. A file is opened read-only and migrated
in a private in-memory copy: opening never changes the file on disk, whatever its version.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Callable

from dateline.model.project.records import ProjectError

# "DTLN": marks a SQLite file as a Dateline project (PRAGMA application_id).
APPLICATION_ID = 0x44544C4E


def _create_v1(db: sqlite3.Connection) -> None:
    db.executescript("""
        CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE folders (position INTEGER PRIMARY KEY, path TEXT NOT NULL,
                              manifest TEXT);
        CREATE TABLE corrections (position INTEGER PRIMARY KEY, kind TEXT NOT NULL,
                                  text_sha256 TEXT NOT NULL, start INTEGER NOT NULL,
                                  "end" INTEGER NOT NULL, hint TEXT NOT NULL,
                                  field TEXT NOT NULL, value TEXT NOT NULL);
        CREATE TABLE annotations (kind TEXT NOT NULL, text_sha256 TEXT NOT NULL,
                                  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                                  hint TEXT NOT NULL,
                                  starred INTEGER NOT NULL DEFAULT 0,
                                  tags TEXT NOT NULL DEFAULT '[]',
                                  note TEXT NOT NULL DEFAULT '',
                                  PRIMARY KEY (kind, text_sha256, start, "end", hint));
        CREATE TABLE views (position INTEGER PRIMARY KEY, name TEXT NOT NULL,
                            state TEXT NOT NULL);
    """)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_create_v1]


def schema_version() -> int:
    """The schema this code writes (and the newest it reads)."""
    return len(MIGRATIONS)


def read_only_copy(path: Path) -> sqlite3.Connection:
    """The file's database copied into memory, checked and migrated to ``schema_version``.

    Raises ProjectError naming the file if it is missing, not SQLite, another program's
    SQLite file, or written by a newer Dateline."""
    if not path.is_file():
        raise ProjectError(f"{path}: no such project file")
    if not os.access(path, os.R_OK):
        raise ProjectError(f"{path}: cannot read the project file (permission denied)")
    if path.stat().st_size == 0:
        raise ProjectError(f"{path}: empty file, not a Dateline project")
    _roll_back_interrupted_save(path)
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot open ({exc})") from None
    memory = sqlite3.connect(":memory:")
    try:
        source.backup(memory)
    except sqlite3.DatabaseError as exc:
        memory.close()
        raise ProjectError(f"{path}: not a Dateline project (not an SQLite database, or "
                           f"damaged: {exc})") from None
    finally:
        source.close()
    try:
        check_version(memory, path)
        migrate(memory)
    except BaseException:
        memory.close()
        raise
    return memory


def _roll_back_interrupted_save(path: Path) -> None:
    """A save killed mid-transaction leaves a "hot" rollback journal beside the file; a
    read-only connection cannot replay it, so let a writable one restore the last
    committed state first (what any SQLite reader does; nothing else is written)."""
    journal = Path(f"{path}-journal")
    if not journal.is_file() or journal.stat().st_size == 0:
        return
    try:
        db = sqlite3.connect(path)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: an interrupted save could not be rolled back "
                           f"({exc})") from None


def check_version(db: sqlite3.Connection, path: Path) -> int:
    """The file's schema version; ProjectError if it is not ours or too new."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise ProjectError(f"{path}: an SQLite database, but not a Dateline project")
    if version > schema_version():
        raise ProjectError(f"{path}: written by a newer Dateline (schema {version}); this "
                           f"version reads up to {schema_version()}. The file was not changed.")
    return version


def migrate(db: sqlite3.Connection) -> None:
    """Run the missing migrations and set the version (on in-memory copies only: a half
    migrated database is never seen on disk)."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version >= schema_version():
        return
    for step in MIGRATIONS[version:]:
        step(db)
    db.execute(f"PRAGMA user_version = {schema_version():d}")
    db.commit()


def create(db: sqlite3.Connection) -> None:
    """A new, empty project database at the current schema."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
    migrate(db)
