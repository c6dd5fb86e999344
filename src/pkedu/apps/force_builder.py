"""Force builder: put together a small ASEAN rapid reaction group from national units.

Choose states and how many units of each type they send. The app adds up the
personnel, checks which capabilities a small rapid reaction group needs are
covered, splits the cost by personnel, estimates the UN reimbursement at the
2018 rate, shows each state's real record in the UN data, and compares the
result with a real binational precedent: Brunei's soldiers inside Malaysia's
battalion in UNIFIL (Lebanon), with numbers from the UN mission-level data.

Unit sizes are planning numbers for the exercise: where a real unit gives the
number its source is shown, otherwise it is labelled an illustrative planning
assumption.

>>> r = force_model({"IDN": {"infantry": 2}, "KHM": {"demining": 1}})
>>> r.numbers["total"], r.numbers["missing_core"]
(435, ('engineers', 'medical', 'staff'))
>>> force_model({}).message
'Choose at least one state and give it at least one unit.'
"""

from __future__ import annotations

import functools
import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import altair as alt
import pandas as pd

from pkedu import chartdata, theme
from pkedu.apps._common import (
    CHART_WIDTH,
    AppResult, InputProblem, ResultPanel, app_box, fmt_int, fmt_money, highlight, month_text,
    names, table_html, tag,
)
from pkedu.apps._force_input import MAX_UNITS, check_force, read_force
from pkedu.apps._series import first_month, latest_full_year, year_mean
from pkedu.data import ASEAN10, load_mission_contributions, load_reimbursement_rates

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets

APP = "force"
ILLUSTRATIVE = "Illustrative planning assumption."


@dataclass(frozen=True)
class UnitType:
    """A kind of unit a state can offer, with its planning size and where that comes from."""

    key: str
    label: str
    size: int
    capability: str
    basis: str
    sources: tuple[str, ...] = ()
    reimbursed: bool = True

    @property
    def noun(self) -> str:
        """The label as a noun inside a sentence ('demining/EOD unit')."""
        return self.label[:1].lower() + self.label[1:]

    @property
    def plural(self) -> str:
        """The noun in the plural ('infantry companies')."""
        word = self.noun
        return word[:-1] + "ies" if word.endswith("y") else word + "s"


UNITS: dict[str, UnitType] = {u.key: u for u in (
    UnitType("infantry", "Infantry company", 150, "protection and security", ILLUSTRATIVE),
    UnitType("engineers", "Engineering company", 200, "building camps and roads",
             "Planning number between two real units: Vietnam's first engineering unit had 184 "
             "people (2022), Thailand's engineering company in South Sudan 273 (2018).",
             ("https://en.vietnamplus.vn/vietnams-first-engineering-unit-matches-for-un-mission-"
              "in-abyei/231228.vnp",
              "https://www.bangkokpost.com/news/general/1597954/"
              "273-troops-deploying-to-south-sudan")),
    UnitType("medical", "Level-2 field hospital", 63, "medical care and surgery",
             "Vietnam's first level-2 field hospital had 63 staff (South Sudan, 2018).",
             ("https://vietnamnet.vn/en/vietnams-first-field-hospital-to-leave-for-south-sudan-"
              "E209059.html",)),
    UnitType("demining", "Demining/EOD unit", 135, "clearing mines and explosives",
             "Cambodia's cabinet approved 135 deminers for Sudan in 2005; they deployed in 2006.",
             ("https://english.cambodiadaily.com/news/cambodia-to-send-peacekeepers-to-sudan-"
              "46978/", "https://sudantribune.com/article9392")),
    UnitType("police", "Formed police unit", 140, "public order and policing", ILLUSTRATIVE),
    UnitType("observers", "Military observer team", 5, "monitoring and liaison",
             "Illustrative planning assumption (observers serve in small numbers: Vietnam began "
             "with 2 officers in 2014). Observers are not reimbursed at the standard rate.",
             ("https://en.vietnamplus.vn/vietnam-intensifies-role-in-un-peacekeeping-mission/"
              "72628.vnp",), reimbursed=False),
    UnitType("staff", "Staff officer cell", 10, "command and headquarters", ILLUSTRATIVE),
)}

#: What a small rapid reaction group needs (an illustrative planning assumption).
CORE: tuple[str, ...] = ("infantry", "engineers", "medical", "staff")
USEFUL: tuple[str, ...] = ("demining", "police", "observers")

