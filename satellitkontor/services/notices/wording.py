"""A queued notice in words: the subject, the text and the calendar event of one mail.

Only the person's own booking is named: the payload the queue froze holds her place, times,
title and (for a host) her guest, nothing about anyone else. Who made a change on her behalf is
said as "the office" (the receptionist's name is not hers to be told by mail).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import CancelCause
from satellitkontor.domain.notices import NoticeKind
from satellitkontor.integrations.mail.imip import ImipNotice
from satellitkontor.words import say
from satellitkontor.words.plans import cancel_note
from satellitkontor.words.texts import fmt_date, fmt_time


def when_text(start: datetime, end: datetime, lang: str) -> str:
    day = fmt_date(clk.local_date(start), lang)
    return say("notice.when", lang, day=day, span=f"{fmt_time(start)}–{fmt_time(end)}")


def _lead(
    kind: NoticeKind, by_other: bool, cause: str | None, lang: str, offer_until: datetime | None
) -> str:
    if kind is NoticeKind.RELEASED:
        return say("notice.lead.released", lang)
    if kind is NoticeKind.REMINDER:
        return say("notice.lead.reminder", lang)
    if kind is NoticeKind.WAITLIST_OFFER:
        until = offer_until or datetime.now(clk.OFFICE_TZ)
        return say(
            "notice.lead.waitlist_offer",
            lang,
            until=f"{fmt_date(clk.local_date(until), lang)} {fmt_time(until)}",
        )
    if kind is NoticeKind.CANCELLED and cause == CancelCause.CLOSURE:
        return say("notice.lead.cancelled.closure", lang)
    return say(f"notice.lead.{kind.value}.{'other' if by_other else 'self'}", lang)


def notice_message(
    *,
    kind: NoticeKind,
    uid: str,
    sequence: int,
    by_other: bool,
    reason: str | None,
    payload: dict[str, Any],
    offer_until: datetime | None,
    person_name: str,
    person_email: str,
    sender: str,
    sender_name: str,
    lang: str,
    message_id: str,
    now: datetime,
) -> ImipNotice:
    start = datetime.fromisoformat(str(payload["start"]))
    end = datetime.fromisoformat(str(payload["end"]))
    place = str(payload.get("place") or "")
    when = when_text(start, end, lang)
    title = payload.get("title")
    cause = payload.get("cause")
    lines = [
        say("notice.greeting", lang, name=person_name),
        "",
        _lead(kind, by_other, cause, lang, offer_until),
        "",
    ]
    lines.append(say("notice.line.place", lang, place=place))
    lines.append(say("notice.line.when", lang, when=when))
    if title:
        lines.append(say("notice.line.title", lang, title=title))
    if payload.get("participants"):
        lines.append(say("notice.line.participants", lang, count=payload["participants"]))
    if payload.get("guest"):
        lines.append(say("notice.line.guest", lang, guest=payload["guest"]))
    why = cancel_note(cause, reason, lang) if kind.cancels else ""
    if why:
        lines.append(say("notice.line.reason", lang, reason=why))
    lines += ["", say("notice.footer", lang)]
    if payload.get("place_kind") == "room" and title:
        summary = say("notice.summary.room", lang, title=title, place=place)
    else:
        summary = say("notice.summary.desk", lang, place=place)
    description = "\n".join(line for line in lines[2:-2] if line)
    return ImipNotice(
        method="CANCEL" if kind.cancels else "REQUEST",
        uid=uid,
        sequence=sequence,
        start=start,
        end=end,
        summary=summary,
        location=say("notice.location", lang, place=place),
        description=description,
        organizer_email=sender,
        organizer_name=sender_name,
        attendee_email=person_email,
        attendee_name=person_name,
        subject=say(f"notice.subject.{kind.value}", lang, place=place, when=when),
        body="\n".join(lines) + "\n",
        language=lang,
        message_id=message_id,
        stamp=now,
        tentative=kind is NoticeKind.WAITLIST_OFFER,
    )
