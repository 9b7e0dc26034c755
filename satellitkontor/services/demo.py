"""A demo office: people from all seven municipalities and a few weeks of realistic bookings.

Every booking, check-in and no-show is made through the real services, with the clock set to the
moment it would have happened, so the demo obeys the same rules as real use (no overlaps, no
closed days, one desk per person) and exercises them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import func, select

from satellitkontor.domain import clock as clk
from satellitkontor.domain import municipalities
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import Conflict, OfficeNotEmpty, RuleViolation
from satellitkontor.domain.people import Person, PersonKind, Role
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.services.attendance import AttendanceService
from satellitkontor.services.base import Service
from satellitkontor.services.booking.service import BookingService
from satellitkontor.services.office import OfficeService
from satellitkontor.services.rotation import RotationService
from satellitkontor.storage.models import BookingRow, PersonRow

_FIRST = (
    "Anna",
    "Erik",
    "Maria",
    "Lars",
    "Karin",
    "Johan",
    "Sara",
    "Per",
    "Emma",
    "Nils",
    "Elin",
    "Oskar",
    "Ingrid",
    "Mikael",
    "Lena",
    "Jonas",
    "Sofia",
    "Anders",
    "Hanna",
    "Gustav",
    "Frida",
    "Olof",
    "Linnea",
    "Henrik",
    "Maja",
    "Björn",
    "Ida",
    "Stefan",
)
_LAST = (
    "Lindström",
    "Öberg",
    "Nilsson",
    "Johansson",
    "Åström",
    "Holmberg",
    "Sandström",
    "Lundqvist",
    "Berglund",
    "Westerlund",
    "Nordin",
    "Eriksson",
    "Marklund",
    "Forsberg",
    "Backman",
    "Sjöberg",
    "Häggström",
    "Lindgren",
    "Edlund",
    "Strömberg",
    "Wikström",
    "Hedlund",
    "Nyström",
    "Bergström",
    "Sundqvist",
    "Jonsson",
    "Andersson",
    "Burman",
)
_MEETINGS = (
    ("Arbetsgrupp digitalisering", 6),
    ("KC-gruppen", 8),
    ("Kompetensförsörjning – nätverksträff", 10),
    ("Upphandlingssamverkan", 5),
    ("Besöksnäring och evenemang", 7),
    ("Överförmyndarnämnden beredning", 4),
    ("Biblioteken i samverkan", 6),
    ("Näringslivsnätverket", 9),
    ("Skolchefer", 7),
    ("HR-nätverket", 8),
)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    people: int
    desks: int
    bookings: int
    skipped: int
    first_day: date
    last_day: date


class DemoService(Service):
    def create(self, *, weeks_back: int = 3, weeks_ahead: int = 3, seed: int = 2026) -> DemoSummary:
        with self.db.session() as s:
            if s.scalar(select(func.count()).select_from(PersonRow)):
                raise OfficeNotEmpty(where=self.db.describe())
        rnd = random.Random(seed)
        office = OfficeService(self.db, self.clock)
        office.create_default_office()
        people = self._people(office, rnd)
        admin, reception, users = people[0], people[1], people[2:]
        resources = office.resources()
        desks = [r for r in resources if r.kind is ResourceKind.DESK]
        room = next(r for r in resources if r.kind is ResourceKind.ROOM)
        policy = office.policy()
        calendar = policy.calendar([])
        today = clk.local_date(self.now())
        first = today - timedelta(weeks=weeks_back)
        last = today + timedelta(weeks=weeks_ahead)
        made = skipped = 0
        for day in calendar.open_days(first, last):
            hours = calendar.hours(day)
            assert hours is not None
            # a booking is made some days ahead, or this morning at the latest
            when = min(self.now(), clk.local(day, time(7, 0)) - timedelta(days=rnd.randint(0, 6)))
            booking = BookingService(self.db, clk.fixed_clock(when))
            busy = 0.45 + 0.35 * (day.weekday() in (1, 2, 3))  # Tuesday to Thursday are fuller
            for desk in desks:
                if rnd.random() > busy:
                    continue
                who = rnd.choice(users)
                period = rnd.choices(list(DeskPeriod), weights=(6, 2, 2))[0]
                try:
                    booking.book_desk(who.id, desk.id, day, period)
                    made += 1
                    if period is DeskPeriod.MORNING and rnd.random() < 0.5:
                        booking.book_desk(rnd.choice(users).id, desk.id, day, DeskPeriod.AFTERNOON)
                        made += 1
                except (Conflict, RuleViolation):
                    skipped += 1
            for _ in range(rnd.randint(0, 3)):
                title, size = rnd.choice(_MEETINGS)
                start_h = rnd.randint(hours.opens.hour, hours.closes.hour - 2)
                start = clk.local(day, time(start_h, rnd.choice((0, 30))))
                end = start + timedelta(minutes=rnd.choice((60, 90, 120)))
                try:
                    booking.book_room(
                        rnd.choice(users).id, room.id, start, end, rnd.randint(2, size + 2), title
                    )
                    made += 1
                except (Conflict, RuleViolation):
                    skipped += 1
        made += self._series(users, desks, room)
        self._attendance(reception, first, min(today, last))
        self._rotation(admin, today.year)
        return DemoSummary(len(people), len(desks), made, skipped, first, last)

    def _people(self, office: OfficeService, rnd: random.Random) -> list[Person]:
        admin = office.add_person(
            None, "Sofia Admin Lindqvist", "sofia.lindqvist@umea.se", "Umeå", role=Role.ADMIN
        )
        reception = office.add_person(
            admin.id, "Rut Receptionist Holm", "rut.holm@umea.se", "Umeå", role=Role.RECEPTIONIST
        )
        people = [admin, reception]
        names = [(f, ln) for f in _FIRST for ln in _LAST]
        rnd.shuffle(names)
        for m in municipalities.ALL:
            for i in range(4):
                first, last = names.pop()
                email = f"{_ascii(first)}.{_ascii(last)}@{m.code}.se"
                kind = PersonKind.POLITICIAN if i == 3 else PersonKind.EMPLOYEE
                people.append(office.add_person(admin.id, f"{first} {last}", email, m.code, kind))
        return people

    def _series(self, users: list[Person], desks: list[Resource], room: Resource) -> int:
        booking = BookingService(self.db, self.clock)
        today = clk.local_date(self.now())
        start = today + timedelta(days=1)
        made = 0
        try:
            result = booking.book_series(
                users[0].id,
                room.id,
                Recurrence.weekly(start, [1], count=6),
                start_time=time(13, 0),
                end_time=time(15, 0),
                participants=9,
                title="Arbetsgrupp kompetensförsörjning",
            )
            made += len(result.booked)
            result = booking.book_series(
                users[5].id, desks[-1].id, Recurrence.weekly(start, [2], count=6), period=DeskPeriod.FULL_DAY
            )
            made += len(result.booked)
        except (Conflict, RuleViolation):
            pass
        return made

    def _attendance(self, reception: Person, first: date, last: date) -> None:
        """Past bookings: most people came, a few did not."""
        rnd = random.Random(7)
        with self.db.session() as s:
            rows = s.execute(
                select(BookingRow.id, BookingRow.start_at)
                .where(BookingRow.start_at >= clk.local(first, time(0)), BookingRow.start_at < self.now())
                .order_by(BookingRow.start_at)
            ).all()
        for booking_id, start in rows:
            if rnd.random() < 0.88:
                moment = min(start + timedelta(minutes=rnd.randint(-20, 25)), self.now())
                AttendanceService(self.db, clk.fixed_clock(moment)).check_in(reception.id, booking_id)
            elif start + timedelta(minutes=45) <= self.now():
                AttendanceService(self.db, clk.fixed_clock(start + timedelta(minutes=45))).mark_no_show(
                    reception.id, booking_id
                )

    def _rotation(self, admin: Person, year: int) -> None:
        rotation = RotationService(self.db, self.clock)
        host = rotation.year(year)
        meetings = [
            (date(year, 2, 12), "Umeåregionrådet"),
            (date(year, 5, 7), "Umeåregionrådet"),
            (date(year, 9, 17), "Umeåregionrådet"),
            (date(year, 11, 26), "Umeåregionrådet"),
        ]
        for day, title in meetings:
            rotation.add_meeting(
                admin.id,
                "council",
                title,
                clk.local(day, time(9)),
                clk.local(day, time(12)),
                "Renmarkstorget 5D, 3 tr",
            )
        if host.next_year is not None:
            day = date(year, 12, 10)
            rotation.add_meeting(
                admin.id,
                "handover",
                f"Överlämning av värdskapet: {host.host_year.host.name} → {host.next_year.host.name}",
                clk.local(day, time(13)),
                clk.local(day, time(15)),
                "Satellitkontoret, konferensrummet",
            )


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
