"""Self-check questions for notebook 04 (why is there no ASEAN peacekeeping force?).

>>> from pkedu.questions import get
>>> get("04-first-proposal-year").expected()
1995
>>> get("04-members-over-500").expected()
3
>>> get("04-asean-total-2015").expected()
3842
>>> get("04-biggest-2015").expected()
'BGD'
"""

from __future__ import annotations

from pkedu import analysis, data
from pkedu.questions import country_options, register

OBJECTIVES = {
    "04.1": "Define consensus and non-interference, and explain how ASEAN's consensus rule "
            "lets a single member stop a proposal.",
    "04.2": "Put the proposals for an ASEAN peacekeeping force in order and say who backed "
            "or blocked them.",
    "04.3": "Explain the three obstacles the article names and check each one against "
            "sources and data.",
    "04.4": "Use UN data to judge whether ASEAN members had the numbers for a joint force.",
    "04.5": "Decide whether a wrong date in the article weakens its argument.",
}

#: The month used for the "capacity in 2015" questions. Malaysia's proposal came up at a
#: meeting on 16 March 2015, but the UN report for March 2015 is missing from the data, so
#: the questions use the last report before the meeting.
CAPACITY_MONTH = "2015-02"

def first_proposal_year() -> int:
    """The year of the earliest ASEAN force proposal in the course's events table."""
    events = data.load_events()
    dates = events.loc[events["category"] == "force_proposal", "date"]
    return int(min(dates)[:4])


def _asean_ranking():
    return analysis.ranking(data.load_contributions(), CAPACITY_MONTH, countries=data.ASEAN10)


def members_over_500() -> int:
    """How many ASEAN members had more than 500 uniformed personnel deployed in 2015-02."""
    ranks = _asean_ranking()
    return int((ranks["total"] > 500).sum())


def asean_total_2015() -> int:
    """ASEAN-10 uniformed personnel deployed in 2015-02."""
    return int(_asean_ranking()["total"].sum())


def indonesia_share_2015() -> float:
    """Indonesia's share of all ASEAN personnel deployed in 2015-02, in per cent."""
    ranks = _asean_ranking().set_index("iso3")
    return float(100 * ranks.loc["IDN", "total"] / ranks["total"].sum())


def _indonesia_share_of_world_2015() -> float:
    """A typical slip: Indonesia's share of the whole world's personnel, in per cent."""
    world = analysis.ranking(data.load_contributions(), CAPACITY_MONTH)
    return float(100 * world.set_index("iso3").loc["IDN", "total"] / world["total"].sum())


def _asean_over_indonesia_2015() -> float:
    """A typical slip: the division the wrong way round (ASEAN's total over Indonesia's)."""
    ranks = _asean_ranking().set_index("iso3")
    return float(100 * ranks["total"].sum() / ranks.loc["IDN", "total"])


def _asean_members_deployed_2015() -> int:
    """A typical slip: every member with anyone deployed, not only those above 500."""
    return int((_asean_ranking()["total"] > 0).sum())


def _asean_mean_2015() -> float:
    """A typical slip: the average member's total instead of the sum."""
    return float(_asean_ranking()["total"].mean())


def _earliest_event_year() -> int:
    """A typical slip: the earliest event of any kind, not the earliest force proposal."""
    return int(min(data.load_events()["date"])[:4])


def biggest_2015() -> str:
    """The world's largest contributor in 2015-02."""
    return str(analysis.ranking(data.load_contributions(), CAPACITY_MONTH, top=1).loc[0, "iso3"])


register(
    id="04-consensus-meaning",
    objective="04.1",
    kind="choice",
    prompt="ASEAN decides by consensus. Every member but one backs a proposal, and that one "
           "says no. What happens?",
    options={
        "a": "It passes, because a large majority is in favour",
        "b": "It does not go ahead while that member still objects",
        "c": "The ASEAN Secretary-General breaks the tie",
        "d": "It passes, but the member who said no can opt out",
    },
    answer="b",
    feedback={
        "a": "That would be majority voting. Under consensus nobody counts votes.",
        "c": "ASEAN's secretariat serves the members; it has no casting vote.",
        "d": "An opt-out is a way round consensus that all members would have to agree on "
             "beforehand.",
    },
    hints=("Consensus means no member objects, not that a majority agrees.",),
    explanation="One objection is enough. That is why a single reluctant member could keep "
                "the force proposals off the table.",
)

