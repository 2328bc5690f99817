"""Names no list has: glosses learned across the corpus, transliteration spotting, phonetic links."""
from __future__ import annotations

from pathlib import Path

import pytest

import pipeline
from pipeline.discover import english_name_label, slug

INVENTED = Path(__file__).parent / "data" / "invented"


@pytest.fixture(scope="module")
def invented(gazetteer):
    return pipeline.extract(pipeline.load_corpus(INVENTED), gazetteer)


def rows(frame, doc_id):
    """The people of one article (its places are matched by the gazetteer like anywhere else)."""
    part = frame[(frame["doc_id"] == doc_id) & (frame["label"] == "PERSON")]
    return [(r.text, r.label, r.entity_id, r.name_en, r.method) for r in part.itertuples()]


def test_discover_gloss_links_the_article_and_its_bare_form(invented):
    found = rows(invented.mentions, "a_gloss")
    assert ("柯瑞德", "PERSON", "fred-kirwan", "Fred Kirwan", "gloss") in found
    assert ("Fred Kirwan", "PERSON", "fred-kirwan", "Fred Kirwan", "gloss") in found
    assert ("柯瑞德", "PERSON", "fred-kirwan", "Fred Kirwan", "document") in found


def test_discover_gloss_in_one_article_links_another(invented):
    assert rows(invented.mentions, "b_bare") == [
        ("柯瑞德", "PERSON", "fred-kirwan", "Fred Kirwan", "corpus_alias"),
        ("柯瑞德", "PERSON", "fred-kirwan", "Fred Kirwan", "corpus_alias"),
    ]


def test_discover_transliteration_linked_by_sound(invented):
    found = [r for r in rows(invented.mentions, "c_phonetic") if r[4] == "phonetic"]
    assert ("哈特維爾", "PERSON", "ingrid-hartwell", "Ingrid Hartwell", "phonetic") in found
    assert ("Ingrid Hartwell", "PERSON", "ingrid-hartwell", "Ingrid Hartwell", "phonetic") in found


def test_discover_transliteration_without_counterpart_is_unlinked_person(invented):
    found = [r for r in rows(invented.mentions, "d_unlinked") if r[0] == "薩尼斯托拉"]
    assert found and all(r[1:] == ("PERSON", "", "", "pattern") for r in found)


def test_discover_suggestions_list_learned_pairs(invented):
    table = invented.alias_suggestions
    pairs = {(r.alias, r.name_en, r.documents) for r in table.itertuples()}
    assert ("柯瑞德", "Fred Kirwan", "a_gloss|b_bare") in pairs
    assert ("哈特維爾", "Ingrid Hartwell", "c_phonetic") in pairs


@pytest.mark.parametrize(
    ("gloss", "label"),
    [("Steve Witkoff", "PERSON"), ("Ursula von der Leyen", "PERSON"), ("National Guard", "ORG"),
     ("Krasnodar Krai", "GPE"), ("Villamor Air Base", "FAC"), ("NATO", "ORG"),
     ("AI", None), ("X", None), ("the drone guy", None), ("November 25", None), ("coalition of the willing", None)],
)
def test_discover_english_name_label(gloss, label):
    assert english_name_label(gloss) == label


@pytest.mark.parametrize(
    ("text", "form", "name_en"),
    [("白宮發言人凱絲蒂（Kasty Mornay）說：「好。」", "凱絲蒂", "Kasty Mornay"),
     ("俄國總統顧問德米崔耶夫（Kirill Dmitriev）通話", "德米崔耶夫", "Kirill Dmitriev"),
     ("《外交政策》（Foreign Policy）指出", "外交政策", "Foreign Policy")],
)
def test_discover_gloss_chinese_side_stops_at_titles(gazetteer, text, form, name_en):
    mentions = pipeline.extract_text(text, gazetteer=gazetteer).mentions
    zh = [(r.text, r.name_en) for r in mentions.itertuples() if r.lang == "zh"]
    assert (form, name_en) in zh


def test_discover_gloss_that_is_not_a_name_is_not_learned(gazetteer):
    tables = pipeline.extract_text("公司推出人工智慧（AI）服務，並在社群平台（X）宣布。", gazetteer=gazetteer)
    assert not [m for m in tables.mentions.itertuples() if m.method == "gloss"]


