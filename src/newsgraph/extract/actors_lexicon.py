"""Lookup tables for actor extraction, built once per process from data/actors/.

Every name is turned into the token sequence spaCy's tokenizer gives it, so matching is a dict
lookup on token texts (no per-mention scans of big tables). Sources: pycountry and countryinfo
(country names, capitals, demonyms), data/actors/*.yaml|tsv (curated aliases, organisations,
office-holders with terms, agent nouns converted from Phoenix).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from newsgraph.model import ActorKind

DATA_PACKAGE = "newsgraph.data.actors"
# Person offices that a bare title ("the President") or "leader" can stand for, best first.
HEAD_OFFICES = ("supreme leader", "president", "chancellor", "prime minister")
PARLIAMENTARY_HEADS = ("chancellor", "prime minister", "supreme leader", "president")
# Countries whose "leader" is the head of government rather than the head of state.
PARLIAMENTARY = {
    "GBR", "DEU", "ISR", "JPN", "IND", "ITA", "ESP", "CAN", "AUS", "NZL", "PAK", "IRQ", "NLD",
    "HUN", "THA", "ETH", "LBN",
}  # fmt: skip
TITLE_OFFICES: dict[str, tuple[str, ...]] = {
    "president": ("president",),
    "vice president": ("vice president",),
    "vice - president": ("vice president",),
    "prime minister": ("prime minister",),
    "premier": ("prime minister",),
    "pm": ("prime minister",),
    "chancellor": ("chancellor",),
    "supreme leader": ("supreme leader",),
    "leader": HEAD_OFFICES,
    "head of state": ("supreme leader", "president", "monarch"),
    "foreign minister": ("foreign minister",),
    "foreign secretary": ("foreign minister",),
    "secretary of state": ("foreign minister",),
    "defence minister": ("defence minister",),
    "defense minister": ("defence minister",),
    "defense secretary": ("defence minister",),
    "defence secretary": ("defence minister",),
    "secretary of defense": ("defence minister",),
    "secretary of war": ("defence minister",),
    "war secretary": ("defence minister",),
    "king": ("monarch",),
    "queen": ("monarch",),
    "emir": ("monarch",),
    "secretary - general": ("secretary-general",),
    "secretary general": ("secretary-general",),
    "pope": ("pope",),
}
PERSON_TITLES = set(TITLE_OFFICES) | {
    "minister", "official", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy",
    "general", "commander", "governor", "mayor", "senator", "judge", "prosecutor", "diplomat",
    "lawmaker", "chairman", "chief", "director", "secretary", "lawyer", "activist", "journalist",
    "president - elect", "vice president - elect", "prime minister - elect",
    "prime minister - designate",
}  # fmt: skip


def norm_text(text: str) -> str:
    """Token text as the tables store it: typographic apostrophes and quotes made plain."""
    return text.replace("’", "'").replace("‘", "'")


@dataclass(frozen=True)
class Entry:
    """What a matched name stands for."""

    source: str  # country | demonym | capital | seat | org | leader
    key: str  # identity of the actor it names (same key, same actor)
    name: str
    code: str | None
    country: str | None
    role: str | None
    kind: ActorKind


@dataclass(frozen=True)
class Term:
    """One office-holder in one office for one period."""

    name: str
    code: str
    office: str
    start: dt.date
    end: dt.date | None
    short: str | None

    @property
    def country(self) -> str | None:
        return self.code[:3] if len(self.code) >= 6 else None

    @property
    def role(self) -> str | None:
        return self.code[3:6] if len(self.code) >= 6 else None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return self.start <= day and (self.end is None or day < self.end)


@dataclass
class Lexicon:
    phrases: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    max_len: dict[str, int] = field(default_factory=dict)
    agents: dict[tuple[str, ...], str] = field(default_factory=dict)
    agent_max_len: dict[str, int] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    terms_by_name: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    terms_by_token: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    country_names: dict[str, str] = field(default_factory=dict)
    # organisation key -> [(since, code, role)], ascending: codes that change with time
    org_periods: dict[str, list[tuple[dt.date, str | None, str | None]]] = field(
        default_factory=dict
    )

    def add_phrase(self, tokens: tuple[str, ...], entry: Entry) -> None:
        if not tokens or tokens in self.phrases:
            return
        self.phrases[tokens] = entry
        self.max_len[tokens[0]] = max(self.max_len.get(tokens[0], 0), len(tokens))

    def add_agent(self, tokens: tuple[str, ...], role: str) -> None:
        if not tokens:
            return
        self.agents[tokens] = role
        self.agent_max_len[tokens[0]] = max(self.agent_max_len.get(tokens[0], 0), len(tokens))

    def terms_at(
        self, day: dt.date | None, country: str | None, offices: tuple[str, ...]
    ) -> Term | None:
        """The holder of the first of ``offices`` (in order) in ``country`` on ``day``."""
        for office in offices:
            found = [
                t
                for t in self.terms
                if t.office == office and t.country == country and t.covers(day)
            ]
            if len(found) == 1:
                return found[0]
        return None


def _read_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _tsv_rows(name: str) -> list[list[str]]:
    rows = []
    for line in _read_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text.strip() else None


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def tokens_of(text: str) -> tuple[str, ...]:
    return tuple(norm_text(t.text) for t in _tokenizer()(text))


def _lower(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t.lower() for t in tokens)


def _country_sources() -> dict[str, dict[str, Any]]:
    """Per ISO3: names, demonyms, capitals from pycountry + countryinfo, then the curated file."""
    import pycountry
    from countryinfo import all_countries

    table: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"names": [], "demonyms": [], "capitals": [], "seats": {}, "population": 0}
    )
    for c in pycountry.countries:
        row = table[c.alpha_3]
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                row["names"].append(value)
    skip_capitals = {line.strip() for line in _read_text("capitals_skip.txt").splitlines()}
    for info_obj in all_countries():
        info = info_obj.info()
        iso = (info.get("ISO") or {}).get("alpha3")
        if not iso or iso not in table:
            continue
        row = table[iso]
        row["population"] = info.get("population") or 0
        if info.get("name"):
            row["names"].append(info["name"])
        for alt in info.get("altSpellings") or []:
            if len(alt) > 3 and alt.isascii() and "," not in alt:
                row["names"].append(alt)
        demonym = info.get("demonym")
        if demonym and demonym.isascii():
            row["demonyms"].append(demonym)
            if demonym.endswith(("an", "i")):
                row["demonyms"].append(demonym + "s")
        capitals: str | list[str] = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            if capital and capital.isascii() and capital not in skip_capitals:
                row["capitals"].append(capital)
    curated: dict[str, dict[str, Any]] = yaml.safe_load(_read_text("countries.yaml"))
    for iso, extra in curated.items():
        row = table[iso]
        # curated names come first: the first name is the actor's canonical name
        row["names"] = list(extra.get("names", [])) + row["names"]
        row["demonyms"] = list(extra.get("demonyms", [])) + row["demonyms"]
        if "capitals" in extra:
            row["capitals"] = list(extra["capitals"])
        row["seats"] = dict(extra.get("seats") or {})
    return table


def _add_countries(lex: Lexicon) -> None:
    table = _country_sources()
    curated = list(yaml.safe_load(_read_text("countries.yaml")))
    # The first country to claim a name keeps it: curated countries first, then by population,
    # so "American" is the United States and "French" France, not a territory sharing them.
    rest = sorted(
        (iso for iso in table if iso not in curated), key=lambda i: -table[i]["population"]
    )
    for iso in [*curated, *rest]:
        row = table[iso]
        if not row["names"]:
            continue
        name = row["names"][0]
        lex.country_names[iso] = name
        key = f"country:{iso}"
        for alias in row["names"]:
            lex.add_phrase(tokens_of(alias), Entry("country", key, name, iso, iso, None, "country"))
        for dem in row["demonyms"]:
            lex.add_phrase(tokens_of(dem), Entry("demonym", key, name, iso, iso, None, "country"))
        for cap in row["capitals"]:
            lex.add_phrase(tokens_of(cap), Entry("capital", key, name, iso, iso, None, "country"))
        for seat, role in row["seats"].items():
            code = iso + role
            entry = Entry(
                "seat", f"group:{code}", f"{name} ({role})", code, iso, role, "organization"
            )
            lex.add_phrase(tokens_of(seat), entry)


def _add_orgs(lex: Lexicon) -> None:
    for item in yaml.safe_load(_read_text("orgs.yaml")):
        code = item.get("code")
        entry = Entry(
            "org", f"org:{item['name']}", item["name"], code, item.get("country"), item.get("role"),
            item.get("kind", "organization"),
        )  # fmt: skip
        periods = [
            (_as_date(p["since"]), p.get("code"), p.get("role")) for p in item.get("periods", [])
        ]
        if periods:
            lex.org_periods[entry.key] = sorted(periods, key=lambda p: p[0])
        for alias in [item["name"], *item.get("aliases", [])]:
            toks = tokens_of(alias)
            lex.phrases.pop(toks, None)  # an organisation's name beats a country alias (EU, WHO)
            lex.add_phrase(toks, entry)


def _add_leaders(lex: Lexicon) -> None:
    for row in _tsv_rows("leaders.tsv"):
        name, aliases, code, office, start, end, short = (row + [""] * 7)[:7]
        start_date = _date(start)
        if start_date is None:
            continue
        term = Term(name, code, office, start_date, _date(end), short or None)
        lex.terms.append(term)
        forms = [name, *[a for a in aliases.split(";") if a], *([short] if short else [])]
        for form in forms:
            lex.terms_by_name[" ".join(tokens_of(form))].append(term)
            toks = tokens_of(form)
            if len(toks) > 1 or form == short:
                entry = Entry(
                    "leader", f"person:{name}", name, code, term.country, term.role, "person"
                )
                lex.add_phrase(toks, entry)
        for tok in set(tokens_of(name)):
            if tok[:1].isupper():
                lex.terms_by_token[tok].append(term)


def _add_agents(lex: Lexicon) -> None:
    for row in _tsv_rows("agents.tsv"):
        lex.add_agent(_lower(tokens_of(row[0])), row[1])
    for row in _tsv_rows("agents_extra.tsv"):  # curated entries override Phoenix; "-" removes
        toks = _lower(tokens_of(row[0]))
        if row[1] == "-":
            lex.agents.pop(toks, None)
        else:
            lex.add_agent(toks, row[1])


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    _add_countries(lex)
    _add_orgs(lex)
    _add_leaders(lex)
    _add_agents(lex)
    return lex
