"""Install a trained spaCy pipeline as Dateline's shipped syntax model.

    python scripts/install_syntax_model.py OUT/model-best [DEST]

DEST defaults to resources/syntax/en_ewt. Copies only what ``spacy.load`` reads (config,
meta, tokenizer, vocab and the pipeline's components: no model-last, no training paths),
stamps name, version, license and sources into meta.json, replaces DEST in one rename,
then loads the result and parses a sentence to prove it works. ``make model`` calls this at
the end of training (scripts/train_syntax.sh); run it alone to install a checkpoint.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.util import load_config

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEST = ROOT / "resources" / "syntax" / "en_ewt"
UD_COMMIT = "15d613d8447b3478787d4c278730a1e48a945efb"
META = {
    "name": "en_ewt",
    "version": "1.0.0",
    "description": "Dateline's syntax model: tagger, morphologizer, lemmatizer and dependency "
                   "parser trained on Universal Dependencies English-EWT (train split; dev "
                   "split for model selection) with resources/syntax/ewt.cfg.",
    "author": "Dateline contributors",
    "url": "",
    "license": "CC BY-SA 4.0",
    "sources": [{
        "name": "Universal Dependencies English Web Treebank (UD_English-EWT)",
        "url": f"https://github.com/UniversalDependencies/UD_English-EWT/tree/{UD_COMMIT}",
        "license": "CC BY-SA 4.0",
        "author": "The Board of Trustees of The Leland Stanford Junior University; "
                  "UD English-EWT contributors",
    }],
}
TEST_SENTENCE = "The minister said the talks would resume on Monday."


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    source = Path(argv[0])
    dest = Path(argv[1]) if len(argv) > 1 else DEFAULT_DEST
    if not (source / "config.cfg").is_file() or not (source / "meta.json").is_file():
        print(f"install_syntax_model: {source} is not a spaCy pipeline folder", file=sys.stderr)
        return 2
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".en_ewt-", dir=dest.parent))
    staging.chmod(0o755)                    # mkdtemp makes it private; the model is public
    try:
        copy_load_time_files(source, staging)
        check(staging)
        replace_dir(staging, dest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    size = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
    print(f"installed {source} -> {dest} ({size / 1e6:.1f} MB)")
    return 0


def copy_load_time_files(source: Path, dest: Path) -> None:
    config = load_config(source / "config.cfg", interpolate=False)
    components = list(config["nlp"]["pipeline"])
    for key in ("train", "dev"):            # build-machine paths: meaningless once shipped
        config["paths"][key] = None
    config.to_disk(dest / "config.cfg")
    meta = json.loads((source / "meta.json").read_text(encoding="utf-8"))
    meta.update(META)
    (dest / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n",
                                    encoding="utf-8")
    shutil.copy2(source / "tokenizer", dest / "tokenizer")
    for name in ["vocab", *components]:
        if (source / name).is_dir():
            shutil.copytree(source / name, dest / name)


def check(folder: Path) -> None:
    """Load the staged model and parse one sentence; raises if it does not work."""
    nlp = spacy.load(folder)
    doc = nlp(TEST_SENTENCE)
    roots = [t for t in doc if t.head.i == t.i]
    print(f"check: {len(doc)} tokens, root {roots[0].text!r} ({roots[0].pos_}), "
          + " ".join(f"{t.text}<-{t.dep_}-{t.head.text}" for t in doc[:4]))


def replace_dir(new: Path, dest: Path) -> None:
    """Swap ``new`` into ``dest`` with renames, so a failure never leaves half a model."""
    old = dest.with_name(dest.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if dest.exists():
        dest.rename(old)
    new.rename(dest)
    shutil.rmtree(old, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
