"""The MEANTIME events harness (dateline.evaluation.eval_events) and its coreference scores."""
from __future__ import annotations

import pytest

from dateline.evaluation import eval_events
from dateline.evaluation.common import corpora_dir
from dateline.evaluation.coref_scores import conll, max_weight_matching
from dateline.evaluation.meantime import corpus_files, read_meantime, value_interval

CORPORA = corpora_dir()
needs_corpora = pytest.mark.skipif(
    CORPORA is None or not corpus_files(CORPORA), reason="../shared/corpora/events absent")


def test_coreference_scores_follow_the_conll_definitions():
    key = {1: "a", 2: "a", 3: "a", 4: "b", 5: "b", 6: "c"}
    response = {1: "x", 2: "x", 3: "y", 4: "y", 5: "y", 6: "z"}
    scores = conll(key, response)
    assert scores["MUC"][:2] == pytest.approx((2 / 3, 2 / 3))
    assert scores["B3"][:2] == pytest.approx((7 / 9, 7 / 9))
    assert scores["CEAF-e"][2] == pytest.approx(2.6 / 3)
    assert scores["CoNLL"][2] == pytest.approx((2 / 3 + 7 / 9 + 2.6 / 3) / 3)
    assert conll(key, key)["CoNLL"][2] == pytest.approx(1.0)
    assert max_weight_matching([[1.0, 0.5], [0.9, 0.1]]) == pytest.approx(1.4)


def test_cross_doc_links_count_false_merges_between_articles_only():
    key = {("d1", "1"): "A", ("d2", "1"): "A", ("d2", "2"): "B", ("d1", "2"): "B"}
    response = {("d1", "1"): "e1", ("d2", "1"): "e1", ("d2", "2"): "e1", ("d1", "2"): "e2"}
    assert eval_events.cross_doc_links(key, response) == (2, 1, 1)


def test_gold_values_become_intervals():
    assert value_interval("2009-06") == (value_interval("2009-06-01")[0], value_interval("2009-06-30")[0])
    assert value_interval("XXXX-XX-XX") is None and value_interval("PRESENT_REF") is None


@needs_corpora
def test_reader_rebuilds_text_with_gold_offsets():
    doc = read_meantime(corpus_files(CORPORA)[0])
    assert doc.dct is not None and doc.mentions
    assert all(doc.text[m.start:m.end].strip() == doc.text[m.start:m.end] != "" for m in doc.mentions)
    assert any(m.instance for m in doc.mentions)


@needs_corpora
def test_section_runs_on_two_documents(capsys):
    eval_events.main(CORPORA, 2)
    out = capsys.readouterr().out
    assert "MEANTIME dev" in out and "MEANTIME heldout" in out and "CoNLL F1" in out
    parts = eval_events.load_parts(CORPORA, 2)
    res = eval_events.evaluate(parts["dev"])
    assert res.docs == 2 and res.gold > 20 and res.matched <= min(res.pred, res.gold)
    assert set(res.key) == set(res.response)
