"""Typed errors raised by the domain and the services.

Every error carries a stable ``code`` and the facts a message needs (``params``); it carries no
sentence. Words are chosen where the error is shown: :mod:`satellitkontor.texts` for the command
line, the GUI's own translations later. This keeps the domain free of language and of Qt.
"""

from __future__ import annotations

from typing import Any, ClassVar


class SatellitkontorError(Exception):
    """Base of every error a user can be told about."""

    code: ClassVar[str] = "error"

    def __init__(self, **params: Any) -> None:
        self.params: dict[str, Any] = params
        super().__init__(self.code, params)

    def __str__(self) -> str:  # a readable fallback for logs; users see texts.describe()
        from satellitkontor.texts import describe

        return describe(self, "en")


# --- input ------------------------------------------------------------------------------------
class InvalidInput(SatellitkontorError):
    code = "input.invalid"


class UnknownMunicipality(InvalidInput):
    code = "municipality.unknown"


# --- lookups ----------------------------------------------------------------------------------
class NotFound(SatellitkontorError):
    code = "not_found"


class PersonNotFound(NotFound):
    code = "person.not_found"


class ResourceNotFound(NotFound):
    code = "resource.not_found"


class BookingNotFound(NotFound):
    code = "booking.not_found"


# --- permissions ------------------------------------------------------------------------------
class PermissionDenied(SatellitkontorError):
    code = "permission.denied"


# --- booking rules ----------------------------------------------------------------------------
class RuleViolation(SatellitkontorError):
    """A booking that breaks one of the office's rules (see domain.policy)."""

    code = "rule"


class InThePast(RuleViolation):
    code = "rule.in_the_past"


class BeyondHorizon(RuleViolation):
    code = "rule.beyond_horizon"


class OfficeClosed(RuleViolation):
    code = "rule.office_closed"


class OutsideOpeningHours(RuleViolation):
    code = "rule.outside_opening_hours"


class NotOnSlotGrid(RuleViolation):
    code = "rule.not_on_slot_grid"


class TooShort(RuleViolation):
    code = "rule.too_short"


class TooLong(RuleViolation):
    code = "rule.too_long"


class EndBeforeStart(RuleViolation):
    code = "rule.end_before_start"


class ParticipantsOutOfRange(RuleViolation):
    code = "rule.participants"


class WrongResourceKind(RuleViolation):
    code = "rule.wrong_resource_kind"


class ResourceInactive(RuleViolation):
    code = "rule.resource_inactive"


class PersonInactive(RuleViolation):
    code = "rule.person_inactive"


class BadRecurrence(RuleViolation):
    code = "rule.bad_recurrence"


class NoOccurrences(RuleViolation):
    code = "rule.no_occurrences"


# --- conflicts --------------------------------------------------------------------------------
class Conflict(SatellitkontorError):
    """Someone else got there first: the resource or the person is already booked."""

    code = "conflict"


class ResourceTaken(Conflict):
    code = "conflict.resource_taken"


class PersonAlreadyHasDesk(Conflict):
    code = "conflict.person_has_desk"


class DuplicateEmail(Conflict):
    code = "conflict.duplicate_email"


class DuplicateResourceName(Conflict):
    code = "conflict.duplicate_resource_name"


# --- state changes ----------------------------------------------------------------------------
class InvalidState(SatellitkontorError):
    code = "state"


class AlreadyCancelled(InvalidState):
    code = "state.already_cancelled"


class AlreadyOver(InvalidState):
    code = "state.already_over"


class NotToday(InvalidState):
    code = "state.not_today"


class CheckInNotAllowed(InvalidState):
    code = "state.check_in_not_allowed"


# --- storage ----------------------------------------------------------------------------------
class DatabaseError(SatellitkontorError):
    code = "database"


class DatabaseUnavailable(DatabaseError):
    code = "database.unavailable"


class SchemaOutdated(DatabaseError):
    code = "database.schema_outdated"


class SchemaTooNew(DatabaseError):
    code = "database.schema_too_new"


class OfficeNotEmpty(InvalidState):
    code = "state.office_not_empty"


class ActorRequired(InvalidInput):
    """A command that changes something was given no person to act as."""

    code = "input.actor_required"
