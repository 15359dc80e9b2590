"""Clicking a place lists all its events and statements, each statement under its event."""
import pandas as pd


def test_place_lists_every_event_there_with_its_statements(seed_window, settle, click_place):
    click_place(seed_window, "Beijing")
    settle(seed_window)
    result = seed_window.state.result
    text = seed_window.side_panel.browser.toPlainText()
    assert f"Events here ({len(result.events)})".upper() in text.upper()
    for summary in result.events["summary"]:
        assert summary in text                         # every event at the place is reachable
    statements = result.statements.set_index("id")
    while len(seed_window.side_panel.shown_statements) < len(statements):   # a page at a time
        assert "Show more" in text
        seed_window.side_panel.activate("more:statements")
        seed_window.side_panel.flush()
        text = seed_window.side_panel.browser.toPlainText()
    shown = seed_window.side_panel.shown_statements
    assert set(shown) == set(statements.index)          # no statement at the place is lost
    # Grouping: each linked statement's quote appears after its event's summary.
    summaries = dict(zip(result.events["id"], result.events["summary"]))
    grouped = 0
    for sid in shown:
        event_id = statements.loc[sid, "event"]
        if event_id in summaries:
            quote = statements.loc[sid, "text"][:30]
            assert text.find(summaries[event_id]) < text.find(quote, text.find(summaries[event_id]))
            grouped += 1
    assert grouped >= 2


def test_without_a_place_the_panel_is_not_grouped(seed_window):
    text = seed_window.side_panel.browser.toPlainText().upper()
    assert "EVENTS HERE" not in text and "STATEMENTS (" in text


def test_undated_quotes_show_when_they_were_reported(seed_window, settle):
    import pandas as pd
    day = pd.Timestamp("2017-03-18")
    from PySide6.QtCore import QUrl
    seed_window.timeline.set_window(day, day + pd.Timedelta(days=1))
    settle(seed_window)
    for _ in range(5):                          # "Show more" until the day's list is all there
        seed_window.side_panel.browser.anchorClicked.emit(QUrl("more:statements"))
    shown = seed_window.state.store.statements.set_index("id").loc[
        seed_window.side_panel.shown_statements]
    assert shown["start"].isna().any()          # undated quotes reported that day are listed
    assert "undated · reported Sat 18 Mar 2017" in seed_window.side_panel.browser.toPlainText()


def test_another_place_opens_the_panel_at_the_top(seed_window, settle, click_place):
    panel = seed_window.side_panel
    click_place(seed_window, "Beijing")
    settle(seed_window)
    bar = panel.browser.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    click_place(seed_window, "Seoul")
    settle(seed_window)
    assert bar.value() == 0


def test_a_picked_event_shows_once(seed_window, settle, click_place):
    click_place(seed_window, "Beijing")
    settle(seed_window)
    event_id = seed_window.side_panel.shown_events[0]
    seed_window.state.update(event=event_id)
    settle(seed_window)
    panel = seed_window.side_panel
    assert event_id not in panel.shown_events          # not again under "Events here"
    html = panel.browser.toHtml()
    assert html.count("Selected event") == 1
    summary = seed_window.state.store.event(event_id)["summary"]
    assert panel.browser.toPlainText().count(summary) == 1


def test_more_sources_is_a_link_that_expands(make_window, settle):
    from dateline.model.store import EventStore
    mentions = [{"article": f"a{i}", "start": 0, "end": 4, "text": "Talk"} for i in range(6)]
    doc = {"schema": "dateline/1", "statements": [],
           "articles": [{"id": f"a{i}", "published": "2019-05-01"} for i in range(6)],
           "events": [{"id": "e1", "type": "meeting", "summary": "Talks", "actors": ["A"],
                       "date_start": "2019-05-01", "date_end": "2019-05-01", "precision": "day",
                       "mentions": mentions}]}
    window = make_window(EventStore.from_document(doc))
    settle(window)
    panel = window.side_panel
    html = panel.browser.toHtml()
    assert "sources:e1" in html and "3 more sources" in html
    assert "open:mention:e1:5" not in html
    panel.activate("sources:e1")
    html = panel.browser.toHtml()
    assert "open:mention:e1:5" in html and "more sources" not in html


def test_the_heading_follows_a_drag(make_window, synthetic_store, settle):
    """Drag steps: the body waits for the pause, the heading follows within
    TITLE_EVERY_S, so it never names another range than the map and list for long."""
    from dateline._qt.panel.side_panel import TITLE_EVERY_S
    from dateline.model.dates import window_label
    window = make_window(synthetic_store)
    settle(window)
    panel = window.side_panel
    rng = window.state.store.time_range()
    start = rng[0].normalize()
    for k in range(3):
        w = (start + pd.Timedelta(days=7 * k), start + pd.Timedelta(days=7 * k + 10))
        window.state.update(window=w, live=True)
        assert panel._timer.isActive()             # the body is still deferred
        panel._title_at -= TITLE_EVERY_S            # that long since the last heading
        window.state.update(window=(w[0], w[1] + pd.Timedelta(days=1)), live=True)
        assert window_label((w[0], w[1] + pd.Timedelta(days=1))) in panel.title.text()
