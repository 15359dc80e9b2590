"""Map data for the regional map (Qt-free).

- ``topojson``: a small TopoJSON decoder (quantized, delta-encoded arcs; polygons; mesh).
- ``clip``: bounding boxes, vectorised ring/polyline clipping, label points.
- ``basemap``: Natural Earth land / coastline / borders from ``resources/map``, clipped
  and cached (50m for East Asia, 110m for the world).
- ``projection``: equirectangular, true scale at 35°N, Pacific-centred (150°E).
"""
