"""Self-check questions for notebook 00 (start here: finding your way around).

>>> from pkedu.questions import get
>>> get("00-never-deployed").expected()
'LAO'
>>> get("00-total-2019").expected()
4954
>>> get("00-report-gaps").expected(), get("00-start-month").expected()
(9, '1990-11')
>>> get("00-vietnam-first-year").expected()
2014
"""

from __future__ import annotations

from pkedu import analysis, data
from pkedu.questions import country_options, register

OBJECTIVES = {
    "00.1": "Find your way around a notebook and run its cells in order.",
    "00.2": "Restart a notebook, run all its cells again, and know where to get help.",
    "00.3": "Answer a self-check or a quiz and read its feedback, including "
            "\"not answered yet\".",
    "00.4": "State the article's argument in five steps and find which notebook tests each.",
    "00.5": "Say where the course's numbers come from, and treat a month with no report as "
            "a gap, not a zero.",
    "00.6": "Test a claim against the data and the sources, the habit this course teaches.",
}


def never_deployed() -> str:
    """The ASEAN state with no personnel at all in the UN data."""
    first = analysis.first_contributions(data.load_contributions(), data.ASEAN10)
    never = first.loc[first["first_month"].isna(), "iso3"].tolist()
    if len(never) != 1:
        raise ValueError(f"expected exactly one ASEAN state without personnel, found {never}")
    return never[0]


def asean_total_2019_12() -> int:
    """ASEAN-10 uniformed personnel deployed in December 2019."""
    totals = analysis.monthly_totals(data.load_contributions(), countries=data.ASEAN10)
    return int(totals.set_index("month").loc[analysis.month("2019-12"), "total"])


def asean_total(year: int, month: int) -> int:
    """ASEAN-10 uniformed personnel deployed in one month.

    >>> asean_total(2014, 1)
    3710
    """
    totals = analysis.monthly_totals(data.load_contributions(), countries=data.ASEAN10)
    return int(totals.set_index("month").loc[analysis.month(f"{year}-{month:02d}"), "total"])


def asean_yearly_2019() -> float:
    """ASEAN-10's yearly average for 2019 (a typical slip for December 2019 alone)."""
    totals = analysis.monthly_totals(data.load_contributions(), countries=data.ASEAN10)
    return float(analysis.annual(totals, how="mean").set_index("year").loc[2019, "total"])


def months_without_report() -> int:
    """How many months between the first and the last month of the data have no UN report."""
    return int((~data.load_months()["reported"]).sum())


def start_month() -> str:
    """The first month of the course data, as text like '1990-11'."""
    return f"{data.load_months()['month'].min():%Y-%m}"


def vietnam_first_year() -> int:
    """The year Vietnam first had uniformed personnel in the UN data."""
    first = analysis.first_contributions(data.load_contributions(), ["VNM"])
    return int(first.loc[0, "first_month"].year)


# --- 00.1 Run a notebook ---------------------------------------------------------------------

register(
    id="00-asean-members",
    objective="00.1",
    kind="number",
    prompt="How many member states did ASEAN have from April 1999 until October 2025?",
    answer=len(data.ASEAN10),
    hints=("The course keeps the list in pk.data.ASEAN10; len(...) counts a list.",
           "Timor-Leste became a member only in October 2025, after the period we study."),
    feedback={11: "Check whether your count includes a state that joined after the period "
                  "the course data covers."},
    explanation="Ten: Brunei, Cambodia, Indonesia, Laos, Malaysia, Myanmar, the Philippines, "
                "Singapore, Thailand and Vietnam.",
)

register(
    id="00-shift-enter",
    objective="00.1",
    kind="choice",
    prompt="What happens when you press Shift-Enter in a notebook cell?",
    options={
        "a": "The cell runs and the next cell is selected",
        "b": "The whole notebook runs from the top",
        "c": "The cell is deleted",
        "d": "A new line starts inside the cell",
    },
    answer="a",
    feedback={
        "a": "Shift-Enter runs the cell and moves on: press it again and again to read "
             "the notebook like a story.",
        "b": "Running everything is a menu item (Run > Run All Cells); Shift-Enter does less.",
        "c": "Nothing is deleted: try it on this very cell.",
        "d": "That is plain Enter. Adding Shift changes what happens.",
    },
    hints=("Try it: click into a code cell and press Shift-Enter.",),
)

