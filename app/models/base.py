"""Declarative base, naming conventions and column helpers shared by all models.

Timestamps (``*_at``) are branch-local wall-clock times (WITA for Kota Kupang),
stored naive; the branch row carries the UTC offset. Money columns are integer rupiah.
"""

from __future__ import annotations

import enum
import uuid

from sqlalchemy import Enum, MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every Loket table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def new_uuid() -> str:
    """A random UUID as a 36-character string (the form stored and sent to head office)."""
    return str(uuid.uuid4())


def enum_column(enum_cls: type[enum.StrEnum]) -> Enum:
    """A VARCHAR column that stores an enum's lower-case values (``'sealed'``), not names."""
    return Enum(
        enum_cls,
        native_enum=False,
        length=16,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )
