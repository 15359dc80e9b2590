"""Parquet cache of an EventStore's frames: reopen a large corpus without re-extracting.

A folder holds ``events.parquet``, ``statements.parquet``, ``articles.parquet`` and
``meta.json`` (written last: the commit marker, with row counts checked on load). Every table
goes to a temp file beside it first, then is renamed; a generation token in
every table, repeated in ``meta.json``, means a crash mid-save is detected on load, never
trusted as a mix of old and new tables.

Tuple columns (actors, outlets, articles) are Parquet lists of dictionary-coded strings;
event mentions are four parallel lists (``mention_article``, ``_start``, ``_end``, ``_text``).
They load as ``TupleArray`` columns (``dateline.model.listcol``) without a Python object per
row. Repeated strings (type, place, speaker...) are Parquet dictionaries. Readers may ask
for only the columns they need (``columns=``).
"""
from __future__ import annotations

import json
import os
import tempfile
import uuid
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dateline.atomic import write_text_atomic
from dateline.model import frames
from dateline.model.listcol import (MENTION_FIELDS, TupleArray, as_tuple_column,
                                    shared_strings)

# 2: list columns as list<dictionary>, mentions as four parallel list columns, repeated
# strings as dictionaries, no search_text (built on first text search).
CACHE_SCHEMA = "dateline-cache/2"
GENERATION_KEY = b"dateline.generation"
TABLES = ("articles", "events", "statements")
LIST_COLUMNS = {"events": ("actors", "outlets", "articles")}
MENTION_COLUMNS = tuple(f"mention_{f}" for f in MENTION_FIELDS)
STR_COLUMNS = {
    "articles": ("id", "path", "title", "outlet", "published_source", "text_sha256"),
    "events": ("id", "type", "summary", "precision", "place"),
    "statements": ("id", "speaker", "text", "article", "precision", "place", "event",
                   "event_type", "outlet"),
}
# Few distinct values: stored as Parquet dictionaries, read back as codes (no hashing).
DICT_COLUMNS = {"events": ("type", "precision", "place"),
                "statements": ("speaker", "article", "precision", "place", "event_type",
                               "outlet")}


class CacheError(ValueError):
    """The cache folder is missing, incomplete or not a Dateline cache (message names it)."""


# ------------------------------------------------------------------------------ writing
def save_store_parquet(doc_or_store, folder: str | os.PathLike) -> Path:
    """Write a "dateline/1" document or an EventStore as a Parquet cache folder."""
    from dateline.model.store import EventStore
    store = doc_or_store
    if isinstance(doc_or_store, dict):
        store = EventStore.from_document(doc_or_store)
    return save_frames_parquet(store.articles, store.events, store.statements, folder)


def save_frames_parquet(articles: pd.DataFrame, events: pd.DataFrame,
                        statements: pd.DataFrame, folder: str | os.PathLike) -> Path:
    """Two phases: every table to a temp file first (a failure leaves the old cache as it
    was), then the renames, then ``meta.json``. Tables carry a generation token that
    ``meta.json`` repeats, so a crash between renames is detected, never mixed."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    token = uuid.uuid4().hex
    counts, staged = {}, []
    try:
        for name, df in zip(TABLES, (articles, events, statements)):
            table = _to_arrow(name, df).replace_schema_metadata({GENERATION_KEY: token})
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            staged.append((tmp, folder / f"{name}.parquet"))
            with os.fdopen(fd, "wb") as handle:
                # lz4: ~3x faster to decode than zstd for ~1.5x the bytes; load time wins.
                # One row group: every column reads as one chunk, and a dictionary column
                # keeps one dictionary (several would be decoded to strings to merge).
                pq.write_table(table, handle, compression="lz4",
                               row_group_size=max(1, table.num_rows))
                handle.flush()
                os.fsync(handle.fileno())
            counts[name] = table.num_rows
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
    meta = {"schema": CACHE_SCHEMA, "generation": token, "rows": counts}
    write_text_atomic(folder / "meta.json", json.dumps(meta, indent=1))
    return folder


def _to_arrow(name: str, df: pd.DataFrame) -> pa.Table:
    arrays, fields = [], []
    for col in df.columns:
        values = df[col]
        if col in LIST_COLUMNS.get(name, ()):
            arrs, names = as_tuple_column(values).to_arrow(), [col]
        elif name == "events" and col == "mentions":
            arrs = as_tuple_column(values, MENTION_FIELDS).to_arrow(plain=("text",))
            names = MENTION_COLUMNS
        elif col == "search_text":
            continue                          # not stored: built on first text search
        elif col in STR_COLUMNS.get(name, ()):
            arr = pa.array(values.astype(object).where(values.notna(), None).tolist(),
                           type=pa.string())
            if col in DICT_COLUMNS.get(name, ()):
                arr = arr.dictionary_encode()
            arrs, names = [arr], [col]
        else:
            arrs, names = [pa.Array.from_pandas(values)], [col]
        arrays += arrs
        fields += names
    return pa.Table.from_arrays(arrays, names=fields)


# ------------------------------------------------------------------------------ reading
def read_meta(folder: str | os.PathLike) -> dict:
    path = Path(folder) / "meta.json"
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CacheError(f"{path}: not a readable Dateline cache ({exc})") from None
    schema = meta.get("schema") if isinstance(meta, dict) else None
    if isinstance(schema, str) and schema.startswith("dateline-cache/") \
            and schema != CACHE_SCHEMA:
        raise CacheError(f"{path}: a {schema} cache from another Dateline version, not "
                         f"{CACHE_SCHEMA}: extract the articles again to rebuild it")
    if schema != CACHE_SCHEMA:
        raise CacheError(f"{path}: not a {CACHE_SCHEMA} cache")
    return meta


def load_events_parquet(folder: str | os.PathLike, columns: list[str] | None = None,
                        table: str = "events") -> pd.DataFrame:
    """One cached frame (events by default), only ``columns`` if given, with the same
    dtypes as the store's own frames (tuples for list columns, datetime64[ns] dates)."""
    df = _read_frame(Path(folder), table, columns)
    for col in df.columns:
        if isinstance(df[col].dtype, pd.CategoricalDtype):
            df[col] = shared_strings(df[col])[0]
    return df


