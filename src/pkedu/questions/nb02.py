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


def asean_troop_share(when: str = "2019-12", group: str = "troops") -> float:
    """Troops (staff officers included), or another group, as a percentage of ASEAN personnel.

    >>> round(asean_troop_share(), 1)
    91.1
    """
    mix = analysis.personnel_mix(_contributions(), data.ASEAN10, when).set_index("group")
    return float(mix.loc[group, "share"]) * 100


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


def asean_monthly_changes(start: str = "2015-01") -> pd.Series:
    """ASEAN's total minus the month before's, for each month from ``start`` on.

    A month with no UN report, or right after one, has no change (NaN).

    >>> asean_monthly_changes().loc["2020-02-01"]
    np.float64(150.0)
    """
    totals = analysis.monthly_totals(_contributions(), countries=data.ASEAN10)
    changes = totals.set_index("month")["total"].diff()
    return changes[changes.index >= analysis.month(start)]


def typical_monthly_change(start: str = "2015-01") -> float:
    """The median size of ASEAN's month-to-month change (rises and falls alike).

    >>> typical_monthly_change()
    16.0
    """
    return float(asean_monthly_changes(start).abs().median())


def asean_yearly(year: int) -> float:
    """ASEAN's yearly average of monthly totals."""
    totals = analysis.monthly_totals(_contributions(), countries=data.ASEAN10)
    return float(analysis.annual(totals, "mean").set_index("year").loc[year, "total"])


def yearly_share_pct(year: int) -> float:
    """ASEAN's share of all UN uniformed personnel, averaged over a year's months, in per cent."""
    share = analysis.share_of_world(_contributions(), data.ASEAN10)
    return float(share[share["month"].dt.year == year]["share"].mean()) * 100


def count_growth_pct(first: int = 2015, last: int = 2024) -> float:
    """Per cent change of ASEAN's yearly average count between two years.

    >>> round(count_growth_pct(), 1)
    3.5
    """
    return (asean_yearly(last) / asean_yearly(first) - 1) * 100


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
    unit="percent",
    mistakes=(
        (lambda: asean_troop_share(group="police"),
         "That is the police's share. The troops row is the one labelled 'troops'."),
        (lambda: 100 - asean_troop_share(),
         "That is everyone who is not a soldier (police and experts). The question asks for the "
         "troops."),
    ),
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
    unit="percent",
    mistakes=(
        (lambda: asean_share_of_world("2019-01"),
         "That is ASEAN's share in January 2019. The question asks for December 2019 (2019-12)."),
        (lambda: asean_share_of_world("2019-12") * 100,
         "That number is 100 times too big: it looks like the share was multiplied by 100 twice. "
         "The share column is a fraction; multiply it by 100 once."),
    ),
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
    explanation="A share can grow without anyone sending more people. ASEAN stayed between "
                "about 4,550 and 5,050 a year while large missions closed and the world total fell.",
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

#: The slip of ranking after filtering, the same in both of Indonesia's rank questions.
RANKED_ALONE = ("Rank 1 is what you get after keeping only Indonesia (or only ASEAN) and ranking "
                "again. Rank the whole world first; countries=['IDN'] then keeps Indonesia's "
                "world rank.")

register(
    id="02-idn-rank-2019-12",
    objective="02.3",
    kind="number",
    prompt="What was Indonesia's world rank among contributors in December 2019 (2019-12)?",
    answer=lambda: world_rank("IDN", "2019-12"),
    mistakes=(
        (1, RANKED_ALONE),
        (lambda: world_rank("IDN", "2025-07"),
         "That is Indonesia's rank in July 2025. This question asks for December 2019."),
    ),
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
    mistakes=(
        (1, RANKED_ALONE),
        (lambda: world_rank("IDN", "2019-12"),
         "That is Indonesia's rank in December 2019. This question asks for July 2025."),
    ),
    hints=("Same code as for 2019-12, with another month.",),
    explanation="Indonesia climbed while sending fewer people (about 2,770 in July 2025 against "
                "about 2,900 in December 2019): others shrank faster.",
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
    unit="percent",
    mistakes=(
        (20, "That is the defence minister's figure. The question asks what the UN's data say "
             "for that month."),
        (lambda: 692 / 8951 * 100,
         "That is the cumulative share since 2006 from the Cambodian figures. The question asks "
         "for the UN's count of one month, November 2021."),
    ),
    hints=("pk.analysis.women_share(contributions, ['KHM']) gives one row per month.",
           "Pick 2021-11 and multiply the share by 100."),
    explanation="Lower than the share the defence minister gave that month (the notebook's "
                "sources list has it): the two numbers may not measure the same thing.",
)

