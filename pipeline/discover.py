"""Names the gazetteer lacks, learned from the article itself.

A gloss — a Chinese name followed by its English form in parentheses, 魏科夫（Steve Witkoff）— is a
strong alias pair: it links the Chinese form wherever it occurs in the article (and, through the
corpus pass in `api`, in every article of the run), even when neither form is in the gazetteer. The
Chinese side of a gloss is the word just before the parenthesis, extended left over words made of
transliteration characters and stopped by a title (白宫发言人|凯利, 顾问|德米崔耶夫). Surnames of full
names linked in the article (雷朋 after 瑪琳．雷朋, `Kelly` after `Anna Kelly`) are learned the same way.
Spans no list knows that read as transliterations become PERSON (or place/body) mentions, linked by
sound (`phonetic`) to an English name of the article when one stands out. Finally, names that run on
past a listed form (湖人隊, 哈拉爾五世, 挪威諾貝爾研究所) and words built on a place (英國人, 北京時間)
are read as what they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .gazetteer import Gazetteer
from .lexicon import (EN_EVENT_WORDS, EN_FAC_WORDS, EN_ORG_WORDS, EN_PLACE_WORDS, EVENT_SUFFIXES, FAC_SUFFIXES,
                      FUNCTION_CHARS, GPE_SUFFIXES, LOC_SUFFIXES, NAME_PARTICLES, ORG_SUFFIXES, PHRASE_BOUNDARIES,
                      TITLE_WORDS, TRANSLITERATION_CHARS)
from .normalise import fold_key, is_han
from .records import Candidate, Segmentation, Token

_GLOSS = re.compile(r"[ \u3000]?[（(][ \u3000]*([A-Za-z][A-Za-z.'’\- ]*?[A-Za-z.])[ \u3000]*(?=[）),，、;；:：])")
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
    if lower & EN_EVENT_WORDS:
        return "EVENT"
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
                 gazetteer: Gazetteer, word_freq: dict[str, int]) -> list[Gloss]:
    """Every `中文（English）` pair whose English side reads as a name and whose Chinese side can be
    delimited: a gazetteer form ending at the parenthesis, a 《title》, a transliterated name (for a
    person or a one-word name), or a phrase ending in an organisation or place word (國際刑事法院（ICC）).
    A Chinese side that is a common word (公司, 政府) is never learned: it names nothing by itself."""
    by_end: dict[int, Candidate] = {}
    for c in found:
        if c.lang == "zh" and c.ids and (c.end not in by_end or c.end - c.start > by_end[c.end].end - by_end[c.end].start):
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
        single = label is None and re.fullmatch(r"[A-Z][a-z]+", name) is not None
        if known_en is None and label is None and not single:
            continue
        if known_en is not None:
            label = gazetteer.entities[known_en.ids[0]].label
        zh = by_end.get(paren)
        zh_end = paren
        if zh is not None:
            zh_start = zh.start
        elif text[paren - 1] in "》」』":
            zh_start, zh_end = _title_start(text, paren - 1), paren - 1
            if zh_start is not None:
                zh_start += 1
            if label in (None, "PERSON"):
                label = "ORG"  # 《外交政策》（Foreign Policy）: a publication
        elif label == "PERSON" or single:
            zh_start = _name_start(seg.tokens, token_ending.get(paren), view)
            if zh_start and view[zh_start - 1] == "小" and re.search(r"\bJr\.?$", name):
                zh_start -= 1  # 小馬可斯（Ferdinand Marcos Jr.）: 小 writes "Jr."
            if single and zh_start is not None and not _transliteration_like(view[zh_start:paren]):
                continue
        else:
            # a listed name just before may be part of this one: 克拉斯諾達|邊疆區（Krasnodar Krai）
            inner = {end for end, c in by_end.items() if _english_part_of(c, name, gazetteer)}
            zh_start = _phrase_start(seg.tokens, token_ending.get(paren), view, set(by_end) - inner)
            if zh_start is not None and not _names_a_body(view[zh_start:paren]):
                continue
        if zh_start is None or zh_end - zh_start < 2:
            continue
        form = view[zh_start:zh_end]
        if not all(is_han(ch) or ch == "·" for ch in form):
            continue
        if zh is None and label != "PERSON" and word_freq.get(form, 0) >= 200:
            continue  # 公司（SpaceX）: a common word names nothing by itself (a person's name may be common)
        if known_en is not None:
            entity = gazetteer.entities[known_en.ids[0]]
        elif zh is not None:
            entity = gazetteer.entities[zh.ids[0]]
            if not _acronym_agrees(name, entity.name_en):
                continue  # 全國民主聯盟（NDA） when the list knows only the NLD: the gloss says otherwise
        else:
            if single:
                label = "GPE" if _place_context(view, zh_start, zh_end) else "PERSON"
            label = _refine_label(form, label or "PERSON")
            glosses.append(Gloss(zh_start, zh_end, en_start, en_end, slug(name), name, label, False))
            continue
        glosses.append(Gloss(zh_start, zh_end, en_start, en_end, entity.id, entity.name_en, entity.label, True))
    return glosses


def _english_part_of(candidate: Candidate, gloss: str, gazetteer: Gazetteer) -> bool:
    entity = gazetteer.entities.get(candidate.ids[0]) if candidate.ids else None
    return entity is not None and re.sub(r"\s*\(.*\)$", "", entity.name_en).lower() in gloss.lower()


def _acronym_agrees(gloss: str, name_en: str) -> bool:
    """An acronym gloss agrees with an entity whose English name has those initials (NATO, ICC) or
    contains it (SpaceX); a gloss that is not an acronym is not checked."""
    if not (gloss.isupper() and gloss.isalpha()):
        return True
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][A-Za-z]*", name_en) if w[0].isupper())
    return gloss in initials or gloss.lower() in name_en.lower()


def _names_a_body(phrase: str) -> bool:
    """A phrase can be the Chinese side of an organisation or place gloss if it ends like one
    (…法院, …聯盟, …邊疆區) or is itself a transliteration (彭博)."""
    return (phrase.endswith(EVENT_SUFFIXES + ORG_SUFFIXES + GPE_SUFFIXES + LOC_SUFFIXES + FAC_SUFFIXES)
            or _transliteration_like(phrase))


def _phrase_start(tokens: tuple[Token, ...], last: int | None, view: str, name_ends: set[int]) -> int | None:
    """Where an organisation or place name ending at token `last` starts: back over adjacent Chinese
    words, stopping at function words, verbs of saying, titles, a name just before it, or 10 characters."""
    if last is None or not tokens[last].is_han:
        return None
    first = last
    while first > 0:
        previous = tokens[first - 1]
        word = view[previous.start:previous.end]
        if (previous.end != tokens[first].start or not previous.is_han or word in PHRASE_BOUNDARIES
                or word in TITLE_WORDS or previous.end in name_ends or tokens[last].end - previous.start > 10):
            break
        first -= 1
    start = tokens[first].start
    # jieba may glue a preposition to the name (押解至維拉莫爾 → 至維|拉莫爾): it is not part of it
    if view[start] in _LEADING_PREPOSITIONS and tokens[last].end - start > 2:
        start += 1
    return start


_LEADING_PREPOSITIONS = frozenset("至在于到从向往赴由对被将把")


def _refine_label(chinese: str, label: str) -> str:
    if chinese.endswith(EVENT_SUFFIXES):
        return "EVENT"
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
            # 由查|禾|查洛巴: jieba glued a preposition to the name's first syllable
            if word[0] in _LEADING_PREPOSITIONS | FUNCTION_CHARS and _transliteration_like(word[1:]):
                return previous.start + 1
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
    """Forms this article teaches: glossed Chinese forms, glossed acronyms (全國民主聯盟（NDA）… NDA),
    and surnames of linked full names."""
    forms: dict[str, tuple[str, ...]] = {}
    for g in glosses:
        forms.setdefault(fold_key(view[g.zh_start:g.zh_end]), (g.entity_id,))
        english = text[g.en_start:g.en_end]
        if english.isupper() and english.isalpha() and len(english) >= 2:
            forms.setdefault(fold_key(english), (g.entity_id,))
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
    # jieba never saw a learned form and may glue a particle to it (小馬可|斯在): a boundary that
    # only cuts such a particle off still counts
    starts |= {t.start + 1 for t in seg.tokens if len(t.norm) > 1 and t.norm[0] in FUNCTION_CHARS}
    ends |= {t.end - 1 for t in seg.tokens if len(t.norm) > 1 and t.norm[-1] in FUNCTION_CHARS}
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


def unlisted_names(text: str, view: str, folded: str, seg: Segmentation, chosen: list[Candidate],
                   gazetteer: Gazetteer, word_freq: dict[str, int]) -> list[Candidate]:
    """Transliterations no list knows, each linked by sound to an English name of the article when one
    stands out — and then that English name's own occurrences too."""
    spotted = spot_transliterations(view, seg, chosen, word_freq)
    if not spotted:
        return []
    english = english_names(text, folded, chosen, seg, gazetteer)
    spotted = link_phonetically(spotted, view, [(name, i, label) for name, i, label, _ in english])
    heard = {c.ids[0] for c in spotted if c.ids}
    return spotted + [Candidate(a, b, (i,), "en", "phonetic", 0.8, label, name)
                      for name, i, label, spans in english if i in heard for a, b in spans]


