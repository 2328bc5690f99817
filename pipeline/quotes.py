"""Direct quotations and who said them.

Quotation marks are scanned once with a stack: 「…」 (with 『…』 nested), “…” and ASCII "…". A paragraph
that opens a quotation without closing it continues into the next paragraph when that one opens with
the same mark (the Chinese and English convention for multi-paragraph quotes); otherwise the quotation
ends at the paragraph break and the unpaired mark becomes a problem row. Unmatched or stray marks never
raise. Embedded posts — English paragraphs followed by `— Name (@handle) Date` — are quotations of kind
`post`. Each quotation is kept when a reporting verb governs it (before it in the sentence, or right
after it: 「…」他說, `"…," Witkoff said`), when a colon introduces it, or when it is a whole quoted
sentence; a short quoted term with no reporting verb (稱他為「殺手」) is a scare quote, not speech.
The speaker is the named subject before the verb (skipping the person spoken to: 魏科夫向鄂夏柯夫說), the
name after a trailing verb, the antecedent of a pronoun (他說 → the last person named), or an unnamed
role (一名美方官員說) kept as `speaker_text` with an empty `speaker_id`. A Chinese quotation and an
English one in the same article with the same speaker and shared numbers or names are paired in
`translation_of`, both ways.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .lexicon import (ADDRESSEE_MARKERS, EN_PRONOUNS, EN_SPEECH_CUES, NAMING_MARKERS, PRONOUNS, ROLE_NOUNS,
                      SPEECH_CUES)
from .normalise import is_han
from .records import Mention, Problem, Quote, Segmentation

_PAIRS = {"「": "」", "『": "』", "“": "”", '"': '"', "﹁": "﹂"}
_CLOSERS = {v: k for k, v in _PAIRS.items() if k != '"'}
_TOP_LEVEL = ("「", "“", '"', "﹁")
_SENTENCE_END = "。！？!?\n"
_CLAUSE_BREAK = "，,；;"
_TERMINAL = tuple("。！？!?…⋯.")
_SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "FAC")
_SHORT_CUES = frozenset("说称道问")
_GLUED_BEFORE_CUE = frozenset("中上里时后也又还则并就再曾更")
_ADVERBS = frozenset("也 则 又 再 还 就 随后 接着 后来 当时 曾 并 亦 更 则是 补充".split())
_WINDOW_END = "。！？!?；;\n"
_ROLE_AFTER_NAME = re.compile(r"(的|之)\S{0,4}?(" + "|".join(ROLE_NOUNS) + ")")
_POST_LINE = re.compile(r"^[ \t]*[—–―-]{1,2}[ \t]*(?P<name>[^\n(（]*?)[ \t]*[(（](?P<handle>@\w{1,15})[)）](?P<rest>[^\n]*)$",
                        re.MULTILINE)
_EN_CUE_AFTER = re.compile(r"^[,，]?\s*(?:(?P<pronoun>he|she|they)\s+(?P<cue1>" + "|".join(EN_SPEECH_CUES) + r")\b"
                           r"|(?P<cue2>" + "|".join(EN_SPEECH_CUES) + r")\s+)", re.IGNORECASE)
_EN_CUE_BEFORE = re.compile(r"\b(?P<cue>" + "|".join(EN_SPEECH_CUES) + r")\b[^\"“”]{0,30}[,:：]?\s*$", re.IGNORECASE)
_PAREN_ENGLISH = re.compile(r"[。，,.]?[ \t]*[(（](?P<body>[A-Za-z][^()（）\n]{10,}?)[)）]")


@dataclass(frozen=True, slots=True)
class Marked:
    """A top-level quoted stretch: the words between the marks, and the marks' positions."""

    open: int  # index of the opening mark
    start: int  # first character of the quoted words
    end: int  # one past the last quoted character
    close: int  # index of the closing mark, or `end` when unclosed
    mark: str


