"""Consensus simulator: could ASEAN agree on an integrated peacekeeping force?

ASEAN decides by consensus, so one objection is enough to block a decision.
Each of the ten members gets a stance (support, neutral, oppose or "no
recorded position") and optional concerns. The defaults come from the public
record, each with its source; members with no public position are marked as
such rather than given an invented one. The model says whether consensus
holds, which objections block it, and how large a coalition of the willing
(the supporters) could be, judged by their UN deployments in the latest full
year of data.

>>> r = consensus_model()
>>> r.numbers["status"], r.numbers["vetoes"]
('blocked', ('SGP', 'THA', 'VNM'))
>>> consensus_model({"SGP": "support", "VNM": "support", "BRN": "neutral", "LAO": "neutral",
...                  "MMR": "neutral", "THA": "neutral"}).numbers["status"]
'holds'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import altair as alt
import pandas as pd

from pkedu import chartdata, theme
from pkedu.apps._common import (
    AppResult, InputProblem, Problems, ResultPanel, app_box, country_keys, country_lines, fmt_int,
    given_twice, highlight, names, shown, tag,
)
from pkedu.apps._series import GROUP_KINDS, latest_full_year, year_mean
from pkedu.countries import and_list
from pkedu.data import ASEAN10

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets

APP = "consensus"
STANCES: tuple[str, ...] = ("support", "neutral", "oppose", "unknown")
STANCE_LABELS: dict[str, str] = {"support": "Support", "neutral": "Neutral", "oppose": "Oppose",
                                 "unknown": "No recorded position"}
STANCE_COLORS: dict[str, str] = {"support": "#068A55", "neutral": "#3C9AE6", "oppose": "#BA3A11",
                                 "unknown": "#8C8C8C"}
_STANCE_WORDS = {"no recorded position": "unknown", "no record": "unknown", "none": "unknown",
                 "yes": "support", "no": "oppose", "object": "oppose", "abstain": "neutral"}

ARTICLE = ("https://theasiadialogue.com/2019/04/09/"
           "peacekeeping-an-underutilised-area-of-sub-regional-security/")
_PROPOSAL_2004 = ("https://brecorder.com/news/3016176/"
                  "indonesia-proposes-southeast-asian-peacekeeping-force-20040223168594",
                  "https://jawawa.id/newsitem/ri-suggests-peacekeeping-force-1447893297")
_REACTIONS_2004 = ("https://jawawa.id/newsitem/bad-timing-for-asean-peacekeeping-force-1447893297",
                   "https://www.voanews.com/a/a-13-a-2004-03-04-33-asean-66878797/376896.html")
_REJECTED_1995 = "https://jawawa.id/newsitem/ri-rules-out-joint-asean-peace-force-1447893297"
_THAI_2004 = "https://jawawa.id/newsitem/peacekeeping-idea-ahead-of-its-time-1447893297"
_REVIVED_2015 = "https://www.asiaone.com/asean-peacekeeping-force"
_PROPOSED_2021 = ("https://dev-v4.freemalaysiatoday.com/category/nation/2021/11/10/"
                  "hishammuddin-moots-asean-peacekeeping-force")


@dataclass(frozen=True)
class Position:
    """A member's position on the record: default stance, what was said, sources."""

    stance: str
    record: str
    sources: tuple[str, ...] = ()


