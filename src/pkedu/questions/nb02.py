"""Self-check questions for notebook 02 (scale: how much does ASEAN contribute?).

Every answer that is a fact of the data is computed from :mod:`pkedu.data`
and :mod:`pkedu.analysis` when the student checks it.

>>> from pkedu.questions import get
>>> get("02-top-2019-01").expected()
'ETH'
>>> get("02-idn-rank-2019-12").expected()
8
>>> get("02-idn-peak").expected()
Timestamp('2018-11-01 00:00:00')
>>> sorted(get("02-phl-mix").expected())
['experts', 'police']
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data
from pkedu.questions import country_options, register

OBJECTIVES = {
    "02.1": "Say what the UN's monthly headcounts count (troops, police, experts) and what "
            "they leave out.",
    "02.2": "Compare ASEAN's contribution with the world total and with the largest "
            "contributors, as numbers and as a share.",
    "02.3": "Read a ranking together with its date, and explain why the order changes from "
            "month to month.",
    "02.4": "Describe what kinds of personnel ASEAN states send and where they serve.",
    "02.5": "Weigh national claims (women peacekeepers, Indonesia's 4,000 pledge) against "
            "the UN's figures.",
}

#: The large contributors the notebook compares ASEAN with.
SOUTH_ASIA = ("BGD", "IND", "NPL", "PAK")
EAST_AFRICA = ("ETH", "RWA")


def _contributions() -> pd.DataFrame:
    return data.load_contributions()


def asean_troop_share(when: str = "2019-12") -> float:
    """Troops (staff officers included) as a percentage of ASEAN personnel in one month.

    >>> round(asean_troop_share(), 1)
    91.1
    """
    mix = analysis.personnel_mix(_contributions(), data.ASEAN10, when).set_index("group")
    return float(mix.loc["troops", "share"]) * 100


def asean_share_of_world(when: str = "2019-12") -> float:
    """ASEAN's share of all UN uniformed personnel in one month, in per cent.

    >>> round(asean_share_of_world(), 1)
    5.9
    """
    share = analysis.share_of_world(_contributions(), data.ASEAN10).set_index("month")
    return float(share.loc[analysis.month(when), "share"]) * 100


def largest_contributor(when: str) -> str:
    """The ISO3 code of the world's largest contributor in one month."""
    return str(analysis.ranking(_contributions(), when, top=1).loc[0, "iso3"])


def world_rank(iso3: str, when: str) -> int:
    """A country's world rank in one month (1 = largest contributor).

    >>> world_rank("IDN", "2025-07")
    5
    """
    ranked = analysis.ranking(_contributions(), when, countries=[iso3])
    if ranked.empty:
        raise ValueError(f"{iso3} had nobody deployed in {when}")
    return int(ranked.loc[0, "rank"])


def top_asean_mission(when: str = "2019-12") -> str:
    """The mission with the most ASEAN personnel, all ASEAN states together.

    >>> top_asean_mission()
    'UNIFIL'
    """
    serve = analysis.where_they_serve(data.load_mission_contributions(), data.ASEAN10, when)
    per_mission = serve.groupby("mission")["total"].sum().sort_values(ascending=False,
                                                                      kind="stable")
    return str(per_mission.index[0])


def groups_sent(iso3: str, when: str) -> list[str]:
    """The personnel groups a country had deployed in one month."""
    mix = analysis.personnel_mix(_contributions(), [iso3], when)
    return mix.loc[mix["total"] > 0, "group"].tolist()


def women_share_pct(iso3: str, when: str) -> float:
    """Women as a percentage of a country's personnel in one month (UN data).

    >>> round(women_share_pct("KHM", "2021-11"), 1)
    12.4
    """
    women = analysis.women_share(_contributions(), [iso3]).set_index("month")
    return float(women.loc[analysis.month(when), "share"]) * 100


def idn_peak_month(start: str = "2012-01") -> pd.Timestamp:
    """The month Indonesia had the most personnel deployed, from ``start`` on."""
    gap = analysis.pledge_gap(_contributions(), "IDN", 4000)
    gap = gap[gap["month"] >= analysis.month(start)].dropna(subset=["total"])
    return gap.loc[gap["total"].idxmax(), "month"]


def idn_pledge_reached() -> str:
    """'yes' if Indonesia ever had 4,000 or more deployed in the UN data, else 'no'."""
    gap = analysis.pledge_gap(_contributions(), "IDN", 4000)
    return "yes" if bool((gap["total"] >= 4000).any()) else "no"