def _transliteration_like(word: str) -> bool:
    return bool(word) and all(ch in TRANSLITERATION_CHARS or ch == "·" for ch in word)


def spot_transliterations(view: str, seg: Segmentation, taken: list[Candidate],
                          word_freq: dict[str, int]) -> list[Candidate]:
    """Spans no list knows that read as foreign names: runs of words made of transliteration
    characters, a middle dot between parts, or a title word right before (see the module docstring).
    A run that is a common dictionary word (巴西, 马上) needs a title before it to count."""
    covered = {i for c in taken for i in range(c.start, c.end)}
    tokens = seg.tokens
    found = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.start in covered or not token.is_han or not _transliteration_like(token.norm):
            i += 1
            continue
        j = i
        while (j + 1 < len(tokens) and tokens[j + 1].start == tokens[j].end and tokens[j + 1].is_han
               and tokens[j + 1].start not in covered and _transliteration_like(tokens[j + 1].norm)
               and tokens[j + 1].norm not in TITLE_WORDS):
            j += 1
        start, end = token.start, tokens[j].end
        word = view[start:end]
        previous = tokens[i - 1] if i > 0 and tokens[i - 1].end == start else None
        titled = previous is not None and previous.norm in TITLE_WORDS
        dotted = "·" in token.norm or any("·" in t.norm for t in tokens[i:j + 1])
        han = sum(1 for ch in word if is_han(ch))
        common = all(word_freq.get(t.norm, 0) >= 30 for t in tokens[i:j + 1]) or word in TITLE_WORDS
        label = "PERSON"
        following = tokens[j + 1] if j + 1 < len(tokens) and tokens[j + 1].start == end else None
        if following is not None and following.norm in _PLACE_OR_BODY_SUFFIXES:
            end, label = following.end, _PLACE_OR_BODY_SUFFIXES[following.norm]
            common = False
        if label == "PERSON" and not titled and not dotted and _place_context(view, start, end):
            label = "GPE"  # 在阿布達比, 前往曼菲斯: where things happen, not who
        accept = dotted or (han >= 3 and not common) or (titled and han >= 2 and not common)
        if accept:
            confidence = min(0.9, 0.5 + 0.15 * titled + 0.1 * dotted + 0.1 * (han >= 4))
            found.append(Candidate(start, end, (), "zh", "pattern", round(confidence, 2), label, ""))
        i = j + 1
    # one sense per discourse: a form read as a place once (在阿布達比) is a place everywhere in the article
    places = {view[c.start:c.end] for c in found if c.label == "GPE"}
    return [replace(c, label="GPE") if c.label == "PERSON" and view[c.start:c.end] in places else c for c in found]


