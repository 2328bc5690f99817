"""match (through the public `extract_text`): gazetteer forms on token boundaries, English names,
typos and handles, and the resolution of the forms found."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline
from pipeline.normalise import fold_key


def mentions(text: str, gazetteer) -> list[tuple]:
    """The people found (places and organisations in the same sentences are other tests' business)."""
    frame = pipeline.extract_text(text, gazetteer=gazetteer).mentions
    frame = frame[frame["label"] == "PERSON"]
    return [(t, int(s), int(e), i) for t, s, e, i in frame[["text", "start", "end", "entity_id"]].itertuples(
        index=False, name=None)]


def all_mentions(text: str, gazetteer) -> list[tuple]:
    frame = pipeline.extract_text(text, gazetteer=gazetteer).mentions
    return [(t, int(s), int(e), i) for t, s, e, i in frame[["text", "start", "end", "entity_id"]].itertuples(
        index=False, name=None)]


def methods(text: str, gazetteer) -> list[tuple]:
    frame = pipeline.extract_text(text, gazetteer=gazetteer).mentions
    return list(frame[["text", "entity_id", "method"]].itertuples(index=False, name=None))


@pytest.mark.parametrize(("text", "expected"), [
    ("美國總統川普表示", [("川普", 4, 6, "donald-trump")]),
    ("美国总统特朗普表示", [("特朗普", 4, 7, "donald-trump")]),
    ("美國總統唐納·川普表示", [("唐納·川普", 4, 9, "donald-trump")]),
    ("美國總統唐納．川普表示", [("唐納．川普", 4, 9, "donald-trump")]),
    ("美國總統唐納川普表示", [("唐納川普", 4, 8, "donald-trump")]),
    ("普丁表示", [("普丁", 0, 2, "vladimir-putin")]),
    ("普京表示", [("普京", 0, 2, "vladimir-putin")]),
    ("俄羅斯總統普亭說", [("普亭", 5, 7, "vladimir-putin")]),
    ("川普與普丁會面", [("川普", 0, 2, "donald-trump"), ("普丁", 3, 5, "vladimir-putin")]),
    ("白宮聯絡主任史蒂文．張表示", [("史蒂文．張", 6, 11, "steven-cheung")]),
    ("Trump said", [("Trump", 0, 5, "donald-trump")]),
    ("Trump's plan", [("Trump", 0, 5, "donald-trump")]),
    ("Trump’s plan", [("Trump", 0, 5, "donald-trump")]),
    ("Putin's envoy", [("Putin", 0, 5, "vladimir-putin")]),
    ("TRUMP SAID", [("TRUMP", 0, 5, "donald-trump")]),
    ("President Donald J. Trump said", [("Donald J. Trump", 10, 25, "donald-trump")]),
    ("Emmanuel-Macron and Volodymyr Zelensky", [("Emmanuel-Macron", 0, 15, "emmanuel-macron"),
                                               ("Volodymyr Zelensky", 20, 38, "volodymyr-zelenskyy")]),
    ("Ｔｒｕｍｐ說", [("Ｔｒｕｍｐ", 0, 5, "donald-trump")]),
    ("川普（Donald Trump）表示", [("川普", 0, 2, "donald-trump"), ("Donald Trump", 3, 15, "donald-trump")]),
])
def test_match_finds_gazetteer_forms(gazetteer, text, expected):
    assert mentions(text, gazetteer) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("四川普通話很好聽", []),  # 川普 straddles 四川 | 普通話
    ("四川普通话很好听", []),
    ("他用四川普通話說：川普來了", [("川普", 9, 11, "donald-trump")]),
    ("Trumpet players", []),
    ("Putinism", []),
    ("xTrump", []),
    ("a@Trump b", []),
])
def test_match_needs_word_boundaries(gazetteer, text, expected):
    assert mentions(text, gazetteer) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He met Vladimir Poutin today.", [("Vladimir Poutin", "vladimir-putin", "fuzzy")]),
    ("Sergey Lavrow said", [("Sergey Lavrow", "sergey-lavrov", "fuzzy")]),
    ("Steve Witkof said", [("Steve Witkof", "steve-witkoff", "fuzzy")]),
    ("Mark Brown said", []),  # a typo keeps the initials
    ("轉發 @rustem_umerov 的貼文", [("@rustem_umerov", "rustem-umerov", "handle")]),
    ("@RepDonBacon wrote", [("@RepDonBacon", "don-bacon", "handle")]),
    ("@realDonaldTrump", [("@realDonaldTrump", "donald-trump", "handle")]),
    ("@trump", []),  # a handle that spells only a surname is too weak
    ("— Karoline Leavitt (@PressSec)November 25", [("Karoline Leavitt", "karoline-leavitt", "gazetteer"),
                                                   ("@PressSec", "karoline-leavitt", "handle")]),
    ("email me@rustem_umerov", []),
])
def test_match_typos_and_handles(gazetteer, text, expected):
    assert methods(text, gazetteer) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He met Valdimir Putin today.", [("Valdimir Putin", "vladimir-putin", "fuzzy")]),
    ("Donlad Trump said", [("Donlad Trump", "donald-trump", "fuzzy")]),
])
def test_match_typo_before_a_known_surname(gazetteer, text, expected):
    assert methods(text, gazetteer) == expected


