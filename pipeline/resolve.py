"""Choosing one reading for each stretch of text and one entity for each name.

Overlapping candidates are settled longest first (唐納·川普 over 川普, 洛杉磯湖人隊 over 湖人). A form that
may mean several entities takes the one the same article names unambiguously elsewhere (one sense per
discourse: 詹姆斯 is LeBron James in an article that also writes 勒布朗·詹姆斯); otherwise the gazetteer's
prior decides, with a confidence that says how close the call was.
"""
from __future__ import annotations

from .gazetteer import Gazetteer
from .records import Candidate, Mention, Problem

# Methods in order of trust when two candidates cover the same span.
_METHOD_RANK = {"gazetteer": 0, "gloss": 1, "handle": 2, "corpus_alias": 3, "document": 4, "fuzzy": 5,
                "phonetic": 6, "pattern": 7}


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, then by method trust, then leftmost."""
    ordered = sorted(
        candidates,
        key=lambda c: (-(c.end - c.start), _METHOD_RANK.get(c.method, 9), -c.confidence, c.start),
    )
    taken: list[Candidate] = []
    occupied: set[int] = set()
    for candidate in ordered:
        span = range(candidate.start, candidate.end)
        if any(i in occupied for i in span):
            continue
        occupied.update(span)
        taken.append(candidate)
    return sorted(taken, key=lambda c: (c.start, c.end))


def link(doc_id: str, text: str, chosen: list[Candidate], gazetteer: Gazetteer,
         discovered: dict[str, tuple[str, str]]) -> tuple[list[Mention], list[Problem]]:
    """Mentions with one entity each; `discovered` maps ids not in the gazetteer to (name_en, label)."""
    certain = {c.ids[0] for c in chosen if len(c.ids) == 1}
    mentions, problems = [], []
    for c in chosen:
        entity_id, confidence = c.ids[0] if c.ids else "", c.confidence
        if len(c.ids) > 1:
            in_document = [i for i in c.ids if i in certain]
            if in_document:
                entity_id = in_document[0]
            else:
                priors = [gazetteer.entities[i].prior for i in c.ids if i in gazetteer.entities]
                share = priors[0] / sum(priors) if priors and sum(priors) else 1 / len(c.ids)
                confidence = round(c.confidence * share, 2)
                problems.append(Problem(doc_id, c.start, "ambiguous_name",
                                        f"{text[c.start:c.end]} may be {', '.join(c.ids[:4])}; took {entity_id} by prior"))
        entity = gazetteer.entities.get(entity_id)
        if entity is not None:
            name_en, label, wikidata = entity.name_en, entity.label, entity.wikidata
        else:
            name_en, label = discovered.get(entity_id, (c.name_en, c.label))
            wikidata = ""
        mentions.append(Mention(doc_id, c.start, c.end, text[c.start:c.end], label or "PERSON", entity_id,
                                name_en, wikidata, c.lang, c.method, confidence))
    return mentions, problems
