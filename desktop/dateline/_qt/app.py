"""run_gui: create the QApplication and the main window, optionally opening data."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

# pandas before Qt: once PySide6 is imported, its import hook reads the source of every
# module imported after it (looking for "PySide6"): 0.1-0.2 s of start-up for pandas'
# ~600 modules, none of which use Qt.
import pandas  # noqa: F401,I001
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from dateline._qt import pyside_hook

# Two start-up shortcuts through PySide/pyqtgraph internals (each falls back to the plain
# path when those internals are not as expected); DATELINE_PLAIN_IMPORTS=1 turns both off.
if not os.environ.get("DATELINE_PLAIN_IMPORTS"):
    pyside_hook.speed_up_feature_scan()      # before pyqtgraph and the views are imported
    pyside_hook.import_pyqtgraph()           # without creating every Qt class up front

from dateline import paths as dl_paths  # noqa: E402
from dateline._qt import theme  # noqa: E402
from dateline._qt.worker import call_in_background  # noqa: E402


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        # Fractional scaling (125 %, 150 %) without rounding blur: high-DPI clean.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setOrganizationName("Dateline")
        app.setApplicationName("Dateline")
        app.setApplicationDisplayName("Dateline")
        app.setDesktopFileName("dateline")
    settings = QSettings("Dateline", "Dateline")
    theme.apply(app, str(settings.value("theme", "light")))
    theme.setup_fonts(app)
    try:
        from dateline._qt.icons import app_icon
        app.setWindowIcon(app_icon())
    except (ImportError, OSError):      # an icon is cosmetic; never fail start-up over it
        logging.getLogger(__name__).warning("application icon unavailable", exc_info=True)
    return app


def create_window(paths=None, manifest=None, document=None, settings=None, sample=None):
    """Build the window and start loading: a document (dict or .json path), paths, or the
    bundled sample corpus when nothing is given (``sample=None``: unless
    ``DATELINE_NO_SAMPLE`` is set; ``True``: always, as ``dateline`` with no arguments)."""
    from dateline._qt.main_window import MainWindow
    from dateline.model.store import EventStore

    if document is None and not paths and _wants_sample(sample):
        return _sample_window(settings)
    window = MainWindow(settings=settings)
    if isinstance(document, dict):
        window.load_store(EventStore.from_document(document))
    elif document is not None:
        window.open_paths([Path(document)])
    elif paths:
        window.open_paths([Path(p) for p in paths], Path(manifest) if manifest else None)
    return window


def _wants_sample(sample: bool | None) -> bool:
    if sample is None:       # implicit: only when bundled (a missing one is not an error)
        return dl_paths.bundled_articles_dir().is_dir() and not os.environ.get(
            "DATELINE_NO_SAMPLE")
    return bool(sample)


def _sample_window(settings):
    """The bundled corpus: from its cached merged document when fresh, with the window
    built around the loaded store (no empty store drawn first, no worker round trip),
    else extracted by the worker and cached for next time."""
    from dateline._qt import quick_open
    from dateline._qt.main_window import MainWindow
    from dateline._qt.state import AppState

    folder, manifest = dl_paths.bundled_articles_dir(), dl_paths.bundled_manifest()
    manifest = manifest if manifest.is_file() else None
    hit = quick_open.load(folder, manifest) if folder.is_dir() else None
    window = MainWindow(state=AppState(hit[0]) if hit else None, settings=settings)
    window._source_name = "Sample corpus"
    if hit is None:
        _extract_sample(window, folder, manifest)   # a missing folder is reported there
        return window
    store, fingerprint = hit
    window._on_loaded(store, [])
    # After the first paint, check the rules that made the cache (importing the extractor
    # takes ~0.2 s: done off the GUI thread); re-extract if they changed, unless the user
    # opened something else meanwhile.
    def recheck() -> None:
        call_in_background(lambda: quick_open.is_current(fingerprint), on_checked, window)

    def on_checked(current: bool) -> None:
        if not current and window.state.store is store:
            _extract_sample(window, folder, manifest)
    QTimer.singleShot(500, window, recheck)
    return window


def _extract_sample(window, folder, manifest) -> None:
    from dateline._qt import quick_open
    window.open_paths([folder], manifest)
    window._source_name = "Sample corpus"        # open_paths names it after the folder

    def keep(store) -> None:
        window.state.store_changed.disconnect(keep)
        base = window.project.session.base    # the extraction, not the user's corrections
        quick_open.save(base if base is not None else store, folder, manifest)
    window.state.store_changed.connect(keep)


def run_gui(paths=None, manifest=None, document=None, sample=None) -> int:
    app = make_app()
    window = create_window(paths, manifest, document, sample=sample)
    window.show()
    return app.exec()
