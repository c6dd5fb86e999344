"""Prose claims for what questions, hints and feedback take for granted.

A question covers only what it asks; the facts it presupposes (a parenthesis, an appositive, an opening
phrase) and a hint's or feedback's number that states another fact than its prompt's need a check of their
own (see prose_questions.py). Each check computes the fact from
the course data, the events table (whose rows name their sources), the consensus app's record of positions,
or the value the question registry computes for a typical wrong answer.
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data, questions
from pkedu.apps.consensus import RECORD

from prose_claim_helpers import (
    LP01, LP04, NB01, NB04, NB05, NB06, Q00, Q01, Q02, Q03, Q04, Q05, Q06, Q07, Claim, country, members_count, near,
    _big_changes_one_in_ten, _brunei_1993, _feb_2020_rebound, _laos_never_deployed, _monthly,
)


def _event(event_id: str) -> pd.Series:
    e = data.load_events().set_index("id")
    return e.loc[event_id]


def _sourced(event_id: str, date: str, *words: str) -> bool:
    """The events row has this date (its start), names sources and says these words."""
    row = _event(event_id)
    text = f"{row['title']} {row['detail']}"
    return bool(str(row["date"]).startswith(date) and str(row["source_urls"]).strip()
                and all(w in text for w in words))


def _mistake(question_id: str, index: int) -> float:
    value = questions.get(question_id).mistakes[index][0]
    return value() if callable(value) else value


def _first_month() -> pd.Timestamp:
    return data.load_contributions()["month"].min()


def _asean_month(month: str) -> float:
    t = analysis.monthly_totals(data.load_contributions(), countries=data.ASEAN10).set_index("month")["total"]
    return float(t[month])


def _singapore_last_year() -> bool:
    """Singapore's last month with anyone is in 2013, and the year after has nobody at all."""
    sgp = _monthly("SGP").fillna(0)
    last = int(sgp[sgp > 0].index.max().year)
    return bool(last == 2013 and sgp[f"{last + 1}-01-01":f"{last + 1}-12-01"].sum() == 0)


def _positions_2004() -> bool:
    dated_2004 = {c for c, p in RECORD.items() if p.stance != "unknown" and "2004" in p.record
                  and "2015" not in p.record.split("2004")[0]}
    return dated_2004 == {"IDN", "SGP", "THA", "VNM"}


def _objectors() -> bool:
    against = {c: p for c, p in RECORD.items() if p.stance == "oppose"}
    return set(against) == {"SGP", "THA", "VNM"} and all(p.sources for p in against.values())


def _most_states() -> bool:
    return bool(members_count()["contributors"].max() == 8 and _laos_never_deployed())


def _brunei_lasting_from_2008() -> bool:
    brn = _monthly("BRN")
    since = brn["2008-01-01":].dropna()
    first = since[since > 0].index.min()
    return bool(_brunei_1993() and brn["1994-01-01":"2007-12-01"].sum() == 0 and first.year == 2008
                and (since[first:] > 0).all())


def _largest_twice_asean_2015() -> bool:
    rank = analysis.ranking(data.load_contributions(), "2015-02", top=1)
    return bool(rank["total"].item() > 2 * _asean_month("2015-02-01"))


def _women_top_2025() -> bool:
    c = data.load_contributions()
    july = c[(c["month"] == "2025-07-01") & c["iso3"].isin(data.ASEAN10)].groupby("iso3")["total"].sum()
    return bool((july > 250).sum() == 5)


def _idn_2019_months() -> bool:
    c = data.load_contributions()
    idn = c[(c["iso3"] == "IDN") & (c["month"].dt.year == 2019)]
    return bool(idn["month"].nunique() == 12)


def _no_force_proposal_2011() -> bool:
    e = data.load_events()
    proposals = e[e["category"] == "force_proposal"]
    return bool(not proposals["date"].astype(str).str.startswith("2011").any() and len(proposals) >= 3)


def _admm_plus_before_groups() -> bool:
    first = str(_event("admm-plus-inaugurated")["date"])
    return bool(first < str(_event("admm-plus-ewg-pko")["date"]) and first < str(_event("apcn-endorsed")["date"])
                and _sourced("admm-plus-inaugurated", "2010", "first"))


def _jayakumar_march_2004() -> bool:
    sgp = RECORD["SGP"]
    return bool(sgp.stance == "oppose" and "Jayakumar" in sgp.record and "March 2004" in sgp.record
                and any("2004-03" in url for url in sgp.sources))


