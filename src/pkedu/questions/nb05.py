"""Self-check questions for notebook 05 (sub-regional options).

>>> from pkedu.questions import get
>>> get("05-brunei-unifil").expected()
30
>>> get("05-brunei-missions").expected()
1
>>> round(get("05-idn-pledge-2019").expected(), 1)
73.4
>>> get("05-khm-rank-2019").expected()
27
"""

from __future__ import annotations

from pkedu import analysis, data
from pkedu.questions import country_options, register

OBJECTIVES = {
    "05.1": "Explain what sub-regional cooperation among like-minded states means, and why "
            "the article finds it more realistic than an ASEAN-wide force.",
    "05.2": "Describe Indonesia's stated rules for peacekeeping and compare its 4,000 pledge "
            "with the UN data.",
    "05.3": "Trace how Vietnam and Cambodia built up their peacekeeping capacity, using dated "
            "events and UN data.",
    "05.4": "Test the article's claim about binational contingents with mission-level data.",
    "05.5": "Explain the maritime patrol precedents and judge how far they carry over to "
            "peacekeeping.",
    "05.6": "Design a small rapid reaction group and justify its size, members and costs "
            "with data.",
}

#: The month used for the mission-level questions (the last December before the pandemic
#: with mission detail in the data).
MISSION_MONTH = "2019-12"


def _serve(countries: list[str], when: str = MISSION_MONTH):
    return analysis.where_they_serve(data.load_mission_contributions(), countries, when)


def brunei_unifil() -> int:
    """Brunei's personnel in UNIFIL in 2019-12."""
    rows = _serve(["BRN"]).set_index("mission")
    return int(rows.loc["UNIFIL", "total"])


def _unifil_brn_mys():
    rows = _serve(["BRN", "MYS"])
    return rows[rows["mission"] == "UNIFIL"].set_index("iso3")["total"]


def brunei_share_unifil() -> float:
    """Brunei's share of the Malaysian and Bruneian personnel in UNIFIL in 2019-12, in per cent."""
    rows = _unifil_brn_mys()
    return float(100 * rows["BRN"] / rows.sum())


def brunei_missions() -> int:
    """How many different UN missions Brunei appears in, over all the mission-level data."""
    mc = data.load_mission_contributions()
    return int(mc.loc[(mc["iso3"] == "BRN") & (mc["total"] > 0), "mission"].nunique())


def cambodia_missions() -> int:
    """How many UN missions had Cambodian personnel in 2019-12."""
    return int(_serve(["KHM"])["mission"].nunique())


def _indonesia_2019(how: str) -> float:
    monthly = analysis.monthly_totals(data.load_contributions(), countries="IDN")
    return float(analysis.annual(monthly, how).set_index("year").loc[2019, "total"])


def indonesia_pledge_2019() -> float:
    """Indonesia's 2019 yearly average as a per cent of its 4,000 pledge."""
    return 100 * _indonesia_2019("mean") / 4000


def _cambodia_place_in_asean() -> int:
    """A typical slip: Cambodia's place among the ASEAN members rather than in the world."""
    ranks = analysis.ranking(data.load_contributions(), MISSION_MONTH, countries=data.ASEAN10)
    return int(list(ranks["iso3"]).index("KHM")) + 1


def cambodia_rank_2019() -> int:
    """Cambodia's world rank among contributors in 2019-12."""
    ranks = analysis.ranking(data.load_contributions(), MISSION_MONTH, countries=["KHM"])
    return int(ranks.loc[0, "rank"])


def vietnam_growth_2022(how: str = "year_end") -> int:
    """Growth in Vietnam's personnel from the end of 2021 to the end of 2022."""
    monthly = analysis.monthly_totals(data.load_contributions(), countries="VNM")
    year_end = analysis.annual(monthly, how).set_index("year")["total"]
    return int(round(year_end[2022] - year_end[2021]))


register(
    id="05-like-minded",
    objective="05.1",
    kind="choice",
    prompt="Why does the article expect a group of like-minded members to get further than "
           "ASEAN as a whole?",
    options={
        "a": "Because a smaller group does not need a UN mandate",
        "b": "Because members who share aims and standards can agree without waiting for "
             "every member to consent",
        "c": "Because small groups are always cheaper than large ones",
        "d": "Because ASEAN has banned its members from peacekeeping",
    },
    answer="b",
    feedback={
        "a": "The article's like-minded states, led by Indonesia, insist on a UN mandate.",
        "c": "Cost-sharing helps, but cost is not why agreement is easier.",
        "d": "ASEAN members take part in UN missions freely; nothing bans it.",
    },
    hints=("Think back to notebook 04: what stopped the ASEAN-wide proposals?",),
    explanation="Outside ASEAN's formal machinery, a coalition of the willing does not need "
                "the consent of every member: those that stay out cannot block it.",
)

