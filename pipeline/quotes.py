"""Direct quotations and their speakers (issue 4 builds this stage; for now it finds none)."""
from __future__ import annotations

from .records import Mention, Problem, Quote, Segmentation


def find_quotes(doc_id: str, text: str, view: str, seg: Segmentation,
                mentions: list[Mention]) -> tuple[list[Quote], list[Problem]]:
    return [], []