def test_discover_conflicting_glosses_are_reported_not_learned(gazetteer):
    articles = [
        pipeline.Article("a", "發言人柯瑞德（Fred Kirwan）表示。", status="ok"),
        pipeline.Article("b", "部長柯瑞德（Fiona Kerridge）表示。", status="ok"),
        pipeline.Article("c", "各方都在等待柯瑞德的回應。", status="ok"),
    ]
    tables = pipeline.extract(articles, gazetteer)
    assert "conflicting_gloss" in set(tables.problems["kind"])
    assert not [m for m in tables.mentions.itertuples() if m.doc_id == "c" and m.entity_id]


def test_discover_slug():
    assert slug("Jean-Luc Mélenchon") == "jean-luc-melenchon"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("洛杉磯湖人隊昨晚獲勝。", ("洛杉磯湖人隊", "ORG", "los-angeles-lakers")),
     ("國王阿爾瓦羅二世出席典禮。", ("阿爾瓦羅二世", "PERSON", "")),
     ("挪威諾貝爾研究所主席表示", ("挪威諾貝爾研究所", "ORG", "")),
     ("頒獎禮在奧斯陸市政廳舉行", ("奧斯陸市政廳", "FAC", ""))],
)
def test_discover_names_that_run_past_the_listed_form(gazetteer, text, expected):
    mentions = pipeline.extract_text(text, gazetteer=gazetteer).mentions
    assert expected in [(r.text, r.label, r.entity_id) for r in mentions.itertuples()]


def test_discover_place_and_generic_word_is_not_a_new_body(gazetteer):
    mentions = pipeline.extract_text("英國議會今天開會", gazetteer=gazetteer).mentions
    assert ("英國議會", "ORG", "") not in [(r.text, r.label, r.entity_id) for r in mentions.itertuples()]


def test_discover_gloss_drops_a_glued_preposition(gazetteer):
    mentions = pipeline.extract_text("他被押解至維拉莫爾空軍基地（Villamor Air Base）附近", gazetteer=gazetteer).mentions
    assert ("維拉莫爾空軍基地", "Villamor Air Base") in [(r.text, r.name_en) for r in mentions.itertuples()]


def test_discover_two_listed_names_are_not_one_body(gazetteer):
    mentions = pipeline.extract_text("共同民主黨批評國民力量黨的提案。", gazetteer=gazetteer).mentions
    assert [(r.text, r.label) for r in mentions.itertuples()] == [("共同民主黨", "ORG"), ("國民力量黨", "ORG")]


def test_discover_event_gloss(gazetteer):
    mentions = pipeline.extract_text("她的「星河巡迴演唱會」（The Galaxy Tour）將在12月落幕。", gazetteer=gazetteer).mentions
    assert ("星河巡迴演唱會", "EVENT") in [(r.text, r.label) for r in mentions.itertuples()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("英國人對此不滿。", [("英國人", "NORP", "")]),
     ("美國人認為", [("美國人", "NORP", "")]),
     ("美國人質獲釋", [("美國", "GPE", "united-states")]),
     ("【北京時間6月16日訊】北京表示", [("北京", "GPE", "beijing")])],  # 北京時間 is a time, not a place
)
def test_discover_place_compounds(gazetteer, text, expected):
    mentions = pipeline.extract_text(text, gazetteer=gazetteer).mentions
    assert [(r.text, r.label, r.entity_id) for r in mentions.itertuples()] == expected


def test_discover_glossed_acronym_is_learned(gazetteer):
    text = "國際刑事法院 (ICC) 證實發出逮捕令。ICC表示，將在海牙審理。"
    mentions = pipeline.extract_text(text, gazetteer=gazetteer).mentions
    found = [(r.text, r.name_en) for r in mentions.itertuples() if r.text == "ICC"]
    assert found == [("ICC", "International Criminal Court")] * 2


def test_discover_acronym_that_contradicts_the_listed_entity_is_not_learned(gazetteer):
    mentions = pipeline.extract_text("全國民主聯盟（NDA）贏得選舉。NDA將組閣。", gazetteer=gazetteer).mentions
    assert not [r for r in mentions.itertuples() if r.text == "NDA"]


def test_discover_listed_institution_after_a_party_is_not_one_body(gazetteer):
    mentions = pipeline.extract_text("法國社會黨國民議會黨團主席瓦洛表示", gazetteer=gazetteer).mentions
    assert "社會黨國民議會" not in [r.text for r in mentions.itertuples()]
