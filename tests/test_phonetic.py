"""Phonetic linking: transliterations against English names by consonant skeletons."""
from __future__ import annotations

import pytest

from pipeline.phonetic import best_match, similarity, skeleton_en, skeleton_zh

# The English names of the seed article, the candidates a transliteration there is scored against.
SEED_NAMES = [
    "Donald Trump", "Steve Witkoff", "Vladimir Putin", "Volodymyr Zelensky", "Rustem Umerov", "Andriy Yermak",
    "Karoline Leavitt", "Dan Driscoll", "Anna Kelly", "Sergei Lavrov", "Emmanuel Macron", "Yuri Ushakov",
    "Don Bacon", "Kirill Dmitriev", "Jared Kushner", "Steven Cheung", "Antony Blinken",
]


@pytest.mark.parametrize(
    ("chinese", "english"),
    [("德米崔耶夫", "Kirill Dmitriev"), ("鄂夏柯夫", "Yuri Ushakov"), ("李威特", "Karoline Leavitt"),
     ("布林肯", "Antony Blinken"), ("烏梅洛夫", "Rustem Umerov"), ("葉爾馬克", "Andriy Yermak"),
     ("拉夫羅夫", "Sergei Lavrov"), ("德里斯科", "Dan Driscoll"), ("貝肯", "Don Bacon"), ("庫許納", "Jared Kushner")],
)
def test_phonetic_transliteration_ranks_its_name_first(chinese, english):
    ranked = sorted(SEED_NAMES, key=lambda name: similarity(chinese, name), reverse=True)
    assert ranked[0] == english
    assert best_match(chinese, SEED_NAMES) == (SEED_NAMES.index(english), pytest.approx(similarity(chinese, english), abs=1e-3))


@pytest.mark.parametrize("chinese", ["王毅", "習近平", "施紀賢", "薩尼斯托拉"])
def test_phonetic_name_without_counterpart_stays_unlinked(chinese):
    assert best_match(chinese, SEED_NAMES) is None


@pytest.mark.parametrize(
    ("word", "skeleton"),
    [("布林肯", "PLNKN"), ("鄂夏柯夫", "SKF"), ("葉爾馬克", "YLMK")],
)
def test_phonetic_skeleton_zh(word, skeleton):
    assert skeleton_zh(word) == skeleton


@pytest.mark.parametrize(
    ("word", "skeleton"),
    [("Blinken", "PLNKN"), ("Ushakov", "SKF"), ("Yermak", "YLMK"), ("Leavitt", "LFT"), ("Phillips", "FLPS")],
)
def test_phonetic_skeleton_en(word, skeleton):
    assert skeleton_en(word) == skeleton


FOOTBALL = ["Chelsea", "Robert Sánchez", "Bruno Fernandes", "Casemiro", "Ruben Amorim", "Marcus Rashford"]


@pytest.mark.parametrize(("chinese", "english"), [("車路士", "Chelsea"), ("羅拔山齊士", "Robert Sánchez"),
                                                ("般奴費南迪斯", "Bruno Fernandes"), ("卡斯米路", "Casemiro")])
def test_phonetic_hong_kong_forms_by_cantonese_reading(chinese, english):
    assert best_match(chinese, FOOTBALL)[0] == FOOTBALL.index(english)


def test_phonetic_cantonese_skeleton():
    from pipeline.phonetic import skeleton_yue

    assert skeleton_yue("車路士") == "CLS"