def scan_marks(text: str) -> tuple[list[Marked], list[tuple[int, str, str]]]:
    """Top-level quotations and (offset, kind, detail) problems for unpaired or mismatched marks."""
    found: list[Marked] = []
    problems: list[tuple[int, str, str]] = []
    stack: list[tuple[str, int]] = []
    index = 0
    length = len(text)
    while index < length:
        ch = text[index]
        if ch == "\n" and stack:
            following = _next_paragraph_start(text, index)
            opener = stack[0][0]
            if following < length and text[following] == opener:
                index = following + 1  # the next paragraph continues the same quotation
                continue
            mark, position = stack[0]
            problems.append((position, "unclosed_quote", f"{mark} opened here is not closed in its paragraph"))
            found.append(Marked(position, position + 1, index, index, mark))
            stack.clear()
        elif ch == '"':
            if stack and stack[-1][0] == '"':
                mark, position = stack.pop()
                if not stack:
                    found.append(Marked(position, position + 1, index, index, mark))
            else:
                stack.append((ch, index))
        elif ch in _PAIRS:
            stack.append((ch, index))
        elif ch in _CLOSERS:
            opener = _CLOSERS[ch]
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == opener), None)
            if depth is None:
                problems.append((index, "unpaired_quote", f"{ch} closes nothing"))
            else:
                if depth != len(stack) - 1:
                    problems.append((stack[-1][1], "mismatched_quote", f"{stack[-1][0]} closed by {ch}"))
                mark, position = stack[depth]
                del stack[depth:]
                if not stack:
                    found.append(Marked(position, position + 1, index, index, mark))
        index += 1
    if stack:
        mark, position = stack[0]
        problems.append((position, "unclosed_quote", f"{mark} opened here is never closed"))
        found.append(Marked(position, position + 1, length, length, mark))
    return [m for m in found if m.start < m.end and m.mark in _TOP_LEVEL or m.mark == "『"], problems


def _next_paragraph_start(text: str, newline: int) -> int:
    position = newline
    while position < len(text) and text[position] in "\n \t\u3000":
        position += 1
    return position


@dataclass(frozen=True, slots=True)
class _Speaker:
    entity_id: str
    name_en: str
    text: str
    confidence: float


class _Context:
    """Lookups over one article that the rules share."""

    def __init__(self, text: str, view: str, seg: Segmentation, mentions: list[Mention], spans: list[Marked]):
        self.text, self.view = text, view
        self.tokens = seg.tokens
        self.token_starts = [t.start for t in seg.tokens]
        self.inside = [(m.start, m.end) for m in spans]
        # people, and the organisations, governments and seats of power that speak for them (白宮表示)
        self.speakers = [m for m in mentions if m.label in _SPEAKER_LABELS and not self.quoted(m.start)]
        self.mention_at = {m.start: m for m in mentions}
        self.sentence_starts = sorted({0} | {s.start for s in seg.sentences})

    def quoted(self, position: int) -> bool:
        return any(a <= position < b for a, b in self.inside)

    def sentence_start(self, position: int) -> int:
        i = bisect_right(self.sentence_starts, position) - 1
        return self.sentence_starts[max(i, 0)]

    def tokens_between(self, start: int, end: int):
        i = bisect_left(self.token_starts, start)
        while i < len(self.tokens) and self.tokens[i].end <= end:
            yield self.tokens[i]
            i += 1

    def window_start(self, position: int) -> int:
        """Start of the stretch a subject is looked for in: the sentence, or the part after a semicolon."""
        i = position - 1
        while i >= 0 and self.view[i] not in _WINDOW_END:
            i -= 1
        return i + 1

    def named_between(self, start: int, end: int) -> list[Mention]:
        inside = [m for m in self.speakers if start <= m.start and m.end <= end]
        return [m for m in inside if not _is_addressee(self.view, m, inside)]

    def antecedent(self, position: int) -> Mention | None:
        """The person a pronoun or a subjectless clause refers to: the first person named in the nearest
        clause before it that names one (皮伽沒有正面回應，只說… → 皮伽; a topic chain keeps its
        subject), else the first person of the previous sentence, else the last person named."""
        window = self.window_start(position)
        breaks = [i for i in range(window, position) if self.view[i] in _CLAUSE_BREAK] + [position]
        clause_end = position
        for clause_break in reversed(breaks[:-1]):
            people = [m for m in self.named_between(clause_break, clause_end) if m.label == "PERSON"]
            pronoun = next((t.start for t in self.tokens_between(clause_break, clause_end) if t.norm in PRONOUNS), None)
            # a clause whose subject is itself a pronoun (他則表示…魏科夫…) passes on to the one before it
            if people and (pronoun is None or people[0].start < pronoun):
                return people[0]
            clause_end = clause_break
        people = [m for m in self.named_between(window, clause_end) if m.label == "PERSON"]
        if people:
            return people[0]
        if window > 0:
            previous = self.window_start(window - 1)
            people = [m for m in self.named_between(previous, window) if m.label == "PERSON"]
            if people:
                return people[0]
        return self.last_person(position)

    def last_person(self, before: int, persons_only: bool = True) -> Mention | None:
        best = None
        for m in self.speakers:
            if m.end <= before and (m.label == "PERSON" or not persons_only):
                best = m
        return best


