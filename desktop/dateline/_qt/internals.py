"""The library internals Dateline relies on, in one list, and the versions they were
tested with.

Speed comes partly from reaching past pyqtgraph's and PySide's public API. Each entry
names what is relied on, where, and the test that fails if it changes; every one also
falls back or is pinned. ``tests/gui/test_internals.py`` fails on a pyqtgraph or PySide6
version not listed in ``TESTED``: run the listed tests on the new version, then add it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Internal:
    library: str
    what: str
    where: str
    guarded_by: str      # the test (file::name) that fails when the internal changes


RELIED_ON = (
    Internal("pyqtgraph", "ScatterPlotItem.setData calls prepareGeometryChange and "
             "invalidate (partial marker repaints hook in there)", "_qt/common/scatter.py MarkerScatter",
             "tests/gui/test_fast_items.py::test_marker_scatter_repaints_just_the_changed_markers_and_right"),
    Internal("pyqtgraph", "ScatterPlotItem replaces its `bounds` list whenever the bounds change "
             "(its identity keys the bounding-rect cache)", "_qt/common/scatter.py Scatter",
             "tests/gui/test_fast_items.py::test_scatter_bounds_are_cached_yet_follow_data_sizes_and_zoom"),
    Internal("pyqtgraph", "InfiniteLine.p holds the line's position (the window region moves "
             "its lines without the per-line signal path)", "_qt/timeline/window_region.py WindowRegion",
             "tests/gui/test_scrub_step.py::test_partial_repaints_leave_what_a_full_repaint_shows"),
    Internal("pyqtgraph", "pyqtgraph.Qt's mirror modules are empty files that can be stood in "
             "for at import", "_qt/pyside_hook.py import_pyqtgraph",
             "tests/gui/test_app_pyqtgraph_import.py::test_only_empty_mirror_files_are_stood_in_for"),
    Internal("PySide6", "the feature-scan import hook PySide installs (replaced by a cheaper "
             "check with the same answers)", "_qt/pyside_hook.py speed_up_feature_scan",
             "tests/gui/test_app_pyside_hook.py::test_same_answers_as_pyside"),
    Internal("PySide6", "6.12.0 aborts on Python 3.11 after a few hundred repaints "
             "(none_dealloc): 6.11.3 there", "pyproject.toml pin",
             "tests/gui/test_repaint_regression.py"),
)

# Versions every test above passed with; another version fails tests/gui/test_internals.py
TESTED = {
    "pyqtgraph": ("0.14.0",),
    "PySide6": ("6.11.3", "6.12.0"),
}
