"""Parquet cache of an EventStore's frames: reopen a large corpus without re-extracting.

A folder holds ``articles.parquet``, ``events.parquet``, ``statements.parquet``,
``mentions.parquet`` and ``meta.json`` (written last: the commit marker, with row counts
checked on load). Every table goes to a temp file beside it first, then is renamed; a
generation token in every table, repeated in ``meta.json``, means a crash mid-save is
detected on load, never trusted as a mix of old and new tables.

Tuple columns (actors, outlets, articles) are Parquet lists of dictionary-coded strings.
Event mentions are a list column of article ids in ``events.parquet`` (its offsets say
which mentions are whose) and one row per mention in ``mentions.parquet`` (start, end,
text), in row groups read only when a mention is shown or searched: a page of excerpts
reads a few groups, and a load of 1M events touches ~200 MB less memory. They load as
``TupleArray`` columns (``dateline.model.listcol``) without a Python object per row.
Repeated strings (type, place, speaker...) are Parquet dictionaries. Numbers and dates are
stored without nulls (NaN, NaT as themselves) so they load as views of Arrow's buffers.
Readers may ask for only the columns they need (``columns=``).
"""
from __future__ import annotations

import json
import os
import tempfile
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dateline.atomic import write_text_atomic
from dateline.model import frames
from dateline.model.listcol import (MENTION_FIELDS, LazyField, TupleArray,
                                    as_tuple_column, shared_strings)

# 5: events' merge_reason column.
# 4: place_source (events, statements) and date_source (statements) columns.
# 3: mentions' offsets, texts in their own file (read on use); NaN/NaT stored, not null;
#    no Parquet dictionary for plain string columns.
# 2: list columns as list<dictionary>, repeated strings as dictionaries, no search_text.
CACHE_SCHEMA = "dateline-cache/5"
GENERATION_KEY = b"dateline.generation"
TABLES = ("articles", "events", "statements")
FILES = TABLES + ("mentions",)
LIST_COLUMNS = {"events": ("actors", "outlets", "articles")}
MENTION_LIST = "mention_article"                # in events.parquet: one list per event
MENTION_FLAT = MENTION_FIELDS[1:]               # mentions.parquet: start, end, text
MENTION_GROUP_ROWS = 1 << 16                    # mentions read per row group on use
STR_COLUMNS = {
    "articles": ("id", "path", "title", "outlet", "published_source", "text_sha256"),
    "events": ("id", "type", "summary", "precision", "place", "place_source", "merge_reason"),
    "statements": ("id", "speaker", "text", "article", "precision", "place", "place_source",
                   "date_source", "event", "event_type", "outlet"),
}
# Few distinct values: stored as Parquet dictionaries, read back as codes (no hashing).
# (merge_reason: mostly null, and a null must come back as None, not NaN)
DICT_COLUMNS = {"events": ("type", "precision", "place", "place_source", "merge_reason"),
                "statements": ("speaker", "article", "precision", "place", "place_source",
                               "date_source", "event_type", "outlet")}


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
        tables = _to_arrow("articles", articles)
        tables.update(_to_arrow("events", events))
        tables.update(_to_arrow("statements", statements))
        for name in FILES:
            table = tables[name].replace_schema_metadata({GENERATION_KEY: token})
            staged.append(_write_temp(folder, name, table))
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


def _write_temp(folder: Path, name: str, table: pa.Table) -> tuple[str, Path]:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            # lz4: ~3x faster to decode than zstd for ~1.5x the bytes; load time wins.
            # One row group for the frames: every column reads as one chunk, and a
            # dictionary column keeps one dictionary (several would be decoded to merge).
            # Mentions in small groups: a page of excerpts reads only its own.
            rows = MENTION_GROUP_ROWS if name == "mentions" else table.num_rows
            pq.write_table(table, handle, compression="lz4", row_group_size=max(1, rows),
                           use_dictionary=_dictionary_paths(table))
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp, folder / f"{name}.parquet"


def _dictionary_paths(table: pa.Table) -> list[str]:
    """Parquet dictionary encoding for every column but plain strings (ids, summaries,
    quotes: mostly distinct). Those would fall back to plain after a dictionary page the
    reader decodes too: ~50 % more memory touched for them at load."""
    paths = []
    for field in table.schema:
        typ, leaf = field.type, field.name
        if pa.types.is_list(typ):
            typ, leaf = typ.value_type, f"{field.name}.list.element"
        if not (pa.types.is_string(typ) or pa.types.is_large_string(typ)):
            paths.append(leaf)
    return paths


