"""The name data: entities and their written forms, validated once at load.

`gazetteer/entities.csv` holds one row per entity (`id, name_en, label, wikidata, prior, note`) and
`gazetteer/aliases.csv` one row per written form (`id, alias, script, region, source`). Loading checks
every row and stops at the first bad one with `file:line: what is wrong`, because a gazetteer edited
by hand must fail loudly before any article is processed, not halfway through a run. The loaded
`Gazetteer` keeps plain dicts from search key to entity ids, built once.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from .normalise import fold_key, is_han
from .records import LABELS

ENTITY_COLUMNS = ("id", "name_en", "label", "wikidata", "prior", "note")
ALIAS_COLUMNS = ("id", "alias", "script", "region", "source")
SCRIPTS = ("Hant", "Hans", "Latn")
REGIONS = ("tw", "hk", "cn", "sg", "any")
_QID = re.compile(r"Q[1-9][0-9]*")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*[a-z0-9]|[a-z0-9]")

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "gazetteer"


class GazetteerError(ValueError):
    """A gazetteer file is malformed; the message is `file:line: reason`."""


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name_en: str
    label: str
    wikidata: str
    prior: float
    note: str


@dataclass(frozen=True, slots=True)
class Alias:
    id: str
    alias: str
    script: str
    region: str
    source: str


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Entities by id, and search keys (see `normalise.fold_key`) to the ids that carry them."""

    entities: dict[str, Entity]
    aliases: tuple[Alias, ...]
    zh_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    en_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def candidates(self, key: str) -> tuple[str, ...]:
        return self.zh_keys.get(key) or self.en_keys.get(key) or ()


def load_gazetteer(directory: str | Path = DEFAULT_DIR) -> Gazetteer:
    directory = Path(directory)
    if not directory.is_dir():
        raise GazetteerError(f"{directory}: gazetteer folder not found")
    entities = {e.id: e for e in _read_entities(directory / "entities.csv")}
    aliases = tuple(_read_aliases(directory / "aliases.csv", entities))
    return build_gazetteer(entities, aliases)


def build_gazetteer(entities: dict[str, Entity], aliases: tuple[Alias, ...]) -> Gazetteer:
    zh: dict[str, list[str]] = {}
    en: dict[str, list[str]] = {}
    for alias in aliases:
        key = fold_key(alias.alias)
        table = en if alias.script == "Latn" else zh
        for variant in _key_variants(key, alias.script):
            ids = table.setdefault(variant, [])
            if alias.id not in ids:
                ids.append(alias.id)
    def ranked(ids: list[str]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=lambda i: (-entities[i].prior, i)))
    return Gazetteer(
        entities=entities,
        aliases=aliases,
        zh_keys={k: ranked(v) for k, v in zh.items()},
        en_keys={k: ranked(v) for k, v in en.items()},
    )


def _key_variants(key: str, script: str) -> list[str]:
    variants = [key]
    if script == "Latn" and " " in key:
        # scraped pages often lose the space between a first and last name (`EmmanuelMacron`)
        variants.append(key.replace(" ", ""))
    if script != "Latn" and "·" in key:
        # 唐納·川普 is also printed 唐納川普
        variants.append(key.replace("·", ""))
    return variants


def _rows(path: Path, columns: tuple[str, ...]):
    """Yield (line number, row dict), raising GazetteerError for structural problems."""
    if not path.is_file():
        raise GazetteerError(f"{path}: file not found")
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
        with handle:
            reader = csv.reader(handle, strict=True)
            try:
                header = next(reader)
            except StopIteration:
                raise GazetteerError(f"{path.name}:1: empty file, expected header {','.join(columns)}")
            if tuple(h.strip() for h in header) != columns:
                raise GazetteerError(
                    f"{path.name}:1: header is {','.join(header)!r}, expected {','.join(columns)!r}"
                )
            line = reader.line_num
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:
                    raise GazetteerError(f"{path.name}:{line + 1}: {error}") from None
                start_line = line + 1
                line = reader.line_num
                if not row or all(not cell.strip() for cell in row):
                    continue
                if len(row) != len(columns):
                    raise GazetteerError(
                        f"{path.name}:{start_line}: {len(row)} columns, expected {len(columns)}"
                    )
                yield start_line, dict(zip(columns, (cell.strip() for cell in row)))
    except UnicodeDecodeError as error:
        raise GazetteerError(f"{path.name}: not UTF-8 ({error.reason})") from None


def _read_entities(path: Path):
    seen: set[str] = set()
    for line, row in _rows(path, ENTITY_COLUMNS):
        where = f"{path.name}:{line}"
        for column in ("id", "name_en", "label"):
            if not row[column]:
                raise GazetteerError(f"{where}: empty {column}")
        if not _ID.fullmatch(row["id"]):
            raise GazetteerError(f"{where}: id {row['id']!r} is not a lowercase slug")
        if row["id"] in seen:
            raise GazetteerError(f"{where}: duplicate id {row['id']!r}")
        if row["label"] not in LABELS:
            raise GazetteerError(f"{where}: unknown label {row['label']!r} (one of {', '.join(LABELS)})")
        if row["wikidata"] and not _QID.fullmatch(row["wikidata"]):
            raise GazetteerError(f"{where}: wikidata {row['wikidata']!r} is not a QID")
        try:
            prior = float(row["prior"] or 50)
        except ValueError:
            raise GazetteerError(f"{where}: prior {row['prior']!r} is not a number") from None
        seen.add(row["id"])
        yield Entity(row["id"], row["name_en"], row["label"], row["wikidata"], prior, row["note"])


def _read_aliases(path: Path, entities: dict[str, Entity]):
    seen: set[tuple[str, str, str]] = set()
    for line, row in _rows(path, ALIAS_COLUMNS):
        where = f"{path.name}:{line}"
        for column in ALIAS_COLUMNS:
            if not row[column]:
                raise GazetteerError(f"{where}: empty {column}")
        if row["id"] not in entities:
            raise GazetteerError(f"{where}: unknown id {row['id']!r} (not in entities.csv)")
        if row["script"] not in SCRIPTS:
            raise GazetteerError(f"{where}: unknown script {row['script']!r} (one of {', '.join(SCRIPTS)})")
        if row["region"] not in REGIONS:
            raise GazetteerError(f"{where}: unknown region {row['region']!r} (one of {', '.join(REGIONS)})")
        alias = row["alias"]
        has_han = any(is_han(ch) for ch in alias)
        if row["script"] == "Latn" and has_han:
            raise GazetteerError(f"{where}: alias {alias!r} has Chinese characters but script Latn")
        if row["script"] != "Latn" and not has_han:
            raise GazetteerError(f"{where}: alias {alias!r} has no Chinese characters but script {row['script']}")
        if not fold_key(alias):
            raise GazetteerError(f"{where}: alias {alias!r} is empty once normalised")
        if (row["id"], alias, row["region"]) in seen:
            raise GazetteerError(f"{where}: duplicate row: alias {alias!r} of {row['id']!r} for region {row['region']}")
        seen.add((row["id"], alias, row["region"]))
        yield Alias(row["id"], alias, row["script"], row["region"], row["source"])
