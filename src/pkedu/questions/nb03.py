"""Self-check questions for notebook 03 (motives: why do governments send peacekeepers?).

Answers that are facts of the data (dates in the events table, reimbursement
rates, personnel counts) are computed from :mod:`pkedu.data` and
:mod:`pkedu.analysis` when the student checks them.

>>> from pkedu.questions import get
>>> get("03-admm-plus-year").expected()
2010
>>> get("03-rate-2015").expected()
1332.0
>>> round(get("03-rise-2014").expected(), 1)
10.1
>>> round(get("03-idn-reimbursement").expected() / 1e6, 1)
49.2
"""

from __future__ import annotations

from pkedu import analysis, data
from pkedu.questions import register

OBJECTIVES = {
    "03.1": "Name four motives for sending peacekeepers (defence cooperation and military "
            "diplomacy, professionalisation, international standing, money) and find "
            "evidence for each.",
    "03.2": "Place ASEAN's peacekeeping cooperation (ADMM-Plus, its experts' working group, "
            "the centres network, national training centres) on a timeline and say what "
            "each one does.",
    "03.3": "Connect Indonesia's peacekeeping effort with its bid for standing at the UN "
            "Security Council.",
    "03.4": "Estimate what the UN pays a government for a contingent, and say what the "
            "estimate leaves out.",
    "03.5": "Judge, with evidence, whether peacekeeping 'pays' and whether money explains "
            "ASEAN contributions.",
}

#: Personnel types the UN reimburses at the standard monthly rate: troops,
#: staff officers and formed police units (individual police and military
#: experts are paid in other ways).
REIMBURSED_TYPES = ("Troops", "Staff Officer", "Formed Police Units")


def event_year(event_id: str) -> int:
    """The year of one event in the course's events table.

    >>> event_year("apcn-endorsed")
    2011
    """
    events = data.load_events().set_index("id")
    return int(str(events.loc[event_id, "date"])[:4])


def rate_on(day: str) -> float:
    """The reimbursement rate (US$ per person per month) in force on a day.

    >>> rate_on("2019-01-01")
    1428.0
    """
    rates = data.load_reimbursement_rates().sort_values("effective_from")
    earlier = rates[rates["effective_from"] <= day]
    if earlier.empty:
        raise ValueError(f"no rate is known for {day}")
    return float(earlier.iloc[-1]["rate_usd"])


def rate_rise_2014() -> float:
    """Per cent rise from the rate before July 2014 to the rate from July 2014."""
    before, after = rate_on("2014-06-30"), rate_on("2014-07-01")
    return (after / before - 1) * 100


def reimbursable_average(iso3: str, year: int) -> float:
    """A country's average reimbursable personnel over the reported months of a year.

    >>> round(reimbursable_average("IDN", 2019))
    2869
    """
    rows = analysis.select(data.load_contributions(), iso3, start=f"{year}-01",
                           end=f"{year}-12")
    months = data.load_months()
    reported = months[(months["month"].dt.year == year) & months["reported"]]
    if reported.empty:
        raise ValueError(f"no UN report exists for {year}")
    paid = rows[rows["type"].isin(REIMBURSED_TYPES)]
    return float(paid["total"].sum()) / len(reported)


def idn_reimbursement_2019() -> float:
    """Estimated UN reimbursement for Indonesia's 2019 contingent, US$ per year."""
    return reimbursable_average("IDN", 2019) * rate_on("2019-07-01") * 12


def asean_upper_bound_2019() -> float:
    """Everyone ASEAN had deployed in 2019 (average) x the 2018 rate x 12, in US$."""
    totals = analysis.monthly_totals(data.load_contributions(), countries=data.ASEAN10)
    mean = analysis.annual(totals, "mean").set_index("year").loc[2019, "total"]
    return float(mean) * rate_on("2019-07-01") * 12


