"""The compact gazetteer file (``resources/gazetteer/geonames.gaz``): blocks of text lines.

Layout: the ``FORMAT`` line, a 4-byte little-endian header length, a JSON header naming
each section's byte range, then the sections. A small section is one zlib-compressed text
of lines (read whole at load). A blocked section (the records, the sorted name index) is
cut into blocks of a few dozen lines (``block_rows``), each compressed on its own, with a
table of block offsets: loading reads the file and the offset tables only, and a line
costs one block's decompression the first time any line of that block is asked for.
Only JSON and zlib parse what is read: nothing is unpickled or evaluated.
Written by ``scripts/build_gazetteer.py``.
"""
from __future__ import annotations

import bisect
import json
import sys
import zlib
from array import array
from pathlib import Path

FORMAT = "dateline-gazetteer/3"
# Lines per block: smaller blocks mean less to decompress for a name's first lookup (zlib
# costs by the byte), larger ones a smaller file (records in blocks of 16 lines: 0.7 MB
# more than in blocks of 64)
BLOCK_ROWS = 32
_MAGIC = (FORMAT + "\n").encode("ascii")
_FORBIDDEN = str.maketrans({"\n": " ", "\r": " "})


def write_file(path: Path, small: dict[str, list[str]], blocked: dict[str, list[str]],
               sorted_sections: tuple[str, ...] = (), block_rows: dict[str, int] | None = None) -> None:
    """Write the sections; a section named in ``sorted_sections`` must hold sorted lines
    ("key\\tvalue") and also gets its blocks' first keys (for ``SortedBlocks``).
    ``block_rows``: lines per block by section (default ``BLOCK_ROWS``)."""
    parts: list[bytes] = []
    sections: dict[str, dict] = {}
    pos = 0

    def put(name: str, data: bytes, **extra) -> None:
        nonlocal pos
        sections[name] = {"offset": pos, "length": len(data), **extra}
        parts.append(data)
        pos += len(data)

    for name, lines in small.items():
        put(name, _pack([line.translate(_FORBIDDEN) for line in lines]))
    for name, lines in blocked.items():
        lines = [line.translate(_FORBIDDEN) for line in lines]
        per = (block_rows or {}).get(name, BLOCK_ROWS)
        chunks = [lines[i:i + per] for i in range(0, len(lines), per)]
        if name in sorted_sections:     # a block's keys, then its values: split in C on reading
            chunks = [[line.split("\t", 1)[0] for line in chunk] + [line.split("\t", 1)[1] for line in chunk]
                      for chunk in chunks]
        blocks = [_pack(chunk) for chunk in chunks]
        offsets = array("I", [0])
        for block in blocks:
            offsets.append(offsets[-1] + len(block))
        if sys.byteorder != "little":
            offsets.byteswap()
        put(name + ".offsets", offsets.tobytes())
        put(name, b"".join(blocks), rows=len(lines), block_rows=per)
        if name in sorted_sections:
            put(name + ".firsts", _pack([lines[i].split("\t", 1)[0] for i in range(0, len(lines), per)]))
    header = json.dumps({"sections": sections}, sort_keys=True).encode("utf-8")
    with open(path, "wb") as handle:
        handle.write(_MAGIC + len(header).to_bytes(4, "little") + header)
        for part in parts:
            handle.write(part)


def _pack(lines: list[str]) -> bytes:
    return zlib.compress("\n".join(lines).encode("utf-8"), 9)


def _unpack(data) -> list[str]:
    text = zlib.decompress(data).decode("utf-8")
    return text.split("\n") if text else []


