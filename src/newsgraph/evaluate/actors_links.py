"""Weak-gold actor evaluation on Wikipedia current-events summaries (editors' links).

Each summary (``current-events.jsonl``) lists the editors' links ``{text, wiki_title, url}``.
A link whose Wikipedia title names a state actor gives an expected code for the linked text:

- a country ("Israel", "Georgia (country)") or its people ("Palestinians") -> the country;
- an office, government body or force of a country, by general title patterns: "President of
  X", "Prime Minister of X", "Government of X", "Armed Forces of X", "X Armed Forces",
  "Israel Defense Forces", "United States Senate", "Ministry of Defense (Israel)", "Haitian
  National Police" -> the country plus GOV / MIL / LEG / JUD / COP;
- an office-holder listed in data/actors/leaders.tsv -> that person's code on the item's date
  (this part tests mention finding and dating, not the table's coverage);
- an IGO or an organisation of data/actors/orgs.yaml, or a "United Nations ..." / European
  Union body by rule -> its code.

Countries are read from the title with pycountry and countryinfo names and demonyms plus the
conventions of Wikipedia titles, never from a per-item list. The system passes an item when one
of its actor mentions overlaps the linked text ("covered") with the expected country ("country
ok"; for IGOs the expected code) and, where the title gives a role, the expected role too
("code ok"). Items dated 2025 are the development split, 2026 the held-out split.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.evaluate.scores import EvalTable
from newsgraph.extract.actors import extract_actors
from newsgraph.extract.actors_lexicon import lexicon
from newsgraph.extract.context import Context
from newsgraph.model import Actor, Article
from newsgraph.read.nlp import load_nlp

DEV_YEAR = "2025"
HELD_OUT_YEAR = "2026"
# Wikipedia article titles for countries that pycountry/countryinfo spell differently.
WIKI_COUNTRY_TITLES = {
    "democratic republic of the congo": "COD", "republic of the congo": "COG",
    "kosovo": "XKX", "state of palestine": "PSE", "palestine": "PSE", "the gambia": "GMB",
    "the bahamas": "BHS", "federated states of micronesia": "FSM", "u.s.": "USA", "us": "USA",
    "the united states": "USA", "america": "USA", "uk": "GBR", "england": "GBR",
    "scotland": "GBR", "wales": "GBR", "northern ireland": "GBR", "republic of ireland": "IRL",
    "hong kong": "HKG", "taiwan": "TWN", "vatican city": "VAT", "holy see": "VAT",
}  # fmt: skip
# Demonyms Wikipedia uses in force/office titles that countryinfo lacks or spells otherwise.
EXTRA_DEMONYMS = {
    "israel": "ISR", "u.s.": "USA", "us": "USA", "pakistan": "PAK", "nigeria": "NGA",
    "kenya": "KEN", "hellenic": "GRC", "philippine": "PHL", "congolese": "COD",
    "palestinian": "PSE", "saudi": "SAU", "emirati": "ARE",
}  # fmt: skip
ROLE_SUFFIXES: list[tuple[str, str]] = [
    (r"(?:armed|defen[cs]e|ground|military|security|special) forces?|army|navy|air force"
     r"|marine corps|marines|national guard|coast guard|(?:central |cyber |space )?command"
     r"|national army|military|revolutionary guard corps|aerospace force", "MIL"),
    (r"(?:national |federal |state )?police(?: force| service)?|gendarmerie|police department",
     "COP"),
    (r"senate|congress|parliament|national assembly|house of representatives|legislature"
     r"|state duma|knesset", "LEG"),
    (r"(?:supreme|constitutional|federal|high) court|department of justice|justice department",
     "JUD"),
    (r"(?:vice[- ])?president(?:-elect)?|prime minister|chancellor|supreme leader|(?:federal |national |transitional )?government"
     r"|cabinet|security cabinet|secretary of state|secretary of defen[cs]e|department of state"
     r"|state department|foreign minister|minister of (?:foreign affairs|defen[cs]e)"
     r"|ministry of [a-z ]+|(?:foreign|defen[cs]e) ministry|department of (?:the )?treasury"
     r"|treasury department|monarch|king|queen|emir|department of defen[cs]e", "GOV"),
]  # fmt: skip
ROLE_PATTERNS = [(re.compile(rf"^(?:{rx})$", re.IGNORECASE), role) for rx, role in ROLE_SUFFIXES]
# Titles about things, not actors, even when they name a country and a role word.
NOT_ACTOR = re.compile(
    r"\b(?:list|sanctions?|dollar|shutdowns?|elections?|presidency|history|relations|war|crisis"
    r"|attacks?|program|policy|tariffs?|inauguration|impeachment|order|act|bill)\b",
    re.IGNORECASE,
)
PARENS = re.compile(r"^(?P<base>.*?)\s*\((?P<paren>[^)]*)\)$")
CATEGORIES = ("country", "people", "GOV", "MIL", "LEG/JUD/COP", "leader", "IGO/org")


@dataclass(frozen=True)
class Expected:
    category: str
    country: str | None  # None for IGOs
    code: str  # full expected code (country + role, or IGO code)


@lru_cache(maxsize=1)
def _country_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case country name -> ISO3, lower-case demonym/people -> ISO3)."""
    import pycountry
    from countryinfo import all_countries

    names: dict[str, str] = {}
    demonyms: dict[str, str] = dict(EXTRA_DEMONYMS)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names[value.lower()] = c.alpha_3
                if "," in value:  # "Iran, Islamic Republic of" -> "Iran"
                    names.setdefault(value.split(",")[0].lower(), c.alpha_3)
    # a demonym or name shared by several (e.g. "American") goes to the most populous country
    infos = sorted((i.info() for i in all_countries()), key=lambda i: -(i.get("population") or 0))
    for info in infos:
        iso = (info.get("ISO") or {}).get("alpha3")
        if not iso:
            continue
        for name in [info.get("name"), *(info.get("altSpellings") or [])]:
            if name and len(name) > 3:
                names.setdefault(name.lower(), iso)
        dem = info.get("demonym")
        if dem:
            demonyms.setdefault(dem.lower(), iso)
            plural = dem + ("s" if dem.endswith(("an", "i", "e")) else "")
            demonyms.setdefault(plural.lower(), iso)
    names.update(WIKI_COUNTRY_TITLES)
    return names, demonyms


