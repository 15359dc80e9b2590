"""Read article files into :class:`Article` objects, never raising on bad input.

Every file that cannot be used becomes a :class:`Problem` naming the file and the
reason; the rest of the corpus still loads.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from .decode import DecodeError, decode_article_bytes
from .manifest import ManifestEntry, read_manifest
from .problems import Problem, shown_path  # noqa: F401  (re-exported)

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}
MAX_ARTICLE_BYTES = 20 * 1024 * 1024  # beyond this a "news article" is not one
MANIFEST_NAMES = ("manifest.csv",)

# "BEIJING (Reuters) -" style wire datelines name the outlet.
_WIRE_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'-]{1,40}\(([A-Z][A-Za-z .&-]{1,40})\)\s*[-–—]")


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    text: str
    title: str
    outlet: str | None
    published: date | None
    published_source: str  # "manifest" | "text" | "unknown"
    sha256: str


@dataclass
class CorpusLoad:
    articles: list[Article]
    problems: list[Problem]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_article(path: str, text: str, entry: ManifestEntry | None = None,
                 article_id: str | None = None) -> Article:
    """Build an Article from decoded text, filling metadata from the manifest or the text."""
    published, source = _publication(text, entry)
    outlet = (entry.outlet if entry and entry.outlet else None) or _outlet_from_text(text)
    title = (entry.title if entry and entry.title else "") or _title_from_text(text)
    return Article(id=shown_path(article_id or Path(path).stem), path=shown_path(path),
                   text=text, title=title,
                   outlet=outlet, published=published, published_source=source,
                   sha256=text_sha256(text))


def _publication(text: str, entry: ManifestEntry | None) -> tuple[date | None, str]:
    """The manifest's date. A date the text states ("Published March 18, 2017") is read by
    extraction (``extract.pipeline``), which knows dates: reading stays below it."""
    if entry and entry.published:
        return entry.published, "manifest"
    return None, "unknown"


def _outlet_from_text(text: str) -> str | None:
    match = _WIRE_DATELINE.match(text[:200])
    return match.group(1).strip() if match else None


def _title_from_text(text: str) -> str:
    """A short headline-like line, else the opening words of the first paragraph."""
    lines = [line.strip() for line in text.splitlines()[:12] if line.strip()]
    lines = [line for line in lines if not line.lower().startswith(("skip to", "by "))]
    for line in lines[:3]:
        if 15 <= len(line) <= 120 and not line.endswith((".", ":")):
            return line
    if not lines:
        return ""
    first = _WIRE_DATELINE.sub("", lines[0]).strip()
    if len(first) <= 90:
        return first
    return first[:90].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def iter_article_files(paths: Iterable[Path], problems: list[Problem]) -> list[Path]:
    """Expand folders (recursively) into article files, sorted; report missing paths."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for root, _dirs, names in os.walk(path, onerror=lambda e: problems.append(
                    Problem(str(e.filename), f"cannot list folder: {e.strerror}"))):
                files.extend(Path(root) / n for n in names
                             if Path(n).suffix.lower() in ARTICLE_SUFFIXES
                             and not n.startswith("."))
        elif path.exists():
            files.append(path)     # a pipe or device is reported when read, not skipped
        elif path.is_symlink():
            problems.append(Problem(str(path), "broken link (its target does not exist)"))
        else:
            problems.append(Problem(str(path), "no such file or folder"))
    return sorted(set(files))


def read_article_file(path: Path, entry: ManifestEntry | None = None,
                      article_id: str | None = None) -> Article | Problem:
    try:
        data = _read_regular_file(path)
    except _NotAnArticle as exc:
        return Problem(str(path), str(exc))
    except FileNotFoundError:
        reason = "broken link (its target does not exist)" if path.is_symlink() else "file vanished"
        return Problem(str(path), reason)
    except OSError as exc:
        return Problem(str(path), f"cannot read: {exc.strerror or exc}")
    try:
        text = decode_article_bytes(data, path.suffix.lower())
    except DecodeError as exc:
        return Problem(str(path), str(exc))
    if not text.strip():
        return Problem(str(path), "empty file (no text)")
    return make_article(str(path.resolve()), text, entry, article_id)


class _NotAnArticle(Exception):
    pass


def _read_regular_file(path: Path) -> bytes:
    """Read a regular file of at most MAX_ARTICLE_BYTES.

    O_NONBLOCK + fstat: a FIFO or device named like an article must not hang the reader."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _NotAnArticle("not a regular file (a pipe, device or socket)")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise _NotAnArticle(f"too large for an article ({info.st_size / 1e6:.0f} MB, "
                                f"limit {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
        data = handle.read(MAX_ARTICLE_BYTES + 1)   # the file may grow while we read
    if len(data) > MAX_ARTICLE_BYTES:
        raise _NotAnArticle(f"too large for an article (limit {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
    return data


def load_corpus(paths: Iterable[Path], manifest: Path | None = None,
                progress: Callable[[int, int], None] | None = None) -> CorpusLoad:
    """Read every article under ``paths``; a ``manifest.csv`` beside them is used if present."""
    problems: list[Problem] = []
    paths = [Path(p) for p in paths]
    files = iter_article_files(paths, problems)
    entries: dict[str, ManifestEntry] = {}
    scanned = {path.name for path in files}
    for manifest_path in _manifests(paths, manifest):
        found, manifest_problems = read_manifest(manifest_path)
        entries.update(found)
        problems.extend(manifest_problems)
        problems.extend(Problem(str(manifest_path),
                                f"lists {name!r}, which is not among the articles")
                        for name in sorted(set(found) - scanned))
    articles: list[Article] = []
    used_ids: set[str] = set()
    for index, path in enumerate(files):
        article_id = article_id_for(path, used_ids)
        result = read_article_file(path, entries.get(path.name), article_id)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            articles.append(result)
        if progress:
            progress(index + 1, len(files))
    return CorpusLoad(articles, problems)


def _manifests(paths: list[Path], manifest: Path | None) -> list[Path]:
    if manifest is not None:
        return [Path(manifest)]
    found = []
    for path in paths:
        for folder in (path, path.parent) if path.is_dir() else (path.parent,):
            candidate = folder / MANIFEST_NAMES[0]
            if candidate.is_file() and candidate not in found:
                found.append(candidate)
                break
    return found


def article_id_for(path: Path, used: set[str]) -> str:
    """The article id of ``path``: its (displayable) stem, made unique within ``used``.
    Every way of reading a corpus (load_corpus, the Dask runner) must use this rule."""
    return _unique_id(shown_path(Path(path).stem), used)


def _unique_id(stem: str, used: set[str]) -> str:
    candidate, n = stem, 2
    while candidate in used:
        candidate, n = f"{stem}-{n}", n + 1
    used.add(candidate)
    return candidate
