"""tables: formula escaping at the CSV edge only, atomic writes, deterministic output, offset checks."""
from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline
from pipeline import tables as tables_module
from pipeline.records import Article, ArticleResult, Mention, Quote
from pipeline.tables import TABLE_NAMES, check_offsets, escape_formula, to_csv_text, unescape_formula


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize(("doc_id", "written"), [
    ('=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'),
    ("+1", "'+1"),
    ("-x", "'-x"),
    ("@everyone", "'@everyone"),
    ("\tstart", "'\tstart"),
    ("川普", "川普"),
    ("a=b", "a=b"),
    ("'quoted", "''quoted"),  # a leading apostrophe is doubled so that unescaping is exact
])
def test_tables_formula_cells_escaped_only_in_csv(gazetteer, doc_id, written):
    tables = pipeline.extract_text("總統川普表示", doc_id=doc_id, gazetteer=gazetteer)
    text = to_csv_text(tables.documents)
    assert tables.documents["doc_id"].tolist() == [doc_id]  # the DataFrame keeps the exact text
    assert tables.mentions["doc_id"].tolist() == [doc_id]
    (row,) = read_csv(text)
    assert row["doc_id"] == written
    assert unescape_formula(row["doc_id"]) == doc_id
    (mention,) = read_csv(to_csv_text(tables.mentions))
    assert (mention["doc_id"], mention["text"], mention["start"]) == (written, "川普", "2")


@pytest.mark.parametrize(("title", "kept"), [("上半\r下半", "上半\n下半"), ("\r=1", "\n=1")])
def test_tables_carriage_return_cell_stays_in_its_row(gazetteer, title, kept):
    """CR is read as a newline, in metadata as in text (README, Input and output), and stays in its row."""
    tables = pipeline.extract([Article("d1", "美國總統川普表示", title=title)], gazetteer)
    (row,) = read_csv(to_csv_text(tables.documents))
    assert unescape_formula(row["title"]) == kept


def test_tables_numbers_are_not_escaped(gazetteer):
    tables = pipeline.extract_text("總統川普表示", gazetteer=gazetteer)
    frame = tables.mentions.assign(start=-4)  # a negative number is not a formula
    (row,) = read_csv(to_csv_text(frame))
    assert row["start"] == "-4"


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_tables_unescape_inverts_escape(value):
    escaped = escape_formula(value)
    assert not escaped.startswith(tables_module.FORMULA_STARTS)
    if not value.startswith("'"):
        assert unescape_formula(escaped) == value


@pytest.mark.parametrize("value", ["'=1", "'+44 20 7946 0000", "'@handle"])
def test_tables_unescape_inverts_escape_of_apostrophe(value):
    assert unescape_formula(escape_formula(value)) == value


def _corpus_tables(gazetteer, text: str):
    return pipeline.extract([Article("a", text, source="a.txt"), Article("b", "普丁表示。", source="b.txt")],
                            gazetteer)


def test_tables_write_is_atomic(gazetteer, tmp_path, monkeypatch):
    out = tmp_path / "outputs"
    pipeline.write_tables(_corpus_tables(gazetteer, "美國總統川普表示。"), out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(before) == sorted(f"{name}.csv" for name in TABLE_NAMES)

    calls = []
    real = tables_module.to_csv_text

    def failing(frame):
        calls.append(frame)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(frame)

    monkeypatch.setattr(tables_module, "to_csv_text", failing)
    changed = _corpus_tables(gazetteer, "美國總統川普與普丁會面，川普說。")
    with pytest.raises(OSError, match="disk full"):
        pipeline.write_tables(changed, out)
    assert len(calls) == 3
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temporary file left either

    monkeypatch.setattr(tables_module, "to_csv_text", real)
    pipeline.write_tables(changed, out)
    assert (out / "mentions.csv").read_bytes() != before["mentions.csv"]
    assert sorted(p.name for p in out.iterdir()) == sorted(before)


def test_tables_output_is_deterministic(gazetteer, repo_root, tmp_path):
    first = pipeline.extract(pipeline.load_corpus(repo_root / "corpus"), gazetteer)
    second = pipeline.extract(pipeline.load_corpus(repo_root / "corpus"), gazetteer)
    for name in TABLE_NAMES:
        assert to_csv_text(getattr(first, name)) == to_csv_text(getattr(second, name)), name
    pipeline.write_tables(first, tmp_path / "one")
    pipeline.write_tables(second, tmp_path / "two")
    for name in TABLE_NAMES:
        data = (tmp_path / "one" / f"{name}.csv").read_bytes()
        assert data == (tmp_path / "two" / f"{name}.csv").read_bytes(), name
        assert b"\r\n" not in data
        data.decode("utf-8")
    assert len(first.mentions) > 0


def test_tables_are_sorted(gazetteer):
    articles = [Article("b", "普丁表示。川普說。"), Article("a", "川普表示。普丁說。")]
    tables = pipeline.extract(articles, gazetteer)
    assert tables.documents["doc_id"].tolist() == ["a", "b"]
    keys = list(tables.mentions[["doc_id", "start", "end"]].itertuples(index=False, name=None))
    assert keys == sorted(keys)
    assert tables.entities["entity_id"].tolist() == sorted(tables.entities["entity_id"])


def _mention(start: int, end: int, text: str) -> Mention:
    return Mention("d1", start, end, text, "PERSON", "donald-trump", "Donald Trump", "Q22686", "zh",
                   "gazetteer", 1.0)


def _quote(start: int, end: int, text: str) -> Quote:
    return Quote("d1", "q1", start, end, text, "zh", "", "", "", "說", "direct", "cue_before", 0.8, "")


@pytest.mark.parametrize(("record", "ok"), [
    (_mention(4, 6, "川普"), True),
    (_mention(3, 5, "川普"), False),
    (_mention(4, 6, "普丁"), False),
    (_mention(4, 7, "川普"), False),
    (_quote(9, 11, "好的"), True),
    (_quote(9, 12, "好的"), False),
])
def test_tables_check_offsets(record, ok):
    result = ArticleResult(Article("d1", "美國總統川普說：「好的」"), "traditional",
                           mentions=(record,) if isinstance(record, Mention) else (),
                           quotes=(record,) if isinstance(record, Quote) else ())
    if ok:
        check_offsets(result)
    else:
        with pytest.raises(AssertionError, match="d1"):
            check_offsets(result)