def find_quotes(doc_id: str, text: str, view: str, seg: Segmentation,
                mentions: list[Mention]) -> tuple[list[Quote], list[Problem]]:
    marked, mark_problems = scan_marks(text)
    marked = [m for m in marked if m.mark != "『"]
    posts = _find_posts(text)
    post_ranges = [(p[0], p[1]) for p in posts]
    marked = [m for m in marked if not any(a <= m.open < b for a, b in post_ranges)]
    context = _Context(text, view, seg, mentions, marked)
    drafts: list[dict] = []
    previous: dict | None = None
    for m in marked:
        draft = _read_quote(m, context, previous)
        if draft is None:
            continue
        drafts.append(draft)
        previous = {**draft, "close": m.close}
        parenthetical = _PAREN_ENGLISH.match(text, m.close + 1)
        if parenthetical and draft["lang"] == "zh":
            drafts.append({**draft, "start": parenthetical.start("body"), "end": parenthetical.end("body"),
                           "lang": "en", "method": "parenthetical", "pair_with": draft["start"]})
    for start, end, speaker, cue in posts:
        drafts.append({"start": start, "end": end, "lang": "en", "speaker": speaker, "cue": cue, "kind": "post",
                       "method": "post", "confidence": 0.9})
    drafts.sort(key=lambda d: (d["start"], d["end"]))
    quotes = _to_records(doc_id, text, drafts, mentions)
    problems = [Problem(doc_id, offset, kind, detail) for offset, kind, detail in mark_problems]
    return quotes, problems


def _language(text: str) -> str:
    han = sum(1 for ch in text if is_han(ch))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    # a Chinese quote may carry its English original in parentheses: 「正確且恰當(the arrest was proper)」
    return "en" if latin > 6 * han else "zh"


def _read_quote(m: Marked, ctx: _Context, previous: dict | None) -> dict | None:
    """The quotation in `m` as a draft record, or None when it is not reported speech. `previous` is
    the draft of the last quotation kept, whose speaker a follow-on quotation inherits."""
    text, view = ctx.text, ctx.view
    words = text[m.start:m.end]
    if len(words.strip()) < 2:
        return None
    mention = ctx.mention_at.get(m.start)
    if mention is not None and mention.end >= m.end - 1:
        return None  # 「Truth Social」, 「志願者聯盟」: a name in quotation marks
    lang = _language(words)
    terminal = words.rstrip().endswith(_TERMINAL) or any(p in words for p in "。！？")
    before = text[max(0, m.open - 2):m.open].rstrip(" \u3000")
    colon = before.endswith((":", "："))
    long = len(words.strip()) >= 15
    if lang == "en":
        return _read_english(m, ctx, words, colon, terminal)
    cue, cue_start = _cue_before(m, ctx)
    trailing = _trailing_speaker(m, ctx)
    if cue is not None and _names_not_speech(view, cue_start, m.open):
        cue = None
    governed_closely = cue is not None and not any(ch in _CLAUSE_BREAK for ch in view[cue_start:m.open]) or colon
    kind = "direct" if (terminal or long or colon) else "fragment"
    # 表示俄羅斯「願意一路打下去」，但仍然「準備好和平談判」: a second fragment in the same sentence
    follows = (previous is not None and previous["lang"] == "zh" and ctx.window_start(m.open) <= previous["close"]
               and m.open - previous["close"] <= 12 and cue is None and trailing is None)
    if follows:
        return {**previous, "start": m.start, "end": m.end, "kind": kind, "method": "continuation",
                "confidence": 0.7}
    if kind == "fragment":
        if trailing is None and not governed_closely:
            if not (cue is not None and len(words) >= 6):
                return None
        if len(words) <= 4 and view[m.close + 1:m.close + 2] == "的":
            return None  # 屬於「標準」的談判程序: an adjective in quotation marks
        if view[m.open - 1:m.open] == "的":
            return None  # 被外界抨擊的「基輔投降書」: a label, not words someone said
    speaker, method = None, ""
    # 川普表示：「我們會贏。」普京則說… — a colon-introduced quote belongs to the verb before it; the
    # name after it starts the next sentence
    if trailing is not None and not (colon and cue is not None):
        speaker, cue, method = trailing[0], trailing[1], "cue_after"
    elif cue is not None:
        speaker, method = _subject_before(cue_start, ctx), "cue_before"
    elif colon:
        speaker, method = _subject_before(m.open - 1, ctx), "colon"
    elif terminal and long and text[max(0, m.open - 1)] in _SENTENCE_END + "」”" or m.open == 0:
        # a whole quoted sentence on its own continues the last speaker (「…。」她對台下的歌迷喊話)
        speaker, method, cue = (previous["speaker"] if previous else None), "continuation", ""
    else:
        return None
    confidence = {"cue_after": 0.9, "cue_before": 0.85, "colon": 0.75, "continuation": 0.6}[method]
    return {"start": m.start, "end": m.end, "lang": "zh", "speaker": speaker, "cue": cue or "", "kind": kind,
            "method": method, "confidence": confidence}


