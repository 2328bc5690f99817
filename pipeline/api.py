"""The one core: articles and a gazetteer in, tables out, with no file I/O.

`extract` runs every stage over each article and gathers the records into `Tables`; the CLI, the notebook
functions (`extract_corpus`, `extract_text`) and the tests all go through it. It works in two passes so
that a name glossed in one article links its bare form in every other article of the run: the first pass
learns the glosses, the second re-reads only the articles where a form learned elsewhere occurs. An
article that breaks a stage becomes an `error` row; the run goes on.
"""
from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from . import discover, match, quotes, resolve
from .corpus import clean_field, load_corpus, normalise_newlines
from .gazetteer import DEFAULT_DIR, Gazetteer, load_gazetteer
from .normalise import detect_script, fold_key, match_view, simplified_view
from .records import AliasSuggestion, Article, ArticleResult, Problem
from .segment import Segmenter, build_segmenter, segment
from .tables import Tables, build_tables

log = logging.getLogger(__name__)


@dataclass(frozen=True, eq=False)
class Resources:
    """What every article needs, built once per gazetteer (the segmenter alone takes about a second)."""

    gazetteer: Gazetteer
    index: match.NameIndex
    segmenter: Segmenter
    labels: dict[str, str]  # entity id -> label


@lru_cache(maxsize=4)
def prepare(gazetteer: Gazetteer) -> Resources:
    index = match.build_index(gazetteer)
    # institution words (國會, 國防部) are words of their own even where the list has only 法國國會
    segmenter = build_segmenter([*gazetteer.zh_keys, *index.institutions])
    return Resources(gazetteer, index, segmenter, {i: e.label for i, e in gazetteer.entities.items()})


@lru_cache(maxsize=4)
def _default_gazetteer(directory: str) -> Gazetteer:
    return load_gazetteer(directory)


def default_gazetteer() -> Gazetteer:
    return _default_gazetteer(str(DEFAULT_DIR))


@dataclass(frozen=True, slots=True)
class CorpusAlias:
    entity_id: str
    name_en: str
    label: str
    doc_id: str


def extract_article(article: Article, resources: Resources,
                    corpus_aliases: dict[str, CorpusAlias] | None = None) -> ArticleResult:
    """All records of one article. `corpus_aliases` are forms glossed in other articles of the run."""
    text = article.text
    if article.status != "ok":
        return ArticleResult(article, script="")
    gazetteer = resources.gazetteer
    view = simplified_view(text)
    folded = match_view(view)
    seg = segment(text, resources.segmenter, view)

    found = match.find_names(text, folded, seg, resources.index)
    glosses = discover.find_glosses(text, view, seg, found, gazetteer, resources.segmenter.tokenizer.FREQ)
    found += discover.gloss_candidates(glosses)
    details = {g.entity_id: (g.name_en, g.label) for g in glosses}
    labels = resources.labels | {i: d[1] for i, d in details.items()}

    learned = discover.learned_forms(glosses, resolve.select(found), text, view, labels)
    found += discover.find_learned(text, folded, seg, learned, "document", 0.85, details)
    if corpus_aliases:
        foreign = {form: (a.entity_id,) for form, a in corpus_aliases.items()
                   if a.doc_id != article.doc_id and form not in learned}
        details |= {a.entity_id: (a.name_en, a.label) for a in corpus_aliases.values()}
        found += discover.find_learned(text, folded, seg, foreign, "corpus_alias", 0.8, details)

    chosen = resolve.select(found)
    spotted = discover.unlisted_names(text, view, folded, seg, chosen, gazetteer, resources.segmenter.tokenizer.FREQ)
    if spotted:
        details |= {c.ids[0]: (c.name_en, c.label) for c in spotted if c.ids and c.name_en}
        chosen = resolve.select(chosen + spotted)
    chosen = resolve.select(discover.extend_spans(chosen, seg, view, labels, resources.segmenter.forms))
    chosen = discover.place_compounds(chosen, seg, resources.index.places)
    countries = resolve.article_countries(chosen, resources.index)
    chosen = resolve.localise(chosen, folded, countries, resources.index)
    institutions = resolve.institution_candidates(folded, seg, chosen, countries, resources.index)
    if institutions:
        chosen = resolve.select(chosen + institutions)
    mentions, problems = resolve.link(article.doc_id, text, chosen, gazetteer, details,
                                      resources.index.country_of, countries)
    quote_records, quote_problems = quotes.find_quotes(article.doc_id, text, view, seg, mentions)
    suggestions = _suggestions(article.doc_id, text, glosses, mentions, gazetteer)
    return ArticleResult(article, detect_script(text, view), tuple(mentions), tuple(quote_records),
                         tuple(problems) + tuple(quote_problems), suggestions)


