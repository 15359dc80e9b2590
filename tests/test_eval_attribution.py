"""The attribution section of ``make eval`` on a few real PolNeAR articles (skips without them)."""
from __future__ import annotations

import pytest

from dateline.evaluation import eval_attribution as ea
from dateline.evaluation.common import corpora_dir

CORPORA = corpora_dir()
pytestmark = pytest.mark.skipif(CORPORA is None or not (CORPORA / "attribution").is_dir(),
                                reason="no annotated corpora (../shared/corpora)")


def test_a_few_dev_articles_score_plausibly(capsys):
    docs = ea.parts(CORPORA, 6)["dev"]
    tallies = ea.run_part(docs)
    speech = tallies["speech"]
    gold, found = sum(speech.gold.values()), sum(speech.found.values())
    assert speech.articles == 6 and gold > 20
    assert 0.3 < found / gold <= 1.0
    assert speech.predicted and speech.predicted_right / speech.predicted > 0.7
    right = sum(speech.speaker_right.values())
    assert right / sum(speech.with_source.values()) > 0.7
    # "speech" is a subset of "all": never more gold contents
    assert sum(tallies["all"].gold.values()) >= gold


def test_main_prints_dev_and_heldout_rows(capsys):
    ea.main(CORPORA, 2)
    out = capsys.readouterr().out
    for row in ("dev      all", "dev      speech", "heldout  all", "heldout  speech"):
        assert row in out
    assert "Speaker right" in out and "articles/s" in out


def test_gold_kinds_follow_the_quotation_marks():
    text = 'He said "we will win" and that "taxes" would fall. She said it was over.'
    quoted = ea.quote_mask(text)
    direct = ea.tokens([(text.index('"we'), text.index('" and') + 1)], text)
    mixed = ea.tokens([(text.index("that"), text.index(" would fall") + 11)], text)
    plain = ea.tokens([(text.index("it was"), len(text) - 1)], text)
    assert [ea._kind(t, quoted) for t in (direct, mixed, plain)] == ["direct", "mixed", "indirect"]