#: What each state is known for in UN peacekeeping, with a source.
SPECIALISATION: dict[str, tuple[str, str]] = {
    "BRN": ("Infantry sub-units inside Malaysia's UNIFIL battalion",
            "https://www.malaymail.com/news/malaysia/2020/10/01/malaysian-battalion-850-8-to-"
            "head-to-lebanon-for-unifil-peacekeeping-missio/1908636"),
    "KHM": ("Demining and EOD, engineering, military police, level-2 hospitals",
            "https://phnompenhpost.com/national/kingdom-set-send-204-peacekeepers-car"),
    "IDN": ("Large battalion-sized contingents plus police",
            "https://www.providingforpeacekeeping.org/2016/02/05/peacekeeping-contributor-"
            "profile-indonesia/"),
    "LAO": ("No UN deployment yet; asked Vietnam in 2025 for help to build a force",
            "https://vietnamnews.vn/politics-laws/1694954/laos-seeks-vietnamese-experience-in-"
            "un-peacekeeping-force-development.html"),
    "MYS": ("Infantry battalion; explosive ordnance disposal added in 2025",
            "https://thesun.my/malaysia-news/malaysia-reaffirm-commitment-to-global-peace-"
            "MC14078958"),
    "MMR": ("A handful of personnel from 2015 to mid-2019; no specialisation recorded",
            "https://www.lowyinstitute.org/the-interpreter/should-burma-participate-un-"
            "peacekeeping"),
    "PHL": ("Air force contingents; humanitarian engineering, medical and dental teams",
            "https://philippines.embassy.gov.au/mnla/Speech151210.html"),
    "SGP": ("Medical teams, military observers and police",
            "https://bookgrill.com/posts/singapore-un-50-years-ch35-saf-peace-operations"),
    "THA": ("Military engineers, with farming and development outreach",
            "https://www.defenceweb.co.za/joint/diplomacy-a-peace/thai-sappers-in-south-sudan-"
            "go-the-extra-mile/"),
    "VNM": ("Level-2 field hospitals and engineering",
            "https://en.qdnd.vn/military/intl-relations-and-cooperation/peacekeeping-force-"
            "affirms-vietnam-s-position-501602"),
}
PRECEDENT_SOURCES: tuple[tuple[str, str], ...] = (
    ("Brunei's soldiers serve inside Malaysia's UNIFIL battalion",
     "https://btarchive.org/news/national/2014/08/26/brunei-sendshighest-numberof-"
     "peacekeepersto-lebanon"),
    ("MALBATT 850 in UNIFIL", SPECIALISATION["BRN"][1]),
)
UNIT_COLORS = ("#0164A2", "#E97400", "#068A55", "#BA3A11", "#997EAD", "#3C9AE6", "#000000")
REAL_COLOR = "#606060"  # apart from every unit colour for colour-blind readers too
#: The force the app starts with: each state offers units in its specialisation.
DEFAULT_FORCE: dict[str, dict[str, int]] = {
    "IDN": {"infantry": 2, "staff": 1}, "KHM": {"demining": 1, "engineers": 1},
    "VNM": {"medical": 1},
}


@functools.lru_cache(maxsize=1)
def standard_rate() -> float:
    """The UN's monthly reimbursement rate per person from July 2018.

    >>> standard_rate()
    1428.0
    """
    table = load_reimbursement_rates().set_index("effective_from")
    return float(table.loc["2018-07-01", "rate_usd"])


@functools.lru_cache(maxsize=1)
def precedent() -> dict[str, Any]:
    """Malaysians and Bruneians in UNIFIL: yearly averages in the latest full year.

    >>> p = precedent()
    >>> p["year"], round(p["MYS"]), round(p["BRN"])
    (2024, 833, 29)
    """
    year = latest_full_year()
    mc = load_mission_contributions()
    rows = mc[(mc["mission"] == "UNIFIL") & mc["iso3"].isin(["MYS", "BRN"])
              & (mc["month"].dt.year == year)]
    monthly = rows.groupby(["iso3", "month"])["total"].sum()
    means = monthly.groupby("iso3").mean()
    return {"year": year, "MYS": float(means.get("MYS", 0.0)), "BRN": float(means.get("BRN", 0.0)),
            "n_months": int(rows["month"].nunique())}


def unit_sizes() -> pd.DataFrame:
    """The unit types with their planning sizes and where each size comes from.

    >>> row = unit_sizes().iloc[2]
    >>> row["Unit"], int(row["People"])
    ('Level-2 field hospital', 63)
    """
    return pd.DataFrame([{"Unit": u.label, "People": u.size, "Capability": u.capability,
                          "Where the number comes from": u.basis,
                          "Sources": " ; ".join(u.sources) or "-"} for u in UNITS.values()])


