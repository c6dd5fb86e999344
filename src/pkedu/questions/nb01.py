"""Self-check questions for notebook 01 (convergence: who took part, and since when?).

Every answer that is a fact of the data is computed from :mod:`pkedu.data`
and :mod:`pkedu.analysis` when the check runs.

>>> from pkedu.questions import get
>>> sorted(get("01-there-from-start").expected())
['IDN', 'MYS']
>>> get("01-cambodia-experts").expected(), get("01-cambodia-troops").expected()
('2005-05', '2006-02')
>>> sorted(get("01-late-joiners").expected())
['KHM', 'MMR', 'VNM']
>>> get("01-most-contributors").expected(), get("01-first-year-at-most").expected()
(8, 2015)
>>> get("01-singapore-last-year").expected(), round(get("01-philippines-2019").expected())
(2013, 30)
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data
from pkedu.questions import country_options, register

OBJECTIVES = {
    "01.1": "Read each ASEAN state's series of UN personnel from 1990 to 2025 and describe "
            "its shape.",
    "01.2": "Find when each state first had personnel in the data, by personnel group, and "
            "explain why \"first\" depends on what you count.",
    "01.3": "Sort the ten states into early contributors, late joiners and non-contributors, "
            "and compare the grouping with the article's.",
    "01.4": "Track how many ASEAN states contribute over time and judge whether that shows "
            "convergence.",
    "01.5": "Weigh the data against the article and other sources where they disagree, and "
            "say which you trust and why.",
}

#: Late joiners are states whose first personnel in the data came after this year.
LATE_AFTER = 2000


def _firsts(by_group: bool = False) -> pd.DataFrame:
    return analysis.first_contributions(data.load_contributions(), data.ASEAN10,
                                        by_group=by_group)


def there_from_start() -> list[str]:
    """ASEAN states with personnel in the very first month of the data."""
    start = data.load_months()["month"].min()
    first = _firsts()
    return first.loc[first["first_month"] == start, "iso3"].tolist()


def cambodia_first(group: str) -> str:
    """Cambodia's first month with personnel of one group, as text like '2005-05'."""
    first = _firsts(by_group=True).set_index("iso3")
    return f"{first.loc['KHM', group]:%Y-%m}"


def late_joiners() -> list[str]:
    """ASEAN states whose first personnel in the data came after :data:`LATE_AFTER`."""
    first = _firsts()
    late = first["first_month"].dt.year > LATE_AFTER
    return first.loc[late, "iso3"].tolist()


def _counts() -> pd.DataFrame:
    return analysis.contributors_count(data.load_contributions(), data.ASEAN10)


def most_contributors() -> int:
    """The largest number of ASEAN states with personnel deployed in one month."""
    return int(_counts()["contributors"].max())


def first_year_at_most() -> int:
    """The first year in which that largest number was reached."""
    counts = _counts()
    top = counts["contributors"].max()
    return int(counts.loc[counts["contributors"] == top, "month"].min().year)


def singapore_last_year() -> int:
    """The last year with any Singaporean uniformed personnel in the data."""
    rows = analysis.select(data.load_contributions(), "SGP")
    return int(rows["month"].max().year)


def yearly_average(iso3: str, year: int, how: str = "mean") -> float:
    """One state's yearly figure from its monthly totals: ``how="mean"`` (the average of the
    reported months), ``"year_end"`` (December, :func:`pkedu.analysis.annual`'s default) or
    ``"sum"`` (the reported months added up, a typical slip)."""
    monthly = analysis.monthly_totals(data.load_contributions(), countries=iso3)
    yearly = analysis.annual(monthly, how="mean" if how == "sum" else how).set_index("year")
    row = yearly.loc[year]
    return float(row["total"] * row["n_months"]) if how == "sum" else float(row["total"])


def philippines_2019() -> float:
    """The Philippines' yearly average of monthly personnel in 2019."""
    return yearly_average("PHL", 2019)


def last_year_at_most() -> int:
    """The last year in which the largest number of contributing states was reached."""
    counts = _counts()
    top = counts["contributors"].max()
    return int(counts.loc[counts["contributors"] == top, "month"].max().year)


# --- 01.1 The shape of each series -----------------------------------------------------------

register(
    id="01-there-from-start",
    objective="01.1",
    kind="choices",
    prompt="Which ASEAN states already had personnel deployed in the very first month of the "
           "data (November 1990)? Give all of them.",
    options=country_options(data.ASEAN10),
    answer=there_from_start,
    feedback={"THA": "Thailand appears a few months later, in 1991.",
              "SGP": "Singapore's first personnel in the data come in 1991.",
              "PHL": "The Philippines' first personnel in the data come in 1992."},
    hints=("Look at the table first_by_group: which rows have 1990-11-01 in one of their "
           "columns?",
           "Or look at the left edge of the small multiples: which panels start above zero?"),
    explanation="Indonesia and Malaysia, the two states the article credits with the longest "
                "history in UN peacekeeping. Being there in November 1990 shows only that they "
                "were there when the data begin; their first missions were in 1957 and 1960.",
)

