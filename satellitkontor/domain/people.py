"""People who book: employees and politicians of the seven municipalities, and their roles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from satellitkontor.domain.errors import InvalidInput


class PersonKind(StrEnum):
    EMPLOYEE = "employee"  # medarbetare
    POLITICIAN = "politician"  # politiker


class Role(StrEnum):
    USER = "user"
    RECEPTIONIST = "receptionist"
    ADMIN = "admin"

    @property
    def is_staff(self) -> bool:
        """Receptionists and admins may act on behalf of others."""
        return self in (Role.RECEPTIONIST, Role.ADMIN)


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    email: str
    municipality_code: str
    kind: PersonKind
    role: Role
    active: bool = True


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalise_email(email: str) -> str:
    value = email.strip().lower()
    if not _EMAIL.match(value) or len(value) > 254:
        raise InvalidInput(field="email", value=email)
    return value


def normalise_name(name: str) -> str:
    from satellitkontor.domain.text import plain

    return plain(name, "name")
