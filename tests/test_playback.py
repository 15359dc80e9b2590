import pandas as pd

from dateline.model.playback import (DAY, default_window, follow, play_start, play_step,
                                     play_tick, snap_to_days, span_days)

T = pd.Timestamp
RANGE = (T("2017-02-27"), T("2017-05-01"))


def _whole(window):
    return all(t == t.normalize() for t in window)


def test_play_moves_by_whole_days_and_stops_or_loops_at_the_end():
    step = play_step(RANGE, 1)
    assert step >= DAY and step % DAY == pd.Timedelta(0)
    window = play_start((T("2017-02-27 20:34"), T("2017-03-19 07:20")), RANGE)
    assert _whole(window)
    seen = 0
    while (nxt := play_tick(window, RANGE, step, loop=False)) is not None:
        window = nxt
        assert _whole(window)
        seen += 1
    assert seen > 5 and window[1] >= RANGE[1]
    looped = play_tick(window, RANGE, step, loop=True)
    assert looped[0] == RANGE[0] and looped[1] - looped[0] == window[1] - window[0]


def test_faster_speeds_take_bigger_whole_day_steps():
    long = (T("2019-01-01"), T("2021-01-01"))
    assert play_step(long, 4) > play_step(long, 1) >= DAY


def test_default_window_and_snap_are_whole_days():
    assert _whole(default_window((T("2017-02-27 13:00"), T("2017-05-01"))))
    assert snap_to_days(T("2017-03-01 11:00"), T("2017-03-01 13:00")) == (T("2017-03-01"), T("2017-03-02"))


def test_play_start_at_the_end_restarts_from_the_beginning():
    w = play_start((T("2017-04-25"), T("2017-05-02")), RANGE)
    assert w == (RANGE[0], RANGE[0] + 7 * DAY)


def test_follow_pans_only_when_the_window_leaves_the_view():
    assert follow((0, 100), (10, 20)) is None
    lo, hi = follow((0, 100), (95, 110))
    assert lo <= 95 and hi >= 110 and hi - lo == 100
    lo, hi = follow((0, 100), (-30, -20))
    assert lo <= -30 and hi >= -20
    lo, hi = follow((0, 100), (50, 300))       # a window wider than the view: grow
    assert lo <= 50 and hi >= 300


def test_window_label_never_invents_hours():
    from dateline.model.dates import window_label
    assert window_label((T("2017-02-27 20:34"), T("2017-03-19 07:20"))) == "27 Feb – 19 Mar 2017"
    assert window_label((T("2017-03-01"), T("2017-03-02"))) == "1 Mar 2017"
    assert window_label(None) == "All dates"


def test_dense_span_leaves_background_dates_out():
    import numpy as np
    from dateline.model.lanes import dense_span
    day = 86400.0
    news = 1.55e9 + np.arange(200) * 3 * day               # 2019-2020, every third day
    background = np.array([-2.0e9, -0.9e9, 0.0])           # 1906, 1941, 1970
    lo, hi = dense_span(np.concatenate([background, news]), share=0.95)
    assert lo >= news[0] and hi <= news[-1] and hi - lo > 0.8 * (news[-1] - news[0])
    assert dense_span(np.array([]), 0.9) is None


def test_ranges_past_292_years_do_not_overflow():
    rng = (pd.Timestamp("1700-01-01"), pd.Timestamp("2030-01-01"))
    assert span_days(rng) == (rng[1].to_pydatetime() - rng[0].to_pydatetime()).days
    start, end = default_window(rng)
    assert start == rng[0] and 32 * 365 < (end - start).days < 34 * 365
    assert play_step(rng, 1).days == round(span_days(rng) / 400)
