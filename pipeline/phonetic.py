"""How alike a Chinese transliteration and an English name sound.

Both sides are reduced to a skeleton of consonant classes — the part of a name that transliteration
keeps (vowels drift, and Chinese adds epenthetic vowels: 克 ke for a final k, 夫 fu for v). The Chinese
side is read in Mandarin pinyin (pypinyin) and in Cantonese jyutping (ToJyutping), because Hong Kong
transliterations follow Cantonese sounds (車路士 ce-lou-si = Chelsea); the better reading counts. The
English side is read by a few spelling rules (ph → f, c before
e/i → s, ck → k, sch → sh ...). A weighted edit distance aligns the two, with cheap substitutions for
the swaps transliteration makes (w/v ↔ 威 wei, t ↔ ts 崔, a dropped r or h, n for m). Similarity is
1 − distance / length; short names need a near-perfect score because two consonants match by chance.
"""
from __future__ import annotations

import re
from functools import lru_cache

import ToJyutping
from pypinyin import Style, lazy_pinyin

# Mandarin initials to consonant classes: P T K F S C(affricate) L M N H Y W
_INITIAL = {"b": "P", "p": "P", "m": "M", "f": "F", "d": "T", "t": "T", "n": "N", "l": "L", "g": "K", "k": "K",
            "h": "H", "j": "C", "q": "C", "x": "S", "zh": "C", "ch": "C", "sh": "S", "r": "L", "z": "S", "c": "S",
            "s": "S", "y": "Y", "w": "W"}
_CHEAP = {frozenset("WF"): 0.3, frozenset("SC"): 0.4, frozenset("TS"): 0.5, frozenset("TC"): 0.5,
          frozenset("KH"): 0.5, frozenset("NM"): 0.4, frozenset("LN"): 0.7, frozenset("YC"): 0.7,
          frozenset("PF"): 0.6, frozenset("WY"): 0.6, frozenset("KC"): 0.6, frozenset("LY"): 0.6}
_CHEAP_GAP = {"H": 0.4, "Y": 0.3, "W": 0.4, "L": 0.5, "N": 0.6}
_EN_RULES = [
    (r"tch", "C"), (r"sch", "S"), (r"sh", "S"), (r"zh", "C"), (r"ch", "C"), (r"ph", "F"), (r"th", "T"),
    (r"gh", ""), (r"ck", "K"), (r"kh", "H"), (r"qu", "KW"), (r"q", "K"), (r"x", "KS"), (r"ts|tz", "S"),
    (r"c(?=[eiy])", "S"), (r"c", "K"), (r"g(?=[eiy])", "C"), (r"j", "C"), (r"dg", "C"), (r"^y(?=[aeiou])", "Y"),
    (r"y", ""), (r"w", "W"), (r"v", "F"), (r"z", "S"), (r"r", "L"), (r"b", "P"), (r"p", "P"), (r"d", "T"),
    (r"t", "T"), (r"k", "K"), (r"g", "K"), (r"f", "F"), (r"s", "S"), (r"l", "L"), (r"m", "M"), (r"n", "N"),
    (r"h", "H"),
]
_EN_PATTERN = re.compile("|".join(f"(?P<r{i}>{pattern})" for i, (pattern, _) in enumerate(_EN_RULES)))


@lru_cache(maxsize=4096)
def skeleton_zh(chinese: str) -> str:
    out = []
    for syllable in lazy_pinyin(chinese, style=Style.NORMAL, errors="ignore"):
        initial = next((i for i in ("zh", "ch", "sh") if syllable.startswith(i)), syllable[:1])
        if initial in _INITIAL:
            out.append(_INITIAL[initial])
            final = syllable[len(initial):]
        else:
            final = syllable
        if final == "er":
            out.append("L")  # 爾/尔 writes a final r or l
        elif final.endswith(("n", "ng")):
            out.append("N")
    return "".join(out)


