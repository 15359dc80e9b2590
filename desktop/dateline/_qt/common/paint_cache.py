"""Shared setting for the views' item caches (``QGraphicsItem.DeviceCoordinateCache``).

The timeline and the map repaint on every scrub step; their static layers (base map,
faded events, axes and grids) are blitted from cached pixmaps instead of being redrawn.
Those pixmaps live in Qt's global ``QPixmapCache``, whose default 10 MB holds only two
view-sized layers at full HD: when it overflows, every repaint re-renders them.
"""
from __future__ import annotations

from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QGraphicsItem

PIXMAP_CACHE_KB = 128 * 1024     # ~12 view-sized layers at 4K


def cache_static(*items: QGraphicsItem) -> None:
    """Render each item once into a device pixmap, re-rendered only when it changes
    (``update()``/new data) or the view is zoomed."""
    if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
        QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
