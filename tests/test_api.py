"""api: the tables contract, extraction that never raises on any text, and names learned across articles."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import news_text

import pipeline

COLUMNS = {
    "documents": ("doc_id", "source", "title", "outlet", "date", "url", "encoding", "script", "chars",
                  "mentions", "quotes", "status", "problem"),
    "mentions": ("doc_id", "start", "end", "text", "label", "entity_id", "name_en", "wikidata", "lang", "method",
                 "confidence"),
    "entities": ("entity_id", "name_en", "label", "wikidata", "zh_forms", "en_forms", "mentions", "documents",
                 "in_gazetteer"),
    "quotes": ("doc_id", "quote_id", "start", "end", "text", "lang", "speaker_id", "speaker_en", "speaker_text",
               "cue", "kind", "method", "confidence", "translation_of"),
    "problems": ("doc_id", "offset", "kind", "detail"),
    "alias_suggestions": ("alias", "name_en", "entity_id", "evidence", "documents", "count"),
}
LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"}


@pytest.mark.parametrize("text", ["", "沒有名字的句子。", "美國總統川普（Donald Trump）說：「我們很接近了。」"])
@pytest.mark.parametrize(("table", "columns"), list(COLUMNS.items()))
def test_api_extract_text_columns(gazetteer, text, table, columns):
    tables = pipeline.extract_text(text, gazetteer=gazetteer)
    assert tuple(getattr(tables, table).columns) == columns


@pytest.mark.parametrize(("text", "status", "problem"), [
    ("川普表示", "ok", ""),
    ("", "empty", "no text"),
    (" \n\u3000", "empty", "no text"),
])
def test_api_extract_text_document_row(gazetteer, text, status, problem):
    (row,) = pipeline.extract_text(text, doc_id="d1", gazetteer=gazetteer).documents.to_dict("records")
    assert (row["doc_id"], row["source"], row["chars"], row["status"], row["problem"]) == (
        "d1", "<text>", len(text), status, problem)


def test_api_extract_text_entities(gazetteer):
    tables = pipeline.extract_text("美國總統川普（Donald Trump）表示，川普將會見普丁。", gazetteer=gazetteer)
    entities = list(tables.entities[["entity_id", "zh_forms", "en_forms", "mentions", "documents",
                                     "in_gazetteer"]].itertuples(index=False, name=None))
    assert entities == [("donald-trump", "川普", "Donald Trump", 3, 1, True),
                        ("united-states", "美國", "", 1, 1, True),
                        ("vladimir-putin", "普丁", "", 1, 1, True)]


# Arbitrary text with the pieces the stages react to: every quote mark (balanced or not), parentheses
# with English glosses, names, reporting verbs, handles and post signatures, paragraph breaks.
PIECES = [
    "「", "」", "『", "』", "“", "”", '"', "，", "。", "：", "（", "）", "(", ")", "\n", "\n\n", " ", "\u3000",
    "川普", "特朗普", "唐納·川普", "普丁", "魏科夫", "史蒂文．張", "他", "說", "表示", "寫道", "稱他為", "向",
    "白宮發言人", "柯瑞德（Fred Kirwan）", "（Steve Witkoff）", "Trump", "Witkoff said", "he said", "said", ",",
    "We appreciate the meetings.", "— Rustem Umerov (@rustem_umerov) November 23, 2025", "@RepDonBacon", "…",
    "⋯⋯", "😀", "𠮷", "Ｔｒｕｍｐ", "=cmd", "+1",
]
TEXT = news_text(PIECES, max_pieces=30, max_chars=60)


@settings(max_examples=150)
@given(TEXT)
def test_api_extract_text_never_raises(gazetteer, text):
    tables = pipeline.extract_text(text, gazetteer=gazetteer)
    (document,) = tables.documents.to_dict("records")
    assert document["status"] == ("ok" if text.strip() else "empty"), document["problem"]
    for m in tables.mentions.itertuples():
        assert text[m.start:m.end] == m.text
        assert m.label in LABELS
    for q in tables.quotes.itertuples():
        assert text[q.start:q.end] == q.text
    for p in tables.problems.itertuples():
        assert -1 <= p.offset <= len(text)
    assert document["mentions"] == len(tables.mentions)
    assert document["quotes"] == len(tables.quotes)


def test_api_gloss_links_bare_form_in_another_article(gazetteer):
    glossed = pipeline.Article("a", "白宮發言人柯瑞德（Fred Kirwan）表示，美國將繼續支持談判。")
    bare = pipeline.Article("b", "柯瑞德週二再次強調，會談進展順利。")
    unrelated = pipeline.Article("c", "普丁表示，會談進展順利。")
    tables = pipeline.extract([glossed, bare, unrelated], gazetteer)
    found = list(tables.mentions[["doc_id", "start", "end", "text", "name_en", "method"]].itertuples(
        index=False, name=None))
    assert ("a", 5, 8, "柯瑞德", "Fred Kirwan", "gloss") in found
    assert ("a", 9, 20, "Fred Kirwan", "Fred Kirwan", "gloss") in found
    assert ("b", 0, 3, "柯瑞德", "Fred Kirwan", "corpus_alias") in found
    assert not [row for row in found if row[0] == "c" and row[4] == "Fred Kirwan"]
    ids = set(tables.mentions.loc[tables.mentions["name_en"] == "Fred Kirwan", "entity_id"])
    assert len(ids) == 1 and "" not in ids
    (entity_id,) = ids
    assert entity_id not in gazetteer.entities
    (entity,) = tables.entities.loc[tables.entities["entity_id"] == entity_id].to_dict("records")
    assert (entity["name_en"], entity["label"], entity["documents"], entity["in_gazetteer"]) == (
        "Fred Kirwan", "PERSON", 2, False)
    suggestions = list(tables.alias_suggestions[["alias", "name_en", "documents"]].itertuples(index=False, name=None))
    assert suggestions == [("柯瑞德", "Fred Kirwan", "a|b")]


def test_api_conflicting_glosses_are_not_learned(gazetteer):
    articles = [pipeline.Article("a", "發言人柯瑞德（Fred Kirwan）表示。"),
                pipeline.Article("b", "發言人柯瑞德（Frank Kirby）表示。"),
                pipeline.Article("c", "柯瑞德週二再次強調。")]
    tables = pipeline.extract(articles, gazetteer)
    assert "corpus_alias" not in set(tables.mentions["method"])
    assert "conflicting_gloss" in set(tables.problems["kind"])


def test_api_extract_corpus_folder(repo_root):
    tables = pipeline.extract_corpus(repo_root / "corpus")
    assert tables.documents["status"].tolist() == ["ok"] * len(tables.documents)
    assert len(tables.documents) >= 1 and len(tables.mentions) > 0
    assert tables.summary().startswith(f"{len(tables.documents)} articles (")


def test_api_jobs_give_the_same_tables(gazetteer, repo_root):
    from pathlib import Path

    articles = list(pipeline.load_corpus(repo_root / "corpus")) + list(
        pipeline.load_corpus(Path(__file__).parent / "data" / "invented"))
    one = pipeline.extract(articles, gazetteer)
    two = pipeline.extract(articles, gazetteer, jobs=2)
    for name in ("documents", "mentions", "entities", "quotes", "problems", "alias_suggestions"):
        assert getattr(one, name).equals(getattr(two, name)), name