def force_model(units: object = None) -> AppResult:
    """Size, capability coverage, cost shares and records for a force of national units.

    ``units`` maps states (codes or names) to ``{unit type: number of units}``;
    unit types are the keys of :data:`UNITS`. ``numbers`` holds ``total``,
    ``by_state`` and ``shares`` (by personnel), ``reimbursable``,
    ``reimbursement_per_year`` (at the 2018 rate), ``missing_core`` and the
    ``precedent`` figures.

    >>> r = force_model({"Vietnam": {"medical": 1}, "Laos": {"observers": 2}})
    >>> r.numbers["by_state"], r.numbers["reimbursable"]
    ({'VNM': 63, 'LAO': 10}, 63)
    >>> force_model({"VNM": {"medical": -5}}).message  # doctest: +ELLIPSIS
    'The number of level-2 field hospitals from Vietnam must be between 0 and 20 (you gave -5)...'
    """
    try:
        force = check_force(units, UNITS)
    except InputProblem as problem:
        return AppResult.problem(str(problem))
    rate = standard_rate()
    by_state = {c: sum(n * UNITS[u].size for u, n in offer.items()) for c, offer in force.items()}
    reimbursable = {c: sum(n * UNITS[u].size for u, n in offer.items() if UNITS[u].reimbursed)
                    for c, offer in force.items()}
    total = sum(by_state.values())
    present = {u for offer in force.values() for u, n in offer.items() if n > 0}
    numbers: dict[str, Any] = {
        "force": force, "total": total, "by_state": by_state,
        "shares": {c: by_state[c] / total for c in force},
        "reimbursable": sum(reimbursable.values()), "rate": rate,
        "reimbursement_per_year": sum(reimbursable.values()) * rate * 12,
        "reimbursement_by_state": {c: reimbursable[c] * rate * 12 for c in force},
        "covered_core": tuple(u for u in CORE if u in present),
        "missing_core": tuple(u for u in CORE if u not in present),
        "missing_useful": tuple(u for u in USEFUL if u not in present),
        "precedent": precedent(),
    }
    return AppResult(headline=_headline(numbers), numbers=numbers, notes=_notes(numbers),
                     table=_table(numbers), chart=_chart(numbers),
                     sources=PRECEDENT_SOURCES)


def _capabilities(keys: tuple[str, ...]) -> str:
    return ", ".join(UNITS[k].capability for k in keys)


def _headline(numbers: dict[str, Any]) -> str:
    states = [c for c in numbers["force"] if numbers["by_state"][c] > 0]
    size = (f"Your force: {numbers['total']:,} personnel from {len(states)} "
            f"state{'s' if len(states) != 1 else ''}.")
    missing = numbers["missing_core"]
    if not missing:
        return (f"{size} It covers all {len(CORE)} core capabilities of a small rapid reaction "
                "group.")
    return (f"{size} It covers {len(CORE) - len(missing)} of {len(CORE)} core capabilities; "
            f"missing: {_capabilities(missing)}.")


def _notes(numbers: dict[str, Any]) -> tuple[str, ...]:
    shares = ", ".join(f"{theme.label(c)} {s:.0%}" for c, s in
                       sorted(numbers["shares"].items(), key=lambda kv: -kv[1]) if s > 0)
    notes = [f"Cost shares by personnel: {shares}.",
             f"UN reimbursement estimate: {numbers['reimbursable']:,} reimbursable personnel × "
             f"{fmt_money(numbers['rate'])} (2018 rate) × 12 months = "
             f"{fmt_money(numbers['reimbursement_per_year'])} a year. Military observers are "
             "paid differently and are left out."]
    empty = [c for c, n in numbers["by_state"].items() if n == 0]
    if empty:
        notes.append(f"{names(empty)}: chosen, but with no units yet.")
    if numbers["missing_useful"]:
        notes.append(f"Useful extras not yet in the force: "
                     f"{_capabilities(numbers['missing_useful'])}.")
    p = numbers["precedent"]
    both = p["MYS"] + p["BRN"]
    notes.append(f"Real precedent: in {p['year']} Malaysia's UNIFIL battalion had on average "
                 f"{fmt_int(p['MYS'])} Malaysians and {fmt_int(p['BRN'])} Bruneians, so Brunei "
                 f"supplied {_share(p['BRN'], both)} of {fmt_int(both)}. "
                 f"{_smallest_partner(numbers)}")
    notes.append("Unit sizes are planning numbers for this exercise and the list of core "
                 "capabilities is an illustrative planning assumption; see the unit table for "
                 "where each number comes from.")
    return tuple(notes)


