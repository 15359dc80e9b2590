"""``Project``: the in-memory working copy of a ``*.dateline`` file, saved as one SQLite
transaction.

Every edit changes this object and sets ``dirty``; nothing reaches the disk before
``save``. Saving over the file the project came from is a single transaction (SQLite's
journal brings back the last saved state if the process dies mid-save); saving elsewhere
(Save As, or over a file of an older schema) writes a complete temp file beside the target
and renames it over it, so the target is always either the old file or the new one.
"""
from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from dateline import __version__
from dateline.atomic import replacing
from dateline.model.project import schema
from dateline.model.project.records import (Annotation, Correction, ItemKey, ProjectError,
                                            SavedView)

SUFFIX = ".dateline"


@dataclass(frozen=True)
class CorpusFolder:
    """A folder (or file) of articles the project reads, with an optional manifest CSV.
    Relative paths are relative to the project file's folder."""
    path: str
    manifest: str | None = None


class Project:
    """Folders, corrections, annotations and saved views; ``dirty`` until saved."""

    def __init__(self):
        self.path: Path | None = None
        self.dirty = False
        self.folders: list[CorpusFolder] = []
        self._corrections: dict[tuple, Correction] = {}     # by slot, in the order made
        self._annotations: dict[ItemKey, Annotation] = {}
        self.views: list[SavedView] = []
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.metadata: dict[str, str] = {"created": now, "app_version": __version__}

    # ------------------------------------------------------------- open/save
    @classmethod
    def open(cls, path: str | os.PathLike) -> Project:
        """Read a project file (never modifies it); ProjectError with a clear message."""
        path = Path(path)
        db = schema.read_only_copy(path)
        try:
            project = cls._from_db(db, path)
        except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
            if isinstance(exc, ProjectError):
                raise ProjectError(f"{path}: {exc}") from None
            raise ProjectError(f"{path}: damaged project file ({exc})") from None
        finally:
            db.close()
        project.path = path
        return project

    @classmethod
    def _from_db(cls, db: sqlite3.Connection, path: Path) -> Project:
        project = cls()
        project.metadata = dict(db.execute("SELECT key, value FROM metadata"))
        project.folders = [CorpusFolder(p, m) for p, m in db.execute(
            "SELECT path, manifest FROM folders ORDER BY position")]
        for kind, sha, start, end, hint, field_name, value in db.execute(
                'SELECT kind, text_sha256, start, "end", hint, field, value FROM corrections '
                'ORDER BY position'):
            key = ItemKey(kind, sha, start, end, tuple(json.loads(hint)))
            correction = Correction.from_row(key, field_name, value)
            project._corrections[correction.slot] = correction
        for kind, sha, start, end, hint, starred, tags, note in db.execute(
                'SELECT kind, text_sha256, start, "end", hint, starred, tags, note '
                'FROM annotations ORDER BY kind, text_sha256, start, "end", hint'):
            key = ItemKey(kind, sha, start, end, tuple(json.loads(hint)))
            project._annotations[key] = Annotation(bool(starred), tuple(json.loads(tags)), note)
        project.views = [SavedView(name, json.loads(state)) for name, state in db.execute(
            "SELECT name, state FROM views ORDER BY position")]
        return project

    def save(self, path: str | os.PathLike | None = None) -> Path:
        """Write everything in one transaction to ``path`` (default: where it came from);
        afterwards the project is that file and not dirty."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ProjectError("the project has no file yet: save it with a path")
        self.metadata["app_version"] = __version__
        self.metadata["saved"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        folders = self.folders
        if self.path is not None and target.resolve().parent != self._base():
            self.folders = self._absolute_folders()   # relative ones keep pointing there
        try:
            if self._can_save_in_place(target):
                self._save_in_place(target)
            else:
                self._save_replacing(target)
        except (OSError, sqlite3.Error) as exc:
            self.folders = folders
            raise ProjectError(f"{target}: cannot save ({exc}); the previous file is "
                               f"unchanged") from None
        except ProjectError:
            self.folders = folders
            raise
        self.path, self.dirty = target, False
        return target

    def _can_save_in_place(self, target: Path) -> bool:
        """The file this project was opened from, still at the current schema."""
        if self.path is None or not target.is_file() or \
                os.path.realpath(target) != os.path.realpath(self.path):
            return False
        db = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return schema.check_version(db, target) == schema.schema_version()
        except sqlite3.DatabaseError:
            return False
        finally:
            db.close()

    def _save_in_place(self, target: Path) -> None:
        db = sqlite3.connect(target, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous = FULL")
            db.execute("BEGIN IMMEDIATE")
            try:
                schema.check_version(db, target)      # nobody replaced it meanwhile
                self._write(db)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        finally:
            db.close()

    def _save_replacing(self, target: Path) -> None:
        with replacing(target) as tmp:
            db = sqlite3.connect(tmp, isolation_level=None)
            try:
                db.execute("PRAGMA synchronous = FULL")     # the commit is on disk
                schema.create(db)
                db.execute("BEGIN IMMEDIATE")
                self._write(db)
                db.execute("COMMIT")
            finally:
                db.close()

    def _write(self, db: sqlite3.Connection) -> None:
        for table in ("metadata", "folders", "corrections", "annotations", "views"):
            db.execute(f"DELETE FROM {table}")
        db.executemany("INSERT INTO metadata VALUES (?, ?)", sorted(self.metadata.items()))
        db.executemany("INSERT INTO folders VALUES (?, ?, ?)",
                       [(i, f.path, f.manifest) for i, f in enumerate(self.folders)])
        db.executemany("INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [(i, *_key_row(c.key), c.field, c.value_json())
                        for i, c in enumerate(self._corrections.values())])
        db.executemany("INSERT INTO annotations VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [(*_key_row(k), int(a.starred), json.dumps(list(a.tags)), a.note)
                        for k, a in sorted(self._annotations.items())])
        db.executemany("INSERT INTO views VALUES (?, ?, ?)",
                       [(i, v.name, json.dumps(v.state, sort_keys=True))
                        for i, v in enumerate(self.views)])

    @property
    def title(self) -> str:
        """The window title's name: the file's stem, or "Untitled" (``*`` when dirty)."""
        name = self.path.stem if self.path is not None else "Untitled"
        return f"{name}*" if self.dirty else name

    # --------------------------------------------------------------- folders
    def add_folder(self, path: str | os.PathLike, manifest: str | os.PathLike | None = None
                   ) -> CorpusFolder:
        folder = CorpusFolder(str(path), str(manifest) if manifest is not None else None)
        if folder not in self.folders:
            self.folders.append(folder)
            self.dirty = True
        return folder

    def remove_folder(self, folder: CorpusFolder) -> None:
        if folder in self.folders:
            self.folders.remove(folder)
            self.dirty = True

    def corpus_paths(self) -> list[tuple[Path, Path | None]]:
        """(folder, manifest or None) as paths, relative ones against the project file's
        folder (the working folder while untitled: the first save decides). Saving to
        another folder makes relative paths absolute, so they still name the same place."""
        base = self._base()
        return [(base / f.path, base / f.manifest if f.manifest else None)
                for f in self.folders]

    def _base(self) -> Path:
        return self.path.resolve().parent if self.path is not None else Path.cwd()

    def _absolute_folders(self) -> list[CorpusFolder]:
        return [CorpusFolder(str(folder), str(manifest) if manifest else None)
                for folder, manifest in self.corpus_paths()]

    # ----------------------------------------------------------- corrections
    @property
    def corrections(self) -> list[Correction]:
        """In the order made (a newer one for the same item and field replaced the older)."""
        return list(self._corrections.values())

    def set_correction(self, correction: Correction) -> Correction | None:
        """Add a correction; returns the one it replaced (same item and field), for undo."""
        previous = self._corrections.pop(correction.slot, None)
        self._corrections[correction.slot] = correction
        self.dirty = True
        return previous

    def remove_correction(self, key: ItemKey, field_name: str) -> Correction | None:
        removed = self._corrections.pop((key, field_name), None)
        if removed is not None:
            self.dirty = True
        return removed

    def corrections_of(self, key: ItemKey) -> list[Correction]:
        return [c for c in self._corrections.values() if c.key == key]

    # ----------------------------------------------------------- annotations
    @property
    def annotations(self) -> dict[ItemKey, Annotation]:
        return dict(self._annotations)

    def annotation(self, key: ItemKey) -> Annotation:
        return self._annotations.get(key, Annotation())

    def set_annotation(self, key: ItemKey, annotation: Annotation) -> Annotation:
        """Replace an item's star/tags/note; returns the previous value (for undo)."""
        previous = self.annotation(key)
        if annotation == previous:
            return previous
        if annotation.empty:
            self._annotations.pop(key, None)
        else:
            self._annotations[key] = annotation
        self.dirty = True
        return previous

    def set_star(self, key: ItemKey, starred: bool = True) -> Annotation:
        old = self.annotation(key)
        return self.set_annotation(key, Annotation(starred, old.tags, old.note))

    def set_tags(self, key: ItemKey, tags) -> Annotation:
        old = self.annotation(key)
        return self.set_annotation(key, Annotation(old.starred, tuple(tags), old.note))

    def set_note(self, key: ItemKey, note: str) -> Annotation:
        old = self.annotation(key)
        return self.set_annotation(key, Annotation(old.starred, old.tags, note))

    @property
    def tags(self) -> list[str]:
        """Every tag in use, sorted."""
        return sorted({t for a in self._annotations.values() for t in a.tags})

    # ----------------------------------------------------------- saved views
    def add_view(self, view: SavedView, index: int | None = None) -> int:
        """Insert a view (default: last); returns its position."""
        index = len(self.views) if index is None else max(0, min(index, len(self.views)))
        self.views.insert(index, view)
        self.dirty = True
        return index

    def replace_view(self, index: int, view: SavedView) -> SavedView:
        previous, self.views[index] = self.views[index], view
        self.dirty = True
        return previous

    def remove_view(self, index: int) -> SavedView:
        self.dirty = True
        return self.views.pop(index)

    def move_view(self, index: int, to: int) -> None:
        view = self.views.pop(index)
        self.views.insert(max(0, min(to, len(self.views))), view)
        self.dirty = True


def _key_row(key: ItemKey) -> tuple:
    return (key.kind, key.text_sha256, key.start, key.end, json.dumps(list(key.hint)))