register(
    id="03-admm-plus-year",
    objective="03.2",
    kind="number",
    prompt="In which year did the ADMM-Plus (ASEAN's defence ministers with eight partner "
           "countries) hold its first meeting?",
    answer=lambda: event_year("admm-plus-inaugurated"),
    mistakes=(
        (lambda: event_year("admm-plus-ewg-pko"),
         "That is the year of the experts' working group on peacekeeping (and of the centres "
         "network), both set up after the ADMM-Plus first met. Take the earliest date among the "
         "ADMM-Plus rows."),
    ),
    hints=("Look for the ADMM-Plus on the timeline of regional cooperation.",),
    explanation="Hanoi, 12 October 2010. A year later it set up an experts' working group on "
                "peacekeeping.",
)

register(
    id="03-apcn-what",
    objective="03.2",
    kind="choice",
    prompt="What did ASEAN's defence ministers endorse in Jakarta in May 2011?",
    options={
        "a": "An ASEAN peacekeeping force under a single command",
        "b": "A network linking the member states' peacekeeping training centres (APCN)",
        "c": "A common ASEAN budget for peacekeeping",
        "d": "ASEAN membership of the UN Security Council",
    },
    answer="b",
    feedback={
        "a": "The article mentions an Indonesian proposal for integrated capacity in 2011, "
             "but the documented 2011 decision is a different, smaller step.",
        "c": "Nobody proposed how regional peacekeeping would be paid for: that is one of the "
             "article's points.",
        "d": "Regional organisations cannot be members of the Security Council.",
    },
    hints=("Reread the paragraph on the ASEAN Peacekeeping Centres Network.",),
    explanation="The ASEAN Peacekeeping Centres Network (APCN): centres share trainers, "
                "courses and experience, while each state keeps its own forces.",
)

register(
    id="03-ewg-cochairs",
    objective="03.2",
    kind="choice",
    prompt="Which pair co-chaired the ADMM-Plus Experts' Working Group on peacekeeping from "
           "2017 to 2020?",
    options={
        "PHL-NZL": "The Philippines and New Zealand",
        "KHM-KOR": "Cambodia and South Korea",
        "IDN-AUS": "Indonesia and Australia",
        "VNM-JPN": "Vietnam and Japan",
    },
    answer="IDN-AUS",
    feedback={"PHL-NZL": "They were the first pair, from 2011.",
              "KHM-KOR": "They came second, before Indonesia and Australia.",
              "VNM-JPN": "They took over later, after Indonesia and Australia."},
    hints=("The table of co-chairs pairs one ASEAN state with one partner for each period.",),
    explanation="Every period pairs an ASEAN state with an outside partner: the group is a "
                "channel for defence diplomacy as much as for training.",
)

register(
    id="03-timing-cause",
    objective="03.1",
    kind="choice",
    prompt="Vietnam opened its peacekeeping centre in 2014, and its numbers rose in steps in 2018 "
           "and 2022. What does this timing show about the cooperation motive?",
    options={
        "a": "That the centre caused the deployments: first the training, then the units",
        "b": "That it fits the cooperation story but does not prove it: a government that has "
             "already decided to deploy builds a training centre first",
        "c": "Nothing at all, because Vietnam's numbers fell after 2014",
        "d": "That money, not cooperation, was the motive",
    },
    answer="b",
    feedback={
        "a": "Something that comes first is not always the cause. Could one decision (to take part "
             "in UN peacekeeping) explain both the centre and the deployments?",
        "c": "Look at the chart again: Vietnam's line rises after 2014, in two steps.",
        "d": "The timing says nothing about money; the money is weighed in Section 5.",
    },
    hints=("Think of a third thing that could come before both the centre and the units.",),
    explanation="Timing is consistent with the cooperation story, but a government that has "
                "decided to deploy will build a centre first. To show cause you need more, for "
                "example officials saying the centre's courses made a deployment possible.",
)

