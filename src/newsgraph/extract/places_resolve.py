"""Toponym resolution: pick one gazetteer entry per recognised name, from context.

Score of a candidate = prior (log population, feature class, own name vs alternate name)
+ agreement with the countries and first-level divisions of the article's other places
+ agreement with the actors' countries
+ admin hierarchy ("Pandi, Bulacan", "Paris in Texas": a place followed by its container).
One sense per discourse: every mention of the same name gets the same entry. The dateline
place (the body's first words) counts double as context.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from newsgraph.extract.gazetteer import Candidate, Entry, Gazetteer, normalize_name
from newsgraph.extract.places_recognize import Toponym

FEATURE_PRIOR: dict[str, float] = {
    "country": 4.0, "continent": 4.0, "ocean": 3.5, "sea": 3.0, "admin1": 2.0, "capital": 1.5,
    "region": 3.0, "peninsula": 3.0, "desert": 3.0, "island": 2.5, "mountains": 3.0,
    "mountain": 2.5, "river": 2.5, "lake": 2.5, "strait": 3.0, "canal": 3.0, "landmark": 2.5,
    "admin2": 0.0, "city": 0.0,
}  # fmt: skip
# Features a name followed by "region" may have besides divisions ("the Pacific region").
REGION_LIKE = frozenset(
    {"region", "continent", "ocean", "sea", "peninsula", "desert", "island", "mountains"}
)
# Features that make a gazetteer match a toponym on their own (no context needed).
SELF_EVIDENT = frozenset(FEATURE_PRIOR) - {"admin2", "city", "capital"}
POPULATION_WEIGHT = 0.9
ALTERNATE_PENALTY = 2.0
BIG_CITY_ALTERNATE_PENALTY = 0.5
BIG_CITY_BONUS = 1.0
COUNTRY_VOTE, COUNTRY_VOTE_CAP = 1.5, 3.0
ADMIN1_VOTE, ADMIN1_VOTE_CAP = 2.0, 2.0
# A division named elsewhere in the article counts this much of a vote; named in the same
# sentence, a full vote ("... in Michigan, near ... in Monroe County"): local context decides
# between same-named small places, and a state named in passing does not pull a world-famous
# city's name ("Boston") to a village of that state.
DISTANT_ADMIN1_SHARE = 0.5
ACTOR_COUNTRY_BONUS = 1.0
HIERARCHY_BONUS = 4.0
DATELINE_WEIGHT = 2.0
WEAK_MIN_POPULATION = 1000
CURATED_POPULATION = 10_000_000
ACRONYM_MAX_LEN = 5
DOMINANT_CITY_SHARE = 0.3
CAPITAL_VOTE, CAPITAL_VOTE_CAP = 1.0, 2.0
STRONG_CITY_POPULATION = 100_000
ENTITY_CITY_POPULATION = 10_000
BIG_CITY_POPULATION = 1_000_000
MAJOR_FEATURES = frozenset({"country", "city", "capital", "admin1"})
CAPITALS = "@capitals"  # pseudo-country counting names resolved to national capitals
# "X, Y" / "X in Y" / "X (Y)": Y may be the division or country that contains X.
HIERARCHY_GAP = re.compile(r"^\s*(,|in|\()\s*(the\s+)?$", re.IGNORECASE)
# "X, Y and Z", "X; Y", "X or Y": items of one coordinated list.
LIST_GAP = re.compile(r"^\s*(?:,|;|,?\s*(?:and|or|&))\s*(?:the\s+)?$", re.IGNORECASE)
LIST_CONJUNCTION = re.compile(r"\b(?:and|or)\b|&", re.IGNORECASE)
LIST_MIN_ITEMS = 3  # a comma pair alone ("Pandi, Bulacan") is a hierarchy, not a list
# Items of a list are alike ("Virginia, Washington and Wyoming" are states): each other item
# of the candidate's kind is a vote.
LIST_VOTE, LIST_VOTE_CAP = 1.5, 2.0


@dataclass
class _Name:
    """All mentions of one name in the article, with its candidates and running choice."""

    key: str
    mentions: list[Toponym]
    candidates: list[Candidate]
    priors: list[float]
    strong: bool
    weight: float = 1.0
    best: int = 0
    containers: list[_Name] = field(default_factory=list)  # names that follow it as its container
    neighbours: list[_Name] = field(default_factory=list)  # names sharing a sentence with it
    active: bool = False  # votes as context (strong, or supported in the previous round)
    contained: list[_Name] = field(default_factory=list)
    siblings: list[_Name] = field(default_factory=list)  # other items of a list it is in

    @property
    def entry(self) -> Entry:
        return self.candidates[self.best].entry


def prior_score(cand: Candidate) -> float:
    entry = cand.entry
    population = entry.population
    if population == 0 and entry.feature in SELF_EVIDENT:
        population = CURATED_POPULATION  # curated regions and seas carry no population
    score = POPULATION_WEIGHT * math.log10(max(population, 0) + 10)
    score += FEATURE_PRIOR.get(entry.feature, 0.0)
    # a city of millions is known far beyond its region: it outweighs same-named small places
    # even when the article names another division nearby ("Brisbane" beside "Sydney")
    big = entry.feature in ("city", "capital") and entry.population >= BIG_CITY_POPULATION
    score += BIG_CITY_BONUS if big else 0.0
    if not cand.alternate:
        return score
    # the alternate names of a city of millions are mostly its exonyms ("Medina", "Mecca",
    # "Munich"): English news uses them as the city's own name
    return score - (BIG_CITY_ALTERNATE_PENALTY if big else ALTERNATE_PENALTY)


def contains(outer: Entry, inner: Entry) -> bool:
    """Is ``inner`` inside ``outer`` by the admin hierarchy (country > admin1 > admin2)?"""
    if outer is inner or not inner.country or outer.country != inner.country:
        return False
    if outer.feature == "country":
        return inner.feature != "country"
    if outer.feature == "admin1":
        return inner.admin1 == outer.admin1 and inner.feature != "admin1"
    if outer.feature == "admin2":
        return bool(inner.admin2) and inner.admin2 == outer.admin2 and inner.feature != "admin2"
    return False


def _is_city_form(cand: Candidate, key: str) -> bool:
    """The city's own name, or "<key> City" reached through an alternate name ("New York")."""
    entry = cand.entry
    if entry.feature not in ("city", "capital"):
        return False
    return not cand.alternate or normalize_name(entry.name) == f"{key} city"


