"""Prose claims of the last backlog lines: facts that only the maintainers' raw files hold.

The course's own data leave August 2020's split by gender empty on purpose, so the sentences that say
what the UN's report for that month would have meant (half of all uniformed personnel women) can only be
checked against the raw files: those parts run when ``PKEDU_RAW_DATA`` is set and are skipped otherwise
(the helpers are those of ``prose_claims_b0405.py``, which checks the same facts in data/README.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from pkedu import data

from test_prose_claims import Claim, near  # noqa: I001 (first: it loads every claim module)
from prose_claim_helpers import LP00, LP02, LP07, NB00, NB02, NB06, NB07, Q03, Q06, asean, _monthly
from prose_claims_00_01 import _diplomat_matches
from prose_claims_b0405 import _gender_2020_08, raw


def _women_half_in_august_2020() -> bool:
    """Raw: women 41,183 of 81,820 (just over half) in the report of August 2020; the course keeps the
    totals and leaves the split empty; July and September are about 6.5% (b0405's check, reused)."""
    return _gender_2020_08()


def _year_2020_without_august() -> bool:
    """06: every reported month of 2020 but August has a split (so 2020 averages the other months); raw:
    August's report would make half of all peacekeepers women."""
    c = data.load_contributions()
    c = c[c["month"].dt.year == 2020]
    monthly = c.groupby("month").agg(female=("female", lambda s: s.sum(min_count=1)), total=("total", "sum"))
    with_split = monthly.dropna(subset=["female"])
    if list(monthly.index.difference(with_split.index)) != [pd.Timestamp("2020-08-01")]:
        return False
    r = raw("un_peacekeeping_contributions_by_country_month.csv")
    r = r[r["date"].str.startswith("2020-08")]
    months = data.load_months()
    reported_2020 = set(months.loc[months["reported"] & (months["month"].dt.year == 2020), "month"])
    return bool(near(r["female"].sum() / r["total"].sum(), 0.5, 0.01)
                and set(with_split.index) == reported_2020 - {pd.Timestamp("2020-08-01")})


CLAIMS: list[Claim] = [
    Claim("finish-nb02-women-half-2020-08", (NB02,), "In the UN's report for that month women would be half of "
          "all uniformed personnel\n(41,183 of 81,820), against about 6.5% in the months before and after.",
          _women_half_in_august_2020),
    Claim("finish-nb06-women-half-2020-08", (NB06,), "has no usable gender split (it would make half of all "
          "peacekeepers\n  women), so the course leaves that month out; 2020 is an average of the other months.",
          _year_2020_without_august),
    Claim("finish-lp02-women-half-2020-08", (LP02,), "It is deliberate: the UN's report for that month\n  has an "
          "impossible gender split (half of all personnel women)", _women_half_in_august_2020),
]


# --- facts that an over-broad structural rule used to cover (found by an independent review) -------


def _article_under_1000_words() -> bool:
    """The article (maintainers only: PKEDU_ARTICLE) has fewer than 1,000 words, its heading line included."""
    path = os.environ.get("PKEDU_ARTICLE")
    if not path:
        pytest.skip("set PKEDU_ARTICLE to check the article's length")
    return len(Path(path).read_text(encoding="utf-8").split()) < 1000


def _libya_in_the_first_team() -> bool:
    """The IMT's first team (events row imt-mindanao, October 2004, sourced) had monitors from Libya."""
    row = data.load_events().set_index("id").loc["imt-mindanao"]
    return bool(row["date"] == "2004-10" and "LBY" in row["iso3"].split(";")
                and "from Malaysia, Brunei and Libya began" in row["detail"] and row["source_urls"])


CLAIMS += [
    Claim("finish-article-length-07", (NB07,), "Jenne's article is an opinion piece of under 1,000 words.",
          _article_under_1000_words),
    Claim("finish-article-length-lp07", (LP07,), "An opinion piece of under 1,000 words",
          _article_under_1000_words),
    Claim("finish-libya-first-team", (Q06,), "Libya sent a few monitors in the first team.",
          _libya_in_the_first_team),
]


def _two_steps_of_growth() -> bool:
    """02: ASEAN's yearly average rose to a peak in 2011 that did not last (below 4,000 in 2013-2014), then
    rose again from 2015 and stayed above the 2011 peak's fall-back level ever since."""
    a = {year: asean(year) for year in range(2009, 2025)}
    return bool(a[2011] - a[2009] > 1000 and a[2013] < 4000 and a[2014] < 4000
                and min(a[y] for y in range(2015, 2025)) > max(a[2013], a[2014]) + 500)


def _vietnam_two_steps() -> bool:
    """nb03: Vietnam's December counts: under 10 to 2017, about 70 in 2018, above 250 by 2022."""
    vnm = _monthly("VNM")
    december = {year: float(vnm.loc[f"{year}-12-01"]) for year in range(2014, 2023) if year != 2014}
    return bool(all(december[y] < 10 for y in (2015, 2016, 2017)) and 60 <= december[2018] <= 80
                and december[2022] > 250)


CLAIMS += [
    Claim("finish-diplomat-2014-00", (NB00,), "*The Diplomat*'s January 2014 figures passed the test to the person.",
          _diplomat_matches),
    Claim("finish-diplomat-2014-lp00", (LP00,), "(*The Diplomat*'s January 2014 figures against the UN's report)",
          _diplomat_matches),
    Claim("finish-two-steps-02", (NB02,),
          "the growth came in two steps, and only the second one lasted.", _two_steps_of_growth),
    Claim("finish-vietnam-two-steps-03", (Q03,), "Vietnam's line rises after 2014, in two steps.",
          _vietnam_two_steps),
]
