"""Clicking a place lists all its events and statements, each statement under its event."""


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
    seed_window.timeline.set_window(day, day + pd.Timedelta(days=1))
    settle(seed_window)
    shown = seed_window.state.store.statements.set_index("id").loc[
        seed_window.side_panel.shown_statements]
    assert shown["start"].isna().any()          # undated quotes reported that day are listed
    assert "undated · reported Sat 18 Mar 2017" in seed_window.side_panel.browser.toPlainText()