register(
    id="02-what-counts",
    objective="02.1",
    kind="choice",
    prompt="Which people do the UN's monthly 'troop and police contributors' totals count?",
    options={
        "a": "Only soldiers in UN peacekeeping operations",
        "b": "Uniformed personnel (troops, police, military experts) in UN peacekeeping "
             "operations, and also in some UN political missions and offices",
        "c": "Every soldier a country has abroad, including coalitions such as the US-led "
             "force in Iraq",
        "d": "Uniformed and civilian UN staff together",
    },
    answer="b",
    feedback={
        "a": "Police and military experts (observers) are in the totals too, and not only in "
             "peacekeeping operations.",
        "c": "Coalitions that the UN does not command are not in the UN's figures at all.",
        "d": "Civilian staff are not in these reports: they count uniformed personnel only.",
    },
    hints=("Reread the section 'What the numbers count'.",),
    explanation="The totals cover troops (with staff officers), police and military experts. "
                "They also include uniformed people in special political missions such as "
                "the UN's mission in Afghanistan, so they are a little wider than "
                "'peacekeeping' in the strict sense.",
)

register(
    id="02-troop-share",
    objective="02.4",
    kind="number",
    prompt="What percentage of ASEAN's uniformed personnel in December 2019 (2019-12) were "
           "troops (staff officers included)? Answer in per cent, e.g. 45.2.",
    answer=asean_troop_share,
    tolerance=0.5,
    hints=("Use pk.analysis.personnel_mix(contributions, pk.data.ASEAN10, '2019-12').",
           "The share column is a fraction: multiply it by 100 for per cent."),
    explanation="Nine in ten ASEAN peacekeepers were soldiers: ASEAN sends mostly formed "
                "military units, with police and observers a small part.",
)

register(
    id="02-asean-share",
    objective="02.2",
    kind="number",
    prompt="What was ASEAN's share of all UN uniformed personnel in December 2019 (2019-12)? "
           "Answer in per cent, e.g. 12.5.",
    answer=asean_share_of_world,
    tolerance=0.05,
    hints=("pk.analysis.share_of_world(contributions, pk.data.ASEAN10) gives a share for "
           "every month.",
           "Pick the row for 2019-12 (for example with .set_index('month').loc['2019-12-01']) "
           "and multiply its share by 100."),
    explanation="About one UN peacekeeper in seventeen came from an ASEAN state.",
)

register(
    id="02-share-why",
    objective="02.2",
    kind="choice",
    prompt="ASEAN's share of the world total rose from about 4.4% in 2015 to about 7.8% in 2024. "
           "What mainly explains that?",
    options={
        "a": "ASEAN states sent about twice as many people",
        "b": "The world total shrank while ASEAN's total stayed about the same",
        "c": "Laos and Singapore started to send large contingents",
        "d": "The UN started counting police in 2015",
    },
    answer="b",
    feedback={
        "a": "Look at the ASEAN line in the comparison chart: does it double?",
        "c": "Check the chart of ASEAN states: Laos never appears, and Singapore has no "
             "uniformed personnel in these years.",
        "d": "Police were counted all along; look at how the world total moves instead.",
    },
    hints=("A share is a part divided by a whole. Did the part grow, or the whole shrink?",),
    explanation="A share can grow without anyone sending more people. ASEAN stayed close to "
                "5,000 while large missions closed and the world total fell.",
)

register(
    id="02-top-2019-01",
    objective="02.3",
    kind="choice",
    prompt="Which country was the largest contributor of uniformed personnel in "
           "January 2019 (2019-01)?",
    options=country_options(("BGD", "ETH", "IND", "NPL", "RWA")),
    answer=lambda: largest_contributor("2019-01"),
    feedback={"BGD": "Bangladesh is first in many months, but check this one.",
              "IND": "India is in the top five, but not first in this month."},
    hints=("pk.analysis.ranking(contributions, '2019-01', top=5) lists the top five.",),
    explanation="Ethiopia led in January 2019. In January 2021 it was Bangladesh, and in "
                "July 2025 Nepal: always give the month with a ranking.",
)