register(
    id="04-noninterference",
    objective="04.1",
    kind="choice",
    prompt="Which of these would break the ASEAN principle of non-interference?",
    options={
        "a": "Two members hold a joint naval exercise they both agreed to",
        "b": "A member sends troops to a UN mission in Africa",
        "c": "Members send a force into another member's territory to stop a crackdown "
             "that its government has not asked for help with",
        "d": "Members share lessons at a peacekeeping training centre",
    },
    answer="c",
    feedback={
        "a": "Both governments agreed, and nothing touches another state's internal affairs.",
        "b": "That is a choice each member makes for itself, and the host agrees to a UN mission.",
        "d": "Training together involves no one's internal affairs.",
    },
    hints=("Non-interference is about a state's internal affairs.",
           "Which option acts inside a member state without its government's consent?"),
    explanation="This is the fear the article points to: a regional force could one day be "
                "used inside a member state whose government did not want it.",
)

register(
    id="04-first-proposal-year",
    objective="04.2",
    kind="number",
    prompt="In the course's events table, in which year was an ASEAN peacekeeping force "
           "first proposed?",
    answer=first_proposal_year,
    feedback={2011: "The article gives 2011. Does the events table agree?",
              2004: "That is Indonesia's proposal. Was there an earlier idea?",
              2010: "That is the earliest regional dialogue in the events table, the worked "
                    "example. Change the category to 'force_proposal'."},
    mistakes=((_earliest_event_year, "That is the earliest event of any kind in the table. "
               "Keep only the rows whose category is 'force_proposal' first."),),
    hints=("Keep the rows of events whose category is 'force_proposal', as the worked "
           "example does for 'regional_dialogue'.",
           "The date column is text like '2004-02'; the earliest text sorts to the top, and [:4] "
           "keeps its first four characters."),
    explanation="The earliest idea in the record is Malaysia's, around 1995, which Indonesia "
                "turned down. The article dates the first proposal to 2011.",
)

register(
    id="04-what-happened-2011",
    objective="04.5",
    kind="choice",
    prompt="The article dates Indonesia's proposal to 2011. What do the sources show for 2011?",
    options={
        "a": "Indonesia proposed an ASEAN peacekeeping force at the ASEAN Summit",
        "b": "ASEAN defence ministers endorsed a network linking national peacekeeping "
             "training centres",
        "c": "ASEAN sent its first joint force to a UN mission",
        "d": "Singapore vetoed a Malaysian proposal",
    },
    answer="b",
    feedback={
        "a": "No source we found records a force proposal in 2011. Look at the timeline again.",
        "c": "ASEAN has no joint force to send: the article notes \"no advance towards "
             "substantive cooperation or even an integrated ASEAN peacekeeping capacity\".",
        "d": "Malaysia's proposals came in about 1995, 2015 and 2021.",
    },
    hints=("Look for the 2011 items in the timeline chart.",),
    explanation="In May 2011 the ASEAN defence ministers endorsed the ASEAN Peacekeeping Centres "
                "Network (APCN), an Indonesian idea for cooperation between training centres, "
                "not a force.",
)

register(
    id="04-wrong-entity",
    objective="04.3",
    kind="choice",
    prompt="Whose foreign minister said in 2004 that ASEAN was the wrong organisation for a "
           "peacekeeping role, since it was neither a security nor a defence organisation?",
    options=country_options(["IDN", "MYS", "SGP", "VNM"]),
    answer="SGP",
    feedback={"IDN": "Indonesia made the 2004 proposal.",
              "VNM": "Vietnam's foreign minister was sceptical too, but with different words."},
    hints=("The article names one member as having no interest in a regional force.",),
    explanation="Singapore's S. Jayakumar, as the Straits Times reported in March 2004. "
                "Vietnam's foreign minister called the idea 'too early' the same year.",
)

