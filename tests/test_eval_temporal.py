"""The TIMEX3 harness (dateline.evaluation.eval_temporal) on a few TempEval-3 documents."""
from __future__ import annotations

import pytest

from dateline.evaluation import eval_temporal
from dateline.evaluation.common import corpora_dir
from dateline.evaluation.eval_temporal import Score, evaluate, load_parts, match
from dateline.evaluation.timeml import GoldTimex, corpus_files, read_timeml

CORPORA = corpora_dir()
needs_corpora = pytest.mark.skipif(
    CORPORA is None or not (CORPORA / "temporal").is_dir(), reason="../shared/corpora absent")


def test_matching_is_one_to_one_and_prefers_exact_spans():
    gold = [GoldTimex(0, 6, "Friday", "t1", "DATE", "x"), GoldTimex(10, 20, "", "t2", "DATE", "y")]
    pred = [GoldTimex(0, 6, "Friday", "", "DATE", "x"), GoldTimex(2, 12, "", "", "DATE", "y")]
    assert [(g.tid, p.start) for g, p in match(gold, pred)] == [("t1", 0), ("t2", 2)]
    assert match(gold[:1], [GoldTimex(3, 4, "", "", "DATE", "")] * 2) and \
        len(match(gold[:1], [GoldTimex(3, 4, "", "", "DATE", "")] * 2)) == 1


def test_scores_follow_tempeval3():
    s = Score(docs=1, gold=10, found=8, strict=6, relaxed=8, value_ok=6, type_ok=8, words=1000,
              seconds=0.001)
    row = dict(zip(eval_temporal.COLUMNS, s.row("x")))
    assert row["relaxed P"] == 1.0 and row["relaxed R"] == 0.8
    assert row["value acc"] == 0.75
    assert abs(row["value F1"] - 0.75 * 2 * 0.8 / 1.8) < 1e-9
    assert row["ms/1k words"] == "1.00"


@needs_corpora
def test_reader_keeps_gold_offsets_and_leaves_the_dct_out():
    path = corpus_files(CORPORA)[0]
    doc = read_timeml(path)
    assert doc.dct is not None and doc.timexes
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)
    assert all(t.tid != "t0" for t in doc.timexes)


@needs_corpora
def test_harness_on_a_few_documents_gives_plausible_figures(capsys):
    parts = load_parts(CORPORA, 6)
    assert len(parts["dev"]) == 6 and len(parts["heldout"]) == 6
    score = evaluate(parts["dev"] + parts["heldout"])
    row = dict(zip(eval_temporal.COLUMNS, score.row("few")))
    assert score.gold > 20
    assert row["relaxed P"] > 0.8 and row["relaxed R"] > 0.6
    assert 0.5 < row["value acc"] <= 1.0 and row["strict F1"] <= row["relaxed F1"]
    eval_temporal.main(CORPORA, 2)
    out = capsys.readouterr().out
    assert "TempEval-3 train dev" in out and "TempEval-3 train heldout" in out


def test_sample_corpus_gold_locates_every_timex_and_scores_high():
    docs = eval_temporal.sample_docs()
    assert len(docs) == 5 and sum(len(d.timexes) for d in docs) >= 60
    assert all(d.text[t.start:t.end] == t.text for d in docs for t in d.timexes)
    row = dict(zip(eval_temporal.COLUMNS, evaluate(docs, repeats=1).row("sample")))
    assert row["relaxed P"] >= 0.95 and row["relaxed R"] >= 0.85 and row["value F1"] >= 0.85
