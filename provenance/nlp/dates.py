"""Date expressions resolved against the publication date.

Explicit dates ("May 7, 2025", "04.12.2018", "2025-05-07"), months and years ("in April",
"in 2021"), weekdays ("on Friday", "late Monday") and relative phrases ("last month",
"earlier this year", "yesterday"). Past tense looks back from the publication date, future
tense ("will meet on Wednesday") looks forward.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from provenance.domain import DateMention
from provenance.nlp.lexicon import MONTHS, WEEKDAYS

_MONTH_ALT = "|".join(m.capitalize() for m in MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep" \
    r"|Oct|Nov|Dec"
_WEEKDAY_ALT = "|".join(w.capitalize() for w in WEEKDAYS)
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_FUTURE = re.compile(r"\b(?:will|would|is set to|are set to|plans? to|is due to|next|to be held"
                     r"|is expected|are expected|expects?|upcoming|(?:un)?likely to)\b",
                     re.IGNORECASE)
# An expectation told in the past ("results were expected on Wednesday") may point either
# way from the publication date: its weekday is the one nearest to it.
_BACKSHIFTED = re.compile(r"\b(?:was|were)\s+(?:expected|due|scheduled|set|planned)\b",
                          re.IGNORECASE)
# A start that is still to come in a sentence told in the present or future: "payments
# start from Thursday", "the road is closed from Monday" (not "rain fell from Monday").
_FROM = re.compile(r"\b(?:from|starting|beginning)\s+(?:next\s+)?$", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:is|are|will|remains?|starts?|begins?|resumes?|opens?|closes?"
                      r"|runs?|applies|apply|takes? effect)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:was|were|had|did)\b|(?<!\bis )(?<!\bare )(?<!\bbe )\b\w{3,}ed\b",
                   re.IGNORECASE)
_TARGET = re.compile(r"\b(?:by|until|till|before|through|to)\s+(?:the\s+end\s+of\s+)?$",
                     re.IGNORECASE)
# What a date only looks back to: "the highest since records began in 1921", "since 2014".
_BACKGROUND = re.compile(r"\b(?:since|(?:began|started|founded|built|established)\s+in)\s+"
                         r"(?:(?:early|late|mid-?)\s+)?$", re.IGNORECASE)
_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [  # kind, what it needs, pattern
    ("iso", "digit", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("dotted", "digit", re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)\b")),
    ("mdy", "month", re.compile(rf"\b(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
                                rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("dmy", "month", re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_ALT})\.?"
                                rf"(?:\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("month", "month", re.compile(
        rf"\b(?i:in|since|by|until|last|this|next|early|late|mid-?)\s+"
        rf"(?P<mon>{_MONTH_ALT})\b(?:\s+(?P<y>(?:19|20)\d\d))?")),
    ("weekday", "weekday", re.compile(rf"\b(?P<wd>{_WEEKDAY_ALT})\b")),
    ("relative", "relative", re.compile(
        r"\b(?P<rel>yesterday|today|tomorrow|last (?:week|month|year)|next (?:week|month|year)"
        r"|(?:earlier|later) this (?:week|month|year)|this (?:week|month|year)"
        r"|(?:over )?the past year)\b", re.IGNORECASE)),
    ("year", "digit", re.compile(r"\b(?P<y>(?:19|20)\d\d)\b")),
]


# What each pattern above needs to match at all (a digit, or a month, weekday or relative
# word): most claims name no date, and one scan says so before eight patterns do.
_DIGIT = re.compile(r"\d")
_NEEDED_WORD = re.compile(
    rf"\b(?:(?P<month>{_MONTH_ALT})|(?P<weekday>{_WEEKDAY_ALT})"
    r"|(?P<relative>(?i:yesterday|today|tomorrow|week|month|year)))\b")


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in ``text``, resolved where ``published`` allows."""
    present = {m.lastgroup for m in _NEEDED_WORD.finditer(text)} | (
        {"digit"} if _DIGIT.search(text) else set())
    if not present:
        return []
    future = bool(_FUTURE.search(text))
    nearest = not future and bool(_BACKSHIFTED.search(text))
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, DateMention]] = []
    for kind, need, pattern in _PATTERNS:
        for m in pattern.finditer(text) if need in present else ():
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            before = text[max(0, m.start() - 24):m.start()]
            ahead = future or (bool(_FROM.search(before)) and bool(_PRESENT.search(text))
                               and not _PAST.search(text[:m.start()]))
            value = _nearest_weekday(m, published) if nearest and kind == "weekday" \
                else _resolve(kind, m, published, ahead)
            if value is None:
                continue
            taken.append(m.span())
            relative = kind in ("weekday", "relative") or (kind in ("month", "mdy", "dmy")
                                                           and not m.groupdict().get("y"))
            target = bool(_TARGET.search(before[-12:]) or _BACKGROUND.search(before))
            found.append((m.start(), DateMention(m.group(0), value, relative, target)))
    return [d for _, d in sorted(found, key=lambda pair: pair[0])]