def _khm_first_month() -> bool:
    khm = _monthly("KHM")
    first = khm[khm > 0].index.min()
    return bool(pd.Timestamp(_mistake("07-khm-first", 0)) == first and khm[first] == 2)


def _rate_in_force(month: str) -> float:
    r = data.load_reimbursement_rates()
    r = r[pd.to_datetime(r["effective_from"]) <= pd.Timestamp(month)]
    return float(r.sort_values("effective_from")["rate_usd"].iloc[-1])


def _idn_2019() -> pd.Series:
    return _monthly("IDN")["2019-01-01":"2019-12-01"]


CLAIMS: list[Claim] = [
    # notebook 01 and its questions: where the data start, Singapore's last year
    Claim("data-start-nb01", NB01, "November 1990 (`1990-11-01` in the table)",
          lambda: _first_month() == pd.Timestamp("1990-11-01")),
    Claim("data-start-q01", Q01, "the very first month of the data (November 1990)",
          lambda: _first_month() == pd.Timestamp("1990-11-01")),
    Claim("data-start-hint", Q01, "Our monthly data start in 1990", lambda: _first_month().year == 1990),
    Claim("data-silent-1958", Q07, "The data are silent about 1958", lambda: _first_month().year > 1958),
    Claim("data-shows-no-1958", Q07, "Nothing you have looked at shows 1958 either",
          lambda: _first_month().year > 1958),
    Claim("sgp-first-year-with-nobody", NB01, "not the first year with nobody", _singapore_last_year),
    Claim("ten-is-wrong", LP01, "Answering 10 for the largest number of contributing states", _most_states),
    Claim("laos-no-first-month", Q01, "Laos has no first month", _laos_never_deployed),
    Claim("brunei-1993-2008", Q01, "The sources that say 2008 may simply be counting Brunei's lasting "
          "contribution; that does not make the 1993 report wrong", _brunei_lasting_from_2008),
    Claim("mistake-mys-2019", Q01, "That is Malaysia's average for 2019",
          lambda: near(_mistake("01-philippines-2019", 0), country("MYS", 2019), 0.01)),
    # questions of notebooks 00 and 02: the typical wrong answers, the "surge" report
    Claim("mistake-nov-2019", Q00, "That is November 2019's total",
          lambda: _mistake("00-total-2019", 2) == _asean_month("2019-11-01")),
    Claim("mistake-share-jan-2019", Q02, "That is ASEAN's share in January 2019.",
          lambda: near(_mistake("02-asean-share", 0),
                       100 * _asean_month("2019-01-01") / float(analysis.monthly_totals(
                           data.load_contributions()).set_index("month").loc["2019-01-01", "total"]), 0.01)),
    Claim("surge-report", Q02, "150 more Southeast Asian peacekeepers in February 2020 than in January",
          _feb_2020_rebound),
    Claim("big-changes", Q02, "Changes of 150 or more do happen, in about one month in ten since 2015",
          _big_changes_one_in_ten),
    # notebook 03's questions: events the prompts take for granted, Indonesia's reported months
    Claim("admm-plus-eight", Q03, "with eight partner countries",
          lambda: _sourced("admm-plus-inaugurated", "2010", "eight partner countries")),
    Claim("admm-plus-first-met", Q03, "both set up after the ADMM-Plus first met", _admm_plus_before_groups),
    Claim("res-2538", Q03, "resolution 2538 (August 2020), the first resolution Indonesia drafted",
          lambda: _sourced("unsc-res-2538", "2020-08", "2538", "first resolution drafted by Indonesia")),
    Claim("unsc-may-2019", Q03, "When Indonesia chaired the UN Security Council in May 2019",
          lambda: _sourced("idn-unsc-presidency", "2019-05", "presidency in May 2019")),
    Claim("apcn-jakarta", Q03, "endorse in Jakarta in May 2011",
          lambda: _sourced("apcn-endorsed", "2011-05", "Jakarta")),
    Claim("rate-1428", Q03, "reimbursed at US$1,428 a month",
          lambda: all(_rate_in_force(f"2019-{m:02d}-01") == 1428 for m in range(1, 13))),
    Claim("rate-1210", Q03, "from the average of about US$1,210 paid before to the new rate",
          lambda: _rate_in_force("2014-06-01") == 1210 and _rate_in_force("2014-07-01") > 1210
          and "average" in str(data.load_reimbursement_rates()["note"].iloc[0])),
    Claim("idn-12-months", Q03, "divided by the 12 reported months", _idn_2019_months),
    # notebook 04: the largest contributor, the proposals, the positions on record
    Claim("largest-twice-asean", Q04, "with more than twice ASEAN's total on its own", _largest_twice_asean_2015),
    Claim("apcn-may-2011", Q04, "In May 2011 the ASEAN defence ministers endorsed the ASEAN Peacekeeping Centres "
          "Network", lambda: _sourced("apcn-endorsed", "2011-05", "Peacekeeping Centres Network")),
    Claim("no-proposal-2011", Q04, "No source we found records a force proposal in 2011.", _no_force_proposal_2011),
    Claim("jayakumar-2004", Q04, "Jayakumar, as the Straits Times reported in March 2004.", _jayakumar_march_2004),
    Claim("wrong-entity-2004", Q04, "Whose foreign minister said in 2004", _jayakumar_march_2004),
    Claim("idn-2004-proposal", Q04, "Indonesia made the 2004 proposal.",
          lambda: _sourced("idn-asean-force-proposal", "2004-02", "Indonesia")
          and str(_event("idn-asean-force-proposal")["category"]) == "force_proposal"),
    Claim("positions-of-2004", NB04, "column gives each position's year). For 2015 alone, set those four",
          _positions_2004),
    Claim("three-objectors", LP04, "Only the three objectors in Exercise 4.", _objectors),
    Claim("objectors-on-record", LP04, "members on record against", _objectors),
    # notebook 05: the pledge's wrong answers
    Claim("mistake-idn-dec-2019", Q05, "That uses December 2019 alone.",
          lambda: near(_mistake("05-idn-pledge-2019", 0), _idn_2019()["2019-12-01"] / 40, 0.01)),
    Claim("mistake-idn-best-month", Q05, "That is Indonesia's best single month, not its average over 2019.",
          lambda: near(_mistake("05-idn-pledge-2019", 1), _monthly("IDN").max() / 40, 0.01)
          and _monthly("IDN").idxmax().year != 2019),
    Claim("mistake-idn-upside-down", Q05, "Divide Indonesia's average by 4,000",
          lambda: near(_mistake("05-idn-pledge-2019", 2), 4000 / _idn_2019().mean() * 100, 0.01)),
    Claim("pledge-4000", NB05, "Indonesia kept its pledge of 4,000",
          lambda: _sourced("idn-4000-pledge", "2015", "4,000", "pledge")),
    Claim("sgp-bamiyan-iraq", Q05, "Think of Bamiyan (Afghanistan) and Iraq in 2017",
          lambda: _sourced("sgp-bamiyan-embedded", "2007", "Bamiyan")
          and _sourced("sgp-iraq-embedded", "2017", "In 2017", "Iraq")),
    # notebook 06: INTERFET, women in the five largest contingents
    Claim("interfet-1999", Q06, "the force that entered East Timor in September 1999",
          lambda: _sourced("interfet-authorised", "1999-09", "landed on 20 September 1999")),
    Claim("interfet-landed", Q06, "September 1999 is when INTERFET landed.",
          lambda: _sourced("interfet-authorised", "1999-09", "INTERFET", "landed on 20 September 1999")),
    Claim("five-over-250", Q06, "Among the five ASEAN states with more than 250 personnel deployed in July 2025",
          _women_top_2025),
    Claim("five-over-250-nb06", NB06, "Which of the five had the highest share of women in July 2025?",
          _women_top_2025),
    # notebook 07: the years of Indonesia's plan, the wrong answers
    Claim("plan-years", Q07, "from January 2015 to December 2019, the years of Indonesia's plan",
          lambda: _sourced("idn-4000-pledge", "2015", "2015 to 2019")),
    Claim("mistake-below-3000", Q07, "That counts the months below 3,000.",
          lambda: _mistake("07-idn-months-3000", 0)
          == int((_monthly("IDN")["2015-01-01":"2019-12-01"] < 3000).sum())),
    Claim("mistake-khm-first", Q07, "That is the first month with anyone from Cambodia, a couple of officers.",
          _khm_first_month),
    Claim("mistake-phl-upside-down", Q07, "that is 2011 as a percentage of 2019",
          lambda: near(_mistake("07-phl-ratio", 0), 100 * country("PHL", 2011) / country("PHL", 2019), 0.01)),
]
