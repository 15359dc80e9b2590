"""Corpus reading: metadata from the manifest or the text, and clear problems for bad files."""
from datetime import date
from pathlib import Path

import pytest

from dateline import paths
from dateline.corpus import load_corpus
from dateline.corpus.decode import DecodeError, decode_article_bytes, html_to_text


@pytest.fixture(scope="module")
def seeds():
    return load_corpus([paths.bundled_articles_dir()], manifest=paths.bundled_manifest())


def test_bundled_corpus_has_five_articles_with_manifest_dates(seeds):
    assert seeds.problems == []
    by_id = {a.id[:3]: a for a in seeds.articles}
    assert sorted(by_id) == ["000", "001", "002", "003", "004"]
    assert by_id["001"].outlet == "CNN" and by_id["002"].outlet == "Reuters"
    assert by_id["003"].published == date(2017, 9, 30)
    assert all(by_id[k].published == date(2017, 3, 18) for k in ("000", "001", "002", "004"))
    assert all(a.published_source == "manifest" for a in seeds.articles)
    assert by_id["000"].outlet is None


def test_text_is_exactly_the_file(seeds):
    for article in seeds.articles:
        assert Path(article.path).read_bytes().decode("utf-8") == article.text


def test_folder_without_manifest_takes_dates_from_text_or_unknown(tmp_path):
    (tmp_path / "a.txt").write_text("BEIJING (Reuters) - Talks were held on Saturday.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Some text with no date at all about talks.\n", "utf-8")
    corpus = load_corpus([tmp_path])
    by_id = {a.id: a for a in corpus.articles}
    assert by_id["a"].outlet == "Reuters"
    assert by_id["b"].published is None and by_id["b"].published_source == "unknown"


def test_bad_files_become_problems_naming_the_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "good.txt").write_text("Tillerson arrived in Beijing on Saturday.", "utf-8")
    corpus = load_corpus([tmp_path, tmp_path / "missing.txt"])
    assert [a.id for a in corpus.articles] == ["good"]
    messages = {Path(p.path).name: p.message for p in corpus.problems}
    assert "empty" in messages["empty.txt"]
    assert "binary" in messages["binary.txt"]
    assert "no such file" in messages["missing.txt"]


def test_latin1_and_utf16_decode():
    assert decode_article_bytes("Caf\u00e9 in S\u00e3o Paulo".encode("latin-1")) == "Caf\u00e9 in S\u00e3o Paulo"
    assert decode_article_bytes("北京".encode("utf-16")) == "北京"
    with pytest.raises(DecodeError):
        decode_article_bytes(b"\x00\x01\x02binary")


def test_html_is_reduced_to_visible_text():
    text = html_to_text("<html><head><script>alert(1)</script></head><body><p>Hello "
                        "<b>Seoul</b></p><p>Second &amp; last</p></body></html>")
    assert text == "Hello Seoul\nSecond & last"


def test_manifest_problems_are_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Text about talks.", "utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,outlet,published\na.txt,AP,18/03/2017\nghost.txt,AP,2017-03-18\n", "utf-8")
    corpus = load_corpus([tmp_path], manifest=manifest)
    assert corpus.articles[0].outlet == "AP"
    assert corpus.articles[0].published_source != "manifest"
    text = " ".join(str(p) for p in corpus.problems)
    assert "bad date" in text and "ghost.txt" in text
