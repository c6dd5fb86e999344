"""Prose claims of notebook 03 (motives): its text, question module and lesson plan.

Each claim names a snippet of a sentence and computes every number in it from the course data
(see prose_claim_helpers.py for the Claim record and the shared helpers).
"""

from __future__ import annotations

import pandas as pd

from pkedu import analysis, data

from prose_claim_helpers import (
    Claim, LP03, NB03, Q03, country, near, _asean_month, _laos_last_dialogue_dot, _laos_never_deployed,
    _month_by_state, _vietnam_2014,
)


def _newer_chart_03() -> bool:
    khm = {y: country("KHM", y) for y in range(2012, 2026)}
    return bool(khm[2015] > 2 * khm[2013] and all(760 <= khm[y] <= 870 for y in range(2015, 2024))
                and khm[2024] < 700 and near(country("THA", 2011), 800, 30)
                and all(near(country("THA", y), 300, 20) for y in range(2019, 2026)))


def _plan_03_figures() -> bool:
    c = data.load_contributions()
    rank = {w: int(analysis.ranking(c, w, countries=["IDN"])["rank"].item())
            for w in ("2015-01", "2019-12")}
    vnm = analysis.monthly_totals(c, countries="VNM").set_index("month").loc["2019-12-01", "total"]
    dec = sum(_month_by_state("2019-12").values())
    return bool(rank == {"2015-01": 16, "2019-12": 8} and vnm == 76
                and near(dec * 1428 * 12 / 1e6, 85, 0.5))


def _rates() -> pd.Series:
    r = data.load_reimbursement_rates()
    return r.set_index(pd.to_datetime(r["effective_from"]))["rate_usd"]


def _rate_steps() -> bool:
    r = _rates()
    steps = r.index[1:]
    return bool((steps[0] - r.index[0]).days / 365.25 > 20 and len(steps) == 4
                and (steps[-1] - steps[0]).days / 365.25 <= 4.01
                and r.iloc[0] == 1210 and r.iloc[-1] == 1428 and r.iloc[-1] / r.iloc[0] - 1 < 0.2
                and steps[-1].year - r.index[0].year == 26)


def _idn_reimbursement_2019() -> float:
    c = data.load_contributions()
    rows = c[(c["iso3"] == "IDN") & (c["month"].dt.year == 2019)
             & c["type"].isin(["Troops", "Staff Officer", "Formed Police Units"])]
    return float(rows["total"].sum() / 12 * _rates().iloc[-1] * 12)


CLAIMS = [
    Claim("laos-last-dot", (NB03,),
          "The last dot, in 2025, is Laos asking Vietnam for help.", _laos_last_dialogue_dot),
    Claim("laos-never-deployed", (NB03,),
          "so Laos is a member, although it has never sent a peacekeeper", _laos_never_deployed),
    Claim("newer-chart-03", (NB03,),
          "Cambodia grew fast in 2013-2015, held steady until 2023 and then fell", _newer_chart_03),
    Claim("plan-03-figures", (LP03,),
          "rank rose from 16th in January 2015 to 8th in December 2019", _plan_03_figures),
    Claim("rate-steps-03", (NB03,),
          "more than twenty years without a change, then four steps in four years.", _rate_steps),
    Claim("rate-fifth-03", (NB03,),
          "1,210 to 1,428 is a rise of less than a fifth over 26 years", _rate_steps),
    Claim("fifty-million-03", (NB03,),
          "Indonesia's 2019 contingent brought in roughly fifty million US dollars a year.",
          lambda: near(_idn_reimbursement_2019(), 50e6, 2.5e6)),
    Claim("fifty-million-summary-03", (NB03,),
          "For Indonesia in 2019 that is roughly **fifty million US dollars a year**.",
          lambda: near(_idn_reimbursement_2019(), 50e6, 2.5e6)),
    Claim("rate-1428-03", (NB03,),
          "The UN pays governments **US$1,428** per person per month (from July 2018)",
          lambda: _rates().iloc[-1] == 1428 and _rates().index[-1] == pd.Timestamp("2018-07-01")),
    Claim("break-even-03", (NB03,), "the UN rate (US$1,428 from July 2018)",
          lambda: _rates().iloc[-1] == 1428 and _rates().index[-1] == pd.Timestamp("2018-07-01")),
    Claim("fifty-million-q03", (Q03,),
          "Roughly fifty million US dollars a year", lambda: near(_idn_reimbursement_2019(), 50e6, 2.5e6)),
    Claim("vietnam-slow-03", (NB03,),
          "Vietnam only started in 2014 and grew slowly",
          lambda: _vietnam_2014() and all(country("VNM", y) < 100 for y in range(2014, 2022))),
    Claim("85-million-lp03", (LP03,),
          "paying ASEAN's roughly 5,000 personnel of December 2019 at the UN rate would cost about 85 million",
          lambda: near(_asean_month("2019-12") * 1428 * 12, 85e6, 1e6) and _rates().iloc[-1] == 1428),
]
