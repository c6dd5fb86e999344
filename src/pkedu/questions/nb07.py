"""Self-check questions for notebook 07 (capstone: fact-check the article, write a brief).

The capstone's verdict table and brief are checked by :mod:`pkedu.capstone`
(completeness and form only); the questions here check the facts students
dig out on the way. Every answer that is a fact of the data is computed from
:mod:`pkedu.data` and :mod:`pkedu.analysis` when the student checks it.

>>> from pkedu.questions import get
>>> get("07-khm-first").expected()
Timestamp('2006-04-01 00:00:00')
>>> round(get("07-phl-ratio").expected(), 1)
3.4
>>> get("07-mmr-max").expected()
4
>>> get("07-idn-months-3000").expected()
5
>>> get("07-brn-mission").expected()
'UNIFIL'
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data
from pkedu.questions import register

OBJECTIVES = {
    "07.1": "Tell the article's empirical claims apart from its arguments and recommendations.",
    "07.2": "Choose the evidence that can test a claim (UN data, dated sources) and use the "
            "course's tools to gather it.",
    "07.3": "Give each claim a verdict on a fixed scale (supported, partly, not supported, cannot "
            "tell) and justify it with evidence and a source.",
    "07.4": "Judge how far the errors found affect the article's overall argument.",
    "07.5": "Write a short, evidence-based policy brief with two charts for ASEAN defence "
            "ministers.",
}


def _contributions() -> pd.DataFrame:
    return data.load_contributions()


def yearly_mean(iso3: str, year: int) -> float:
    """A country's yearly average of uniformed personnel (reported months only).

    >>> round(yearly_mean("PHL", 2011))
    894
    """
    monthly = analysis.monthly_totals(_contributions(), countries=iso3)
    yearly = analysis.annual(monthly, how="mean").set_index("year")
    return float(yearly.loc[year, "total"])


def phl_ratio() -> float:
    """The Philippines' 2019 yearly average as a percentage of its 2011 average."""
    return yearly_mean("PHL", 2019) / yearly_mean("PHL", 2011) * 100


def first_month(iso3: str) -> pd.Timestamp:
    """The first month a country had anyone deployed in the UN data."""
    first = analysis.first_contributions(_contributions(), [iso3])
    return first.loc[0, "first_month"]


def first_month_above(iso3: str, threshold: int) -> pd.Timestamp:
    """The first month a country had more than ``threshold`` people deployed.

    >>> first_month_above("KHM", 100)
    Timestamp('2006-04-01 00:00:00')
    """
    monthly = analysis.monthly_totals(_contributions(), countries=iso3)
    return monthly.loc[monthly["total"] > threshold, "month"].iloc[0]


def most_in_one_month(iso3: str, start: str, end: str) -> int:
    """The largest monthly total of a country between two months.

    >>> most_in_one_month("MMR", "2015-01", "2019-12")
    4
    """
    monthly = analysis.monthly_totals(_contributions(), countries=iso3)
    window = monthly[(monthly["month"] >= analysis.month(start))
                     & (monthly["month"] <= analysis.month(end))]
    return int(window["total"].max())


def months_total(iso3: str, start: str, end: str) -> int:
    """The sum of a country's monthly totals between two months (a typical slip for the largest).

    >>> months_total("MMR", "2015-01", "2015-12") >= most_in_one_month("MMR", "2015-01", "2015-12")
    True
    """
    monthly = analysis.monthly_totals(_contributions(), countries=iso3)
    window = monthly[(monthly["month"] >= analysis.month(start))
                     & (monthly["month"] <= analysis.month(end))]
    return int(window["total"].sum())


#: The years of Indonesia's 2015-2019 development plan, which carried the 4,000 pledge.
PLAN_START, PLAN_END = "2015-01", "2019-12"


def _plan_months() -> pd.DataFrame:
    monthly = analysis.monthly_totals(_contributions(), countries="IDN")
    return monthly[(monthly["month"] >= analysis.month(PLAN_START))
                   & (monthly["month"] <= analysis.month(PLAN_END))]


def idn_months_at_least(level: int = 3000) -> int:
    """In how many months of the plan's years Indonesia had at least ``level`` deployed.

    >>> idn_months_at_least(4000)
    0
    """
    return int((_plan_months()["total"] >= level).sum())


