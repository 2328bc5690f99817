"""Words, sentences and language runs over the ORIGINAL text.

jieba segments Traditional text badly and splits unknown names (布林肯 → 布 / 林肯), so it runs on the
Simplified view with a private `jieba.Tokenizer` that knows every gazetteer form; the original text is
then cut at the same offsets. Names joined by a middle dot (唐納·川普, 史蒂文．張) are merged into one
word, because jieba always cuts at the dot. A spaCy `Doc` is built from those words (with the folded
Simplified form as `norm_`) to find sentences; only plain `Token`/`Span` records leave this module.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable

import jieba
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab

from .normalise import NAME_SEPARATORS, is_han, match_view, simplified_view
from .records import Segmentation, Span, Token

jieba.setLogLevel(logging.WARNING)

SENTENCE_ENDS = ["。", "！", "？", "!", "?", "\n", "…", "⋯"]
_USER_WORD_FREQ = 2000  # enough to keep a listed name whole, not enough to break common words around it


@dataclass(frozen=True, eq=False)
class Segmenter:
    tokenizer: jieba.Tokenizer
    vocab: Vocab
    sentencizer: Sentencizer


def build_segmenter(forms: Iterable[str]) -> Segmenter:
    """A private jieba tokenizer that keeps every given (Simplified) form, and each dotted part, whole."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for form in forms:
        for part in _dotted_parts(form):
            if len(part) >= 2 and all(is_han(ch) for ch in part):
                tokenizer.add_word(part, max(tokenizer.FREQ.get(part) or 0, _USER_WORD_FREQ))
    return Segmenter(tokenizer, Vocab(), Sentencizer(punct_chars=SENTENCE_ENDS))


def _dotted_parts(form: str) -> list[str]:
    parts = [form]
    for sep in NAME_SEPARATORS:
        if sep in form:
            parts = [p for piece in parts for p in piece.split(sep)]
    if len(parts) > 1:
        parts.append("".join(parts))
    return parts


def segment(text: str, segmenter: Segmenter, view: str | None = None) -> Segmentation:
    view = simplified_view(text) if view is None else view
    bounds = _jieba_bounds(view, segmenter.tokenizer)
    bounds = _merge_dotted_names(text, bounds)
    words = [text[a:b] for a, b in bounds]
    folded = match_view(view)
    doc = _build_doc(words, text, segmenter)
    for token in doc:
        token.norm_ = folded[token.idx:token.idx + len(token.text)]
    segmenter.sentencizer(doc)
    tokens = tuple(
        Token(t.idx, t.idx + len(t.text), t.text, t.norm_, any(is_han(ch) for ch in t.text))
        for t in doc if not t.is_space
    )
    sentences = tuple(
        Span(s.start_char, s.end_char, "sentence") for s in doc.sents if s.text.strip()
    )
    return Segmentation(tokens, sentences, language_runs(text))


def _jieba_bounds(view: str, tokenizer: jieba.Tokenizer) -> list[tuple[int, int]]:
    bounds = []
    position = 0
    for word in tokenizer.cut(view):
        bounds.append((position, position + len(word)))
        position += len(word)
    assert position == len(view), "jieba words do not rebuild the text"
    return bounds


def _merge_dotted_names(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge `A`, `·`, `B` into one word when A ends and B starts with a Chinese character."""
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(bounds):
        start, end = bounds[i]
        while (
            i + 2 < len(bounds)
            and bounds[i + 1][1] - bounds[i + 1][0] == 1
            and text[bounds[i + 1][0]] in NAME_SEPARATORS
            and is_han(text[end - 1])
            and is_han(text[bounds[i + 2][0]])
        ):
            end = bounds[i + 2][1]
            i += 2
        merged.append((start, end))
        i += 1
    return merged


def _build_doc(words: list[str], text: str, segmenter: Segmenter) -> Doc:
    # Whitespace inside a word (jieba keeps "\n" and runs of spaces as words) is left to spaCy's rules.
    spacy_words, spaces = get_words_and_spaces([w for w in words if w], text)
    return Doc(segmenter.vocab, words=spacy_words, spaces=spaces)


def language_runs(text: str) -> tuple[Span, ...]:
    """Maximal runs of Chinese (`zh`) or Latin-script (`en`) text; other characters join the run before."""
    runs: list[list] = []
    for index, ch in enumerate(text):
        if is_han(ch):
            lang = "zh"
        elif ch.isalpha():
            lang = "en"
        else:
            lang = None
        if lang is None or (runs and runs[-1][2] == lang):
            if runs:
                runs[-1][1] = index + 1
            continue
        runs.append([index, index + 1, lang])
    if runs:
        runs[0][0] = 0
    return tuple(Span(a, b, lang) for a, b, lang in runs)
