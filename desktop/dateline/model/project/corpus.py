"""Read a project's corpus: every folder with its own manifest, one list of articles."""
from __future__ import annotations

from dataclasses import replace

from dateline.corpus import CorpusLoad, load_corpus
from dateline.model.project.file import Project


def load_project_corpus(project: Project) -> CorpusLoad:
    """The articles of every folder of ``project`` (relative folders are relative to the
    project file); problems name the file. Folders without a manifest of their own are
    read together (a ``manifest.csv`` beside them is found as usual); article ids stay
    unique across folders."""
    shared, own = [], []
    for folder, manifest in project.corpus_paths():
        (own if manifest is not None else shared).append((folder, manifest))
    loads = [load_corpus([f for f, _ in shared])] if shared else []
    loads += [load_corpus([folder], manifest=manifest) for folder, manifest in own]
    articles, problems, used = [], [], set()
    for load in loads:
        problems += load.problems
        for article in load.articles:
            article_id, n = article.id, 2
            while article_id in used:           # the same file name in two folders
                article_id, n = f"{article.id}-{n}", n + 1
            used.add(article_id)
            articles.append(article if article_id == article.id
                            else replace(article, id=article_id))
    return CorpusLoad(articles, problems)
