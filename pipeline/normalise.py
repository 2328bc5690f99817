"""Same-length views of an article for searching, never a changed text.

OpenCC `t2s` maps Traditional to Simplified character for character, so the Simplified view has the
length of the original and an offset found on it is an offset into the original. The matching view
folds further, still one character for one: name separators (`·．‧•・`) to `·`, full-width Latin to
ASCII, Latin to lower case without diacritics, hyphens to spaces. Length-changing folds (NFKC,
casefold, phrase configs such as `s2twp`) are only ever applied to a short form's key, never to text.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc

NAME_SEPARATORS = "·．‧•・•∙⋅"
HYPHENS = "-‐‑‒–—"  # folded to a space so `Jean-Luc` matches `Jean Luc`
_T2S = opencc.OpenCC("t2s")
_S2T = opencc.OpenCC("s2t")


def simplified_view(text: str) -> str:
    """OpenCC t2s of `text`, guaranteed the same length (phrase rules that would change it are undone)."""
    view = _T2S.convert(text)
    if len(view) != len(text):
        view = "".join(_convert_char(ch) for ch in text)
    assert len(view) == len(text), "normalisation changed the text length"
    return view


def _convert_char(ch: str) -> str:
    converted = _T2S.convert(ch)
    return converted if len(converted) == 1 else ch


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """One character of the matching view (always exactly one character)."""
    if ch in NAME_SEPARATORS:
        return "·"
    if ch in HYPHENS:
        return " "
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII
        ch = chr(code - 0xFEE0)
    elif ch == "\u3000":
        return " "
    elif ch in "’‘`´":
        return "'"
    if ch.isascii():
        return ch.lower()
    if ch.isalpha() and unicodedata.name(ch, "").startswith(("LATIN", "GREEK", "CYRILLIC")):
        # diacritics only for alphabets (Mélenchon = Melenchon); kana and Hangul decompose into other letters
        base = unicodedata.normalize("NFKD", ch)[0].lower()
        return base if len(base) == 1 else ch
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def match_view(simplified: str) -> str:
    """The folded view used by the name search; same length as the text."""
    return "".join(fold_char(ch) for ch in simplified)


@lru_cache(maxsize=1 << 17)
def fold_key(alias: str) -> str:
    """The search key of a gazetteer form: the same folds as `match_view`, applied to the alias alone."""
    key = match_view(simplified_view(unicodedata.normalize("NFC", alias.strip())))
    return " ".join(key.split())


def to_traditional(text: str) -> str:
    return _S2T.convert(text)


def is_han(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2EBEF
        or 0xF900 <= code <= 0xFAFF
        or code == 0x3007
    )


def detect_script(text: str, view: str | None = None) -> str:
    """`traditional`, `simplified`, `mixed` or `` (no Chinese), by the characters OpenCC would change.
    `view` is the text's Simplified view when the caller has it already."""
    view = simplified_view(text) if view is None else view
    pairs = [(a, b) for a, b in zip(text, view) if is_han(a)]
    if not pairs:
        return ""
    sample = "".join(a for a, _ in pairs)
    traditional = sum(a != b for a, b in pairs)
    to_trad = _S2T.convert(sample)
    simplified = sum(a != b for a, b in zip(sample, to_trad)) if len(to_trad) == len(sample) else 0
    if traditional == simplified == 0:
        return "mixed"
    if traditional >= 3 * max(simplified, 1) or simplified == 0:
        return "traditional"
    if simplified >= 3 * max(traditional, 1) or traditional == 0:
        return "simplified"
    return "mixed"