def _names_not_speech(view: str, cue_start: int, open_mark: int) -> bool:
    between = view[max(0, cue_start - 1):open_mark]
    return any(marker in between for marker in NAMING_MARKERS) or re.search(r"称\S{0,6}为$", between) is not None


def _cue_before(m: Marked, ctx: _Context) -> tuple[str | None, int]:
    """The nearest reporting verb before the opening mark, in the same sentence and outside quotes."""
    start = max(ctx.sentence_start(m.open), m.open - 60)
    for a, b in ctx.inside:
        if a < m.open and start < b <= m.open:
            start = b + 1
    best = None
    for token in ctx.tokens_between(start, m.open):
        if _cue_of(token.norm):
            best = token
    return (_cue_of(best.norm), best.start) if best is not None else (None, -1)


def _cue_of(word: str) -> str | None:
    """The reporting verb a token is, also when jieba glued it to a particle before it (中說, 上稱)."""
    if word in SPEECH_CUES:
        return word
    if len(word) == 2 and word[1] in _SHORT_CUES and word[0] in _GLUED_BEFORE_CUE:
        return word[1]
    return None


def _trailing_speaker(m: Marked, ctx: _Context) -> tuple[_Speaker, str] | None:
    """「…」他說 / 」，川普表示: a speaker and verb right after the closing mark."""
    text = ctx.text
    position = m.close + 1
    while position < len(text) and text[position] in "，, \u3000":
        position += 1
    window_end = min(len(text), position + 16)
    for end in range(position, window_end):
        if text[end] in _SENTENCE_END + "「“\"":
            window_end = end
            break
    tokens = list(ctx.tokens_between(position, window_end))
    if not tokens:
        return None
    first = tokens[0]
    mention = ctx.mention_at.get(first.start)
    if mention is not None and mention.label in _SPEAKER_LABELS:
        # adverbs or a short where-phrase may stand between the name and its verb (澤倫斯基在影片中說)
        for token in ctx.tokens_between(mention.end, min(window_end, mention.end + 10)):
            if _cue_of(token.norm):
                return _from_mention(mention, 0.9), _cue_of(token.norm)
            if not token.is_han:
                break
    if first.norm in PRONOUNS and len(tokens) > 1 and _cue_of(tokens[1].norm):
        antecedent = ctx.antecedent(m.open)
        speaker = _from_mention(antecedent, 0.7) if antecedent else _Speaker("", "", first.text, 0.3)
        return speaker, _cue_of(tokens[1].norm)
    return None


def _from_mention(mention: Mention, confidence: float) -> _Speaker:
    return _Speaker(mention.entity_id, mention.name_en, mention.text, confidence)


