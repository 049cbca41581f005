"""Natasha's models, built once per process and only when tagging actually starts.

`counts`, `digest` and `search` never import this module's models, so they never pay the
~1 s start-up and the memory of the embeddings.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from natasha import (
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)


@dataclass(frozen=True)
class Models:
    segmenter: Segmenter
    morph_vocab: MorphVocab
    embedding: NewsEmbedding
    ner_tagger: NewsNERTagger
    morph_tagger: NewsMorphTagger
    syntax_parser: NewsSyntaxParser


@functools.cache
def get_models() -> Models:
    """Return the process-wide Natasha models (the models ship inside the packages)."""
    embedding = get_embedding()
    return Models(
        segmenter=Segmenter(),
        morph_vocab=MorphVocab(),
        embedding=embedding,
        ner_tagger=NewsNERTagger(embedding),
        morph_tagger=NewsMorphTagger(embedding),
        syntax_parser=NewsSyntaxParser(embedding),
    )


@functools.cache
def get_morph_vocab() -> MorphVocab:
    """pymorphy2 behind Natasha's MorphVocab, without the neural models (cheap to load)."""
    return MorphVocab()


@functools.cache
def get_embedding() -> NewsEmbedding:
    """Navec's news word vectors that ship inside Natasha (the NER models and the tone model share
    them); about 0.6 s to load, once per process."""
    return NewsEmbedding()
