"""Read the submission time from a learning platform's file names (``nbgrader zip_collect``).

Blackboard names a downloaded submission
``<assignment>_<student>_attempt_2026-03-02-11-40-00_<file>``: the time is
written with dashes only. nbgrader reads the ``timestamp`` its pattern finds
with dateutil, which takes ``2026-03-02-11-40-00`` for 11:00 and drops the
minutes and seconds: two attempts in the same hour look equally new (the one
kept is then a matter of file order) and a due date is checked an hour off.
:class:`PlatformFileNames`, the collector that ``pkedu grading`` configures,
writes such a time the way dateutil reads it before nbgrader sees it.

Only nbgrader imports this module (its configuration names the class), so
nbgrader is installed wherever it runs.
"""

from __future__ import annotations

import re

from nbgrader.plugins import FileNameCollectorPlugin

__all__ = ["PlatformFileNames", "readable_time"]

_DASHED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[-_](\d{1,2})-(\d{2})(?:-(\d{2}))?")


def readable_time(text: str) -> str:
    """A date and time written with dashes only, as ``YYYY-MM-DD HH:MM:SS``; other text unchanged.

    >>> readable_time("2026-03-02-11-40-05")
    '2026-03-02 11:40:05'
    >>> readable_time("2026-03-02-11-40")
    '2026-03-02 11:40:00'
    >>> readable_time("2026-03-02 11:40:05")
    '2026-03-02 11:40:05'
    """
    found = _DASHED.fullmatch(text.strip())
    if not found:
        return text
    year, month, day, hour, minute, second = found.groups()
    return (f"{year}-{int(month):02d}-{int(day):02d} "
            f"{int(hour):02d}:{minute}:{second or '00'}")


class PlatformFileNames(FileNameCollectorPlugin):
    """nbgrader's file-name collector, reading a dashed time (Blackboard's) to the second.

    The pattern is still ``c.FileNameCollectorPlugin.named_regexp``.
    """

    def collect(self, submitted_file: str) -> dict | None:
        """What nbgrader's collector finds, with the ``timestamp`` made readable."""
        found = super().collect(submitted_file)
        if found and isinstance(found.get("timestamp"), str):
            found["timestamp"] = readable_time(found["timestamp"])
        return found
