"""Words for the command line: errors and labels in Swedish (default) and English.

The domain raises typed errors with facts; this module turns them into one sentence a
receptionist understands. The GUI uses Qt's translation system for its own labels and calls
:func:`describe` for errors, so an error reads the same everywhere.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from satellitkontor.domain import clock as clk
from satellitkontor.words.error_texts import ACTIONS, CALENDAR_PROBLEMS, COMPONENTS, FIELDS, RECURRENCE
from satellitkontor.words.error_texts import MESSAGES as MESSAGES

if TYPE_CHECKING:
    from satellitkontor.domain.errors import SatellitkontorError

_WEEKDAYS = {
    "sv": ("mån", "tis", "ons", "tors", "fre", "lör", "sön"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS = {
    "sv": ("jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
MONTH_NAMES = {
    "sv": (
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def fmt_date(day: date, lang: str = "sv") -> str:
    """'tis 24 nov 2026' / 'Tue 24 Nov 2026'."""
    return f"{_WEEKDAYS[lang][day.weekday()]} {day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def fmt_time(moment: datetime | time) -> str:
    if isinstance(moment, datetime):
        moment = clk.to_local(moment).time()
    return moment.strftime("%H:%M")


def fmt_span(start: datetime, end: datetime, lang: str = "sv") -> str:
    day = clk.local_date(start)
    return f"{fmt_date(day, lang)} {fmt_time(start)}–{fmt_time(end)}"


def municipality_name(code: str | None) -> str:
    from satellitkontor.domain.municipalities import BY_CODE

    return BY_CODE[code].name if code in BY_CODE else (code or "")


LABELS: dict[str, dict[str, str]] = {
    "full_day": {"sv": "heldag", "en": "full day"},
    "morning": {"sv": "förmiddag", "en": "morning"},
    "afternoon": {"sv": "eftermiddag", "en": "afternoon"},
    "confirmed": {"sv": "bokad", "en": "booked"},
    "checked_in": {"sv": "incheckad", "en": "checked in"},
    "no_show": {"sv": "uteblev", "en": "no-show"},
    "cancelled": {"sv": "avbokad", "en": "cancelled"},
    "free": {"sv": "ledig", "en": "free"},
    "full": {"sv": "upptagen hela dagen", "en": "taken all day"},
    "morning_taken": {"sv": "upptagen förmiddag", "en": "taken in the morning"},
    "afternoon_taken": {"sv": "upptagen eftermiddag", "en": "taken in the afternoon"},
    "employee": {"sv": "medarbetare", "en": "employee"},
    "politician": {"sv": "politiker", "en": "politician"},
    "user": {"sv": "användare", "en": "user"},
    "receptionist": {"sv": "receptionist", "en": "receptionist"},
    "admin": {"sv": "administratör", "en": "administrator"},
    "desk": {"sv": "kontorsplats", "en": "desk"},
    "room": {"sv": "konferensrum", "en": "conference room"},
    "decided": {"sv": "beslutad", "en": "decided"},
    "projected": {"sv": "preliminär", "en": "projected"},
    "confirmed_year": {"sv": "bekräftad", "en": "confirmed"},
}


def label(key: str, lang: str = "sv") -> str:
    return LABELS.get(key, {}).get(lang, key)


#: The audit trail's actions in words (Administration → Ändringslogg, ``satellitkontor audit``).
AUDIT_ACTIONS: dict[str, tuple[str, str]] = {
    "booking.create": ("Bokning skapad", "Booking created"),
    "booking.import": ("Bokning importerad", "Booking imported"),
    "booking.cancel": ("Avbokad", "Cancelled"),
    "booking.check_in": ("Incheckad", "Checked in"),
    "booking.no_show": ("Markerad som utebliven", "Marked as no-show"),
    "person.create": ("Person tillagd", "Person added"),
    "person.register": ("Person registrerad", "Person registered"),
    "person.role": ("Roll ändrad", "Role changed"),
    "person.activate": ("Person aktiverad", "Person activated"),
    "person.deactivate": ("Person inaktiverad", "Person deactivated"),
    "resource.create": ("Plats eller rum tillagt", "Desk or room added"),
    "resource.update": ("Plats eller rum ändrat", "Desk or room changed"),
    "resource.activate": ("Plats eller rum aktiverat", "Desk or room activated"),
    "resource.deactivate": ("Plats eller rum avaktiverat", "Desk or room deactivated"),
    "closure.create": ("Stängning tillagd", "Closure added"),
    "closure.delete": ("Stängning borttagen", "Closure removed"),
    "settings.policy": ("Bokningsregler ändrade", "Booking rules changed"),
    "rotation_year.confirm": ("Värdkommun bekräftad", "Host municipality confirmed"),
    "meeting.create": ("Möte tillagt", "Meeting added"),
    "feed.publish": ("Kalenderflöde publicerat", "Calendar feed published"),
    "feed.revoke": ("Kalenderflöde återkallat", "Calendar feed revoked"),
    "settings.visibility": ("Synlighet av namn ändrad", "Visibility of names changed"),
    "settings.retention": ("Gallring av personuppgifter ändrad", "Retention of personal data changed"),
    "retention.apply": ("Gamla personuppgifter rensade", "Old personal data removed"),
    "person.erase": ("Personuppgifter raderade", "Personal data erased"),
    "person.export": ("Personuppgifter hämtade", "Personal data exported"),
    "booking.exchange": ("Bokning från Outlook", "Booking from Outlook"),
    "booking.move": ("Bokning flyttad i Outlook", "Booking moved in Outlook"),
    "exchange.override": (
        "Ändring i Outlook eller appen överkörd",
        "Change in Outlook or the app overridden",
    ),
    "settings.exchange": ("Exchange-inställningar ändrade", "Exchange settings changed"),
    "login.grant": ("Databasinloggning kopplad", "Database login granted"),
    "login.revoke": ("Databasinloggning borttagen", "Database login revoked"),
}


def audit_action(action: str, lang: str = "sv") -> str:
    """An audit entry's action in words; one this version does not know, as it is stored."""
    words = AUDIT_ACTIONS.get(action)
    return words[1 if lang == "en" else 0] if words else action