#: Default stances from the public record: news reports of the 2004, 2015 and 2021 proposals.
RECORD: dict[str, Position] = {
    "BRN": Position("unknown", "No public position found in the sources."),
    "KHM": Position("support", "Backed Malaysia's 2015 proposal.", (_REVIVED_2015,)),
    "IDN": Position("support", "Proposed an ASEAN peacekeeping force as ASEAN chair in February "
                    "2004 (it had turned down a Malaysian idea around 1995). No position on "
                    "Malaysia's 2015 or 2021 proposals was found.",
                    (*_PROPOSAL_2004, _REJECTED_1995)),
    "LAO": Position("unknown", "Malaysia lobbied Laos in 2015; no answer was recorded.",
                    (_REVIVED_2015,)),
    "MYS": Position("support", "Revived the idea as ASEAN chair in 2015 and proposed it again in "
                    "November 2021.", (_REVIVED_2015, _PROPOSED_2021)),
    "MMR": Position("unknown", "Malaysia lobbied Myanmar in 2015; no answer was recorded.",
                    (_REVIVED_2015,)),
    "PHL": Position("support", "Backed Malaysia's 2015 proposal.", (_REVIVED_2015,)),
    "SGP": Position("oppose", "In 2004 Foreign Minister Jayakumar said ASEAN was the wrong "
                    "entity for a peacekeeping role, being neither a security nor a defence "
                    "organisation (reported in March 2004).", _REACTIONS_2004),
    "THA": Position("oppose", "In February 2004 Foreign Minister Surakiart called an ASEAN "
                    "peacekeeping force unnecessary.", (_THAI_2004,)),
    "VNM": Position("oppose", "In 2004 Vietnam's Nien called Indonesia's proposal 'too early'; "
                    "Malaysia lobbied Vietnam again in 2015, with no support recorded.",
                    (*_REACTIONS_2004, _REVIVED_2015)),
}

#: Concerns a member may have, and what the article suggests could answer each.
CONCERNS: dict[str, str] = {
    "regime security": "The article says the more authoritarian members feared a force that "
                       "could later be turned against them (no source we found confirms it). Limiting it to UN-mandated, non-interventionist "
                       "missions, as Indonesia insists, speaks to that fear.",
    "cost": "The article says no one presented a plan for paying for a regional force. Serving under UN command "
            "brings UN reimbursement, and binational contingents ease national budgets.",
    "sovereignty": "In the article's view, a small rapid reaction group drawing on national contingents lets each state "
                   "keep control over where and when its peacekeepers deploy.",
}


def _stance(value: object, who: str) -> str:
    if isinstance(value, str):
        word = value.strip().lower()
        word = _STANCE_WORDS.get(word, word)
        if word in STANCES:
            return word
    raise InputProblem(f"The stance for {who} must be support, neutral, oppose or "
                       f"no recorded position (you gave {shown(value)}).")


def _concerns(value: object, who: str) -> tuple[str, ...]:
    """One member's concerns; every unknown one is named in one line."""
    items = [value] if isinstance(value, str) else value
    if items is None:
        return ()
    if not isinstance(items, Iterable) or isinstance(items, Mapping):
        raise InputProblem(f"Concerns for {who} must be a list such as ['cost'].")
    clean, bad = [], []
    for item in items:
        word = item.strip().lower() if isinstance(item, str) else None
        if word in CONCERNS:
            clean.append(word)
        elif shown(item) not in bad:
            bad.append(shown(item))
    if bad:
        raise InputProblem(f"Concerns are chosen from {', '.join(CONCERNS)} (you gave "
                           f"{and_list(bad)} for {who}).")
    return tuple(dict.fromkeys(clean))


def _members(pairs: object, problems: Problems, example: str, lines: dict[int, str],
             at: int = 0) -> Iterator[tuple[str | None, str, Any]]:
    """(code or None, who, value) for each pair of ``pairs``, noting problems with the members
    as it goes: ``lines`` name every bad member of both inputs, one line per kind, keyed by
    where the first was given (``at`` is where ``pairs`` start), and each member given twice."""
    if pairs is None:
        return
    if not isinstance(pairs, Mapping):
        problems.add(f"Give {example}.")
        return
    codes, _ = country_keys(pairs.keys())
    twice = given_twice(list(pairs), codes)
    for i, (code, (key, value)) in enumerate(zip(codes, pairs.items())):
        if at + i in lines:
            problems.add(lines[at + i])
        if i in twice:
            problems.add(twice[i])
        yield code, theme.label(code) if code else shown(key), value


def _parse(stances: object, concerns: object) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Clean stances and concerns, or one :class:`InputProblem` naming every problem in
    the order given, one line each.

    >>> _parse({"SGP": "maybe", "Atlantis": "yes", "VNM": "no"}, {"KHM": ["money", 5]})
    Traceback (most recent call last):
    ...
    pkedu.apps._inputs.InputProblem: The stance for Singapore must be support, neutral, oppose \