register(
    id="01-singapore-last-year",
    objective="01.1",
    kind="number",
    prompt="In which year does Singapore last have uniformed personnel in the UN data?",
    answer=singapore_last_year,
    hints=("Look at Singapore's panel in the small multiples: where does its line drop to "
           "zero for good?",
           "Use the explorer with Singapore alone, or hover over the last point above zero."),
    mistakes=((lambda: singapore_last_year() + 1,
               "That is the first year with nobody deployed; the question asks for the last "
               "year in which someone still was."),
              (2012, "In 2012 Singapore still had a dozen people in UN missions for most of the "
                     "year; look "
                     "further right for the last year with anyone at all, even a few people "
                     "for a few months.")),
    explanation="From then on its line stays at zero, although the article lists Singapore "
                "among the contributing states.",
)

# --- 01.2 First contributions ----------------------------------------------------------------

register(
    id="01-cambodia-experts",
    objective="01.2",
    kind="month",
    prompt="In which month did Cambodia first have experts on mission (military observers) "
           "in the data?",
    answer=lambda: cambodia_first("experts"),
    hints=("Use pk.analysis.first_contributions(contributions, ['KHM'], by_group=True).",
           "Read the experts column of the KHM row."),
    mistakes=(("2005-03", "March 2005 is when Cambodia's cabinet decided to send observers; "
                          "the question asks for their first month in the UN data."),
              (lambda: cambodia_first("troops"),
               "That is Cambodia's first month with troops; this question asks about its "
               "experts (the observers).")),
    explanation="A handful of Cambodian observers appear in the data the same year the "
                "cabinet approved the deployment, the year the article gives.",
)

register(
    id="01-cambodia-troops",
    objective="01.2",
    kind="month",
    prompt="In which month did Cambodia first have troops in the data?",
    answer=lambda: cambodia_first("troops"),
    hints=("Use pk.analysis.first_contributions(contributions, ['KHM'], by_group=True).",
           "Read the troops column of the KHM row."),
    feedback={"2006-04": "April 2006 is when Cambodia's own centre dates its first "
                         "deployment. The data show troops a little earlier: look again."},
    mistakes=((lambda: cambodia_first("experts"),
               "That is Cambodia's first month with experts (the observers); this question "
               "asks about its troops."),),
    explanation="The advance party of the demining unit shows up before the main body in "
                "April 2006.",
)

# --- 01.3 Early contributors and late joiners ------------------------------------------------

register(
    id="01-late-joiners",
    objective="01.3",
    kind="choices",
    prompt=f"Which ASEAN states had their first personnel in the data after {LATE_AFTER}? "
           "Give all of them.",
    options=country_options(data.ASEAN10),
    answer=late_joiners,
    feedback={"BRN": "Brunei's steady presence starts in 2008, but look at its very first "
                     "month in the data.",
              "LAO": "Laos has no first month at all: it never sent anyone."},
    hints=("In first_by_group the earliest date in a state's row is the month it starts. Or "
           "run pk.analysis.first_contributions(contributions, pk.data.ASEAN10): its "
           "first_month column gives that month for each state.",
           "Laos has no first month; it is not a late joiner but a non-contributor."),
    explanation="Cambodia, Vietnam and Myanmar, the three states the article dates to 2005, "
                "2014 and 2015. Brunei is the odd one out: the article groups it with "
                "Singapore and Thailand as post-Cold-War contributors, and the data show a "
                "short spell in 1993.",
)

register(
    id="01-capie-brunei",
    objective="01.3",
    kind="choice",
    prompt="The article puts Brunei with Singapore and Thailand, which began after the Cold "
           "War. Where does David Capie's survey of ASEAN peacekeeping put Brunei?",
    options={
        "a": "With Cambodia and Vietnam, among the new participants",
        "b": "With Indonesia and Malaysia, among the long-standing contributors",
        "c": "With Laos, among the states that have never taken part",
    },
    answer="a",
    feedback={
        "b": "Indonesia and Malaysia go back to the 1950s and 1960s; nobody says that of "
             "Brunei.",
        "c": "Brunei has served with UNIFIL in Lebanon since 2008: it has taken part.",
    },
    hints=("When Capie wrote, Brunei's only lasting UN service was the one in Lebanon, "
           "begun in 2008.",),
    explanation="Capie counts Brunei among the newcomers, with Cambodia and Vietnam. Which "
                "grouping you choose depends on whether the short spell in 1993 counts.",
)

# --- 01.4 Convergence over time --------------------------------------------------------------