register(
    id="03-unsc-theme",
    objective="03.3",
    kind="choice",
    prompt="When Indonesia chaired the UN Security Council in May 2019, what theme did it "
           "choose?",
    options={
        "a": "Investing in peace: improving the safety and performance of UN peacekeeping",
        "b": "Climate change and security in small island states",
        "c": "Creating an ASEAN peacekeeping force",
        "d": "Cutting the UN peacekeeping budget",
    },
    answer="a",
    feedback={"c": "That was not the theme: the debate Indonesia chose was about UN "
                   "peacekeeping, not a regional force.",
              "b": "That was not Indonesia's theme; look for the word 'peacekeeping'.",
              "d": "Indonesia is a large contributor: it argued for better, not cheaper, "
                   "missions."},
    hints=("The Jakarta Post article linked in the section on standing gives the theme.",),
    explanation="Indonesia used its presidency to put the field it is known for, peacekeeping, "
                "on the Council's agenda.",
)

register(
    id="03-res-2538",
    objective="03.3",
    kind="choice",
    prompt="What is UN Security Council resolution 2538 (August 2020), the first resolution "
           "Indonesia drafted, about?",
    options={
        "a": "Women in peacekeeping",
        "b": "Sanctions on Myanmar",
        "c": "A new mission in the South China Sea",
        "d": "The reimbursement rate for troops",
    },
    answer="a",
    feedback={"d": "Reimbursement rates are set by the General Assembly, not the Security "
                   "Council."},
    hints=("Notebook 02 mentioned it in the section on women peacekeepers.",),
    explanation="It asks states and the UN to deploy more women peacekeepers and to support "
                "them better.",
)

register(
    id="03-rate-2015",
    objective="03.4",
    kind="number",
    prompt="What was the UN's monthly reimbursement rate per person, in US dollars, in July "
           "2015?",
    answer=lambda: rate_on("2015-07-01"),
    mistakes=(
        (lambda: rate_on("2018-07-01"),
         "That rate came later, in July 2018. Which change was the last one on or before "
         "2015-07-01?"),
        (lambda: rate_on("2016-07-01"),
         "That rate started in July 2016, a year after the month asked. Which change was the "
         "last one on or before 2015-07-01?"),
        (lambda: rate_on("2014-06-30"),
         "That is the old average paid until June 2014. A new rate started in July 2014."),
    ),
    hints=("Find the last rate whose effective_from date is on or before 2015-07-01.",),
    explanation="The rate was raised in steps from July 2014 onwards.",
)

register(
    id="03-rise-2014",
    objective="03.4",
    kind="number",
    prompt="By how many per cent did the rate rise in July 2014, from the average of about "
           "US$1,210 paid before to the new rate? Answer in per cent, e.g. 4.5.",
    answer=rate_rise_2014,
    tolerance=0.2,
    unit="percent",
    mistakes=(
        (lambda: rate_on("2014-07-01") - rate_on("2014-06-30"),
         "That is the rise in US dollars. Turn it into per cent: (new / old - 1) x 100."),
        (17, "That is the Daily Star's figure. Compute the rise yourself from US$1,210 to the "
             "July 2014 rate and see which source it agrees with."),
        (lambda: (rate_on("2014-06-30") / rate_on("2014-07-01") - 1) * 100,
         "You divided the old rate by the new one. Per cent rise = (new / old - 1) x 100."),
    ),
    hints=("Per cent rise = (new / old - 1) x 100.",
           "The new rate is the one effective from 2014-07-01."),
    explanation="About 10 per cent, as The Nation said. The Daily Star's 17 per cent does not "
                "follow from the US$1,210 it gives itself (17 per cent would need a starting "
                "rate of about US$1,140): a calculation can show which figure fits the stated "
                "numbers, but not which report made the mistake.",
)

register(
    id="03-who-paid",
    objective="03.4",
    kind="choice",
    prompt="Who receives the UN's reimbursement for a contingent of troops?",
    options={
        "a": "Each soldier, directly into a bank account",
        "b": "The government that sent the contingent",
        "c": "ASEAN's secretariat",
        "d": "The country where the mission is based",
    },
    answer="b",
    feedback={"a": "The UN pays the government; how much reaches the soldier is the "
                   "government's decision.",
              "c": "ASEAN has no role in UN payments: there is no ASEAN contingent.",
              "d": "The host country does not receive the contributors' reimbursement."},
    hints=("Reread the paragraph on who gets the money.",),
)