def _is_country_name(cands: list[Candidate]) -> bool:
    return any(c.entry.feature == "country" and not c.alternate for c in cands)


def _lift(priors: list[float], chosen: list[int], margin: float = 0.5) -> None:
    """Raise the ``chosen`` candidates together until the best of them leads all others."""
    others = [p for i, p in enumerate(priors) if i not in chosen]
    if not chosen or not others:
        return
    shift = max(others) + margin - max(priors[i] for i in chosen)
    for i in chosen:
        priors[i] += max(shift, 0.0)


def _priors(cands: list[Candidate], key: str, marker: str) -> list[float]:
    """Prior scores. A city named like a division of its country takes the division's prior,
    and the division falls just below it, when the city dominates it (Tokyo, Seoul, Moscow) or
    is a capital or a city of millions (Buenos Aires, New York): news means the city. Where the
    text says "province", "state" or "city", candidates of that kind lead."""
    priors = [prior_score(c) for c in cands]
    divisions = [j for j, c in enumerate(cands) if c.entry.feature in ("admin1", "admin2")]
    cities = [i for i, c in enumerate(cands) if _is_city_form(c, key)]
    if marker == "division":
        _lift(priors, divisions)
        return priors
    if marker == "region":
        # "the Somme region" names a division, "the Pacific region" the area round an ocean
        areas = [j for j, c in enumerate(cands) if c.entry.feature in REGION_LIKE]
        _lift(priors, divisions + areas)
        return priors
    if marker == "city" and not _is_country_name(cands):
        _lift(priors, cities)
        return priors
    if _is_country_name(cands):
        cities = []  # a country's own name means the country, never its capital's namesake
    for i in cities:
        if cands[i].alternate:
            continue  # "New York" alone: news uses the state's name for the state as well
        city = cands[i].entry
        famous = city.feature == "capital" or city.population >= BIG_CITY_POPULATION
        for j in divisions:
            d = cands[j].entry
            dominant = contains(d, city) and city.population >= DOMINANT_CITY_SHARE * d.population
            if (famous and d.country == city.country) or dominant:
                priors[i] = max(priors[i], priors[j])
                priors[j] = min(priors[j], priors[i] - 0.5)
    return priors


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isupper() and len(letters) <= ACRONYM_MAX_LEN


def _marker(top: Toponym, toponyms: list[Toponym]) -> str:
    """The kind the text gives a name in any of its mentions ("" when none or both)."""
    marks = {t.marker for t in toponyms if t.key == top.key} - {""}
    return marks.pop() if len(marks) == 1 else ""