@pytest.mark.parametrize("text", ["They trump the rules.", "whether facts trump fear", "a trump card"])
def test_match_lowercase_word_is_not_a_name(gazetteer, text):
    assert mentions(text, gazetteer) == []


def test_match_dotted_name_before_shuo(gazetteer):
    assert mentions("白宮聯絡主任史蒂文．張說", gazetteer) == [("史蒂文．張", 6, 11, "steven-cheung")]


@pytest.mark.parametrize(("text", "expected"), [
    # an ambiguous short form takes the entity the article names in full (one sense per discourse) ...
    ("亨利·詹姆斯的小說。詹姆斯寫道", [("亨利·詹姆斯", 0, 6, "henry-james"), ("詹姆斯", 10, 13, "henry-james")]),
    ("勒布朗·詹姆斯得分。詹姆斯說", [("勒布朗·詹姆斯", 0, 7, "lebron-james"), ("詹姆斯", 10, 13, "lebron-james")]),
    ("Henry James wrote it. 詹姆斯寫道", [("Henry James", 0, 11, "henry-james"), ("詹姆斯", 22, 25, "henry-james")]),
    # ... and otherwise the higher prior
    ("詹姆斯表示", [("詹姆斯", 0, 3, "lebron-james")]),
])
def test_match_ambiguous_form_resolution(tiny_gazetteer_dir, text, expected):
    tiny = pipeline.load_gazetteer(tiny_gazetteer_dir)
    assert mentions(text, tiny) == expected


def test_match_ambiguous_form_by_prior_is_a_problem(tiny_gazetteer_dir):
    tables = pipeline.extract_text("詹姆斯表示", gazetteer=pipeline.load_gazetteer(tiny_gazetteer_dir))
    assert list(tables.problems[["offset", "kind"]].itertuples(index=False, name=None)) == [(0, "ambiguous_name")]
    assert tables.mentions["confidence"].iloc[0] < 1.0


# Context that cannot join a name: Chinese punctuation, every kind of space, lowercase English words.
PUNCTUATION = st.text(alphabet="，。、：；！？「」『』（）《》—… \u3000\n\t", min_size=1, max_size=4)
ENGLISH = st.lists(st.sampled_from(["the", "said", "on", "news", "report", "and", "via", "2025"]),
                   min_size=1, max_size=4).map(" ".join)
CONTEXT = st.lists(st.one_of(PUNCTUATION, ENGLISH), max_size=4).map("".join)


