"""Parsed sentences as plain data: words with offsets, POS, lemma, morphology, head, relation.

What ``dateline.extract.syntax.parse`` returns, kept free of spaCy so that rule code which
only reads parses (``syntax_repair``) and its tests need not import it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Word:
    i: int          # index in its sentence
    start: int      # character offsets into the parsed text
    end: int
    text: str
    pos: str        # UPOS ("VERB", "PROPN"; "SPACE" for stray whitespace)
    tag: str        # EWT XPOS ("VBD", "NNP")
    lemma: str
    morph: str      # UD features, "Mood=Ind|Tense=Past|VerbForm=Fin"
    head: int       # index of the head in the same sentence; the root points to itself
    dep: str        # UD relation, lower case ("root" for the root)

    @property
    def is_root(self) -> bool:
        return self.head == self.i


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    words: tuple[Word, ...]

    @property
    def root(self) -> Word | None:
        return next((w for w in self.words if w.is_root), None)

    def head_of(self, word: Word) -> Word:
        return self.words[word.head]

    def children(self, word: Word) -> list[Word]:
        return [w for w in self.words if w.head == word.i and not w.is_root]

    def ancestors(self, word: Word) -> list[Word]:
        """Heads from ``word`` up to the root (nearest first); stops on a malformed cycle."""
        chain, seen = [], {word.i}
        while not word.is_root:
            word = self.words[word.head]
            if word.i in seen:
                break
            chain.append(word)
            seen.add(word.i)
        return chain

    def subtree(self, word: Word) -> list[Word]:
        """``word`` and every word below it, in text order."""
        below, todo = {word.i}, [word]
        while todo:
            for child in self.children(todo.pop()):
                if child.i not in below:
                    below.add(child.i)
                    todo.append(child)
        return [w for w in self.words if w.i in below]

    def word_at(self, offset: int) -> Word | None:
        """The word covering character ``offset``, if any."""
        return next((w for w in self.words if w.start <= offset < w.end), None)

    def words_in(self, start: int, end: int) -> list[Word]:
        """Words overlapping the character range [start, end)."""
        return [w for w in self.words if w.start < end and start < w.end]

    def span_head(self, start: int, end: int) -> Word | None:
        """The word of [start, end) whose head lies outside it (a phrase's head word)."""
        inside = self.words_in(start, end)
        ids = {w.i for w in inside}
        return next((w for w in inside if w.is_root or w.head not in ids), None)


def reattach(sentence: Sentence, word: Word, head: Word, dep: str) -> Sentence:
    """A copy of ``sentence`` with ``word`` attached to ``head`` as ``dep``."""
    words = list(sentence.words)
    words[word.i] = replace(word, head=head.i, dep=dep)
    return replace(sentence, words=tuple(words))
