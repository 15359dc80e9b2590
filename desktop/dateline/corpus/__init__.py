"""Reading articles and manifests (Qt-free)."""
from .reader import Article, CorpusLoad, Problem, load_corpus, make_article, text_sha256

__all__ = ["Article", "CorpusLoad", "Problem", "load_corpus", "make_article", "text_sha256"]
