"""The LGL toponym evaluation runs on a few real articles and gives plausible figures."""
from __future__ import annotations

import pytest

from dateline.evaluation import eval_toponyms
from dateline.evaluation.common import corpora_dir

CORPORA = corpora_dir()
needs_corpora = pytest.mark.skipif(
    CORPORA is None or not (CORPORA / "toponyms" / "lgl.xml").is_file(), reason="no LGL corpus")


def test_haversine_known_distance():
    # Paris to London is about 344 km
    assert eval_toponyms.haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=3)


@needs_corpora
def test_eval_on_a_few_articles(capsys):
    tallies = eval_toponyms.evaluate(CORPORA, limit=15)
    dev = tallies["dev"]
    assert dev.articles == 15 and dev.gold > 30
    row = dict(zip(eval_toponyms.COLUMNS, dev.row("dev")))
    assert 0.5 <= row["P overlap"] <= 1.0
    assert 0.2 <= row["R overlap"] <= 1.0
    assert row["R exact"] <= row["R overlap"]
    assert row["resolved"] > 10 and 0.4 <= row["<=161km"] <= 1.0
    eval_toponyms.main(CORPORA, limit=3)
    out = capsys.readouterr().out
    assert "dev" in out and "heldout" in out and "<=161km" in out and "Gazetteer load:" in out


def test_gazetteer_load_time_is_measured_on_a_fresh_load():
    assert 0.0 < eval_toponyms.gazetteer_load_ms(repeats=1) < 5000.0