def _to_arrow(name: str, df: pd.DataFrame) -> dict[str, pa.Table]:
    """{table name: Arrow table}: the frame's, and for events also the mentions table."""
    arrays, fields, extra = [], [], {}
    for col in df.columns:
        values = df[col]
        if col in LIST_COLUMNS.get(name, ()):
            arrs, names = as_tuple_column(values).to_arrow(), [col]
        elif name == "events" and col == "mentions":
            lists = as_tuple_column(values, MENTION_FIELDS).to_arrow(plain=("text",))
            arrs, names = lists[:1], [MENTION_LIST]
            extra["mentions"] = pa.table([a.flatten() for a in lists[1:]],
                                         names=list(MENTION_FLAT))
        elif col == "search_text":
            continue                          # not stored: built on first text search
        elif col in STR_COLUMNS.get(name, ()):
            arr = pa.array(values.astype(object).where(values.notna(), None).tolist(),
                           type=pa.string())
            if col in DICT_COLUMNS.get(name, ()):
                arr = arr.dictionary_encode()
            arrs, names = [arr], [col]
        else:
            arrs, names = [_plain(values)], [col]
        arrays += arrs
        fields += names
    if name == "events" and "mentions" not in extra:
        extra["mentions"] = pa.table({f: pa.array([], type=t) for f, t in
                                      zip(MENTION_FLAT, (pa.int64(), pa.int64(), pa.string()))})
    return {name: pa.Table.from_arrays(arrays, names=fields), **extra}


def _plain(values: pd.Series) -> pa.Array:
    """Numbers and dates without nulls (NaN, NaT kept as values): they read back as
    zero-copy views. Anything else as pandas would convert it."""
    if values.dtype == "datetime64[ns]":
        return pa.array(values.to_numpy().view(np.int64)).view(pa.timestamp("ns"))
    if values.dtype.kind == "f":
        return pa.array(values.to_numpy())
    return pa.Array.from_pandas(values)


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
    use_page_friendly_pool()
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
        source = _open(path, meta, table, memory_map=True)
        stored = source.schema_arrow.names
        names = list(columns) if columns is not None else _frame_columns(stored)
        mentions = table == "events" and "mentions" in names
        lazy = _mention_fields(folder, meta) if mentions else {}
        # One read, not threaded: on 2 busy cores Arrow's threads cost more in page
        # faults (fresh per-thread heaps) than they save (1M: 1.1-1.7 s vs 2.1-3.6 s).
        # Each Arrow column is dropped once converted, so converted copies and their
        # sources are not all alive at once (peak memory at 1M events).
        wanted = [MENTION_LIST if mentions and col == "mentions" else col for col in names]
        read = source.read(columns=wanted, use_threads=False)
        arrays = dict(zip(read.column_names, read.columns))
        del read, source
        out = {col: _column(arrays, table, col, lazy) for col in names}
    except (OSError, KeyError, pa.ArrowException) as exc:
        raise CacheError(f"{path}: cannot read ({exc})") from None
    if mentions and out["mentions"].flat_length() != lazy["total"]:
        raise CacheError(f"{folder / 'mentions.parquet'}: {lazy['total']} mentions, "
                         f"events.parquet lists {out['mentions'].flat_length()}")
    return pd.DataFrame(out, columns=names, copy=False)   # no copy into 2-D blocks


def _open(path: Path, meta: dict, table: str, memory_map: bool) -> pq.ParquetFile:
    """A table's file, checked against meta.json (generation, row count)."""
    source = pq.ParquetFile(path, memory_map=memory_map)
    found = (source.schema_arrow.metadata or {}).get(GENERATION_KEY, b"").decode()
    if found != meta.get("generation"):
        raise CacheError(f"{path}: from another write than meta.json (interrupted save?)")
    expected = meta.get("rows", {}).get(table)
    if expected is not None and source.metadata.num_rows != expected:
        raise CacheError(f"{path}: {source.metadata.num_rows} rows, meta.json says "
                         f"{expected} (incomplete write?)")
    return source


