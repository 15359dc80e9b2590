"""``python -m dateline.evaluation [--only NAME,...] [--limit N]``: print every section."""
from __future__ import annotations

import argparse
import sys
import time

from . import eval_attribution, eval_events, eval_syntax, eval_temporal, eval_toponyms
from .common import corpora_dir

# Each section module has ``main(corpora: Path, limit: int | None) -> None`` that prints
# its tables (development part, held-out part, and the sample corpus where it applies).
# Imported by name here, never looked up from a string.
SECTIONS: dict = {"temporal": eval_temporal, "toponyms": eval_toponyms,
                  "attribution": eval_attribution, "syntax": eval_syntax,
                  "events": eval_events}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.evaluation")
    parser.add_argument("--only", default="", help="comma-separated sections: " + ", ".join(SECTIONS))
    parser.add_argument("--limit", type=int, default=None, help="at most N documents per part")
    args = parser.parse_args(argv)
    corpora = corpora_dir()
    if corpora is None:
        print("no corpora: ../shared/corpora is absent (set DATELINE_CORPORA)")
        return 0
    wanted = [s for s in args.only.split(",") if s] or list(SECTIONS)
    for name in wanted:
        if name not in SECTIONS:
            parser.error(f"unknown section {name!r}")
        t0 = time.perf_counter()
        print(f"== {name}")
        SECTIONS[name].main(corpora, args.limit)
        print(f"({name}: {time.perf_counter() - t0:.1f} s)\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