class GazFile:
    """A gazetteer file read into memory (a few MB, compressed); sections on demand."""

    def __init__(self, path: Path) -> None:
        self.path = path
        data = path.read_bytes()
        if not data.startswith(_MAGIC):
            raise ValueError(f"{path}: not a {FORMAT} file")
        start = len(_MAGIC) + 4
        length = int.from_bytes(data[len(_MAGIC):start], "little")
        try:
            header = json.loads(data[start:start + length].decode("utf-8"))
            self._sections = {name: (int(s["offset"]), int(s["length"]), int(s.get("rows", 0)))
                              for name, s in header["sections"].items()}
            self._block_rows = {name: int(s["block_rows"]) for name, s in header["sections"].items()
                                if "block_rows" in s}
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: damaged {FORMAT} header ({exc})") from None
        self._data = memoryview(data)[start + length:]
        for name, (offset, size, _) in self._sections.items():
            if offset < 0 or size < 0 or offset + size > len(self._data):
                raise ValueError(f"{path}: section {name!r} lies outside the file")

    def _raw(self, name: str) -> memoryview:
        offset, size, _ = self._sections[name]
        return self._data[offset:offset + size]

    def lines(self, name: str) -> list[str]:
        """A small section's lines ([] when the file has no such section)."""
        if name not in self._sections:
            return []
        try:
            return _unpack(self._raw(name))
        except (zlib.error, UnicodeDecodeError) as exc:
            raise ValueError(f"{self.path}: damaged section {name!r} ({exc})") from None

    def blocks(self, name: str) -> "Blocks":
        offsets = array("I")
        offsets.frombytes(self._raw(name + ".offsets"))
        if sys.byteorder != "little":
            offsets.byteswap()
        return Blocks(self, name, self._raw(name), offsets, self._sections[name][2], self._block_rows[name])

    def sorted_blocks(self, name: str) -> "SortedBlocks":
        return SortedBlocks(self.blocks(name), self.lines(name + ".firsts"))


class Blocks:
    """A blocked section as a read-only sequence of lines (``blocks[i]``, ``len``)."""

    def __init__(self, owner: GazFile, name: str, data: memoryview, offsets: array, rows: int,
                 per: int) -> None:
        self._owner, self._name, self._data, self._offsets = owner, name, data, offsets
        self._rows, self._per = rows, per
        self._cache: dict[int, list[str]] = {}

    def block(self, b: int) -> list[str]:
        lines = self._cache.get(b)
        if lines is None:
            lines = self._cache[b] = self.unpack(b)
        return lines

    def unpack(self, b: int) -> list[str]:
        """Block ``b``'s lines, decompressed now (not kept)."""
        try:
            return _unpack(self._data[self._offsets[b]:self._offsets[b + 1]])
        except (zlib.error, UnicodeDecodeError, IndexError) as exc:
            raise ValueError(f"{self._owner.path}: damaged block {b} of {self._name!r} ({exc})") from None

    def __getitem__(self, i: int) -> str:
        if not 0 <= i < self._rows:
            raise IndexError(i)
        return self.block(i // self._per)[i % self._per]

    def __len__(self) -> int:
        return self._rows

    def __iter__(self):
        return (self[i] for i in range(self._rows))


class SortedBlocks:
    """A sorted blocked section of "key\\tvalue" lines (each block stored as its keys, then
    its values): value by key, and whether some key extends a prefix, by binary search over
    the blocks' first keys, then in one block."""

    def __init__(self, blocks: Blocks, firsts: list[str]) -> None:
        self._blocks, self._firsts = blocks, firsts
        self._split: dict[int, tuple[list[str], list[str]]] = {}

    def _block(self, b: int) -> tuple[list[str], list[str]]:
        found = self._split.get(b)
        if found is None:
            lines = self._blocks.unpack(b)
            half = len(lines) // 2
            found = self._split[b] = (lines[:half], lines[half:])
        return found

    def items(self):
        """Every (key, value) in key order."""
        for b in range(len(self._firsts)):
            keys, values = self._block(b)
            yield from zip(keys, values)

    def get(self, key: str, default=None):
        b = bisect.bisect_right(self._firsts, key) - 1
        if b < 0:
            return default
        keys, values = self._block(b)
        i = bisect.bisect_left(keys, key)
        return values[i] if i < len(keys) and keys[i] == key else default

    def has_key_starting(self, prefix: str) -> bool:
        """Whether a key starts with ``prefix`` (and is longer)."""
        b = max(0, bisect.bisect_right(self._firsts, prefix) - 1)
        while b < len(self._firsts):
            keys, _ = self._block(b)
            i = bisect.bisect_right(keys, prefix)
            if i < len(keys):
                return keys[i].startswith(prefix)
            b += 1      # the prefix sorts after this block's last key: the next block's first
        return False

    def __len__(self) -> int:
        return len(self._blocks)