def _mention_fields(folder: Path, meta: dict) -> dict:
    """{field: LazyField} for the mentions' start, end and text, read per row group on
    use, and "total": the number of mentions. The file is opened (and checked) now: an
    open handle survives a later save's rename, so generations are never mixed."""
    path = folder / "mentions.parquet"
    handle = _open(path, meta, "mentions", memory_map=False)
    sizes = [handle.metadata.row_group(g).num_rows for g in range(handle.num_row_groups)]
    bounds = np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)])

    def read(col: str, groups: list[int]):
        try:
            if groups:
                part = handle.read_row_groups(groups, columns=[col], use_threads=False)
                values = part.column(0).combine_chunks()
            else:
                values = pa.array([], type=handle.schema_arrow.field(col).type)
        except (OSError, pa.ArrowException) as exc:
            raise CacheError(f"{path}: cannot read {col} ({exc})") from None
        if pa.types.is_integer(values.type):
            return values.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
        return values
    fields = {c: LazyField(lambda groups, c=c: read(c, groups), bounds) for c in MENTION_FLAT}
    return {**fields, "total": int(bounds[-1])}


def _frame_columns(stored: list[str]) -> list[str]:
    """Frame column names from stored ones (``mention_article`` stands for ``mentions``)."""
    return ["mentions" if c == MENTION_LIST else c for c in stored]


def _read(arrays: dict[str, pa.ChunkedArray], col: str) -> pa.Array:
    # One chunk: pandas' take on a many-chunk Arrow string column (Parquet reads in
    # batches) is ~3x slower, and every query takes its rows from every column.
    chunked = arrays.pop(col)
    if chunked.num_chunks > 1 and _has_dictionary(chunked.type):
        chunked = chunked.cast(_decoded(chunked.type))      # row groups' dictionaries differ
    if chunked.num_chunks == 1:
        return chunked.chunk(0)                              # no combine_chunks copy
    return chunked.combine_chunks()


def _has_dictionary(typ: pa.DataType) -> bool:
    return pa.types.is_dictionary(typ) or (pa.types.is_list(typ)
                                           and pa.types.is_dictionary(typ.value_type))


def _decoded(typ: pa.DataType) -> pa.DataType:
    if pa.types.is_list(typ):
        return pa.list_(typ.value_type.value_type)
    return typ.value_type


def _column(arrays: dict[str, pa.ChunkedArray], table: str, col: str, lazy: dict):
    if table == "events" and col == "mentions":
        first = _read(arrays, MENTION_LIST)
        return TupleArray.from_arrow([first] + [lazy[f] for f in MENTION_FLAT],
                                     MENTION_FIELDS)
    arr = _read(arrays, col)
    if col in LIST_COLUMNS.get(table, ()):
        return TupleArray.from_arrow([arr], ("value",))
    if pa.types.is_dictionary(arr.type):
        indices = arr.indices.fill_null(-1) if arr.null_count else arr.indices
        dtype = pd.CategoricalDtype(pd.Index(arr.dictionary.to_pylist(), dtype=object))
        return pd.Categorical.from_codes(indices.to_numpy(zero_copy_only=False),
                                         dtype=dtype, validate=False)
    if arr.null_count == 0 and (pa.types.is_floating(arr.type) or
                                pa.types.is_integer(arr.type) or
                                pa.types.is_timestamp(arr.type)):
        values = arr.to_numpy(zero_copy_only=True)         # a view of Arrow's buffer
        if pa.types.is_timestamp(arr.type) and values.dtype != "datetime64[ns]":
            values = values.astype("datetime64[ns]")
        return values
    out = pa.chunked_array([arr]).to_pandas()
    if pa.types.is_timestamp(arr.type):
        out = out.astype("datetime64[ns]")
    return out


def use_page_friendly_pool() -> None:
    """Make jemalloc Arrow's default allocator (once; not if ARROW_DEFAULT_MEMORY_POOL
    chooses). pyarrow's default mimalloc backs its segments with transparent huge pages:
    at 1M events a load then touches ~130 MB more fresh memory, and on a VM whose idle
    memory went back to the host each fresh page costs a host fault (measured: a first
    load after idle 2.9-3.0 s with mimalloc, 1.2-1.7 s with jemalloc; warm, both ~1 s)."""
    global _POOL_CHOSEN
    if _POOL_CHOSEN or os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return
    _POOL_CHOSEN = True
    if "jemalloc" in pa.supported_memory_backends():
        pa.set_memory_pool(pa.jemalloc_memory_pool())


_POOL_CHOSEN = False


def load_store_parquet(folder: str | os.PathLike):
    """An EventStore from a cache folder (all columns the store needs)."""
    use_page_friendly_pool()
    articles, events, statements = (_read_frame(Path(folder), t, None) for t in TABLES)
    # No release_unused() after: the allocator's freed pages serve the next allocations
    # (first query, search text) instead of being faulted in again; jemalloc hands idle
    # ones back to the OS by itself within a second or so.
    return store_from_frames(articles, events, statements)


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