def _subject_before(cue_start: int, ctx: _Context) -> _Speaker | None:
    """Who speaks in `SUBJECT … CUE「`: the last name in the cue's clause (not the one spoken to, and not
    `X的發言人`, who is a role); else a role phrase there (一名美方官員); else, for a pronoun or a clause
    with no subject (…，並表示「…」), the subject of the sentence or of the one before."""
    view = ctx.view
    window = ctx.window_start(cue_start)
    clause_start = max([window] + [i + 1 for i in range(window, cue_start) if view[i] in _CLAUSE_BREAK + ":："])
    in_clause = ctx.named_between(clause_start, cue_start)
    # 烏梅洛夫在社群平台X上寫道, 雷纳在《卫报》上撰文: the platform is where, the person is who
    people = [m for m in in_clause if m.label == "PERSON"]
    bodies = [m for m in in_clause if m.label == "ORG" and not _is_venue(view, m)]
    # a place or building speaks only as the clause's first word (北京回應稱, 白宮在聲明中表示)
    seats = [m for m in in_clause[:1] if m.label in ("GPE", "FAC") and m.start - clause_start <= 1]
    in_clause = people or bodies or seats
    pronoun = next((t for t in ctx.tokens_between(clause_start, cue_start) if t.norm in PRONOUNS), None)
    if not people and pronoun is not None and (not in_clause or pronoun.start < in_clause[0].start):
        in_clause = []  # 他在人民党总部…说道: the pronoun is the subject, the party only where he spoke
    if in_clause:
        mention = in_clause[-1]
        role = _ROLE_AFTER_NAME.match(view, mention.end, cue_start)
        if role:
            return _Speaker("", "", ctx.text[mention.start:role.end()], 0.6)
        return _from_mention(mention, 0.85)
    role = _role_phrase(view, ctx.text, clause_start, cue_start)
    if role is not None and pronoun is None:
        return role
    antecedent = ctx.antecedent(clause_start)
    if antecedent is not None:
        return _from_mention(antecedent, 0.75 if pronoun is not None else 0.6)
    return _Speaker("", "", pronoun.text, 0.2) if pronoun is not None else None


def _is_venue(view: str, mention: Mention) -> bool:
    """`在…X…`: an organisation named as the place of speaking (在《卫报》上撰文, 在新德里人民党总部),
    not the speaker."""
    before = view[max(0, mention.start - 6):mention.start]
    at = before.rfind("在")
    return at >= 0 and not any(ch in _CLAUSE_BREAK for ch in before[at:])


def _is_addressee(view: str, mention: Mention, candidates: list[Mention]) -> bool:
    """`A 向 [titles] B 說`: B is spoken to when a marker (向, 對, 跟, 給, 與, 和) stands between the name
    before it and B, in the same clause."""
    for earlier in candidates:
        # only someone can speak to someone: 烏克蘭國家安全與國防事務委員會秘書烏梅洛夫 has no addressee
        if earlier is mention or earlier.end > mention.start or earlier.label not in ("PERSON", "ORG"):
            continue
        between = view[earlier.end:mention.start]
        if any(ch in _CLAUSE_BREAK + _SENTENCE_END for ch in between):
            continue
        if any(marker in between for marker in ADDRESSEE_MARKERS):
            return True
    return False


def _role_phrase(view: str, text: str, start: int, cue_start: int) -> _Speaker | None:
    phrase = view[start:cue_start]
    for noun in ROLE_NOUNS:
        at = phrase.rfind(noun)
        if at >= 0 and at + len(noun) >= len(phrase) - 2:
            begin = start + max(0, at - 12)  # 一名不願具名的官員: the whole noun phrase
            for i in range(at - 1, -1, -1):
                if phrase[i] in "，,。在於于曾也都还並并则而":
                    begin = start + i + 1
                    break
            return _Speaker("", "", text[begin:start + at + len(noun)], 0.5)
    return None


def _read_english(m: Marked, ctx: _Context, words: str, colon: bool, terminal: bool) -> dict | None:
    text = ctx.text
    after = text[m.close + 1:m.close + 60]
    speaker, cue, method = None, "", ""
    trailing = _EN_CUE_AFTER.match(after)
    if trailing:
        cue = (trailing.group("cue1") or trailing.group("cue2")).lower()
        if trailing.group("pronoun"):
            antecedent = ctx.last_person(m.open)
            speaker = _from_mention(antecedent, 0.7) if antecedent else None
        else:
            name_at = m.close + 1 + trailing.end()
            mention = ctx.mention_at.get(name_at)
            speaker = _from_mention(mention, 0.9) if mention else None
        method = "cue_after"
    else:
        name_then_cue = re.match(r"^[,，]?\s*", after)
        position = m.close + 1 + name_then_cue.end()
        mention = ctx.mention_at.get(position)
        if mention is not None:
            tail = text[mention.end:mention.end + 12]
            verb = re.match(r"^\s+(" + "|".join(EN_SPEECH_CUES) + r")\b", tail, re.IGNORECASE)
            if verb:
                speaker, cue, method = _from_mention(mention, 0.9), verb.group(1).lower(), "cue_after"
    if not method:
        head = text[max(0, m.open - 80):m.open]
        verb = _EN_CUE_BEFORE.search(head)
        if verb or colon:
            start = m.open - len(head) + (verb.start() if verb else len(head))
            mention = ctx.last_person(start, persons_only=False)
            if mention is not None and mention.end >= ctx.sentence_start(start) - 1:
                speaker = _from_mention(mention, 0.8)
            cue, method = (verb.group("cue").lower() if verb else ""), "cue_before"
    if not method:
        return None
    if len(words.split()) < 3 and not terminal and not colon:
        return None  # a quoted term ("the drone guy"), not speech; after a colon it is what was said
    # `"We put a plan together," Witkoff said`: the comma before a trailing verb ends a whole utterance
    whole = terminal or len(words.split()) >= 6 or (method == "cue_after" and words.rstrip().endswith(","))
    kind = "direct" if whole else "fragment"
    return {"start": m.start, "end": m.end, "lang": "en", "speaker": speaker, "cue": cue, "kind": kind,
            "method": method, "confidence": 0.8}


