"""The shipped syntax model: loads offline, parses plausibly, exact offsets, deterministic,
and never on the GUI's start path (importing spaCy costs ~2 s)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.extract import syntax

ROOT = Path(__file__).resolve().parents[1]

SENTENCES = ["SEOUL (Reuters) -  The minister said the talks would resume on Monday.",
             "Police arrested two men in Paris on Tuesday.",
             "“We will not accept this,” the spokesman told reporters.",
             "North Korea said it tested a missile."]
NEWS = "  " + SENTENCES[0] + "\n" + SENTENCES[1] + " " + SENTENCES[2] + "\n\n" + SENTENCES[3]


def _spans() -> list[tuple[int, int]]:
    """Each sentence's span, with the blanks around it (the parser must trim them)."""
    starts = [NEWS.index(s) for s in SENTENCES]
    ends = starts[1:] + [len(NEWS)]
    return [(max(0, start - 1), end) for start, end in zip(starts, ends)]


def _subprocess(code: str, **env) -> subprocess.CompletedProcess:
    environ = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"), **env)
    environ.pop("DATELINE_HOME", None)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=environ, timeout=300, check=False)


def _only(text: str) -> syntax.Sentence:
    (sent,) = syntax.parse(text, [(0, len(text))])
    return sent


def _dependents(sent, head_text: str, dep: str) -> list[str]:
    head = next(w for w in sent.words if w.text == head_text)
    return [w.text for w in sent.children(head) if w.dep.split(":")[0] == dep]


def test_subject_of_said_is_the_speaker_and_the_clause_hangs_on_said():
    sent = _only("The minister said the talks would resume on Monday.")
    assert sent.root.text == "said" and sent.root.lemma == "say" and sent.root.pos == "VERB"
    assert _dependents(sent, "said", "nsubj") == ["minister"]
    assert _dependents(sent, "said", "ccomp") == ["resume"]
    assert _dependents(sent, "resume", "nsubj") == ["talks"]
    assert sent.head_of(sent.word_at(sent.words[-2].start)).text == "resume"   # Monday


def test_arguments_of_a_plain_main_clause():
    sent = _only("The police arrested two men in Paris on Tuesday.")
    assert sent.root.text == "arrested"
    assert _dependents(sent, "arrested", "nsubj") == ["police"]
    assert _dependents(sent, "arrested", "obj") == ["men"]
    assert sent.word_at(4).pos == "NOUN" and sent.words[2].tag == "VBD"
    assert "Tense=Past" in sent.words[2].morph and sent.words[4].lemma == "man"


def test_speaker_after_a_quote():
    sent = _only("“We will not accept this,” the spokesman told reporters.")
    told = next(w for w in sent.words if w.text == "told")
    assert _dependents(sent, "told", "nsubj") == ["spokesman"]
    # UD EWT: the reporting verb heads the quote (ccomp) or, after it, hangs on it (parataxis)
    accept = next(w for w in sent.words if w.text == "accept")
    assert told.is_root or (sent.head_of(told) == accept and told.dep == "parataxis")
    assert _dependents(sent, "accept", "nsubj") == ["We"]


def test_offsets_point_into_the_text_and_spans_stay_one_sentence():
    spans = _spans()
    blank = (spans[2][1] - 2, spans[2][1])          # the "\n\n" between paragraphs
    parsed = syntax.parse(NEWS, spans[:3] + [blank] + spans[3:])
    assert len(parsed) == 4                          # the blank span is skipped
    for sent, (start, end), expected in zip(parsed, spans, SENTENCES):
        assert start <= sent.start < sent.end <= end
        assert NEWS[sent.start:sent.end] == expected
        assert sum(w.is_root for w in sent.words) == 1
        for word in sent.words:
            assert NEWS[word.start:word.end] == word.text and not word.text.isspace()
            assert 0 <= word.head < len(sent.words)
    assert [w.text for w in parsed[0].words[:5]] == ["SEOUL", "(", "Reuters", ")", "-"]
    assert parsed[1].word_at(parsed[1].start + 7).text == "arrested"


def test_curly_quotes_are_read_as_straight_ones_but_words_keep_the_text():
    text = "China’s envoy didn’t say “no”."
    sent = _only(text)
    assert [w.text for w in sent.words] == ["China", "’s", "envoy", "did", "n’t", "say", "“",
                                            "no", "”", "."]
    assert all(text[w.start:w.end] == w.text for w in sent.words)
    assert sent.words[3].lemma == "do" and sent.words[4].lemma == "not"
    assert _dependents(sent, "say", "nsubj") == ["envoy"]