register(
    id="02-idn-peak",
    objective="02.5",
    kind="month",
    prompt="Since January 2012, in which month did Indonesia have the most uniformed "
           "personnel deployed in the UN's data? Write it like '2016-04'.",
    answer=idn_peak_month,
    mistakes=(
        ("2018-08", "August 2018 is the month of Jokowi's speech, not of the UN's highest count. "
                    "Look for the largest value of the total column."),
        ("2018-12", "December 2018 is the month after the peak, when the count had already "
                    "fallen. Look for the single largest value."),
    ),
    hints=("pk.analysis.pledge_gap(contributions) has a total column; find the month of its "
           "largest value.",
           "idxmax() gives the row of the largest value."),
    explanation="November 2018, three months after Jokowi's speech of August 2018: 3,545 "
                "people, the only month close to his 3,552. A month later the total was lower "
                "again; from 2016 its yearly average has stayed between about 2,650 and 2,940.",
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
    id="02-typical-change",
    objective="02.2",
    kind="number",
    prompt="Since January 2015 (2015-01), how big is ASEAN's typical month-to-month change? "
           "Give the median of the sizes of the changes (rises and falls alike), in people.",
    answer=typical_monthly_change,
    tolerance=0.5,
    mistakes=(
        (lambda: float(asean_monthly_changes().median()),
         "That is the median of the changes with their signs, so rises and falls cancel out. "
         "Take the size of each change first with .abs(), then the median."),
        (lambda: float(asean_monthly_changes().abs().mean()),
         "That is the mean of the sizes. A few big jumps (rotations, a new unit) pull the mean "
         "up; the question asks for the median, the middle value."),
        (lambda: float(asean_monthly_changes("1990-01").abs().median()),
         "That is the median over the whole record. The question asks for the months since "
         "January 2015 (start the series at '2015-01-01')."),
    ),
    hints=("The cell above gives changes = this month's total minus the month before's.",
           "recent.abs() turns every change into its size; .median() gives the middle value."),
    explanation="In a typical month ASEAN's total moves by only about 16 people. A change of 150 "
                "or more happens in about one month in ten, and can be undone the next month, as "
                "in early 2020.",
)

register(
    id="02-trend-or-noise",
    objective="02.2",
    kind="choice",
    prompt="A report says: 'ASEAN peacekeeping surges: 150 more Southeast Asian peacekeepers in "
           "February 2020 than in January.' With the typical monthly change and the chart in "
           "mind, which reading is best?",
    options={
        "a": "A new trend: 150 is far bigger than the typical monthly change",
        "b": "Not a trend: the rise undid most of January's fall of about 200, and February was "
             "still below December 2019",
        "c": "The data must be wrong, because changes of 150 never happen",
        "d": "A trend, because any rise at all means the number has grown",
    },
    answer="b",
    feedback={
        "a": "Big, yes; but look at the month before. A jump that only reverses a fall is a "
             "wobble, not a new direction. Compare the level over several months.",
        "c": "Changes of 150 or more do happen, in about one month in ten since 2015. Being "
             "unusual does not make a number wrong.",
        "d": "Every month goes up or down a little. A trend is a change that is bigger than the "
             "usual ups and downs and lasts.",
    },
    hints=("Look at the changes for December 2019, January 2020 and February 2020 together.",),
    explanation="January 2020 fell by about 200 and February rose by 150: a wobble (perhaps a "
                "rotation; the data cannot say), not a surge. Before calling a change a trend, compare it with the usual monthly "
                "movement and check that it lasts.",
)

register(
    id="02-count-growth",
    objective="02.2",
    kind="number",
    prompt="By how many per cent did ASEAN's yearly average number of personnel change from "
           "2015 to 2024? Answer in per cent, e.g. 12.5.",
    answer=count_growth_pct,
    tolerance=0.2,
    unit="percent",
    mistakes=(
        (lambda: (yearly_share_pct(2024) / yearly_share_pct(2015) - 1) * 100,
         "That is how much the share grew. The question asks about the count: the ASEAN "
         "column."),
        (lambda: asean_yearly(2024) - asean_yearly(2015),
         "That is the difference in people. Turn it into per cent: (new / old - 1) x 100."),
        (lambda: (asean_yearly(2015) / asean_yearly(2024) - 1) * 100,
         "You divided the old year by the new one. Per cent change = (2024 / 2015 - 1) x 100."),
    ),
    hints=("Per cent change = (new / old - 1) x 100, with 2015 as old and 2024 as new.",
           "Use the ASEAN column of the table: by_year.loc[2024, 'ASEAN'] and "
           "by_year.loc[2015, 'ASEAN']."),
    explanation="A few per cent: the count hardly moved, while the share grew by about three "
                "quarters, because the world total fell.",
)

register(
    id="02-which-denominator",
    objective="02.2",
    kind="choice",
    prompt="Jenne writes that 'the number of Southeast Asian peacekeepers deployed with the UN "
           "has grown'. For 2015 to 2024, which measure tests that sentence, and what does it "
           "show?",
    options={
        "a": "The share of the world total: it rose by about three quarters, so the number grew "
             "a lot",
        "b": "The count: it rose only a few per cent, so the number hardly grew in those years",
        "c": "Either one: they always tell the same story",
        "d": "Neither: only a ranking can show growth",
    },
    answer="b",
    feedback={
        "a": "The sentence is about the number of people. A share is ASEAN divided by the world "
             "total, so it also rises when the world total falls, as it did after 2015.",
        "c": "Look at the table: from 2015 to 2024 one measure rose by a few per cent, the other "
             "by about three quarters.",
        "d": "A rank also depends on the others: Indonesia moved up while sending about as many "
             "people as before.",
    },
    hints=("The sentence says 'the number'. Which column is a number of people?",),
    explanation="The count answers a question about 'the number'. The share answers another "
                "question, ASEAN's weight in UN peacekeeping, and its rise after 2015 came mostly "
                "from a shrinking world total.",
)