# --- 00.2 Restart and get help ---------------------------------------------------------------

register(
    id="00-restart",
    objective="00.2",
    kind="choice",
    prompt="You ran cells out of order and deleted one on the way. Now a cell gives a "
           "NameError. What is the surest way to get back to a clean state?",
    options={
        "a": "Kernel > Restart Kernel and Run All Cells",
        "b": "Run the failing cell again and again",
        "c": "Close the browser tab and hope",
        "d": "Delete the failing cell",
    },
    answer="a",
    feedback={
        "a": "Restarting wipes the kernel's memory and runs every cell from the top, so what "
             "you see is exactly what the notebook does.",
        "b": "The same cell with the same memory gives the same error: something earlier is "
             "missing.",
        "c": "The kernel keeps running behind the tab, with the same muddled memory.",
        "d": "That hides the problem instead of fixing it, and you lose the cell's work.",
    },
    hints=("A NameError means the kernel does not remember a name: which action rebuilds "
           "its memory from the top?",),
)

register(
    id="00-when-stuck",
    objective="00.2",
    kind="choice",
    prompt="A cell shows a red error box. What should you read first?",
    options={
        "a": "The last line of the error",
        "b": "The first line of the error",
        "c": "Nothing: errors mean the course is broken",
    },
    answer="a",
    feedback={
        "a": "The last line names the kind of error and what went wrong; the lines above show "
             "where.",
        "b": "The top usually shows where Python was when things went wrong, not what went "
             "wrong.",
        "c": "Errors are normal and useful: most often an earlier cell has not been run yet.",
    },
    hints=("Python tells the story of an error from the outside in.",),
)

# --- 00.3 Self-checks and quizzes ------------------------------------------------------------

register(
    id="00-placeholder",
    objective="00.3",
    kind="choice",
    prompt='A check says "Not answered yet". What does that mean?',
    options={
        "a": "The answer is still the placeholder ... (three dots), so there is nothing to mark",
        "b": "The answer is wrong",
        "c": "The check is broken",
    },
    answer="a",
    feedback={
        "a": "Right: replace the ... with your answer, run that cell, then run the check "
             "again.",
        "b": "A wrong answer gets a hint instead; this message means nothing was marked yet.",
        "c": "The check works: it is waiting for you.",
    },
    hints=("Look at what stands where the answer should go in the check's cell.",),
)

register(
    id="00-start-month",
    objective="00.3",
    kind="month",
    prompt="What is the first month in the course data? Write it like '2019-12'.",
    answer=start_month,
    hints=("Look at the month column of the first rows of the contributions table.",
           "Write the year, a dash and the month as two digits, in quotes."),
    mistakes=(("2019-12", "'2019-12' is the example of how to write a month; the answer is "
                          "the month in the first rows of the table."),),
    explanation="The monthly figures start in November 1990, so anything earlier must come "
                "from other sources.",
)

# --- 00.4 The article in brief ---------------------------------------------------------------

register(
    id="00-step-missing",
    objective="00.4",
    kind="choice",
    prompt="Which of these is NOT part of the article's argument?",
    options={
        "a": "Nearly every ASEAN state now takes part in UN peacekeeping",
        "b": "Proposals for an ASEAN-wide peacekeeping capacity went nowhere",
        "c": "ASEAN should replace UN peacekeeping with its own regional army",
        "d": "Smaller groups of like-minded states could cooperate on peacekeeping",
    },
    answer="c",
    feedback={
        "a": "This is step 1 of the article's argument: the convergence of the ten states' policies.",
        "b": "This is in the article: the proposals were dropped before talks began.",
        "c": "Right: the article argues for sub-regional cooperation that lets states keep "
             "control of their contingents, not for an army replacing the UN.",
        "d": "This is the article's main proposal.",
    },
    hints=("Reread the five steps: which option goes further than any of them?",),
)

