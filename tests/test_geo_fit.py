from dateline.geo.basemap import HOME_FRAME
from dateline.geo.fit import bulk_box, is_worldwide


def test_a_korea_corpus_with_one_washington_mention_stays_in_east_asia():
    lat = [39.9, 37.57, 35.68, 39.02, 38.9]
    lon = [116.4, 126.98, 139.69, 125.75, -77.04]
    box = bulk_box(lat, lon, [19, 8, 6, 5, 2])
    assert box.contains(116.4, 39.9) and box.contains(139.69, 35.68)
    assert not box.contains(-77.04 + 360, 38.9)       # Washington in the map's frame
    assert not is_worldwide(box)


def test_hanoi_and_manila_are_framed_there():
    box = bulk_box([21.03, 14.6], [105.85, 120.98], [1, 1])
    assert box.contains(105.85, 21.03) and box.contains(120.98, 14.6)
    assert not HOME_FRAME.contains_box(box)
    assert box.east - box.west < 40


def test_worldwide_places_give_the_world_and_nothing_located_gives_none():
    box = bulk_box([48.85, 40.7, -33.9, 35.7], [2.35, -74.0, 151.2, 139.7], [3, 3, 3, 3])
    assert is_worldwide(box)
    assert bulk_box([float("nan")], [float("nan")], [1]) is None


def test_one_place_gets_a_region_not_a_street():
    box = bulk_box([51.5], [-0.12], [4])
    assert box.east - box.west >= 24 and box.north - box.south >= 14


def test_mostly_inside():
    from dateline.geo.fit import mostly_inside
    assert mostly_inside(bulk_box([37.57, 35.68], [126.98, 139.69], [1, 1]), HOME_FRAME)
    assert not mostly_inside(bulk_box([21.03, 14.6], [105.85, 120.98], [1, 1]), HOME_FRAME)