register(
    id="05-idn-norms",
    objective="05.2",
    kind="choice",
    prompt="Which of these is NOT one of the rules Indonesia says peacekeeping should follow?",
    options={
        "a": "The mission has a UN mandate",
        "b": "Peacekeepers use as little force as possible",
        "c": "Peacekeepers work with the host government's consent and do not take sides",
        "d": "A coalition may act without the UN when the cause is good",
    },
    answer="d",
    feedback={
        "a": "A UN mandate is one of Indonesia's stated conditions.",
        "b": "Minimum use of force is one of Indonesia's stated principles.",
        "c": "Consent and non-intervention are among Indonesia's stated principles.",
    },
    hints=("Which option would allow a mission like the US-led one in Iraq?",),
    explanation="Indonesia excludes operations without a UN mandate, such as the US-led "
                "coalition in Iraq, in which Singapore took part.",
)

register(
    id="05-idn-pledge-2019",
    objective="05.2",
    kind="number",
    unit="percent",
    prompt="Indonesia's 4,000 pledge was written into its plan for 2015-2019. What was "
           "Indonesia's average number of uniformed personnel over the months of 2019, as a "
           "per cent of 4,000? Answer in per cent, e.g. 12.5.",
    answer=indonesia_pledge_2019,
    tolerance=0.5,
    mistakes=((lambda: 100 * _indonesia_2019("year_end") / 4000,
               "That uses December 2019 alone. The question asks for the average of all the "
               "months of 2019 (how='mean')."),
              (lambda: 100 * analysis.pledge_gap(data.load_contributions(), "IDN", 4000)
               ["total"].max() / 4000,
               "That is Indonesia's best single month, not its average over 2019."),
              (lambda: 100 * 4000 / _indonesia_2019("mean"),
               "That divides the pledge by Indonesia's figure. Divide Indonesia's average by "
               "4,000, then multiply by 100.")),
    hints=("pk.analysis.annual(pk.analysis.monthly_totals(contributions, countries='IDN'), "
           "how='mean') gives one row per year.",
           "Take the 2019 total, divide it by 4000 and multiply by 100."),
    explanation="About three quarters of the pledge, in the last year of the plan. Measured by "
                "its usual level rather than its best month, Indonesia stayed about 1,000 short.",
)

register(
    id="05-khm-rank-2019",
    objective="05.3",
    kind="number",
    prompt="What was Cambodia's world rank among contributors of uniformed personnel in "
           "December 2019 (2019-12)?",
    answer=cambodia_rank_2019,
    mistakes=((_cambodia_place_in_asean,
               "That is Cambodia's place among the ASEAN members. The question asks for its "
               "place in the whole world: read the rank column."),),
    hints=("world_2019[world_2019['iso3'] == 'KHM'] keeps Cambodia's row of the world ranking.",
           "Take the first value of its rank column: ['rank'].iloc[0]."),
    explanation="27th of the 118 countries with anyone deployed that month: in the top quarter of "
                "the world's contributors, although far below the largest.",
)

register(
    id="05-vnm-growth",
    objective="05.3",
    kind="number",
    prompt="By how many people did Vietnam's UN contribution grow from December 2021 to "
           "December 2022?",
    answer=vietnam_growth_2022,
    mistakes=((lambda: vietnam_growth_2022("mean"), "That compares the yearly averages. The "
               "question asks for the end of each year: the December figures, which "
               "pk.analysis.annual gives by default."),
              (lambda: -vietnam_growth_2022(), "That subtracts the wrong way round: take the 2021 total "
               "from the 2022 total, so that growth is a positive number.")),
    hints=("Use pk.analysis.monthly_totals(contributions, countries='VNM'), then "
           "pk.analysis.annual(...) for one row per year.",
           "Subtract the 2021 total from the 2022 total."),
    explanation="Almost all of that jump is Vietnam's first engineering unit, which went to "
                "Abyei (UNISFA) in mid-2022.",
)

register(
    id="05-khm-missions",
    objective="05.3",
    kind="number",
    prompt="In how many different UN missions did Cambodia have personnel in December 2019?",
    answer=cambodia_missions,
    mistakes=((lambda: int((_serve(["KHM"])["total"] >= 10).sum()),
               "That counts only the missions with a sizeable unit. The question asks for "
               "every mission with any Cambodian, even a single officer: count all the rows."),),
    hints=("pk.analysis.where_they_serve(mission_contributions, ['KHM'], '2019-12').",
           "Count its rows (one per mission): len(...) gives the number of rows."),
    explanation="Cambodia spreads small specialist units (deminers, engineers, military police, "
                "medics) over many missions instead of sending one large battalion.",
)

register(
    id="05-brunei-unifil",
    objective="05.4",
    kind="number",
    prompt="How many Bruneian personnel served in UNIFIL (Lebanon) in December 2019?",
    answer=brunei_unifil,
    mistakes=((lambda: int(_unifil_brn_mys()["MYS"]), "That is Malaysia's row. Read the row "
               "where iso3 is BRN."),
              (lambda: int(_unifil_brn_mys().sum()), "That is Brunei and Malaysia together. "
               "The question asks for Brunei alone.")),
    hints=("pk.analysis.where_they_serve(mission_contributions, ['BRN', 'MYS'], '2019-12').",
           "Read the row where mission is UNIFIL and iso3 is BRN."),
    explanation="About thirty, a small group that serves inside Malaysia's battalion.",
)

