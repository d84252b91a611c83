"""The time grammar: regex rules over the text that find and normalise time expressions.

Each rule is a precompiled regex plus a builder that turns a match into a ``Found``
(span, TIMEX3 type and value, day interval) given an ``Env`` (the publication date and a
tense oracle backed by the spaCy parse). Rules overlap freely; ``find_times`` keeps the
longest non-overlapping matches, like HeidelTime/SUTime. Spans follow TempEval-3: leading
prepositions ("on", "in", "for") are left out; determiners and modifiers ("the past",
"early", "earlier this") are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from newsgraph.extract import times_calendar as cal
from newsgraph.extract.times_calendar import Tense
from newsgraph.extract.times_lexicon import (
    MONTHS,
    ONES,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SET_WORDS,
    TENS,
    UNIT_GRAINS,
    UNITS,
    VAGUE_UNIT_LETTERS,
    WEEKDAYS,
    number_value,
)

DayInterval = tuple[dt.date, dt.date]


@dataclass
class Found:
    """One recognised time expression (offsets into the text, end exclusive)."""

    start: int
    end: int
    type: str
    value: str | None
    interval: DayInterval | None = None
    parts: list[Found] = field(default_factory=list)  # the ends of a range, TempEval-style


@dataclass
class Env:
    """What normalisation needs beyond the match: the DCT and checks backed by the parse."""

    dct: dt.date | None
    tense_at: Callable[[int, int], Tense] = lambda start, end: "past"
    is_time_word: Callable[[int, int], bool] = lambda start, end: True
    is_year_number: Callable[[int, int], bool] = lambda start, end: True


Builder = Callable[[re.Match[str], Env], Found | None]

# ---------------------------------------------------------------- regex fragments
SP = r"[ \u00a0]+"
_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Sept|Oct\.|Nov\.|Dec\."
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_NUMWORD = (
    "(?:" + "|".join(TENS) + ")(?:[- ](?:" + "|".join(w for w in ONES if ONES[w] < 10) + "))?"
    "|" + "|".join(sorted(ONES, key=len, reverse=True))
)
_QUANT = (
    r"a couple of|a few|a dozen|dozens of|hundreds of|thousands of|a number of|a hundred|"
    r"one hundred|half an?|several|few|many|some|numerous|an?"
)
NUM = rf"(?:\d+(?:\.\d+)?|(?i:{_NUMWORD})|(?i:{_QUANT}))"
UNIT = (
    r"(?i:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|"
    r"centur(?:y|ie)|millenni(?:um|a))"
)
REL = r"(?i:this past|this|last|next|past|coming|previous|following|current|upcoming|new|same)"
MODP = (
    r"(?P<mod>(?i:(?:early|late|mid|earlier|later)(?:-|" + SP + r")(?:in" + SP + r")?|"
    r"the" + SP + r"(?:start|end|beginning|middle|rest|remainder|turn|first half|second half)"
    + SP + r"of" + SP + r"))?"
)
CLOCK = (
    r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?"
    r"[ ]?(?P<ampm>(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?![a-z]))"
    r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?!\d)"
    r"|(?P<noon>(?i:noon|midnight|midday)))"
    r"(?:[ ]?(?P<tz>GMT|UTC|BST|CET|CEST|[ECMP][SD]?T|JST|KST|IST|local time))?"
)


def month_(name: str) -> str:
    return rf"(?P<{name}>{_MONTH_FULL}|{_MONTH_ABBR})(?![a-z])"


def day_(name: str) -> str:
    return rf"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"


def year_(name: str) -> str:
    return rf"(?<![\d$£€.,])(?P<{name}>1[0-9]\d\d|20\d\d)(?![\d%])"


def weekday_(name: str) -> str:
    return rf"(?P<{name}>{_WEEKDAY})"


RANGE_SEP = rf"(?:[ ]?[-–—][ ]?|{SP}(?:to|through|until|till|and){SP})"


# ---------------------------------------------------------------- value helpers
def granular(grain: str, day: dt.date, mod: str | None = None, dct: dt.date | None = None,
             ) -> tuple[str, DayInterval]:
    """The value of the ``grain`` unit holding ``day`` and its interval narrowed by ``mod``."""
    start, end = cal.bounds(grain, day)
    return cal.render(grain, day), narrow(start, end, mod, dct)


def narrow(start: dt.date, end: dt.date, mod: str | None, dct: dt.date | None) -> DayInterval:
    """Narrow a day interval by a modifier: early/late → a third, earlier/later → cut at DCT."""
    if not mod:
        return start, end
    word = mod.lower().strip(" -").split()[0] if mod.strip(" -") else ""
    if mod.lower().startswith("the"):
        word = mod.lower().split()[1]
    span = (end - start).days
    third = dt.timedelta(days=span // 3)
    if word == "earlier" and dct is not None:
        return start, max(start, min(end, dct))
    if word in ("later", "rest", "remainder") and dct is not None:
        return min(end, max(start, dct)), end
    if word in ("early", "start", "beginning", "first"):
        return start, start + third
    if word in ("late", "end", "second", "turn"):
        return end - third, end
    if word in ("mid", "middle"):
        return start + third, end - third
    return start, end


def month_num(text: str) -> int:
    return MONTHS[text.lower()]


def ymd_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def tense(m: re.Match[str], env: Env) -> Tense:
    """The tense governing a match; prepositions such as "until" point to the future."""
    before = m.string[max(0, m.start() - 12):m.start()].lower()
    if re.search(r"\b(?:until|till|next|coming|upcoming)\s+$", before):
        return "future"
    return env.tense_at(m.start(), m.end())


def found(m: re.Match[str], type_: str, value: str | None,
          interval: DayInterval | None = None, group: str | None = None) -> Found:
    start, end = (m.start(group), m.end(group)) if group else (m.start(), m.end())
    return Found(start, end, type_, value, interval)


# ---------------------------------------------------------------- builders
def build_full_date(m: re.Match[str], env: Env) -> Found | None:
    g = m.groupdict()
    month = month_num(g["m"])
    day = int(g["d"])
    if g.get("y"):
        year = int(g["y"])
    elif env.dct is not None:
        year = cal.nearest_year(env.dct, month, day, tense(m, env))
        if g.get("wd0"):  # "Saturday, April 4": the weekday picks the year
            year = _year_with_weekday(year, month, day, WEEKDAYS[g["wd0"].lower()])
    else:
        return found(m, "DATE", f"XXXX-{month:02d}-{day:02d}")
    date = ymd_or_none(year, month, day)
    if date is None:
        return None
    return found(m, "DATE", date.isoformat(), (date, date))


def _year_with_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """``year`` if the date falls on ``weekday`` there, else an adjacent year where it does."""
    for candidate in (year, year - 1, year + 1):
        date = ymd_or_none(candidate, month, day)
        if date is not None and date.weekday() == weekday:
            return candidate
    return year


def build_numeric_date(m: re.Match[str], env: Env) -> Found | None:
    g = m.groupdict()
    year = int(g["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    date = ymd_or_none(year, int(g["mo"]), int(g["d"]))
    if date is None:
        return None
    return found(m, "DATE", date.isoformat(), (date, date))


def _range_end_date(m: re.Match[str], env: Env, month_group: str, day_group: str,
                    year: int | None, default_month: int | None) -> tuple[int, int, int | None]:
    month = month_num(m.group(month_group)) if m.group(month_group) else default_month
    assert month is not None
    return month, int(m.group(day_group)), year


def build_day_range(m: re.Match[str], env: Env) -> Found | None:
    """"December 23 to December 27", "23-27 December 2024", "Dec. 23-27"."""
    g = m.groupdict()
    m1 = g.get("m1") or g.get("m2")
    m2 = g.get("m2") or g.get("m1")
    assert m1 is not None and m2 is not None
    month1, month2 = month_num(m1), month_num(m2)
    day1, day2 = int(g["d1"]), int(g["d2"])
    year2 = int(g["y2"]) if g.get("y2") else None
    year1 = int(g["y1"]) if g.get("y1") else year2
    if year1 is None and env.dct is not None:
        year1 = cal.nearest_year(env.dct, month1, day1, tense(m, env))
    if year2 is None and year1 is not None:
        year2 = year1 + (1 if month2 < month1 else 0)
    if year1 is None or year2 is None:
        v1, v2 = f"XXXX-{month1:02d}-{day1:02d}", f"XXXX-{month2:02d}-{day2:02d}"
        whole = Found(m.start(), m.end(), "DATE", f"{v1}/{v2}")
        whole.parts = [Found(m.start("d1") if not g.get("m1") else m.start("m1"), m.end("d1"),
                             "DATE", v1), Found(m.start("d2"), m.end(), "DATE", v2)]
        return whole
    first, last = ymd_or_none(year1, month1, day1), ymd_or_none(year2, month2, day2)
    if first is None or last is None or last < first:
        return None
    whole = Found(m.start(), m.end(), "DATE", f"{first.isoformat()}/{last.isoformat()}",
                  (first, last))
    first_start = m.start("m1") if g.get("m1") and m.start("m1") < m.start("d1") else m.start("d1")
    first_end = m.end("y1") if g.get("y1") else m.end("d1")
    if g.get("m1") and m.start("m1") > m.start("d1") and m.end("m1") < m.start("d2"):
        first_end = max(first_end, m.end("m1"))
    whole.parts = [
        Found(first_start, first_end, "DATE", first.isoformat(), (first, first)),
        Found(m.start("d2") if not (g.get("m2") and g.get("m1") and m.start("m2") < m.start("d2"))
              else m.start("m2"), m.end(), "DATE", last.isoformat(), (last, last)),
    ]
    return whole


def build_year_range(m: re.Match[str], env: Env) -> Found | None:
    """"2009-2010", "1957-58", "2009/10"."""
    year1 = int(m.group("y1"))
    tail = m.group("y2")
    year2 = int(tail) if len(tail) == 4 else year1 // 100 * 100 + int(tail)
    if not year1 < year2 <= year1 + 100:
        return None
    first, last = dt.date(year1, 1, 1), dt.date(year2, 12, 31)
    whole = Found(m.start(), m.end(), "DATE", f"{year1}/{year2}", (first, last))
    whole.parts = [
        Found(m.start("y1"), m.end("y1"), "DATE", str(year1), (first, dt.date(year1, 12, 31))),
        Found(m.start("y2"), m.end("y2"), "DATE", str(year2), (dt.date(year2, 1, 1), last)),
    ]
    return whole


def build_month_year(m: re.Match[str], env: Env) -> Found | None:
    date = dt.date(int(m.group("y")), month_num(m.group("m")), 1)
    value, interval = granular("month", date, m.group("mod"), env.dct)
    return found(m, "DATE", value, interval)


def build_month(m: re.Match[str], env: Env) -> Found | None:
    name = m.group("m")
    if not env.is_time_word(m.start("m"), m.end("m")):
        return None
    month = month_num(name)
    rel = (m.group("rel") or "").lower()
    if env.dct is None:
        return found(m, "DATE", f"XXXX-{month:02d}")
    dct = env.dct
    yrel = (m.group("yrel") or "").lower()
    if yrel:  # "June of this year", "August last year"
        year = dct.year + {"last": -1, "next": 1}.get(yrel, 0)
    elif rel in ("last", "past", "previous"):
        year = dct.year if month < dct.month else dct.year - 1
    elif rel in ("next", "coming"):
        year = dct.year if month > dct.month else dct.year + 1
    elif rel == "this":
        year = dct.year
    else:
        year = cal.nearest_year(dct, month, None, tense(m, env))
    value, interval = granular("month", dt.date(year, month, 1), m.group("mod"), dct)
    return found(m, "DATE", value, interval)


def build_year(m: re.Match[str], env: Env) -> Found | None:
    if not m.group("mod") and not m.group("pre") and not env.is_year_number(
            m.start("y"), m.end("y")):
        return None
    year = int(m.group("y"))
    value, interval = granular("year", dt.date(year, 1, 1), m.group("mod"), env.dct)
    return found(m, "DATE", value, interval)


def build_decade(m: re.Match[str], env: Env) -> Found | None:
    digits = m.group("dec")
    if len(digits) == 2:  # '90s: the century closest before the DCT
        base = (env.dct.year if env.dct else 2000) // 100 * 100
        year = base + int(digits)
        if env.dct and year > env.dct.year:
            year -= 100
    else:
        year = int(digits)
    value, interval = granular("decade", dt.date(year, 1, 1), m.group("mod"), env.dct)
    return found(m, "DATE", value, interval)


def build_century(m: re.Match[str], env: Env) -> Found | None:
    word = m.group("ord").lower()
    number = int(re.sub(r"\D", "", word)) if word[0].isdigit() else ORDINALS.get(word, 0)
    if not 1 <= number <= 21:
        return None
    year = max((number - 1) * 100, 1)
    value, interval = granular("century", dt.date(year, 1, 1), m.group("mod"), env.dct)
    return found(m, "DATE", value, interval)


def _relative_year(m: re.Match[str], env: Env) -> int | None:
    text = (m.group("qy") or "").lower()
    if m.group("y"):
        return int(m.group("y"))
    if env.dct is None:
        return None
    if "last" in text or "previous" in text:
        return env.dct.year - 1
    if "next" in text:
        return env.dct.year + 1
    return env.dct.year


def build_quarter(m: re.Match[str], env: Env) -> Found | None:
    word = (m.group("q") or m.group("qo")).lower()
    number = int(word[1]) if word.startswith("q") else ORDINALS.get(word) or int(word[0])
    half = (m.group("qu") or "").lower() == "half"
    if (half and number > 2) or number > 4:
        return None
    year = _relative_year(m, env)
    if year is None:
        return found(m, "DATE", f"XXXX-{'H' if half else 'Q'}{number}")
    if not m.group("y") and not m.group("qy") and env.dct is not None:
        current = (env.dct.month - 1) // (6 if half else 3) + 1
        if tense(m, env) == "past" and number > current:
            year -= 1
    month = (number - 1) * (6 if half else 3) + 1
    value, interval = granular("half" if half else "quarter", dt.date(year, month, 1),
                               m.group("mod"), env.dct)
    return found(m, "DATE", value, interval)


def build_season(m: re.Match[str], env: Env) -> Found | None:
    code = SEASONS[m.group("season").lower()]
    rel = (m.group("rel") or "").lower()
    if not rel and not m.group("y") and not m.group("mod"):
        return None
    if m.group("y"):
        year = int(m.group("y"))
    elif env.dct is None:
        return found(m, "DATE", f"XXXX-{code}")
    else:
        dct_year, dct_code = cal.season_of(env.dct)
        order = cal.SEASONS.index
        here = dct_year * 4 + order(dct_code)
        same_year = dct_year * 4 + order(code)
        if rel in ("last", "past", "previous"):
            target = same_year if same_year < here else same_year - 4
        elif rel in ("next", "coming"):
            target = same_year if same_year > here else same_year + 4
        elif rel == "this":
            target = same_year
        else:
            past = tense(m, env) == "past"
            target = same_year - 4 if past and same_year > here else same_year
        year = target // 4
    value, interval = granular("season", cal.season_date(year, code), m.group("mod"), env.dct)
    return found(m, "DATE", value, interval)


def _unit_offset(rel: str, dct: dt.date) -> int:
    if rel in ("last", "past", "previous", "this past"):
        return -1
    if rel in ("next", "coming", "following", "upcoming"):
        return 1
    if rel == "new":  # "the new year": the next one near its turn, else the current
        return 1 if dct.month >= 10 else 0
    return 0


def build_relative_unit(m: re.Match[str], env: Env) -> Found | None:
    """"last week", "the coming year", "earlier this year", "the year's", "this fiscal year"."""
    unit = re.sub(r"\s+", " ", m.group("unit").lower())
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    grain = UNIT_GRAINS[unit]
    mod = m.group("mod")
    if rel == "new" and grain != "year":
        return None
    if rel == "past" and m.group("det") and not mod:  # "the past year": a duration
        unit_spec = UNITS.get(unit.split()[-1])
        if unit_spec is None:
            return None
        return found(m, "DURATION", duration_value(1, unit.split()[-1]),
                     _duration_interval(env.dct, unit.split()[-1], 1, -1))
    if env.dct is None:
        return found(m, "DATE", _UNDERSPECIFIED.get(rel, "PRESENT_REF"))
    day = cal.shift(env.dct, grain, _unit_offset(rel, env.dct))
    # "by the end of year" in the first months, in the past tense: the year just ended
    if (not rel and mod and mod.lower().startswith("the end") and grain == "year"
            and env.dct.month <= 3 and tense(m, env) == "past"):
        day = cal.shift(env.dct, "year", -1)
    value, interval = granular(grain, day, mod, env.dct)
    return found(m, "DATE", value, interval)


_UNDERSPECIFIED = {"last": "PAST_REF", "past": "PAST_REF", "previous": "PAST_REF",
                   "next": "FUTURE_REF", "coming": "FUTURE_REF", "upcoming": "FUTURE_REF",
                   "new": "FUTURE_REF"}


def duration_value(amount: float | None, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    unit = {"centurie": "century", "millennia": "millennium"}.get(unit, unit)
    is_time, letter, factor = UNITS[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{VAGUE_UNIT_LETTERS.get(unit, letter)}"
    total = amount * factor
    number = str(int(total)) if total == int(total) else f"{total:g}"
    return f"{prefix}{number}{letter}"


def _duration_interval(dct: dt.date | None, unit: str, amount: float | None,
                       direction: int) -> DayInterval | None:
    """Days covered by "the past N units" (direction -1) or "the next N units" (+1)."""
    if dct is None or direction == 0:
        return None
    unit = unit.lower().rstrip("s")
    unit = {"centurie": "century", "millennia": "millennium"}.get(unit, unit)
    is_time, letter, factor = UNITS[unit]
    if is_time:
        return dct, dct
    # A vague amount ("recent months") is taken as three units.
    count = round((amount if amount is not None else 3) * factor)
    days = {"D": 1, "W": 7}.get(letter)
    if days:
        other = dct + dt.timedelta(days=direction * days * count)
    else:
        months = count * (12 if letter == "Y" else 1)
        other = cal.add_months(dct, direction * months)
    return (other, dct) if direction < 0 else (dct, other)


def build_duration(m: re.Match[str], env: Env) -> Found | None:
    num = m.group("num")
    unit = m.group("unit").lower()
    amount = number_value(num)
    if num.lower() in ("a", "an") and unit.startswith("second"):
        return None  # "a second round"
    if unit.startswith("quarter") and re.match(r"\s+of\b", m.string[m.end():m.end() + 4]):
        return None  # "a quarter of the staff": a fraction
    if num.lower() in ("some", "many") and not unit.endswith("s"):
        return None  # "some day", "many a year"
    if amount is not None and m.group("half"):
        amount += 0.5
    det = (m.group("det") or "").lower()
    direction = -1 if re.search(r"past|last|previous", det) else (
        1 if re.search(r"next|coming|following", det) else 0)
    return found(m, "DURATION", duration_value(amount, unit),
                 _duration_interval(env.dct, unit, amount, direction))


def build_vague_plural(m: re.Match[str], env: Env) -> Found | None:
    """"recent months", "the last few days", "for years"."""
    unit = m.group("unit").lower()
    det = (m.group("det") or "").lower()
    direction = 1 if re.search(r"next|coming", det) else -1 if det else 0
    return found(m, "DURATION", duration_value(None, unit),
                 _duration_interval(env.dct, unit, None, direction), group="span")


def build_ago(m: re.Match[str], env: Env) -> Found | None:
    unit = m.group("unit").lower().rstrip("s")
    unit = {"centurie": "century"}.get(unit, unit)
    amount = number_value(m.group("num"))
    if unit not in UNIT_GRAINS or unit in ("quarter",):
        return None
    forward = m.group("dir").lower() != "ago"
    if env.dct is None or amount is None or amount != int(amount):
        return found(m, "DATE", "FUTURE_REF" if forward else "PAST_REF")
    grain = UNIT_GRAINS[unit]
    day = cal.shift(env.dct, grain, int(amount) * (1 if forward else -1))
    value, interval = granular(grain, day)
    return found(m, "DATE", value, interval)


def build_set_word(m: re.Match[str], env: Env) -> Found | None:
    return found(m, "SET", SET_WORDS[m.group(0).lower()])


def build_every(m: re.Match[str], env: Env) -> Found | None:
    if m.group("wd"):
        return found(m, "SET", f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()] + 1}")
    unit = m.group("unit").lower()
    amount = number_value(m.group("num")) if m.group("num") else 1
    if m.group("other"):
        amount = 2
    return found(m, "SET", duration_value(amount or 1, unit))


def build_weekday_plural(m: re.Match[str], env: Env) -> Found | None:
    return found(m, "SET", f"XXXX-WXX-{WEEKDAYS[m.group('wd').lower()] + 1}")


def _clock_suffix(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if g.get("noon"):
        return "T12:00" if g["noon"].lower() in ("noon", "midday") else "T24:00"
    hour_text = g.get("h") or g.get("h2")
    if hour_text is None:
        return None
    hour = int(hour_text)
    minute = int(g.get("mi") or g.get("mi2") or 0)
    ampm = (g.get("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if not g.get("ampm") and not g.get("tz") and not g.get("wd") and not g.get("dayword"):
        # a bare "12:30" is a clock time; "3.5" is not (only colon forms reach here)
        pass
    return f"T{hour:02d}:{minute:02d}"


def _day_of(m: re.Match[str], env: Env) -> tuple[str, dt.date | None]:
    """The day a clock time or part of day belongs to: a weekday, a day word or the DCT."""
    g = m.groupdict()
    rel = (g.get("rel") or "").lower() or None
    if g.get("wd"):
        weekday = WEEKDAYS[g["wd"].lower()]
        if env.dct is None:
            return f"XXXX-WXX-{weekday + 1}", None
        day = cal.weekday_date(env.dct, weekday, tense(m, env), rel)
        return day.isoformat(), day
    word = (g.get("dayword") or "today").lower()
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word.split()[0], 0)
    if env.dct is None:
        return {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[offset], None
    day = env.dct + dt.timedelta(days=offset)
    return day.isoformat(), day


def build_clock(m: re.Match[str], env: Env) -> Found | None:
    suffix = _clock_suffix(m)
    if suffix is None:
        return None
    day_value, day = _day_of(m, env)
    if day is None and not m.group("wd") and not m.group("dayword"):
        return found(m, "TIME", "XXXX-XX-XX" + suffix)
    value = (day_value if day is not None or m.group("wd") else "XXXX-XX-XX") + suffix
    return found(m, "TIME", value, (day, day) if day else None)


def build_weekday(m: re.Match[str], env: Env) -> Found | None:
    day_value, day = _day_of(m, env)
    pod = m.group("pod")
    if pod:
        return found(m, "TIME", day_value + "T" + PARTS_OF_DAY[pod.lower()], (day, day) if day
                     else None)
    return found(m, "DATE", day_value, (day, day) if day else None)


_DAY_WORDS: dict[str, tuple[str, int | str]] = {
    # word → (type, day offset from the DCT or a reference value)
    "today": ("DATE", 0), "yesterday": ("DATE", -1), "tomorrow": ("DATE", 1),
    "tonight": ("TIME", 0), "now": ("DATE", "PRESENT_REF"), "currently": ("DATE", "PRESENT_REF"),
    "right now": ("DATE", "PRESENT_REF"), "nowadays": ("DATE", "PRESENT_REF"),
    "these days": ("DATE", "PRESENT_REF"), "at present": ("DATE", "PRESENT_REF"),
    "the present": ("DATE", "PRESENT_REF"), "recently": ("DATE", "PAST_REF"),
    "the past": ("DATE", "PAST_REF"), "the future": ("DATE", "FUTURE_REF"),
    "last night": ("TIME", -1), "overnight": ("TIME", -1),
}  # fmt: skip


def build_day_word(m: re.Match[str], env: Env) -> Found | None:
    word = re.sub(r"\s+", " ", m.group("word").lower())
    pod = (m.group("pod") or "").lower()
    kind, ref = _DAY_WORDS.get(word, ("TIME", 0))
    if word in ("this morning", "this afternoon", "this evening"):
        pod = word.split()[1]
    if isinstance(ref, str):
        return found(m, kind, ref)
    if env.dct is None:
        return found(m, kind, {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[ref])
    day = env.dct + dt.timedelta(days=ref)
    if word in ("tonight", "last night", "overnight"):
        pod = "night"
    if pod:
        return found(m, "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[pod]}", (day, day))
    return found(m, "DATE", day.isoformat(), (day, day))


# ---------------------------------------------------------------- rules
@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    build: Builder
    priority: int = 0  # breaks ties between equally long matches (higher wins)
    # Lower-case strings one of which every match contains ("century" for the century rule):
    # a line holding none of them cannot match, so the regex is not run over it. Empty: run
    # everywhere. Set from _NEEDS; tests/extract/test_times_prefilter.py checks each list.
    needs: tuple[str, ...] = ()


def _rule(name: str, pattern: str, build: Builder, priority: int = 0) -> Rule:
    return Rule(name, re.compile(pattern), build, priority)


B = r"(?<![\w-])"  # a word starts here
E = r"(?![\w])"  # a word ends here
WDP = rf"(?:{weekday_('wd0')},?{SP})?"  # "Friday, January 4, 2019": the weekday is kept
DAYWORD = (
    r"(?P<dayword>(?i:today|tomorrow|yesterday|tonight|this morning|this afternoon|"
    r"this evening|last night))"
)
POD = r"(?i:morning|afternoon|evening|night)"

# what the rules' matches must contain (see Rule.needs)
MONTH_NEEDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
UNIT_NEEDS = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month",
              "quarter", "year", "decade", "centur", "millenni")  # fmt: skip
CLOCK_NEEDS = ("am", "pm", "a.m", "p.m", ":", "noon", "midnight", "midday")

_RULES: tuple[Rule, ...] = (
    _rule("day_range",
          rf"{B}{month_('m1')}{SP}{day_('d1')}(?:,?{SP}{year_('y1')})?{RANGE_SEP}"
          rf"(?:{month_('m2')}{SP})?{day_('d2')}(?:,?{SP}{year_('y2')})?", build_day_range, 3),
    _rule("day_range_dmy",
          rf"{B}{day_('d1')}(?:{SP}{month_('m1')})?{RANGE_SEP}{day_('d2')}{SP}{month_('m2')}"
          rf"(?:,?{SP}{year_('y2')})?", build_day_range, 3),
    _rule("year_range", rf"{year_('y1')}[ ]?[-–—/][ ]?(?P<y2>(?:1[0-9]|20)?\d\d)(?![\d%])",
          build_year_range, 2),
    _rule("full_date_mdy",
          rf"{B}{WDP}{month_('m')}{SP}{day_('d')}(?:,?{SP}{year_('y')})?", build_full_date, 2),
    _rule("full_date_dmy",
          rf"{B}{WDP}(?:(?i:the){SP})?{day_('d')}{SP}(?:of{SP})?{month_('m')}"
          rf"(?:,?{SP}{year_('y')})?", build_full_date, 2),
    _rule("iso_date", rf"{year_('y')}-(?P<d0>(?P<mo>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01]))(?!\d)",
          build_numeric_date, 2),
    _rule("us_date", r"(?<![\d/])(?P<mo>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/"
          r"(?P<y>(?:19|20)?\d\d)(?![\d/])", build_numeric_date, 2),
    _rule("month_year", rf"{B}{MODP}{month_('m')},?{SP}(?:of{SP})?{year_('y')}",
          build_month_year, 1),
    _rule("month", rf"{B}{MODP}(?:(?P<rel>(?i:last|this|next|past|coming)){SP})?{month_('m')}"
          rf"(?:(?:{SP}of)?{SP}(?P<yrel>(?i:this|last|next)){SP}(?i:year))?",
          build_month),
    _rule("year", rf"{B}{MODP}(?P<pre>(?i:the year|fiscal|fiscal year){SP}|FY[ ]?)?{year_('y')}",
          build_year),
    _rule("decade",
          rf"{B}{MODP}(?:(?i:the){SP})?(?:(?P<dec>(?:1[0-9]|20)\d0)|'(?P<dec2>\d0))'?s{E}",
          lambda m, env: build_decade(_merge_decade(m), env) if m.group("dec2") else
          build_decade(m, env)),
    _rule("century", rf"{B}{MODP}(?:(?i:the){SP})?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|"
          rf"(?i:{'|'.join(sorted(ORDINALS, key=len, reverse=True))}))[- ](?i:century){E}",
          build_century),
    _rule("quarter",
          rf"{B}{MODP}(?:(?P<q>Q[1-4])|(?:(?i:the){SP})?(?P<qo>(?i:first|second|third|fourth|"
          rf"1st|2nd|3rd|4th))[ -](?P<qu>(?i:quarter|half)))"
          rf"(?:(?:,?{SP}|{SP}of{SP}){year_('y')}|{SP}(?i:of){SP}(?P<qy>(?i:this|last|next|the)"
          rf"{SP}year))?{E}", build_quarter),
    _rule("season",
          rf"{B}{MODP}(?:(?P<rel>(?i:this|last|next|past|coming|the)){SP})?"
          rf"(?P<season>(?i:spring|summer|autumn|winter)|[Ff]all(?={SP}(?:of{SP})?\d))"
          rf"(?:(?:{SP}of)?{SP}{year_('y')})?{E}", build_season),
    _rule("relative_unit",
          rf"{B}{MODP}(?P<det>(?i:the){SP})?(?P<rel>{REL}){SP}"
          rf"(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|fiscal{SP}year|"
          rf"financial{SP}year))(?!\w|-old|-long)", build_relative_unit, 1),
    _rule("the_unit",
          rf"{B}{MODP}(?:(?P<det>(?i:the){SP})|(?<=of ))(?P<rel>)(?P<unit>(?i:week|month|year))"
          rf"(?!\w|-)(?!{SP}(?:of|before|after|earlier|later|when|in which|that|ago|to)\b)",
          build_relative_unit),
    _rule("ago",
          rf"{B}(?P<num>{NUM}){SP}(?P<unit>{UNIT})s?{SP}(?P<dir>(?i:ago|from now|hence)){E}",
          build_ago, 2),
    _rule("duration",
          rf"{B}(?P<det>(?i:the){SP}(?:(?i:past|last|next|previous|coming|first|final|"
          rf"following|latest|initial){SP})?|(?i:a mere){SP})?(?P<num>{NUM})"
          rf"(?P<half>(?i:[- ]and[- ]a[- ]half))?[- ](?:(?i:more|additional|full|long|straight|"
          rf"consecutive|whole|extra|further){SP})?(?P<unit>{UNIT})s?(?!\w|-old|-year-old)",
          build_duration),
    _rule("vague_plural",
          rf"{B}(?P<span>(?P<det>(?i:(?:the{SP})?(?:recent|past|coming|next|last)"
          rf"(?:{SP}(?:few|several|many))?{SP}))"
          rf"(?P<unit>(?i:years|months|weeks|days|decades|hours|centuries)))(?!\w)",
          build_vague_plural),
    _rule("for_plural",
          r"(?:(?<=[Ff]or )|(?<=[Oo]ver ))(?P<span>(?P<det>)(?P<unit>(?i:years|months|weeks|"
          r"decades|centuries)))(?![\w-])", build_vague_plural),
    _rule("set_word", rf"{B}(?:{'|'.join(SET_WORDS)}){E}", build_set_word),
    _rule("every",
          rf"{B}(?i:every|each|per|(?:once|twice|\w+{SP}times){SP}(?:a|an|per|each|every))"
          rf"{SP}(?:(?P<other>(?i:other)){SP})?(?:(?P<num>{NUM}){SP})?"
          rf"(?:(?P<unit>{UNIT})s?|{weekday_('wd')}){E}", build_every, 1),
    _rule("weekday_plural", rf"{B}(?P<wd>{_WEEKDAY})s{E}", build_weekday_plural),
    _rule("clock",
          rf"{B}(?:(?:(?P<rel>(?i:last|this|next|coming)){SP})?{weekday_('wd')}(?:,?{SP}(?i:at)"
          rf"{SP}|{SP})|{DAYWORD}{SP}(?i:at){SP})?{CLOCK}"
          rf"(?:(?:{SP}(?i:on))?{SP}(?:(?P<rel2>(?i:last|this|next)){SP})?{weekday_('wd2')})?",
          lambda m, env: build_clock(_merge_clock(m), env), 2),
    _rule("weekday",
          rf"{B}(?:(?P<rel>(?i:last|this|next|past|coming)){SP})?{weekday_('wd')}"
          rf"(?:{SP}(?P<pod>{POD}))?{E}", build_weekday, 1),
    _rule("day_word",
          rf"{B}(?P<word>(?i:today|tonight|yesterday|tomorrow|right now|now|currently|nowadays|"
          rf"these days|at present|the present|recently|the past|the future|last night|"
          rf"overnight|this morning|this afternoon|this evening))"
          rf"(?:{SP}(?P<pod>(?i:morning|afternoon|evening|night)))?(?![\w-])", build_day_word),
)


_NEEDS: dict[str, tuple[str, ...]] = {
    "day_range": MONTH_NEEDS, "day_range_dmy": MONTH_NEEDS, "full_date_mdy": MONTH_NEEDS,
    "full_date_dmy": MONTH_NEEDS, "month_year": MONTH_NEEDS, "month": MONTH_NEEDS,
    "iso_date": ("-",), "us_date": ("/",),
    "decade": ("0s", "0's"), "century": ("century",),
    "quarter": ("q1", "q2", "q3", "q4", "quarter", "half"),
    "season": ("spring", "summer", "autumn", "winter", "fall"),
    "relative_unit": ("week", "month", "year", "quarter", "decade", "century"),
    "the_unit": ("week", "month", "year"),
    "ago": ("ago", "from", "hence"), "duration": UNIT_NEEDS,
    "vague_plural": ("years", "months", "weeks", "days", "decades", "hours", "centuries"),
    "for_plural": ("years", "months", "weeks", "decades", "centuries"),
    "set_word": tuple(SET_WORDS), "every": ("every", "each", "per", "once", "twice", "times"),
    "weekday_plural": ("days",), "clock": CLOCK_NEEDS, "weekday": ("day",),
    "day_word": ("today", "tonight", "yesterday", "tomorrow", "now", "currently", "days",
                 "present", "recently", "past", "future", "night", "morning", "afternoon",
                 "evening"),
}  # fmt: skip
RULES: tuple[Rule, ...] = tuple(replace(r, needs=_NEEDS.get(r.name, ())) for r in _RULES)


class _MergedMatch:
    """A view of a match with one group renamed (so builders read a single name)."""

    def __init__(self, m: re.Match[str], renames: dict[str, str]) -> None:
        self._m = m
        self._renames = renames
        self.string = m.string

    def _name(self, name: str | int) -> str | int:
        if isinstance(name, str) and name in self._renames and self._m.group(name) is None:
            return self._renames[name]
        return name

    def group(self, name: str | int = 0) -> str | None:
        return self._m.group(self._name(name))

    def start(self, name: str | int = 0) -> int:
        return self._m.start(self._name(name))

    def end(self, name: str | int = 0) -> int:
        return self._m.end(self._name(name))

    def groupdict(self) -> dict[str, str | None]:
        g = self._m.groupdict()
        for new, old in self._renames.items():
            if g.get(new) is None:
                g[new] = g.get(old)
        return g


def _merge_clock(m: re.Match[str]) -> re.Match[str]:
    return _MergedMatch(m, {"wd": "wd2", "rel": "rel2"})  # type: ignore[return-value]


def _merge_decade(m: re.Match[str]) -> re.Match[str]:
    return _MergedMatch(m, {"dec": "dec2"})  # type: ignore[return-value]


_ALL_NEEDS = tuple(sorted({need for rule in RULES for need in rule.needs}))


def _lines(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, the needs it holds) of each non-empty line: no rule matches across a
    line break."""
    out: list[tuple[int, int, frozenset[str]]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line:
            low = line.lower()
            out.append((start, end, frozenset(n for n in _ALL_NEEDS if n in low)))
        start = end + 1
    return out


def find_times(text: str, env: Env, *, prefilter: bool = True) -> list[Found]:
    """Every time expression in ``text``: the longest non-overlapping rule matches, in order.

    With ``prefilter`` (the default) a rule runs only over the lines holding one of its
    ``needs``; the result is the same as running every rule over the whole text.
    """
    candidates: list[tuple[int, int, int, re.Match[str], Rule]] = []
    lines = _lines(text) if prefilter else []
    for rule in RULES:
        if not (prefilter and rule.needs):
            matches = list(rule.regex.finditer(text))
        else:
            matches = [
                m
                for start, end, present in lines
                if not present.isdisjoint(rule.needs)
                for m in rule.regex.finditer(text, start, end)
            ]
        for m in matches:
            if m.end() > m.start():
                candidates.append((m.end() - m.start(), rule.priority, m.start(), m, rule))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2]))
    taken: list[tuple[int, int]] = []
    results: list[Found] = []
    for _, _, _, m, rule in candidates:
        if any(m.start() < end and start < m.end() for start, end in taken):
            continue
        item = rule.build(m, env)
        if item is None:
            continue
        if any(item.start < end and start < item.end for start, end in taken):
            continue
        taken.append((m.start(), m.end()))
        results.append(item)
    results.sort(key=lambda f: f.start)
    return results