register(
    id="03-idn-reimbursement",
    objective="03.4",
    kind="number",
    prompt="Estimate what the UN paid in a year for Indonesia's 2019 contingent: average "
           "reimbursable personnel (troops, staff officers, formed police units) in 2019 x "
           "US$1,428 x 12. Answer in US dollars.",
    answer=idn_reimbursement_2019,
    rel_tolerance=0.03,
    mistakes=(
        (lambda: reimbursable_average("IDN", 2019) * rate_on("2019-07-01"),
         "That is one month's payment. The question asks for a year: multiply by 12 as well."),
        (lambda: reimbursable_average("IDN", 2019) * 12 * rate_on("2019-07-01") * 12,
         "That is twelve times too much: you used the sum of the twelve months instead of the "
         "average. Divide the sum by 12 first, then multiply by the rate, and multiply by 12 months."),
        (lambda: reimbursable_average("IDN", 2019) * rate_on("2019-07-01") * 12 / 1e6,
         "That looks like the right amount in millions. Answer in US dollars, e.g. 12500000."),
    ),
    hints=("Keep the rows of Indonesia in 2019 whose type is 'Troops', 'Staff Officer' or "
           "'Formed Police Units'.",
           "Their total summed over the year, divided by the 12 reported months, is the "
           "average; then multiply by the rate, and multiply by 12.",
           "If your number is a little too high, check that you left out experts and "
           "individual police."),
    explanation="Roughly fifty million US dollars a year, paid to the Indonesian government.",
)

register(
    id="03-asean-bound",
    objective="03.4",
    kind="number",
    prompt="Upper bound: if every ASEAN peacekeeper deployed in 2019 (the yearly average, all "
           "groups) were reimbursed at US$1,428 a month, what would the UN pay in a year? "
           "Answer in US dollars.",
    answer=asean_upper_bound_2019,
    rel_tolerance=0.02,
    mistakes=(
        (lambda: asean_upper_bound_2019() / 12,
         "That is one month's payment. The question asks for a year: multiply by 12 as well."),
        (lambda: asean_upper_bound_2019() / 1e6,
         "That looks like the right amount in millions. Answer in US dollars, e.g. 12500000."),
        (lambda: idn_reimbursement_2019(),
         "That is Indonesia's estimate from the previous exercise. This one counts all ten ASEAN "
         "states and every group."),
    ),
    hints=("annual(monthly_totals(...), 'mean') gives ASEAN's average for each year.",
           "Multiply the 2019 average by 1,428 and by 12."),
    explanation="An upper bound: experts and individual police are not paid at this rate.",
)

register(
    id="03-substantive",
    objective="03.2",
    kind="choice",
    prompt="Jenne sees 'no advance towards substantive cooperation' and calls the absence of "
           "initiatives beyond exchanges between training centres 'glaring'. Which summary does "
           "the evidence in Section 2 support best?",
    options={
        "a": "ASEAN states cooperate substantively: they share a training network and exercises, "
             "so the article is wrong",
        "b": "ASEAN states talk and train together, often with outside partners, but have built no "
             "joint unit or common capacity to deploy",
        "c": "There is no peacekeeping cooperation among ASEAN states at all",
        "d": "Laos takes no part in any of it",
    },
    answer="b",
    feedback={
        "a": "Training together is real cooperation, but the article measures 'substantive "
             "cooperation' against an integrated capacity: units that deploy together. None of "
             "the bodies in Section 2 deploys anyone.",
        "c": "Too strong: the ADMM-Plus working group, the centres network's conferences and "
             "shared courses all exist, with dates and sources.",
        "d": "Laos has sent no peacekeepers, but it belongs to the ADMM-Plus working group, "
             "co-chairs another ADMM-Plus working group, and has asked Vietnam for help.",
    },
    hints=("Separate two questions: do ASEAN states cooperate on peacekeeping, and do they "
           "deploy together?",),
    explanation="Both the article and its critics can be right: the cooperation is real but it "
                "is about talking and training, and the shared courses we found ran with outside "
                "partners. What is missing is any common capacity to deploy.",
)
