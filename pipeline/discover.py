"""Names the gazetteer lacks, learned from the article itself.

A gloss — a Chinese name followed by its English form in parentheses, 魏科夫（Steve Witkoff）— is a
strong alias pair: it links the Chinese form wherever it occurs in the article (and, through
`alias_suggestions`, in every article of the run), even when neither form is in the gazetteer. The
Chinese side of a gloss is the word just before the parenthesis, extended left over words made of
transliteration characters and stopped by a title (白宫发言人|凯利, 顾问|德米崔耶夫). Surnames of full
names linked in the article (雷朋 after 瑪琳．雷朋, `Kelly` after `Anna Kelly`) are learned the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .lexicon import (EN_FAC_WORDS, EN_ORG_WORDS, EN_PLACE_WORDS, FAC_SUFFIXES, GPE_SUFFIXES, LOC_SUFFIXES,
                      NAME_PARTICLES, ORG_SUFFIXES, TITLE_WORDS, TRANSLITERATION_CHARS)
from .normalise import fold_key, is_han
from .records import Candidate, Segmentation, Token

_GLOSS = re.compile(r"[（(][ \u3000]*([A-Za-z][A-Za-z.'’\- ]*?[A-Za-z.])[ \u3000]*(?=[）),，、;；:：])")
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’\-]*")


@dataclass(frozen=True, slots=True)
class Gloss:
    """A Chinese form and the English name glossing it, with the entity they name (or a new one)."""

    zh_start: int
    zh_end: int
    en_start: int
    en_end: int
    entity_id: str
    name_en: str
    label: str
    in_gazetteer: bool


def slug(name: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", fold_key(name).replace("'", ""))) or "unnamed"


def english_name_label(name: str) -> str | None:
    """PERSON/ORG/GPE/FAC for a string that reads as an English proper name, None if it does not."""
    words = _WORD.findall(name)
    if not words or len(words) > 6 or "".join(words) != name.replace(" ", "").replace("\u3000", ""):
        return None
    significant = [w for w in words if w.lower() not in NAME_PARTICLES]
    if not significant or not all(w[0].isupper() for w in significant):
        return None
    lower = {w.lower().strip(".") for w in words}
    if lower & EN_ORG_WORDS:
        return "ORG"
    if lower & EN_FAC_WORDS:
        return "FAC"
    if lower & EN_PLACE_WORDS:
        return "GPE"
    if len(words) == 1:
        # one word: an acronym (NATO) or a single name; too weak to say which without the gazetteer
        return "ORG" if name.isupper() and len(name) >= 3 else None
    return "PERSON"


def find_glosses(text: str, view: str, seg: Segmentation, found: list[Candidate],
                 gazetteer: Gazetteer) -> list[Gloss]:
    by_end = {}
    for c in found:
        if c.lang == "zh" and c.ids:
            by_end.setdefault(c.end, c)
            if (c.end - c.start) > (by_end[c.end].end - by_end[c.end].start):
                by_end[c.end] = c
    english = {(c.start, c.end): c for c in found if c.lang == "en" and c.ids}
    token_ending = {t.end: i for i, t in enumerate(seg.tokens)}
    glosses = []
    for match in _GLOSS.finditer(text):
        paren = match.start()
        en_start, en_end = match.span(1)
        name = match.group(1).strip()
        if paren == 0:
            continue
        known_en = english.get((en_start, en_end))
        label = english_name_label(name)
        if known_en is None and label is None:
            continue
        zh = by_end.get(paren)
        if zh is not None:
            zh_start = zh.start
        elif text[paren - 1] in "》」』":
            zh_start = _title_start(text, paren - 1)
            if label in (None, "PERSON"):
                label = "ORG"  # 《外交政策》（Foreign Policy）: a publication
        else:
            zh_start = _name_start(seg.tokens, token_ending.get(paren), view)
        if zh_start is None or zh_start >= paren:
            continue
        zh_end = paren if text[paren - 1] not in "》」』" else paren - 1
        if text[zh_start] in "《「『":
            zh_start += 1
        if zh_end - zh_start < 2 or not all(is_han(ch) or ch in "·．‧•・" for ch in text[zh_start:zh_end]):
            continue
        if known_en is not None:
            entity_id = known_en.ids[0]
            if zh is not None and entity_id not in zh.ids:
                # 國民聯盟（National Rally）: the gloss is the better evidence for an ambiguous Chinese form
                pass
            entity = gazetteer.entities[entity_id]
            glosses.append(Gloss(zh_start, zh_end, en_start, en_end, entity_id, entity.name_en, entity.label, True))
        elif zh is not None:
            entity = gazetteer.entities[zh.ids[0]]
            glosses.append(Gloss(zh_start, zh_end, en_start, en_end, entity.id, entity.name_en, entity.label, True))
        else:
            label = _refine_label(view[zh_start:zh_end], label or "PERSON")
            glosses.append(Gloss(zh_start, zh_end, en_start, en_end, slug(name), name, label, False))
    return glosses


def _refine_label(chinese: str, label: str) -> str:
    if label != "PERSON":
        return label
    for suffixes, better in ((ORG_SUFFIXES, "ORG"), (FAC_SUFFIXES, "FAC"), (GPE_SUFFIXES, "GPE"),
                             (LOC_SUFFIXES, "LOC")):
        if chinese.endswith(suffixes):
            return better
    return label


def _title_start(text: str, close: int) -> int | None:
    opening = {"》": "《", "」": "「", "』": "『"}[text[close]]
    start = text.rfind(opening, max(0, close - 30), close)
    return None if start < 0 else start


def _name_start(tokens: tuple[Token, ...], last: int | None, view: str) -> int | None:
    """Where the Chinese name ending at token `last` starts: see the module docstring."""
    if last is None or not tokens[last].is_han:
        return None
    first = last
    if view[tokens[last].start:tokens[last].end] in TITLE_WORDS:
        return None
    while first > 0:
        previous = tokens[first - 1]
        word = view[previous.start:previous.end]
        if previous.end != tokens[first].start or not previous.is_han or word in TITLE_WORDS:
            break
        single = tokens[first].end - tokens[first].start == 1 and first == last
        if not (single or all(ch in TRANSLITERATION_CHARS for ch in word)):
            break
        first -= 1
    return tokens[first].start


def gloss_candidates(glosses: list[Gloss]) -> list[Candidate]:
    found = []
    for g in glosses:
        ids = (g.entity_id,)
        found.append(Candidate(g.zh_start, g.zh_end, ids, "zh", "gloss", 0.95, g.label, g.name_en))
        found.append(Candidate(g.en_start, g.en_end, ids, "en", "gloss", 0.95, g.label, g.name_en))
    return found


def learned_forms(glosses: list[Gloss], chosen: list[Candidate], text: str, view: str,
                  labels: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Forms this article teaches: glossed Chinese forms, and surnames of linked full names."""
    forms: dict[str, tuple[str, ...]] = {}
    for g in glosses:
        forms.setdefault(fold_key(view[g.zh_start:g.zh_end]), (g.entity_id,))
    for c in chosen:
        if len(c.ids) != 1 or labels.get(c.ids[0]) != "PERSON":
            continue
        surface = text[c.start:c.end]
        if c.lang == "zh":
            parts = re.split(r"[·．‧•・]", view[c.start:c.end])
            if len(parts) > 1 and len(parts[-1]) >= 2:
                forms.setdefault(fold_key(parts[-1]), c.ids)
        else:
            words = surface.split()
            if len(words) >= 2 and len(words[-1]) >= 3 and words[-1][0].isupper():
                forms.setdefault(fold_key(words[-1]), c.ids)
    return forms


def find_learned(text: str, folded: str, seg: Segmentation, forms: dict[str, tuple[str, ...]],
                 method: str, confidence: float, details: dict[str, tuple[str, str]]) -> list[Candidate]:
    """Every occurrence of the learned forms on token boundaries (Chinese) or word boundaries (English)."""
    if not forms:
        return []
    starts = {t.start for t in seg.tokens}
    ends = {t.end for t in seg.tokens}
    found = []
    for form, ids in forms.items():
        han = is_han(form[0])
        position = folded.find(form)
        while position >= 0:
            end = position + len(form)
            if han:
                ok = position in starts and end in ends
            else:
                before = text[position - 1] if position else " "
                after = text[end] if end < len(text) else " "
                ok = not before.isalnum() and not after.isalnum() and text[position].isupper()
            if ok:
                name_en, label = details.get(ids[0], ("", ""))
                found.append(Candidate(position, end, ids, "zh" if han else "en", method, confidence, label, name_en))
            position = folded.find(form, position + 1)
    return found
