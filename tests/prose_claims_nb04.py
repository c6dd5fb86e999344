"""Prose claims of notebook 04 (no ASEAN force): its text, question module and lesson plan.

Each claim names a snippet of a sentence and computes every number in it from the course data
(see prose_claim_helpers.py for the Claim record and the shared helpers).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from prose_claim_helpers import (
    Claim, LP04, NB04, Q04, asean, country, members_count, near, yearly, _force_proposal_years,
    _members_until_2006,
)


def _indonesia_16th_in_feb_2015() -> bool:
    r = analysis.ranking(data.load_contributions(), "2015-02", top=20).reset_index(drop=True)
    idn = r[r["iso3"] == "IDN"].index[0]
    bgd = r[r["iso3"] == "BGD"]
    return bool(idn == 15 and r.loc[idn, "total"] == 1881 and int(bgd["total"].iloc[0]) == 9446
                and not set(r.loc[:9, "iso3"]) & set(data.ASEAN10))


def _singapore_last_year() -> int:
    c = data.load_contributions()
    return int(c[(c["iso3"] == "SGP") & (c["total"] > 0)]["month"].max().year)


def _members_until_august_2006() -> bool:
    n = members_count().set_index("month")["contributors"]
    six_or_more = n[n > 5]
    return bool(six_or_more[six_or_more.index < "2006-09-01"].index.year.tolist() == [1993] * 9
                and six_or_more[six_or_more.index >= "2006-01-01"].index.min()
                == pd.Timestamp("2006-09-01") and n.max() == 8)


def _largest_contributors() -> bool:
    members = {c: yearly((c,)) for c in data.ASEAN10}
    table = pd.DataFrame(members)
    top = table.idxmax(axis=1)
    second_third = table.apply(lambda row: set(row.sort_values(ascending=False).index[1:3]), axis=1)
    return bool(top[1994] == "MYS" and top[1995] == "MYS"
                and (top.loc[2007:] == "IDN").all()
                and all(second_third[y] == {"MYS", "KHM"} for y in range(2015, 2026))
                and country("PHL", 2015) < country("PHL", 2014) / 2)


def _consensus_record() -> bool:
    from pkedu.apps.consensus import consensus_model

    numbers = consensus_model().numbers
    return bool(numbers["vetoes"] == ("SGP", "THA", "VNM")
                and numbers["undecided"] == ("BRN", "LAO", "MMR"))


def _asean_feb_2015() -> pd.DataFrame:
    r = analysis.ranking(data.load_contributions(), "2015-02")
    return r[r["iso3"].isin(data.ASEAN10)].set_index("iso3")


def _force_numbers_2015() -> bool:
    a = _asean_feb_2015()
    bgd = int(analysis.ranking(data.load_contributions(), "2015-02").set_index("iso3").loc["BGD", "total"])
    total = a["total"].sum()
    return bool(total < 4000 and near(a.loc["IDN", "total"] / total, 0.5, 0.03) and total < bgd / 2
                and a["rank"].min() > 10)


CLAIMS = [
    Claim("indonesia-16th", (NB04,),
          "was only 16th (1,881 people, a fifth of Bangladesh's 9,446)", _indonesia_16th_in_feb_2015),
    Claim("members-until-2006", (NB04,),
          "until August 2006 at most five members had anyone in a UN mission (six for nine months of",
          _members_until_2006),
    Claim("singapore-last-year-04", (NB04,),
          "(2013). So the member that rejected an ASEAN force", lambda: _singapore_last_year() == 2013),
    Claim("members-until-august-2006", (NB04,),
          "(six for nine months of\n1993), and the count has never gone above eight",
          _members_until_august_2006),
    Claim("proposals-six-to-eleven-years", (NB04,
                                            LP04),
          "every six to eleven years",
          lambda: _force_proposal_years() == [1995, 2004, 2015, 2021]),
    Claim("largest-contributors-by-period", (NB04,),
          "since 2007 Indonesia has been the largest every year,\nand since 2015 Malaysia and Cambodia",
          _largest_contributors),
    Claim("asean-bill-86-million", (NB04,
                                    LP04),
          "US$86 million", lambda: round(asean(2019) * 1428 * 12 / 1e6) == 86),
    Claim("must-change-explanation", (Q04,),
          "(Singapore, Thailand and Vietnam, all in", _consensus_record),
    Claim("never-above-eight-04", (NB04,),
          "1993), and the count has never gone above eight.", _members_until_2006),
    Claim("top-ten-2015-04", (NB04,),
          "no ASEAN member is in the world's top ten. Indonesia, the region's largest contributor,",
          lambda: _force_numbers_2015() and _asean_feb_2015()["total"].idxmax() == "IDN"),
    Claim("force-numbers-2015-04", (NB04,),
          "ASEAN's whole UN contribution in early 2015 was under 4,000 people,\nabout half of it Indonesian",
          _force_numbers_2015),
    Claim("half-of-bangladesh-04", (NB04,),
          "In early 2015 the whole\n  region sent fewer than half as many people as Bangladesh alone.",
          _force_numbers_2015),
    Claim("only-three-q04", (Q04,), "Only three: Indonesia, Malaysia and Cambodia.",
          lambda: sorted(_asean_feb_2015().query("total > 500").index) == ["IDN", "KHM", "MYS"]),
    Claim("nearly-half-q04", (Q04,), "Nearly half. Any ASEAN force",
          lambda: 0.45 <= _asean_feb_2015().loc["IDN", "total"] / _asean_feb_2015()["total"].sum() < 0.5),
    Claim("fewer-than-half-q04", (Q04,),
          "The whole of ASEAN together sent fewer than half as many people.", _force_numbers_2015),
]
