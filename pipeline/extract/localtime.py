"""The outlet's local time: relative dates («сегодня», «вчера», «2 часа назад») on a page are
written in the outlet's time zone, so the crawl time that anchors them must be in it too.

Offsets per federal subject are in pipeline/data/timezones.yml (scripts/build_timezones.py).
"""

from __future__ import annotations

import datetime
import functools

import yaml

from newsmon.core.datafiles import read_data

# An unknown or missing region: Moscow time, the zone most outlets and CMS defaults use.
DEFAULT_OFFSET_HOURS = 3


@functools.cache
def utc_offsets() -> dict[str, int]:
    """ISO code → UTC offset in hours."""
    raw = yaml.safe_load(
        read_data("pipeline", "timezones.yml")
    )
    return {str(iso): int(hours) for iso, hours in raw["offsets"].items()}


def region_timezone(region_iso: str | None) -> datetime.timezone:
    hours = utc_offsets().get(region_iso or "", DEFAULT_OFFSET_HOURS)
    return datetime.timezone(datetime.timedelta(hours=hours))


def local_time(utc: datetime.datetime, region_iso: str | None) -> datetime.datetime:
    """``utc`` (aware, or naive meaning UTC) as an aware time in the region's capital."""
    if utc.tzinfo is None:
        utc = utc.replace(tzinfo=datetime.timezone.utc)
    return utc.astimezone(region_timezone(region_iso))
