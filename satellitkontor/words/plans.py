"""Words for when plans change: why a booking was cancelled or released, what a closure cancels,
what a change moved. Swedish first, English second; the CLI, the app and the audit trail read
the same sentence (issue 16)."""

from __future__ import annotations

from satellitkontor.domain.bookings import BookingStatus, BookingView, CancelCause


def _pick(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


def cancel_note(cause: str | None, reason: str | None, lang: str = "sv") -> str:
    """Why a booking ended, as the booker reads it: "kontoret stängt: Renovering",
    "frisläppt: ingen incheckning", or the reason written when cancelling; "" when none."""
    if cause == CancelCause.CLOSURE:
        head = _pick(lang, "kontoret stängt", "office closed")
        return f"{head}: {reason}" if reason else head
    if cause == CancelCause.RELEASE:
        return _pick(lang, "frisläppt: ingen incheckning", "released: nobody checked in")
    if cause == CancelCause.WAITLIST:
        return _pick(lang, "erbjuden från väntelistan, inte tagen", "offered from the waitlist, not taken")
    return reason or ""


def cause_text(cause: str, lang: str = "sv") -> str:
    """A cancellation's cause alone (the audit trail's "orsak")."""
    words = {
        CancelCause.CLOSURE: ("kontoret stängt", "office closed"),
        CancelCause.RELEASE: ("ingen incheckning, frisläppt", "nobody checked in, released"),
        CancelCause.NOTE: ("med anledning", "with a reason"),
        CancelCause.WAITLIST: ("erbjudande från väntelistan, inte taget", "waitlist offer not taken"),
    }
    pair = words.get(CancelCause(cause)) if cause in set(CancelCause) else None
    return _pick(lang, *pair) if pair else cause


def status_text(booking: BookingView, lang: str = "sv") -> str:
    """A booking's state with the reason of a cancellation: "avbokad av kontoret (kontoret stängt:
    Renovering)", "avbokad (sjuk)", "bokad"."""
    from satellitkontor.words.texts import label

    if booking.status is not BookingStatus.CANCELLED:
        return label(booking.status.value, lang)
    note = cancel_note(booking.cancel_cause, booking.cancel_reason, lang)
    if booking.cancel_cause in (CancelCause.CLOSURE, CancelCause.RELEASE):
        head = _pick(lang, "avbokad av kontoret", "cancelled by the office")
    else:
        head = label("cancelled", lang)
    return f"{head} ({note})" if note else head


def affected(count: int, lang: str = "sv") -> str:
    """ "12 bokningar påverkas" / "12 bookings are affected"."""
    if lang == "en":
        return f"{count} booking is affected" if count == 1 else f"{count} bookings are affected"
    return f"{count} bokning påverkas" if count == 1 else f"{count} bokningar påverkas"


def cancelled_count(count: int, lang: str = "sv") -> str:
    if lang == "en":
        return f"{count} booking cancelled." if count == 1 else f"{count} bookings cancelled."
    return f"{count} bokning avbokad." if count == 1 else f"{count} bokningar avbokade."


def released_count(count: int, lang: str = "sv") -> str:
    if lang == "en":
        return (
            f"{count} unclaimed booking released." if count == 1 else f"{count} unclaimed bookings released."
        )
    return (
        f"{count} bokning utan incheckning frisläppt."
        if count == 1
        else f"{count} bokningar utan incheckning frisläppta."
    )


def closed_day(reason: str, lang: str = "sv") -> str:
    """The one message of a closed day: "Kontoret är stängt: Renovering" / "The office is closed: …"."""
    return _pick(lang, f"Kontoret är stängt: {reason}", f"The office is closed: {reason}")


def confirm_question(lang: str = "sv") -> str:
    return _pick(lang, "Fortsätta? [j/N] ", "Go ahead? [y/N] ")


def is_yes(answer: str) -> bool:
    return answer.strip().lower() in ("j", "ja", "y", "yes")
