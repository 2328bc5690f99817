"""Real-world input end to end: a folder of every kind of file a user scrapes or is sent, through the
command line, and what the tables must say about each one."""
from __future__ import annotations

import codecs
import csv
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.tables import FORMULA_STARTS

ROOT = Path(__file__).resolve().parent.parent
TRUMP_TW = "美國總統川普週二表示：「談判進展良好。」"
TRUMP_CN = "美国总统特朗普周二表示：“谈判进展良好。”"

# file name -> (bytes, expected status, expected encoding)
FILES = {
    "utf8.txt": (TRUMP_TW.encode("utf-8"), "ok", "utf-8"),
    "utf8_bom.txt": (codecs.BOM_UTF8 + TRUMP_TW.encode("utf-8"), "ok", "utf-8"),
    "utf16le.txt": (codecs.BOM_UTF16_LE + TRUMP_TW.encode("utf-16-le"), "ok", "utf-16"),
    "utf16be.txt": (codecs.BOM_UTF16_BE + TRUMP_CN.encode("utf-16-be"), "ok", "utf-16"),
    "big5.txt": ((TRUMP_TW * 3).encode("cp950"), "ok", {"big5", "cp950", "big5hkscs"}),
    "gbk.txt": ((TRUMP_CN * 3).encode("gbk"), "ok", {"gbk", "gb18030", "gb2312"}),
    "crlf.txt": (("第一段。\r\n" + TRUMP_TW + "\r\n").encode("utf-8"), "ok", "utf-8"),
    "cr.txt": (("第一段。\r" + TRUMP_TW + "\r").encode("utf-8"), "ok", "utf-8"),
    "empty.txt": (b"", "empty", ""),
    "blank.txt": (" \n\n\u3000\n".encode("utf-8"), "empty", "utf-8"),
    "binary.txt": (bytes(range(256)) * 8, "error", None),
    "image.png": (b"\x89PNG\r\n\x1a\n" + bytes(64), "error", ""),
    "unpaired.txt": ("川普說：「我們會贏，\n然後他就離開了。」多餘".encode("utf-8"), "ok", "utf-8"),
    "formula.txt": ("川普說：「=HYPERLINK(\"http://evil.example\",\"click\")」。特朗普寫道：「@everyone 快來看。」"
                    "他又說：「+1 -1 這是數字。」".encode("utf-8"), "ok", "utf-8"),
}
JSONL = ('{"id": "j1", "text": "' + TRUMP_TW + '", "title": "=cmd()"}\n'
         '{"id": "j2", "text": broken\n'
         '{"id": "j3", "title": "no text"}\n')


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inbox")
    for name, (data, _, _) in FILES.items():
        (folder / name).write_bytes(data)
    (folder / "feed.jsonl").write_text(JSONL, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(folder), "--out", str(out), "--quiet"],
                          capture_output=True, text=True, cwd=ROOT)
    tables = {}
    for name in ("documents", "mentions", "quotes", "problems", "entities", "alias_suggestions"):
        with (out / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            tables[name] = list(csv.DictReader(handle))
    return done, tables


def test_io_run_completes(run):
    done, _ = run
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    summary = done.stdout.strip().splitlines()[-1]
    assert summary.startswith(f"{len(FILES) + 3} articles (")


@pytest.mark.parametrize("name", sorted(FILES))
def test_io_every_file_has_its_row(run, name):
    _, tables = run
    rows = {r["doc_id"]: r for r in tables["documents"]}
    row = rows[Path(name).stem]
    _, status, encoding = FILES[name]
    assert row["status"] == status, row
    if isinstance(encoding, set):
        assert row["encoding"] in encoding
    elif encoding is not None:
        assert row["encoding"] == encoding
    if status == "error":
        assert row["problem"]


@pytest.mark.parametrize("name", sorted(n for n, (_, status, _) in FILES.items() if status == "ok"))
def test_io_trump_found_in_every_decodable_file(run, name):
    _, tables = run
    doc_id = Path(name).stem
    found = {(m["text"], m["entity_id"]) for m in tables["mentions"] if m["doc_id"] == doc_id}
    if doc_id in ("utf16be", "gbk"):
        assert ("特朗普", "donald-trump") in found
    else:
        assert ("川普", "donald-trump") in found or ("特朗普", "donald-trump") in found


def test_io_jsonl_lines_accounted_for(run):
    _, tables = run
    rows = {r["doc_id"]: r for r in tables["documents"]}
    assert rows["j1"]["status"] == "ok"
    assert rows["feed-2"]["status"] == "error" and "malformed JSON" in rows["feed-2"]["problem"]
    assert rows["j3"]["status"] == "error" and "text" in rows["j3"]["problem"]


def test_io_unpaired_mark_is_a_problem_row(run):
    _, tables = run
    kinds = {p["kind"] for p in tables["problems"] if p["doc_id"] == "unpaired"}
    assert "unclosed_quote" in kinds or "unpaired_quote" in kinds


def test_io_no_cell_starts_with_a_formula_character(run):
    _, tables = run
    for name, rows in tables.items():
        for row in rows:
            for column, value in row.items():
                assert not value.startswith(FORMULA_STARTS), (name, column, value)


def test_io_formula_quotes_are_kept_escaped(run):
    _, tables = run
    texts = {q["text"] for q in tables["quotes"] if q["doc_id"] == "formula"}
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in texts
    assert "'@everyone 快來看。" in texts


def test_io_broken_gazetteer_stops_before_work(tmp_path, tiny_gazetteer_dir):
    aliases = tiny_gazetteer_dir / "aliases.csv"
    lines = aliases.read_text(encoding="utf-8").splitlines()
    lines[3] = "nobody,某人,Hant,tw,test"
    aliases.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TRUMP_TW, encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", str(out),
                           "--gazetteer", str(tiny_gazetteer_dir)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["error: aliases.csv:4: unknown id 'nobody' (not in entities.csv)"]
    assert not out.exists()