def _share(part: float, whole: float) -> str:
    return f"{part / whole:.1%}" if whole > 0 else "no share"


def _smallest_partner(numbers: dict[str, Any]) -> str:
    """How the smallest state in the force compares (a force of one state has no partner)."""
    sending = [c for c in numbers["shares"] if numbers["by_state"][c] > 0]
    if len(sending) == 1:
        return (f"Your force comes from {theme.label(sending[0])} alone: add a partner to see "
                "how small its share would be.")
    smallest = min(sending, key=lambda c: numbers["shares"][c])
    return (f"Your smallest partner, {theme.label(smallest)}, supplies "
            f"{numbers['shares'][smallest]:.1%}.")


def _table(numbers: dict[str, Any]) -> pd.DataFrame:
    year = latest_full_year()
    rows = []
    for code, offer in numbers["force"].items():
        first = first_month(code)
        units = ", ".join(f"{n} × {UNITS[u].noun if n == 1 else UNITS[u].plural}"
                          for u, n in offer.items() if n)
        text, source = SPECIALISATION[code]
        rows.append({"State": theme.label(code), "Units": units or "none yet",
                     "Personnel": numbers["by_state"][code],
                     "Share": f"{numbers['shares'][code]:.0%}",
                     "UN reimbursement a year": fmt_money(numbers["reimbursement_by_state"][code]),
                     f"Real UN personnel {year} (average)": fmt_int(year_mean(code, year)[0]),
                     "First month in UN data": month_text(first) if first is not None
                     else "none so far",
                     "Known for": text, "Source": source})
    return pd.DataFrame(rows)


def _chart(numbers: dict[str, Any]) -> alt.LayerChart | alt.Chart:
    rows = []
    for code, offer in numbers["force"].items():
        for unit, n in offer.items():
            if n:
                rows.append({"row": f"{theme.label(code)} (your force)",
                             "unit": UNITS[unit].label, "personnel": n * UNITS[unit].size})
    p = numbers["precedent"]
    for code in ("MYS", "BRN"):
        rows.append({"row": f"{theme.label(code)} in UNIFIL {p['year']} (real)",
                     "unit": "Real deployment (UN data)", "personnel": round(p[code], 1)})
    data = pd.DataFrame(rows)
    domain = [u.label for u in UNITS.values()] + ["Real deployment (UN data)"]
    parts = "; ".join(f"{theme.label(c)} {n:,}" for c, n in numbers["by_state"].items())
    description = (f"Stacked bar chart of your force by state and unit type: {parts}; total "
                   f"{numbers['total']:,}. For comparison, Malaysia had {fmt_int(p['MYS'])} and "
                   f"Brunei {fmt_int(p['BRN'])} personnel in UNIFIL in {p['year']}.")
    pick = alt.selection_point(name="force_unit", fields=["unit"], bind="legend")
    return alt.Chart(chartdata.inline(data), description=description).mark_bar().encode(
        y=alt.Y("row", type="nominal", title=None, sort=None, axis=alt.Axis(labelLimit=240)),
        x=alt.X("personnel", type="quantitative", title="Personnel", stack="zero"),
        color=alt.Color("unit", type="nominal", title="Unit type",
                        scale=alt.Scale(domain=domain, range=[*UNIT_COLORS, REAL_COLOR]),
                        legend=alt.Legend(orient="bottom", columns=3, labelLimit=0)),
        opacity=highlight(pick.name),
        tooltip=[alt.Tooltip("row", type="nominal", title="Who"),
                 alt.Tooltip("unit", type="nominal", title="Unit"),
                 alt.Tooltip("personnel", type="quantitative", title="Personnel",
                             format=",.0f")],
    ).add_params(pick).properties(title="Your rapid reaction group and a real precedent",
                                  height=28 * (len(numbers["force"]) + 2), width=CHART_WIDTH)


def _start_counts(units: object) -> tuple[dict[str, dict[str, int]], list[str]]:
    """The counts the app starts from, and a message for each entry it had to leave out.

    >>> _start_counts({"IDN": {"infantry": float("inf"), "medical": 1}})
    ({'IDN': {'medical': 1}}, ['The number of infantry companies from Indonesia must be an \
ordinary number (you gave inf).'])
    """
    force, problems = read_force(units, UNITS)
    return force, problems.message().splitlines()


