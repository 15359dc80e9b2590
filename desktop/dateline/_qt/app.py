"""run_gui: create the QApplication and the main window, optionally opening data."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from dateline import paths as dl_paths
from dateline._qt import theme


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


def create_window(paths=None, manifest=None, document=None, settings=None):
    """Build the window and start loading: a document (dict or .json path), paths, or the
    bundled sample corpus when nothing is given."""
    from dateline._qt.main_window import MainWindow
    from dateline.model.store import EventStore

    window = MainWindow(settings=settings)
    if isinstance(document, dict):
        window.load_store(EventStore.from_document(document))
    elif document is not None:
        window.open_paths([Path(document)])
    elif paths:
        window.open_paths([Path(p) for p in paths], Path(manifest) if manifest else None)
    elif dl_paths.bundled_articles_dir().is_dir() and not os.environ.get("DATELINE_NO_SAMPLE"):
        _open_sample(window)
    return window


def _open_sample(window) -> None:
    """The bundled corpus: from its cached merged document when fresh (no worker round
    trip: a faster cold start), else extracted by the worker and cached for next time."""
    from dateline._qt import quick_open
    folder, manifest = dl_paths.bundled_articles_dir(), dl_paths.bundled_manifest()
    manifest = manifest if manifest.is_file() else None
    hit = quick_open.load(folder, manifest)
    window._source_name = "Sample corpus"
    if hit is None:
        _extract_sample(window, folder, manifest)
        return
    store, fingerprint = hit
    window._on_loaded(store, [])

    def recheck() -> None:          # after the first paint: it imports the extractor
        if not quick_open.is_current(fingerprint) and window.state.store is store:
            _extract_sample(window, folder, manifest)
    QTimer.singleShot(500, window, recheck)


def _extract_sample(window, folder, manifest) -> None:
    from dateline._qt import quick_open
    window.open_paths([folder], manifest)
    window._source_name = "Sample corpus"        # open_paths names it after the folder

    def keep(store) -> None:
        window.state.store_changed.disconnect(keep)
        quick_open.save(store, folder, manifest)
    window.state.store_changed.connect(keep)


def run_gui(paths=None, manifest=None, document=None) -> int:
    app = make_app()
    window = create_window(paths, manifest, document)
    window.show()
    return app.exec()
