"""The internals list is complete enough to act on, and the installed libraries are
versions it was tested with (a new version must be checked, then listed)."""
from __future__ import annotations

from pathlib import Path

import PySide6
import pyqtgraph

from dateline._qt.internals import RELIED_ON, TESTED

ROOT = Path(__file__).resolve().parents[2]


def test_installed_versions_were_tested():
    assert pyqtgraph.__version__ in TESTED["pyqtgraph"], (
        f"pyqtgraph {pyqtgraph.__version__} is untested: run the tests named in "
        "dateline/_qt/internals.py, then add it to TESTED")
    assert PySide6.__version__ in TESTED["PySide6"], (
        f"PySide6 {PySide6.__version__} is untested: see dateline/_qt/internals.py")


def test_every_guard_names_an_existing_test():
    for item in RELIED_ON:
        path, _, name = item.guarded_by.partition("::")
        text = (ROOT / path).read_text(encoding="utf-8")
        assert not name or f"def {name}(" in text, item
