"""The analysis functions give the numbers the UN and other sources publish."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import pandas as pd
import pytest

from pkedu import analysis as a
from pkedu.countries import country_codes
from pkedu.data import ASEAN10, load_contributions, load_mission_contributions


@pytest.fixture(scope="module")
def c() -> pd.DataFrame:
    return load_contributions()


def test_ranking_2021_01_equals_the_un_published_ranking(c: pd.DataFrame) -> None:
    # UN DPO ranking of contributors, 31 January 2021 (top ten and Indonesia's place).
    published = [("BGD", 6711), ("RWA", 6378), ("ETH", 6297), ("NPL", 5711), ("IND", 5429),
                 ("PAK", 4761), ("EGY", 3154), ("IDN", 2825), ("CHN", 2465), ("GHA", 2297)]
    r = a.ranking(c, "2021-01", top=10)
    assert list(zip(r["iso3"], r["total"])) == published
    assert r["rank"].tolist() == list(range(1, 11))
    asean = a.ranking(c, "2021-01", countries=ASEAN10).set_index("iso3")
    # Ranks in the same UN table: Malaysia 25, Cambodia 27, Thailand 45, Vietnam 69,
    # Brunei 80, Philippines 100.
    assert asean.loc[["MYS", "KHM", "THA", "VNM"], "total"].tolist() == [842, 758, 301, 75]
    assert asean.loc["MYS", "rank"] == 25 and asean.loc["KHM", "rank"] == 27


def test_asean_year_end_2019_is_about_5000_from_seven_states(c: pd.DataFrame) -> None:
    dec = c[(c["month"] == "2019-12-01") & c["iso3"].isin(ASEAN10)]
    assert dec["iso3"].nunique() == 7
    total = a.annual(a.monthly_totals(c, countries=ASEAN10)).set_index("year").loc[2019, "total"]
    assert 4800 <= total <= 5200


def test_missing_months_stay_missing(c: pd.DataFrame) -> None:
    t = a.monthly_totals(c, by="iso3", countries=["IDN", "LAO"]).set_index(["month", "iso3"])
    assert math.isnan(t.loc[(pd.Timestamp("2020-06-01"), "IDN"), "total"])
    assert t.loc[(pd.Timestamp("2020-05-01"), "LAO"), "total"] == 0


def test_monthly_totals_by_group_add_up(c: pd.DataFrame) -> None:
    whole = a.monthly_totals(c, countries=ASEAN10).set_index("month")["total"]
    parts = a.monthly_totals(c, by="group", countries=ASEAN10).groupby("month")["total"].sum(
        min_count=1)
    pd.testing.assert_series_equal(whole, parts, check_names=False)


def test_first_contributions_match_the_record(c: pd.DataFrame) -> None:
    f = a.first_contributions(c, ASEAN10).set_index("iso3")["first_month"]
    assert f["IDN"] == pd.Timestamp("1990-11-01")
    assert f["MYS"] == pd.Timestamp("1990-11-01")
    assert f["PHL"] == pd.Timestamp("1992-03-01")
    assert f["KHM"] == pd.Timestamp("2005-05-01")
    assert f["VNM"] == pd.Timestamp("2014-07-01")
    assert f["MMR"] == pd.Timestamp("2015-08-01")
    assert pd.isna(f["LAO"])


def test_convergence_counts(c: pd.DataFrame) -> None:
    n = a.contributors_count(c, ASEAN10).set_index("month")["contributors"]
    assert n.max() <= 9  # Laos never contributed
    assert math.isnan(n[pd.Timestamp("2014-10-01")])


def test_indonesia_pledge_never_met(c: pd.DataFrame) -> None:
    g = a.pledge_gap(c)
    assert g["total"].max() == 3545
    assert (g["gap"].dropna() > 0).all()
    with pytest.raises(ValueError, match="positive"):
        a.pledge_gap(c, pledge=0)


def test_share_and_women(c: pd.DataFrame) -> None:
    s = a.share_of_world(c, ASEAN10).set_index("month")
    assert 0.05 < s.loc["2019-12-01", "share"] < 0.065
    w = a.women_share(c, ASEAN10)
    assert w["month"].min() == pd.Timestamp("2014-04-01")
    assert ((w["share"] >= 0) & (w["share"] <= 1)).all()


def test_where_they_serve_and_months_without_detail() -> None:
    mc = load_mission_contributions()
    w = a.where_they_serve(mc, ["VNM"], "2014-07")
    assert w["mission"].tolist() == ["UNMISS"]
    with pytest.raises(ValueError, match="no mission-level figures for 2018-06"):
        a.where_they_serve(mc, ["IDN"], "2018-06")


@pytest.mark.parametrize("bad", ["June", "", "2019-13", None, 2019])
def test_bad_months_are_refused_clearly(c: pd.DataFrame, bad) -> None:
    with pytest.raises(ValueError, match="is not a month"):
        a.ranking(c, bad)


def test_bad_arguments(c: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="unknown personnel group 'soldiers'"):
        a.select(c, groups="soldiers")
    with pytest.raises(TypeError, match="text codes"):
        a.select(c, countries=[1, 2])


@pytest.mark.parametrize("by", [None, "iso3", "group"])
def test_annual_mean_equals_the_named_aggregation(by: str | None) -> None:
    monthly = a.monthly_totals(load_contributions(), by=by, countries=ASEAN10)
    reported = monthly[monthly["total"].notna()].assign(year=lambda d: d["month"].dt.year)
    keys = ["year"] + ([by] if by else [])
    expected = reported.groupby(keys, sort=True).agg(
        total=("total", "mean"), n_months=("total", "size")).reset_index()
    pd.testing.assert_frame_equal(a.annual(monthly, "mean"), expected)


def test_select_without_a_filter_gives_every_row_and_leaves_the_table_alone() -> None:
    c = load_contributions()
    every = a.select(c)
    pd.testing.assert_frame_equal(every, c[pd.Series(True, index=c.index)])
    every.loc[every.index[0], "total"] = -1
    assert c["total"].iloc[0] != -1 and load_contributions()["total"].iloc[0] != -1


@pytest.mark.parametrize("call", [
    lambda c, bad: a.select(c, countries=bad),
    lambda c, bad: a.monthly_totals(c, countries=bad),
    lambda c, bad: a.first_contributions(c, bad),
    lambda c, bad: a.ranking(c, "2019-12", countries=bad),
    lambda c, bad: a.women_share(c, bad),
], ids=["select", "monthly_totals", "first_contributions", "ranking", "women_share"])
def test_every_unknown_country_is_named_at_once(c: pd.DataFrame, call: Callable) -> None:
    """A list with several unknown countries names all of them, each typo with its likely
    meaning, and never names the good ones beside them."""
    with pytest.raises(ValueError) as caught:
        call(c, ["VNN", "Philippines", "Thialand", "VNN", "phl"])
    assert str(caught.value) == (
        "I don't know the countries 'VNN' and 'Thialand'. Did you mean 'VNM' (Vietnam) and 'THA' "
        "(Thailand)? Use codes such as 'IDN' or names such as 'Indonesia'; "
        "pk.data.load_countries() lists them all.")
    with pytest.raises(ValueError) as caught:
        call(c, ["XQZQX", "IDN", "Phillipines"])
    assert str(caught.value).startswith(
        "I don't know the countries 'XQZQX' and 'Phillipines'. Did you mean 'PHL' "
        "(Philippines) for 'Phillipines'? Use codes")
    with pytest.raises(ValueError, match=r"^I don't know the country 'PHI'\. Did you mean 'PHL' "
                                         r"\(Philippines\)\? Use a code such as 'IDN'"):
        call(c, ["PHI"])


_COUNTRY_CALLS = [
    lambda c, bad: a.select(c, countries=bad),
    lambda c, bad: a.monthly_totals(c, countries=bad),
    lambda c, bad: a.first_contributions(c, bad),
    lambda c, bad: a.ranking(c, "2019-12", countries=bad),
    lambda c, bad: a.women_share(c, bad),
    lambda c, bad: a.share_of_world(c, bad),
    lambda c, bad: a.personnel_mix(c, bad, "2019-12"),
    lambda c, bad: a.contributors_count(c, bad),
    lambda c, bad: a.where_they_serve(load_mission_contributions(), bad, "2019-12"),
]
_COUNTRY_IDS = ["select", "monthly_totals", "first_contributions", "ranking", "women_share",
                "share_of_world", "personnel_mix", "contributors_count", "where_they_serve"]


@pytest.mark.parametrize("empty", [[], set(), {}, ()], ids=["list", "set", "dict", "tuple"])
@pytest.mark.parametrize("call", _COUNTRY_CALLS, ids=_COUNTRY_IDS)
def test_an_empty_country_list_is_refused_not_answered_with_an_empty_table(
        c: pd.DataFrame, call: Callable, empty: object) -> None:
    with pytest.raises(ValueError, match=r"^Name at least one country, e\.g\. \['IDN'\]\.$"):
        call(c, empty)


@pytest.mark.parametrize("bad, said", [(5, "5"), (3.5, "3.5"), (True, "True"),
                                       (pd.NA, "a missing value"), (b"IDN", "'IDN' (as bytes)")])
@pytest.mark.parametrize("call", _COUNTRY_CALLS, ids=_COUNTRY_IDS)
def test_countries_that_are_not_a_code_or_a_list_get_a_sentence(
        c: pd.DataFrame, call: Callable, bad: object, said: str) -> None:
    with pytest.raises(TypeError) as caught:
        call(c, bad)
    assert str(caught.value) == ("countries must be a code such as 'IDN', a name, or a list of "
                                 f"them (you gave {said}).")


@pytest.mark.parametrize("call", _COUNTRY_CALLS[5:], ids=_COUNTRY_IDS[5:])
def test_none_is_refused_where_the_countries_are_required(c: pd.DataFrame,
                                                          call: Callable) -> None:
    with pytest.raises(TypeError, match=r"\(you gave None\)\.$"):
        call(c, None)


#: What a student typed and the one guess that may be offered (None: no guess is better
#: than a wrong one). The bad guesses of difflib against every code and name are here.
_GUESSES = [
    ("ID", "IDN"), ("Indon", "IDN"), ("Malay", "MYS"), ("Phil", "PHL"), ("Syria", None),
    ("Atlantis", None), ("Taiwan", None), ("Narnia", None), ("ІDN", "IDN"), ("VNN", "VNM"),
    ("PHI", "PHL"), ("Thialand", "THA"), ("Tailand", "THA"), ("Phillipines", "PHL"),
    ("Malasia", "MYS"), ("Cambodja", "KHM"), ("Vietnan", "VNM"), ("Loas", "LAO"),
    ("Singapur", "SGP"), ("Myanmr", "MMR"), ("Brunai", "BRN"), ("Holand", "NLD"),
    ("Turky", "TUR"), ("Syrai", None), ("Pland", "POL"), ("XQZ", None), ("North Korea", None),
    ("Congo", None),
]


@pytest.mark.parametrize("typed, meant", _GUESSES, ids=[t for t, _ in _GUESSES])
def test_a_guess_is_the_right_country_or_none(c: pd.DataFrame, typed: str,
                                              meant: str | None) -> None:
    with pytest.raises(ValueError) as caught:
        a.select(c, countries=typed)
    said = re.findall(r"Did you mean '([A-Z]{3})'", str(caught.value))
    assert said == ([meant] if meant else []), str(caught.value)


@pytest.mark.parametrize("typed, code", [
    ("Turkey", "TUR"), ("Holland", "NLD"), ("US", "USA"), ("USA", "USA"), ("America", "USA"),
    ("UAE", "ARE"), ("Ivory Coast", "CIV"), ("Burma", "MMR"), ("Siam", "THA"),
    ("Kampuchea", "KHM"), ("Swaziland", "SWZ"), ("ＩＤＮ", "IDN"), ("ｉｎｄｏｎｅｓｉａ", "IDN"),
    ("Việt Nam", "VNM"), ("Viet-Nam", "VNM"), ("\u200bIDN", "IDN"), ("Côte d\u2019Ivoire", "CIV"),
])
def test_common_english_names_and_full_width_letters_are_countries(typed: str, code: str) -> None:
    assert country_codes([typed]) == [code]


def test_lookalike_letters_and_several_countries_in_one_text_are_explained() -> None:
    with pytest.raises(ValueError) as caught:
        country_codes(["ІDN"])
    assert ("'ІDN' contains a letter that is not a Latin letter. Did you mean 'IDN' (Indonesia)?"
            in str(caught.value))
    for typed in ["IDN MYS", "IDN;MYS", "IDN, Malaysia"]:
        with pytest.raises(ValueError) as caught:
            country_codes(typed)
        assert (f"{typed!r} looks like several countries: give them as a list, such as "
                "['IDN', 'MYS']."
                in str(caught.value)) and "Did you mean" not in str(caught.value)


def test_non_text_countries_in_a_list_are_quoted_as_typed(c: pd.DataFrame) -> None:
    import numpy as np
    with pytest.raises(ValueError) as caught:
        country_codes([np.int64(3), pd.NA, b"IDN"])
    assert str(caught.value).endswith("(got 3, a missing value and 'IDN' (as bytes)).")