def event_date(dates: list[DateMention]) -> str | None:
    """The date a claim is about: of the dates it names that are no deadline or background,
    the most precise ("built after the 2014 flood, overtopped on Monday" -> the Monday),
    the first among equals."""
    events = [d for d in dates if not d.target]
    return min(events, key=lambda d: -len(d.value)).value if events else None


def _resolve(kind: str, m: re.Match[str], pub: date | None, future: bool) -> str | None:
    g = m.groupdict()
    if kind in ("iso", "dotted"):
        return _iso(int(g["y"]), int(g["m"]), int(g["d"]))
    if kind in ("mdy", "dmy", "month"):
        month = _MONTH_ABBR[g["mon"][:4].lower() if g["mon"].lower().startswith("sept")
                            else g["mon"][:3].lower()]
        if kind != "month" and not g.get("y"):
            return _closest_day(month, int(g["d"]), pub)
        year = int(g["y"]) if g.get("y") else _year_for(month, pub, future, m.group(0))
        if year is None:
            return None
        if kind == "month":
            return f"{year:04d}-{month:02d}"
        return _iso(year, month, int(g["d"]))
    if kind == "weekday":
        return _weekday(WEEKDAYS.index(g["wd"].lower()), pub, future)
    if kind == "relative":
        return _relative(g["rel"].lower(), pub)
    return g["y"]


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _closest_day(month: int, day: int, pub: date | None) -> str | None:
    """"May 9" in an article: the May 9 nearest its publication date."""
    if pub is None:
        return None
    options = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _iso(y, month, day))]
    return min(options, key=lambda d: abs(date.fromisoformat(d) - pub), default=None)


def _year_for(month: int, pub: date | None, future: bool, phrase: str) -> int | None:
    if pub is None:
        return None
    if phrase.lower().startswith("next") or (future and month > pub.month):
        return pub.year
    if phrase.lower().startswith("next") or future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _weekday(target: int, pub: date | None, future: bool) -> str | None:
    if pub is None:
        return None
    if future:
        return _days_after(pub, (target - pub.weekday()) % 7)
    return _days_after(pub, -((pub.weekday() - target) % 7))


def _nearest_weekday(m: re.Match[str], pub: date | None) -> str | None:
    """The weekday named by ``m`` nearest to ``pub``, three days either way."""
    if pub is None:
        return None
    ahead = (WEEKDAYS.index(m.group("wd").lower()) - pub.weekday()) % 7
    return _days_after(pub, ahead if ahead <= 3 else ahead - 7)


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _days_after(pub: date, days: int) -> str | None:
    """``pub`` moved by ``days``, or None past the calendar's ends (year 1 and 9999)."""
    try:
        return (pub + timedelta(days=days)).isoformat()
    except OverflowError:
        return None


def _relative(rel: str, pub: date | None) -> str | None:
    if pub is None:
        return None
    if rel in ("yesterday", "today", "tomorrow"):
        return _days_after(pub, {"yesterday": -1, "today": 0, "tomorrow": 1}[rel])
    if rel.endswith("week"):  # a week, not a day of it: "2026-W43"
        day = _days_after(pub, {"last": -7, "next": 7}.get(rel.split()[0], 0))
        return _iso_week(date.fromisoformat(day)) if day else None
    if rel.endswith("month"):
        shift = {"last": -1, "next": 1}.get(rel.split()[0], 0)
        month_index = pub.year * 12 + pub.month - 1 + shift
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
    shift = {"last": -1, "next": 1}.get(rel.split()[0], 0)
    if "past year" in rel:
        shift = 0
    return f"{pub.year + shift:04d}"