register(
    id="01-most-contributors",
    objective="01.4",
    kind="number",
    prompt="What is the largest number of ASEAN states that had personnel deployed in the "
           "same month?",
    answer=most_contributors,
    hints=("Use the contributors column of asean_count.",
           "asean_count['contributors'].max() gives the largest value."),
    feedback={10: "Two states never reach the count at the same time as the others."},
    mistakes=((7, "Seven is the count since mid-2019, after Myanmar left; the question asks "
                  "for the largest count in any month."),),
    explanation="Never all ten: Laos never contributed, and Singapore's last UN personnel "
                "left in 2013, before Vietnam and Myanmar arrived.",
)

register(
    id="01-first-year-at-most",
    objective="01.4",
    kind="number",
    prompt="In which year did the number of contributing ASEAN states first reach that "
           "largest value?",
    answer=first_year_at_most,
    hints=("Look at the chart of contributing states: where does the line first reach "
           "its top step?",
           "Hover over the line to read the month."),
    mistakes=((last_year_at_most,
               "That is the last year the count was at its top; the question asks for the "
               "first year it got there."),),
    explanation="The count reaches its peak when Myanmar returns, the same year the article "
                "mentions.",
)

# --- 01.5 Where the data complicates the claim -----------------------------------------------

register(
    id="01-philippines-2019",
    objective="01.5",
    kind="number",
    prompt="What was the Philippines' yearly average of uniformed personnel in 2019?",
    answer=philippines_2019,
    rel_tolerance=0.05,
    hints=("Run the Malaysian example again with countries=\"PHL\" in place of "
           "countries=\"MYS\".",
           "Pick the 2019 row and read its total column."),
    mistakes=((lambda: yearly_average("MYS", 2019),
               "That is Malaysia's average for 2019: change the country code to the "
               "Philippines' (PHL)."),
              (lambda: yearly_average("PHL", 2019, how="sum"),
               "That is the sum of the twelve months; the question asks for their average "
               "(how=\"mean\")."),
              (lambda: yearly_average("PHL", 2011),
               "That is the Philippines' average for 2011; the question asks for 2019.")),
    explanation="About 30, against about 1,000 a year in 2010 and about 890 in 2011: in "
                "numbers, hardly a broadening.",
)

register(
    id="01-brunei-1993",
    objective="01.5",
    kind="choice",
    prompt="The UN data show three Bruneian experts in every month from January to September "
           "1993, a dozen police in six of those months and two soldiers in January, then "
           "nobody until October 2008. Which statement is the most careful?",
    options={
        "a": "Brunei's first UN deployment was in 2008, so the 1993 rows are an error",
        "b": "The data show Brunei personnel in 1993, probably in the UN mission in "
             "Cambodia, but no source we have names the mission",
        "c": "Brunei has contributed without a break since 1993",
    },
    answer="b",
    feedback={
        "a": "The sources that say 2008 may simply be counting Brunei's lasting contribution; "
             "that does not make the 1993 report wrong.",
        "b": "Right: say what the data show, mark the guess as a guess, and say what is "
             "missing.",
        "c": "Look at Brunei's panel: there are fifteen years of zeros in between.",
    },
    hints=("Which statement claims no more than the data and the sources support?",),
)

register(
    id="01-myanmar-return",
    objective="01.5",
    kind="choice",
    prompt="The article says Myanmar \"reversed its isolationist stance in 2015\". What do the "
           "sources add?",
    options={
        "a": "Nothing: Myanmar had never sent peacekeepers before 2015",
        "b": "Burma had served in UN missions in 1958 and the 1960s, so 2015 was a return",
        "c": "Myanmar sent a large battalion in 2015",
    },
    answer="b",
    feedback={
        "a": "Older sources record Burmese observers in Lebanon in 1958 and service in the "
             "Congo in the 1960s.",
        "c": "Look at Myanmar's panel: never more than a handful of people.",
    },
    hints=("Our monthly data start in 1990; what might have happened before that?",),
    explanation="The data cannot show this: they start in 1990. Only other sources can.",
)

register(
    id="01-thailand-first",
    objective="01.5",
    kind="choice",
    prompt="Thailand's mission to the UN gives 1958, its embassy in Washington 1985 and a "
           "comparative study the 1990s as Thailand's first peacekeeping year, and a Bangkok "
           "Post timeline recalls Korea in 1950. What best explains the spread?",
    options={
        "a": "Sources count different things as the first contribution",
        "b": "One of them must be lying",
        "c": "Thailand joined the UN in 1985",
    },
    answer="a",
    feedback={
        "b": "Different answers often come from different definitions, not from lies.",
        "c": "That is not what any of the sources says.",
    },
    hints=("Is fighting under the UN Command in Korea the same as peacekeeping? Is one "
           "observer the same as a unit?",),
    explanation="Korea was a war fought under a UN command, not peacekeeping; a few observers "
                "are not a unit. State your definition before you name a first year.",
)
