"""cli: `python -m pipeline extract` as a user runs it, in a subprocess."""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.tables import TABLE_NAMES


def run_cli(repo_root: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    # sys.executable is the virtualenv's python that runs the tests; cwd is a temporary folder, so
    # nothing depends on where the tests were started from.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(repo_root), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_cli_extract_folder(repo_root, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("美國總統川普表示，將派特使魏科夫（Steve Witkoff）前往莫斯科。", encoding="utf-8")
    (corpus / "b.txt").write_bytes("俄羅斯總統普丁說。".encode("big5"))
    (corpus / "c.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run_cli(repo_root, tmp_path, "extract", str(corpus), "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("3 articles (2 ok, 1 empty, 0 error):")
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.csv" for name in TABLE_NAMES)
    documents = rows(out / "documents.csv")
    assert [(d["doc_id"], d["encoding"], d["status"]) for d in documents] == [
        ("a", "utf-8", "ok"), ("b", "big5", "ok"), ("c", "", "empty")]
    mentioned = {(m["doc_id"], m["text"], m["entity_id"]) for m in rows(out / "mentions.csv")}
    assert {("a", "川普", "donald-trump"), ("a", "魏科夫", "steve-witkoff"),
            ("b", "普丁", "vladimir-putin")} <= mentioned


def test_cli_extract_jsonl(repo_root, tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "n1", "text": "川普表示。", "title": "標題"},
        {"id": "n2", "text": "普京说。"},
        {"id": "n2", "text": "重複"},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(repo_root, tmp_path, "extract", str(corpus), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("3 articles (2 ok, 0 empty, 1 error):")
    documents = rows(out / "documents.csv")
    assert [(d["doc_id"], d["title"], d["status"]) for d in documents] == [
        ("n1", "標題", "ok"), ("n2", "", "ok"), ("n2@3", "", "error")]
    assert [(m["doc_id"], m["entity_id"]) for m in rows(out / "mentions.csv")] == [
        ("n1", "donald-trump"), ("n2", "vladimir-putin")]


def _broken_gazetteer(tiny: Path) -> Path:
    path = tiny / "aliases.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[3] = "donald-trump,唐納·川普,Hant,mars,test"
    path.write_text("\n".join(lines), encoding="utf-8")
    return tiny


@pytest.mark.parametrize(("case", "pattern"), [
    ("missing-corpus", r"^error: .*nowhere: no such file or folder$"),
    ("broken-gazetteer", r"^error: aliases\.csv:4: unknown region 'mars'"),
])
def test_cli_expected_errors_are_one_line(repo_root, tmp_path, tiny_gazetteer_dir, case, pattern):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("川普表示。", encoding="utf-8")
    if case == "missing-corpus":
        args = ["extract", str(tmp_path / "nowhere"), "--gazetteer", str(tiny_gazetteer_dir)]
    else:
        args = ["extract", str(corpus), "--gazetteer", str(_broken_gazetteer(tiny_gazetteer_dir))]
    out = tmp_path / "out"
    result = run_cli(repo_root, tmp_path, *args, "--out", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert re.search(pattern, lines[0]), lines[0]
    assert result.stdout == ""
    assert not out.exists()


def test_cli_readme_commands_exist(repo_root):
    """Every command the README shows is one the CLI knows (its --help exits 0)."""
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    commands = set(re.findall(r"-m pipeline ((?:gazetteer )?[a-z-]+)", readme))
    assert {"extract", "evaluate", "gazetteer add-suggestions", "gazetteer import"} <= commands
    for command in sorted(commands):
        done = subprocess.run([sys.executable, "-m", "pipeline", *command.split(), "--help"],
                              capture_output=True, text=True, cwd=repo_root)
        assert done.returncode == 0, (command, done.stderr)
