"""Which items the user starred or tagged, as item ids of one store (Qt-free).

The project keys stars and tags by article text and span (``model.project``); resolved
against a document they become these id sets, which the store's "Starred" and tag filters
read (``Selection.starred`` / ``Selection.tags``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True, eq=False)
class Marks:
    starred: frozenset[str] = frozenset()                 # event and statement ids
    tags: Mapping[str, frozenset[str]] = field(default_factory=dict)   # tag -> ids

    def __post_init__(self):
        object.__setattr__(self, "starred", frozenset(self.starred))
        object.__setattr__(self, "tags", MappingProxyType(
            {tag: frozenset(ids) for tag, ids in sorted(self.tags.items())}))

    def wanted(self, starred: bool, tags) -> frozenset[str] | None:
        """Ids passing a "Starred" filter and/or a tag filter (any of ``tags``); None when
        neither filter is on."""
        if not starred and not tags:
            return None
        with_tags = frozenset().union(*(self.tags.get(t, ()) for t in tags)) if tags else None
        if starred and with_tags is not None:
            return self.starred & with_tags
        return self.starred if starred else with_tags

    def is_starred(self, item_id: str) -> bool:
        return item_id in self.starred

    def tags_of(self, item_id: str) -> tuple[str, ...]:
        return tuple(t for t, ids in self.tags.items() if item_id in ids)


NO_MARKS = Marks()
