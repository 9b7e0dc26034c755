"""Book-keeping of one ``push()`` batch, shared by both backends.

- Items are grouped by mailbox (each mailbox is one set of requests: EWS impersonates per mailbox,
  Graph addresses ``/users/{mailbox}``), in the order the mailboxes first appear.
- The same booking may appear more than once for one mailbox (the outbox holds a change and a later
  one): only the item with the highest ``sequence`` (the last of equals) is sent, and every copy gets
  its answer. The same booking in two mailboxes (the booker changed) are two events.
- Every input item gets exactly one result, in input order. When a backend stops early because the
  server itself failed (unreachable, wrong password, EWS disabled, throttled), the items not yet
  answered get ``FAILED`` with that error.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from satellitkontor.integrations.exchange.backend import PushItem, PushResult, PushStatus
from satellitkontor.integrations.exchange.errors import ExchangeError

Key = tuple[str, str]


def key(item: PushItem) -> Key:
    return (item.booking_id, item.mailbox.lower())


class PushPlan:
    def __init__(self, items: Sequence[PushItem]) -> None:
        self.items = list(items)
        self.chosen: dict[Key, PushItem] = {}
        for item in self.items:
            current = self.chosen.get(key(item))
            if current is None or item.sequence >= current.sequence:
                self.chosen[key(item)] = item
        self._results: dict[Key, PushResult] = {}
        self.stopped: ExchangeError | None = None

    def by_mailbox(self) -> list[tuple[str, list[PushItem]]]:
        groups: dict[str, list[PushItem]] = {}
        for item in self.chosen.values():
            groups.setdefault(item.mailbox.lower(), []).append(item)
        return list(groups.items())

    def answer(self, item: PushItem, result: PushResult) -> None:
        self._results[key(item)] = result

    def answered(self, item: PushItem) -> bool:
        return key(item) in self._results

    def fail_open(self, batch: Iterable[PushItem], error: ExchangeError) -> None:
        for item in batch:
            if key(item) not in self._results:
                self.answer(item, PushResult(item.booking_id, PushStatus.FAILED, error=error))

    def stop(self, error: ExchangeError) -> None:
        self.stopped = error

    def results(self) -> list[PushResult]:
        out = []
        for item in self.items:
            result = self._results.get(key(item))
            if result is None:
                error = self.stopped or ExchangeError(detail="not sent")
                result = PushResult(item.booking_id, PushStatus.FAILED, error=error)
            out.append(result)
        return out