# Cantonese initials; stop codas (-p -t -k) are mostly silent in transliteration and are dropped
_YUE_INITIAL = {"b": "P", "p": "P", "m": "M", "f": "F", "d": "T", "t": "T", "n": "N", "l": "L", "g": "K",
                "k": "K", "ng": "", "h": "H", "gw": "KW", "kw": "KW", "w": "W", "z": "C", "c": "C", "s": "S",
                "j": "Y"}
_YUE_SYLLABLE = re.compile(r"^(gw|kw|ng|[bpmfdtnlgkhwzcsj])?([a-z]*?)(ng|[mnptk])?[1-6]$")


@lru_cache(maxsize=4096)
def skeleton_yue(chinese: str) -> str:
    out = []
    for _, reading in ToJyutping.get_jyutping_list(chinese):
        match = _YUE_SYLLABLE.match((reading or "").split(" ")[0])
        if not match:
            continue
        initial, _, coda = match.groups()
        out.append(_YUE_INITIAL.get(initial or "", ""))
        if coda in ("m", "n", "ng"):
            out.append("M" if coda == "m" else "N")
    return "".join(out)


@lru_cache(maxsize=4096)
def skeleton_en(name: str) -> str:
    letters = re.sub(r"[^a-z]", "", name.lower())
    letters = re.sub(r"(.)\1", r"\1", letters)  # double letters sound once
    letters = re.sub(r"e$", "", letters)  # silent final e
    out = []
    for match in _EN_PATTERN.finditer(letters):
        index = int(match.lastgroup[1:])
        out.append(_EN_RULES[index][1])
    skeleton = "".join(out)
    return re.sub(r"(?<=[AEIOU])H", "", skeleton)


def _distance(a: str, b: str) -> float:
    rows = [[0.0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        rows[i][0] = rows[i - 1][0] + _CHEAP_GAP.get(a[i - 1], 1.0)
    for j in range(1, len(b) + 1):
        rows[0][j] = rows[0][j - 1] + _CHEAP_GAP.get(b[j - 1], 1.0)
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            x, y = a[i - 1], b[j - 1]
            substitution = 0.0 if x == y else _CHEAP.get(frozenset((x, y)), 1.0)
            rows[i][j] = min(rows[i - 1][j - 1] + substitution,
                             rows[i - 1][j] + _CHEAP_GAP.get(x, 1.0),
                             rows[i][j - 1] + _CHEAP_GAP.get(y, 1.0))
    return rows[-1][-1]


def similarity(chinese: str, english: str) -> float:
    """0..1: how well `chinese` transliterates `english` (its surname, or the whole name)."""
    readings = {r for r in (skeleton_zh(chinese), skeleton_yue(chinese)) if r}
    words = [w for w in re.split(r"[\s\-]+", english) if w]
    if not readings or not words:
        return 0.0
    # Chinese writes a foreign person by surname or in full; a first name alone (盧卡) is rarer
    options = [(" ".join(words), 0.0), (words[-1], 0.0), (words[0], 0.1)]
    best = 0.0
    for option, penalty in options:
        en = skeleton_en(option)
        for zh in readings if en else ():
            best = max(best, 1.0 - _distance(zh, en) / max(len(zh), len(en)) - penalty)
    return best


def required_score(chinese: str) -> float:
    """Short skeletons match by chance: the fewer consonants, the closer the match must be."""
    length = len(skeleton_zh(chinese))
    return 0.95 if length <= 2 else 0.8 if length == 3 else 0.72


def best_match(chinese: str, names: list[str], margin: float = 0.08) -> tuple[int, float] | None:
    """The index of the English name `chinese` transliterates, if one stands out clearly enough."""
    scored = sorted(((similarity(chinese, name), index) for index, name in enumerate(names)), reverse=True)
    if not scored or scored[0][0] < required_score(chinese):
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < margin and names[scored[1][1]] != names[scored[0][1]]:
        return None
    return scored[0][1], round(scored[0][0], 3)
