"""``dateline extract`` on hostile input: each bad file gets one stderr line naming it, no
traceback, a non-zero exit, and the good articles are still extracted (issue 6).

Every input is generated in a temp folder at test time. Runs the real CLI in a subprocess
(``python -m dateline``) with a private cache folder.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "articles").glob("*.txt"))
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
GOOD = "Rex Tillerson arrived in Beijing on Saturday. \"We will work together,\" Wang Yi said.\n"


def run_cli(*args, cache: Path, cwd: Path | None = None, timeout: float = 120,
            stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATELINE_CACHE_DIR": str(cache), "PYTHONIOENCODING": "utf-8"}
    env.pop("DATELINE_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "dateline", *map(str, args)], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=timeout, stdin=stdin)


def problem_lines(proc) -> list[str]:
    """stderr lines, checked to be the CLI's own one-liners (never a traceback)."""
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.splitlines()
    assert all(line.startswith("dateline: ") for line in lines), proc.stderr
    return lines


def lines_naming(lines: list[str], name: str) -> list[str]:
    return [line for line in lines if name in line]


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """Shared by the tests of this module: the seed articles are extracted once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def corpus(tmp_path):
    """A folder with two real seed articles; tests add bad files beside them."""
    folder = tmp_path / "news"
    folder.mkdir()
    for seed in SEEDS[:2]:
        shutil.copy(seed, folder / seed.name)
    return folder


def extracted(output: Path) -> dict:
    doc = json.loads(output.read_text(encoding="utf-8"))
    assert doc["schema"] == "dateline/1"
    return doc


def seed_ids(doc: dict) -> set[str]:
    return {a["id"] for a in doc["articles"]} & {p.stem for p in SEEDS}


def _binary_with_nul(path):
    path.write_bytes(bytes(range(256)) * 40)


def _binary_without_nul(path):
    # Looks like nothing: control bytes and invalid UTF-8, but no NUL for the quick check.
    path.write_bytes(bytes(b % 31 + 1 for b in range(4000)) + b"\xff\xfe\xfd" * 100)


def _png_named_txt(path):
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)


def _huge_article(path):
    sentence = b"Officials met in Seoul on Friday to discuss the talks again. "
    with open(path, "wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(sentence) + 1):
            handle.write(sentence)


def _fifo(path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(path)


def _broken_link(path):
    os.symlink(path.parent / "no-such-target.txt", path)


def _empty(path):
    path.write_bytes(b"")


def _whitespace_only(path):
    path.write_text("  \n\n\t  \n", encoding="utf-8")


def _bad_utf16(path):
    path.write_bytes(b"\xff\xfe" + "Seoul".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate


def _link_loop(path):
    os.symlink(path.name, path)            # points at itself


BAD_FILES = {
    "empty.txt": (_empty, "empty"),
    "blank.txt": (_whitespace_only, "empty"),
    "binary.txt": (_binary_with_nul, "binary"),
    "noise.txt": (_binary_without_nul, "binary"),
    "picture.txt": (_png_named_txt, "binary"),
    "huge.txt": (_huge_article, "too large"),
    "pipe.txt": (_fifo, "not a regular file"),
    "dangling.txt": (_broken_link, "broken link"),
    "broken16.txt": (_bad_utf16, "UTF-16"),
    "loop.txt": (_link_loop, "cannot read"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_named_once_and_the_rest_still_extracts(name, corpus, cache, tmp_path):
    make, reason = BAD_FILES[name]
    make(corpus / name)
    output = tmp_path / "events.json"
    proc = run_cli("extract", corpus, "-o", output, cache=cache)
    lines = problem_lines(proc)
    assert proc.returncode == 1, proc.stderr            # written, but something was skipped
    about = lines_naming(lines, name)
    assert len(about) == 1, lines
    assert reason in about[0], about[0]
    assert str(corpus / name) in about[0]              # the path the user can go and fix
    doc = extracted(output)
    assert seed_ids(doc) == {p.stem for p in SEEDS[:2]}
    assert doc["events"] and doc["statements"]
    assert name.removesuffix(".txt") not in {a["id"] for a in doc["articles"]}


def test_huge_article_is_refused_quickly_without_reading_it(corpus, cache, tmp_path):
    """A 50 MB file is reported from its size, never decoded or run through the rules."""
    _huge_article(corpus / "huge.txt")
    from dateline.corpus import load_corpus
    load = load_corpus([corpus])
    assert [p.path for p in load.problems] == [str(corpus / "huge.txt")]
    assert "50 MB" in load.problems[0].message or "52 MB" in load.problems[0].message
    assert len(load.articles) == 2


@pytest.mark.parametrize("name, data, expect", [
    ("latin1.txt", "Café talks: Tillerson arrived in Beijing on Saturday, Wang Yi said.\n"
                   .encode("latin-1"), "Café"),
    ("cp1252.txt", "“Café” talks: Tillerson arrived in Beijing on Saturday, Wang Yi said.\n"
                   .encode("cp1252"), "“Café”"),
    ("utf16le.txt", "\ufeffSéoul talks: Tillerson arrived in Tokyo on Wednesday, officials said.\n"
                    .encode("utf-16-le"), "Séoul talks"),
    ("utf16be.txt", "\ufeffSéoul talks: Tillerson arrived in Tokyo on Wednesday, officials said.\n"
                    .encode("utf-16-be"), "Séoul talks"),
    ("utf16-nobom.txt", "Séoul talks: Tillerson arrived in Tokyo on Wednesday, officials said.\n"
                        .encode("utf-16-le"), "Séoul talks"),
    ("utf8bom.txt", "\ufeffNaïve talks: Tillerson arrived in Tokyo on Wednesday.\n"
                    .encode("utf-8"), "Naïve talks"),
    ("page.html", b"<!DOCTYPE html><html><head><title>Seoul talks &amp; more</title>"
                  b"<script>document.write('evil')</script></head><body><nav>Home | World</nav>"
                  b"<p>Rex Tillerson arrived in Seoul on Friday.</p>"
                  b"<p>\"We will act,\" Tillerson said.</p></body></html>", "Seoul talks & more"),
])
def test_other_encodings_and_html_are_read_as_text(name, data, expect, corpus, cache, tmp_path):
    (corpus / name).write_bytes(data)
    output = tmp_path / "events.json"
    proc = run_cli("extract", corpus, "-o", output, cache=cache)
    assert proc.returncode == 0, proc.stderr
    problem_lines(proc)
    doc = extracted(output)
    article = next(a for a in doc["articles"] if a["id"] == Path(name).stem)
    assert article["title"].startswith(expect)
    if name.endswith(".html"):
        from dateline.corpus import load_corpus
        text = next(a.text for a in load_corpus([corpus]).articles if a.id == "page")
        assert "evil" not in text and "<p>" not in text and "Home | World" not in text
        assert "Rex Tillerson arrived in Seoul on Friday." in text


def _unreadable(folder: Path, count: int) -> list[str]:
    """Files the reader cannot use: chmod 000 where that works, else things root can't read
    as an article either (a FIFO, a dangling link, a binary)."""
    names = []
    for i in range(count):
        path = folder / f"unreadable{i}.txt"
        if not IS_ROOT:
            path.write_text(GOOD, encoding="utf-8")
            path.chmod(0)
        elif i % 3 == 0 and hasattr(os, "mkfifo"):
            os.mkfifo(path)
        elif i % 3 == 1:
            _broken_link(path)
        else:
            _binary_with_nul(path)
        names.append(path.name)
    return names


def test_folder_of_thousands_with_some_unreadable(tmp_path, cache):
    folder = tmp_path / "many"
    (folder / "sub" / "deeper").mkdir(parents=True)
    for i in range(2100):
        where = folder if i % 3 else folder / "sub" / "deeper"
        (where / f"a{i:04d}.txt").write_text(
            f"Officials met in Seoul on Friday about item {i}. \"We will act,\" Kim Lee said.\n",
            encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")           # not an article: skipped
    (folder / ".hidden.txt").write_text(GOOD, encoding="utf-8")  # editor droppings: skipped
    bad = _unreadable(folder, 9)
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(GOOD, encoding="utf-8")
    if not IS_ROOT:
        locked.chmod(0)
    output = tmp_path / "events.json"
    try:
        proc = run_cli("extract", folder, "-o", output, "--no-cache", cache=cache, timeout=300)
    finally:
        locked.chmod(0o755)
        for name in bad:
            if (folder / name).is_file() and not (folder / name).is_symlink():
                (folder / name).chmod(0o644)
    lines = problem_lines(proc)
    assert proc.returncode == 1, proc.stderr[-2000:]
    for name in bad:
        assert len(lines_naming(lines, name)) == 1, name
    if not IS_ROOT:
        assert len(lines_naming(lines, "locked")) == 1
    doc = extracted(output)
    ids = {a["id"] for a in doc["articles"]}
    assert {f"a{i:04d}" for i in range(2100)} <= ids
    assert ".hidden" not in ids and "notes" not in ids
    assert len(doc["statements"]) >= 2100


def write_manifest(folder: Path, text: str, encoding: str = "utf-8") -> Path:
    path = folder / "manifest.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_manifest_missing_required_column(corpus, cache, tmp_path):
    manifest = write_manifest(corpus, "name,published\nwhatever.txt,2017-03-18\n")
    output = tmp_path / "events.json"
    proc = run_cli("extract", corpus, "-o", output, cache=cache)
    lines = problem_lines(proc)
    assert proc.returncode == 1
    assert len(lines_naming(lines, str(manifest))) == 1
    assert "lacks column" in lines_naming(lines, str(manifest))[0]
    assert seed_ids(extracted(output)) == {p.stem for p in SEEDS[:2]}


def test_manifest_bad_dates_unknown_files_and_blank_names(corpus, cache, tmp_path):
    first, second = SEEDS[0].name, SEEDS[1].name
    manifest = write_manifest(corpus, "file,outlet,title,url,published\n"
                                      f"{first},BBC,Seoul talks,,2017-13-45\n"
                                      f"{second},CNN,,,18/03/2017\n"
                                      "ghost.txt,AP,Gone,,2017-03-18\n"
                                      ",AP,No name,,2017-03-18\n")
    output = tmp_path / "events.json"
    proc = run_cli("extract", corpus, "-o", output, cache=cache)
    lines = lines_naming(problem_lines(proc), str(manifest))
    assert proc.returncode == 1
    assert any("line 2" in line and "2017-13-45" in line for line in lines), lines
    assert any("line 3" in line and "18/03/2017" in line for line in lines), lines
    assert any("ghost.txt" in line for line in lines), lines
    assert any("line 5" in line and "no file name" in line for line in lines), lines
    doc = extracted(output)
    by_id = {a["id"]: a for a in doc["articles"]}
    assert by_id[SEEDS[0].stem]["outlet"] == "BBC"      # the good columns are still used
    assert by_id[SEEDS[0].stem]["published_source"] != "manifest"


def test_manifest_in_windows_1252_and_with_padded_header(corpus, cache, tmp_path):
    write_manifest(corpus, f"file, outlet, title, url, published\r\n"
                           f"{SEEDS[0].name},Le Monde,Café diplomacy,,2017-03-18\r\n", "cp1252")
    output = tmp_path / "events.json"
    proc = run_cli("extract", corpus, "-o", output, cache=cache)
    assert proc.returncode == 0, proc.stderr
    article = next(a for a in extracted(output)["articles"] if a["id"] == SEEDS[0].stem)
    assert (article["title"], article["outlet"]) == ("Café diplomacy", "Le Monde")
    assert article["published"] == "2017-03-18"


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", b"\xff\xfef\x00i\x00"])
def test_unusable_manifest_is_reported_and_ignored(content, corpus, cache, tmp_path):
    manifest = corpus / "manifest.csv"
    manifest.write_bytes(content)
    output = tmp_path / "events.json"
    proc = run_cli("extract", corpus, "-o", output, cache=cache)
    lines = problem_lines(proc)
    assert proc.returncode == 1
    assert len(lines_naming(lines, str(manifest))) == 1
    assert seed_ids(extracted(output)) == {p.stem for p in SEEDS[:2]}


def test_missing_manifest_option_stops_with_one_line(corpus, cache, tmp_path):
    proc = run_cli("extract", corpus, "--manifest", tmp_path / "nope.csv",
                   "-o", tmp_path / "out.json", cache=cache)
    lines = problem_lines(proc)
    assert proc.returncode == 2 and len(lines) == 1 and "nope.csv" in lines[0]
    assert not (tmp_path / "out.json").exists()


def test_nothing_readable_exits_2_and_writes_nothing(tmp_path, cache):
    folder = tmp_path / "bad"
    folder.mkdir()
    _empty(folder / "a.txt")
    _binary_with_nul(folder / "b.txt")
    proc = run_cli("extract", folder, tmp_path / "missing-folder", "-o", tmp_path / "out.json",
                   cache=cache)
    lines = problem_lines(proc)
    assert proc.returncode == 2
    assert len(lines_naming(lines, "a.txt")) == 1 and len(lines_naming(lines, "b.txt")) == 1
    assert len(lines_naming(lines, "missing-folder")) >= 1
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("where", ["under-a-file", "is-a-folder", "missing-folder", "proc"])
def test_unwritable_output_is_one_line_and_keeps_the_previous_file(where, corpus, cache,
                                                                   tmp_path):
    """chmod does not stop root, so real write errors come from impossible targets."""
    blocker = tmp_path / "plain-file"
    blocker.write_text("I am a file, not a folder\n", encoding="utf-8")
    target = {"under-a-file": blocker / "events.json",
              "is-a-folder": tmp_path,
              "missing-folder": tmp_path / "no" / "such" / "events.json",
              "proc": Path("/proc/version/events.json")}[where]
    proc = run_cli("extract", corpus, "-o", target, "--no-cache", cache=cache)
    lines = problem_lines(proc)
    assert proc.returncode == 3, proc.stderr
    assert len(lines_naming(lines, str(target))) == 1
    assert "cannot write" in lines_naming(lines, str(target))[0]
    assert blocker.read_text(encoding="utf-8") == "I am a file, not a folder\n"
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.skipif(IS_ROOT, reason="root writes into read-only folders")
def test_read_only_output_folder_keeps_the_previous_export(corpus, cache, tmp_path):
    out_dir = tmp_path / "ro"
    out_dir.mkdir()
    previous = out_dir / "events.json"
    previous.write_text('{"previous": true}\n', encoding="utf-8")
    out_dir.chmod(0o555)
    try:
        proc = run_cli("extract", corpus, "-o", previous, "--no-cache", cache=cache)
    finally:
        out_dir.chmod(0o755)
    assert proc.returncode == 3 and len(problem_lines(proc)) == 1
    assert previous.read_text(encoding="utf-8") == '{"previous": true}\n'


def test_stdout_output(corpus, cache, tmp_path):
    proc = run_cli("extract", corpus, "-o", "-", "--format", "csv", cache=cache)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("record,id,type")


def test_reader_closing_the_pipe_is_not_a_traceback(corpus, cache, tmp_path, monkeypatch,
                                                    capsys):
    """``dateline extract -o - | head``: the reader goes away mid-write. (Simulated in-process:
    this sandbox's pipes do not report EPIPE reliably.)"""
    from dateline.cli import main

    class ClosedPipe:
        def __init__(self, fd):
            self.fd = fd

        def write(self, _text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self):
            return self.fd       # a scratch file, so the real stdout is never redirected

    with open(tmp_path / "scratch", "w") as scratch:
        monkeypatch.setattr(sys, "stdout", ClosedPipe(scratch.fileno()))
        monkeypatch.setenv("DATELINE_CACHE_DIR", str(cache))
        code = main(["extract", str(corpus), "-o", "-"])
    err = capsys.readouterr().err
    assert code == 141, err                 # as if killed by SIGPIPE, like any Unix filter
    assert "Traceback" not in err and "cannot write" not in err


def test_corrupt_or_truncated_cache_is_ignored(corpus, tmp_path):
    cache = tmp_path / "private-cache"
    first = tmp_path / "first.json"
    assert run_cli("extract", corpus, "-o", first, cache=cache).returncode == 0
    entries = [p for p in cache.rglob("*.json")]
    assert entries, "the extraction cache was not written"
    damage = [lambda b: b[: len(b) // 2], lambda b: b"\x00" * 10, lambda b: b"[1, 2]",
              lambda b: b'{"fingerprint": 5, "result": "x"}']
    for i, entry in enumerate(entries):
        entry.write_bytes(damage[i % len(damage)](entry.read_bytes()))
    second = tmp_path / "second.json"
    proc = run_cli("extract", corpus, "-o", second, cache=cache)
    assert proc.returncode == 0, proc.stderr
    problem_lines(proc)
    assert extracted(second) == extracted(first)


def test_cache_folder_that_cannot_be_created_only_costs_speed(corpus, tmp_path):
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("x", encoding="utf-8")
    output = tmp_path / "events.json"
    proc = run_cli("extract", corpus, "-o", output, cache=blocker / "sub")
    assert proc.returncode == 0, proc.stderr
    problem_lines(proc)
    assert seed_ids(extracted(output)) == {p.stem for p in SEEDS[:2]}


@pytest.mark.parametrize("content", [
    b"", b"{", b'{"schema": "dateline/1", "articles": [], "events": [', b"\xff\xfe\x00garbage",
    b"[]", b'{"schema": "other/9"}',
    b'{"schema": "dateline/1", "articles": [], "statements": [], "events": [{"id": "e"}]}',
    b'{"schema": "dateline/1", "articles": [], "statements": [], "events": '
    b'[{"id": "e", "type": "visit", "summary": "s", "date_start": "2017-02-30"}]}',
])
def test_corrupt_events_document_is_one_clear_error(content, tmp_path):
    """What ``dateline open events.json`` reads: every defect is a DocumentError naming the
    file (the GUI shows it), never a raw json/KeyError."""
    from dateline.document import DocumentError, read_document
    path = tmp_path / "events.json"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message


def test_internal_error_is_one_line_not_a_traceback(corpus, cache, tmp_path):
    """A bug deep inside still reaches the user as one line (traceback with DATELINE_DEBUG)."""
    script = ("import sys, dateline.extract_cli as cli\n"
              "def boom(*a, **k): raise RuntimeError('simulated bug\\nsecond line')\n"
              "cli.load_corpus = boom\n"
              "from dateline.cli import main\n"
              "sys.exit(main(sys.argv[1:]))\n")
    env = {**os.environ, "DATELINE_CACHE_DIR": str(cache)}
    env.pop("DATELINE_DEBUG", None)
    proc = subprocess.run([sys.executable, "-c", script, "extract", str(corpus), "-o",
                           str(tmp_path / "o.json")], env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode not in (0, 1, 2, 3)
    lines = problem_lines(proc)
    assert len(lines) == 1 and "simulated bug second line" in lines[0]


def test_extraction_bug_on_one_article_names_its_file(corpus, cache, tmp_path, monkeypatch,
                                                      capsys):
    """An article that trips an extraction rule is skipped with one line naming the file; the
    others are still extracted and written."""
    from dateline.cli import main
    from dateline.extract import pipeline
    victim = corpus / "victim.txt"
    victim.write_text("Rex Tillerson arrived in Seoul on Friday. TRIGGER\n", encoding="utf-8")
    real = pipeline.extract_article

    def fragile(article):
        if "TRIGGER" in article.text:
            raise IndexError("rule went out of range")
        return real(article)

    monkeypatch.setattr(pipeline, "extract_article", fragile)
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "own-cache"))
    output = tmp_path / "events.json"
    code = main(["extract", str(corpus), "-o", str(output)])
    lines = capsys.readouterr().err.splitlines()
    assert code == 1
    about = [line for line in lines if "victim" in line]
    assert about == [f"dateline: {victim.resolve()}: extraction failed: IndexError: rule went "
                     "out of range"]
    doc = extracted(output)
    assert seed_ids(doc) == {p.stem for p in SEEDS[:2]}
    assert "problems" not in doc


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="POSIX byte file names")
@pytest.mark.parametrize("fmt", ["json", "csv", "geojson"])
def test_file_name_that_is_not_utf8(corpus, cache, tmp_path, fmt):
    """An old zip's Windows-1252 name ("caf\xe9.txt") must not stop the export."""
    raw = os.path.join(os.fsencode(corpus), b"caf\xe9 talks.txt")
    with open(raw, "wb") as handle:
        handle.write(GOOD.encode("utf-8"))
    output = tmp_path / f"events.{fmt}"
    proc = run_cli("extract", corpus, "-o", output, cache=cache)
    assert proc.returncode == 0, proc.stderr
    problem_lines(proc)
    if fmt == "json":
        ids = {a["id"] for a in extracted(output)["articles"]}
        assert "café talks" in ids and seed_ids(extracted(output)) == {p.stem for p in SEEDS[:2]}
    else:
        assert "café talks" in output.read_text(encoding="utf-8")
