"""corpus: every input becomes exactly one Article, in whatever encoding it came, and never raises."""
from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.corpus import CorpusError, decode_bytes, load_corpus

TRADITIONAL = "美國總統川普表示，烏克蘭戰爭的談判「已經只剩少數分歧」。\n俄羅斯總統普丁將與特使魏科夫會面。"
SIMPLIFIED = "美国总统特朗普表示，乌克兰战争的谈判“已经只剩少数分歧”。\n俄罗斯总统普京将与特使维特科夫会面。"
PNG_HEADER = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
              b"\x00\x00\x00\x19tEXtSoftware\x00Adobe ImageReady")

# (data, text, encodings accepted, status, problem fragment)
DECODING_CASES = {
    "utf-8": (TRADITIONAL.encode("utf-8"), TRADITIONAL, ("utf-8",), "ok", ""),
    "utf-8-bom": (codecs.BOM_UTF8 + TRADITIONAL.encode("utf-8"), TRADITIONAL, ("utf-8",), "ok", ""),
    "utf-16-le-bom": (codecs.BOM_UTF16_LE + TRADITIONAL.encode("utf-16-le"), TRADITIONAL, ("utf-16",), "ok", ""),
    "utf-16-be-bom": (codecs.BOM_UTF16_BE + TRADITIONAL.encode("utf-16-be"), TRADITIONAL, ("utf-16",), "ok", ""),
    "utf-32-le-bom": (codecs.BOM_UTF32_LE + TRADITIONAL.encode("utf-32-le"), TRADITIONAL, ("utf-32",), "ok", ""),
    "big5": (TRADITIONAL.encode("big5"), TRADITIONAL, ("big5", "cp950", "big5hkscs"), "ok", ""),
    # 裏 and 恒 are in Microsoft's cp950 but not in plain Big5 (Big5-HKSCS has them at the same codes)
    "cp950": (("裏面的恒心。" + TRADITIONAL).encode("cp950"), "裏面的恒心。" + TRADITIONAL, ("cp950", "big5hkscs"),
              "ok", ""),
    "gbk": (SIMPLIFIED.encode("gbk"), SIMPLIFIED, ("gbk", "gb18030", "gb2312"), "ok", ""),
    "gb18030": (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, ("gb18030",), "ok", ""),
    "gb18030-traditional": (TRADITIONAL.encode("gb18030"), TRADITIONAL, ("gb18030",), "ok", ""),
    "crlf": (TRADITIONAL.replace("\n", "\r\n").encode("utf-8"), TRADITIONAL, ("utf-8",), "ok", ""),
    "lone-cr": (TRADITIONAL.replace("\n", "\r").encode("utf-8"), TRADITIONAL, ("utf-8",), "ok", ""),
    "crlf-utf-16": (codecs.BOM_UTF16_LE + "川普\r\n說\r好".encode("utf-16-le"), "川普\n說\n好", ("utf-16",), "ok", ""),
    "ascii": (b"Trump said on Tuesday.", "Trump said on Tuesday.", ("utf-8",), "ok", ""),
    "empty": (b"", "", ("",), "empty", "no text"),
    "whitespace-only": (b" \r\n\t\n", "", ("utf-8",), "empty", "no text"),
    "binary-junk": (bytes(range(256)) * 4, "", ("",), "error", "undecodable"),
    "png": (PNG_HEADER, "", ("",), "error", "undecodable"),
    "nul-bytes": (b"\x00" * 64, "", ("utf-8",), "error", "binary content"),
    "utf-16-bom-odd-length": (codecs.BOM_UTF16_LE + b"\x4e", "", ("utf-16",), "error", "byte-order mark"),
}


@pytest.mark.parametrize(("data", "text", "encodings", "status", "problem"),
                         list(DECODING_CASES.values()), ids=list(DECODING_CASES))
def test_corpus_decode_bytes(data, text, encodings, status, problem):
    decoded, encoding, found_problem = decode_bytes(data)
    assert encoding in encodings
    if status == "error":
        assert problem in found_problem
        assert decoded == ""
    else:
        assert found_problem == ""
        assert decoded.strip() == text.strip()
        assert "\r" not in decoded


@pytest.mark.parametrize(("data", "text", "encodings", "status", "problem"),
                         list(DECODING_CASES.values()), ids=list(DECODING_CASES))
def test_corpus_text_file_article(tmp_path, data, text, encodings, status, problem):
    (tmp_path / "article.txt").write_bytes(data)
    articles = list(load_corpus(tmp_path / "article.txt"))
    assert [(a.doc_id, a.status) for a in articles] == [("article", status)]
    article = articles[0]
    assert article.encoding in encodings
    assert problem in article.problem
    assert article.text.strip() == text.strip()
    if status == "ok":
        assert article.text == text


