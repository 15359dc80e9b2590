"""The plot items that replace pyqtgraph's slow paths on a scrub step must behave like
the originals: same bounds (cached, but never stale) and the same pixels."""
import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from dateline._qt.common.scatter import Scatter
from dateline._qt.timeline.strip_image import StripImage


def _rect(r: QRectF):
    return (r.left(), r.top(), r.width(), r.height())


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    return widget


def _fresh(item):
    return pg.ScatterPlotItem.boundingRect(item)


def test_scatter_bounds_are_cached_yet_follow_data_sizes_and_zoom(plot):
    scatter = Scatter(pxMode=True)
    plot.addItem(scatter)
    scatter.setData(x=[1, 2], y=[1, 3], size=10)
    plot.getViewBox().updateMatrix()
    first = scatter.boundingRect()
    assert _rect(first) == pytest.approx(_rect(_fresh(scatter)))
    assert scatter.boundingRect() is first                     # cached between changes
    for change in (lambda: scatter.setData(x=[5, 9], y=[2, 8], size=10),
                   lambda: scatter.setSize(30),
                   lambda: plot.setRange(xRange=(0, 100), yRange=(0, 100), padding=0),
                   lambda: scatter.setData(x=[], y=[])):
        before = _rect(scatter.boundingRect())
        change()
        plot.getViewBox().updateMatrix()
        now = _rect(scatter.boundingRect())
        assert now == pytest.approx(_rect(_fresh(scatter)))
        assert now != pytest.approx(before)


def test_strip_image_draws_its_rgba_over_its_rect(plot):
    strip = StripImage()
    plot.addItem(strip)
    rgba = np.zeros((2, 4, 4), dtype=np.uint8)
    rgba[0, :, :] = (255, 0, 0, 255)                          # row 0: y in [0, 5)
    rgba[1, 2:, :] = (0, 0, 255, 255)                         # row 1, right half: y in [5, 10)
    strip.set_image(rgba, QRectF(0, 0, 10, 10))
    assert strip.mapRectToParent(strip.boundingRect()) == QRectF(0, 0, 10, 10)
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    strip.paint(painter, None)                   # item coordinates: 1 unit = 1 pixel here
    painter.end()
    assert image.pixelColor(5, 2).name() == "#ff0000"
    assert image.pixelColor(8, 7).name() == "#0000ff"
    assert image.pixelColor(2, 7).name() == "#ffffff"         # transparent: left as it was
    strip.set_image(np.zeros((0, 0, 4), dtype=np.uint8), QRectF())
    assert strip.boundingRect().isEmpty()


def test_steady_scroll_bar_repaints_only_when_its_look_changes(qtbot):
    from PySide6.QtCore import Qt

    from dateline._qt.eventlist.steady_scrollbar import SteadyScrollBar
    paints = []

    class Counted(SteadyScrollBar):
        def paintEvent(self, event):  # noqa: N802
            paints.append(self.maximum())
            super().paintEvent(event)

    bar = Counted(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    bar.resize(16, 300)
    bar.setPageStep(20)
    bar.setRange(0, 5000)
    bar.show()
    qtbot.waitExposed(bar)
    qtbot.waitUntil(lambda: len(paints) > 0)
    painted = len(paints)
    bar.setRange(0, 5100)                   # handle already at its minimum size, at the top
    qtbot.wait(20)
    assert len(paints) == painted
    bar.setRange(0, 20)                     # a long handle now: must repaint
    qtbot.waitUntil(lambda: len(paints) > painted)
    painted = len(paints)
    bar.setValue(10)                        # moved: repaint as any scroll bar
    qtbot.waitUntil(lambda: len(paints) > painted)


def test_strip_image_repaints_only_when_its_pixels_change(plot):
    strip = StripImage()
    plot.addItem(strip)
    rgba = np.zeros((5, 100, 4), dtype=np.uint8)
    rgba[:, :, 3] = 255
    strip.set_image(rgba, QRectF(0, 0, 100, 5))
    updates = []
    strip.update = lambda *args: updates.append(args)
    strip.set_image(rgba.copy(), QRectF(0, 0, 100, 5))
    assert updates == []                                      # same pixels: no repaint
    changed = rgba.copy()
    changed[2, 40:43, 0] = 200
    strip.set_image(changed, QRectF(0, 0, 100, 5))
    assert updates == [()]                                    # all of it (no seams)
    assert strip.image[2, 41, 0] == 200
    strip.set_image(changed, QRectF(10, 0, 100, 5))           # moved: all of it
    assert updates == [(), ()]
    assert strip.boundingRect() == QRectF(10, 0, 100, 5)


def _screen_and_fresh(widget):
    from PySide6.QtGui import QImage

    def pixels(image):
        image = image.convertToFormat(QImage.Format.Format_RGBA8888)
        raw = np.frombuffer(image.constBits(), dtype=np.uint8)
        rows = raw.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 4]
        return rows.reshape(image.height(), image.width(), 4).astype(int)
    shown = pixels(widget.screen().grabWindow(widget.winId()).toImage())
    return shown, pixels(widget.grab().toImage())


def test_marker_scatter_repaints_just_the_changed_markers_and_right(qtbot, plot,
                                                                    monkeypatch):
    from PySide6.QtWidgets import QApplication

    from dateline._qt.common.scatter import MarkerScatter
    scatter = MarkerScatter(pxMode=True, antialias=True, hoverable=False)
    scatter.setBrush(pg.mkBrush(200, 80, 40, 205))
    scatter.setPen(pg.mkPen("w", width=1.5))
    plot.addItem(scatter)
    rng = np.random.default_rng(3)
    x, y = rng.uniform(1, 9, 60), rng.uniform(1, 9, 60)
    sizes = rng.integers(8, 30, 60).astype(float)
    sizes[0] = 40                                             # the biggest stays put
    names = [f"p{i}" for i in range(60)]
    app = QApplication.instance()

    def show(s):
        scatter.set_markers(x, y, s, names, plot.getViewBox().viewPixelSize(), 4.0)
        app.processEvents()
    show(sizes)
    full = []
    whole_item = pg.ScatterPlotItem.prepareGeometryChange     # what setData marks dirty
    monkeypatch.setattr(pg.ScatterPlotItem, "prepareGeometryChange",
                        lambda item: (full.append(1), whole_item(item)))
    for step in range(5):
        sizes = sizes.copy()
        sizes[rng.integers(1, 60, 6)] = rng.integers(8, 30, 6)   # some grow, some shrink
        show(sizes)
        shown, fresh = _screen_and_fresh(plot)
        assert np.abs(shown - fresh).max() <= 2, step
    assert full == []                                         # never repainted all of it


def test_type_codes_by_hashing_match_np_unique():
    from dateline._qt.timeline.layers import _sorted_codes
    rng = np.random.default_rng(5)
    kinds = np.array(["visit", "meeting", "statement", "Warning", "änderung"], dtype=object)
    for n in (0, 1, 1000):
        values = kinds[rng.integers(0, len(kinds), n)]
        names, codes = _sorted_codes(values)
        want_names, want_codes = np.unique(values.astype(str), return_inverse=True)
        assert names.tolist() == want_names.tolist()
        assert codes.tolist() == want_codes.reshape(-1).tolist()
