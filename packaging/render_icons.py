"""Render resources/icons/dateline.svg to the PNG sizes desktops ask for.

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py

Uses Qt's own SVG renderer (QtSvg, part of PySide6-Essentials), so no extra tools are needed.
Writes resources/icons/dateline-<N>.png for each size in SIZES.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def render_png(svg_path: Path, size: int, out_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        raise ValueError(f"{svg_path}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out_path), "PNG"):
        raise OSError(f"{out_path}: could not write PNG")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    svg = ICONS_DIR / "dateline.svg"
    for size in SIZES:
        out = ICONS_DIR / f"dateline-{size}.png"
        render_png(svg, size, out)
        print(f"wrote {out.relative_to(ICONS_DIR.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
