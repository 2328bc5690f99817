"""Reading articles: a folder of text files or a JSON Lines file, in any common encoding.

Every input becomes exactly one `Article`, even when it cannot be read: an empty file has
`status="empty"`, an undecodable or binary file, an unsupported file type or a malformed JSONL line has
`status="error"` and a `problem` saying why, so the run goes on and the documents table accounts for
every input. Decoding tries UTF-8 (with or without BOM), then UTF-16/32 by BOM, then the CJK encoding
charset-normalizer finds most likely (Big5/cp950/Big5-HKSCS, GB18030/GBK), kept only if the result is
plausible text. CRLF and lone CR become `\\n`; offsets in every table refer to the text as returned here.
Metadata (title, outlet, date, url) comes from a front-matter block, `index.csv` beside the files, or
the other keys of a JSONL record.
"""
from __future__ import annotations

import codecs
import csv
import json
import logging
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .lexicon import jieba_word_counts
from .records import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
META_KEYS = ("title", "outlet", "date", "url")
INDEX_FILE = "index.csv"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CJK_CANDIDATES = ("utf_8", "big5", "cp950", "big5hkscs", "gb18030", "gbk", "gb2312", "utf_16", "utf_32")


class CorpusError(ValueError):
    """The corpus path itself is unusable (missing, not a folder or .jsonl file)."""


def load_corpus(path: str | Path) -> Iterator[Article]:
    """Yield one Article per input file or JSONL line, in a stable order."""
    path = Path(path)
    if path.is_dir():
        yield from _load_folder(path)
    elif path.is_file() and path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _load_jsonl(path, path.name)
    elif path.is_file():
        yield _load_text_file(path, path.stem, {}, path.name)
    else:
        raise CorpusError(f"{path}: no such file or folder")


def _load_folder(folder: Path) -> Iterator[Article]:
    index = _read_index(folder / INDEX_FILE)
    files = sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.name != INDEX_FILE
    )
    stems = [p.stem for p in files]
    for file in files:
        doc_id = file.stem if stems.count(file.stem) == 1 else file.relative_to(folder).with_suffix("").as_posix()
        # `source` names the file relative to the corpus folder, so tables do not depend on where it lives
        source = f"{folder.name}/{file.relative_to(folder).as_posix()}"
        suffix = file.suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            yield from _load_jsonl(file, source)
        elif suffix in TEXT_SUFFIXES:
            yield _load_text_file(file, doc_id, index.get(doc_id) or index.get(file.name) or {}, source)
        else:
            yield Article(doc_id, "", source=source, status="error",
                          problem=f"unsupported file type {suffix!r} (expected .txt, .md or .jsonl)")


def _read_index(path: Path) -> dict[str, dict[str, str]]:
    """index.csv: a `doc_id` (or `file`) column and any of title, outlet, date, url."""
    if not path.is_file():
        return {}
    text, _, problem = decode_bytes(path.read_bytes())
    if problem:
        log.warning("%s: %s; ignoring the index", path, problem)
        return {}
    rows = csv.DictReader(text.splitlines())
    index = {}
    for row in rows:
        key = (row.get("doc_id") or row.get("file") or "").strip()
        if key:
            index[key] = {k: (row.get(k) or "").strip() for k in META_KEYS}
    return index


def _load_text_file(file: Path, doc_id: str, meta: dict[str, str], source: str) -> Article:
    try:
        data = file.read_bytes()
    except OSError as error:
        return Article(doc_id, "", source=source, status="error", problem=f"cannot read: {error.strerror}")
    text, encoding, problem = decode_bytes(data)
    if problem:
        return Article(doc_id, "", source=source, encoding=encoding, status="error", problem=problem)
    front, text = split_front_matter(text)
    meta = {k: clean_field(v) for k, v in {**front, **{k: v for k, v in meta.items() if v}}.items()}
    status, problem = ("empty", "no text") if not text.strip() else ("ok", "")
    return Article(doc_id, text, source=source, encoding=encoding, status=status, problem=problem,
                   **{k: meta.get(k, "") for k in META_KEYS})


