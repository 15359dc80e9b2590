"""Shared by the evaluation sections: where the corpora are, the dev/held-out split, tables."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
HELDOUT_PERCENT = 20


def corpora_dir() -> Path | None:
    """``$DATELINE_CORPORA`` or ``../shared/corpora`` beside the checkout; None if absent."""
    env = os.environ.get("DATELINE_CORPORA")
    path = Path(env) if env else REPO.parent / "shared" / "corpora"
    return path if path.is_dir() else None


def split_of(name: str) -> str:
    """"heldout" for a stable ~20 % of document names, "dev" for the rest.

    A hash of the name, not Python's ``hash()``: the same under any PYTHONHASHSEED and
    on any machine, so the held-out part never drifts into tuning."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return "heldout" if int.from_bytes(digest[:4], "big") % 100 < HELDOUT_PERCENT else "dev"


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def format_table(title: str, columns: list[str], rows: list[list]) -> str:
    """A plain fixed-width table; floats print with three decimals."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) if cells else len(c)
              for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths))
    out = [title, line, "-" * len(line)]
    out += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    return "\n".join(out)


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