_LOCATIVE_BEFORE = ("在", "于", "到", "往", "赴", "抵", "至", "从", "自", "来自", "位于", "访问", "前往", "飞往", "抵达", "返回")
_LOCATIVE_AFTER = ("地区", "一带", "境内", "附近", "当地", "州", "省", "市", "前线", "战场")


def _place_context(view: str, start: int, end: int) -> bool:
    return view[max(0, start - 2):start].endswith(_LOCATIVE_BEFORE) or view[end:end + 2].startswith(_LOCATIVE_AFTER)


_PLACE_OR_BODY_SUFFIXES = {**{s: "GPE" for s in ("州", "省", "市", "县", "郡", "边疆区", "共和国", "王国")},
                           **{s: "ORG" for s in ("党", "集团", "公司", "大学", "银行", "基金会")}}


def link_phonetically(found: list[Candidate], view: str, english: list[tuple[str, str, str]]) -> list[Candidate]:
    """Give each unlinked Chinese name the English name of the article it transliterates, when one
    stands out (`english` holds (name_en, entity_id, label) of the article's English names)."""
    from .phonetic import best_match

    if not english:
        return found
    names = [name for name, _, _ in english]
    linked = []
    for c in found:
        if c.ids or c.lang != "zh" or c.label not in ("PERSON", ""):
            linked.append(c)
            continue
        best = best_match(view[c.start:c.end].split("·")[-1], names)
        if best is None:
            linked.append(c)
            continue
        index, score = best
        name_en, entity_id, label = english[index]
        linked.append(Candidate(c.start, c.end, (entity_id,), "zh", "phonetic", score, label or "PERSON", name_en))
    return linked