register(
    id="00-which-notebook",
    objective="00.4",
    kind="choice",
    prompt="You want to check the claim that Laos is the only ASEAN state without "
           "peacekeeping experience. Which notebook tests it?",
    options={
        "01": "01 Convergence",
        "03": "03 Motives",
        "04": "04 Why no ASEAN force?",
        "06": "06 Benefits",
    },
    answer="01",
    aliases={"01": ("1", "convergence"), "03": ("3", "motives"), "04": ("4",),
             "06": ("6", "benefits")},
    feedback={
        "03": "Notebook 03 asks why states send peacekeepers; who sends them comes earlier.",
        "04": "Notebook 04 is about the failed proposals for a regional force.",
        "06": "Notebook 06 weighs what sub-regional cooperation would bring.",
    },
    hints=("The claim is about who takes part and since when.",),
)

# --- 00.5 Where the numbers come from --------------------------------------------------------

register(
    id="00-no-report",
    objective="00.5",
    kind="choice",
    prompt="The course has no UN report for September 2014. How should a chart show that "
           "month?",
    options={
        "a": "As a gap: we do not know the numbers",
        "b": "As zero: nobody was deployed",
        "c": "As the average of the months before and after",
    },
    answer="a",
    feedback={
        "a": "Right: a missing report tells us nothing about the people deployed, so the line "
             "breaks.",
        "b": "Peacekeepers did not all go home that month; only the report is missing from "
             "our data.",
        "c": "That invents numbers nobody counted; if you do it, say so loudly.",
    },
    hints=("Is a missing report the same as a report that says nobody was there?",),
)

register(
    id="00-report-gaps",
    objective="00.5",
    kind="number",
    prompt="How many months in the course data have no UN report?",
    answer=months_without_report,
    hints=("The table missing_months has one row per month without a report.",
           "len(...) counts the rows of a table."),
    mistakes=((4, "Four is only the gap of late 2014; count every row of missing_months."),
              (lambda: len(data.load_months()),
               "That counts every month of the data, with or without a report; count only the "
               "rows of missing_months.")),
    explanation="Four of them fall in late 2014, which is why some lines in the charts break "
                "there.",
)

# --- 00.6 The habit: test each claim ---------------------------------------------------------

register(
    id="00-never-deployed",
    objective="00.6",
    kind="choice",
    prompt="Which ASEAN state never had uniformed personnel in UN peacekeeping, in the data?",
    options=country_options(data.ASEAN10),
    answer=never_deployed,
    feedback={"BRN": "Brunei's contingent is small, but it is there: look for it in the table.",
              "MMR": "Myanmar appears in the data from 2015 (and, as Burma, served in UN "
                     "missions long before the data begin)."},
    hints=("pk.analysis.first_contributions(contributions, pk.data.ASEAN10) gives each "
           "state's first month; a state that never contributed has no first month (NaT).",),
    explanation="Laos has no uniformed personnel in the UN's monthly reports: its row is "
                "empty, and the course keeps it visible instead of dropping it.",
)

register(
    id="00-total-2019",
    objective="00.6",
    kind="number",
    prompt="How many uniformed personnel did the ten ASEAN states have deployed in "
           "December 2019 (2019-12), all together?",
    answer=asean_total_2019_12,
    rel_tolerance=0.002,
    hints=("Copy the first line of the worked example, with start=\"2019-12\" and end=\"2019-12\".",
           "Then add up the whole total column: asean_dec2019[\"total\"].sum(), without groupby."),
    mistakes=((asean_yearly_2019, "That is the average of all twelve months of 2019; the "
                                  "question asks for December 2019 alone."),
              (lambda: asean_total(2014, 1),
               "That is the total of January 2014, the worked example's month; change both "
               "months to \"2019-12\"."),
              (lambda: asean_total(2019, 11),
               "That is November 2019's total: check that both start and end say \"2019-12\".")),
    explanation="Indonesia alone provided well over half of that number. Notebook 06 compares "
                "a count like this with what the UN Secretary-General said in January 2020.",
)

register(
    id="00-vietnam-first-year",
    objective="00.6",
    kind="number",
    prompt="In which year does Vietnam first appear in the UN data?",
    answer=vietnam_first_year,
    hints=("Draw the chart for Vietnam alone and find where its line leaves zero.",
           "Hover over the leftmost point of the line to read its year."),
    feedback={2012: "One Vietnamese news site says 2012, but that is not what the UN data "
                    "show: look at the chart again."},
    mistakes=((lambda: vietnam_first_year() + 1,
               "In that year Vietnam's line is already above zero; look for the earliest "
               "year in which it is above zero."),),
    explanation="The data agree with the article here: Vietnam's first two officers appear in "
                "2014.",
)