def force_builder(units: Mapping[str, Mapping[str, int]] | None = None) -> ipywidgets.VBox:
    """The force builder app.

    Controls (CSS classes): ``pk-force-states`` (SelectMultiple of states),
    one number box per chosen state and unit type, ``pk-force-count-<ISO3>-<unit>``
    (also ``pk-force-count``), and a ``pk-force-clear`` button. Results in
    ``pk-force-headline``, ``-chart`` and ``-table``; unit sizes and their
    sources in ``pk-force-units``.

    >>> app = force_builder()
    >>> "Your force: 708 personnel" in app.panel.headline.value
    True
    """
    import ipywidgets as widgets

    known, problems = _start_counts(DEFAULT_FORCE if units is None else units)
    counts: dict[tuple[str, str], Any] = {}
    rows: dict[str, Any] = {}
    # Shared layouts and styles keep the saved notebook small (one model each, not one per box).
    name_layout, cell_layout = widgets.Layout(width="8em"), widgets.Layout(width="7.5em")
    from ipywidgets.widgets.widget_description import DescriptionStyle
    from ipywidgets.widgets.widget_string import HTMLStyle

    box_style = DescriptionStyle(description_width="0px")  # the column heading labels the box
    name_style = HTMLStyle()

    def row(code: str) -> Any:
        if code not in rows:
            cells = [widgets.HTML(f"<b>{theme.label(code)}</b>", layout=name_layout,
                                  style=name_style)]
            for key, unit in UNITS.items():
                box = widgets.BoundedIntText(
                    value=known.get(code, {}).get(key, 0), min=0, max=MAX_UNITS,
                    description=f"{theme.label(code)}: {unit.plural}",
                    style=box_style, layout=cell_layout)
                counts[code, key] = tag(tag(box, APP, "count"), APP, f"count-{code}-{key}")
                box.observe(update, names="value")
                cells.append(box)
            rows[code] = widgets.HBox(cells)
        return rows[code]

    heads = "".join(f"<div style='width:7.5em;flex:none'><small><b>{u.label}</b><br>{u.size} "
                    "people</small></div>" for u in UNITS.values())
    header = widgets.HTML(f"<div style='display:flex'><div style='width:8em;flex:none'></div>"
                          f"{heads}</div>")
    grid = widgets.VBox()
    states = tag(widgets.SelectMultiple(options=[(theme.label(c), c) for c in ASEAN10],
                                        value=tuple(c for c in ASEAN10 if c in known),
                                        description="States", rows=len(ASEAN10)), APP, "states")
    clear = tag(widgets.Button(description="Clear all units"), APP, "clear")
    panel = ResultPanel(APP)

    paused = [False]

    def update(_: object = None) -> None:
        if paused[0]:
            return
        chosen = states.value
        grid.children = [header, *(row(c) for c in chosen)]
        force = {c: {k: counts[c, k].value for k in UNITS} for c in chosen}
        panel.show(lambda: force_model(force))

    def clear_all(_: object) -> None:
        paused[0] = True
        try:
            for box in counts.values():
                box.value = 0
        finally:
            paused[0] = False
        update()

    states.observe(update, names="value")
    clear.on_click(clear_all)
    update()
    sizes = tag(widgets.HTML("<details><summary>Unit sizes and where they come from</summary>"
                             f"{table_html(unit_sizes())}</details>"), APP, "units")
    hint = widgets.HTML("<small>Hold Ctrl (Cmd on a Mac) to pick several states, then type how "
                        "many units of each type each state sends.</small>")
    # What the starting force had that the app could not use (no widget when all was usable).
    notices = [tag(widgets.HTML("".join(
        f'<div class="pk-message" role="alert" style="background:#FDECEA;padding:6px 10px;'
        f'border-radius:4px;margin:4px 0">{html.escape(p)} (Left out.)</div>'
        for p in problems)), APP, "notice")] if problems else []
    return app_box(APP, "Force builder",
                   "Build a small ASEAN rapid reaction group from national units and compare it "
                   "with a real precedent: Brunei's soldiers inside Malaysia's battalion in "
                   "Lebanon. Sources: UN personnel and mission data; unit sizes are planning "
                   "numbers (see the table).",
                   [*notices, widgets.HBox([states, widgets.VBox([clear, hint])]), sizes, grid],
                   panel)
