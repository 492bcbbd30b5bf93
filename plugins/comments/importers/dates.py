"""The dates of exports that write ISO 8601 with an offset (Disqus, saved pages)."""

from __future__ import annotations

from datetime import datetime, timezone

MISSING = "missing or invalid date"
# An offset can carry a date past the ends of the calendar Python knows
# (9999-12-31T23:59:59-12:00 is in the year 10000 in UTC).
OUT_OF_RANGE = "date out of range (before year 1 or after 9999 in UTC), kept without a date; set it in the comments file"


def utc_date(text: str) -> tuple[datetime | None, str | None]:
    """(the date in UTC, None), or (None, the problem to report)."""
    try:
        date = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None, MISSING
    if date.tzinfo is None:
        return None, MISSING  # a time without a zone cannot be placed in UTC
    try:
        return date.astimezone(timezone.utc), None
    except OverflowError:
        return None, OUT_OF_RANGE
