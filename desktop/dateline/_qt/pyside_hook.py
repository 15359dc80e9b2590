"""A cheaper answer to PySide6's per-import question "does this module use PySide6?".

Why: once PySide6 is imported, its import hook (``shibokensupport.feature``) asks that of
every module imported afterwards, by ``inspect.getsource`` (linecache, tokenize, and the
whole source kept in ``linecache`` for good). At start-up that is ~300 modules (pyqtgraph,
our views): ~3 % of the cold start. Reading the file's bytes answers the same question
(the answer is whether the text "PySide6" occurs in the source) for a fraction of the cost.

Only the answer's cost changes: anything but a readable ``.py`` file goes to PySide's own
check, and if PySide's internals are not where we expect them nothing is changed at all.
"""
from __future__ import annotations

import sys

_MARK = "_dateline_fast_scan"


def _fast(original):
    def mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as handle:
                    return b"PySide6" in handle.read()
            except OSError:
                pass
        return original(module)
    setattr(mod_uses_pyside, _MARK, True)
    mod_uses_pyside.__wrapped__ = original
    return mod_uses_pyside


def speed_up_feature_scan() -> bool:
    """Install the cheaper check (idempotent); False when PySide's hook is not there."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original):
        return False
    if not getattr(original, _MARK, False):
        feature._mod_uses_pyside = _fast(original)
    return True
