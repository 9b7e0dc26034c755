"""Typed errors raised by the domain and the services.

Every error carries a stable ``code`` and the facts a message needs (``params``); it carries no
sentence. Words are chosen where the error is shown, by :func:`satellitkontor.words.texts.describe`
for the command line, the app and the feed server alike. This keeps the domain free of language and
of Qt: it imports nothing from the package outside domain/.
"""

from __future__ import annotations

from typing import Any, ClassVar


class SatellitkontorError(Exception):
    """Base of every error a user can be told about."""

    code: ClassVar[str] = "error"

    def __init__(self, **params: Any) -> None:
        self.params: dict[str, Any] = params
        super().__init__(self.code, params)

    def __str__(self) -> str:
        """A plain fallback for logs and tracebacks, from the code and the facts; users read
        :func:`satellitkontor.words.texts.describe`, which words it in their language."""
        facts = ", ".join(f"{key}={value!r}" for key, value in self.params.items())
        return f"{self.code} ({facts})" if facts else self.code


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


class GuestNotFound(NotFound):
    """No booking names this external guest (facts: ``name``)."""

    code = "guest.not_found"


class GuestEmailNotFound(GuestNotFound):
    """No booking has a guest with this e-mail address (facts: ``email``)."""

    code = "guest.not_found.email"


class GuestBookingNotFound(GuestNotFound):
    """No booking with this id, or it is not an external guest's (facts: ``id``)."""

    code = "guest.not_found.booking"


class GuestAmbiguous(InvalidInput):
    """More than one guest has this name (facts: ``name``, ``matches``: each guest with its
    organisation or e-mail address and booking numbers); the e-mail or a booking id tells them apart."""

    code = "guest.ambiguous"


class FeedNotFound(NotFound):
    """No published feed with this id (the feed list's number)."""

    code = "feed.not_found"


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


class RoomNotChosen(InvalidInput):
    """The office has several conference rooms and the booking named none (facts: ``rooms``,
    their names joined)."""

    code = "input.room_not_chosen"


class FairRule(RuleViolation):
    """One of the fair rules an admin turned on (domain.policy.FAIR_RULES); the facts say which
    limit and when the booking frees up (``frees``, or the allowed ``last`` day, or ``opens``)."""

    code = "rule.fair"


class DeskDaysPerWeek(FairRule):
    code = "rule.fair.desk_days_week"


class DeskDaysPerMonth(FairRule):
    code = "rule.fair.desk_days_month"


class SeriesTooLong(FairRule):
    code = "rule.fair.series_weeks"


class ForOthersTooEarly(FairRule):
    code = "rule.fair.for_others_too_early"


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


# --- the waitlist (services/waitlist/) -----------------------------------------------------------
class WaitlistNotFull(InvalidState):
    """A place is free for what the person asks (facts: ``day``, ``resource`` or ``start``/``end``):
    book it instead of waiting."""

    code = "waitlist.not_full"


class WaitlistRoomNotFull(WaitlistNotFull):
    """The room is free in the span asked (facts: ``resource``, ``start``, ``end``)."""

    code = "waitlist.not_full.room"


class WaitlistAlreadyIn(InvalidState):
    """The person already waits (or has an offer) on that day (facts: ``day``)."""

    code = "waitlist.already_in"


class WaitlistEntryNotFound(NotFound):
    code = "waitlist.not_found"


class WaitlistNoOffer(InvalidState):
    """The entry holds no offer to answer now: never offered, answered, or run out (``state``)."""

    code = "waitlist.no_offer"


# --- calendar feeds ---------------------------------------------------------------------------
class FeedTargetRequired(InvalidInput):
    """A feed of a desk or room, a municipality or a person was asked for without saying which."""

    code = "feed.target_required"


class FeedTargetNotAllowed(InvalidInput):
    """The office and rotation feeds are about nothing in particular: a target makes no sense."""

    code = "feed.target_not_allowed"


