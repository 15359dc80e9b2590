"""Development harness: score extraction against the real annotated corpora.

Run with ``make eval`` (``python -m dateline.evaluation``). It prints figures; it is not a
test. The corpora are read from ``../shared/corpora`` (or ``$DATELINE_CORPORA``) and are
never copied into this repository. Each corpus is split by a stable hash of the document
name into a development part (tune on it) and a held-out part (report it, never tune on it).
"""
