"""Greedy screen-space clustering of map markers (Qt-free)."""
import numpy as np

from dateline.geo.cluster import greedy_clusters


def test_close_points_join_the_heaviest_and_far_ones_stay_alone():
    x = np.array([0.0, 10.0, 200.0, 15.0])
    y = np.array([0.0, 0.0, 0.0, 5.0])
    leader = greedy_clusters(x, y, weight=[1, 5, 3, 2], radius=22)
    assert leader.tolist() == [1, 1, 2, 1]         # the heaviest near point leads


def test_zooming_in_splits_a_cluster():
    x, y, w = np.array([0.0, 10.0]), np.zeros(2), np.array([2, 1])
    assert greedy_clusters(x, y, w, radius=22).tolist() == [0, 0]
    assert greedy_clusters(x * 4, y * 4, w, radius=22).tolist() == [0, 1]   # 4x closer


def test_alone_and_unlocated_points_are_never_merged():
    x = np.array([0.0, 1.0, np.nan, 2.0])
    y = np.zeros(4)
    leader = greedy_clusters(x, y, [3, 2, 1, 0], radius=22, alone=[False, True, False, False])
    assert leader.tolist() == [0, 1, 2, 0]


def test_ties_are_broken_by_index_and_the_result_is_deterministic():
    rng = np.random.default_rng(3)
    x, y = rng.uniform(0, 300, 400), rng.uniform(0, 300, 400)
    w = rng.integers(0, 3, 400)
    a = greedy_clusters(x, y, w)
    assert np.array_equal(a, greedy_clusters(x, y, w))
    leaders = np.unique(a)
    assert np.array_equal(a[leaders], leaders)       # leaders lead themselves
    # no two leaders within the radius of each other would have been left apart
    # unless one was taken first: every member is within the radius of its leader
    assert (np.hypot(x - x[a], y - y[a]) <= 22.0 + 1e-9).all()
