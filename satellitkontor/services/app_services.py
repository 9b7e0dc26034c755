"""All services over one database and one clock, and opening an office for use."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from satellitkontor.domain.clock import Clock, system_clock
from satellitkontor.services.base import connect
from satellitkontor.services.change_watch import ChangeWatch
from satellitkontor.storage import schema
from satellitkontor.storage.backup_leftovers import remove_leftovers
from satellitkontor.storage.database import Database
from satellitkontor.storage.queries import core_reads

if TYPE_CHECKING:
    from satellitkontor.services.attendance import AttendanceService
    from satellitkontor.services.audit.service import AuditService
    from satellitkontor.services.booking.service import BookingService
    from satellitkontor.services.exchange.sync import SyncService
    from satellitkontor.services.feeds.publishing import FeedPublishingService
    from satellitkontor.services.feeds.service import FeedService
    from satellitkontor.services.identity import IdentityService
    from satellitkontor.services.imports.service import ImportService
    from satellitkontor.services.notices.service import NoticeService
    from satellitkontor.services.occupancy import OccupancyService
    from satellitkontor.services.office import OfficeService
    from satellitkontor.services.privacy.my_data import PersonalDataService
    from satellitkontor.services.privacy.results import RetentionReport
    from satellitkontor.services.privacy.service import PrivacyService
    from satellitkontor.services.rotation import RotationService
    from satellitkontor.services.statistics.service import StatisticsService
    from satellitkontor.services.waitlist.service import WaitlistService


class AppServices:
    """The services of one office. Each is made (and its module imported) when first used: a
    command of the command line imports only what it runs (``occupancy`` imported all fifteen
    with their dependencies: issue 18's "CLI occupancy as a whole process")."""

    def __init__(
        self, db: Database, clock: Clock = system_clock, upgrade: schema.UpgradeResult | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        self.upgrade = upgrade
        self.changes = ChangeWatch(db)

    @cached_property
    def booking(self) -> BookingService:
        from satellitkontor.services.booking.service import BookingService

        return BookingService(self.db, self.clock)

    @cached_property
    def attendance(self) -> AttendanceService:
        from satellitkontor.services.attendance import AttendanceService

        return AttendanceService(self.db, self.clock)

    @cached_property
    def occupancy(self) -> OccupancyService:
        from satellitkontor.services.occupancy import OccupancyService

        return OccupancyService(self.db, self.clock)

    @cached_property
    def office(self) -> OfficeService:
        from satellitkontor.services.office import OfficeService

        return OfficeService(self.db, self.clock)

    @cached_property
    def rotation(self) -> RotationService:
        from satellitkontor.services.rotation import RotationService

        return RotationService(self.db, self.clock)

    @cached_property
    def statistics(self) -> StatisticsService:
        from satellitkontor.services.statistics.service import StatisticsService

        return StatisticsService(self.db, self.clock)

    @cached_property
    def feed_publishing(self) -> FeedPublishingService:
        from satellitkontor.services.feeds.publishing import FeedPublishingService

        return FeedPublishingService(self.db, self.clock)

    @cached_property
    def feeds(self) -> FeedService:
        from satellitkontor.services.feeds.service import FeedService

        return FeedService(self.db, self.clock)

    @cached_property
    def ical_import(self) -> ImportService:
        from satellitkontor.services.imports.service import ImportService

        return ImportService(self.db, self.clock)

    @cached_property
    def privacy(self) -> PrivacyService:
        from satellitkontor.services.privacy.service import PrivacyService

        return PrivacyService(self.db, self.clock)

    @cached_property
    def personal_data(self) -> PersonalDataService:
        from satellitkontor.services.privacy.my_data import PersonalDataService

        return PersonalDataService(self.db, self.clock)

    @cached_property
    def audit(self) -> AuditService:
        from satellitkontor.services.audit.service import AuditService

        return AuditService(self.db, self.clock)

    @cached_property
    def exchange(self) -> SyncService:
        from satellitkontor.services.exchange.sync import SyncService

        return SyncService(self.db, self.clock)

    @cached_property
    def identity(self) -> IdentityService:
        from satellitkontor.services.identity import IdentityService

        return IdentityService(self.db, self.clock)

    @cached_property
    def notices(self) -> NoticeService:
        from satellitkontor.services.notices.service import NoticeService

        return NoticeService(self.db, self.clock)

    @cached_property
    def waitlist(self) -> WaitlistService:
        from satellitkontor.services.waitlist.service import WaitlistService

        return WaitlistService(self.db, self.clock)

    def load_all(self) -> None:
        """Make every service now (the desktop app, on its worker thread: later the GUI thread
        would import a service's modules when it first reaches for it)."""
        self.load(_SERVICES)

    def load(self, names: Iterable[str]) -> None:
        """Make the services named (attribute names of this class) now; unknown names raise."""
        for name in names:
            if name not in _SERVICES:
                raise AttributeError(f"no service named {name!r}")
            getattr(self, name)

    def retention_on_start(self) -> RetentionReport | None:
        """What a start of the app does (``PrivacyService.retention_on_start``, whose run it calls
        once the setting is on), with what every start needs read through SQLAlchemy Core: the
        leftovers of killed restores removed and the setting read. The privacy service, and with
        it the ORM and the models (~150 ms of imports on the way to the day's desks, issue 18),
        is made only when the office has turned retention on start on."""
        remove_leftovers()
        with self.db.connect() as conn:
            if not core_reads.load_privacy(conn).retention_on_start:
                return None
        return self.privacy.apply_on_start()

    def unmade(self) -> tuple[str, ...]:
        """The names of the services not yet made (see ``load``)."""
        return tuple(name for name in _SERVICES if name not in self.__dict__)

    def close(self) -> None:
        self.changes.close()
        self.db.dispose()


_SERVICES = tuple(name for name, value in vars(AppServices).items() if isinstance(value, cached_property))


def open_office(url: str | None = None, *, clock: Clock = system_clock) -> AppServices:
    """Connect, create or upgrade the schema (see storage.schema.prepare) and, in a new
    database, lay out the default office."""
    db = connect(url)
    try:
        result = schema.prepare(db)
    except BaseException:
        db.dispose()
        raise
    services = AppServices(db, clock, result)
    if result.created:
        services.office.create_default_office()
    return services
