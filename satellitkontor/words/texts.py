"""Words made from facts: dates, labels, audit actions and the one sentence of an error.

The domain raises typed errors with a code and facts; :func:`describe` turns one into a sentence a
receptionist understands, in the language asked for, from the catalogue (words/sv.py, words/en.py).
The GUI uses Qt's translation system for its own labels and calls :func:`describe` for errors, so
an error reads the same everywhere.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from satellitkontor.domain import clock as clk
from satellitkontor.words import DEFAULT, say, table

if TYPE_CHECKING:
    from satellitkontor.domain.errors import SatellitkontorError
    from satellitkontor.domain.office_calendar import ClosedReason

_AUDIT = "audit.action."
#: The audit trail's actions this version has words for, in the catalogue's order.
AUDIT_ACTIONS: tuple[str, ...] = tuple(k.removeprefix(_AUDIT) for k in table(DEFAULT) if k.startswith(_AUDIT))


def month_name(month: int, lang: str = DEFAULT) -> str:
    """'januari' / 'January' for 1."""
    return say(f"date.month.{month}", lang)


def month_names(lang: str = DEFAULT) -> tuple[str, ...]:
    """The twelve months' names, January first."""
    return tuple(month_name(m, lang) for m in range(1, 13))


def fmt_date(day: date, lang: str = DEFAULT) -> str:
    """'tis 24 nov 2026' / 'Tue 24 Nov 2026'."""
    return say(
        "date.format",
        lang,
        weekday=say(f"date.weekday.{day.weekday()}", lang),
        day=day.day,
        month=say(f"date.month.short.{day.month}", lang),
        year=day.year,
    )


def fmt_time(moment: datetime | time) -> str:
    if isinstance(moment, datetime):
        moment = clk.to_local(moment).time()
    return moment.strftime("%H:%M")


def fmt_span(start: datetime, end: datetime, lang: str = DEFAULT) -> str:
    day = clk.local_date(start)
    return f"{fmt_date(day, lang)} {fmt_time(start)}–{fmt_time(end)}"


def municipality_name(code: str | None) -> str:
    from satellitkontor.domain.municipalities import BY_CODE

    return BY_CODE[code].name if code in BY_CODE else (code or "")


def _word(key: str, lang: str, otherwise: str) -> str:
    words = table(lang).get(key)
    return words.format() if words is not None else otherwise


def label(key: str, lang: str = DEFAULT) -> str:
    """A kind, period, status, role or rotation year in words; an unknown one as it is."""
    return _word(f"label.{key}", lang, key)


def audit_action(action: str, lang: str = DEFAULT) -> str:
    """An audit entry's action in words; one this version does not know, as it is stored."""
    return _word(f"{_AUDIT}{action}", lang, action)


def os_error(exc: OSError, lang: str = DEFAULT) -> SatellitkontorError:
    """An ``OSError`` as a typed error with the reason in words (``os.<ERRNO>`` in the catalogue,
    else the system's own words)."""
    import errno

    from satellitkontor.domain.errors import FileUnusable, SystemRefused

    name = errno.errorcode.get(exc.errno or 0, "")
    reason = table(lang).get(f"os.{name.lower()}") or exc.strerror or type(exc).__name__
    path = exc.filename
    if path is not None:
        shown = str(path)
        return FileUnusable(path=shown if len(shown) <= 200 else shown[:199] + "…", detail=reason)
    return SystemRefused(detail=reason)


def describe(error: SatellitkontorError, lang: str = DEFAULT, reader_id: int | None = None) -> str:
    """One sentence for the user, in ``lang``. When the error is about the reader (``reader_id``
    is its ``person_id``) and the code has a ``.self`` sentence, that one speaks to "du" ("Du har
    redan en kontorsplats då …", not "Anna Nilsson har …" to Anna)."""
    words = table(lang)
    code = error.code
    if reader_id is not None and error.params.get("person_id") == reader_id and f"error.{code}.self" in words:
        code = f"{code}.self"
    while f"error.{code}" not in words:
        code = code.rpartition(".")[0] or "error"
    if code == "input.invalid" and not str(error.params.get("value", "?")).strip():
        code = "input.empty"  # "Ogiltigt värde för namn: ." said nothing of what to do
    facts = _facts(error, lang)
    try:
        return words[f"error.{code}"].format_map(facts)
    except (KeyError, IndexError, ValueError):
        return words.get(f"error.{code.split('.')[0]}", words["error.error"]).format_map(facts)


