"""Article text is untrusted (issue 6): nothing read from disk is unpickled, evaluated or
executed, and reading + extracting a corpus never touches the network.

The static checks scan Dateline's own source; the network check runs the real pipeline
with every way of opening a connection made to fail.
"""
from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop" / "dateline"
SOURCES = sorted(PACKAGE.rglob("*.py"))

# (pattern, why it is dangerous). Method calls like QMenu.exec() / app.exec() are fine.
FORBIDDEN = [
    (r"^\s*(import|from)\s+(c?pickle|dill|shelve|marshal|joblib)\b", "unpickling runs code"),
    (r"\bpickle\.loads?\(|read_pickle\(|to_pickle\(", "unpickling runs code"),
    (r"(?<![\w.])eval\(", "eval of data"),
    (r"(?<![\w.])exec\(", "exec of data"),
    (r"(?<![\w.])compile\(", "compiling data"),
    (r"\byaml\.(load|unsafe_load)\(", "yaml.load can build objects"),
    (r"allow_pickle\s*=\s*True", "numpy pickle loading"),
    (r"shell\s*=\s*True", "shell injection"),
    (r"\bos\.(system|popen)\(", "shell injection"),
    (r"\b__import__\(|importlib\.import_module\(", "importing by name from data"),
]
# Modules that can reach the network; only the opt-in geocoder may use them.
NETWORK = r"^\s*(import|from)\s+(socket|ssl|urllib\.request|http\.client|requests|httpx|" \
          r"aiohttp|ftplib|smtplib|geopy\.geocoders|PySide6\.QtNetwork)\b|QtNetwork|urlopen\("
NETWORK_ALLOWED = {"extract/geocode_online.py"}


def _code_lines(path: Path):
    """Source lines without comments and docstring-only lines (they may mention the words)."""
    in_doc = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        quotes = stripped.count('"""') + stripped.count("'''")
        if in_doc or stripped.startswith(('"""', "'''")):
            if quotes == 1:
                in_doc = not in_doc
            continue
        yield number, line.split(" #", 1)[0] if not stripped.startswith("#") else ""


def test_the_scan_sees_the_package():
    names = {p.relative_to(PACKAGE).as_posix() for p in SOURCES}
    assert {"corpus/reader.py", "document.py", "extract/cache.py"} <= names


@pytest.mark.parametrize("pattern, why", FORBIDDEN, ids=[w for _, w in FORBIDDEN])
def test_no_code_execution_of_data(pattern, why):
    hits = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
            for path in SOURCES for number, line in _code_lines(path)
            if re.search(pattern, line)]
    assert hits == [], f"{why}:\n" + "\n".join(hits)


def test_forbidden_patterns_do_catch_real_uses():
    """Guard the guard: each pattern matches the thing it forbids, and not Qt's .exec()."""
    samples = ["import pickle", "data = pickle.loads(raw)", "x = eval(text)", "exec(code)",
               "yaml.load(f)", "np.load(p, allow_pickle=True)", "run(c, shell=True)",
               "os.system(cmd)", "__import__(name)", "df = pd.read_pickle(p)"]
    for sample in samples:
        assert any(re.search(p, sample) for p, _ in FORBIDDEN), sample
    for harmless in ["menu.exec(pos)", "app.exec()", "box.exec()", "# never eval(", "evaluate("]:
        code = harmless.split("#")[0]
        assert not any(re.search(p, code) for p, _ in FORBIDDEN), harmless


def test_only_the_opt_in_geocoder_can_reach_the_network():
    hits = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
            for path in SOURCES for number, line in _code_lines(path)
            if re.search(NETWORK, line)
            and path.relative_to(PACKAGE).as_posix() not in NETWORK_ALLOWED]
    assert hits == [], "\n".join(hits)
    importers = [path.relative_to(ROOT).as_posix() for path in SOURCES
                 if "geocode_online" in path.read_text(encoding="utf-8")
                 and path.name != "geocode_online.py"]
    assert importers == [], "the online geocoder must stay opt-in: " + ", ".join(importers)


def test_readers_of_disk_data_use_plain_json():
    """The cache and the events document are the two files Dateline reads back."""
    for rel in ("document.py", "extract/cache.py"):
        code = (PACKAGE / rel).read_text(encoding="utf-8")
        assert "json.load" in code


@pytest.fixture
def no_network(monkeypatch):
    """Every way of opening a connection fails loudly and is recorded."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args[1:] if args else kwargs)
        raise OSError("network access attempted during an offline test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_seed_corpus_reads_and_extracts_offline(no_network, tmp_path):
    from dateline import paths
    from dateline.corpus import load_corpus
    from dateline.extract import extract_corpus
    from dateline.extract.formats import write_document
    load = load_corpus([paths.bundled_articles_dir()], manifest=paths.bundled_manifest())
    assert len(load.articles) == 5 and load.problems == []
    doc = extract_corpus(load.articles, cache=tmp_path / "cache")
    assert len(doc["events"]) >= 10 and len(doc["statements"]) >= 20
    assert any(e["place"] for e in doc["events"]), "places come from the offline gazetteer"
    write_document(doc, tmp_path / "events.geojson", "geojson")
    assert no_network == []


def test_model_offline(no_network):
    from dateline import paths
    from dateline.corpus import load_corpus
    from dateline.extract import extract_corpus
    from dateline.model.selection import Selection
    from dateline.model.store import EventStore
    load = load_corpus([paths.bundled_articles_dir()], manifest=paths.bundled_manifest())
    doc = extract_corpus(load.articles, cache=False)
    store = EventStore.from_document(doc, texts={a.id: a.text for a in load.articles})
    result = store.query(Selection(window=None, place=None, actors=frozenset(),
                                   types=frozenset(), outlets=frozenset(), search="", event=None))
    assert len(result.events) == len(doc["events"])
    assert no_network == []


def test_the_network_guard_works(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9))
    assert no_network


def test_html_article_scripts_and_markup_never_reach_the_text(tmp_path):
    """HTML pages become plain text: script/style bodies dropped, tags gone, entities decoded
    once (so '&lt;script&gt;' in the page stays visible text, never markup)."""
    from dateline.corpus import load_corpus
    (tmp_path / "page.html").write_text(
        "<html><head><style>p{}</style><script>fetch('http://evil')</script></head><body>"
        "<p onclick=\"steal()\">Wang Yi said &lt;script&gt;alert(1)&lt;/script&gt; was "
        "a joke.</p><iframe src='http://evil'></iframe></body></html>", encoding="utf-8")
    (text,) = [a.text for a in load_corpus([tmp_path]).articles]
    assert "fetch(" not in text and "steal()" not in text and "iframe" not in text
    assert "p{}" not in text
    assert "<script>alert(1)</script>" in text          # shown literally, escaped on display
