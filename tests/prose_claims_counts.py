"""Prose claims for counts that the course-noun rules no longer take as the course's own.

A count of stories or groups is a count of something in the world unless its sentence is about the course's
material, so these are proved here: "Ten states, ten stories" counts the states and the panels of the chart
that tells their stories; the mission table's "three groups" are the personnel groups its rows carry (see
prose_claim_helpers.py for the Claim record).
"""

from __future__ import annotations

import pkedu as pk
from pkedu import data

from prose_claim_helpers import LP01, NB01, README, Claim


def _ten_panels() -> bool:
    """ASEAN has ten members and the small-multiples chart of section 2 gives each its own panel."""
    facets = pk.charts.small_multiples(data.load_contributions()).to_dict()["facet"]["sort"]
    return len(data.ASEAN10) == 10 and len(facets) == len(set(facets)) == 10


def _three_groups() -> bool:
    """Every personnel type maps to one of three groups, and the mission table's rows carry exactly those."""
    groups = set(data.load_mission_contributions()["group"].unique())
    return set(data.TYPES.values()) == set(data.GROUPS) == groups and len(groups) == 3


CLAIMS = [
    Claim("nb01-ten-stories", (NB01, LP01), "Ten states, ten stories", _ten_panels),
    Claim("data-three-groups", README, "Personnel types are summed into the three groups.", _three_groups),
]
