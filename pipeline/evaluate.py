"""Scoring the extraction against gold annotations (the JSON Lines format of `gold-format.md`).

The gold file doubles as the corpus: its `id` is the doc_id and its `text` is extracted like any article.
Scores are micro-averaged over articles:
- mentions: exact `(start, end, type)`;
- linking: exact `(start, end, canonical)`; only mentions that carry an English name count as predicted
  links (an unlinked mention makes no claim), so unlinked gold mentions lower recall, not precision;
- documents: the set of `(canonical, type)` per article;
- quotes: a predicted quote matches a gold one when its text, leading quotation marks and spaces
  ignored, starts with the gold `quote_start`; each prediction matches at most one gold quote; speaker
  accuracy is over matched quotes.
Canonical names compare case-insensitively, without diacritics and without a trailing parenthetical
qualifier (`Mike Johnson (politician)` = `Mike Johnson`).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import load_corpus
from .gazetteer import Gazetteer

_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
_LEADING_MARKS = " \u3000「『“\"'‘”﹁"


def canonical_key(name: str | None) -> str:
    if not name:
        return ""
    name = _QUALIFIER.sub("", str(name))
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def add(self, predicted: set, gold: set) -> None:
        self.tp += len(predicted & gold)
        self.predicted += len(predicted)
        self.gold += len(gold)

    def as_dict(self) -> dict[str, float]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    mentions: Score = field(default_factory=Score)
    linking: Score = field(default_factory=Score)
    documents: Score = field(default_factory=Score)
    quotes: Score = field(default_factory=Score)
    speakers_right: int = 0
    by_doc: dict[str, "Report"] = field(default_factory=dict)
    linking_by_label: dict[str, Score] = field(default_factory=dict)
    wrong_links: Counter = field(default_factory=Counter)
    missed: Counter = field(default_factory=Counter)
    spurious: Counter = field(default_factory=Counter)
    wrong_speakers: list = field(default_factory=list)
    missed_quotes: list = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.quotes.tp if self.quotes.tp else 0.0

    def as_dict(self) -> dict:
        return {
            "mentions": self.mentions.as_dict(),
            "linking": self.linking.as_dict(),
            "documents": self.documents.as_dict(),
            "quotes": self.quotes.as_dict(),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "linking_by_label": {label: score.as_dict() for label, score in sorted(self.linking_by_label.items())},
        }


def read_gold(path: str | Path) -> dict[str, dict]:
    gold = {}
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path}:{number}: malformed JSON ({error.msg})") from None
                gold[str(record["id"])] = record
    return gold


def evaluate(gold_path: str | Path, gazetteer: Gazetteer | None = None, tables=None) -> Report:
    """Extract the gold file's texts (or use the given `tables`) and score them against its annotations."""
    from .api import extract

    gold = read_gold(gold_path)
    if tables is None:
        tables = extract(load_corpus(gold_path), gazetteer)
    mentions = tables.mentions
    quotes = tables.quotes
    report = Report()
    for doc_id, record in gold.items():
        doc = Report()
        predicted = mentions[mentions["doc_id"] == doc_id]
        _score_mentions(doc, record, predicted)
        _score_quotes(doc, record, quotes[quotes["doc_id"] == doc_id])
        report.by_doc[doc_id] = doc
        for name in ("mentions", "linking", "documents", "quotes"):
            total, part = getattr(report, name), getattr(doc, name)
            total.tp += part.tp
            total.predicted += part.predicted
            total.gold += part.gold
        report.speakers_right += doc.speakers_right
        for label, part in doc.linking_by_label.items():
            total = report.linking_by_label.setdefault(label, Score())
            total.tp += part.tp
            total.predicted += part.predicted
            total.gold += part.gold
        report.wrong_links += doc.wrong_links
        report.missed += doc.missed
        report.spurious += doc.spurious
        report.wrong_speakers += [(doc_id, *w) for w in doc.wrong_speakers]
        report.missed_quotes += [(doc_id, q) for q in doc.missed_quotes]
    return report


