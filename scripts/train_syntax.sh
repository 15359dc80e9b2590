#!/usr/bin/env bash
# make model: train the syntax model on UD English-EWT and install it in resources/syntax/en_ewt.
#
#   scripts/train_syntax.sh [PYTHON]
#
# Environment: SYNTAX_CONFIG (default resources/syntax/ewt.cfg; resources/syntax/ewt-wide.cfg
# for the wider model), SYNTAX_CORPUS (default ../shared/corpora/syntax, the folder with
# en_ewt-ud-{train,dev}.conllu), SYNTAX_TRAIN_MINUTES (default 125: training runs until this
# time limit, then is stopped with SIGINT; spaCy keeps the best checkpoint on the dev split
# so far in model-best). On a 2-core machine 125 minutes are about 9,000 steps.
# Never run in CI: the trained model is committed.
set -euo pipefail

cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
CORPUS=${SYNTAX_CORPUS:-../shared/corpora/syntax}
MINUTES=${SYNTAX_TRAIN_MINUTES:-125}
CONFIG=${SYNTAX_CONFIG:-resources/syntax/ewt.cfg}

for split in train dev; do
    if [ ! -f "$CORPUS/en_ewt-ud-$split.conllu" ]; then
        echo "train_syntax: $CORPUS/en_ewt-ud-$split.conllu not found (set SYNTAX_CORPUS)" >&2
        exit 2
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/dateline-syntax.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
for split in train dev; do
    # -n 10: ten sentences per training document, so the parser learns sentence boundaries
    "$PY" -m spacy convert "$CORPUS/en_ewt-ud-$split.conllu" "$work/corpus" \
        --converter conllu -n 10 >/dev/null
done

status=0
timeout -s INT "${MINUTES}m" nice -n 5 "$PY" -m spacy train "$CONFIG" --output "$work/out" \
    --paths.train "$work/corpus/en_ewt-ud-train.spacy" \
    --paths.dev "$work/corpus/en_ewt-ud-dev.spacy" || status=$?
# 124: stopped by the time limit (expected); 130: interrupted the same way by hand.
if [ "$status" -ne 0 ] && [ "$status" -ne 124 ] && [ "$status" -ne 130 ]; then
    echo "train_syntax: spacy train failed (exit $status)" >&2
    exit "$status"
fi
if [ ! -f "$work/out/model-best/config.cfg" ]; then
    echo "train_syntax: no checkpoint was written (time limit too short?)" >&2
    exit 1
fi
"$PY" scripts/install_syntax_model.py "$work/out/model-best"
