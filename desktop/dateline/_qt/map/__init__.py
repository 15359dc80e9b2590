"""The map: a pyqtgraph view of Natural Earth coastlines with place markers, edges and labels."""
