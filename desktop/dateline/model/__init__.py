"""Event data model: pandas frames, fast selection queries, the immutable Selection (Qt-free)."""
from dateline.model.selection import Selection
from dateline.model.store import EventStore, QueryResult

__all__ = ["EventStore", "QueryResult", "Selection"]
