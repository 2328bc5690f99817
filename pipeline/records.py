"""The data shapes that flow between stages.

Every stage takes and returns these small frozen records; the field order of the table records
(`Mention`, `Quote`, `Problem`, `AliasSuggestion`) is the column order of their CSV files. Offsets are
half-open Python `str` indices into the ORIGINAL article text: `article.text[r.start:r.end] == r.text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP")


@dataclass(frozen=True, slots=True)
class Article:
    """One input article as the loader returns it; `text` is never modified afterwards."""

    doc_id: str
    text: str
    source: str = ""
    title: str = ""
    outlet: str = ""
    date: str = ""
    url: str = ""
    encoding: str = ""
    status: str = "ok"  # ok | empty | error
    problem: str = ""


@dataclass(frozen=True, slots=True)
class Token:
    """A word cut from the original text where jieba cut the Simplified view."""

    start: int
    end: int
    text: str
    norm: str  # Simplified, name separators folded
    is_han: bool


@dataclass(frozen=True, slots=True)
class Span:
    """A plain region of the text: a sentence or a run of one language."""

    start: int
    end: int
    kind: str  # "sentence", "zh", "en"


@dataclass(frozen=True, slots=True)
class Segmentation:
    tokens: tuple[Token, ...]
    sentences: tuple[Span, ...]
    runs: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    doc_id: str
    start: int
    end: int
    text: str
    label: str
    entity_id: str
    name_en: str
    wikidata: str
    lang: str  # zh | en
    method: str  # gazetteer, fuzzy, handle, gloss, corpus_alias, document, phonetic, pattern
    confidence: float


@dataclass(frozen=True, slots=True)
class Quote:
    doc_id: str
    quote_id: str
    start: int
    end: int
    text: str
    lang: str
    speaker_id: str
    speaker_en: str
    speaker_text: str
    cue: str
    kind: str  # direct | fragment | post
    method: str
    confidence: float
    translation_of: str


@dataclass(frozen=True, slots=True)
class Problem:
    doc_id: str
    offset: int  # -1 when the problem is not at a place in the text
    kind: str
    detail: str


@dataclass(frozen=True, slots=True)
class AliasSuggestion:
    alias: str
    name_en: str
    entity_id: str
    evidence: str
    documents: str
    count: int


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything extracted from one article; `extract` gathers these into tables."""

    article: Article
    script: str
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    problems: tuple[Problem, ...] = ()
    learned: tuple[AliasSuggestion, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name found in the text before resolution: the entity ids it may refer to, best first."""

    start: int
    end: int
    ids: tuple[str, ...]
    lang: str
    method: str
    confidence: float
    label: str = ""  # set when the candidate has no entity id (a discovered name)
    name_en: str = ""  # likewise
