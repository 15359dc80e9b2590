"""The Dateline application icon (resources/icons), for windows and the task bar.

    from dateline._qt.icons import app_icon
    QApplication.setWindowIcon(app_icon())
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from dateline import paths

PNG_SIZES = (16, 32, 48, 64, 128, 256)


def icons_dir() -> Path:
    return paths.resources_dir() / "icons"


def icon_path(size: int | None = None) -> Path:
    """The scalable SVG icon, or the pre-rendered PNG of ``size`` pixels."""
    if size is None:
        return icons_dir() / "dateline.svg"
    if size not in PNG_SIZES:
        raise ValueError(f"no {size}px icon; sizes are {PNG_SIZES}")
    return icons_dir() / f"dateline-{size}.png"


def app_icon() -> QIcon:
    """A QIcon with every PNG size (crisp at small sizes), plus the SVG when QtSvg can load it."""
    icon = QIcon()
    for size in PNG_SIZES:
        png = icon_path(size)
        if png.is_file():
            icon.addFile(str(png))
    if icon.isNull() and icon_path().is_file():
        icon.addFile(str(icon_path()))   # PNGs missing: fall back to the scalable source
    return icon
