"""Drawing primitives shared by the map and the timeline (fast scatter, paint cache, steady labels)."""