class _Facts(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def _facts(error: SatellitkontorError, lang: str) -> dict[str, Any]:
    words = table(lang)
    p = dict(error.params)
    out = _Facts()
    for key, value in p.items():
        if key == "seconds" and isinstance(value, float):  # a wait as a person reads it
            out[key] = max(1, math.ceil(value))
        elif isinstance(value, float):  # desk-days: "2,5" in Swedish, "2" for a whole number
            text = f"{value:.1f}".removesuffix(".0")
            out[key] = text.replace(".", ",") if lang == "sv" else text
        elif isinstance(value, datetime):
            out[key] = f"{fmt_date(clk.local_date(value), lang)} {fmt_time(value)}"
        elif isinstance(value, date):
            out[key] = fmt_date(value, lang)
        elif isinstance(value, time):
            out[key] = value.strftime("%H:%M")
        else:
            out[key] = value
    if isinstance(p.get("month_start"), date):
        out["month_name"] = f"{month_name(p['month_start'].month, lang)} {p['month_start'].year}"
    if "action" in p:
        out["action"] = _word(f"error.action.{p['action']}", lang, str(p["action"]))
    if "role" in p:
        out["role"] = label(str(p["role"]), lang) if p["role"] != "none" else say("error.role.none", lang)
    if "field" in p:
        out["field"] = _word(f"error.field.{p['field']}", lang, str(p["field"]))
    for key in ("kind", "wanted"):
        if key in p:
            out[f"{key}_label"] = label(str(p[key]), lang)
    if "problem" in p:
        problem = words.get(f"error.recurrence.{p['problem']}", str(p["problem"]).replace("{", "{{"))
        out["problem_text"] = problem.format(**p)
    if {"start", "end"} <= p.keys() and p["start"] is not None and p["end"] is not None:
        out["when"] = fmt_span(p["start"], p["end"], lang)
    elif "day" in p:
        out["when"] = fmt_date(p["day"], lang)
    else:
        out["when"] = say("error.when.unknown", lang)
    if "municipality" in p:
        m = p["municipality"]
        out["holder"] = say("error.holder", lang, municipality=municipality_name(m)) if m else ""
    if "reason" in p and not p["reason"]:
        out["reason"] = say("error.reason.closed", lang)
    elif error.code == "rule.office_closed" and isinstance(p.get("reason"), str):
        out["reason"] = closed_reason_name(p["reason"], lang)  # "Christmas Eve", not "Julafton"
    ident = p.get("id") or p.get("email") or p.get("name") or p.get("series")
    out["who"] = f"«{ident}»" if ident is not None else ""
    if error.code == "conflict.resource_taken":
        # "Plats 1 är redan bokad" but "Konferensrummet är redan bokat" (an en- and an ett-word)
        out["booked"] = say("error.booked.room" if p.get("kind") == "room" else "error.booked.desk", lang)
    if error.code == "login.not_allowed":
        out["reason"] = _word(f"error.login.reason.{p.get('reason')}", lang, str(p.get("reason")))
    if error.code == "state.check_in_not_allowed":
        out["detail"] = _check_in_detail(p, lang)
    if error.code in ("ical.invalid", "ical.notice"):
        for key in ("found", "expected"):  # "händelsen (VEVENT)"
            component = words.get(f"error.component.{str(p.get(key)).lower()}")
            if component is not None:
                out[key] = f"{component.format()} ({p[key]})"
        problem = words.get(f"error.calendar.{p.get('reason')}", words["error.error"])
        out["file_problem"] = problem.format_map(out)
    if hasattr(p.get("cause"), "code"):  # the error an import stopped at
        out["cause_text"] = describe(p["cause"], lang)
    return out


def _check_in_detail(p: dict[str, Any], lang: str) -> str:
    if p.get("taken"):
        return say("error.check_in.taken", lang)
    if p.get("too_early"):
        return say("error.check_in.too_early", lang, grace=p["grace"])
    if p.get("status"):
        return say("error.check_in.status", lang, status=label(str(p["status"]), lang))
    if p.get("opens"):
        return say("error.check_in.opens", lang, when=fmt_time(p["opens"]))
    return say("error.state", lang)


# --- why a day is closed, in the reader's language ----------------------------------------------------
#: The domain's Swedish eve names and their catalogue keys.
_EVES = {"Midsommarafton": "midsummer", "Julafton": "christmas", "Nyårsafton": "new_year"}


@lru_cache(maxsize=1)
def _holiday_names_en() -> dict[str, str]:
    """Swedish holiday names → English, from the holidays package's own two tables (its Swedish
    calendar alone: ``country_holidays`` would load every country's module, issue 18)."""
    from satellitkontor.domain.office_calendar import swedish_calendar

    sweden = swedish_calendar()
    names: dict[str, str] = {}
    for year in (2024, 2025, 2026, 2027):  # every movable feast falls on another day in one of them
        sv = sweden(years=year, language="sv")
        en = sweden(years=year, language="en_US")
        for day, name in sv.items():
            english = en.get(day)
            if english:
                for part_sv, part_en in zip(str(name).split("; "), str(english).split("; "), strict=False):
                    names.setdefault(part_sv, part_en)
    return names


def weekday_name(weekday: int, lang: str = DEFAULT) -> str:
    """'måndag' / 'Monday' for 0."""
    return say(f"date.weekday_long.{weekday}", lang)


def closed_name(reason: ClosedReason, lang: str = DEFAULT) -> str:
    """The name of a closed day as the reader reads it: "Julafton" / "Christmas Eve". An admin's
    own closure keeps the words the admin wrote."""
    from satellitkontor.domain.office_calendar import WEEKDAY_NAMES_SV, ClosedKind

    if reason.kind is ClosedKind.CLOSURE:
        return reason.name
    if reason.kind is ClosedKind.EVE and reason.name in _EVES:
        return say(f"calendar.eve.{_EVES[reason.name]}", lang)
    if reason.kind is ClosedKind.WEEKDAY and reason.name in WEEKDAY_NAMES_SV:
        return weekday_name(WEEKDAY_NAMES_SV.index(reason.name), lang)
    if lang != "en":  # the holidays' Swedish names are the domain's own
        return reason.name
    english = _holiday_names_en()
    return "; ".join(english.get(part, part) for part in reason.name.split("; "))


def closed_reason_name(name: str, lang: str = DEFAULT) -> str:
    """A closed day's name as the domain's errors carry it (Swedish: "Julafton", "lördag") in
    ``lang``; what an admin wrote for a closure of their own is kept."""
    from satellitkontor.domain.office_calendar import WEEKDAY_NAMES_SV

    if lang != "en":
        return name
    if name in _EVES:
        return say(f"calendar.eve.{_EVES[name]}", lang)
    if name in WEEKDAY_NAMES_SV:
        return weekday_name(WEEKDAY_NAMES_SV.index(name), lang)
    english = _holiday_names_en()
    return "; ".join(english.get(part, part) for part in name.split("; "))


def outlook_conflict(subject: str, start: datetime | None, end: datetime | None, lang: str = DEFAULT) -> str:
    """An Outlook meeting booked or moved onto a time an app booking holds (the app won)."""
    when = (
        fmt_span(start, end, lang)
        if start is not None and end is not None
        else say("exchange.conflict.then", lang)
    )
    return say("exchange.conflict.outlook_lost", lang, subject=subject or "–", when=when)
