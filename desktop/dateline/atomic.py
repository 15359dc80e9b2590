"""Atomic file writes: a crash or a full disk never leaves a half-written file.

The data goes to a temp file beside the target, is flushed to disk, and only then renamed
over the target, so readers see either the old file or the complete new one.
"""
from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


def _process_umask() -> int:
    # Read once at import (single-threaded then): os.umask can only be read by setting it.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _process_umask()


@contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO]:
    """Open a temp file beside ``path``; rename it over ``path`` only on success."""
    binary = "b" in mode
    with _temp_beside(path) as (fd, _tmp):
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())


@contextmanager
def replacing(path: str | os.PathLike) -> Iterator[Path]:
    """A temp file's path beside ``path``, renamed over ``path`` if the block succeeds
    (removed if not). The writer makes its data durable (fsync, or SQLite's FULL sync)."""
    with _temp_beside(path) as (fd, tmp):
        os.close(fd)
        yield Path(tmp)


@contextmanager
def _temp_beside(path: str | os.PathLike) -> Iterator[tuple[int, str]]:
    """(open fd, path) of a temp file beside ``path``, renamed over it on success."""
    # Through a symlink, update the file it points to rather than replace the link.
    target = Path(os.path.realpath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        _copy_mode(fd, target)
        yield fd, tmp
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_folder(target.parent)


def _copy_mode(fd: int, target: Path) -> None:
    """mkstemp makes 0600 files: keep the old file's mode, else the usual umask default."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~_UMASK
    try:
        os.fchmod(fd, mode)
    except (AttributeError, OSError):   # Windows has no fchmod; the mode is cosmetic there
        pass


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    with atomic_open(path, "w") as handle:
        handle.write(text)


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> None:
    with atomic_open(path, "wb") as handle:
        handle.write(data)
