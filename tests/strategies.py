"""Hypothesis strategies shared by the property tests: text built from the pieces a stage reacts to,
mixed with arbitrary unicode."""
from __future__ import annotations

from hypothesis import strategies as st


def news_text(pieces: list[str], max_pieces: int, max_chars: int):
    """Either a run of `pieces` interleaved with short random text, or arbitrary text (no surrogates)."""
    return st.one_of(
        st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=4)), max_size=max_pieces).map("".join),
        st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=max_chars),
    )