register(
    id="04-members-over-500",
    objective="04.4",
    kind="number",
    prompt="In February 2015 (2015-02), how many ASEAN members had more than 500 uniformed "
           "personnel deployed with the UN?",
    answer=members_over_500,
    mistakes=((_asean_members_deployed_2015, "That counts every member with anyone deployed. "
               "Count only the rows whose total is above 500."),),
    hints=("pk.analysis.ranking(contributions, '2015-02', countries=pk.data.ASEAN10) lists "
           "the members that had anyone deployed.",
           "Count the rows whose total is above 500."),
    explanation="Only three: Indonesia, Malaysia and Cambodia. A joint force would have leaned "
                "on very few members.",
)

register(
    id="04-asean-total-2015",
    objective="04.4",
    kind="number",
    prompt="How many uniformed personnel did the ten ASEAN members have deployed with the UN "
           "in February 2015, all together?",
    answer=asean_total_2015,
    rel_tolerance=0.002,
    mistakes=((_asean_mean_2015, "That is the average of the members' totals. The question asks "
               "for all of them together: use .sum(), not .mean()."),
              (1881, "That is Indonesia alone. Add up every row of the table.")),
    hints=("Add up the total column of the ASEAN ranking, the table asean_2015.",),
    explanation="Just under 4,000, close to the 3,845 personnel from seven ASEAN states that a "
                "2015 commentary counted from UN records for January 2015.",
)

register(
    id="04-idn-share-2015",
    objective="04.4",
    kind="number",
    prompt="What share of ASEAN's personnel in February 2015 came from Indonesia? Answer in "
           "per cent, e.g. 12.5.",
    unit="percent",
    answer=indonesia_share_2015,
    tolerance=0.5,
    mistakes=((_indonesia_share_of_world_2015, "That is Indonesia's share of the whole world's "
               "personnel. The question asks for its share of ASEAN's total."),
              (_asean_over_indonesia_2015, "That divides ASEAN's total by Indonesia's. Divide "
               "Indonesia's total by ASEAN's total, then multiply by 100.")),
    hints=("Divide Indonesia's total by the sum of all ASEAN totals in the same table.",
           "Then multiply it by 100 to turn the fraction into per cent."),
    explanation="Nearly half. Any ASEAN force would have depended heavily on one member.",
)

register(
    id="04-biggest-2015",
    objective="04.4",
    kind="choice",
    prompt="Which country was the world's largest contributor of uniformed personnel in "
           "February 2015, with more than twice ASEAN's total on its own?",
    options=country_options(["BGD", "IDN", "IND", "PAK", "ETH"]),
    answer=biggest_2015,
    feedback={"IDN": "Indonesia led ASEAN, but look at the top of the world ranking."},
    hints=("Look at the top bar of the 2015 ranking chart.",),
    explanation="Bangladesh. The whole of ASEAN together sent fewer than half as many people.",
)

def must_change() -> tuple[str, ...]:
    """Members whose recorded stance stops consensus: the opposers and those with no record."""
    from pkedu.apps.consensus import consensus_model

    numbers = consensus_model().numbers
    return tuple(numbers["vetoes"]) + tuple(numbers["undecided"])


register(
    id="04-must-change",
    objective="04.1",
    kind="choices",
    prompt="Start from the public record in the consensus simulator. Whose stance must change "
           "(to support or neutral) before ASEAN can be sure of consensus? Give every such "
           "member.",
    options=country_options(data.ASEAN10),
    answer=must_change,
    feedback={code: f"{name} supports the force on the record: its stance need not change."
              for code, name in (("IDN", "Indonesia"), ("KHM", "Cambodia"), ("MYS", "Malaysia"),
                                 ("PHL", "The Philippines"))},
    hints=("A member who opposes blocks the force on its own.",
           "Consensus means that no member objects. Which members might still object?"),
    explanation="The three members on record against it (Singapore, Thailand and Vietnam, all in "
                "2004) and the three with no recorded position (Brunei, Laos and Myanmar): under "
                "consensus, silence is not the same as agreement.",
)