def _suggestions(doc_id: str, text: str, glosses: list[discover.Gloss], mentions: list,
                 gazetteer: Gazetteer) -> tuple[AliasSuggestion, ...]:
    """Learned pairs whose Chinese form the gazetteer lacks: glosses, and phonetic links."""
    found: dict[str, AliasSuggestion] = {}
    for g in glosses:
        alias = text[g.zh_start:g.zh_end]
        found.setdefault(alias, AliasSuggestion(alias, g.name_en, g.entity_id,
                                                f"gloss: {text[g.zh_start:g.en_end + 1]}", doc_id, 1))
    for m in mentions:
        if m.method == "phonetic" and m.lang == "zh":
            found.setdefault(m.text, AliasSuggestion(m.text, m.name_en, m.entity_id,
                                                     f"phonetic: {m.text} ~ {m.name_en} ({m.confidence})", doc_id, 1))
    return tuple(s for alias, s in found.items() if fold_key(alias) not in gazetteer.zh_keys)


def _safe_extract(article: Article, resources: Resources,
                  corpus_aliases: dict[str, CorpusAlias] | None = None) -> ArticleResult:
    try:
        return extract_article(article, resources, corpus_aliases)
    except Exception as error:  # one bad article must not end the run; the row says what happened
        log.exception("%s: extraction failed", article.doc_id)
        failed = replace(article, status="error", problem=f"internal error: {type(error).__name__}: {error}")
        return ArticleResult(failed, script="", problems=(Problem(article.doc_id, -1, "internal_error", str(error)),))


def extract(articles: Iterable[Article], gazetteer: Gazetteer | None = None,
            progress: Callable[[Iterable], Iterable] | None = None, jobs: int = 1) -> Tables:
    """Run every stage over `articles` and return the tables (nothing is written). With `jobs` > 1 the
    first pass runs in that many processes; the tables are the same either way."""
    gazetteer = gazetteer or default_gazetteer()
    resources = prepare(gazetteer)
    articles = [_as_loaded(a) for a in articles]
    iterate = progress or (lambda items: items)
    results = list(iterate(_first_pass(articles, resources, jobs)))

    corpus_aliases, conflicts = _corpus_aliases(results)
    if corpus_aliases:
        keys = list(corpus_aliases)
        for position, result in enumerate(results):
            if result.article.status == "ok" and _mentions_foreign_form(result, keys, corpus_aliases):
                results[position] = _safe_extract(result.article, resources, corpus_aliases)
    if conflicts:
        first = results[0]
        results[0] = replace(first, problems=first.problems + tuple(conflicts))
    suggestions = _merge_suggestions(results)
    return build_tables(results, suggestions, set(gazetteer.entities))


_WORKER: dict[str, Resources] = {}