_EN_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ \-](?:[A-Z][a-z]+|de|da|van|von|bin|al))*[ \-][A-Z][a-z]+\b")


def english_names(text: str, folded: str, chosen: list[Candidate], seg: Segmentation,
                  gazetteer: Gazetteer) -> list[tuple[str, str, str, list[tuple[int, int]]]]:
    """The English person names of an article — linked ones and unlisted capitalised full names — as
    (name_en, entity_id, label, unlinked occurrences) for phonetic linking."""
    names: dict[str, tuple[str, str, str, list]] = {}
    for c in chosen:
        if c.lang == "en" and c.ids:
            entity = gazetteer.entities.get(c.ids[0])
            name, label = (entity.name_en, entity.label) if entity else (c.name_en, c.label)
            if label == "PERSON":
                names.setdefault(c.ids[0], (name, c.ids[0], label, []))
    covered = {i for c in chosen for i in range(c.start, c.end)}
    for match in _EN_NAME_RUN.finditer(text):
        start, end = match.span()
        if any(i in covered for i in range(start, end)) or english_name_label(match.group()) != "PERSON":
            continue
        entity_id = slug(match.group())
        names.setdefault(entity_id, (match.group(), entity_id, "PERSON", []))[3].append((start, end))
    return list(names.values())


_REGNAL = re.compile(r"[一二三四五六七八九十]+世")
_BODY_HEADS = {"委员会": "ORG", "研究所": "ORG", "研究院": "ORG", "研究中心": "ORG", "议会": "ORG", "大学": "ORG",
               "学院": "ORG", "基金会": "ORG", "协会": "ORG", "通讯社": "ORG", "电视台": "ORG", "俱乐部": "ORG",
               "联盟": "ORG", "党": "ORG", "市政厅": "FAC", "体育场": "FAC", "国际机场": "FAC", "纪念馆": "FAC"}