def _country_of(text: str) -> str | None:
    names, demonyms = _country_tables()
    key = text.strip().lower()
    key = key[4:] if key.startswith("the ") and key not in names else key
    return names.get(key) or demonyms.get(key)


def _role_of(phrase: str) -> str | None:
    for pattern, role in ROLE_PATTERNS:
        if pattern.match(phrase.strip()):
            return role
    return None


def _country_and_role(title: str) -> tuple[str, str] | None:
    """ "President of France" -> (FRA, GOV); "Royal Thai Army" -> (THA, MIL); else None."""
    m = re.match(r"^(?P<role>.+?) of (?P<country>.+)$", title)
    if m:
        country, role = _country_of(m["country"]), _role_of(m["role"])
        if country and role:
            return country, role
    words = title.split()
    for skip in (0, 1):  # an optional first word: "Royal Thai Army", "Federal Police of ..."
        for size in range(min(5, len(words) - skip - 1), 0, -1):
            country = _country_of(" ".join(words[skip : skip + size]))
            if country is None:
                continue
            role = _role_of(" ".join(words[skip + size :]))
            if role is None and skip == 1:
                role = _role_of(" ".join(words[:1] + words[skip + size :]))
            if role:
                return country, role
    return None


@lru_cache(maxsize=1)
def _known_names() -> tuple[dict[str, list[Any]], dict[str, dict[str, Any]]]:
    """(leader full name -> terms, organisation name/alias -> (country, code))."""
    from importlib import resources

    import yaml

    lex = lexicon()
    leaders: dict[str, list[Any]] = {}
    for term in lex.terms:
        leaders.setdefault(term.name, []).append(term)
    orgs: dict[str, dict[str, Any]] = {}
    text = resources.files("newsgraph.data.actors").joinpath("orgs.yaml").read_text("utf-8")
    for item in yaml.safe_load(text):
        if item.get("code"):
            for alias in [item["name"], *item.get("aliases", [])]:
                orgs[alias.lower()] = item
    return leaders, orgs


