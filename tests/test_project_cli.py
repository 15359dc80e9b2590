"""``dateline project``: the sample corpus as a project — corrections and stars saved,
re-applied after re-extraction, orphans listed when a text changes, briefing and JSON
written; missing, newer and corrupt project files give one clear line (exit 2)."""
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from dateline import cli
from dateline.document import read_document
from dateline.model.project.corpus import load_project_corpus
from dateline.model.project.corrections import key_of, resolve_annotations
from dateline.model.project.file import Project
from dateline.model.project.records import Annotation, Correction

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def corpus(tmp_path, cache_dir, monkeypatch):
    """A copy of the bundled sample corpus (so a test may edit an article)."""
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(cache_dir))
    shutil.copytree(ROOT / "data" / "articles", tmp_path / "articles")
    shutil.copy(ROOT / "data" / "manifest.csv", tmp_path / "manifest.csv")
    return tmp_path


def _run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main(["project", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def _export(capsys, project: Path, out: Path, *more) -> tuple[int, dict, str]:
    code, _, err = _run(capsys, project, "--export", "json", "-o", out, *more)
    return code, json.loads(out.read_text(encoding="utf-8")), err


def test_corrections_and_stars_survive_save_and_re_extraction(corpus, capsys):
    path = corpus / "story.dateline"
    project = Project()
    project.add_folder("articles")              # relative to the project file
    project.save(path)
    code, doc, err = _export(capsys, path, corpus / "plain.json")
    assert code == 0, err
    every = {(kind, item["id"]): key_of(doc, kind, item["id"])
             for kind in ("event", "statement") for item in doc[kind + "s"]}
    found, lost = resolve_annotations(doc, {k: Annotation(True) for k in every.values()})
    assert lost == [] and sorted(found) == sorted(i for _, i in every)   # shared sentences too
    thaad = [s for s in doc["statements"] if "THAAD" in s["text"]]
    assert thaad, "the sample corpus quotes on THAAD"
    project = Project.open(path)
    for st in thaad[:2]:
        project.set_correction(Correction(key_of(doc, "statement", st["id"]), "place",
                                          {"name": "Seoul", "lat": 37.57, "lon": 126.98}))
    plain = next(s for s in doc["statements"] if s not in thaad[:2])
    starred = [("statement", s["id"]) for s in (*thaad[:2], plain)] + \
              [("event", e["id"]) for e in doc["events"][:2]]
    for kind, item_id in starred:
        project.set_star(key_of(doc, kind, item_id))
    project.save()

    # re-extraction from scratch (no cache): the corrections find their statements again
    code, fixed, err = _export(capsys, path, corpus / "fixed.json", "--no-cache")
    assert code == 0, err
    by_id = {s["id"]: s for s in fixed["statements"]}
    for st in thaad[:2]:
        assert by_id[st["id"]]["place"]["name"] == "Seoul"
        assert by_id[st["id"]]["corrected"] == ["place"]
    assert sorted(a["id"] for a in fixed["annotations"] if a["starred"]) == \
        sorted(item_id for _, item_id in starred)
    assert fixed["orphans"] == []
    read_document(corpus / "fixed.json")          # still a valid dateline/1 document

    code, _, err = _run(capsys, path, "--export-briefing", corpus / "b.html")
    assert code == 0 and "5 starred items" in err
    html_text = (corpus / "b.html").read_text(encoding="utf-8")
    assert html_text.count('<div class="item">') == 5
    assert html_text.count("(corrected: place)") == len(thaad[:2])
    assert str(corpus / "articles") in html_text      # every item cites its article file

    code, out, _ = _run(capsys, path)
    assert code == 0 and "2 corrections (0 orphaned), 5 starred items" in out


def test_an_edited_article_orphans_its_corrections_and_says_so(corpus, capsys):
    path = corpus / "story.dateline"
    project = Project()
    project.add_folder(str(corpus / "articles"))
    project.save(path)
    _, doc, _ = _export(capsys, path, corpus / "plain.json")
    first, other = doc["statements"][0], next(s for s in doc["statements"]
                                              if s["article"] != doc["statements"][0]["article"])
    project.set_correction(Correction(key_of(doc, "statement", first["id"]), "speaker", "A"))
    project.set_correction(Correction(key_of(doc, "statement", other["id"]), "speaker", "B"))
    project.save()
    article = Path(next(a["path"] for a in doc["articles"] if a["id"] == first["article"]))
    article.write_text("Editor's note: updated.\n\n" + article.read_text(encoding="utf-8"),
                       encoding="utf-8")
    code, fixed, err = _export(capsys, path, corpus / "fixed.json")
    assert code == 1                                   # written, but something is orphaned
    assert len(fixed["orphans"]) == 1 and "article text changed" in fixed["orphans"][0]
    assert "orphaned speaker correction of a statement" in err
    assert {s["id"]: s["speaker"] for s in fixed["statements"]}[other["id"]] == "B"


def _newer(path: Path) -> None:
    Project().save(path)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()


@pytest.mark.parametrize("make, message", [
    (lambda p: None, "no such project file"),
    (_newer, "written by a newer Dateline (schema 99)"),
    (lambda p: p.write_bytes(b"\x00garbage" * 100), "not a Dateline project"),
    (lambda p: Project().save(p), "the project has no corpus folders"),
])
def test_bad_project_files_give_one_clear_line(tmp_path, capsys, make, message):
    path = tmp_path / "x.dateline"
    make(path)
    before = path.read_bytes() if path.exists() else None
    code, out, err = _run(capsys, path, "--export-briefing", tmp_path / "b.html")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and str(path) in err
    assert "Traceback" not in err and not (tmp_path / "b.html").exists()
    assert (path.read_bytes() if path.exists() else None) == before


def test_project_corpus_reads_every_folder_with_unique_ids(corpus):
    second = corpus / "more"
    second.mkdir()
    name = sorted(p.name for p in (corpus / "articles").iterdir())[0]
    (second / name).write_text("WASHINGTON - Officials said on Monday the talks ended.\n",
                               encoding="utf-8")
    (second / "m.csv").write_text(f"file,outlet,published\n{name},Second Wire,2017-04-03\n",
                                  encoding="utf-8")
    project = Project()
    project.add_folder("articles")
    project.add_folder("more", "more/m.csv")
    project.save(corpus / "two.dateline")
    load = load_project_corpus(Project.open(corpus / "two.dateline"))
    ids = [a.id for a in load.articles]
    assert len(ids) == 6 and len(set(ids)) == 6
    extra = next(a for a in load.articles if a.path == str(second / name))
    assert extra.outlet == "Second Wire" and extra.id == Path(name).stem + "-2"
    assert all(a.published_source == "manifest" for a in load.articles)   # both manifests