def brunei_mission(when: str = "2019-12") -> str:
    """The UN mission with the most Bruneian personnel in one month."""
    serve = analysis.where_they_serve(data.load_mission_contributions(), ["BRN"], when)
    return str(serve.loc[0, "mission"])


register(
    id="07-empirical",
    objective="07.1",
    kind="choice",
    prompt="Which of these statements, each from a sentence of the article (some shortened), is "
           "an empirical claim, one that data or dated sources could show to be true or false?",
    options={
        "a": "A sub-regional force would raise the profile of ASEAN globally.",
        "b": "Vietnam joined the group of contributing countries in 2014.",
        "c": "Indonesia is well placed to push for concrete sub-regional initiatives.",
        "d": "Regional instruments for peacekeeping would fill a void in regional security "
             "governance.",
    },
    answer="b",
    feedback={
        "a": "'Would raise' is a prediction about the future: no record can check it yet.",
        "c": "'Well-placed' is a judgement. You can argue for or against it, but no table "
             "settles it.",
        "d": "'Would fill' is a prediction. The claims behind it (who intervened in East Timor) "
             "can be checked, but this sentence cannot.",
    },
    hints=("Look for a sentence about something that already happened, with a date.",),
    explanation="A dated event can be checked against the UN data and other sources. Predictions "
                "and judgements are argued, not fact-checked.",
)

register(
    id="07-cannot-tell",
    objective="07.3",
    kind="choice",
    prompt="The UN data start in November 1990. A claim says a country first sent peacekeepers "
           "in 1958, and you have found no other source. What is the honest verdict?",
    options={
        "supported": "supported",
        "partly": "partly",
        "not supported": "not supported",
        "cannot tell": "cannot tell",
    },
    answer="cannot tell",
    feedback={
        "not supported": "The data are silent about 1958: silence is not evidence against.",
        "supported": "Nothing you have looked at shows 1958 either.",
        "partly": "'Partly' needs some evidence for the claim and some against it.",
    },
    hints=("Ask what the data can see: do they cover 1958 at all?",),
    explanation="Absence of evidence is not evidence of absence. Say 'cannot tell', and say which "
                "source would settle it.",
)

register(
    id="07-khm-first",
    objective="07.2",
    kind="month",
    prompt="In which month did the UN data first show more than 100 Cambodians deployed? Write it "
           "like '2010-03'.",
    answer=lambda: first_month_above("KHM", 100),
    mistakes=(
        (lambda: first_month("KHM"), "That is the first month with anyone from Cambodia, a couple "
                                     "of officers. The question asks for the first month with "
                                     "more than 100: keep the rows whose total is above 100 first."),
        ("2005-03", "March 2005 is the cabinet decision to send peacekeepers, not a month in the UN "
                    "data. Look for the first row whose total is above 100."),
    ),
    hints=("cambodia_monthly[cambodia_monthly['total'] > 100] keeps the months with more than 100.",
           "The first row that is left holds the month you want: ['month'].iloc[0]."),
    explanation="The month the first Cambodian unit, the deminers in Sudan, appears in the UN data: "
                "about a year after the first officers. Which of the two counts as 'joining' is the "
                "real question.",
)

register(
    id="07-phl-ratio",
    objective="07.2",
    kind="number",
    prompt="The Philippines' yearly average in 2019 was what percentage of its yearly average in "
           "2011? Answer in per cent, e.g. 45.2.",
    answer=phl_ratio,
    tolerance=0.2,
    unit="percent",
    mistakes=(
        (lambda: yearly_mean("PHL", 2011) / yearly_mean("PHL", 2019) * 100,
         "The division is upside down: that is 2011 as a percentage of 2019. Put the 2019 "
         "average on top."),
        (lambda: 100 - phl_ratio(),
         "That is how much the average fell, in per cent. The question asks what 2019 was as a "
         "percentage of 2011."),
    ),
    hints=("Make the yearly averages with pk.analysis.annual(pk.analysis.monthly_totals("
           "contributions, countries='PHL'), how='mean').set_index('year').",
           "Divide the 2019 total by the 2011 total and multiply by 100."),
    explanation="About 3%: the Philippines kept roughly one person in thirty.",
)

