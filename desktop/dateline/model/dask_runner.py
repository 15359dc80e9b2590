"""Extraction beyond one machine: ``extract_article`` mapped over shards with Dask.

``extract_article`` is a pure per-article function, so a corpus of millions of articles is
embarrassingly parallel. Two stages:

1. on the workers, one task per shard of articles (files of a folder, or rows of an input
   Parquet shard with ``id, text`` and optional ``path, title, outlet, published``):
   read, extract, and write ``extractions/part-NNNNN.parquet`` (one row per article, the
   result as JSON; written atomically, so a killed worker leaves no half shard);
2. on the client, merge (the same event in several articles becomes one event, which
   needs every article) and write the Parquet cache the app opens
   (``dateline.model.cache_parquet``: ``events.parquet``, ``statements.parquet``, ...).

Dask is optional (``pip install "dateline[scale]"`` plus ``distributed`` for a cluster)::

    from distributed import Client, LocalCluster
    client = Client(LocalCluster(n_workers=2, processes=True))
    extract_folder_dask("~/news", "~/news-cache", client=client)
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.atomic import atomic_open
from dateline.corpus import Article, make_article
from dateline.corpus.manifest import read_manifest
from dateline.corpus.reader import article_id_for, iter_article_files, read_article_file
from dateline.extract.document import build_document
from dateline.extract.pipeline import _safe_extract
from dateline.extract.records import ArticleExtraction
from dateline.model.cache_parquet import save_store_parquet

PARTITION_SIZE = 64              # articles per task: big enough to amortise task overhead
ARTICLE_FIELDS = ("id", "path", "title", "outlet", "published", "published_source", "sha256")


@dataclass
class DaskRun:
    out_dir: Path
    shards: list[Path]
    n_articles: int
    n_events: int
    n_statements: int
    problems: list[dict] = field(default_factory=list)


def extract_folder_dask(folder_or_shards, out_dir, client=None, manifest=None,
                        partition_size: int = PARTITION_SIZE) -> DaskRun:
    """Extract a folder of articles (or a list of input Parquet shards) on Dask and write
    the app's Parquet cache to ``out_dir``. ``client``: a ``distributed.Client``; None runs
    on Dask's local process scheduler."""
    import dask
    out_dir = Path(out_dir).expanduser()
    shard_dir = out_dir / "extractions"
    shard_dir.mkdir(parents=True, exist_ok=True)
    tasks, problems = _plan(folder_or_shards, manifest, partition_size)
    work = [dask.delayed(_extract_shard, pure=False)(t, i, str(shard_dir))
            for i, t in enumerate(tasks)]
    if client is not None:
        results = client.gather(client.compute(work))
    else:
        results = dask.compute(*work, scheduler="processes")
    shards = [Path(r) for r in results]
    return _merge(shards, out_dir, problems)


# ----------------------------------------------------------------------- planning (client)
def _plan(source, manifest, partition_size: int) -> tuple[list, list[dict]]:
    """Tasks: ("files", [(path, id, manifest entry)]) or ("parquet", shard path)."""
    if isinstance(source, (str, os.PathLike)) and Path(source).expanduser().is_dir():
        return _plan_folder(Path(source).expanduser(), manifest, partition_size)
    shards = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    return [("parquet", str(Path(s).expanduser())) for s in shards], []


def _plan_folder(folder: Path, manifest, partition_size: int) -> tuple[list, list[dict]]:
    problems: list = []
    files = iter_article_files([folder], problems)
    if manifest is None:          # beside the articles, else one level up (as load_corpus)
        manifest = next((m for m in (folder / "manifest.csv", folder.parent / "manifest.csv")
                         if m.is_file()), None)
    entries = {}
    if manifest is not None and Path(manifest).is_file():
        entries, manifest_problems = read_manifest(Path(manifest))
        problems += manifest_problems
    used: set[str] = set()
    items = [(str(p), article_id_for(p, used), entries.get(p.name)) for p in files]
    tasks = [("files", items[i:i + partition_size])
             for i in range(0, len(items), partition_size)]
    return tasks, [{"article": p.path, "message": p.message} for p in problems]


