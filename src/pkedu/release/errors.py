"""The errors a release reports: one plain sentence that names the notebook and cell."""

from __future__ import annotations

__all__ = ["ReleaseError", "MarkerError"]


class ReleaseError(ValueError):
    """A notebook cannot be released; the message names the notebook and cell."""


class MarkerError(ReleaseError):
    """Solution markers are unbalanced or malformed."""


# Shown (and pickled) under the name users import them by.
ReleaseError.__module__ = MarkerError.__module__ = "pkedu.release"
