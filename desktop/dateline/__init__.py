"""Dateline: explore what happened, who said what, when and where, in news articles.

Layers (napari-style):
- ``dateline.corpus``  reading articles and manifests (Qt-free)
- ``dateline.extract`` articles -> statements, events (Qt-free, pure functions)
- ``dateline.model``   event store, queries and selection state (pandas, Qt-free)
- ``dateline.geo``     map data (Natural Earth TopoJSON decoding, projection; Qt-free)
- ``dateline._qt``     the PySide6/pyqtgraph views and the one module wiring them
"""

__version__ = "0.1.0"
SCHEMA = "dateline/1"