def _first_pass(articles: list[Article], resources: Resources, jobs: int) -> Iterable[ArticleResult]:
    """Each article extracted on its own; in `jobs` forked processes when asked and possible (the
    workers inherit the prepared resources instead of building them again)."""
    if jobs <= 1 or len(articles) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return (_safe_extract(a, resources) for a in articles)
    _WORKER["resources"] = resources
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    chunk = max(1, len(articles) // (jobs * 8))

    def results() -> Iterable[ArticleResult]:
        with pool:
            yield from pool.map(_worker_extract, articles, chunksize=chunk)
    return results()


def _worker_extract(article: Article) -> ArticleResult:
    return _safe_extract(article, _WORKER["resources"])


def _as_loaded(article: Article) -> Article:
    """An article built in code gets what the loader gives a file: `\n` newlines, clean metadata.
    Text with unpaired surrogates cannot be searched or written; it becomes an error row."""
    fields = {k: clean_field(getattr(article, k)) for k in ("doc_id", "source", "title", "outlet", "date", "url")}
    text = normalise_newlines(article.text)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        return replace(article, text="", status="error", problem="text holds an unpaired surrogate", **fields)
    if text == article.text and all(getattr(article, k) == v for k, v in fields.items()):
        return article
    return replace(article, text=text, **fields)


def _corpus_aliases(results: list[ArticleResult]) -> tuple[dict[str, CorpusAlias], list[Problem]]:
    """Glossed Chinese forms across the run; a form glossed as two different names is not learned."""
    aliases: dict[str, CorpusAlias] = {}
    conflicting: dict[str, set[str]] = {}
    for result in results:
        for m in result.mentions:
            if m.method != "gloss" or m.lang != "zh" or not m.entity_id:
                continue
            form = fold_key(m.text)
            known = aliases.get(form)
            if known is None:
                aliases[form] = CorpusAlias(m.entity_id, m.name_en, m.label, m.doc_id)
            elif known.entity_id != m.entity_id:
                conflicting.setdefault(form, {known.entity_id}).add(m.entity_id)
    problems = [Problem(results[0].article.doc_id if results else "", -1, "conflicting_gloss",
                        f"{form} is glossed as {', '.join(sorted(ids))}; not learned")
                for form, ids in sorted(conflicting.items())]
    for form in conflicting:
        aliases.pop(form, None)
    return aliases, problems


def _mentions_foreign_form(result: ArticleResult, keys: list[str], aliases: dict[str, CorpusAlias]) -> bool:
    """Does the article hold a form learned elsewhere at a place it has not already linked so?"""
    folded = match_view(simplified_view(result.article.text))
    linked = {(m.start, m.entity_id) for m in result.mentions}
    for form in keys:
        position = folded.find(form)
        while position >= 0:
            if (position, aliases[form].entity_id) not in linked:
                return True
            position = folded.find(form, position + 1)
    return False


def _merge_suggestions(results: list[ArticleResult]) -> list[AliasSuggestion]:
    """One row per learned (alias, name): `documents` where it was linked so, `count` its mentions."""
    merged: dict[tuple[str, str], AliasSuggestion] = {}
    for result in results:
        for s in result.learned:
            merged.setdefault((s.alias, s.name_en), s)
    out = []
    for (alias, name_en), first in sorted(merged.items()):
        form = fold_key(alias)
        linked = [(r.article.doc_id, m) for r in results for m in r.mentions
                  if m.lang == "zh" and m.entity_id == first.entity_id and fold_key(m.text) == form]
        documents = sorted({doc_id for doc_id, _ in linked}) or [first.documents]
        out.append(AliasSuggestion(alias, name_en, first.entity_id, first.evidence, "|".join(documents),
                                   max(len(linked), 1)))
    return out


def extract_corpus(path: str | Path = "corpus", gazetteer_dir: str | Path | None = None, **kwargs) -> Tables:
    """Notebook entry: read a folder or .jsonl file and return the tables as DataFrames."""
    gazetteer = load_gazetteer(gazetteer_dir) if gazetteer_dir else None
    return extract(load_corpus(path), gazetteer, **kwargs)


def extract_text(text: str, doc_id: str = "text", gazetteer: Gazetteer | None = None) -> Tables:
    """Notebook entry: the tables for one article given as a string."""
    article = Article(doc_id, text, source="<text>", status="ok" if text.strip() else "empty",
                      problem="" if text.strip() else "no text")
    return extract([article], gazetteer)
