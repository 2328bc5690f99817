"""The evaluator: canonical-name comparison and the four scores on a small hand-made gold file."""
from __future__ import annotations

import json

import pytest

import pipeline
from pipeline.evaluate import canonical_key, evaluate, format_report


@pytest.mark.parametrize(
    ("a", "b"),
    [("Mike Johnson (politician)", "Mike Johnson"), ("Luka Dončić", "luka doncic"),
     ("Rúben Amorim", "Ruben Amorim"), ("NATO", "nato")],
)
def test_evaluate_canonical_key_equal(a, b):
    assert canonical_key(a) == canonical_key(b)


def test_evaluate_canonical_key_different():
    assert canonical_key("Donald Trump") != canonical_key("Donald Trump Jr.")


TEXT = "美國總統川普表示：「我們會贏。」普京則說：「不會。」"


@pytest.fixture
def gold_file(tmp_path):
    record = {
        "id": "g1", "text": TEXT,
        "mentions": [[0, 2, "美國", "United States", "GPE"], [4, 6, "川普", "Donald Trump", "PERSON"],
                     [16, 18, "普京", "Vladimir Putin", "PERSON"], [100, 102, "缺失", "Nobody", "PERSON"]],
        "quotes": [{"speaker": "Donald Trump", "quote_start": "我們會贏", "lang": "zh", "cue": "表示"},
                   {"speaker": "Donald Trump", "quote_start": "不會", "lang": "zh", "cue": "說"}],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_evaluate_scores(gold_file, gazetteer):
    tables = pipeline.extract(pipeline.load_corpus(gold_file), gazetteer)
    predicted = {(r.start, r.end) for r in tables.mentions.itertuples()}
    report = evaluate(gold_file, tables=tables)
    gold_spans = {(0, 2), (4, 6), (16, 18), (100, 102)}
    assert report.mentions.tp == len(predicted & gold_spans)
    assert report.mentions.gold == 4
    assert report.quotes.as_dict() == {"p": 1.0, "r": 1.0, "f1": 1.0}
    # the second quote is Putin's, the gold says Trump: one of two speakers right
    assert report.speaker_accuracy == 0.5
    assert ("缺失", "Nobody") in report.missed
    text = format_report(report, by_doc=True)
    assert "g1" in text and "speakers" in text


def test_evaluate_cli_json_last_line(gold_file, repo_root):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", str(gold_file), "--json"],
                          capture_output=True, text=True, cwd=repo_root)
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"mentions", "linking", "documents", "quotes", "speaker_accuracy"} <= set(scores)
    assert scores["linking_by_label"]["PERSON"] == {"p": 1.0, "r": 0.6667, "f1": 0.8}  # 缺失 is missed
    assert scores["quotes"]["f1"] == 1.0
