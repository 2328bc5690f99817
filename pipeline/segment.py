"""Words, sentences and language runs over the ORIGINAL text.

jieba segments Traditional text badly and splits unknown names (布林肯 → 布 / 林肯), so it runs on the
Simplified view with a private `jieba.Tokenizer` that knows every gazetteer form; the original text is
then cut at the same offsets. Names joined by a middle dot (唐納·川普, 史蒂文．張) are merged into one
word, because jieba always cuts at the dot. A spaCy `Doc` is built from those words (with the folded
Simplified form as `norm_` and sentence starts after final punctuation and line breaks); only plain
`Token`/`Span` records leave this module.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable

import jieba
import numpy
from spacy.attrs import NORM
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab

from .lexicon import TITLE_WORDS, TRANSLITERATION_CHARS
from .normalise import NAME_SEPARATORS, is_han, match_view, simplified_view
from .records import Segmentation, Span, Token

jieba.setLogLevel(logging.WARNING)

_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "…", "⋯")
_CLOSERS = ("」", "』", "”", "’", "）", ")", "》", '"')
_USER_WORD_FREQ = 2000  # enough to keep a listed name whole, not enough to break common words around it


@dataclass(frozen=True, eq=False)
class Segmenter:
    tokenizer: jieba.Tokenizer
    vocab: Vocab
    dotted_forms: frozenset[str]  # folded gazetteer forms with a middle dot (史蒂文·张)
    forms: frozenset[str]  # every folded gazetteer form


def build_segmenter(forms: Iterable[str]) -> Segmenter:
    """A private jieba tokenizer that keeps every given (folded Simplified) form, and each dotted part, whole."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    forms = frozenset(forms)
    dotted = set()
    for form in forms:
        if "·" in form:
            dotted.add(form)
        for part in _dotted_parts(form):
            if len(part) >= 2 and all(is_han(ch) for ch in part):
                tokenizer.add_word(part, max(tokenizer.FREQ.get(part) or 0, _USER_WORD_FREQ))
    return Segmenter(tokenizer, Vocab(), frozenset(dotted), forms)


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
    folded = match_view(view)
    bounds = _jieba_bounds(view, segmenter.tokenizer)
    bounds = _split_name_compounds(folded, bounds, segmenter)
    bounds = _merge_dotted_names(text, folded, bounds, segmenter.dotted_forms)
    words = [text[a:b] for a, b in bounds]
    doc, offsets = _build_doc(words, text, folded, segmenter)
    tokens = tuple(
        Token(start, end, text[start:end], folded[start:end], any(is_han(ch) for ch in text[start:end]))
        for start, end in offsets if not text[start:end].isspace()
    )
    sentences = tuple(Span(s.start_char, s.end_char, "sentence") for s in doc.sents if s.text.strip())
    return Segmentation(tokens, sentences, language_runs(text))


def _jieba_bounds(view: str, tokenizer: jieba.Tokenizer) -> list[tuple[int, int]]:
    bounds = []
    position = 0
    for word in tokenizer.cut(view):
        bounds.append((position, position + len(word)))
        position += len(word)
    assert position == len(view), "jieba words do not rebuild the text"
    return bounds


def _split_name_compounds(folded: str, bounds: list[tuple[int, int]], segmenter: Segmenter) -> list[tuple[int, int]]:
    """jieba's dictionary holds compounds that hide a name inside them: a name and a title (日本首相,
    美国总统), a verb and an institution (解散国会), two institutions (国会下议院). Such a word, when it
    is not itself a listed form, is cut in two."""
    out = []
    for start, end in bounds:
        word = folded[start:end]
        cut = None
        if end - start >= 4 and word not in segmenter.forms:
            for split in range(2, len(word) - 1):
                head, tail = word[:split], word[split:]
                if (head in segmenter.forms and tail in TITLE_WORDS) or (
                        tail in segmenter.forms and (head in segmenter.forms or segmenter.tokenizer.FREQ.get(head, 0) > 0)):
                    cut = start + split
                    break
        if cut is None:
            out.append((start, end))
        else:
            out += [(start, cut), (cut, end)]
    return out


def _name_part(word: str) -> bool:
    return bool(word) and word not in TITLE_WORDS and all(ch in TRANSLITERATION_CHARS for ch in word)


def _merge_dotted_names(text: str, folded: str, bounds: list[tuple[int, int]],
                        dotted_forms: frozenset[str]) -> list[tuple[int, int]]:
    """Join `A`, `·`, `B` into one word when A ends and B starts with a Chinese character. jieba cuts at
    the dot and may split a part (纳伦|德拉·莫迪) or glue a verb to it (史蒂文·|张说), so the name is grown
    over neighbouring words made of transliteration characters, then cut back to a listed form or
    before a trailing reporting verb."""
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(bounds):
        start, end = bounds[i]
        last = i
        while (
            last + 2 < len(bounds)
            and bounds[last + 1][1] - bounds[last + 1][0] == 1
            and text[bounds[last + 1][0]] in NAME_SEPARATORS
            and is_han(text[bounds[last][1] - 1])
            and is_han(text[bounds[last + 2][0]])
        ):
            last += 2
        if last == i:
            merged.append((start, end))
            i += 1
            continue
        while merged and merged[-1][1] == start and _name_part(folded[merged[-1][0]:merged[-1][1]]):
            start = merged.pop()[0]
        while (last + 1 < len(bounds) and bounds[last + 1][0] == bounds[last][1]
               and _name_part(folded[bounds[last + 1][0]:bounds[last + 1][1]])):
            last += 1
        end = bounds[last][1]
        cut = _name_end(folded, start, end, dotted_forms)
        merged.append((start, cut))
        if cut < end:
            merged.append((cut, end))
        i = last + 1
    return merged


def _name_end(folded: str, start: int, end: int, dotted_forms: frozenset[str]) -> int:
    last_dot = folded.rfind("·", start, end)
    for cut in range(end, last_dot + 1, -1):
        if folded[start:cut] in dotted_forms:
            return cut
    if end - last_dot > 2 and folded[end - 1] in _VERB_CHARS:
        return end - 1  # 瑪琳·雷朋說: the verb jieba glued to the last part
    return end


_VERB_CHARS = frozenset("说称道表指")


def _build_doc(words: list[str], text: str, folded: str, segmenter: Segmenter) -> tuple[Doc, list[tuple[int, int]]]:
    """A Doc over our words, with the folded Simplified form as each token's norm; a sentence starts
    after 。！？!?… and after any line break (a headline without final punctuation still ends there).
    Returns the Doc and each token's (start, end), computed without creating spaCy Token objects,
    which would cost more than jieba itself."""
    spacy_words, spaces = get_words_and_spaces([w for w in words if w], text)
    starts, offsets, norms = [], [], []
    position = 0
    pending = True
    for index, word in enumerate(spacy_words):
        # closing marks after 。 stay with their sentence: 「好。」 ends after 」
        starts.append(pending and not word.startswith(_CLOSERS))
        pending = (pending and word.startswith(_CLOSERS)) or word.endswith(_SENTENCE_ENDS) or "\n" in word
        offsets.append((position, position + len(word)))
        norms.append(segmenter.vocab.strings.add(folded[position:position + len(word)]))
        position += len(word) + (1 if spaces[index] else 0)
    doc = Doc(segmenter.vocab, words=spacy_words, spaces=spaces, sent_starts=starts)
    if norms:
        doc.from_array([NORM], numpy.array(norms, dtype="uint64").reshape(-1, 1))
    return doc, offsets


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
