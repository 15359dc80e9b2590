"""A new page in the side panel is laid out once: the text area keeps its size (no scroll
bar appearing and going while setHtml empties and refills the document)."""
from PySide6.QtCore import QEvent, QObject

from dateline._qt.panel.side_panel import SidePanel
from dateline._qt.state import AppState


class _Resizes(QObject):
    def __init__(self):
        super().__init__()
        self.n = 0

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        self.n += event.type() == QEvent.Type.Resize
        return False


def test_a_new_page_does_not_resize_the_text_area(qtbot, synthetic_store):
    panel = SidePanel(AppState(synthetic_store))
    qtbot.addWidget(panel)
    panel.resize(420, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.flush()
    resizes = _Resizes()
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
