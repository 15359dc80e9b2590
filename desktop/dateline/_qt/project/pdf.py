"""HTML to PDF through Qt's own text layout (``QTextDocument`` + ``QPdfWriter``).

The briefing's HTML is self-contained (images as ``data:`` URLs, which QTextDocument
loads itself), so the PDF needs nothing beside it; the write goes to a temp file renamed
over the target, so a failed export never leaves half a PDF.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from dateline.atomic import replacing

# CSS pixels are 1/96 inch: at the PDF's own 96 dpi the briefing's px font sizes and image
# widths keep their size on paper (at 300 dpi the text came out ~4 pt and the images ran
# past the margin). Text stays vector and images keep their own pixels at any setting.
RESOLUTION = 96


def _document(html_text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setHtml(html_text)
    return doc


def write_pdf(html_text: str, path: str | os.PathLike) -> Path:
    """Print ``html_text`` to an A4 PDF at ``path`` (atomically); returns the path."""
    with replacing(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(15, 15, 15, 15),
                                         QPageLayout.Unit.Millimeter))
        writer.setTitle("Dateline briefing")
        writer.setCreator("Dateline")
        _document(html_text).print_(writer)
        del writer                           # flushes and closes the file
        if tmp.stat().st_size == 0:
            raise OSError("Qt wrote an empty PDF")
    return Path(path)


def preview_pages(html_text: str, width: int = 794, height: int = 1123,
                  limit: int = 3) -> list[QImage]:
    """The first pages as the PDF lays them out (A4 at 96 dpi), to look at in tests."""
    doc = _document(html_text)
    doc.setPageSize(QSizeF(width, height))
    pages = []
    for n in range(min(doc.pageCount(), limit)):
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        painter = QPainter(image)
        painter.translate(0, -n * height)
        doc.drawContents(painter, QRectF(0, n * height, width, height))
        painter.end()
        pages.append(image)
    return pages
