"""The article's empirical claims: the starting list, and the course's sources for each.

:data:`CLAIMS` (one :class:`Claim` each, in the article's order),
:data:`VERDICTS` and their other spellings, :func:`claims` (the list as a
table) and :func:`sources_for` (the dated events that bear on a claim). The
verdict table is :mod:`pkedu.capstone.verdicts`.

>>> claims().loc["laos-only", "claim"][:44]
'Laos is the only ASEAN state with no direct '
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pkedu.capstone._common import Table, _text


#: The verdicts a claim can get, from the strongest to "we cannot say".
VERDICTS: tuple[str, ...] = ("supported", "partly", "not supported", "cannot tell")
#: Other spellings that mean one of :data:`VERDICTS`.
VERDICT_ALIASES: dict[str, str] = {
    "partly supported": "partly",
    "partially": "partly",
    "partially supported": "partly",
    "partial": "partly",
    "unsupported": "not supported",
    "cant tell": "cannot tell",
    "can not tell": "cannot tell",
}


@dataclass(frozen=True)
class Claim:
    """One empirical claim of the article, with where to look for evidence.

    ``step`` is the step of the article's argument (1 convergence, 2 defence
    diplomacy, 3 no ASEAN force, 4 smaller groups, 5 benefits; see notebook
    00). ``events`` are ids
    in the course's events table (``pk.data.load_events()``).
    """

    id: str
    step: int
    claim: str
    test: str
    events: tuple[str, ...] = ()


#: The starting list: the article's empirical claims, in the order the article makes them.
CLAIMS: tuple[Claim, ...] = (
    Claim("grown", 1,
          "The number of Southeast Asian peacekeepers deployed with the UN has grown (over the "
          "decade before 2019).",
          "UN data: ASEAN's yearly averages, e.g. 2009 against 2018 (pk.analysis.monthly_totals, "
          "pk.analysis.annual)."),
    Claim("after-cold-war", 1,
          "Singapore, Thailand and Brunei began to contribute to UN peacekeeping after the Cold "
          "War.",
          "Sources on first deployments (the UN data start only in November 1990).",
          ("sgp-first-deployment", "tha-first-deployment", "brn-first-deployment")),
    Claim("cambodia-2005", 1,
          "Cambodia joined the group of contributing countries in 2005.",
          "UN data: pk.analysis.first_contributions; national sources on the first unit.",
          ("khm-cabinet-approval", "khm-first-deployment")),
    Claim("vietnam-2014", 1,
          "Vietnam joined the contributing countries in 2014.",
          "UN data: pk.analysis.first_contributions; Vietnamese news reports.",
          ("vnm-first-deployment",)),
    Claim("myanmar-2015", 1,
          "Myanmar reversed its isolationist stance in 2015, sending a small number of "
          "peacekeepers to Liberia and South Sudan.",
          "UN data by mission (pk.analysis.where_they_serve); sources on earlier Burmese service.",
          ("mmr-first-deployment", "mmr-return-2015")),
    Claim("philippines-broadened", 1,
          "The Philippines, like Indonesia and Malaysia, has broadened its peacekeeping "
          "engagement over the past years.",
          "UN data: the Philippines' yearly averages, 2011 against 2019; news of its 2014 "
          "withdrawals.",
          ("phl-withdraws-undof-unmil",)),
    Claim("laos-only", 1,
          "Laos is the only ASEAN state with no direct experience in peacekeeping.",
          "UN data: which ASEAN states ever had personnel deployed; recent Lao and Vietnamese "
          "news.",
          ("lao-asks-vnm-help",)),
    Claim("dialogues", 2,
          "Security officials from ASEAN (including Laos) and its partners outside the region "
          "have taken part in many dialogues and fora to exchange information and best practice "
          "on peacekeeping.",
          "Dated records of ASEAN defence meetings and the peacekeeping training-centre network "
          "(the events table); the UN data cannot test it.",
          ("admm-plus-inaugurated", "admm-plus-ewg-pko", "apcn-endorsed", "lao-asks-vnm-help")),
    Claim("indonesia-2011", 3,
          "A proposal for an integrated ASEAN peacekeeping capacity was first put forward by "
          "Indonesia in 2011 (and taken up by Malaysia in 2015).",
          "Dated news reports of ASEAN meetings (the events table); the UN data cannot test it.",
          ("mys-asean-force-idea", "idn-asean-force-proposal", "apcn-endorsed",
           "mys-asean-force-2015")),
    Claim("indonesia-4000", 4,
          "Indonesia has publicly pledged to deploy 4,000 peacekeepers.",
          "Indonesian and other sources on the pledge; UN data on what followed "
          "(pk.analysis.pledge_gap).",
          ("idn-4000-goal", "idn-4000-pledge", "idn-jokowi-3552")),
    Claim("binational", 4,
          "Only Singapore and Brunei have used binational contingents deployed under UN command.",
          "Sources on shared contingents; UN data by mission (pk.analysis.where_they_serve).",
          ("brn-mys-unifil-binational", "sgp-bamiyan-embedded", "sgp-iraq-embedded")),
    Claim("east-timor-un", 5,
          "With no regional framework, the UN was called upon to intervene in East Timor.",
          "Sources on INTERFET and UNTAET (1999-2000); UN data for the states that took part.",
          ("interfet-authorised", "untaet-established", "untaet-takes-over-interfet")),
    Claim("mindanao-oic", 5,
          "With no regional framework, the Organisation of Islamic Cooperation was called upon to "
          "intervene in Mindanao, in the southern Philippines.",
          "Sources on the peace processes with the MNLF and the MILF; the UN data cannot see "
          "non-UN missions.",
          ("mindanao-mnlf-peace-agreement", "imt-mindanao")),
)
_BY_ID = {c.id: c for c in CLAIMS}

#: The worked example, which every student does before their own set.
WORKED_EXAMPLE = "grown"
#: The other claims split into three sets of four, one set per pair or group in class:
#: A (who took part, and since when), B (who took part, and how they talk), C (pledges,
#: partners and crises). ``check_verdicts(verdicts, claims="A")`` checks one set.
CLAIM_SETS: dict[str, tuple[str, ...]] = {
    "A": ("after-cold-war", "cambodia-2005", "vietnam-2014", "myanmar-2015"),
    "B": ("philippines-broadened", "laos-only", "dialogues", "indonesia-2011"),
    "C": ("indonesia-4000", "binational", "east-timor-un", "mindanao-oic"),
}


def claim_set(claim_id: str) -> str:
    """The set (``"A"``, ``"B"``, ``"C"``) a claim belongs to, or ``"all"`` for the worked example.

    >>> claim_set("dialogues"), claim_set("grown")
    ('B', 'all')
    """
    for name, members in CLAIM_SETS.items():
        if claim_id in members:
            return name
    return "all"


def claims() -> pd.DataFrame:
    """The starting list of the article's empirical claims, one row per claim.

    The index is the claim's id (``"cambodia-2005"``); ``step`` is the step of
    the article's argument; ``set`` is the claim set it belongs to (see
    :data:`CLAIM_SETS`); ``how to test it`` points to data or sources.

    >>> c = claims()
    >>> c.index[:3].tolist()
    ['grown', 'after-cold-war', 'cambodia-2005']
    >>> c["set"].value_counts().to_dict()
    {'A': 4, 'B': 4, 'C': 4, 'all': 1}
    >>> c.loc["laos-only", "claim"]
    'Laos is the only ASEAN state with no direct experience in peacekeeping.'
    """
    frame = pd.DataFrame({"step": [c.step for c in CLAIMS],
                          "set": [claim_set(c.id) for c in CLAIMS],
                          "claim": [c.claim for c in CLAIMS],
                          "how to test it": [c.test for c in CLAIMS]},
                         index=pd.Index([c.id for c in CLAIMS], name="claim_id"))
    return frame


def sources_for(claim_id: str) -> Table:
    """The course's dated events that bear on a claim: date, what happened, sources.

    A ``disputed`` event is one where sources disagree with each other or with
    the article; ``note`` says how. Links are clickable in the notebook.

    >>> evidence = sources_for("vietnam-2014")
    >>> evidence.frame[["date", "event"]].to_string(index=False)
    'date                                          event\\n2014 Vietnam sends its first two \
officers to UNMISS'
    >>> sources_for("grown").frame.empty
    True
    >>> sources_for("nonsense")
    Traceback (most recent call last):
    ...
    ValueError: no claim called 'nonsense'; the claims are: grown, after-cold-war, \
cambodia-2005, vietnam-2014, myanmar-2015, philippines-broadened, laos-only, dialogues, \
indonesia-2011, indonesia-4000, binational, east-timor-un, mindanao-oic
    """
    from pkedu.data import load_events

    claim = _BY_ID.get(claim_id) if isinstance(claim_id, str) else None
    if claim is None:
        raise ValueError(f"no claim called {claim_id!r}; the claims are: "
                         f"{', '.join(_BY_ID)}")
    events = load_events().set_index("id")
    rows = events.loc[list(claim.events)] if claim.events else events.iloc[0:0]
    frame = pd.DataFrame({
        "date": rows["date"].astype(str).tolist(),
        "event": rows["title"].astype(str).tolist(),
        "disputed": ["yes" if bool(d) else "no" for d in rows["disputed"]],
        "note": [_text(n) for n in rows["dispute_note"]],
        "sources": [" ".join(_text(u).split(" ; ")) for u in rows["source_urls"]],
    }, index=pd.Index(list(rows.index), name="event id"))
    title = f"Events bearing on '{claim_id}'" + ("" if claim.events else
                                                  ": none (use the UN data)")
    return Table(frame, title)
