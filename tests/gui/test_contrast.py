"""Text colours meet WCAG contrast against what they are drawn on, light and dark:
4.5:1 for small text (map labels, country names, list and panel text), 3:1 for large."""
import pytest

from dateline._qt import theme
from dateline._qt.map import style
from dateline._qt.panel.article_markup import PLACE_FG, TIMEX_BG

SMALL, LARGE = 4.5, 3.0


def test_contrast_ratio_matches_the_wcag_reference_values():
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("palette", [style.LIGHT, style.DARK], ids=["light", "dark"])
def test_map_text_is_readable_on_land_and_sea(palette):
    # Country names (8 pt) lie on land, and over sea where a country is small; place
    # labels and edge arrows are drawn on their halo, counts in the muted colour.
    for fg in ("country_label", "text", "text_muted", "selected", "itinerary"):
        for bg in ("land", "sea", "halo"):
            ratio = theme.contrast_ratio(getattr(palette, fg), getattr(palette, bg))
            assert ratio >= SMALL, (fg, bg, round(ratio, 2))


@pytest.mark.parametrize("t", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_window_text_is_readable(t):
    for fg in ("text", "muted", "accent"):
        for bg in ("window", "base", "alt_base", "plot_bg"):
            ratio = theme.contrast_ratio(getattr(t, fg), getattr(t, bg))
            assert ratio >= SMALL, (fg, bg, round(ratio, 2))
    for bg in ("highlight_bg", "sentence_bg", TIMEX_BG[t.name]):     # marked-up excerpts
        ratio = theme.contrast_ratio(t.text, getattr(t, bg, bg))
        assert ratio >= SMALL, (bg, round(ratio, 2))
    assert theme.contrast_ratio(PLACE_FG[t.name], t.base) >= SMALL


def test_the_dark_map_draws_country_names_in_the_checked_colour(qtbot):
    from dateline._qt.map.view import MapView
    from dateline._qt.state import AppState
    from dateline.model.store import EventStore
    view = MapView(AppState(EventStore.from_document(
        {"schema": "dateline/1", "articles": [], "events": [], "statements": []})))
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    view.set_dark(True)
    view.show_world()
    labels = [item for item in view.base._labels if item.isVisible()]
    assert labels
    assert {item._fg.name() for item in labels} == {style.DARK.country_label}