def _read_frame(folder: Path, table: str, columns: list[str] | None) -> pd.DataFrame:
    """A table as a frame; dictionary columns stay pandas Categoricals (codes kept)."""
    meta = read_meta(folder)
    path = folder / f"{table}.parquet"
    try:
        # Memory-mapped: pages come straight from the page cache instead of being copied
        # into fresh heap buffers (a third of the load was the kernel's page faults).
        source = pq.ParquetFile(path, memory_map=True)
        stored = source.schema_arrow.names
        names = list(columns) if columns is not None else _frame_columns(stored)
        found = (source.schema_arrow.metadata or {}).get(GENERATION_KEY, b"").decode()
        if found != meta.get("generation"):
            raise CacheError(f"{path}: from another write than meta.json (interrupted save?)")
        expected = meta.get("rows", {}).get(table)
        if expected is not None and source.metadata.num_rows != expected:
            raise CacheError(f"{path}: {source.metadata.num_rows} rows, meta.json says "
                             f"{expected} (incomplete write?)")
        # One read, not threaded: on 2 busy cores Arrow's threads cost more in page
        # faults (fresh per-thread heaps) than they save (1M: 1.1-1.7 s vs 2.1-3.6 s).
        # Each Arrow column is dropped once converted, so converted copies and their
        # sources are not all alive at once (peak memory at 1M events).
        wanted = [c for col in names for c in (MENTION_COLUMNS if col == "mentions"
                                               and table == "events" else (col,))]
        read = source.read(columns=wanted, use_threads=False)
        arrays = dict(zip(read.column_names, read.columns))
        del read
        out = {col: _column(arrays, table, col) for col in names}
    except (OSError, KeyError, pa.ArrowException) as exc:
        raise CacheError(f"{path}: cannot read ({exc})") from None
    df = pd.DataFrame(out, columns=names, copy=False)   # no copy into 2-D blocks
    for col in ("start", "end", "published"):
        if col in df.columns:
            df[col] = df[col].astype("datetime64[ns]")
    return df


def _frame_columns(stored: list[str]) -> list[str]:
    """Frame column names from stored ones (the mention_* columns are one ``mentions``)."""
    names = [c for c in stored if c not in MENTION_COLUMNS]
    if MENTION_COLUMNS[0] in stored:
        names.insert(stored.index(MENTION_COLUMNS[0]), "mentions")
    return names


def _read(arrays: dict[str, pa.ChunkedArray], col: str) -> pa.Array:
    # One chunk: pandas' take on a many-chunk Arrow string column (Parquet reads in
    # batches) is ~3x slower, and every query takes its rows from every column.
    chunked = arrays.pop(col)
    if chunked.num_chunks > 1 and _has_dictionary(chunked.type):
        chunked = chunked.cast(_decoded(chunked.type))      # row groups' dictionaries differ
    return chunked.combine_chunks()


def _has_dictionary(typ: pa.DataType) -> bool:
    return pa.types.is_dictionary(typ) or (pa.types.is_list(typ)
                                           and pa.types.is_dictionary(typ.value_type))


def _decoded(typ: pa.DataType) -> pa.DataType:
    if pa.types.is_list(typ):
        return pa.list_(typ.value_type.value_type)
    return typ.value_type


def _column(arrays: dict[str, pa.ChunkedArray], table: str, col: str):
    if table == "events" and col == "mentions":
        return TupleArray.from_arrow([_read(arrays, c) for c in MENTION_COLUMNS],
                                     MENTION_FIELDS)
    arr = _read(arrays, col)
    if col in LIST_COLUMNS.get(table, ()):
        return TupleArray.from_arrow([arr], ("value",))
    if pa.types.is_dictionary(arr.type):
        indices = arr.indices.fill_null(-1) if arr.null_count else arr.indices
        dtype = pd.CategoricalDtype(pd.Index(arr.dictionary.to_pylist(), dtype=object))
        return pd.Categorical.from_codes(indices.to_numpy(zero_copy_only=False),
                                         dtype=dtype, validate=False)
    return pa.chunked_array([arr]).to_pandas()


def load_store_parquet(folder: str | os.PathLike):
    """An EventStore from a cache folder (all columns the store needs)."""
    articles, events, statements = (_read_frame(Path(folder), t, None) for t in TABLES)
    store = store_from_frames(articles, events, statements)
    # The frames read here now live on in the store's copies: hand what Arrow's allocator
    # kept of them back to the OS (~250 MB resident at 1M events).
    del articles, events, statements
    pa.default_memory_pool().release_unused()
    return store


def store_from_frames(articles: pd.DataFrame, events: pd.DataFrame, statements: pd.DataFrame):
    """Build an EventStore from frames already in the store's column layout."""
    from dateline.model.store import EventStore
    for name, df, cols in (("events", events, frames.EVENT_COLUMNS),
                           ("statements", statements, frames.STATEMENT_COLUMNS),
                           ("articles", articles, frames.ARTICLE_COLUMNS)):
        missing = [c for c in cols if c not in df.columns]
        if missing:
            raise CacheError(f"{name} frame lacks columns {missing}")
    return EventStore.from_frames(articles, events, statements)
