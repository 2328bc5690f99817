"""Entities and quotations from Chinese-language news, as tables.

    import pipeline
    tables = pipeline.extract_corpus("corpus/")      # DataFrames: tables.mentions, tables.quotes, ...
    tables = pipeline.extract_text("川普說：「……」")
    pipeline.write_tables(tables, "outputs/")
    report = pipeline.evaluate("gold.jsonl")        # scores against gold annotations
"""
from .api import extract, extract_article, extract_corpus, extract_text, prepare
from .corpus import load_corpus
from .evaluate import evaluate
from .gazetteer import GazetteerError, load_gazetteer
from .records import Article
from .tables import Tables, write_tables

__all__ = [
    "Article", "GazetteerError", "Tables", "evaluate", "extract", "extract_article", "extract_corpus", "extract_text",
    "load_corpus", "load_gazetteer", "prepare", "write_tables",
]