def _org_code(item: dict[str, Any], day: str) -> str:
    """The organisation's code on that day (codes with a ``since`` date change with time)."""
    code = str(item["code"])
    for period in sorted(item.get("periods", []), key=lambda p: str(p["since"])):
        if str(period["since"]) <= day:
            code = str(period["code"])
    return code


def expected_for(title: str, day: str) -> Expected | None:
    """The expected actor code for a linked Wikipedia title on that date, when determinable."""
    m = PARENS.match(title)
    base, paren = (m["base"], m["paren"]) if m else (title, "")
    paren_country = _country_of(paren) if paren else None
    if paren == "country" or (paren_country and _country_of(base) == paren_country):
        paren, paren_country = "", None  # "Georgia (country)"
    leaders, orgs = _known_names()
    if base in leaders:
        terms = leaders[base]
        import datetime as dt

        date = dt.date.fromisoformat(day)
        current = [t for t in terms if t.covers(date)]
        term = current[0] if current else None
        if term is not None:
            return Expected("leader", term.country, term.code)
        country = terms[-1].country
        return Expected("leader", country, country) if country else None
    org = orgs.get(base.lower())
    if org is not None:
        return Expected("IGO/org", org.get("country"), _org_code(org, day))
    if re.match(r"^(?:United Nations|UN)\b", base):
        return Expected("IGO/org", None, "UNO")
    if re.match(r"^European (?:Union|Commission|Parliament|Council|Central Bank)$", base):
        return Expected("IGO/org", None, "EUR")
    if NOT_ACTOR.search(base):
        return None
    if not paren:
        country = _country_of(base)
        if country is not None:
            _, demonyms = _country_tables()
            people = base.lower() in demonyms and base.endswith("s")
            return Expected("people" if people else "country", country, country)
    if paren_country:
        role = _role_of(base)
        if role:
            return _role_expected(paren_country, role)
        return None
    found = _country_and_role(base)
    return _role_expected(*found) if found else None


def _role_expected(country: str, role: str) -> Expected:
    category = role if role in ("GOV", "MIL") else "LEG/JUD/COP"
    return Expected(category, country, country + role)


@dataclass
class Counts:
    items: int = 0
    covered: int = 0
    country_ok: int = 0
    code_ok: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)

    def row(self, name: str) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "-"

        return [
            name, str(self.items), pct(self.covered, self.items),
            pct(self.country_ok, self.items), pct(self.code_ok, self.items),
            pct(self.code_ok, self.covered),
        ]  # fmt: skip


def _spans(text: str, entities: list[dict[str, Any]]) -> list[tuple[int, int, dict[str, Any]]]:
    """Each linked entity's character span: searched from the previous link on (links are in
    reading order), else from the start."""
    out = []
    pos = 0
    for ent in entities:
        start = text.find(ent["text"], pos)
        if start < 0:
            start = text.find(ent["text"])
        if start < 0 or not ent["text"]:
            continue
        end = start + len(ent["text"])
        out.append((start, end, ent))
        pos = end
    return out


def _judge(exp: Expected, actors: list[Actor], start: int, end: int) -> tuple[bool, bool, bool]:
    over = [a for a in actors for m in a.mentions if m.start < end and start < m.end]
    if exp.country is None:
        ok = any(a.code == exp.code for a in over)
        return bool(over), ok, ok
    country_ok = any(a.country == exp.country or (a.code or "")[:3] == exp.country for a in over)
    if exp.code == exp.country:  # country level: any role of that country (seed-gold rule)
        return bool(over), country_ok, country_ok
    code_ok = any(a.code == exp.code for a in over)
    return bool(over), country_ok, code_ok


