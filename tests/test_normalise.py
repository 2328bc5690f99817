"""normalise: the views are the text's length (offsets found on them are offsets into the original)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalise import detect_script, fold_char, fold_key, match_view, simplified_view

# Arbitrary text, weighted towards what news contains: CJK (BMP and astral extension B), full-width
# forms, name separators, accented Latin, emoji. Lone surrogates are not text (no decoder produces them).
CHARACTERS = st.one_of(
    st.characters(exclude_categories=("Cs",)),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
    st.sampled_from("·．‧•・∙⋅-‐‑‒–—’‘`´\u3000「」『』“”，。ÉéÅøßİıǅﬁ😀𠮷"),
)
TEXT = st.text(alphabet=CHARACTERS, max_size=60)


@settings(max_examples=300)
@given(TEXT)
def test_normalise_simplified_view_keeps_length(text):
    assert len(simplified_view(text)) == len(text)


@settings(max_examples=300)
@given(TEXT)
def test_normalise_match_view_keeps_length(text):
    assert len(match_view(simplified_view(text))) == len(text)


@settings(max_examples=500)
@given(CHARACTERS)
def test_normalise_fold_char_is_one_char(ch):
    assert len(fold_char(ch)) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("美國總統川普表示", "美国总统川普表示"),
    ("烏克蘭戰爭", "乌克兰战争"),
    ("「只剩少數分歧」", "「只剩少数分歧」"),  # corner brackets are kept (zhconv would turn them into “”)
    ("普丁", "普丁"),  # a name is not rewritten to another region's form (普丁 is not 普京)
    ("Trump 說", "Trump 说"),
    ("𠮷野家", "𠮷野家"),
])
def test_normalise_simplified_view_examples(text, expected):
    assert simplified_view(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("唐納．川普", "唐纳·川普"),
    ("唐納·川普", "唐纳·川普"),
    ("史蒂文‧張", "史蒂文·张"),
    ("唐納•川普", "唐纳·川普"),
    ("Ｔｒｕｍｐ", "trump"),
    ("Jean-Luc Mélenchon", "jean luc melenchon"),
    ("Volodymyr  Zelenskyy ", "volodymyr zelenskyy"),
    ("Donald J. Trump", "donald j. trump"),
    ("O’Brien", "o'brien"),
    ("Ｄｏｎａｌｄ\u3000Ｔｒｕｍｐ", "donald trump"),
    ("  川普\n", "川普"),
])
def test_normalise_fold_key_examples(text, expected):
    assert fold_key(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ドナルド・トランプ", "ドナルド·トランプ"),
    ("트럼프", "트럼프"),
])
def test_normalise_fold_key_keeps_non_latin_letters(text, expected):
    assert fold_key(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Путин", "путин"),
    ("Ἀθῆναι", "αθηναι"),
])
def test_normalise_fold_key_lowercases_other_alphabets(text, expected):
    assert fold_key(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("美國總統川普與俄羅斯總統普丁會面", "traditional"),
    ("美国总统特朗普与俄罗斯总统普京会面", "simplified"),
    ("總統", "traditional"),
    ("总统", "simplified"),
    ("他说Trump", "simplified"),
    ("美國總統說，美国总统说", "mixed"),
    ("中文", "mixed"),  # no character that tells the scripts apart
    ("Trump said", ""),
    ("", ""),
    ("123 ！？", ""),
])
def test_normalise_detect_script_examples(text, expected):
    assert detect_script(text) == expected