@settings(max_examples=120)
@given(data=st.data())
def test_match_gazetteer_form_in_random_context(gazetteer, data):
    alias = data.draw(st.sampled_from(sorted({a.alias for a in gazetteer.aliases})), label="alias")
    before = data.draw(CONTEXT, label="before") + data.draw(PUNCTUATION, label="separator before")
    after = data.draw(PUNCTUATION, label="separator after") + data.draw(CONTEXT, label="after")
    text = before + alias + after
    expected_ids = gazetteer.candidates(fold_key(alias))
    found = [m for m in all_mentions(text, gazetteer) if m[1:3] == (len(before), len(before) + len(alias))]
    assert len(found) == 1, all_mentions(text, gazetteer)
    assert found[0][0] == alias
    assert found[0][3] in expected_ids


def test_match_bare_institution_takes_the_article_country(gazetteer):
    french = pipeline.extract_text("法國總理白胡下台後，國會將重新表決。", gazetteer=gazetteer).mentions
    korean = pipeline.extract_text("南韓國會通過法案後，國會議長表示歡迎。", gazetteer=gazetteer).mentions
    french_link = [r.name_en for r in french.itertuples() if r.text == "國會"]
    korean_link = [r.name_en for r in korean.itertuples() if r.text == "國會"]
    assert french_link == ["National Assembly (France)"]
    assert korean_link == ["National Assembly (South Korea)"]  # 南韓國會 names the country too


@pytest.mark.parametrize(("text", "expected"), [
    ("演唱會在英國利物浦舉行。", ("利物浦", "GPE", "Liverpool")),
    ("球迷在利物浦街頭慶祝。", ("利物浦", "GPE", "Liverpool")),
    ("利物浦昨晚擊敗曼聯。", ("利物浦", "ORG", "Liverpool F.C.")),
])
def test_match_place_or_club_by_context(gazetteer, text, expected):
    frame = pipeline.extract_text(text, gazetteer=gazetteer).mentions
    assert expected in [(r.text, r.label, r.name_en) for r in frame.itertuples()]


def test_match_bare_form_listed_for_another_country_is_localised(gazetteer):
    frame = pipeline.extract_text("法國總理白胡在國民議會發表演說。", gazetteer=gazetteer).mentions
    assert [r.name_en for r in frame.itertuples() if r.text == "國民議會"] == ["National Assembly (France)"]


@pytest.mark.parametrize("text", ["芬蘭總理薩尼斯托拉表示", "柯瑞德的說法"])
def test_match_short_form_inside_an_unlisted_name_is_not_a_match(gazetteer, text):
    """尼斯 (Nice) in 薩|尼斯|托拉 and 柯瑞 (Curry) in 柯瑞|德 are parts of longer, unlisted names."""
    frame = pipeline.extract_text(text, gazetteer=gazetteer).mentions
    assert not [r for r in frame.itertuples() if r.method == "gazetteer" and r.text in ("尼斯", "柯瑞")]


@pytest.mark.parametrize(("text", "expected"), [
    # jieba keeps 解散國會 and 國會下議院 as words; the institution inside is still found
    ("法國總理白胡表示將解散國會。", ("國會", "National Assembly (France)")),
    ("法國總理白胡在國會下議院發表演說。", ("國會下議院", "National Assembly (France)")),
    ("英国工党预测将赢得国会下议院多数席位。", ("国会下议院", "House of Commons of the United Kingdom")),
])
def test_match_institution_inside_a_compound(gazetteer, text, expected):
    frame = pipeline.extract_text(text, gazetteer=gazetteer).mentions
    assert expected in [(r.text, r.name_en) for r in frame.itertuples()]


def test_match_team_suffix_glued_by_jieba(gazetteer):
    frame = pipeline.extract_text("洛杉磯湖人隊今天獲勝", gazetteer=gazetteer).mentions
    assert ("洛杉磯湖人隊", "Los Angeles Lakers") in [(r.text, r.name_en) for r in frame.itertuples()]


def test_match_acronyms_only_in_capitals(gazetteer):
    frame = pipeline.extract_text("Who said it? The WHO said so. Tell us. The US agreed.", gazetteer=gazetteer).mentions
    assert [(r.text, r.name_en) for r in frame.itertuples()] == [("WHO", "World Health Organization"),
                                                                 ("US", "United States")]