def score_records(records: list[dict[str, Any]]) -> dict[str, Counts]:
    counts = {c: Counts() for c in CATEGORIES}
    nlp = load_nlp()
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        article = Article(id=rec["id"], published=rec["date"], body=rec["text"])
        actors = extract_actors(doc, Context(article=article))
        for start, end, ent in _spans(rec["text"], rec.get("entities", [])):
            exp = expected_for(ent["wiki_title"], rec["date"])
            if exp is None:
                continue
            c = counts[exp.category]
            covered, country_ok, code_ok = _judge(exp, actors, start, end)
            c.items += 1
            c.covered += covered
            c.country_ok += country_ok
            c.code_ok += code_ok
            if not covered:
                c.misses[f"{ent['text']} [{exp.code}]"] += 1
            elif not code_ok:
                got = sorted({a.code or "-" for a in actors for m in a.mentions
                              if m.start < end and start < m.end})  # fmt: skip
                c.wrong[f"{ent['text']} [{exp.code}] got {','.join(got)}"] += 1
    return counts


def _total(counts: dict[str, Counts]) -> Counts:
    total = Counts()
    for c in counts.values():
        total.items += c.items
        total.covered += c.covered
        total.country_ok += c.country_ok
        total.code_ok += c.code_ok
    return total


def read_split(path: Path, year: str, limit: int | None) -> list[dict[str, Any]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["date"].startswith(year):
                out.append(rec)
                if limit is not None and len(out) >= limit:
                    break
    return out


def table(name: str, counts: dict[str, Counts], n_records: int, top: int = 0) -> EvalTable:
    rows = [counts[c].row(c) for c in CATEGORIES] + [_total(counts).row("all")]
    notes = []
    for cat in CATEGORIES:
        c = counts[cat]
        if top and c.misses:
            notes.append(f"{cat} missed: {c.misses.most_common(top)}")
        if top and c.wrong:
            notes.append(f"{cat} wrong: {c.wrong.most_common(top)}")
    return EvalTable(
        title=f"Actors vs editors' links, {name} ({n_records} summaries)",
        columns=["expected", "links", "covered", "country ok", "code ok", "code ok | covered"],
        rows=rows,
        notes=notes or None,
    )


def evaluate(path: Path | str, limit: int | None = 1500, top: int = 0) -> list[EvalTable]:
    """Development (2025) and held-out (2026) tables; ``limit`` summaries per split."""
    path = Path(path)
    tables = []
    for name, year in (("dev " + DEV_YEAR, DEV_YEAR), ("held-out " + HELD_OUT_YEAR, HELD_OUT_YEAR)):
        records = read_split(path, year, limit)
        tables.append(table(name, score_records(records), len(records), top))
    return tables


def main() -> None:
    import argparse

    from newsgraph.cli import _print_tables
    from newsgraph.evaluate.gold import shared_path

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=1500, help="summaries per split")
    parser.add_argument("--top", type=int, default=0, help="list this many misses per part")
    parser.add_argument("--split", choices=("dev", "held-out", "both"), default="both")
    args = parser.parse_args()
    path = shared_path("corpus", "current-events.jsonl")
    if path is None:
        raise SystemExit("current-events.jsonl not found under ../shared/corpus")
    for name, year in (("dev " + DEV_YEAR, DEV_YEAR), ("held-out " + HELD_OUT_YEAR, HELD_OUT_YEAR)):
        if args.split != "both" and not name.startswith(args.split):
            continue
        records = read_split(path, year, args.limit)
        _print_tables(table(name, score_records(records), len(records), args.top))


if __name__ == "__main__":
    main()
