"""The command line: a thin shell over the library.

    python -m pipeline extract [CORPUS] [--out DIR] [--gazetteer DIR] [--jobs N]
    python -m pipeline evaluate GOLD.jsonl [--json] [--by-doc]
    python -m pipeline gazetteer add-suggestions outputs/alias_suggestions.csv
    python -m pipeline gazetteer import wikidata.csv

Expected failures (a missing corpus path, a malformed gazetteer) print one line on stderr and exit with
status 2, never a traceback; a completed run exits 0 even when some articles had problems, because
those are rows in documents.csv and problems.csv.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .corpus import CorpusError, load_corpus
from .gazetteer import DEFAULT_DIR, GazetteerError, load_gazetteer

log = logging.getLogger("pipeline")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("extract", help="extract the tables of a corpus into a folder of CSV files")
    run.add_argument("corpus", nargs="?", default="corpus/", help="a folder of .txt/.md files or a .jsonl file")
    run.add_argument("--out", default="outputs/", help="where to write the CSV tables (default outputs/)")
    run.add_argument("--gazetteer", default=str(DEFAULT_DIR), help="folder with entities.csv and aliases.csv")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--jobs", type=int, default=1, help="processes for extraction (default 1)")
    score = commands.add_parser("evaluate", help="score the extraction against a gold JSONL file")
    score.add_argument("gold", help="gold annotations in the JSON Lines format of gold-format.md")
    score.add_argument("--gazetteer", default=str(DEFAULT_DIR), help="folder with entities.csv and aliases.csv")
    score.add_argument("--json", action="store_true", help="end with one line of JSON with the scores")
    score.add_argument("--by-doc", action="store_true", help="scores per article too")
    gazetteer = commands.add_parser("gazetteer", help="change the gazetteer")
    edits = gazetteer.add_subparsers(dest="action", required=True)
    for action, help_text in (("add-suggestions", "merge a reviewed alias_suggestions.csv"),
                              ("import", "import a CSV exported from Wikidata (see README)")):
        edit = edits.add_parser(action, help=help_text)
        edit.add_argument("file")
        edit.add_argument("--gazetteer", default=str(DEFAULT_DIR), help="the gazetteer folder to change")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "evaluate":
            return _evaluate(args)
        if args.command == "gazetteer":
            return _edit_gazetteer(args)
    except (GazetteerError, CorpusError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 2


def _extract(args) -> int:
    from .api import extract
    from .tables import write_tables

    gazetteer = load_gazetteer(args.gazetteer)
    corpus = Path(args.corpus)
    if not corpus.exists():
        raise CorpusError(f"{corpus}: no such file or folder")
    articles = list(load_corpus(corpus))
    progress = None
    if sys.stderr.isatty() and not args.quiet:
        from tqdm import tqdm

        progress = lambda items: tqdm(items, total=len(articles), desc="articles", unit="article",  # noqa: E731
                                      file=sys.stderr)
    tables = extract(articles, gazetteer, progress=progress, jobs=max(1, args.jobs))
    write_tables(tables, args.out)
    print(f"{tables.summary()} -> {args.out}")
    return 0


def _evaluate(args) -> int:
    import json

    from .evaluate import evaluate, format_report

    gold = Path(args.gold)
    if not gold.is_file():
        raise CorpusError(f"{gold}: no such file")
    report = evaluate(gold, load_gazetteer(args.gazetteer))
    print(format_report(report, by_doc=args.by_doc))
    if args.json:
        print(json.dumps(report.as_dict()))
    return 0


def _edit_gazetteer(args) -> int:
    from .curate import add_suggestions, import_wikidata

    source = Path(args.file)
    if not source.is_file():
        raise CorpusError(f"{source}: no such file")
    edit = add_suggestions if args.action == "add-suggestions" else import_wikidata
    entities, aliases = edit(source, args.gazetteer)
    print(f"added {entities} entities and {aliases} aliases to {args.gazetteer}")
    return 0
