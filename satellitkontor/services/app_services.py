"""All services over one database and one clock, and opening an office for use."""

from __future__ import annotations

from dataclasses import dataclass, field

from satellitkontor.domain.clock import Clock, system_clock
from satellitkontor.services.attendance import AttendanceService
from satellitkontor.services.audit.service import AuditService
from satellitkontor.services.base import connect
from satellitkontor.services.booking.service import BookingService
from satellitkontor.services.change_watch import ChangeWatch
from satellitkontor.services.exchange.sync import SyncService
from satellitkontor.services.feeds.publishing import FeedPublishingService
from satellitkontor.services.feeds.service import FeedService
from satellitkontor.services.identity import IdentityService
from satellitkontor.services.imports.service import ImportService
from satellitkontor.services.notices.service import NoticeService
from satellitkontor.services.occupancy import OccupancyService
from satellitkontor.services.office import OfficeService
from satellitkontor.services.privacy.my_data import PersonalDataService
from satellitkontor.services.privacy.service import PrivacyService
from satellitkontor.services.rotation import RotationService
from satellitkontor.services.statistics.service import StatisticsService
from satellitkontor.services.waitlist.service import WaitlistService
from satellitkontor.storage import schema
from satellitkontor.storage.database import Database


@dataclass
class AppServices:
    db: Database
    clock: Clock = system_clock
    upgrade: schema.UpgradeResult | None = None
    booking: BookingService = field(init=False)
    attendance: AttendanceService = field(init=False)
    occupancy: OccupancyService = field(init=False)
    office: OfficeService = field(init=False)
    rotation: RotationService = field(init=False)
    statistics: StatisticsService = field(init=False)
    changes: ChangeWatch = field(init=False)
    feed_publishing: FeedPublishingService = field(init=False)
    feeds: FeedService = field(init=False)
    ical_import: ImportService = field(init=False)
    privacy: PrivacyService = field(init=False)
    personal_data: PersonalDataService = field(init=False)
    audit: AuditService = field(init=False)
    exchange: SyncService = field(init=False)
    identity: IdentityService = field(init=False)
    notices: NoticeService = field(init=False)
    waitlist: WaitlistService = field(init=False)

    def __post_init__(self) -> None:
        self.booking = BookingService(self.db, self.clock)
        self.attendance = AttendanceService(self.db, self.clock)
        self.occupancy = OccupancyService(self.db, self.clock)
        self.office = OfficeService(self.db, self.clock)
        self.rotation = RotationService(self.db, self.clock)
        self.statistics = StatisticsService(self.db, self.clock)
        self.changes = ChangeWatch(self.db)
        self.feed_publishing = FeedPublishingService(self.db, self.clock)
        self.feeds = FeedService(self.db, self.clock)
        self.ical_import = ImportService(self.db, self.clock)
        self.privacy = PrivacyService(self.db, self.clock)
        self.personal_data = PersonalDataService(self.db, self.clock)
        self.audit = AuditService(self.db, self.clock)
        self.exchange = SyncService(self.db, self.clock)
        self.identity = IdentityService(self.db, self.clock)
        self.notices = NoticeService(self.db, self.clock)
        self.waitlist = WaitlistService(self.db, self.clock)

    def close(self) -> None:
        self.changes.close()
        self.db.dispose()


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
