"""Choosing one reading for each stretch of text and one entity for each name.

Overlapping candidates are settled longest first (唐納·川普 over 川普, 洛杉磯湖人隊 over 湖人). A form that
may mean several entities takes the one the same article names unambiguously elsewhere (one sense per
discourse: 詹姆斯 is LeBron James in an article that also writes 勒布朗·詹姆斯); otherwise the gazetteer's
prior decides, with a confidence that says how close the call was.
"""
from __future__ import annotations

from dataclasses import replace

from .gazetteer import Gazetteer
from .match import NameIndex
from .records import Candidate, Mention, Problem, Segmentation

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


def article_countries(chosen: list[Candidate], index: NameIndex) -> list[str]:
    """The places an article names, most named first (ties: first named first). An institution of a
    place counts for it (南韓國會 names South Korea)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for c in chosen:
        place = _place_of(c, index)
        if place is not None:
            counts[place] = counts.get(place, 0) + 1
            first.setdefault(place, c.start)
    return sorted(counts, key=lambda i: (-counts[i], first[i]))


def institution_candidates(folded: str, seg: Segmentation, chosen: list[Candidate], countries: list[str],
                           index: NameIndex) -> list[Candidate]:
    """Bare institution words (國會, 陸軍) linked to the institution the article names in full elsewhere
    (美國陸軍…陸軍), else to the one of the place named nearest before them in the paragraph, else to
    the one of the article's leading country."""
    if not countries:
        return []
    covered = {i for c in chosen for i in range(c.start, c.end)}
    named = {c.ids[0] for c in chosen if len(c.ids) == 1}
    places = sorted((c.start, place) for c in chosen if (place := _place_of(c, index)) is not None)
    found = []
    for token in seg.tokens:
        if token.start in covered:
            continue
        entity = None
        # the word itself, else its last part: 國會下議院 in a French article is France's 下議院
        for head in (token.norm[i:] for i in range(len(token.norm) - 1)):
            by_place = index.institutions.get(head)
            if by_place:
                entity = _institution_for(by_place, token.start, folded, places, countries, named)
                if entity is not None:
                    break
        if entity is not None:
            if found and found[-1].end == token.start:
                # 國會|下議院: a chamber named inside its parliament is one name, the chamber
                found[-1] = Candidate(found[-1].start, token.end, (entity,), "zh", "document", 0.7)
            else:
                found.append(Candidate(token.start, token.end, (entity,), "zh", "document", 0.7))
    return found


def _institution_for(by_place: dict[str, str], position: int, folded: str, places: list[tuple[int, str]],
                     countries: list[str], named: set[str]) -> str | None:
    in_full = [entity for entity in by_place.values() if entity in named]
    if len(in_full) == 1:
        return in_full[0]
    paragraph = folded.rfind("\n", 0, position)
    nearby = [p for start, p in reversed(places) if paragraph < start < position and p in by_place]
    place = next(iter(nearby), None) or next((p for p in countries if p in by_place), None)
    return by_place.get(place) if place is not None else None


def localise(chosen: list[Candidate], folded: str, countries: list[str], index: NameIndex) -> list[Candidate]:
    """A bare form that is also an institution word (國民議會, 選管會) names the institution of the
    article's country when the entity it is listed for belongs to a place the article never names."""
    out = []
    for c in chosen:
        by_place = index.institutions.get(folded[c.start:c.end]) if c.lang == "zh" and c.ids else None
        current = index.country_of.get(c.ids[0]) if by_place else None
        local = next((by_place[p] for p in countries if p in by_place), None) if by_place else None
        if local is not None and local not in c.ids and current not in countries:
            c = replace(c, ids=(local,))
        out.append(c)
    return out


def _place_of(c: Candidate, index: NameIndex) -> str | None:
    if len(c.ids) != 1 or c.ids[0] not in index.gazetteer.entities:
        return None
    if index.gazetteer.entities[c.ids[0]].label == "GPE":
        return c.ids[0]
    return index.country_of.get(c.ids[0])


def link(doc_id: str, text: str, chosen: list[Candidate], gazetteer: Gazetteer,
         discovered: dict[str, tuple[str, str]], country_of: dict[str, str] | None = None,
         countries: list[str] | None = None) -> tuple[list[Mention], list[Problem]]:
    """Mentions with one entity each; `discovered` maps ids not in the gazetteer to (name_en, label).
    An ambiguous form takes the entity the article names elsewhere, else the one of the article's
    leading country (國務院 in a US article), else the highest prior."""
    certain = {c.ids[0] for c in chosen if len(c.ids) == 1}
    country_of, countries = country_of or {}, countries or []
    mentions, problems = [], []
    previous_label, previous_end = "", -1
    for c in chosen:
        previous_label = previous_label if previous_end == c.start else ""
        entity_id, confidence = c.ids[0] if c.ids else "", c.confidence
        if len(c.ids) > 1:
            in_document = [i for i in c.ids if i in certain]
            local = [i for p in countries for i in c.ids if country_of.get(i) == p]
            places = [i for i in c.ids if i in gazetteer.entities and gazetteer.entities[i].label == "GPE"]
            if in_document:
                entity_id = in_document[0]
            elif local:
                entity_id = local[0]
            elif places and _locative(text, c.start, previous_label):
                entity_id = places[0]  # 英國利物浦, 在利物浦: the city, not the club
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
        previous_label, previous_end = label, c.end
    return mentions, problems


def _locative(text: str, start: int, previous_label: str) -> bool:
    return previous_label == "GPE" or text[max(0, start - 1):start] in ("在", "於", "于", "到", "赴", "抵", "往")