register(
    id="02-idn-rank-2019-12",
    objective="02.3",
    kind="number",
    prompt="What was Indonesia's world rank among contributors in December 2019 (2019-12)?",
    answer=lambda: world_rank("IDN", "2019-12"),
    hints=("pk.analysis.ranking(contributions, '2019-12', countries=['IDN']) keeps "
           "Indonesia's world rank.",),
    explanation="Indonesia was in the world's top ten, which was one of the goals it had set "
                "itself.",
)

register(
    id="02-idn-rank-2025-07",
    objective="02.3",
    kind="number",
    prompt="What was Indonesia's world rank in July 2025 (2025-07), the latest month in the "
           "data?",
    answer=lambda: world_rank("IDN", "2025-07"),
    hints=("Same code as for 2019-12, with another month.",),
    explanation="Indonesia climbed without sending many more people: others shrank faster.",
)

register(
    id="02-top-mission",
    objective="02.4",
    kind="choice",
    prompt="In December 2019, which UN mission had the most personnel from ASEAN states "
           "(all ASEAN states together)?",
    options={
        "UNIFIL": "UNIFIL (Lebanon)",
        "MONUSCO": "MONUSCO (DR Congo)",
        "MINUSCA": "MINUSCA (Central African Republic)",
        "UNMISS": "UNMISS (South Sudan)",
        "MINUSMA": "MINUSMA (Mali)",
    },
    answer=top_asean_mission,
    feedback={"MONUSCO": "Indonesia had a large unit in the Congo, but add up all ASEAN "
                         "states per mission.",
              "UNMISS": "Many ASEAN states have a few people in South Sudan, but add up the "
                        "totals."},
    hints=("Look at the chart of where ASEAN personnel serve, or group the table from "
           "pk.analysis.where_they_serve(...) by mission.",),
    explanation="Lebanon: Indonesia, Malaysia, Cambodia and Brunei all had contingents there.",
)

register(
    id="02-phl-mix",
    objective="02.4",
    kind="choices",
    prompt="In December 2019, which personnel groups did the Philippines have deployed? "
           "Tick all that apply.",
    options={"troops": "Troops", "police": "Police", "experts": "Military experts"},
    answer=lambda: groups_sent("PHL", "2019-12"),
    hints=("pk.analysis.personnel_mix(contributions, ['PHL'], '2019-12') shows each group.",),
    explanation="The Philippines withdrew its troops from the Golan Heights and Liberia in 2014 "
                "and its last troops from Haiti in 2017; what remained were police officers and "
                "military experts.",
)

register(
    id="02-khm-women",
    objective="02.5",
    kind="number",
    prompt="In the UN's data, what percentage of Cambodia's personnel were women in "
           "November 2021 (2021-11)? Answer in per cent, e.g. 7.5.",
    answer=lambda: women_share_pct("KHM", "2021-11"),
    tolerance=0.2,
    hints=("pk.analysis.women_share(contributions, ['KHM']) gives one row per month.",
           "Pick 2021-11 and multiply the share by 100."),
    explanation="Lower than the '20 per cent' the defence minister spoke of that month: the "
                "two numbers may not measure the same thing.",
)

register(
    id="02-idn-peak",
    objective="02.5",
    kind="month",
    prompt="Since January 2012, in which month did Indonesia have the most uniformed "
           "personnel deployed in the UN's data? Write it like '2016-04'.",
    answer=idn_peak_month,
    hints=("pk.analysis.pledge_gap(contributions) has a total column; find the month of its "
           "largest value.",
           "idxmax() gives the row of the largest value."),
    explanation="November 2018, three months after Jokowi's speech of August 2018. A month "
                "later the total was lower again.",
)

register(
    id="02-pledge-reached",
    objective="02.5",
    kind="choice",
    prompt="Did Indonesia ever have 4,000 or more uniformed personnel deployed in the UN's "
           "monthly data?",
    options={"yes": "Yes", "no": "No"},
    answer=idn_pledge_reached,
    hints=("Look at the pledge chart: does the line ever reach the dashed target?",),
    explanation="Not in any month up to July 2025. Indonesia did reach its other goal, a place "
                "in the world's top ten.",
)

register(
    id="02-claims",
    objective="02.5",
    kind="reflection",
    prompt="In August 2018 President Joko Widodo said 3,552 Indonesians were serving as "
           "peacekeepers. Give two reasons why a government's count can differ from the UN's "
           "count for the same month.",
    hints=("Think about when a soldier is counted: on leaving home, on arrival, or while "
           "another unit is still on its way back.",),
)