def _load_jsonl(file: Path, name: str) -> Iterator[Article]:
    try:
        data = file.read_bytes()
    except OSError as error:
        yield Article(file.stem, "", source=name, status="error", problem=f"cannot read: {error.strerror}")
        return
    text, encoding, problem = decode_bytes(data)
    if problem:
        yield Article(file.stem, "", source=name, encoding=encoding, status="error", problem=problem)
        return
    seen: set[str] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{name}:{number}"
        fallback_id = f"{file.stem}-{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Article(fallback_id, "", source=source, encoding=encoding, status="error",
                          problem=f"line {number}: malformed JSON ({error.msg})")
            continue
        if not isinstance(record, dict):
            yield Article(fallback_id, "", source=source, encoding=encoding, status="error",
                          problem=f"line {number}: expected a JSON object")
            continue
        doc_id = clean_field(str(record.get("id") or fallback_id))
        if doc_id in seen:
            yield Article(f"{doc_id}@{number}", "", source=source, encoding=encoding, status="error",
                          problem=f"line {number}: duplicate id {doc_id!r}")
            continue
        seen.add(doc_id)
        body = record.get("text")
        meta = {k: clean_field("" if record.get(k) is None else str(record.get(k))) for k in META_KEYS}
        if not isinstance(body, str):
            yield Article(doc_id, "", source=source, encoding=encoding, status="error",
                          problem=f"line {number}: no string 'text' field", **meta)
            continue
        if _has_surrogate(body):
            # a JSON escape such as \ud800 with no partner: not text that can be written or searched
            yield Article(doc_id, "", source=source, encoding=encoding, status="error",
                          problem=f"line {number}: text holds an unpaired UTF-16 surrogate escape", **meta)
            continue
        body = normalise_newlines(body)
        status, problem = ("empty", "no text") if not body.strip() else ("ok", "")
        yield Article(doc_id, body, source=source, encoding=encoding, status=status, problem=problem, **meta)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def clean_field(value: str) -> str:
    """A metadata value as the tables can hold it: newlines normalised, lone surrogates replaced."""
    value = normalise_newlines(value)
    if _has_surrogate(value):
        value = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
    return value


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """A leading `---` block of `key: value` lines; the article text starts after it."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 3)
    if end < 0:
        return {}, text
    meta = {}
    for line in text[4:end].split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in META_KEYS:
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[end + 5:]


def decode_bytes(data: bytes) -> tuple[str, str, str]:
    """Return (text, encoding, problem); `problem` is empty when the bytes decoded to plausible text."""
    if not data:
        return "", "", ""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(encoding)), encoding.replace("-sig", ""), ""
            except UnicodeDecodeError:
                return "", encoding, f"has a {encoding} byte-order mark but does not decode as {encoding}"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _plausible(text):
            return normalise_newlines(text), "utf-8", ""
        return "", "utf-8", "binary content (control characters), not text"
    encoding, text = _detect(data)
    if text is None:
        return "", "", "undecodable: not UTF-8, UTF-16/32, Big5 or GB18030 text"
    return normalise_newlines(text), encoding, ""


def _detect(data: bytes) -> tuple[str, str | None]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_CJK_CANDIDATES)).best()
    tried = []
    if best is not None:
        tried.append(best.encoding)
    # charset-normalizer may prefer gb18030 for Big5 bytes (both decode); try the CJK codecs too
    tried += [e for e in ("big5", "cp950", "big5hkscs", "gb18030") if e not in tried]
    scored = []
    for encoding in tried:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            scored.append((_cjk_score(text), -tried.index(encoding), encoding, text))
    if not scored:
        return "", None
    _, _, encoding, text = max(scored)
    return codecs.lookup(encoding).name, text


def _plausible(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text if (unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\n\r\t\f")
              or ch == "\ufffd")
    return bad <= max(2, len(text) // 200)


def _cjk_score(text: str) -> float:
    """Share of characters among the 3,500 most common Han characters (either script) or ASCII text."""
    from .normalise import simplified_view

    if not text:
        return 0.0
    view = simplified_view(text)
    good = sum(1 for ch in view if ch in _common_chars() or ch.isascii() or ch in "，。、「」：；！？（）《》“”")
    return good / len(text)


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """The most frequent characters of jieba's dictionary (Simplified): enough to tell the right
    decoding from GB-decoded Big5 bytes, which come out as rare characters and mojibake."""
    counts: dict[str, int] = {}
    for word, freq in jieba_word_counts().items():
        for ch in word:
            counts[ch] = counts.get(ch, 0) + freq
    return frozenset(sorted(counts, key=counts.get, reverse=True)[:3500])
