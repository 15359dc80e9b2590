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
