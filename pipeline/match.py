"""Finding gazetteer forms in an article, on token boundaries.

Chinese forms are searched on the folded Simplified view (one Aho-Corasick pass over all forms) and kept
only where a match starts and ends on a word boundary, so 川普 is not found inside 四川普通話. English
forms are searched in the same pass, kept where the letters before and after are not letters, and
corrected for obvious typos (`Valdimir Putin`) by a bounded edit distance. Twitter handles
(`@rustem_umerov`) are read as the names they spell. Matching is pure: it returns `Candidate`s with all
the entities a form may mean and leaves the choice to `resolve`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick_rs
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .gazetteer import Gazetteer
from .lexicon import FUNCTION_CHARS, TRANSLITERATION_CHARS, jieba_word_counts
from .normalise import fold_key, is_han
from .records import Candidate, Segmentation

_HANDLE = re.compile(r"(?<![A-Za-z0-9_])@([A-Za-z0-9_]{3,15})")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z'’]+(?:[ \-][A-Z][a-z'’]+){1,3}\b")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
# A handle often starts with a title: @RepDonBacon, @SenSchumer, @GovRonDeSantis
_HANDLE_TITLES = ("rep", "sen", "gov", "potus", "flotus", "mayor", "pm", "president", "dr", "the", "real")


@dataclass(frozen=True, eq=False)
class NameIndex:
    """Everything matching needs, built once per gazetteer."""

    gazetteer: Gazetteer
    keys: tuple[str, ...]
    automaton: ahocorasick_rs.AhoCorasick
    fuzzy_choices: tuple[str, ...]  # multi-word English keys long enough to correct typos against
    squashed_en: dict[str, str]  # English key without spaces -> key, for handles
    lowercase_en: frozenset[str]  # keys of English forms written in lower case (franceinfo)
    acronyms: frozenset[str]  # keys written only in capitals (WHO, US): `Who` and `us` are words
    institutions: dict[str, dict[str, str]]  # 国防部 -> {russia: russia-ministry-of-defence, ...}
    places: dict[str, str]  # Chinese key of a GPE -> its entity id
    country_of: dict[str, str]  # institution entity -> the place its listed forms are qualified by


def build_index(gazetteer: Gazetteer) -> NameIndex:
    keys = tuple(sorted(set(gazetteer.zh_keys) | set(gazetteer.en_keys)))
    automaton = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.Standard)
    fuzzy = tuple(k for k in gazetteer.en_keys if " " in k and len(k) >= 8)
    squashed = {}
    for key in gazetteer.en_keys:
        squashed.setdefault(key.replace(" ", "").replace(".", ""), key)
    lowercase = frozenset(fold_key(a.alias) for a in gazetteer.aliases if a.script == "Latn" and a.alias.islower())
    written = {}
    for a in gazetteer.aliases:
        if a.script == "Latn":
            written.setdefault(fold_key(a.alias), set()).add(a.alias.isupper())
    acronyms = frozenset(key for key, kinds in written.items() if kinds == {True} and len(key) <= 6)
    places = _places(gazetteer)
    institutions, country_of = _institutions(gazetteer, places)
    return NameIndex(gazetteer, keys, automaton, fuzzy, squashed, lowercase, acronyms, institutions, places,
                     country_of)


# A bare institution word names the institution of the country the article is about: 國會 in a French
# article is the French parliament, 國防部 in a Russian one the Russian ministry. The words are learned
# from the gazetteer's country-qualified forms (俄羅斯國防部 = 俄羅斯 + 國防部); only heads that end like
# an institution count — not 政府 (any government) or a team nickname (國王, 火箭).
_INSTITUTION_ENDINGS = ("会", "院", "部", "署", "局", "厅", "府", "军", "警", "央行", "党", "法院")
_NOT_INSTITUTIONS = frozenset({"政府", "市政府", "州政府", "银行", "议会"})


def _places(gazetteer: Gazetteer) -> dict[str, str]:
    places = {}
    for key, ids in gazetteer.zh_keys.items():
        for entity_id in ids:
            if gazetteer.entities[entity_id].label == "GPE":
                places.setdefault(key, entity_id)
    return places


def _institutions(gazetteer: Gazetteer, places: dict[str, str]) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    heads: dict[str, dict[str, str]] = {}
    country_of: dict[str, str] = {}
    for key, ids in gazetteer.zh_keys.items():
        for entity_id in ids:
            if gazetteer.entities[entity_id].label not in ("ORG", "FAC"):
                continue
            # the longest place that starts the form: 印度尼西亞國會 is Indonesia's, not 印度 + 尼西亞國會
            split = next((n for n in range(len(key) - 2, 1, -1) if key[:n] in places), None)
            if split is None:
                continue
            head, place = key[split:], places[key[:split]]
            if head in _NOT_INSTITUTIONS or not head.endswith(_INSTITUTION_ENDINGS):
                continue
            known = heads.setdefault(head, {}).get(place)
            if known is None or gazetteer.entities[entity_id].prior > gazetteer.entities[known].prior:
                heads[head][place] = entity_id
            country_of.setdefault(entity_id, place)
    # A common word is an institution word only when many countries have one (外交部, 海軍); a common
    # word seen after one or two places (麻省|理工學院, 某國|委員會) is a generic noun.
    common = jieba_word_counts()
    heads = {h: by_place for h, by_place in heads.items() if common.get(h, 0) < 500 or len(by_place) >= 3}
    return heads, country_of


def find_names(text: str, folded: str, seg: Segmentation, index: NameIndex) -> list[Candidate]:
    """All gazetteer forms on boundaries, typo-corrected English names and handles (overlaps allowed)."""
    starts = {t.start for t in seg.tokens}
    ends = {t.end for t in seg.tokens}
    lone = [t for t in seg.tokens
            if len(t.norm) == 1 and t.norm in TRANSLITERATION_CHARS and t.norm not in FUNCTION_CHARS]
    lone_starts, lone_ends = {t.start for t in lone}, {t.end for t in lone}
    found = []
    for key_index, start, end in index.automaton.find_matches_as_indexes(folded, overlapping=True):
        key = index.keys[key_index]
        if is_han(key[0]) or is_han(key[-1]):
            if start not in starts or end not in ends:
                continue
            ids, lang = index.gazetteer.zh_keys.get(key), "zh"
            # a listed short name inside a longer unlisted one: 柯瑞|德 (柯瑞德), 薩|尼斯|托拉 (薩尼斯托拉)
            if end in lone_starts and _all_people(ids, index) and len(key) <= 3:
                continue
            if (start in lone_ends or end in lone_starts) and len(key) <= 2:
                continue
        else:
            if not _latin_bounded(text, start, end) or not _looks_like_name(text[start:end], key, index):
                continue
            ids, lang = index.gazetteer.en_keys.get(key), "en"
        if ids:
            found.append(Candidate(start, end, ids, lang, "gazetteer", 1.0))
    found += _fuzzy_english(text, folded, found, index)
    found += _handles(text, index)
    found += _handles_after_names(text, found)
    return found


def _all_people(ids: tuple[str, ...] | None, index: NameIndex) -> bool:
    return bool(ids) and all(index.gazetteer.entities[i].label == "PERSON" for i in ids)


def _latin_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (_wordish(before) or before == "@") and not _wordish(after)


def _wordish(ch: str) -> bool:
    return (ch.isalnum() and not is_han(ch)) or ch == "_"


def _looks_like_name(surface: str, key: str, index: NameIndex) -> bool:
    """A name is capitalised as written (`Trump`, not `trump` the verb) unless the gazetteer writes the
    form in lower case itself (`franceinfo`)."""
    if key in index.acronyms:
        return surface.isupper()
    if " " in key or len(key) > 12:
        return True
    return not surface[:1].islower() or key in index.lowercase_en  # 9/11 has no case to check


def _fuzzy_english(text: str, folded: str, exact: list[Candidate], index: NameIndex) -> list[Candidate]:
    exact_spans = {(c.start, c.end) for c in exact if c.lang == "en"}
    found = []
    for match in _CAPITALISED_RUN.finditer(text):
        start, end = match.span()
        # `Valdimir Putin` holds an exact `Putin`; only a run matched whole needs no correction
        if (start, end) in exact_spans:
            continue
        query = folded[start:end]
        if len(query) < 8 or query in index.gazetteer.en_keys:
            continue
        limit = 1 if len(query) < 16 else 2
        best = process.extractOne(query, index.fuzzy_choices, scorer=OSA.distance, score_cutoff=limit)
        if best is None:
            continue
        key, distance, _ = best
        # a typo keeps the initials: `Valdimir Putin` is Vladimir Putin, `Mark Brown` is not Mark Crown
        if [w[0] for w in key.split()] != [w[0] for w in query.split()]:
            continue
        confidence = round(1.0 - 0.1 * distance, 2)
        found.append(Candidate(start, end, index.gazetteer.en_keys[key], "en", "fuzzy", confidence))
    return found


_HANDLE_IN_PARENS = re.compile(r"[ \t]*[(（](@[A-Za-z0-9_]{1,15})[)）]")


def _handles_after_names(text: str, found: list[Candidate]) -> list[Candidate]:
    """`Karoline Leavitt (@PressSec)`: a handle in parentheses right after a name is that person's."""
    spelled = {c.start for c in found if c.method == "handle"}
    handles = []
    for c in found:
        if c.lang != "en" or not c.ids:
            continue
        match = _HANDLE_IN_PARENS.match(text, c.end)
        if match and match.start(1) not in spelled:
            handles.append(Candidate(match.start(1), match.end(1), c.ids, "en", "handle", 0.85))
    return handles


def _handles(text: str, index: NameIndex) -> list[Candidate]:
    found = []
    for match in _HANDLE.finditer(text):
        words = [w.lower() for part in match.group(1).split("_") for w in _CAMEL.findall(part)]
        while len(words) > 2 and words[0] in _HANDLE_TITLES:
            words = words[1:]
        key = index.squashed_en.get("".join(words))
        if key is None or " " not in key:
            continue  # a handle that spells only a surname is too weak (`@trump` may be anyone's)
        found.append(Candidate(match.start(), match.end(), index.gazetteer.en_keys[key], "en", "handle", 0.9))
    return found
