"""A new page in the side panel is laid out once: the text area keeps its size (no scroll
bar appearing and going while setHtml empties and refills the document)."""
from PySide6.QtCore import QEvent, QObject

from dateline._qt.panel.side_panel import SidePanel
from dateline._qt.state import AppState


class _Count(QObject):
    """Counts the events of one type an object receives."""

    def __init__(self, kind: QEvent.Type):
        super().__init__()
        self.kind, self.n = kind, 0

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        self.n += event.type() == self.kind
        return False


def test_a_new_page_does_not_resize_the_text_area(qtbot, synthetic_store):
    panel = SidePanel(AppState(synthetic_store))
    qtbot.addWidget(panel)
    panel.resize(640, 500)      # wide: the heading keeps its two lines
    panel.show()
    qtbot.waitExposed(panel)
    panel.flush()
    qtbot.wait(20)                      # the heading's first wrap at the shown width
    resizes = _Count(QEvent.Type.Resize)
    panel.browser.viewport().installEventFilter(resizes)
    store = panel.state.store
    start = store.events["start"].min()
    for days in (3, 40, 9, 120):
        panel.state.update(window=(start, start + (store.events["start"].max() - start) * days
                                   / 400))
        panel.flush()
        qtbot.wait(1)
    assert resizes.n == 0
    assert panel.browser.verticalScrollBar().isVisible()


def test_the_heading_asks_for_a_layout_only_when_its_height_changes(qtbot):
    from PySide6.QtWidgets import QVBoxLayout, QWidget
    from dateline._qt.common.steady_rich_label import SteadyRichLabel
    host = QWidget()
    qtbot.addWidget(host)
    label = SteadyRichLabel(host)
    QVBoxLayout(host).addWidget(label)
    host.resize(300, 200)
    host.show()
    qtbot.waitExposed(host)
    label.setText("<b>All places</b> · 3 Mar 2017<br>5 statements")
    qtbot.wait(10)
    requests = _Count(QEvent.Type.LayoutRequest)
    host.installEventFilter(requests)
    for n in range(6, 12):                                    # same two lines, new text
        label.setText(f"<b>All places</b> · {n} Mar 2017<br>{n} statements")
        qtbot.wait(1)
    assert requests.n == 0 and "11 statements" in label.plain_text()
    label.setText("<b>" + "A very long place name " * 4 + "</b><br>1 statement")   # wraps
    qtbot.wait(10)
    assert requests.n >= 1 and label.height() > 40


def _long_and_short_store():
    """12 events and statements running all year (the first page of every window), and
    one short event and statement a day: a window step changes only the counts."""
    import pandas as pd
    from dateline.model.store import EventStore
    text = "Wang Yi said the talks went well. " * 4
    days = [str(d.date()) for d in pd.date_range("2017-01-01", "2017-12-31", freq="D")]
    spans = [("2017-01-01", "2017-12-31")] * 12 + [(d, d) for d in days]
    mention = [{"article": "a", "start": 0, "end": 7, "text": "Wang Yi"}]
    events = [{"id": f"e{i}", "type": "meeting", "summary": f"Talks {i}", "actors": [],
               "date_start": a, "date_end": b, "precision": "range" if a != b else "day",
               "mentions": mention} for i, (a, b) in enumerate(spans)]
    statements = [{"id": f"s{i}", "speaker": "Wang Yi", "text": "the talks went well",
                   "direct": False, "article": "a", "start": 12, "end": 31,
                   "sentence_start": 0, "sentence_end": 33, "date_start": a, "date_end": b,
                   "precision": "range" if a != b else "day", "place": None, "event": None}
                  for i, (a, b) in enumerate(spans)]
    doc = {"schema": "dateline/1", "articles": [{"id": "a", "published": "2017-12-31"}],
           "events": events, "statements": statements}
    return EventStore.from_document(doc, texts={"a": text})


def test_a_step_that_changes_only_the_counts_edits_them_in_place(qtbot):
    """Scrubbing under long-running events keeps the same entries: the page's counts
    are edited in place (a new setHtml cost ~10 ms at 1M events), and the text is what
    a fresh render shows, as the numbers grow from 1 to 3 digits and shrink back."""
    import pandas as pd
    state = AppState(_long_and_short_store())
    panel = SidePanel(state)
    qtbot.addWidget(panel)
    panel.resize(500, 600)
    panel.show()
    qtbot.waitExposed(panel)
    start = pd.Timestamp("2017-03-01")
    state.update(window=(start, start + pd.Timedelta(days=1)))
    panel.flush()
    calls = []
    real = panel.browser.setHtml
    panel.browser.setHtml = lambda html: calls.append(1) or real(html)
    for days in (3, 40, 200, 9, 1, 120):
        state.update(window=(start, start + pd.Timedelta(days=days)), live=True)
        panel.flush()
        fresh = SidePanel(state)
        qtbot.addWidget(fresh)
        assert panel.browser.toPlainText() == fresh.browser.toPlainText(), days
        assert f"Statements ({state.result.n_statements})" in panel.browser.toPlainText()
    assert calls == []
    state.update(window=(pd.Timestamp("2018-02-01"), pd.Timestamp("2018-02-05")))
    panel.flush()
    assert calls, "other entries (none here): a new page"