# --- storage ----------------------------------------------------------------------------------
class DatabaseError(SatellitkontorError):
    code = "database"


class DatabaseUnavailable(DatabaseError):
    code = "database.unavailable"


class SchemaOutdated(DatabaseError):
    code = "database.schema_outdated"


class SchemaTooNew(DatabaseError):
    code = "database.schema_too_new"


class DatabaseRefused(DatabaseError):
    """The database itself refused (shared office mode: the login's role may not do this; see
    migration 0007). ``detail`` is the database's own words."""

    code = "database.refused"


class DatabaseUrlInvalid(DatabaseError):
    """``--db`` (or the saved address) is not a database address (``value``, shortened)."""

    code = "database.bad_url"


class DriverMissing(DatabaseError):
    """The database address needs a driver this installation lacks (``driver``, ``extra``: the
    package extra that brings it)."""

    code = "database.driver_missing"


class FileUnusable(InvalidInput):
    """A file or folder the command was told to read or write cannot be used (``path``,
    ``detail``: the system's reason)."""

    code = "input.file_unusable"


class SystemRefused(InvalidInput):
    """The operating system refused what the command asked (``detail``), e.g. a port in use."""

    code = "input.system_refused"


class OfficeBusy(DatabaseError):
    """Someone else holds a lock the work needs, longer than the app waits (PostgreSQL's
    ``lock_timeout``, SQLSTATE 55P03; migration 0008). Nothing was changed: try again."""

    code = "database.busy"


class PostgresqlOnly(DatabaseError):
    """A command for a shared office's PostgreSQL server was given a SQLite file."""

    code = "database.postgresql_only"


class GroupRolesMissing(DatabaseError):
    """``db grant`` before ``db init``: the group roles do not exist on the server yet."""

    code = "database.roles_missing"


class InvalidLoginName(InvalidInput):
    code = "login.invalid"


class LoginNotAllowed(InvalidInput):
    """A login the app must never use (a superuser, the schema's owner, a group role)."""

    code = "login.not_allowed"


class LoginNotFound(NotFound):
    code = "login.not_found"


# --- backup and restore (storage/backup.py) -----------------------------------------------------
class BackupError(SatellitkontorError):
    code = "backup"


class BackupFileMissing(BackupError):
    """The file to restore from is not there (``path``)."""

    code = "backup.file_missing"


class BackupFolderMissing(BackupError):
    """The folder a backup should be written to is not there (``path``)."""

    code = "backup.folder_missing"


class BackupFolderNotWritable(BackupError):
    """The backup cannot be written in the folder (``path``, ``detail``: the system's reason)."""

    code = "backup.folder_not_writable"


class BackupFileExists(BackupError):
    """A backup would overwrite an existing file (``path``) without --force."""

    code = "backup.file_exists"


class NotABackup(BackupError):
    """The file (``path``) is not a backup of this app."""

    code = "backup.not_a_backup"


class BackupDamaged(NotABackup):
    """A SQLite file that cannot be read whole: truncated or damaged (``path``, ``detail``)."""

    code = "backup.not_a_backup.damaged"


class BackupChecksumWrong(BackupDamaged):
    """The backup's rows are not those it was written with (``path``): changed or damaged."""

    code = "backup.not_a_backup.damaged.checksum"


class BackupBreaksRules(BackupError):
    """The backup holds what the app would never write (``path``; ``what``: the table and
    column or setting, ``detail``: the value): edited or damaged, so it is not restored."""

    code = "backup.breaks_rules"


class BackupTooNew(SchemaTooNew):
    """The backup (``where``) was made by a newer version (``revision``)."""

    code = "database.schema_too_new.backup"


class NoOfficeToBackUp(BackupError):
    """The database to back up (``where``) holds no office: no file there, or no schema."""

    code = "backup.nothing_to_back_up"


class RestoreFailed(BackupError):
    """Writing the backup into the database failed (``path``, ``detail``); nothing was changed."""

    code = "backup.restore_failed"