# ------------------------------------------------------------------------ stage 1 (workers)
def _extract_shard(task, index: int, shard_dir: str) -> str:
    """Read and extract one shard; write its results; return the shard's path."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for article, problem in _articles_of(task):
        row = {"problem": problem, "result": None}
        row.update(_article_row(article))
        if article is not None and problem is None:
            result, error = _safe_extract(article)
            if error:
                row["problem"] = f"extraction failed: {error}"
            else:
                row["result"] = json.dumps(result.to_dict(), ensure_ascii=False)
        rows.append(row)
    path = Path(shard_dir) / f"part-{index:05d}.parquet"
    table = pa.Table.from_pylist(rows, schema=_shard_schema())
    with atomic_open(path, "wb") as handle:
        pq.write_table(table, handle, compression="zstd")
    return str(path)


def _shard_schema():
    import pyarrow as pa
    return pa.schema([(name, pa.string()) for name in ARTICLE_FIELDS]
                     + [("problem", pa.string()), ("result", pa.string())])


def _articles_of(task):
    """(Article or None, problem message or None) for each article of a task."""
    kind, payload = task
    if kind == "files":
        for path, article_id, entry in payload:
            got = read_article_file(Path(path), entry, article_id)
            if hasattr(got, "text"):
                yield got, None
            else:
                yield _Stub(article_id, path), got.message
        return
    yield from _articles_of_parquet(payload)


def _articles_of_parquet(shard: str):
    import pyarrow.parquet as pq

    table = pq.read_table(shard)
    names = set(table.column_names)
    for i, rec in enumerate(table.to_pylist()):
        text, aid = rec.get("text"), rec.get("id")
        if not isinstance(text, str) or not aid:
            yield _Stub(str(aid or f"{shard}#{i}"), shard), "row has no id or no text"
            continue
        article = make_article(rec.get("path") or f"{shard}#{aid}", text, article_id=str(aid))
        yield _override(article, rec, names), None


def _override(article, rec: dict, names: set[str]):
    """Metadata given in the input shard wins over what the text suggests."""
    from dataclasses import replace
    changes = {k: rec[k] for k in ("title", "outlet") if k in names and rec.get(k)}
    published = rec.get("published") if "published" in names else None
    if published:
        day = published if isinstance(published, date) else date.fromisoformat(
            str(published)[:10])
        changes.update(published=day, published_source="manifest")
    return replace(article, **changes)


@dataclass
class _Stub:                      # an article that could not be read: id and path only
    id: str
    path: str


def _article_row(article) -> dict:
    out = {}
    for name in ARTICLE_FIELDS:
        value = getattr(article, name, None)
        out[name] = value.isoformat() if isinstance(value, date) else value
    return out


# -------------------------------------------------------------------------- stage 2 (client)
def _merge(shards: list[Path], out_dir: Path, problems: list[dict]) -> DaskRun:
    import pyarrow.parquet as pq

    pairs = []
    for shard in sorted(shards):
        for rec in pq.read_table(shard).to_pylist():
            if rec["problem"]:
                problems.append({"article": rec["path"] or rec["id"], "message": rec["problem"]})
            if rec["sha256"] is None:          # unreadable: nothing to merge
                continue
            published = date.fromisoformat(rec["published"]) if rec["published"] else None
            article = Article(id=rec["id"], path=rec["path"], text="", title=rec["title"] or "",
                              outlet=rec["outlet"], published=published,
                              published_source=rec["published_source"] or "unknown",
                              sha256=rec["sha256"])
            result = (ArticleExtraction.from_dict(json.loads(rec["result"])) if rec["result"]
                      else ArticleExtraction(sha256=rec["sha256"], published=None))
            pairs.append((article, result))
    doc = build_document(pairs)
    doc["problems"] = problems
    save_store_parquet(doc, out_dir)
    return DaskRun(out_dir, shards, len(pairs), len(doc["events"]), len(doc["statements"]),
                   problems)