or no recorded position (you gave 'maybe').
    I don't know the country 'Atlantis'. Use a name such as 'Indonesia' or a code such as 'IDN'.
    Concerns are chosen from regime security, cost, sovereignty (you gave 'money' and 5 for \
Cambodia).
    """
    problems = Problems()
    chosen = {code: RECORD[code].stance for code in ASEAN10}
    first = list(stances) if isinstance(stances, Mapping) else []
    given = first + (list(concerns) if isinstance(concerns, Mapping) else [])
    lines = country_lines(given)[1]  # one line for both inputs, each bad member named once
    for code, who, value in _members(stances, problems,
                                     "stances as pairs such as {'SGP': 'oppose'}", lines):
        stance = problems.check(_stance, value, who)
        if code is not None and stance is not None:
            chosen[code] = stance
    worries: dict[str, tuple[str, ...]] = {}
    for code, who, value in _members(concerns, problems,
                                     "concerns as pairs such as {'MMR': ['regime security']}",
                                     lines, len(first)):
        items = problems.check(_concerns, value, who)
        if code is not None and items:
            worries[code] = items
    if problems:
        raise InputProblem(problems.message())
    return chosen, worries


def consensus_model(stances: object = None, concerns: object = None) -> AppResult:
    """Does consensus hold, who blocks it, and what could the supporters do alone?

    ``stances`` maps members (code or name) to ``"support"``, ``"neutral"``,
    ``"oppose"`` or ``"unknown"`` (no recorded position); members left out keep
    their recorded default. ``concerns`` maps members to a list drawn from
    ``"regime security"``, ``"cost"`` and ``"sovereignty"``. ``numbers`` holds
    ``status`` ("holds", "blocked" or "uncertain"), ``vetoes`` (each opposer
    alone blocks), ``supporters``, ``undecided`` and the coalition's size.

    >>> r = consensus_model({"SGP": "neutral", "Vietnam": "neutral", "THA": "neutral"})
    >>> r.numbers["status"], r.numbers["undecided"]
    ('uncertain', ('BRN', 'LAO', 'MMR'))
    >>> consensus_model({"SGP": "maybe"}).message[-40:]
    "no recorded position (you gave 'maybe')."
    """
    try:
        chosen, worries = _parse(stances, concerns)
    except InputProblem as problem:
        return AppResult.problem(str(problem))
    by_stance = {s: tuple(c for c in ASEAN10 if chosen[c] == s) for s in STANCES}
    year = latest_full_year()
    sizes = {c: year_mean(c, year)[0] for c in ASEAN10}
    troops = {c: year_mean(c, year, GROUP_KINDS["troops"])[0] for c in ASEAN10}
    supporters = by_stance["support"]
    numbers: dict[str, Any] = {
        "stances": chosen, "concerns": worries, "year": year,
        "supporters": supporters, "neutral": by_stance["neutral"],
        "vetoes": by_stance["oppose"], "undecided": by_stance["unknown"],
        "coalition_personnel": sum(sizes[c] for c in supporters),
        "coalition_troops": sum(troops[c] for c in supporters),
    }
    numbers["status"] = ("blocked" if numbers["vetoes"] else
                         "uncertain" if numbers["undecided"] else "holds")
    notes = [_coalition_text(numbers), *_concern_notes(worries, chosen)]
    return AppResult(headline=_headline(numbers), numbers=numbers, notes=tuple(notes),
                     table=_table(chosen, worries, sizes, year),
                     chart=_chart(chosen, sizes, numbers),
                     sources=(("Article: ASEAN's obstacles and the sub-regional option", ARTICLE),))


def _headline(numbers: dict[str, Any]) -> str:
    vetoes, undecided = numbers["vetoes"], numbers["undecided"]
    if vetoes:
        verb = "objects" if len(vetoes) == 1 else "object"
        alone = ("That single objection is" if len(vetoes) == 1 else
                 "Each of these objections alone is")
        return (f"No consensus: {names(vetoes)} {verb}. {alone} enough to block the force, "
                "because every ASEAN member has a veto.")
    if undecided:
        have = "has" if len(undecided) == 1 else "have"
        return (f"Consensus is uncertain: nobody objects, but {names(undecided)} {have} no "
                "recorded position, and an objection from any one of them would block it.")
    if not numbers["supporters"]:
        return "Nobody objects, but nobody supports the force either: there is no one to build it."
    return "Consensus holds: no member objects, so ASEAN could agree to build the force."


def _coalition_text(numbers: dict[str, Any]) -> str:
    supporters, year = numbers["supporters"], numbers["year"]
    if not supporters:
        return "No member supports the force, so there is no coalition of the willing."
    size = (f"In {year} {'it' if len(supporters) == 1 else 'they'} had "
            f"{fmt_int(numbers['coalition_personnel'])} UN peacekeepers deployed on average, "
            f"{fmt_int(numbers['coalition_troops'])} of them troops.")
    if len(supporters) == 1:
        return (f"Only {names(supporters)} supports the force. {size} One state alone is not a "
                "coalition, but it can take partners into its own units, as Malaysia does with "
                "Brunei in Lebanon.")
    if numbers["status"] == "holds":
        return f"The supporters ({names(supporters)}) would form the core of the force. {size}"
    return (f"Without consensus, a coalition of the willing ({names(supporters)}) could still "
            f"cooperate outside ASEAN, for example in binational contingents under UN command. "
            f"{size}")


def _concern_notes(worries: dict[str, tuple[str, ...]], chosen: dict[str, str]) -> list[str]:
    notes = []
    for concern, answer in CONCERNS.items():
        who = [c for c in ASEAN10 if concern in worries.get(c, ())]
        if who:
            shaky = [c for c in who if chosen[c] == "support"]
            extra = (f" {names(shaky)} support{'s' if len(shaky) == 1 else ''} the force only as "
                     "long as this is answered." if shaky else "")
            notes.append(f"Worried about {concern}: {names(who)}. {answer}{extra}")
    return notes


def _table(chosen: dict[str, str], worries: dict[str, tuple[str, ...]], sizes: dict[str, float],
           year: int) -> pd.DataFrame:
    rows = []
    for code in ASEAN10:
        position = RECORD[code]
        changed = "" if chosen[code] == position.stance else " (changed by you)"
        rows.append({"Member": theme.label(code),
                     "Stance": STANCE_LABELS[chosen[code]] + changed,
                     "Concerns": ", ".join(worries.get(code, ())) or "-",
                     "On the record": position.record,
                     "Sources": " ; ".join(position.sources) or "none found",
                     f"UN personnel {year}": round(sizes[code])})
    return pd.DataFrame(rows)


def _chart(chosen: dict[str, str], sizes: dict[str, float], numbers: dict[str, Any]) -> alt.Chart:
    year = numbers["year"]
    data = pd.DataFrame({"member": [theme.label(c) for c in ASEAN10],
                         "stance": [STANCE_LABELS[chosen[c]] for c in ASEAN10],
                         "personnel": [round(sizes[c], 1) for c in ASEAN10]})
    counts = ", ".join(f"{len(numbers[key])} {word}" for key, word in
                       (("supporters", "support"), ("neutral", "neutral"),
                        ("vetoes", "oppose"), ("undecided", "no recorded position")))
    description = (f"Bar chart of the ten ASEAN members' average UN peacekeepers in {year}, "
                   f"coloured by stance on an ASEAN force ({counts}). Supporters together had "
                   f"{fmt_int(numbers['coalition_personnel'])}.")
    pick = alt.selection_point(name="consensus_stance", fields=["stance"], bind="legend")
    labels = [STANCE_LABELS[s] for s in STANCES]
    return alt.Chart(chartdata.inline(data), description=description).mark_bar().encode(
        y=alt.Y("member", type="nominal", title=None, sort=[theme.label(c) for c in ASEAN10]),
        x=alt.X("personnel", type="quantitative", title=f"UN peacekeepers, {year} average"),
        color=alt.Color("stance", type="nominal", title="Stance",
                        scale=alt.Scale(domain=labels, range=[STANCE_COLORS[s] for s in STANCES])),
        opacity=highlight(pick.name),
        tooltip=[alt.Tooltip("member", type="nominal", title="Member"),
                 alt.Tooltip("stance", type="nominal", title="Stance"),
                 alt.Tooltip("personnel", type="quantitative", title=f"UN personnel {year}",
                             format=",.0f")],
    ).add_params(pick).properties(title="Stances on an ASEAN force, and who has troops to offer",
                                  height=260)


def consensus_simulator() -> ipywidgets.VBox:
    """The consensus simulator app.

    Controls (CSS classes): one stance toggle per member,
    ``pk-consensus-stance-<ISO3>`` (also ``pk-consensus-stance``); one
    multi-select of members per concern, ``pk-consensus-concern-regime-security``,
    ``pk-consensus-concern-cost`` and ``pk-consensus-concern-sovereignty``;
    a ``pk-consensus-reset`` button. Results in ``pk-consensus-headline``,
    ``-chart`` and ``-table``.

    >>> app = consensus_simulator()
    >>> "No consensus" in app.panel.headline.value
    True
    """
    import ipywidgets as widgets

    options = [("Support", "support"), ("Neutral", "neutral"), ("Oppose", "oppose"),
               ("No record", "unknown")]
    # One style and layout shared by the ten toggles keeps the saved notebook small.
    style = widgets.ToggleButtonsStyle(description_width="7em", button_width="6.5em")
    # The name and its four buttons on one line (by default the buttons wrap below the name).
    layout = widgets.Layout(display="flex", flex_flow="row", align_items="center")
    toggles: dict[str, Any] = {}
    for code in ASEAN10:
        name = theme.label(code)
        toggles[code] = tag(tag(widgets.ToggleButtons(
            options=options, value=RECORD[code].stance, description=name,
            tooltips=[f"{name}: {word}" for word, _ in options], style=style, layout=layout),
            APP, "stance"), APP, f"stance-{code}")
    members = [(theme.label(c), c) for c in ASEAN10]
    column = widgets.Layout(width="17em", flex_flow="column", align_items="stretch")  # label on top
    worry = {concern: tag(widgets.SelectMultiple(
        options=members, value=(), rows=len(members), description=f"Worried about {concern}:",
        style={"description_width": "initial"}, layout=column),
        APP, f"concern-{concern.replace(' ', '-')}") for concern in CONCERNS}
    reset = tag(widgets.Button(description="Reset to the record",
                               tooltip="Put every stance back to its recorded default"),
                APP, "reset")
    panel = ResultPanel(APP)
    paused = [False]

    def update(_: object = None) -> None:
        if paused[0]:
            return
        stances = {code: box.value for code, box in toggles.items()}
        concerns = {code: [c for c, box in worry.items() if code in box.value] for code in ASEAN10}
        panel.show(lambda: consensus_model(stances, concerns))

    def restore(_: object) -> None:
        paused[0] = True
        try:
            for code, box in toggles.items():
                box.value = RECORD[code].stance
            for box in worry.values():
                box.value = ()
        finally:
            paused[0] = False
        update()

    for control in [*toggles.values(), *worry.values()]:
        control.observe(update, names="value")
    reset.on_click(restore)
    update()
    concerns = widgets.VBox([
        widgets.HTML("<b>Concerns</b> <small>(hold Ctrl, or Cmd on a Mac, to pick several "
                     "members)</small>"),
        widgets.HBox(list(worry.values()))])
    return app_box(APP, "Consensus simulator",
                   "ASEAN decides by consensus: one objection blocks a decision. The stances "
                   "start from the public record (see the table for each source; 'No record' "
                   "means no public position was found). The record borrows from different "
                   "years: the objections and Indonesia's support date from 2004, the support of "
                   "Malaysia, Cambodia and the Philippines from 2015, and the table dates each "
                   "position. Change them and add concerns to see when an ASEAN peacekeeping "
                   "force could be agreed.",
                   [*toggles.values(), concerns, reset], panel)
