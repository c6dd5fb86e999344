"""Prose claims of the last backlog lines: facts that only the maintainers' raw files hold.

The course's own data leave August 2020's split by gender empty on purpose, so the sentences that say
what the UN's report for that month would have meant (half of all uniformed personnel women) can only be
checked against the raw files: those parts run when ``PKEDU_RAW_DATA`` is set and are skipped otherwise
(the helpers are those of ``prose_claims_b0405.py``, which checks the same facts in data/README.md).
"""

from __future__ import annotations

import pandas as pd

from pkedu import data

from test_prose_claims import Claim, near  # noqa: I001 (first: it loads every claim module)
from prose_claims_b0405 import _gender_2020_08, raw

NB02 = "notebooks/text/02_scale.md"
NB06 = "notebooks/text/06_benefits.md"
LP02 = "docs/lesson-plans/02_scale.md"


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