register(
    id="05-brunei-share",
    objective="05.4",
    kind="number",
    prompt="What share of the Malaysian and Bruneian personnel in UNIFIL in December 2019 "
           "came from Brunei? Answer in per cent, e.g. 12.5.",
    unit="percent",
    answer=brunei_share_unifil,
    tolerance=0.1,
    mistakes=((lambda: float(100 * _unifil_brn_mys()["BRN"] / _unifil_brn_mys()["MYS"]),
               "That divides Brunei's total by Malaysia's alone. Divide by Brunei's and Malaysia's totals added together."),),
    hints=("Add Brunei's and Malaysia's UNIFIL totals.",
           "Divide Brunei's total by that sum, then multiply by 100."),
    explanation="Under 4 per cent. A binational contingent lets a very small state take part "
                "without building a whole unit of its own.",
)

register(
    id="05-brunei-missions",
    objective="05.4",
    kind="number",
    prompt="Across all the mission-level data, in how many different UN missions has Brunei "
           "had personnel?",
    answer=brunei_missions,
    mistakes=((lambda: int((data.load_mission_contributions()["iso3"] == "BRN").sum()),
               "That counts Brunei's rows (one per mission, month and kind of personnel). "
               "Count the different missions instead, with .nunique()."),),
    hints=("Select mission_contributions rows with iso3 'BRN'.",
           "Count the distinct values of the mission column (.nunique())."),
    explanation="Only one, UNIFIL: Brunei's whole UN presence in these years runs through the "
                "Malaysian battalion.",
)

register(
    id="05-sgp-embedded",
    objective="05.4",
    kind="choice",
    prompt="The article says Singapore has used binational contingents under UN command. "
           "What did the sources find?",
    options={
        "a": "Singapore troops embedded in another country's unit in a UN-led mission",
        "b": "Singapore teams embedded with New Zealand and Australian forces, but in "
             "operations that were not UN-led",
        "c": "Singapore has never sent personnel abroad",
        "d": "Singapore leads Brunei's contingent in UNIFIL",
    },
    answer="b",
    feedback={
        "a": "That is what the article implies, but no source we found shows it.",
        "c": "Singapore has served in UN missions since 1989, and in coalitions too.",
        "d": "Brunei serves inside Malaysia's battalion.",
    },
    hints=("Think of Bamiyan (Afghanistan) and Iraq in 2017: who led those operations?",),
    explanation="The Bamiyan team served under the NATO-led ISAF and the 2017 Iraq team in the "
                "coalition against the Islamic State. Both were authorised or coalition "
                "operations, not UN-led.",
)

register(
    id="05-patrols-vs-peacekeeping",
    objective="05.5",
    kind="choice",
    prompt="What makes the maritime patrols an imperfect model for peacekeeping?",
    options={
        "a": "Patrols happen in the members' own waters against shared threats; "
             "peacekeepers work far away inside another country's conflict",
        "b": "Patrols are run by the UN",
        "c": "Patrols need every ASEAN member to join",
        "d": "Patrols have never actually taken place",
    },
    answer="a",
    feedback={
        "b": "The patrols are organised by the states themselves, not by the UN.",
        "c": "Only three or four states took part in each patrol arrangement.",
        "d": "They did: the timeline shows them starting in 2004 and 2017.",
    },
    hints=("Where do the patrols happen, and whose interests do they protect?",),
    explanation="The patrols show that small groups can cooperate on security, but each state "
                "guards its own waters. A peacekeeping group would take on risk abroad for a "
                "shared goal.",
)


#: The starting force of the force builder, used by the sizing question.
STARTING_FORCE = {"IDN": {"infantry": 2, "staff": 1}, "KHM": {"demining": 1},
                  "THA": {"engineers": 1}, "VNM": {"medical": 1}}


def starting_force_cost() -> float:
    """Yearly UN reimbursement for the force builder's starting force (US$, 2018 rate)."""
    from pkedu.apps.force_builder import force_model

    return float(force_model(STARTING_FORCE).numbers["reimbursement_per_year"])


register(
    id="05-force-cost",
    objective="05.6",
    kind="number",
    prompt="What would the UN reimburse per year, at the July 2018 rate, in US$, for this group: "
           "two Indonesian infantry companies and a staff cell, a Cambodian demining unit, "
           "a Thai engineering company and a Vietnamese field hospital?",
    answer=starting_force_cost,
    rel_tolerance=0.01,
    mistakes=((lambda: starting_force_cost() / 12, "That is the cost of one month. Multiply by "
               "12 months as well."),
              (lambda: starting_force_cost() / 1e6, "That looks like the answer in millions. Give "
               "the full number of US dollars.")),
    hints=("Read the group's reimbursable personnel in the builder's result.",
           "Reimbursable personnel x 1428 x 12 months."),
    explanation="About 12 million US dollars a year, paid by the UN if the group serves in a "
                "UN mission; an ASEAN-run group would have to find it from its members.",
)