class BackupNeedsOwner(BackupError):
    """The database login may not read or write every row (row-level security, missing rights):
    only the database's owner can back up or restore the whole office (``where``, ``detail``)."""

    code = "backup.needs_owner"


# --- settings ---------------------------------------------------------------------------------
class SettingsFileInvalid(SatellitkontorError):
    """The machine-wide settings file is there but cannot be read (``path``, ``detail``)."""

    code = "settings.file_invalid"


class OfficeNotEmpty(InvalidState):
    code = "state.office_not_empty"


class RestoreTargetNotEmpty(OfficeNotEmpty):
    """A restore without --replace into a database that already holds an office (``where``)."""

    code = "state.office_not_empty.restore"


# --- the feed server --------------------------------------------------------------------------
class FeedServerCannotListen(SatellitkontorError):
    """The feed server cannot take its address (``host``, ``port``, ``detail``)."""

    code = "feeds.cannot_listen"


class FeedServerPortInUse(FeedServerCannotListen):
    code = "feeds.cannot_listen.port_in_use"


class ActorRequired(InvalidInput):
    """A command that changes something was given no person to act as."""

    code = "input.actor_required"


class ActorIsLogin(InvalidInput):
    """``--as`` names someone else than the person the database login is (shared office mode)."""

    code = "input.actor_is_login"


# --- calendar import (.ics) -------------------------------------------------------------------
class InvalidCalendarFile(InvalidInput):
    """An .ics file that cannot be imported at all. ``reason`` names the problem (the catalogue in words/ has a
    sentence for each), ``line`` is where it was found; ``limit``, ``detail`` etc. as needed."""

    code = "ical.invalid"


class CalendarNotice(SatellitkontorError):
    """Something the import did with a file that the user should know (``reason`` as above):
    carried in the import plan and shown with it, never raised."""

    code = "ical.notice"


class ImportRejected(RuleViolation):
    """An event of an imported file that cannot become a booking (the file itself is fine)."""

    code = "import"


class UnknownImportResource(ImportRejected):
    code = "import.unknown_resource"


class UnknownImportPerson(ImportRejected):
    code = "import.unknown_person"


class EventCancelledInFile(ImportRejected):
    code = "import.cancelled"


class EventSpansDays(ImportRejected):
    """A timed meeting in the room over several days (``begins``, ``ends``)."""

    code = "import.spans_days"


class EventTooLong(EventSpansDays):
    code = "import.spans_days.too_many"


class OverlapInFile(Conflict):
    """Two events of one imported file want the same place (or one person two desks) at once."""

    code = "conflict.in_file"


class NoFreeDesk(Conflict):
    code = "conflict.no_free_desk"


class AlreadyImported(Conflict):
    """The event's calendar identity is already a booking (``booking``: its id)."""

    code = "conflict.already_imported"


class DuplicateInFile(Conflict):
    code = "conflict.duplicate_in_file"


class ImportConflict(Conflict):
    """Writing an import failed at one event (``summary``, ``start``, ``end``, the ``cause``):
    nothing of the import was saved."""

    code = "conflict.import"


# --- Exchange: Outlook events the app cannot take in ------------------------------------------
class OutlookEventNotTaken(SatellitkontorError):
    """An event on a room's or desk's calendar that blocks nothing in the app (the run goes on):
    ``subject``, ``mailbox`` and ``when`` say which."""

    code = "exchange.event_not_taken"


class OutlookEventZeroLength(OutlookEventNotTaken):
    code = "exchange.event_not_taken.zero_length"


class OutlookEventUnknownPlace(OutlookEventNotTaken):
    """The mailbox is shared by several places (or by none that is active): which is unknown."""

    code = "exchange.event_not_taken.unknown_place"


class OutlookEventNoPerson(OutlookEventNotTaken):
    code = "exchange.event_not_taken.no_person"


class OutlookEventFailed(OutlookEventNotTaken):
    """Taking it in failed for a reason the app did not foresee (``detail`` names it)."""

    code = "exchange.event_not_taken.failed"