register(
    id="07-mmr-max",
    objective="07.2",
    kind="number",
    prompt="What is the largest number of Myanmar personnel deployed in any single month from "
           "2015 to 2019, according to the UN data?",
    answer=lambda: most_in_one_month("MMR", "2015-01", "2019-12"),
    mistakes=(
        (lambda: months_total("MMR", "2015-01", "2019-12"),
         "That is the sum of all the months' totals. The question asks for the busiest single "
         "month: the largest value, with .max()."),
    ),
    hints=("pk.analysis.monthly_totals(contributions, countries='MMR') gives one row per month.",
           "Take the largest value of its total column with .max()."),
    explanation="A handful of officers: the data match the article's 'small number'. The word "
                "'reversed' is a different matter.",
)

register(
    id="07-idn-months-3000",
    objective="07.2",
    kind="number",
    prompt="In how many months from January 2015 to December 2019, the years of Indonesia's "
           "plan, did the UN data show Indonesia with 3,000 or more personnel deployed?",
    answer=idn_months_at_least,
    mistakes=(
        (lambda: int((_plan_months()["total"] < 3000).sum()),
         "That counts the months below 3,000. The question asks for the months with 3,000 or "
         "more."),
        (lambda: len(_plan_months()),
         "That is the number of rows in the window, one per month. Count only the rows whose "
         "total is 3,000 or more, with (... >= 3000).sum()."),
    ),
    hints=("window['total'] >= 3000 is True for each month at or above 3,000.",
           "Add up the Trues with .sum()."),
    explanation="Only five, all between November 2018 and March 2019. Most of the time Indonesia "
                "had between 2,600 and 3,000 in the field: the pledge was real, and unmet.",
)

register(
    id="07-brn-mission",
    objective="07.2",
    kind="choice",
    prompt="In December 2019, in which UN mission did Brunei's personnel serve?",
    options={
        "UNIFIL": "UNIFIL (Lebanon)",
        "UNMISS": "UNMISS (South Sudan)",
        "MINUSCA": "MINUSCA (Central African Republic)",
        "UNDOF": "UNDOF (Golan Heights)",
    },
    answer=brunei_mission,
    feedback={"UNMISS": "Five ASEAN states served in South Sudan in December 2019, Thailand with 276 "
                        "troops, but Brunei did not.",
              "UNDOF": "That was one of the Philippines' missions until 2014."},
    hints=("pk.analysis.where_they_serve(mission_contributions, ['BRN'], '2019-12').",),
    explanation="The same mission as the Malaysian battalion. The data show that they serve side "
                "by side; only the sources show that Brunei's soldiers are part of Malaysia's "
                "battalion.",
)

register(
    id="07-evidence-2011",
    objective="07.2",
    kind="choice",
    prompt="Which evidence would best test the claim that Indonesia first proposed an ASEAN "
           "peacekeeping force in 2011?",
    options={
        "a": "Indonesia's monthly UN personnel numbers for 2011",
        "b": "Dated news reports and official records of ASEAN meetings before and in 2011",
        "c": "The number of ASEAN states contributing in 2011",
        "d": "The article's own statement of the date",
    },
    answer="b",
    feedback={
        "a": "Headcounts show who was deployed, not who proposed what in a meeting.",
        "c": "That shows participation, not proposals.",
        "d": "A claim cannot be its own evidence.",
    },
    hints=("A proposal is something said at a meeting. Where is that recorded?",),
    explanation="Proposals leave traces in news reports and meeting records, not in headcounts. "
                "Look at the events table for what those records show.",
)

register(
    id="07-recommendation",
    objective="07.5",
    kind="choice",
    prompt="Which sentence is a recommendation that defence ministers could act on?",
    options={
        "a": "ASEAN has around 5,000 peacekeepers in UN missions.",
        "b": "Peacekeeping is an important part of security cooperation.",
        "c": "We recommend that Indonesia, Malaysia and Brunei set up a joint training course "
             "for a binational company before 2027, shared between their peacekeeping centres.",
        "d": "Many experts believe regional cooperation should increase.",
    },
    answer="c",
    feedback={
        "a": "That is a finding, useful as evidence, but it asks nobody to do anything.",
        "b": "A general statement: who should do what, and by when?",
        "d": "Reporting others' opinions is not your recommendation.",
    },
    hints=("A recommendation names who should do what, and ideally by when.",),
    explanation="Good recommendations are specific: who, what, by when, and (in the brief) why "
                "the evidence points there.",
)
