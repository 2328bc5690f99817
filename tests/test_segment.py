"""segment: words, sentences and language runs over the ORIGINAL text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import news_text

from pipeline.segment import language_runs, segment

# News-like text: Traditional and Simplified Chinese, names with every separator, English, full-width
# forms, quote marks, every kind of whitespace and line break, astral characters.
PIECES = [
    "川普", "特朗普", "唐納·川普", "唐纳·特朗普", "史蒂文．張", "普丁", "美國總統", "表示", "說", "，", "。", "！",
    "「", "」", "『", "』", "（", "）", "“", "”", '"', "·", "．", "‧", "•", "・", "Donald Trump", "Trump's",
    "@rustem_umerov", " ", "  ", "\n", "\n\n", "\t", "\u3000", "\u00a0", "…", "⋯", "?", "!", "𠮷", "😀", "Ｔｒｕｍｐ",
    "20", "3.5%",
]
TEXT = news_text(PIECES, max_pieces=25, max_chars=80)


@settings(max_examples=200)
@given(TEXT)
def test_segment_tokens_rebuild_text(resources, text):
    seg = segment(text, resources.segmenter)
    position = 0
    for token in seg.tokens:
        assert token.start >= position, "tokens overlap or go backwards"
        assert text[position:token.start].strip() == "", "non-space text was skipped"
        assert text[token.start:token.end] == token.text
        assert token.text
        position = token.end
    assert text[position:].strip() == ""


@settings(max_examples=200)
@given(TEXT)
def test_segment_sentences_cover_nonempty_stretches(resources, text):
    seg = segment(text, resources.segmenter)
    previous_end = 0
    for sentence in seg.sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start:sentence.end].strip()
        previous_end = sentence.end
    for token in seg.tokens:
        if token.text.strip():
            assert any(s.start <= token.start and token.end <= s.end for s in seg.sentences), token


@settings(max_examples=300)
@given(TEXT)
def test_segment_language_runs_tile_the_text(text):
    runs = language_runs(text)
    if not any(ch.isalpha() for ch in text):
        assert runs == ()
        return
    assert runs[0].start == 0 and runs[-1].end == len(text)
    for before, after in zip(runs, runs[1:]):
        assert before.end == after.start
        assert before.kind != after.kind
    assert {r.kind for r in runs} <= {"zh", "en"}


@pytest.mark.parametrize(("text", "name"), [
    ("美國總統唐納·川普表示", "唐納·川普"),
    ("美國總統唐納．川普表示", "唐納．川普"),
    ("美国总统唐纳·特朗普表示", "唐纳·特朗普"),
    ("白宮聯絡主任史蒂文．張表示", "史蒂文．張"),
    ("俄羅斯總統弗拉基米爾·普丁會見特使", "弗拉基米爾·普丁"),
    ("瑪琳．雷朋表示", "瑪琳．雷朋"),  # not in the gazetteer: two words joined by a dot
    ("會議在北京・上海兩地舉行", "北京・上海"),
])
def test_segment_dotted_name_is_one_token(resources, text, name):
    seg = segment(text, resources.segmenter)
    start = text.index(name)
    assert (start, start + len(name)) in {(t.start, t.end) for t in seg.tokens}


@pytest.mark.parametrize(("text", "name"), [
    ("白宮聯絡主任史蒂文．張說", "史蒂文．張"),
    ("史蒂文·张说，会谈顺利", "史蒂文·张"),
])
def test_segment_dotted_name_stops_at_the_name(resources, text, name):
    seg = segment(text, resources.segmenter)
    start = text.index(name)
    assert (start, start + len(name)) in {(t.start, t.end) for t in seg.tokens}


def test_segment_unlisted_dotted_name_is_one_token(resources):
    text = "印度总理纳伦德拉·莫迪表示"
    seg = segment(text, resources.segmenter)
    assert ("纳伦德拉·莫迪", 4, 11) in {(t.text, t.start, t.end) for t in seg.tokens}


@pytest.mark.parametrize(("text", "words"), [
    ("美國總統川普表示", ("美國", "總統", "川普", "表示")),
    ("俄羅斯總統普丁會見魏科夫", ("俄羅斯", "總統", "普丁", "會見", "魏科夫")),
])
def test_segment_cuts_traditional_text_like_its_simplified_view(resources, text, words):
    assert tuple(t.text for t in segment(text, resources.segmenter).tokens) == words


@pytest.mark.parametrize("text", ["川普  表示", "川普\n\n普丁", "Donald  Trump"])
def test_segment_whitespace_is_not_a_token(resources, text):
    assert all(t.text.strip() for t in segment(text, resources.segmenter).tokens)


@pytest.mark.parametrize(("text", "sentences"), [
    ("川普表示。普丁回應！", ("川普表示。", "普丁回應！")),
    ("他會來嗎？不會…", ("他會來嗎？", "不會…")),
    ("第一段\n第二段", ("第一段", "第二段")),
    ("第一段。\n\n第二段", ("第一段。", "第二段")),
    ("Trump said so! Putin did not?", ("Trump said so!", "Putin did not?")),
    # a blank line ends a sentence, even a headline without final punctuation
    ("標題沒有句號\n\n川普表示", ("標題沒有句號", "川普表示")),
    ("第一段\n \n第二段", ("第一段", "第二段")),
])
def test_segment_sentences(resources, text, sentences):
    seg = segment(text, resources.segmenter)
    assert tuple(text[s.start:s.end].strip() for s in seg.sentences) == sentences


@pytest.mark.parametrize(("text", "english"), [
    ("美國總統川普（Donald Trump）表示", "Donald Trump"),
    ("烏梅洛夫在社群媒體上寫道：We appreciate the meetings.", "We appreciate the meetings."),
    ("白宮發言人李威特（Karoline Leavitt）說", "Karoline Leavitt"),
])
def test_segment_runs_mark_english_inside_chinese(resources, text, english):
    seg = segment(text, resources.segmenter)
    start, end = text.index(english), text.index(english) + len(english)
    (run,) = [r for r in seg.runs if r.start <= start < r.end]
    assert run.kind == "en" and run.end >= end
    assert all(r.kind == "zh" for r in seg.runs if r.end <= start)
    assert seg.runs[0].kind == "zh"
