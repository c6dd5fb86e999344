"""Self-check questions for notebook 06 (benefits: what would sub-regional peacekeeping add?).

Every answer that is a fact of the data is computed from :mod:`pkedu.data`
and :mod:`pkedu.analysis` when the student checks it.

>>> from pkedu.questions import get
>>> get("06-untaet-month").expected()
Timestamp('2000-02-01 00:00:00')
>>> get("06-sg-total").expected(), get("06-sg-states").expected()
(4752, 7)
>>> get("06-unmit-2010").expected()
396
>>> get("06-women-top").expected()
'KHM'
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data
from pkedu.questions import country_options, register

OBJECTIVES = {
    "06.1": "Explain what the article means by a 'void in regional security governance', using "
            "East Timor (1999) and Mindanao as cases.",
    "06.2": "Tell a UN-authorised coalition (INTERFET) from a UN peacekeeping operation (UNTAET), "
            "and describe what ASEAN states did in each, with the UN data.",
    "06.3": "Tell apart the two peace processes in Mindanao and judge the article's wording about "
            "them.",
    "06.4": "Explain how regional organisations fit into the UN's peacekeeping system, and test a "
            "UN statement about ASEAN's contribution against the data.",
    "06.5": "Use women's share of personnel as a rough indicator of professionalisation, and say "
            "what it cannot show.",
}

#: The five ASEAN states with a contingent of more than 250 people in July 2025.
LARGE_CONTRIBUTORS = ("IDN", "KHM", "MYS", "THA", "VNM")


def _contributions() -> pd.DataFrame:
    return data.load_contributions()


def first_month_above(iso3: str, threshold: int, start: str = "1999-01") -> pd.Timestamp:
    """The first month from ``start`` on in which a country had more than ``threshold`` deployed.

    >>> first_month_above("PHL", 500)
    Timestamp('2000-02-01 00:00:00')
    """
    monthly = analysis.monthly_totals(_contributions(), countries=iso3)
    monthly = monthly[(monthly["month"] >= analysis.month(start))
                      & (monthly["total"] > threshold)]
    if monthly.empty:
        raise ValueError(f"{iso3} never had more than {threshold} deployed after {start}")
    return monthly["month"].iloc[0]


def asean_in_month(when: str) -> tuple[int, int]:
    """ASEAN's total personnel and the number of ASEAN states with anyone deployed, in one month.

    >>> asean_in_month("2019-12")
    (4954, 7)
    """
    rows = analysis.select(_contributions(), data.ASEAN10, start=when, end=when)
    return int(rows["total"].sum()), int(rows["iso3"].nunique())


def asean_rows(when: str) -> int:
    """The number of rows for ASEAN states in one month of the country table (a typical slip).

    >>> asean_rows("2020-01") > asean_in_month("2020-01")[1]
    True
    """
    return len(analysis.select(_contributions(), data.ASEAN10, start=when, end=when))


def asean_in_all_missions(when: str) -> int:
    """ASEAN personnel in all UN missions in one month (mission-level data; a typical slip).

    >>> asean_in_all_missions("2010-06") > asean_in_mission("UNMIT", "2010-06")
    True
    """
    serve = analysis.where_they_serve(data.load_mission_contributions(), data.ASEAN10, when)
    return int(serve["total"].sum())


def asean_in_mission(mission: str, when: str) -> int:
    """ASEAN personnel in one UN mission in one month (mission-level data).

    >>> asean_in_mission("UNIFIL", "2019-12")
    2330
    """
    serve = analysis.where_they_serve(data.load_mission_contributions(), data.ASEAN10, when)
    return int(serve.loc[serve["mission"] == mission, "total"].sum())


def highest_women_share(countries: tuple[str, ...] = LARGE_CONTRIBUTORS,
                        when: str = "2025-07") -> str:
    """The country with the highest share of women among its personnel in one month.

    >>> highest_women_share(("IDN", "MYS"))
    'MYS'
    """
    women = analysis.women_share(_contributions(), list(countries), by="iso3")
    women = women[women["month"] == analysis.month(when)]
    return str(women.loc[women["share"].idxmax(), "iso3"])


register(
    id="06-void",
    objective="06.1",
    kind="choice",
    prompt="What does the article mean when it says regional instruments would 'fill a void in "
           "regional security governance'?",
    options={
        "a": "Southeast Asia has no armed forces able to keep the peace",
        "b": "When crises broke out in the region, there was no regional body or arrangement to "
             "respond, so outsiders were called in",
        "c": "ASEAN has no rules about security at all",
        "d": "The UN refuses to send missions to Southeast Asia",
    },
    answer="b",
    feedback={
        "a": "ASEAN states send thousands of soldiers abroad; the gap is not in the armies.",
        "c": "ASEAN does have principles and meetings on security; the point is about responding "
             "to crises on the ground.",
        "d": "The UN ran missions in Cambodia and East Timor; think about who responded, and "
             "who did not.",
    },
    hints=("Reread the quotation at the top of section 1: who was 'called upon', and why?",),
    explanation="A 'void' is an empty space: no regional framework existed to respond, so the UN "
                "(East Timor) and others (Mindanao) filled it.",
)

register(
    id="06-interfet-status",
    objective="06.2",
    kind="choice",
    prompt="Which description fits INTERFET, the force that entered East Timor in September 1999?",
    options={
        "a": "A UN peacekeeping operation under a UN force commander",
        "b": "A multinational force authorised by the Security Council but led by Australia",
        "c": "An ASEAN force led by Thailand",
        "d": "A force of the Organisation of Islamic Cooperation",
    },
    answer="b",
    feedback={
        "a": "That describes UNTAET, which took over later. Who commanded the first force?",
        "c": "Thailand played a big part, but the force was not ASEAN's and Thailand did not "
             "lead it.",
        "d": "The OIC appears in the Mindanao story, not in East Timor.",
    },
    hints=("Resolution 1264 authorised the force; look at who led it.",),
    explanation="'UN-authorised' is not 'UN-led': the Security Council gave the mandate, and "
                "Australia led a coalition of about 22 states.",
)

register(
    id="06-thai-roles",
    objective="06.2",
    kind="choices",
    prompt="Which roles did Thailand have in INTERFET? Tick all that apply.",
    options={
        "deputy": "It provided the deputy commander",
        "second": "It sent the second-largest contingent",
        "commander": "It provided the force commander",
        "ships": "It sent two landing ships and a medical team",
    },
    answer=("deputy", "second"),
    feedback={},
    hints=("Two of the options are Thai roles; one belongs to Australia and one to Singapore.",),
    explanation="Thailand was second only to Australia. Some sources also name a Malaysian "
                "deputy, one of the places where the sources disagree.",
)

register(
    id="06-untaet-month",
    objective="06.2",
    kind="month",
    prompt="From 1999 on, in which month did the Philippines first have more than 500 uniformed "
           "personnel in the UN's figures? Write it like '2001-07'.",
    answer=lambda: first_month_above("PHL", 500),
    mistakes=(
        ("1999-09", "September 1999 is when INTERFET landed. It was not a UN force, so its "
                    "soldiers are not in the UN's figures: look for the jump in the data."),
        ("2000-01", "January 2000 is the handover month in the Singapore minister's speech. The "
                    "question asks what the Philippine figures show: read the month column of "
                    "the first row above 500."),
    ),
    hints=("Keep the rows of philippines_since_1999 whose total is above 500: "
           "philippines_since_1999[philippines_since_1999['total'] > 500].",
           "The first row that is left holds the month you want: ['month'].iloc[0]."),
    explanation="The jump comes in the count for the end of February 2000: INTERFET's troops "
                "passed under UN command only then, which fits the February handover date.",
)

register(
    id="06-oic-track",
    objective="06.3",
    kind="choice",
    prompt="The Organisation of Islamic Cooperation brokered the 1996 Final Peace Agreement in "
           "Mindanao. Which armed group signed it with the Philippine government?",
    options={
        "MNLF": "The Moro National Liberation Front (MNLF)",
        "MILF": "The Moro Islamic Liberation Front (MILF)",
        "ASG": "The Abu Sayyaf Group",
        "NPA": "The New People's Army",
    },
    answer="MNLF",
    feedback={
        "MILF": "The MILF is the other track: its ceasefire is watched by the Malaysia-led team.",
        "ASG": "Abu Sayyaf was not a party to these peace agreements.",
        "NPA": "The NPA is a communist insurgency, outside the Moro peace processes.",
    },
    hints=("Section 2 has a small table of the two tracks.",),
    explanation="Two tracks, two sets of helpers: the OIC for the MNLF (1976, 1996), Malaysia for "
                "the MILF, with the monitoring team from 2004.",
)

register(
    id="06-imt-lead",
    objective="06.3",
    kind="choice",
    prompt="Who led the International Monitoring Team that watched the ceasefire between "
           "the Philippine government and the MILF?",
    options=country_options(("MYS", "IDN", "BRN", "LBY")),
    answer="MYS",
    feedback={"BRN": "Brunei sent monitors, but did not lead the team.",
              "LBY": "Libya sent a few monitors in the first team.",
              "IDN": "Indonesia was invited to join later (section 2 says when)."},
    hints=("The state that facilitates the MILF talks (the table in section 2) also leads the monitors.",),
    explanation="Malaysia leads it: its first mission outside the UN. ASEAN members (Malaysia, "
                "Brunei, later Indonesia) did the monitoring, though not as ASEAN.",
)

register(
    id="06-sg-total",
    objective="06.4",
    kind="number",
    prompt="How many uniformed personnel did the ten ASEAN states have deployed in January 2020 "
           "(2020-01), the month of the Secretary-General's remark?",
    answer=lambda: asean_in_month("2020-01")[0],
    tolerance=0.5,
    mistakes=(
        (lambda: asean_in_month("2019-12")[0],
         "That is December 2019's total. The question asks for January 2020, the month of the "
         "speech: select start='2020-01', end='2020-01'."),
        (lambda: asean_rows("2020-01"),
         "That is the number of rows in the table, not the number of people. Add up the total "
         "column with ['total'].sum()."),
    ),
    hints=("pk.analysis.select(contributions, pk.data.ASEAN10, start='2020-01', end='2020-01') "
           "keeps the rows of that month.",
           "Add up the total column with ['total'].sum()."),
    explanation="Slightly under 5,000, so 'some 5,000' is a fair round number.",
)

register(
    id="06-sg-states",
    objective="06.4",
    kind="number",
    prompt="How many different ASEAN states had personnel deployed in January 2020 (2020-01)?",
    answer=lambda: asean_in_month("2020-01")[1],
    mistakes=(
        (10, "Ten is every ASEAN member. The question asks how many had anyone deployed: count the "
             "different codes in the iso3 column of the January 2020 rows."),
        (lambda: asean_rows("2020-01"),
         "That is the number of rows. A state can have more than one row (one per kind of "
         "personnel): count the different codes with ['iso3'].nunique()."),
    ),
    hints=("Count the different codes in the iso3 column: ['iso3'].nunique().",),
    explanation="Seven: the Secretary-General's 'seven ASEAN member States' matches the data.",
)

register(
    id="06-unmit-2010",
    objective="06.1",
    kind="number",
    prompt="How many personnel from ASEAN states served in UNMIT, the UN mission in Timor-Leste, "
           "in June 2010 (2010-06)?",
    answer=lambda: asean_in_mission("UNMIT", "2010-06"),
    tolerance=0.5,
    mistakes=(
        (lambda: asean_in_all_missions("2010-06"),
         "That is ASEAN personnel in every UN mission in June 2010. Keep only the rows whose "
         "mission is 'UNMIT' before you add up."),
    ),
    hints=("pk.analysis.where_they_serve(mission_contributions, pk.data.ASEAN10, '2010-06') "
           "lists every mission and country.",
           "Keep the rows where the mission column is 'UNMIT' and add up their total."),
    explanation="A few hundred, mostly Malaysian and Filipino police. Until 2012 Southeast Asians "
                "served in a UN mission in their own region.",
)

register(
    id="06-women-top",
    objective="06.5",
    kind="choice",
    prompt="Among the five ASEAN states with more than 250 personnel deployed in July 2025, which "
           "had the highest share of women?",
    options=country_options(LARGE_CONTRIBUTORS),
    answer=highest_women_share,
    feedback={"IDN": "Indonesia sends the most women in number, but look at the share.",
              "VNM": "Vietnam's share is high, but not the highest in that month."},
    hints=("pk.analysis.women_share(contributions, [...], by='iso3') gives one row per month and "
           "country; keep the 2025-07 rows.",),
    explanation="Cambodia: about one in five of its peacekeepers was a woman, nearly twice "
                "Malaysia's share and almost three times Indonesia's.",
)

register(
    id="06-indicator-limits",
    objective="06.5",
    kind="choice",
    prompt="Which of these can the UN's monthly figures NOT tell you about an army's "
           "professionalisation?",
    options={
        "a": "How many women it deploys",
        "b": "Whether it sends troops, police or military observers",
        "c": "Whether its soldiers respect human rights at home",
        "d": "How long it has kept a contingent in one mission",
    },
    answer="c",
    feedback={
        "a": "The UN has split its figures by gender since April 2014 by country (since "
             "November 2009 by mission): that one is in the data.",
        "b": "The personnel groups are in the data.",
        "d": "The mission-level table shows how long a country stays in a mission.",
    },
    hints=("Three of these are columns or tables you have used. Which one is about behaviour "
           "at home?",),
    explanation="Headcounts say nothing about conduct at home, which is why the article adds "
                "'as long as this is accompanied by broader domestic reforms'.",
)