def extend_spans(chosen: list[Candidate], seg: Segmentation, view: str, labels: dict[str, str],
                 listed: frozenset[str] | set[str] = frozenset()) -> list[Candidate]:
    # a listed organisation or place after the first name is a second name (共同民主黨批評國民力量黨)
    named = {c.start for c in chosen if labels.get(c.ids[0] if c.ids else "", c.label) in ("ORG", "GPE", "FAC", "LOC")}
    # ... and so is a word that is itself listed or an institution word (社會黨|國民議會)
    named |= {t.start for t in seg.tokens if t.norm in listed}
    """Names that run on past the listed form: a team with 隊 (湖人隊), a monarch's number (哈拉爾五世),
    and an organisation or building that starts with a place or name (挪威諾貝爾研究所, 奧斯陸市政廳) —
    the last becomes an unlinked ORG/FAC mention over the whole name, since the place alone is not it."""
    by_start = {t.start: i for i, t in enumerate(seg.tokens)}
    out = []
    for c in chosen:
        index = by_start.get(c.end)
        label = labels.get(c.ids[0], c.label) if c.ids else c.label
        if c.lang != "zh" or index is None:
            out.append(c)
            continue
        following = seg.tokens[index]
        if label == "ORG" and following.norm.startswith("队"):
            out.append(replace(c, end=following.start + 1))  # 湖人|隊 (or 湖人|隊今, glued by jieba)
        elif label == "PERSON" and _REGNAL.fullmatch(following.norm):
            out.append(replace(c, end=following.end))
        elif label in ("GPE", "ORG", "PERSON", "EVENT"):
            body = _body_after(c.start, index, seg.tokens, view, named)
            out.append(c if body is None else Candidate(c.start, body[0], (), "zh", "pattern", 0.6, body[1], ""))
        else:
            out.append(c)
    return out


def _body_after(start: int, index: int, tokens: tuple[Token, ...], view: str,
                named: set[int]) -> tuple[int, str] | None:
    """(end, label) when tokens from `index` on finish an organisation or building name begun at `start`:
    at least one word before a head word (委員會, 研究所, 黨, 市政廳 …), at most four words, no break."""
    for last in range(index, min(index + 5, len(tokens))):
        token = tokens[last]
        if last > index and token.start != tokens[last - 1].end:
            return None
        if not token.is_han or token.norm in PHRASE_BOUNDARIES or token.norm in TITLE_WORDS or token.start in named:
            return None
        head = next((h for h in _BODY_HEADS if token.norm.endswith(h)), None)
        if head is not None:
            if last == index and token.norm == head and _BODY_HEADS[head] != "FAC":
                return None  # 英国议会: a place and a generic word (the institution mechanism's business)
            if token.end - start > 12:
                return None
            return token.end, _BODY_HEADS[head]
    return None


def place_compounds(chosen: list[Candidate], seg: Segmentation, places: dict[str, str]) -> list[Candidate]:
    """Words jieba keeps whole that start with a place: 英國人 and 委內瑞拉人 name a people (NORP,
    unlinked: the gazetteer lists places, not their peoples), and 北京時間 or 當地時間 is a time, so a
    place matched inside one is dropped."""
    covered = {i for c in chosen for i in range(c.start, c.end)}
    timed = {t.start for t in seg.tokens if t.norm == "时间"}
    people = {t.start: t.end for t in seg.tokens if t.norm == "人"}
    place_ids = set(places.values())
    kept = []
    for c in chosen:
        is_place = c.lang == "zh" and bool(c.ids) and c.ids[0] in place_ids
        if is_place and c.end in timed:
            continue
        if is_place and c.end in people:  # 美國|人, cut apart by jieba
            c = Candidate(c.start, people[c.end], (), "zh", "pattern", 0.7, "NORP", "")
        kept.append(c)
    for token in seg.tokens:
        if token.start in covered or len(token.norm) < 3 or not token.norm.endswith("人"):
            continue
        if token.norm[:-1] in places:
            kept.append(Candidate(token.start, token.end, (), "zh", "pattern", 0.7, "NORP", ""))
    return sorted(kept, key=lambda c: (c.start, c.end))
