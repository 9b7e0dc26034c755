"""The columns the frequent reads use, as SQLAlchemy Core table clauses (no ORM).

The day's occupancy, the office's set-up and who is acting are read by every start of the
command line and by the app's day view. Built on these clauses, those reads need neither
``sqlalchemy.orm`` nor the models (storage/models.py): together about half of the
``satellitkontor occupancy`` process (issue 18: the CLI as a whole process within 350 ms).

Decisions:
- Clauses (``sqlalchemy.table``), not ``Table`` objects: they describe columns to read, never a
  schema, and carry no metadata, constraint or index. The schema stays in storage/models.py and
  the migrations; tests/storage/test_light_tables.py checks that every column here exists there
  with the same type (so values come back as the same Python objects).
- A statement built here must not be combined with a model's attributes (``BookingRow.status``):
  the two are different objects for one table, and the statement would read the table twice.
  Statements that need the models stay in storage/queries/common.py.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Date, Float, Integer, String, column, table

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.people import PersonKind, Role
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.storage.types import JSONText, UTCDateTime, enum_type

bookings = table(
    "bookings",
    column("id", Integer()),
    column("uid", String(64)),
    column("resource_id", Integer()),
    column("person_id", Integer()),
    column("created_by_id", Integer()),
    column("municipality_code", String(32)),
    column("start_at", UTCDateTime()),
    column("end_at", UTCDateTime()),
    column("desk_period", enum_type(DeskPeriod, "booking_desk_period")),
    column("title", String(200)),
    column("participants", Integer()),
    column("status", enum_type(BookingStatus, "booking_status")),
    column("series_id", String(36)),
    column("sequence", Integer()),
    column("guest_name", String(200)),
    column("guest_email", String(254)),
    column("cancel_cause", String(16)),
    column("cancel_reason", String(200)),
    column("guest_org", String(200)),
)

resources = table(
    "resources",
    column("id", Integer()),
    column("kind", enum_type(ResourceKind, "resource_kind")),
    column("name", String(100)),
    column("equipment", JSONText()),
    column("capacity", Integer()),
    column("active", Boolean()),
    column("x", Float()),
    column("y", Float()),
    column("sort_order", Integer()),
)

people = table(
    "people",
    column("id", Integer()),
    column("name", String(200)),
    column("email", String(254)),
    column("municipality_code", String(32)),
    column("kind", enum_type(PersonKind, "person_kind")),
    column("role", enum_type(Role, "person_role")),
    column("active", Boolean()),
)

settings = table(
    "settings",
    column("key", String(64)),
    column("value", JSONText()),
)

closures = table(
    "closures",
    column("start_date", Date()),
    column("end_date", Date()),
    column("reason", String(200)),
)

db_logins = table(
    "db_logins",
    column("login", String(63)),
    column("person_id", Integer()),
)

#: Every clause above, for the test that compares them with the models.
ALL = (bookings, resources, people, settings, closures, db_logins)
