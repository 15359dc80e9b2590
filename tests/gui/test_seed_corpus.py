"""The issue's scenarios on the REAL extraction of the seed corpus, through the real widgets:
clicking Seoul on the map lists Tillerson's Friday statements; Beijing lists Wang Yi's."""
from pathlib import Path

import pandas as pd

FRIDAY = pd.Timestamp("2017-03-17")
DATA = Path(__file__).resolve().parents[2] / "data"
ARTICLES, MANIFEST = DATA / "articles", DATA / "manifest.csv"


def shown_statements(window):
    st = window.state.store.statements.set_index("id")
    return st.loc[window.side_panel.shown_statements]


def test_clicking_seoul_lists_tillersons_friday_statements(seed_window, settle, click_place):
    click_place(seed_window, "Seoul")
    settle(seed_window)
    shown = shown_statements(seed_window)
    tillerson = shown[shown["speaker"].str.contains("Tillerson")]
    friday = tillerson[tillerson["start"] == FRIDAY]
    assert len(friday) >= 1, shown[["speaker", "text", "start"]]
    assert "on the table" in " ".join(friday["text"])      # his Friday warning in Seoul
    assert (shown["place"] == "Seoul").all()
    text = seed_window.side_panel.browser.toPlainText()
    assert "Rex Tillerson" in text and "Fri 17 Mar 2017" in text


def test_clicking_beijing_lists_wang_yis_statements(seed_window, settle, click_place):
    click_place(seed_window, "Beijing")
    settle(seed_window)
    shown = shown_statements(seed_window)
    wang = shown[shown["speaker"].str.contains("Wang Yi")]
    assert len(wang) >= 1, shown[["speaker", "text"]]
    assert (shown["place"] == "Beijing").all()
    assert "Wang Yi" in seed_window.side_panel.browser.toPlainText()


def test_scrubbing_to_friday_changes_map_and_panel(seed_window, qtbot, settle):
    before_places = set(seed_window.state.result.place_counts["place"])
    before_panel = list(seed_window.side_panel.shown_statements)
    seed_window.timeline.set_window(FRIDAY, FRIDAY + pd.Timedelta(days=1))
    settle(seed_window)
    after_places = set(seed_window.map_view.places.places.names)
    assert after_places and after_places <= before_places
    assert seed_window.side_panel.shown_statements != before_panel
    shown = shown_statements(seed_window)
    assert ((shown["start"] <= FRIDAY) & (shown["end"] > FRIDAY)).all()


def test_seed_month_precision_events_are_spans(seed_window):
    data = seed_window.timeline.plots.layout_data
    events = seed_window.state.store.events.set_index("id")
    coarse = [i for i in data.ids if events.loc[i, "precision"] != "day"]
    for i in coarse:
        assert data.is_span[list(data.ids).index(i)]


def test_open_article_shows_quote_in_sentence(seed_window, settle):
    st_id = seed_window.side_panel.shown_statements[0]
    seed_window.side_panel.activate(f"open:statement:{st_id}")
    row = seed_window.state.store.statements.set_index("id").loc[st_id]
    viewer = seed_window.article_viewer
    assert viewer.isVisible()
    assert viewer.highlighted == seed_window.state.store.text_of(row["article"])[
        row["start_char"]:row["end_char"]]


def test_self_test_is_clean_on_seed(seed_window):
    assert seed_window.self_test() == []


def test_open_folder_extracts_in_worker_with_progress(make_window, qtbot):
    window = make_window()
    seen = []
    window.runner.progress.connect(lambda done, total, msg: seen.append((done, total)))
    with qtbot.waitSignal(window.runner.finished, timeout=60000):
        window.open_paths([ARTICLES], MANIFEST)
        assert window.progress.isVisible() and window.cancel_button.isVisible()
    assert len(window.state.store.articles) == 5
    assert len(window.state.store.events) > 0
    assert seen and seen[-1] == (5, 5)
    assert not window.progress.isVisible()
    assert window.self_test() == []


def test_cancel_button_drops_the_running_extraction(make_window, qtbot):
    window = make_window()
    window.open_paths([ARTICLES])
    with qtbot.waitSignal(window.runner.cancelled):
        window.cancel_button.click()
    window.runner.wait()
    qtbot.wait(50)
    assert window.state.store.events.empty             # the stale result was dropped
    assert not window.progress.isVisible()