def _score_mentions(doc: Report, record: dict, predicted) -> None:
    gold_spans = {(s, e, t) for s, e, _, _, t in record.get("mentions", [])}
    gold_links = {(s, e, canonical_key(c)) for s, e, _, c, _ in record.get("mentions", [])}
    gold_docs = {(canonical_key(c), t) for _, _, _, c, t in record.get("mentions", [])}
    rows = list(predicted[["start", "end", "label", "name_en", "text"]].itertuples(index=False))
    doc.mentions.add({(r.start, r.end, r.label) for r in rows}, gold_spans)
    doc.linking.add({(r.start, r.end, canonical_key(r.name_en)) for r in rows if canonical_key(r.name_en)},
                    gold_links)
    doc.documents.add({(canonical_key(r.name_en), r.label) for r in rows if canonical_key(r.name_en)}, gold_docs)
    # linking per gold type: a prediction counts under its own label, a gold mention under its type
    labels = {label for *_, label in record.get("mentions", [])} | {r.label for r in rows}
    for label in labels:
        doc.linking_by_label.setdefault(label, Score()).add(
            {(r.start, r.end, canonical_key(r.name_en)) for r in rows if r.label == label and canonical_key(r.name_en)},
            {(s, e, canonical_key(c)) for s, e, _, c, t in record.get("mentions", []) if t == label})
    by_span = {(r.start, r.end): r for r in rows}
    for s, e, surface, canonical, label in record.get("mentions", []):
        row = by_span.get((s, e))
        if row is None:
            doc.missed[(surface, canonical)] += 1
        elif canonical_key(row.name_en) != canonical_key(canonical):
            doc.wrong_links[(surface, canonical, row.name_en or "∅")] += 1
    gold_span_set = {(s, e) for s, e, *_ in record.get("mentions", [])}
    for r in rows:
        if (r.start, r.end) not in gold_span_set:
            doc.spurious[(r.text, r.name_en or "∅")] += 1


def _strip_marks(text: str) -> str:
    return text.lstrip(_LEADING_MARKS)


def _score_quotes(doc: Report, record: dict, predicted) -> None:
    gold_quotes = record.get("quotes", [])
    rows = list(predicted[["text", "speaker_en"]].itertuples(index=False))
    used: set[int] = set()
    matched = 0
    for quote in gold_quotes:
        start = quote["quote_start"]
        for index, row in enumerate(rows):
            if index not in used and _strip_marks(row.text).startswith(start):
                used.add(index)
                matched += 1
                if canonical_key(row.speaker_en) == canonical_key(quote["speaker"]):
                    doc.speakers_right += 1
                else:
                    doc.wrong_speakers.append((start, quote["speaker"], row.speaker_en or "∅"))
                break
        else:
            doc.missed_quotes.append((start, quote["speaker"]))
    doc.quotes.tp += matched
    doc.quotes.predicted += len(rows)
    doc.quotes.gold += len(gold_quotes)


def format_report(report: Report, by_doc: bool = False, top: int = 15) -> str:
    lines = [f"{'':12} {'P':>6} {'R':>6} {'F1':>6}   (tp/pred/gold)"]
    def row(name: str, s: Score) -> str:
        return f"{name:12} {s.p:6.3f} {s.r:6.3f} {s.f1:6.3f}   ({s.tp}/{s.predicted}/{s.gold})"
    for name in ("mentions", "linking", "documents", "quotes"):
        lines.append(row(name, getattr(report, name)))
    lines.append(f"{'speakers':12} accuracy {report.speaker_accuracy:.3f} ({report.speakers_right}/{report.quotes.tp})")
    lines.append("linking by type:")
    for label, score in sorted(report.linking_by_label.items()):
        lines.append(row(f"  {label}", score))
    if by_doc:
        lines.append("")
        lines.append(f"{'doc':10} {'ment F1':>8} {'link F1':>8} {'docs F1':>8} {'quote F1':>9} {'spk acc':>8}")
        for doc_id, doc in sorted(report.by_doc.items()):
            lines.append(f"{doc_id:10} {doc.mentions.f1:8.3f} {doc.linking.f1:8.3f} {doc.documents.f1:8.3f} "
                         f"{doc.quotes.f1:9.3f} {doc.speaker_accuracy:8.3f}")
    if report.wrong_links:
        lines.append("\nwrong links (gold surface: gold canonical <- predicted):")
        for (surface, canonical, got), n in report.wrong_links.most_common(top):
            lines.append(f"  {n:3} {surface}: {canonical} <- {got}")
    if report.missed:
        lines.append("\nmost missed gold mentions (surface: canonical):")
        for (surface, canonical), n in report.missed.most_common(top):
            lines.append(f"  {n:3} {surface}: {canonical}")
    if report.spurious:
        lines.append("\nmost frequent predictions not in the gold spans (text: predicted name):")
        for (text, name), n in report.spurious.most_common(top):
            lines.append(f"  {n:3} {text}: {name}")
    if report.missed_quotes or report.wrong_speakers:
        lines.append("\nquotes missed / speakers wrong:")
        for doc_id, (start, speaker) in report.missed_quotes[:top]:
            lines.append(f"  missed {doc_id} 「{start}」 by {speaker}")
        for doc_id, start, speaker, got in report.wrong_speakers[:top]:
            lines.append(f"  speaker {doc_id} 「{start}」: {speaker} <- {got}")
    return "\n".join(lines)