def _find_posts(text: str) -> list[tuple[int, int, _Speaker, str]]:
    """English paragraphs ended by `— Name (@handle) Date`: (start, end, speaker, cue) per post."""
    posts = []
    for line in _POST_LINE.finditer(text):
        end = line.start()
        while end > 0 and text[end - 1] in "\n \t":
            end -= 1
        start = end
        while start > 0:
            paragraph_start = text.rfind("\n", 0, start - 1) + 1
            paragraph = text[paragraph_start:start]
            if not paragraph.strip() or _language(paragraph) != "en" or _POST_LINE.match(paragraph.strip("\n")):
                break
            start = paragraph_start
            if start == 0:
                break
        while start < end and text[start] in "\n \t":
            start += 1
        if start >= end:
            continue
        name = line.group("name").strip()
        posts.append((start, end, _Speaker("", "", name or line.group("handle"), 0.9),
                      f"{line.group('handle')}"))
    return posts


def _to_records(doc_id: str, text: str, drafts: list[dict], mentions: list[Mention]) -> list[Quote]:
    # Posts name their author in the line under them; link that name through the mentions found there.
    for draft in drafts:
        if draft["kind"] == "post":
            line_end = text.find("\n", draft["end"] + 1)
            line_end = len(text) if line_end < 0 else line_end
            inside = [m for m in mentions if draft["end"] <= m.start < line_end and m.label == "PERSON"]
            if inside:
                draft["speaker"] = _Speaker(inside[0].entity_id, inside[0].name_en,
                                            draft["speaker"].text or inside[0].text, 0.9)
    ids = [f"q{n}" for n in range(1, len(drafts) + 1)]
    pairs = _translation_pairs(text, drafts, mentions)
    quotes = []
    for index, draft in enumerate(drafts):
        speaker = draft["speaker"]
        partner = pairs.get(index)
        quotes.append(Quote(
            doc_id, ids[index], draft["start"], draft["end"], text[draft["start"]:draft["end"]], draft["lang"],
            speaker.entity_id if speaker else "", speaker.name_en if speaker else "",
            speaker.text if speaker else "", draft["cue"], draft["kind"], draft["method"],
            round(min(draft["confidence"], speaker.confidence if speaker else 0.3), 2),
            ids[partner] if partner is not None else "",
        ))
    return quotes


def _translation_pairs(text: str, drafts: list[dict], mentions: list[Mention]) -> dict[int, int]:
    """Pair Chinese and English quotations that say the same thing (see the module docstring)."""
    def features(d: dict) -> tuple[set[str], set[str]]:
        span = text[d["start"]:d["end"]]
        numbers = set(re.findall(r"\d+", span))
        names = {m.entity_id for m in mentions if d["start"] <= m.start < d["end"] and m.entity_id}
        return numbers, names
    zh = [i for i, d in enumerate(drafts) if d["lang"] == "zh"]
    en = [i for i, d in enumerate(drafts) if d["lang"] == "en"]
    scored = []
    for i in zh:
        for j in en:
            if drafts[j].get("pair_with") == drafts[i]["start"]:
                scored.append((100, 0, i, j))
                continue
            a, b = drafts[i]["speaker"], drafts[j]["speaker"]
            a_id, b_id = (a.entity_id if a else ""), (b.entity_id if b else "")
            if not a_id or a_id != b_id:
                continue
            (na, ea), (nb, eb) = features(drafts[i]), features(drafts[j])
            score = 2 + 2 * len(na & nb) + len(ea & eb)
            scored.append((score, -abs(drafts[i]["start"] - drafts[j]["start"]), i, j))
    pairs: dict[int, int] = {}
    for _, _, i, j in sorted(scored, reverse=True):
        if i in pairs or j in pairs:
            continue
        pairs[i], pairs[j] = j, i
    return pairs
