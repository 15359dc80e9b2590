"""Dask extraction on a local 2-process cluster gives the same document as one process.

Skipped when dask/distributed are not installed (they are the optional ``scale`` extra).
"""
import csv
from pathlib import Path

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

from dateline.corpus import load_corpus  # noqa: E402
from dateline.extract import extract_corpus  # noqa: E402
from dateline.model.dask_runner import extract_folder_dask  # noqa: E402
from dateline.model.cache_parquet import load_store_parquet  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "articles"


def _small_corpus(folder: Path) -> Path:
    """20 small articles: each seed article cut into 4 runs of whole lines, same dates."""
    with (ROOT / "data" / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        seeds = list(csv.DictReader(handle))
    rows = []
    for seed in seeds:
        lines = (SEEDS / seed["file"]).read_text(encoding="utf-8").splitlines(keepends=True)
        quarter = max(1, len(lines) // 4)
        for k in range(4):
            name = f"{Path(seed['file']).stem}_{k}.txt"
            (folder / name).write_text("".join(lines[k * quarter:(k + 1) * quarter]) or "x\n",
                                       encoding="utf-8")
            rows.append({**seed, "file": name})
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02 binary, not an article")
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder / "manifest.csv"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_local_cluster_matches_single_process(tmp_path, client):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    manifest = _small_corpus(corpus)
    run = extract_folder_dask(corpus, tmp_path / "out", client=client, partition_size=6)
    assert len(run.shards) >= 4                      # the work really was split
    assert all(s.is_file() for s in run.shards)
    expected = extract_corpus(load_corpus([corpus], manifest=manifest).articles, cache=False)
    assert run.n_articles == len(expected["articles"]) == 20
    assert run.n_events == len(expected["events"]) > 0
    assert run.n_statements == len(expected["statements"]) > 0
    assert any("bad.txt" in p["article"] for p in run.problems)   # named, not fatal

    store = load_store_parquet(tmp_path / "out")                     # what the app opens
    assert sorted(store.events["id"]) == sorted(e["id"] for e in expected["events"])
    assert sorted(store.statements["id"]) == sorted(s["id"] for s in expected["statements"])
    by_id = {e["id"]: e for e in expected["events"]}
    for row in store.events.itertuples():
        assert list(row.actors) == by_id[row.id]["actors"]


def test_parquet_shards_as_input(tmp_path, client):
    import pyarrow as pa
    import pyarrow.parquet as pq
    texts = sorted(SEEDS.glob("*.txt"))
    shards = []
    for i, pair in enumerate((texts[:3], texts[3:])):
        table = pa.Table.from_pylist([{"id": p.stem, "text": p.read_text(encoding="utf-8"),
                                       "published": "2017-03-18"} for p in pair])
        path = tmp_path / f"in-{i}.parquet"
        pq.write_table(table, path)
        shards.append(path)
    run = extract_folder_dask(shards, tmp_path / "out", client=client)
    assert run.n_articles == 5 and run.n_events > 0
    store = load_store_parquet(tmp_path / "out")
    assert set(store.articles["id"]) == {p.stem for p in texts}
    assert (store.articles["published"] == "2017-03-18").all()


def test_without_a_client_and_manifest_one_level_up(tmp_path):
    """No cluster: Dask's local process scheduler; data/manifest.csv sits beside the folder."""
    run = extract_folder_dask(SEEDS, tmp_path / "out", partition_size=2)
    expected = extract_corpus(load_corpus([SEEDS]).articles, cache=False)
    assert run.n_articles == 5 and len(run.shards) == 3
    assert (run.n_events, run.n_statements) == (len(expected["events"]),
                                                len(expected["statements"]))
    published = load_store_parquet(tmp_path / "out").articles.set_index("id")["published"]
    assert str(published["003_768503cec4d36dbe"].date()) == "2017-09-30"   # from the manifest
