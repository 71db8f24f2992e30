"""The receipt papers a counter can print on (a name for the settings, no drawing here:
reading the settings must not load the PDF library)."""

from __future__ import annotations

import enum


class Paper(enum.StrEnum):
    ROLL_80 = "80mm"
    ROLL_58 = "58mm"
    A5 = "a5"
    HALF_LETTER = "half-letter"
