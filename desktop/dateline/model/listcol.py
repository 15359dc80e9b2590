"""Tuple-valued frame columns (actors, outlets, articles, mentions) without a Python object
per row.

A ``TupleArray`` is a pandas extension array over flat, column-wise storage: each row is a
``[start, stop)`` range into one or more flat fields. Reading a row gives a plain tuple —
``("Wang Yi", "Rex Tillerson")``, or for mentions ``(("a1", 0, 40, "text"), ...)`` — so
``row["actors"]``, ``actor in row["actors"]``, ``row["mentions"][0]`` and unpacking work as
with object columns of tuples. But loading 1M events builds no tuples at all (that cost ~4 s
and ~300 MB), and a row take (``iloc``) is two integer takes.

A flat field is one of:
- ``Coded``: dictionary codes into a small array of shared ``str`` (actors, outlets, article
  ids): 4 bytes an element, and the store's indexes group the codes directly;
- a numpy array (mention offsets);
- a pyarrow array (mention texts: many distinct strings, read per row on demand);
- a ``LazyField`` standing for one of those until first use (the cache reads mention
  offsets and texts only when a mention is shown or searched: ~200 MB less at 1M events).
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.extensions import ExtensionArray, ExtensionDtype
from pandas.api.indexers import check_array_indexer

MENTION_FIELDS = ("article", "start", "end", "text")


@dataclass(frozen=True)
class Coded:
    """Strings as int32 codes into ``uniques`` (an object array of distinct str)."""
    codes: np.ndarray
    uniques: np.ndarray

    def __len__(self) -> int:
        return len(self.codes)

    # ``uniques`` ends with a None slot: code -1 (missing) reads as None, no masking.
    @classmethod
    def from_values(cls, values) -> Coded:
        codes, uniques = pd.factorize(np.asarray(values, dtype=object))
        return cls(codes.astype(np.int32), np.append(np.asarray(uniques, dtype=object), None))

    @classmethod
    def from_arrow(cls, arr: pa.Array) -> Coded:
        """From a dictionary (or plain string) Arrow array; nulls get code -1."""
        if not pa.types.is_dictionary(arr.type):
            arr = arr.dictionary_encode()
        uniques = np.asarray(arr.dictionary.to_pylist() + [None], dtype=object)
        indices = arr.indices.fill_null(-1) if arr.null_count else arr.indices
        codes = indices.to_numpy(zero_copy_only=False).astype(np.int32, copy=False)
        return cls(codes, uniques)


class LazyField:
    """A flat field read in chunks on first use: ``read(chunks)`` gives the field (numpy
    or Arrow) of those chunks concatenated, ``bounds`` the first flat position of each chunk
    and the total. A page of rows reads only the chunks holding it; searching reads all."""

    SPREAD = 4          # a read spanning more chunks than this reads the whole field

    def __init__(self, read, bounds):
        self._read = read
        self._bounds = np.asarray(bounds, dtype=np.int64)
        self._pieces: dict[int, object] = {}
        self._all = None

    @property
    def loaded(self) -> bool:
        return self._all is not None

    def get(self):
        """The whole field (read once, then kept)."""
        if self._all is None:
            self._all = self._read(list(range(len(self._bounds) - 1)))
            self._pieces = {}
        return self._all

    def part(self, a: int, b: int) -> tuple[object, int]:
        """(field holding flat positions [a, b), flat position of its first element)."""
        if self._all is not None:
            return self._all, 0
        if b <= a:
            return self._read([]), a
        g0 = int(np.searchsorted(self._bounds, a, side="right")) - 1
        g1 = int(np.searchsorted(self._bounds, b - 1, side="right")) - 1
        if g1 - g0 >= self.SPREAD:          # rows far apart: read it all once, not
            return self.get(), 0            # a concatenation of many chunks per call
        for g in range(g0, g1 + 1):
            if g not in self._pieces:
                self._pieces[g] = self._read([g])
        pieces = [self._pieces[g] for g in range(g0, g1 + 1)]
        if len(pieces) == 1:
            return pieces[0], int(self._bounds[g0])
        if isinstance(pieces[0], np.ndarray):
            return np.concatenate(pieces), int(self._bounds[g0])
        return pa.concat_arrays(pieces), int(self._bounds[g0])


def _real(field):
    return field.get() if isinstance(field, LazyField) else field


def _span(field, idx: np.ndarray) -> tuple[object, np.ndarray]:
    """(a field holding the flat positions ``idx``, ``idx`` relative to it)."""
    if not isinstance(field, LazyField):
        return field, idx
    if not len(idx):
        return field.part(0, 0)[0], idx
    piece, base = field.part(int(idx.min()), int(idx.max()) + 1)
    return piece, idx - base


def _values(field, a: int, b: int) -> list:
    """Python values of flat elements [a, b)."""
    if isinstance(field, LazyField):
        piece, base = field.part(a, b)
        return _values(piece, a - base, b - base)
    if isinstance(field, Coded):
        return field.uniques[field.codes[a:b]].tolist()
    if isinstance(field, np.ndarray):
        return field[a:b].tolist()
    return field.slice(a, b - a).to_pylist()


def _gather(field, idx: np.ndarray) -> list:
    """Python values of the flat elements at positions ``idx``."""
    field, idx = _span(field, idx)
    if isinstance(field, Coded):
        return field.uniques[field.codes[idx]].tolist()
    if isinstance(field, np.ndarray):
        return field[idx].tolist()
    return field.take(pa.array(idx, type=pa.int64())).to_pylist()


def _to_arrow(field, idx: np.ndarray, dictionary: bool) -> pa.Array:
    field, idx = _span(field, idx)
    if isinstance(field, Coded):
        codes = field.codes[idx]
        coded = pa.DictionaryArray.from_arrays(
            pa.array(codes, type=pa.int32(), mask=codes < 0),
            pa.array(field.uniques[:-1].tolist(), type=pa.string()))
        return coded if dictionary else coded.dictionary_decode()
    if isinstance(field, np.ndarray):
        return pa.array(field[idx])
    return field.take(pa.array(idx, type=pa.int64()))


def flat_positions(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenation of the ranges [starts[i], starts[i] + lengths[i]) — vectorised."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(lengths)
    shift = np.repeat(starts - (ends - lengths), lengths)
    return np.arange(total, dtype=np.int64) + shift


class TupleDtype(ExtensionDtype):
    """Rows are tuples of values (one field) or tuples of records (several fields)."""
    type = tuple
    _metadata = ("fields",)

    def __init__(self, fields: tuple[str, ...] = ("value",)):
        self.fields = tuple(fields)

    @property
    def name(self) -> str:
        return "tuples" if len(self.fields) == 1 else f"tuples[{','.join(self.fields)}]"

    @classmethod
    def construct_array_type(cls) -> type[TupleArray]:
        return TupleArray


class TupleArray(ExtensionArray):
    """Immutable column of tuples over shared flat fields (see the module docstring)."""

    def __init__(self, fields: tuple, starts: np.ndarray, stops: np.ndarray,
                 dtype: TupleDtype):
        self._fields = tuple(fields)
        # int32 views of Arrow offsets (no copy) or int64: both index the flat fields.
        self._starts = np.asarray(starts)
        self._stops = np.asarray(stops)
        self._dtype = dtype

    # ------------------------------------------------------------ building
    @classmethod
    def from_tuples(cls, rows, fields: tuple[str, ...] = ("value",)) -> TupleArray:
        """From Python tuples/lists (of values, or of records with ``len(fields)`` items)."""
        rows = [r if r is not None else () for r in rows]
        lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
        flat = list(itertools.chain.from_iterable(rows))
        columns = [flat] if len(fields) == 1 else (list(zip(*flat)) or [[]] * len(fields))
        built = tuple(_field_from(list(col)) for col in columns)
        stops = np.cumsum(lengths)
        return cls(built, stops - lengths, stops, TupleDtype(fields))

    @classmethod
    def from_arrow(cls, lists: list[pa.ListArray], fields: tuple[str, ...]) -> TupleArray:
        """From list arrays sharing one set of offsets (one per field); a field may also be
        a ``LazyField`` that will give what ``flat_field`` gives for its list array."""
        offsets = lists[0].offsets.to_numpy()
        if offsets[0]:
            offsets = offsets - offsets[0]          # a slice: flatten() starts at its start
        built = [arr if isinstance(arr, LazyField) else flat_field(arr) for arr in lists]
        return cls(tuple(built), offsets[:-1], offsets[1:], TupleDtype(fields))

    def to_arrow(self, plain: tuple[str, ...] = ()) -> list[pa.ListArray]:
        """One list array per field (row order, compacted); string fields are dictionary
        arrays, but for the ``plain`` fields (mostly distinct values, like quotes)."""
        lengths = self._stops - self._starts
        idx = flat_positions(self._starts, lengths)
        offsets = pa.array(np.concatenate([[0], np.cumsum(lengths)]), type=pa.int32())
        return [pa.ListArray.from_arrays(offsets, _to_arrow(f, idx, name not in plain))
                for f, name in zip(self._fields, self._dtype.fields)]

    def __arrow_array__(self, type=None):
        """list<string> (one field) or list<struct> (records): for pyarrow / to_parquet."""
        lists = self.to_arrow(plain=self._dtype.fields)
        if len(lists) == 1:
            return lists[0]
        records = pa.StructArray.from_arrays([a.flatten() for a in lists],
                                             names=list(self._dtype.fields))
        return pa.ListArray.from_arrays(lists[0].offsets, records)

    def joined_lower(self, field: int = 0, sep: str = " ") -> pa.Array:
        """Each row's values (of one field) lowercased and joined by ``sep`` (search text).
        Coded values are lowered once per distinct value, in Python."""
        f = _real(self._fields[field])
        lengths = self._stops - self._starts
        idx = flat_positions(self._starts, lengths)
        if self._in_flat_order() and not isinstance(f, np.ndarray):
            idx = slice(0, int(self._stops[-1]) if len(self) else 0)   # no gather copy
        if isinstance(f, Coded):
            lowered = pa.array([u.lower() if isinstance(u, str) else "" for u in f.uniques],
                               type=pa.string())
            codes = f.codes[idx]
            flat = lowered.take(pa.array(np.where(codes < 0, len(f.uniques) - 1, codes)))
        elif isinstance(f, np.ndarray):
            flat = pa.array(f[idx]).cast(pa.string())
        else:
            part = f.slice(0, idx.stop) if isinstance(idx, slice) else \
                f.take(pa.array(idx))
            flat = pc.utf8_lower(part.fill_null(""))
        offsets = pa.array(np.concatenate([[0], np.cumsum(lengths)]), type=pa.int32())
        return pc.binary_join(pa.ListArray.from_arrays(offsets, flat), sep)

    def flat_length(self) -> int:
        """Number of flat elements the rows reach (as loaded: the flat fields' length)."""
        return int(self._stops.max()) if len(self) else 0

    def lengths(self) -> np.ndarray:
        """Number of values in each row."""
        return self._stops - self._starts

    def _in_flat_order(self) -> bool:
        """Rows cover the flat fields from 0 in order (as loaded): no gather needed."""
        return len(self) == 0 or (int(self._starts[0]) == 0 and
                                  np.array_equal(self._starts[1:], self._stops[:-1]))

    def coded(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(code per element, row of each element, uniques) of a one-field Coded column:
        what an index needs to group rows by value without touching Python strings."""
        field = self._fields[0]
        lengths = self._stops - self._starts
        if self._in_flat_order():
            codes = field.codes[: int(self._stops[-1]) if len(self) else 0]
        else:
            codes = field.codes[flat_positions(self._starts, lengths)]
        return codes, np.repeat(np.arange(len(self), dtype=np.int32), lengths), field.uniques

    # ---------------------------------------------------- ExtensionArray API
    @classmethod
    def _from_sequence(cls, scalars, *, dtype=None, copy=False):
        if isinstance(scalars, TupleArray):
            return scalars.copy() if copy else scalars
        fields = dtype.fields if isinstance(dtype, TupleDtype) else ("value",)
        return cls.from_tuples(list(scalars), fields)

    @classmethod
    def _from_scalars(cls, scalars, *, dtype):
        if not all(isinstance(s, (tuple, list)) for s in scalars):
            raise TypeError("not tuples")
        return cls._from_sequence(scalars, dtype=dtype)

    @classmethod
    def _from_factorized(cls, values, original):
        return cls._from_sequence(values, dtype=original.dtype)

    @classmethod
    def _concat_same_type(cls, to_concat):
        first = to_concat[0]
        if all(a._fields is first._fields or a._fields == first._fields for a in to_concat):
            return cls(first._fields, np.concatenate([a._starts for a in to_concat]),
                       np.concatenate([a._stops for a in to_concat]), first.dtype)
        rows = [row for a in to_concat for row in a]
        return cls.from_tuples(rows, first.dtype.fields)

    @property
    def dtype(self) -> TupleDtype:
        return self._dtype

    @property
    def nbytes(self) -> int:
        own = self._starts.nbytes + self._stops.nbytes
        return own + sum(f.codes.nbytes if isinstance(f, Coded) else f.nbytes
                         for f in self._fields if not isinstance(f, LazyField))

    def __len__(self) -> int:
        return len(self._starts)

    def _row(self, i: int) -> tuple:
        a, b = int(self._starts[i]), int(self._stops[i])
        if len(self._fields) == 1:
            return tuple(_values(self._fields[0], a, b))
        return tuple(zip(*(_values(f, a, b) for f in self._fields)))

    def __getitem__(self, item):
        if isinstance(item, (int, np.integer)):
            return self._row(int(item))
        if isinstance(item, slice):
            return type(self)(self._fields, self._starts[item], self._stops[item], self._dtype)
        item = check_array_indexer(self, item)
        return type(self)(self._fields, self._starts[item], self._stops[item], self._dtype)

    def __iter__(self):
        for begin in range(0, len(self), 4096):     # chunks: vectorised, bounded memory
            yield from self[begin: begin + 4096]._objects()

    def __setitem__(self, key, value):
        raise TypeError("a TupleArray is immutable")

    def _objects(self) -> list:
        """Every row as a tuple (vectorised gather of the flat fields, then slicing)."""
        lengths = self._stops - self._starts
        idx = flat_positions(self._starts, lengths)
        columns = [_gather(f, idx) for f in self._fields]
        items = columns[0] if len(columns) == 1 else list(zip(*columns))
        bounds = np.concatenate([[0], np.cumsum(lengths)]).tolist()
        return [tuple(items[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]

    def __array__(self, dtype=None, copy=None):
        # fromiter stores each tuple as one object (np.array would broadcast into 2-D).
        out = np.fromiter(self._objects(), dtype=object, count=len(self))
        return out if dtype in (None, object) else out.astype(dtype)

    def astype(self, dtype, copy=True):
        if isinstance(dtype, TupleDtype):
            return self.copy() if copy else self
        return super().astype(dtype, copy=copy)

    def isna(self) -> np.ndarray:
        return np.zeros(len(self), dtype=bool)      # a missing list is the empty tuple

    def take(self, indices, allow_fill=False, fill_value=None):
        idx = np.asarray(indices, dtype=np.intp)
        if not allow_fill:
            return type(self)(self._fields, self._starts[idx], self._stops[idx], self._dtype)
        if (idx < -1).any():
            raise ValueError("invalid take index")
        missing = idx == -1
        safe = np.where(missing, 0, idx)
        if len(self) == 0:
            if not missing.all():
                raise IndexError("cannot take from an empty array")
            zeros = np.zeros(len(idx), dtype=np.int64)
            return type(self)(self._fields, zeros, zeros, self._dtype)
        starts = np.where(missing, 0, self._starts[safe])
        stops = np.where(missing, 0, self._stops[safe])  # filled rows: empty tuples
        return type(self)(self._fields, starts, stops, self._dtype)

    def copy(self):
        return type(self)(self._fields, self._starts.copy(), self._stops.copy(), self._dtype)

    def _values_for_factorize(self):
        return np.asarray(self), None

    def __eq__(self, other):
        mine = np.asarray(self)
        if isinstance(other, (TupleArray, list, np.ndarray)) and len(other) == len(self):
            return np.array([a == tuple(b) for a, b in zip(mine, other)], dtype=bool)
        return np.array([a == other for a in mine], dtype=bool)

    def _explode(self):
        """One row per element (an empty tuple gives one NaN row, as for object lists)."""
        lengths = self._stops - self._starts
        counts = np.maximum(lengths, 1)
        out = np.full(int(counts.sum()), np.nan, dtype=object)
        idx = flat_positions(self._starts, lengths)
        columns = [_gather(f, idx) for f in self._fields]
        items = columns[0] if len(columns) == 1 else list(zip(*columns))
        slot = flat_positions(np.cumsum(counts) - counts, lengths)
        if len(columns) == 1:
            out[slot] = np.asarray(items, dtype=object)
        else:
            for i, rec in zip(slot.tolist(), items):   # records: never broadcast tuples
                out[i] = rec
        return out, counts.astype(np.uint64)


def flat_field(arr: pa.ListArray):
    """The flat field of a list array: Coded strings, int64 numbers, or Arrow values."""
    flat = arr.flatten()
    if pa.types.is_dictionary(flat.type):
        return Coded.from_arrow(flat)
    if pa.types.is_integer(flat.type):
        return flat.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    return flat


def _field_from(values: list):
    """A flat field from Python values: ints -> int64 array, anything else -> Coded."""
    if values and isinstance(values[0], (int, np.integer)) and not isinstance(values[0], bool):
        ints = np.asarray(values, dtype=object)
        if all(isinstance(v, (int, np.integer)) for v in ints):
            return ints.astype(np.int64)
    return Coded.from_values(values)


def as_tuple_column(values, fields: tuple[str, ...] = ("value",)) -> TupleArray:
    """A column (object array of tuples, or already a TupleArray) as a TupleArray."""
    if isinstance(values, pd.Series):
        values = values.array
    if isinstance(values, TupleArray):
        return values
    return TupleArray.from_tuples(values, fields)


def shared_strings(values: pd.Series) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """A low-cardinality string column as an object array whose equal values share one
    str (a row take is then a numpy take), plus its codes and uniques (code -1: missing;
    ``uniques`` ends with a NaN slot) for indexes that group rows by value."""
    if isinstance(values.dtype, pd.CategoricalDtype):     # from the cache: codes as stored
        codes = np.asarray(values.cat.codes)                # int8/int16: no widening copy
        uniques = np.asarray(values.cat.categories, dtype=object)
    else:
        codes, uniques = pd.factorize(values)
        uniques = np.asarray(uniques, dtype=object)
    table = np.append(uniques, np.nan)
    return pd.Series(table[codes], index=values.index, dtype=object, copy=False), codes, table