def test_whole_text_parse_covers_every_word_once():
    parsed = syntax.parse(NEWS)
    words = [w for s in parsed for w in s.words]
    assert [w.start for w in words] == sorted({w.start for w in words})
    assert all(NEWS[w.start:w.end] == w.text for w in words)
    assert "".join(w.text for w in words) == "".join(NEWS.split())
    assert all(s.words[0].start == s.start and s.words[-1].end == s.end for s in parsed)


def test_tagging_only_gives_pos_and_lemmas_without_a_tree():
    sent = syntax.parse("Police arrested two men.", [(0, 24)], parser=False)[0]
    assert [w.pos for w in sent.words][:2] in (["NOUN", "VERB"], ["PROPN", "VERB"])
    assert all(w.is_root and w.dep == "" for w in sent.words)


def test_a_sentence_parses_the_same_alone_and_in_a_batch():
    spans = _spans()
    alone = syntax.parse(NEWS, [spans[1]])
    copy = (NEWS + " ")[:-1]            # another str object: its own parse, not the memo's
    batch = syntax.parse(copy, spans)
    assert batch[1] == alone[0] and batch[1] is not alone[0]
    assert syntax.parse(NEWS) == syntax.parse(NEWS)


def test_the_same_texts_sentences_are_parsed_once(monkeypatch):
    """Statements and events ask for sentences of the same article: one parse serves both."""
    spans = _spans()
    first = syntax.parse(NEWS, spans[:2])
    made = []
    real = syntax._make_doc
    monkeypatch.setattr(syntax, "_make_doc", lambda *a: made.append(a[1]) or real(*a))
    again = syntax.parse(NEWS, spans[1:3])
    assert again[0] is first[1]                      # reused, not parsed again
    assert len(made) == 1                            # only the new sentence was parsed
    assert syntax.parse(NEWS, spans[1:2], parser=False)[0] is not first[1]   # tags only


PARSE_JSON = """
import json, sys
from dateline.extract import syntax
text = sys.argv[1] if len(sys.argv) > 1 else {news!r}
print(json.dumps([[(w.start, w.pos, w.tag, w.lemma, w.morph, w.head, w.dep) for w in s.words]
                  for s in syntax.parse(text)]))
"""


def test_parse_is_the_same_under_any_hash_seed():
    code = PARSE_JSON.format(news=NEWS)
    runs = [_subprocess(code, PYTHONHASHSEED=seed) for seed in ("1", "4242")]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr[-2000:]
    assert runs[0].stdout == runs[1].stdout and json.loads(runs[0].stdout)


def test_model_loads_with_the_network_disabled():
    code = """
import socket
def refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket.connect = socket.socket.connect_ex = refuse
socket.create_connection = socket.getaddrinfo = refuse
from dateline.extract import syntax
print(syntax.self_check(), syntax.model_dir())
"""
    done = _subprocess(code, HOME=str(ROOT / "nonexistent-home"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("[] ") and "resources/syntax/en_ewt" in done.stdout


def test_shipped_model_is_where_the_loader_looks_and_carries_its_license():
    folder = syntax.model_dir()
    assert folder == ROOT / "resources" / "syntax" / "en_ewt"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0" and "English-EWT" in meta["sources"][0]["name"]
    assert (folder.parent / "LICENSE").is_file() and (folder.parent / "README.md").is_file()
    assert syntax.self_check() == []


def test_missing_model_names_the_folder_and_the_fix(tmp_path):
    with pytest.raises(syntax.SyntaxModelMissing, match="make model") as info:
        syntax.load(tmp_path / "en_ewt")
    assert str(tmp_path) in str(info.value)


GUI_START = """
import sys
import dateline.cli, dateline._qt.app, dateline._qt.main_window, dateline._qt.worker
import dateline._qt.quick_open
import dateline.extract.parsetree, dateline.extract.syntax_repair
print(sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc")))
"""


def test_gui_start_path_does_not_import_spacy():
    done = _subprocess(GUI_START, QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_install_script_copies_a_loadable_model_and_only_what_loading_needs(tmp_path):
    source = tmp_path / "model-best"
    subprocess.run(["cp", "-r", str(syntax.model_dir()), str(source)], check=True)
    (source / "stale-notes.txt").write_text("not part of a spaCy pipeline", encoding="utf-8")
    dest = tmp_path / "installed" / "en_ewt"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "install_syntax_model.py"),
                           str(source), str(dest)], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert not (dest / "stale-notes.txt").exists()
    assert sorted(p.name for p in dest.iterdir()) == sorted(
        p.name for p in syntax.model_dir().iterdir())
    assert syntax.parse("Police arrested two men.", [(0, 24)], path=dest) == \
        syntax.parse("Police arrested two men.", [(0, 24)])
    assert sorted(p.name for p in dest.parent.iterdir()) == ["en_ewt"]   # no staging left
