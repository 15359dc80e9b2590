"""File-facing helpers for the main window: drops, export dialogs, PNG saving, problems."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from dateline.atomic import write_bytes_atomic
from dateline.model.dates import plural

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".json"}
EXPORT_FILTERS = {"CSV (*.csv)": ".csv", "JSON (*.json)": ".json",
                  "GeoJSON (*.geojson)": ".geojson"}


def warn(parent: QWidget, title: str, text: str) -> None:
    """A warning that shows ``text`` literally: message boxes auto-detect rich text, and a
    file name may look like markup, so it is escaped inside an explicit paragraph."""
    QMessageBox.warning(parent, title, f"<p>{html.escape(text)}</p>")


def is_parquet_cache(path: Path) -> bool:
    """A Dateline Parquet cache folder (``meta.json`` naming the cache schema, or beside
    the cache tables, so a damaged one still reaches the cache reader's message)."""
    meta = Path(path) / "meta.json"
    if not (Path(path).is_dir() and meta.is_file()):
        return False
    if (Path(path) / "events.parquet").is_file():
        return True
    try:
        with open(meta, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return b"dateline-cache/" in head


def local_paths(mime: QMimeData) -> list[Path]:
    """Local folders and files from a drag (remote URLs are ignored: we stay offline)."""
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() in ARTICLE_SUFFIXES]


def export_events_dialog(parent: QWidget, result, folder: str, articles=None) -> str | None:
    from dateline.model.export import export_events   # on use: not needed at start-up
    if result.events.empty:
        QMessageBox.information(parent, "Export events", "No events match the current filters.")
        return None
    path, chosen = QFileDialog.getSaveFileName(parent, "Export filtered events",
                                               str(Path(folder) / "events.csv"),
                                               ";;".join(EXPORT_FILTERS))
    if not path:
        return None
    if Path(path).suffix.lower() not in EXPORT_FILTERS.values():
        path += EXPORT_FILTERS.get(chosen, ".csv")
    try:
        export_events(result.events, path, result.statements, articles)
    except (OSError, ValueError) as exc:
        warn(parent, "Export failed", f"{path}: {exc}")
        return None
    parent.statusBar().showMessage(f"Exported {plural(len(result.events), 'event')} and "
                                   f"{plural(len(result.statements), 'statement')} to {path}", 6000)
    return path


def widget_png(widget: QWidget) -> bytes:
    buffer = QBuffer(data := QByteArray())
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = widget.grab().save(buffer, "PNG")
    buffer.close()
    if not ok:
        raise OSError("could not render the image")
    return bytes(data)


def save_widget_png(parent: QWidget, widget: QWidget, path: str) -> bool:
    try:
        if hasattr(widget, "export_png"):
            if not widget.export_png(path):
                raise OSError("could not render the image")
        else:
            write_bytes_atomic(path, widget_png(widget))
    except OSError as exc:
        warn(parent, "Export failed", f"{path}: {exc}")
        return False
    parent.statusBar().showMessage(f"Saved {path}", 6000)
    return True


def show_problems(parent: QWidget, problems: list[str]) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("Problems while reading")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setText(f"{plural(len(problems), 'file')} could not be read.")
    box.setDetailedText("\n".join(problems))
    box.exec()
