"""A file that could not be read (fully), and names that can always be shown."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", shown_path(self.path))
        object.__setattr__(self, "message", shown_path(self.message))

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"



def shown_path(name: str | os.PathLike) -> str:
    """A file name that can be printed, shown and written as UTF-8 JSON.

    Names that are not UTF-8 on disk (an old zip's Windows-1252 "caf\xe9.txt") reach Python
    as lone surrogates, which no UTF-8 writer accepts: decode their bytes as Windows-1252."""
    text = str(name)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join(_unsurrogate(ch) for ch in text)


def _unsurrogate(ch: str) -> str:
    if "\udc80" <= ch <= "\udcff":          # an undecodable byte, escaped by the OS layer
        return bytes([ord(ch) - 0xDC00]).decode("cp1252", "replace")
    return "\ufffd" if "\ud800" <= ch <= "\udfff" else ch
