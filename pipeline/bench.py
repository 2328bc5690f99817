"""`make bench`: speed and memory of the pipeline, as ratios against a baseline measured in the same run.

The machines this runs on are noisy, so absolute seconds mean little; each figure is paired with the same
measurement of a baseline on the same input in the same process: bare `jieba.lcut` over the Simplified
text (the floor any segmentation-based pipeline pays). Run `python -m pipeline.bench [--copies N]`.
"""
from __future__ import annotations

import argparse
import json
import logging
import resource
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

import jieba

from .api import default_gazetteer, extract, prepare
from .corpus import load_corpus
from .normalise import simplified_view

ROOT = Path(__file__).resolve().parent.parent


def _timed(function, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT / "corpus"))
    parser.add_argument("--copies", type=int, default=20, help="how many copies of the corpus to process")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    jieba.setLogLevel(logging.WARNING)

    base = [a for a in load_corpus(args.corpus) if a.status == "ok"]
    articles = [replace(a, doc_id=f"{a.doc_id}-{n}") for n in range(args.copies) for a in base]
    chars = sum(len(a.text) for a in articles)

    started = time.perf_counter()
    gazetteer = default_gazetteer()
    resources = prepare(gazetteer)
    startup = time.perf_counter() - started
    tokenizer = jieba.Tokenizer()
    jieba_startup = _timed(tokenizer.initialize, repeat=1)

    baseline = _timed(lambda: [tokenizer.lcut(simplified_view(a.text)) for a in articles])
    pipeline = _timed(lambda: extract(articles, gazetteer), repeat=2)
    parallel = _timed(lambda: extract(articles, gazetteer, jobs=2), repeat=2)

    tracemalloc.start()
    extract(articles, gazetteer)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tracemalloc.start()
    [tokenizer.lcut(simplified_view(a.text)) for a in articles]
    _, baseline_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    figures = {
        "articles": len(articles),
        "chars": chars,
        "pipeline_chars_per_s": round(chars / pipeline),
        "baseline_jieba_chars_per_s": round(chars / baseline),
        "slowdown_vs_jieba": round(pipeline / baseline, 2),
        "speedup_with_2_jobs": round(pipeline / parallel, 2),
        "startup_s": round(startup, 2),
        "startup_vs_jieba_init": round(startup / max(jieba_startup, 1e-9), 2),
        "peak_traced_mb": round(peak / 2**20, 1),
        "peak_vs_jieba": round(peak / max(baseline_peak, 1), 2),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "gazetteer_entities": len(gazetteer.entities),
        "gazetteer_aliases": len(gazetteer.aliases),
    }
    del resources
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:28} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