def _group(toponyms: list[Toponym], gazetteer: Gazetteer) -> dict[str, _Name]:
    names: dict[str, _Name] = {}
    for top in toponyms:
        name = names.get(top.key)
        if name is None:
            cands = gazetteer.lookup(top.key)
            if _is_acronym(top.text):
                # "CDC", "ERV": an acronym names a place only through an own name or alias of
                # a country or division, never through a town's alternate name
                cands = [c for c in cands if not c.alternate and c.entry.feature != "city"]
            if _is_country_name(cands):
                # a country's own name means the country (or a same-named division or town),
                # never a place that merely has it as an alternate name ("Mexico" for
                # Mexico City)
                cands = [c for c in cands if not c.alternate]
            if not cands:
                continue
            name = _Name(top.key, [], cands, _priors(cands, top.key, _marker(top, toponyms)), False)
            name.best = max(range(len(cands)), key=name.priors.__getitem__)
            names[top.key] = name
        name.mentions.append(top)
        name.strong = name.strong or top.strong
        if top.start == 0:
            name.weight = DATELINE_WEIGHT
    return names


def _link_neighbours(toponyms: list[Toponym], names: dict[str, _Name]) -> None:
    by_sentence: dict[int, set[str]] = {}
    for top in toponyms:
        if top.key in names:
            by_sentence.setdefault(top.sentence, set()).add(top.key)
    for keys in by_sentence.values():
        for key in keys:
            name = names[key]
            name.neighbours.extend(
                names[k] for k in sorted(keys - {key}) if names[k] not in name.neighbours
            )


def kind_of(entry: Entry) -> str:
    """The kind list items share: a capital is a city, every other feature is its own kind."""
    return "city" if entry.feature == "capital" else entry.feature


def _alike(a: _Name, b: _Name) -> bool:
    """Could the two names be items of one list (some candidates of the same kind)?"""
    kinds = {kind_of(c.entry) for c in a.candidates}
    return any(kind_of(c.entry) in kinds for c in b.candidates)


def _lists(toponyms: list[Toponym], names: dict[str, _Name], text: str) -> list[list[Toponym]]:
    """Runs of toponyms joined by list gaps: three items or more, or two joined by "and"/"or"."""
    runs: list[list[Toponym]] = []
    run: list[Toponym] = []
    conjoined = False
    for top in toponyms:
        if top.key not in names:
            continue
        if run and LIST_GAP.match(text[run[-1].end : top.start]):
            conjoined = conjoined or bool(LIST_CONJUNCTION.search(text[run[-1].end : top.start]))
            run.append(top)
            continue
        if len(run) >= LIST_MIN_ITEMS or (len(run) == 2 and conjoined):
            runs.append(run)
        run, conjoined = [top], False
    if len(run) >= LIST_MIN_ITEMS or (len(run) == 2 and conjoined):
        runs.append(run)
    return runs


def _link_lists(runs: list[list[Toponym]], names: dict[str, _Name]) -> None:
    for run in runs:
        items = [names[t.key] for t in run]
        for item in items:
            item.siblings.extend(
                other for other in items if other is not item and other not in item.siblings
            )


def _next_item(top: Toponym, runs: list[list[Toponym]]) -> Toponym | None:
    for run in runs:
        for this, after in pairwise(run):
            if this is top:
                return after
    return None


def _link_hierarchy(
    toponyms: list[Toponym], names: dict[str, _Name], text: str, runs: list[list[Toponym]]
) -> None:
    for first, second in pairwise(toponyms):
        if first.key == second.key or first.key not in names or second.key not in names:
            continue
        if HIERARCHY_GAP.match(text[first.end : second.start]):
            inner, outer = names[first.key], names[second.key]
            after = _next_item(second, runs)
            if after is not None and after.key != second.key and _alike(outer, names[after.key]):
                # "Washington, Pennsylvania and California": a list of states, not a town in
                # Pennsylvania ("Pandi, Bulacan, Philippines" goes on with a container)
                continue
            if outer not in inner.containers:
                inner.containers.append(outer)
                outer.contained.append(inner)


def _vote(name: _Name, countries: Counter[str], admin1s: Counter[str], sign: int = 1) -> None:
    """Add (``sign`` 1) or withdraw (-1) one name's country and admin1 votes."""
    entry = name.entry
    if entry.feature == "capital":
        countries[CAPITALS] += sign
    if entry.country:
        countries[entry.country] += sign * name.weight  # type: ignore[assignment]
    if entry.admin1:
        admin1s[entry.admin1] += sign * name.weight  # type: ignore[assignment]


def _votes(names: Iterable[_Name]) -> tuple[Counter[str], Counter[str]]:  # counts are floats
    """Country and admin1 votes; ``countries[CAPITALS]`` counts names read as capitals."""
    countries: Counter[str] = Counter()
    admin1s: Counter[str] = Counter()
    for name in names:
        _vote(name, countries, admin1s)
    return countries, admin1s


def _is_major(entry: Entry) -> bool:
    """A country, city or first-level division of millions."""
    return entry.feature in MAJOR_FEATURES and entry.population >= BIG_CITY_POPULATION


