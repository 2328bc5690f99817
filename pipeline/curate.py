"""Changing the gazetteer: merging reviewed alias suggestions and importing Wikidata exports.

Both read a CSV, add only rows the gazetteer does not have yet, check the result by loading it exactly
as a run would (so a bad row fails with `file:line: reason` and nothing is written), and then replace
`entities.csv` and `aliases.csv` atomically. New entities get a slug of their English name as id.
"""
from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from pathlib import Path

from .discover import slug
from .gazetteer import ALIAS_COLUMNS, ENTITY_COLUMNS, GazetteerError, load_gazetteer
from .normalise import is_han, simplified_view, to_traditional
from .records import LABELS
from .tables import unescape_formula

_QID = re.compile(r"Q[1-9][0-9]*$")


def _read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: unescape_formula((v or "").strip()) for k, v in row.items() if k} for row in csv.DictReader(handle)]


def script_of(alias: str) -> str:
    if not any(is_han(ch) for ch in alias):
        return "Latn"
    if simplified_view(alias) != alias:
        return "Hant"
    return "Hans" if to_traditional(alias) != alias else "Hant"


class _Editor:
    """The two gazetteer files as rows, with the additions to write."""

    def __init__(self, directory: Path):
        self.directory = directory
        load_gazetteer(directory)  # refuse to edit a gazetteer that does not load
        self.entities = _read_rows(directory / "entities.csv")
        self.aliases = _read_rows(directory / "aliases.csv")
        self.ids = {row["id"] for row in self.entities}
        self.by_qid = {row["wikidata"]: row["id"] for row in self.entities if row.get("wikidata")}
        self.by_name = {row["name_en"].casefold(): row["id"] for row in self.entities}
        self.known = {(row["id"], row["alias"], row["region"]) for row in self.aliases}
        self.added_entities = 0
        self.added_aliases = 0

    def entity(self, name_en: str, label: str, wikidata: str = "", note: str = "") -> str:
        if wikidata and wikidata in self.by_qid:
            return self.by_qid[wikidata]
        if not wikidata and name_en.casefold() in self.by_name:
            return self.by_name[name_en.casefold()]
        base = slug(name_en)
        entity_id, n = base, 2
        while entity_id in self.ids:
            entity_id, n = f"{base}-{n}", n + 1
        self.entities.append({"id": entity_id, "name_en": name_en, "label": label, "wikidata": wikidata,
                              "prior": "30", "note": note})
        self.ids.add(entity_id)
        self.by_name[name_en.casefold()] = entity_id
        if wikidata:
            self.by_qid[wikidata] = entity_id
        self.added_entities += 1
        return entity_id

    def alias(self, entity_id: str, alias: str, region: str, source: str) -> None:
        alias = alias.strip()
        if not alias or (entity_id, alias, region) in self.known:
            return
        self.aliases.append({"id": entity_id, "alias": alias, "script": script_of(alias), "region": region,
                             "source": source})
        self.known.add((entity_id, alias, region))
        self.added_aliases += 1

    def save(self) -> None:
        staged = {}
        for name, columns, rows in (("entities.csv", ENTITY_COLUMNS, self.entities),
                                    ("aliases.csv", ALIAS_COLUMNS, self.aliases)):
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows([row.get(c, "") for c in columns] for row in rows)
            staged[name] = buffer.getvalue()
        with tempfile.TemporaryDirectory() as scratch:
            for name, content in staged.items():
                Path(scratch, name).write_text(content, encoding="utf-8")
            load_gazetteer(scratch)  # the result must load before it replaces anything
        for name, content in staged.items():
            handle, temporary = tempfile.mkstemp(prefix=f".{name}.", dir=self.directory)
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(content)
            os.replace(temporary, self.directory / name)


def add_suggestions(path: str | Path, directory: str | Path) -> tuple[int, int]:
    """Merge the rows of a reviewed alias_suggestions.csv (delete the rows you reject first).
    Labels of new entities come from the `entities.csv` written beside it by the same run."""
    path, directory = Path(path), Path(directory)
    labels = {}
    beside = path.parent / "entities.csv"
    if beside.is_file():
        labels = {row["entity_id"]: row["label"] for row in _read_rows(beside)}
    editor = _Editor(directory)
    for number, row in enumerate(_read_rows(path), start=2):
        alias, name_en = row.get("alias", ""), row.get("name_en", "")
        if not alias or not name_en:
            raise GazetteerError(f"{path.name}:{number}: a suggestion needs an alias and a name_en")
        entity_id = row.get("entity_id", "")
        if entity_id not in editor.ids:
            entity_id = editor.entity(name_en, labels.get(entity_id, "PERSON"), note="from alias suggestions")
        editor.alias(entity_id, alias, "any", "suggestion")
    editor.save()
    return editor.added_entities, editor.added_aliases


WIKIDATA_COLUMNS = ("qid", "name_en", "type", "zh_tw", "zh_hk", "zh_cn", "zh_aliases", "en_aliases")


def import_wikidata(path: str | Path, directory: str | Path) -> tuple[int, int]:
    """Import a CSV exported from Wikidata (columns in WIKIDATA_COLUMNS; `qid` may be the entity URL;
    aliases separated by `|`). Existing entities (same QID, or same English name) gain the new forms."""
    path, directory = Path(path), Path(directory)
    editor = _Editor(directory)
    for number, row in enumerate(_read_rows(path), start=2):
        qid = row.get("qid", "").rsplit("/", 1)[-1]
        name_en = row.get("name_en", "")
        label = (row.get("type") or "PERSON").upper()
        if not _QID.match(qid):
            raise GazetteerError(f"{path.name}:{number}: qid {row.get('qid', '')!r} is not a Wikidata id")
        if not name_en:
            raise GazetteerError(f"{path.name}:{number}: empty name_en")
        if label not in LABELS:
            raise GazetteerError(f"{path.name}:{number}: unknown type {label!r} (one of {', '.join(LABELS)})")
        entity_id = editor.entity(name_en, label, qid)
        editor.alias(entity_id, name_en, "any", "wikidata")
        for column, region in (("zh_tw", "tw"), ("zh_hk", "hk"), ("zh_cn", "cn")):
            if row.get(column):
                editor.alias(entity_id, row[column], region, "wikidata")
        for column in ("zh_aliases", "en_aliases"):
            for alias in (row.get(column) or "").split("|"):
                editor.alias(entity_id, alias, "any", "wikidata")
    editor.save()
    return editor.added_entities, editor.added_aliases