def test_corpus_folder(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "b-article.txt").write_text("普丁表示。", encoding="utf-8")
    (folder / "a-article.md").write_text(
        "---\ntitle: \"川普談俄烏\"\noutlet: 新聞網\ndate: 2025-11-25\nurl: https://example.org/a\nauthor: 某人\n---\n"
        "川普表示。\n", encoding="utf-8")
    (folder / "sub" / "c-article.txt").write_bytes("俄羅斯總統普丁".encode("big5"))
    (folder / ".hidden.txt").write_text("不該讀到", encoding="utf-8")
    (folder / "picture.png").write_bytes(PNG_HEADER)
    (folder / "index.csv").write_text(
        "doc_id,title,outlet,date,url\n"
        "b-article,普丁的聲明,中央社,2025-11-26,https://example.org/b\n"
        "a-article,索引的標題,,,\n", encoding="utf-8")
    articles = {a.doc_id: a for a in load_corpus(folder)}
    assert sorted(articles) == ["a-article", "b-article", "c-article", "picture"]
    a, b, c, picture = (articles[k] for k in sorted(articles))
    # front matter is not part of the text; index.csv wins over front matter where it has a value
    assert (a.text, a.title, a.outlet, a.date, a.url) == (
        "川普表示。\n", "索引的標題", "新聞網", "2025-11-25", "https://example.org/a")
    assert (b.text, b.title, b.outlet, b.date, b.url, b.encoding) == (
        "普丁表示。", "普丁的聲明", "中央社", "2025-11-26", "https://example.org/b", "utf-8")
    assert (c.text, c.status, c.encoding) == ("俄羅斯總統普丁", "ok", "big5")
    assert (picture.status, picture.text) == ("error", "")
    assert "unsupported file type" in picture.problem
    assert all(article.source.endswith((".txt", ".md", ".png")) for article in articles.values())


def test_corpus_folder_order_is_stable(tmp_path):
    for name in ("z.txt", "a.txt", "m.txt"):
        (tmp_path / name).write_text("川普", encoding="utf-8")
    assert [a.doc_id for a in load_corpus(tmp_path)] == ["a", "m", "z"]


def test_corpus_missing_path_raises(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        list(load_corpus(tmp_path / "nowhere"))


def _jsonl(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def test_corpus_jsonl(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(_jsonl(
        {"id": "n1", "text": "川普表示。\r\n普丁回應。", "title": "標題", "outlet": "中央社", "date": "2025-11-25",
         "url": "https://example.org/1", "author": "ignored", "tags": ["x"]},
        '{"id": "n2", "text": "broken',
        {"id": "n3", "title": "no text"},
        {"id": "n1", "text": "重複的 id"},
        {"text": "沒有 id 的文章"},
        {"id": 7, "text": "   "},
        "",
        '["not", "an", "object"]',
        {"id": "n4", "text": 42},
    ), encoding="utf-8")
    rows = [(a.doc_id, a.status, a.text) for a in load_corpus(path)]
    assert rows == [
        ("n1", "ok", "川普表示。\n普丁回應。"),
        ("news-2", "error", ""),
        ("n3", "error", ""),
        ("n1@4", "error", ""),
        ("news-5", "ok", "沒有 id 的文章"),
        ("7", "empty", "   "),
        ("news-8", "error", ""),
        ("n4", "error", ""),
    ]
    articles = list(load_corpus(path))
    first = articles[0]
    assert (first.title, first.outlet, first.date, first.url, first.encoding) == (
        "標題", "中央社", "2025-11-25", "https://example.org/1", "utf-8")
    assert first.source.endswith("news.jsonl:1")
    problems = [a.problem for a in articles if a.status == "error"]
    assert problems == [
        problems[0], "line 3: no string 'text' field", "line 4: duplicate id 'n1'",
        "line 8: expected a JSON object", "line 9: no string 'text' field",
    ]
    assert problems[0].startswith("line 2: malformed JSON")


def test_corpus_jsonl_lone_surrogate_is_not_kept(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": "s1", "text": "川普\\ud800說", "title": "標題\\udc00"}\n', encoding="utf-8")
    article, = load_corpus(path)
    for value in (article.doc_id, article.text, article.title, article.problem):
        value.encode("utf-8")


def test_corpus_jsonl_in_a_folder(tmp_path):
    (tmp_path / "batch.jsonl").write_text(_jsonl({"id": "j1", "text": "川普"}), encoding="utf-8")
    (tmp_path / "single.txt").write_text("普丁", encoding="utf-8")
    assert [(a.doc_id, a.text) for a in load_corpus(tmp_path)] == [("j1", "川普"), ("single", "普丁")]


@settings(max_examples=150)
@given(st.binary(max_size=2000))
def test_corpus_decode_bytes_never_raises(data):
    text, encoding, problem = decode_bytes(data)
    assert isinstance(text, str) and isinstance(encoding, str) and isinstance(problem, str)
    assert "\r" not in text
    assert not (problem and text)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=2000),
    st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]).flatmap(
        lambda bom: st.binary(max_size=500).map(lambda rest: bom + rest)),
))
def test_corpus_load_file_gives_one_article(tmp_path, data):
    # tmp_path is shared by the examples: each one overwrites the same file
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    articles = list(load_corpus(path))
    assert len(articles) == 1
    article = articles[0]
    assert article.doc_id == "fuzz"
    assert article.status in ("ok", "empty", "error")
    assert (article.status == "ok") == bool(article.text.strip())
    assert (article.status == "ok") == (article.problem == "")
