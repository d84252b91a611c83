"""Words of the time grammar: month, weekday, season and unit names, number words.

Small closed-class tables (English function words of the calendar), kept beside the grammar
because the regexes are generated from them.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9,
    "sept.": 9, "sept": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}  # fmt: skip

# Month names that are also common words or first names: need spaCy's confirmation when alone.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "june", "april", "august"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
}  # fmt: skip

# Duration units → (time part?, TIMEX3 letter, multiplier); vague plural value letters.
UNITS: dict[str, tuple[bool, str, int]] = {
    "second": (True, "S", 1), "minute": (True, "M", 1), "hour": (True, "H", 1),
    "day": (False, "D", 1), "night": (False, "D", 1), "week": (False, "W", 1),
    "fortnight": (False, "W", 2), "month": (False, "M", 1), "quarter": (False, "M", 3),
    "year": (False, "Y", 1), "decade": (False, "Y", 10), "century": (False, "Y", 100),
    "millennium": (False, "Y", 1000),
}  # fmt: skip
VAGUE_UNIT_LETTERS: dict[str, str] = {"decade": "DE", "century": "CE", "millennium": "ML"}

# Calendar unit → grain of a DATE value ("last week" → week).
UNIT_GRAINS: dict[str, str] = {
    "day": "day", "week": "week", "weekend": "weekend", "month": "month", "quarter": "quarter",
    "year": "year", "decade": "decade", "century": "century", "fiscal year": "year",
    "financial year": "year",
}  # fmt: skip

# Frequency adjectives/adverbs → SET values.
SET_WORDS: dict[str, str] = {
    "annual": "P1Y", "annually": "P1Y", "yearly": "P1Y", "daily": "P1D", "weekly": "P1W",
    "monthly": "P1M", "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D",
    "biannual": "P6M", "semiannual": "P6M", "semi-annual": "P6M", "biweekly": "P2W",
    "bi-weekly": "P2W", "fortnightly": "P2W",
}  # fmt: skip

ONES: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
# Quantifiers that make a duration vague (PXY) or fixed ("a couple of" → 2).
VAGUE_QUANTIFIERS = frozenset({
    "a few", "few", "several", "many", "some", "dozens of", "hundreds of", "thousands of",
    "a number of", "numerous", "countless", "recent", "the past few", "the last few",
})  # fmt: skip
FIXED_QUANTIFIERS: dict[str, float] = {
    "a": 1, "an": 1, "a couple of": 2, "a dozen": 12, "a hundred": 100, "one hundred": 100,
    "half a": 0.5, "half an": 0.5,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip


def number_value(text: str) -> float | None:
    """The value of a number written in digits or words; None when vague ("several")."""
    words = text.lower().replace(",", "").strip()
    if words in FIXED_QUANTIFIERS:
        return FIXED_QUANTIFIERS[words]
    if words in VAGUE_QUANTIFIERS:
        return None
    try:
        return float(words)
    except ValueError:
        pass
    total = 0
    for part in words.replace("-", " ").split():
        if part in ONES:
            total += ONES[part]
        elif part in TENS:
            total += TENS[part]
        elif part == "hundred":
            total = max(total, 1) * 100
        elif part == "and":
            continue
        else:
            return None
    return float(total) if total else None