def describe(error: SatellitkontorError, lang: str = "sv") -> str:
    """One sentence for the user, in ``lang`` ('sv' or 'en')."""
    i = 1 if lang == "en" else 0
    code = error.code
    template = None
    while template is None:
        template = MESSAGES.get(code, (None, None))[i]
        if template is None:
            code = code.rpartition(".")[0] or "error"
    facts = _facts(error, lang)
    try:
        return template.format(**facts)
    except (KeyError, IndexError, ValueError):
        return MESSAGES.get(code.split(".")[0], MESSAGES["error"])[i]


class _Facts(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def _facts(error: SatellitkontorError, lang: str) -> dict[str, Any]:
    i = 1 if lang == "en" else 0
    p = dict(error.params)
    out = _Facts()
    for key, value in p.items():
        if isinstance(value, datetime):
            out[key] = f"{fmt_date(clk.local_date(value), lang)} {fmt_time(value)}"
        elif isinstance(value, date):
            out[key] = fmt_date(value, lang)
        elif isinstance(value, time):
            out[key] = value.strftime("%H:%M")
        else:
            out[key] = value
    if "action" in p:
        out["action"] = ACTIONS.get(p["action"], (p["action"], p["action"]))[i]
    if "role" in p:
        out["role"] = label(str(p["role"]), lang) if p["role"] != "none" else ("ingen", "none")[i]
    if "field" in p:
        out["field"] = FIELDS.get(p["field"], (p["field"], p["field"]))[i]
    for key in ("kind", "wanted"):
        if key in p:
            out[f"{key}_label"] = label(str(p[key]), lang)
    if "problem" in p:
        out["problem_text"] = RECURRENCE.get(p["problem"], (p["problem"], p["problem"]))[i].format(**p)
    if {"start", "end"} <= p.keys() and p["start"] is not None and p["end"] is not None:
        out["when"] = fmt_span(p["start"], p["end"], lang)
    elif "day" in p:
        out["when"] = fmt_date(p["day"], lang)
    else:
        out["when"] = ("då", "then")[i]
    if "municipality" in p:
        m = p["municipality"]
        out["holder"] = (
            (f" (av någon från {municipality_name(m)})", f" (by someone from {municipality_name(m)})")[i]
            if m
            else ""
        )
    if "reason" in p and not p["reason"]:
        out["reason"] = ("stängt", "closed")[i]
    ident = p.get("id") or p.get("email") or p.get("name") or p.get("series")
    out["who"] = f"«{ident}»" if ident is not None else ""
    if error.code == "conflict.resource_taken":
        # "Plats 1 är redan bokad" but "Konferensrummet är redan bokat" (an en- and an ett-word)
        out["booked"] = ("bokat" if p.get("kind") == "room" else "bokad", "booked")[i]
    if error.code == "state.check_in_not_allowed":
        out["detail"] = _check_in_detail(p, lang)
    if error.code in ("ical.invalid", "ical.notice"):
        for key in ("found", "expected"):  # "händelsen (VEVENT)"
            if p.get(key) in COMPONENTS:
                out[key] = f"{COMPONENTS[p[key]][i]} ({p[key]})"
        problem = CALENDAR_PROBLEMS.get(str(p.get("reason")), MESSAGES["error"])[i]
        out["file_problem"] = problem.format_map(out)
    if hasattr(p.get("cause"), "code"):  # the error an import stopped at
        out["cause_text"] = describe(p["cause"], lang)
    return out


def _check_in_detail(p: dict[str, Any], lang: str) -> str:
    i = 1 if lang == "en" else 0
    if p.get("taken"):
        return (
            "Platsen har redan tagits av någon annan.",
            "The place has already been taken by someone else.",
        )[i]
    if p.get("too_early"):
        return (
            f"Det går att markera som utebliven först {p['grace']} minuter efter start.",
            f"A booking can be marked as a no-show only {p['grace']} minutes after it starts.",
        )[i]
    if p.get("status"):
        st = label(str(p["status"]), lang)
        return (f"Bokningen är {st} och kan inte markeras.", f"The booking is {st} and cannot be marked.")[i]
    if p.get("opens"):
        when = fmt_time(p["opens"])
        return (f"Incheckningen öppnar {when}.", f"Check-in opens at {when}.")[i]
    return MESSAGES["state"][i]