def _context_score(
    name: _Name,
    cand: Candidate,
    countries: Counter[str],
    admin1s: Counter[str],
    actor_countries: frozenset[str],
) -> float:
    entry, own = cand.entry, name.entry
    score = 0.0
    if entry.country:
        votes = countries[entry.country] - (name.weight if own.country == entry.country else 0.0)
        if votes > 0 and _is_major(entry):
            # one mention of its country is enough for a place known far beyond it
            # ("Toronto" with "Canada" beats an Australian village, whatever Australia's count)
            votes = COUNTRY_VOTE_CAP
        score += COUNTRY_VOTE * min(votes, COUNTRY_VOTE_CAP)
        score += ACTOR_COUNTRY_BONUS if entry.country in actor_countries else 0.0
    if entry.feature == "capital":
        # capitals named together are capitals ("Washington, Seoul and Tokyo")
        votes = countries[CAPITALS] - (1 if own.feature == "capital" else 0)
        score += CAPITAL_VOTE * min(votes, CAPITAL_VOTE_CAP)
    if entry.admin1:
        votes = admin1s[entry.admin1] - (name.weight if own.admin1 == entry.admin1 else 0.0)
        near = sum(n.weight for n in name.neighbours if n.active and n.entry.admin1 == entry.admin1)
        votes = DISTANT_ADMIN1_SHARE * votes + (1 - DISTANT_ADMIN1_SHARE) * near
        score += ADMIN1_VOTE * min(votes, ADMIN1_VOTE_CAP)
    kind = kind_of(entry)
    alike = sum(1 for s in name.siblings if s.active and kind_of(s.entry) == kind)
    score += LIST_VOTE * min(alike, LIST_VOTE_CAP)
    return score + _hierarchy_score(name, entry)


def _hierarchy_score(name: _Name, entry: Entry) -> float:
    score = 0.0
    if any(contains(c.entry, entry) for outer in name.containers for c in outer.candidates):
        score += HIERARCHY_BONUS
    if any(contains(entry, inner.entry) for inner in name.contained):
        score += HIERARCHY_BONUS
    return score


def _is_supported(
    name: _Name, admin1s: Counter[str], countries: Counter[str], actors: frozenset[str]
) -> bool:
    """A weak (gazetteer-only) name is kept on a self-evident feature, a big own-name city
    in a country the article is about, or hierarchy / same-division support."""
    if name.strong:
        return True
    entry = name.entry
    if name.candidates[name.best].alternate:
        return False
    if entry.feature in SELF_EVIDENT or entry.population >= BIG_CITY_POPULATION:
        return True
    if entry.population < WEAK_MIN_POPULATION or any(m.inside_org for m in name.mentions):
        return False
    own = name.weight
    if _hierarchy_score(name, entry) > 0 or admin1s[entry.admin1] - own > 0:
        return True
    in_article_country = countries[entry.country] - own > 0 or entry.country in actors
    # a whole NER entity (mislabelled ORG or PERSON) that names a town of the article's
    # country needs less: the NER saw a name there ("A lab in Lelystad")
    entity = all(m.entity for m in name.mentions)
    least = ENTITY_CITY_POPULATION if entity else STRONG_CITY_POPULATION
    return entry.population >= least and in_article_country


def resolve_toponyms(
    toponyms: list[Toponym],
    text: str,
    gazetteer: Gazetteer,
    actor_countries: Iterable[str] = (),
    rounds: int = 2,
) -> list[tuple[Toponym, Entry]]:
    """Each kept toponym with its chosen entry, in text order."""
    names = _group(toponyms, gazetteer)
    runs = _lists(toponyms, names, text)
    _link_lists(runs, names)
    _link_hierarchy(toponyms, names, text, runs)
    actors = frozenset(actor_countries)
    _link_neighbours(toponyms, names)
    active = {k: n for k, n in names.items() if n.strong or n.entry.feature in SELF_EVIDENT}
    for _ in range(rounds):
        for key, name in names.items():
            name.active = key in active
        countries, admin1s = _votes(active.values())
        for name in names.values():
            scores = [
                prior + _context_score(name, cand, countries, admin1s, actors)
                for prior, cand in zip(name.priors, name.candidates, strict=True)
            ]
            best = max(range(len(scores)), key=scores.__getitem__)
            if best != name.best and name.key in active:
                # later names see this choice at once: two names that read each other
                # ("Mecca", "Medina") would otherwise flip together round after round
                _vote(name, countries, admin1s, -1)
                name.best = best
                _vote(name, countries, admin1s)
            name.best = best
        countries, admin1s = _votes(names.values())
        active = {k: n for k, n in names.items() if _is_supported(n, admin1s, countries, actors)}
    out = [(top, names[top.key].entry) for top in toponyms if top.key in active]
    return out
