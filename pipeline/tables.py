"""The table edge: records in, pandas DataFrames and CSV files out.

This is the only module that imports pandas. Tables are sorted and deterministic (the same input gives
byte-identical CSVs), every offset is checked to slice back to its text before a table is built, and
files are written to a temporary name and renamed into place so an interrupted run never leaves a
half-written CSV. Only the CSV writer escapes formula-like cells (OWASP CSV injection: a text cell that
starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`); DataFrames keep the exact text.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from .records import AliasSuggestion, ArticleResult, Mention, Problem, Quote

DOCUMENT_COLUMNS = ("doc_id", "source", "title", "outlet", "date", "url", "encoding", "script", "chars",
                    "mentions", "quotes", "status", "problem")
ENTITY_COLUMNS = ("entity_id", "name_en", "label", "wikidata", "zh_forms", "en_forms", "mentions",
                  "documents", "in_gazetteer")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TABLE_NAMES = ("documents", "mentions", "entities", "quotes", "problems", "alias_suggestions")


@dataclass(frozen=True)
class Tables:
    documents: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    quotes: pd.DataFrame
    problems: pd.DataFrame
    alias_suggestions: pd.DataFrame

    def summary(self) -> str:
        status = self.documents["status"].value_counts()
        return (f"{len(self.documents)} articles ({status.get('ok', 0)} ok, {status.get('empty', 0)} empty, "
                f"{status.get('error', 0)} error): {len(self.mentions)} mentions of {len(self.entities)} "
                f"entities, {len(self.quotes)} quotes, {len(self.problems)} problems")


def _columns(record_type) -> list[str]:
    return [f.name for f in fields(record_type)]


def _frame(rows: list, record_type, sort_by: list[str]) -> pd.DataFrame:
    columns = _columns(record_type)
    frame = pd.DataFrame([[getattr(r, c) for c in columns] for r in rows], columns=columns)
    if len(frame):
        frame = frame.sort_values(sort_by, kind="stable").reset_index(drop=True)
    return frame


def check_offsets(result: ArticleResult) -> None:
    """A record whose offsets do not slice back is a bug: stop before anything is written."""
    text = result.article.text
    for record in (*result.mentions, *result.quotes):
        if text[record.start:record.end] != record.text:
            raise AssertionError(
                f"{result.article.doc_id}: {type(record).__name__} at {record.start}:{record.end} "
                f"is {text[record.start:record.end]!r}, not {record.text!r}"
            )


def build_tables(results: list[ArticleResult], suggestions: list[AliasSuggestion],
                 in_gazetteer: set[str]) -> Tables:
    for result in results:
        check_offsets(result)
    documents = pd.DataFrame(
        [[r.article.doc_id, r.article.source, r.article.title, r.article.outlet, r.article.date, r.article.url,
          r.article.encoding, r.script, len(r.article.text), len(r.mentions), len(r.quotes), r.article.status,
          r.article.problem] for r in results],
        columns=list(DOCUMENT_COLUMNS),
    ).sort_values("doc_id", kind="stable").reset_index(drop=True)
    mentions = [m for r in results for m in r.mentions]
    quotes = [q for r in results for q in r.quotes]
    problems = [p for r in results for p in r.problems]
    return Tables(
        documents=documents,
        mentions=_frame(mentions, Mention, ["doc_id", "start", "end"]),
        entities=_entity_frame(mentions, in_gazetteer),
        quotes=_frame(quotes, Quote, ["doc_id", "start", "end"]),
        problems=_frame(problems, Problem, ["doc_id", "offset", "kind", "detail"]),
        alias_suggestions=_frame(suggestions, AliasSuggestion, ["entity_id", "alias"]),
    )


def _entity_frame(mentions: list[Mention], in_gazetteer: set[str]) -> pd.DataFrame:
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.entity_id:
            groups.setdefault(m.entity_id, []).append(m)
    rows = []
    for entity_id, group in sorted(groups.items()):
        first = group[0]
        rows.append([
            entity_id, first.name_en, first.label, first.wikidata,
            "|".join(sorted({m.text for m in group if m.lang == "zh"})),
            "|".join(sorted({m.text for m in group if m.lang == "en"})),
            len(group), len({m.doc_id for m in group}), entity_id in in_gazetteer,
        ])
    return pd.DataFrame(rows, columns=list(ENTITY_COLUMNS))


def escape_formula(value):
    """`'` before a cell a spreadsheet would run as a formula; also before a cell that already starts
    with `'`, so that `unescape_formula` can undo it exactly."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS + ("'",)):
        return "'" + value
    return value


def unescape_formula(value: str) -> str:
    """The exact inverse of `escape_formula`, for a cell read back from one of our CSVs."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS + ("'",)):
        return value[1:]
    return value


def to_csv_text(frame: pd.DataFrame) -> str:
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(escape_formula)
    return safe.to_csv(index=False, lineterminator="\n")


def write_tables(tables: Tables, out_dir: str | Path) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staged = []
    try:
        for name in TABLE_NAMES:
            handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".csv.tmp", dir=out)
            staged.append((Path(temporary), out / f"{name}.csv"))
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(to_csv_text(getattr(tables, name)))
        for temporary, final in staged:
            os.replace(temporary, final)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
    return [final for _, final in staged]
