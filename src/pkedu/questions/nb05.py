"""Self-check questions for notebook 05 (sub-regional options).

>>> from pkedu.questions import get
>>> get("05-brunei-unifil").expected()
30
>>> get("05-brunei-missions").expected()
1
>>> get("05-idn-peak").expected()
3545
>>> sorted(get("05-malsindo-states").expected())
['IDN', 'MYS', 'SGP']
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


def brunei_share_unifil() -> float:
    """Brunei's share (0-1) of the Malaysian and Bruneian personnel in UNIFIL in 2019-12."""
    rows = _serve(["BRN", "MYS"])
    rows = rows[rows["mission"] == "UNIFIL"].set_index("iso3")["total"]
    return float(rows["BRN"] / rows.sum())


def brunei_missions() -> int:
    """How many different UN missions Brunei appears in, over all the mission-level data."""
    mc = data.load_mission_contributions()
    return int(mc.loc[(mc["iso3"] == "BRN") & (mc["total"] > 0), "mission"].nunique())


def cambodia_missions() -> int:
    """How many UN missions had Cambodian personnel in 2019-12."""
    return int(_serve(["KHM"])["mission"].nunique())


def indonesia_peak() -> int:
    """Indonesia's highest monthly total of uniformed personnel in the data."""
    gap = analysis.pledge_gap(data.load_contributions(), "IDN", 4000)
    return int(gap["total"].max())


def vietnam_growth_2022() -> int:
    """Growth in Vietnam's personnel from the end of 2021 to the end of 2022."""
    monthly = analysis.monthly_totals(data.load_contributions(), countries="VNM")
    year_end = analysis.annual(monthly).set_index("year")["total"]
    return int(year_end[2022] - year_end[2021])


def _event_states(event_id: str) -> tuple[str, ...]:
    events = data.load_events().set_index("id")
    return tuple(events.loc[event_id, "iso3"].split(";"))


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
                "the consent of the most reluctant member.",
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
        "a": "A UN mandate is the first of Indonesia's conditions.",
        "b": "Minimum use of force is one of Indonesia's stated principles.",
        "c": "Consent and non-intervention are among Indonesia's stated principles.",
    },
    hints=("Which option would allow a mission like the US-led one in Iraq?",),
    explanation="Indonesia excludes operations without a UN mandate, such as the US-led "
                "coalition in Iraq, in which Singapore took part.",
)

register(
    id="05-idn-peak",
    objective="05.2",
    kind="number",
    prompt="What is the highest number of uniformed personnel Indonesia had deployed in any "
           "single month of the data?",
    answer=indonesia_peak,
    hints=("pk.analysis.pledge_gap(contributions, 'IDN', 4000) has a total column.",
           "Take the largest value of that column."),
    explanation="The peak came in a single month (November 2018); the next month Indonesia "
                "had about 3,070, and about 2,800 again from April 2019. It never reached "
                "4,000 in the UN data.",
)

register(
    id="05-vnm-growth",
    objective="05.3",
    kind="number",
    prompt="By how many people did Vietnam's UN contribution grow from December 2021 to "
           "December 2022?",
    answer=vietnam_growth_2022,
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
    hints=("pk.analysis.where_they_serve(mission_contributions, ['KHM'], '2019-12').",
           "Count its rows (one per mission)."),
    explanation="Cambodia spreads small specialist units (deminers, engineers, military police, "
                "medics) over many missions instead of sending one large battalion.",
)

register(
    id="05-brunei-unifil",
    objective="05.4",
    kind="number",
    prompt="How many Bruneian personnel served in UNIFIL (Lebanon) in December 2019?",
    answer=brunei_unifil,
    hints=("pk.analysis.where_they_serve(mission_contributions, ['BRN', 'MYS'], '2019-12').",
           "Read the row where mission is UNIFIL and iso3 is BRN."),
    explanation="About thirty, a small group that serves inside Malaysia's battalion.",
)

register(
    id="05-brunei-share",
    objective="05.4",
    kind="number",
    prompt="What share of the Malaysian and Bruneian personnel in UNIFIL in December 2019 "
           "came from Brunei? Give a number between 0 and 1.",
    answer=brunei_share_unifil,
    tolerance=0.005,
    hints=("Add Brunei's and Malaysia's UNIFIL totals.",
           "Divide Brunei's total by that sum."),
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
    id="05-malsindo-states",
    objective="05.5",
    kind="choices",
    prompt="Which three states began the MALSINDO coordinated sea patrols in the Malacca "
           "Strait in July 2004?",
    options=country_options(["IDN", "MYS", "PHL", "SGP", "THA", "VNM"]),
    answer=lambda: _event_states("malsindo-patrols"),
    hints=("The name is built from the first letters of the members' names.",),
    explanation="Malaysia, Singapore and Indonesia. Thailand joined the air patrols agreed in "
                "2005.",
)

register(
    id="05-sulu-states",
    objective="05.5",
    kind="choices",
    prompt="Which three states launched the trilateral patrols in the Sulu Sea in 2017?",
    options=country_options(["BRN", "IDN", "MYS", "PHL", "SGP", "THA"]),
    answer=lambda: _event_states("sulu-sea-maritime-patrols"),
    hints=("Look at the maritime events in the timeline; hover over the 2017 points.",),
    explanation="Indonesia, Malaysia and the Philippines, whose waters meet in the Sulu and "
                "Celebes seas. Brunei and Singapore came to the launch as observers.",
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


def starting_force_size() -> int:
    """Personnel in the force builder's starting force."""
    from pkedu.apps.force_builder import force_model

    return int(force_model(STARTING_FORCE).numbers["total"])


def starting_force_cost() -> float:
    """Yearly UN reimbursement for the force builder's starting force (US$, 2018 rate)."""
    from pkedu.apps.force_builder import force_model

    return float(force_model(STARTING_FORCE).numbers["reimbursement_per_year"])


register(
    id="05-force-size",
    objective="05.6",
    kind="number",
    prompt="How many personnel are in this group: Indonesia (two infantry companies and a staff "
           "cell), Cambodia (a demining unit), Thailand (an engineering company) and Vietnam "
           "(a field hospital)?",
    answer=starting_force_size,
    hints=("pk.widgets.force_model({...}) takes the group as {state: {unit type: number}}.",
           "The result's numbers['total'] is the group's size."),
    explanation="A few hundred people: smaller than one Malaysian battalion in Lebanon.",
)

register(
    id="05-force-cost",
    objective="05.6",
    kind="number",
    prompt="What would the UN reimburse per year for that group, at the July 2018 rate, in US$?",
    answer=starting_force_cost,
    rel_tolerance=0.01,
    hints=("The result's numbers hold 'reimbursement_per_year'.",
           "By hand: reimbursable personnel x 1,428 x 12 months."),
    explanation="About 12 million US dollars a year, paid by the UN if the group serves in a "
                "UN mission; an ASEAN-run group would have to find it from its members.",
)
