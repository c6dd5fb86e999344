"""Colour: the course's palettes stay apart for colour-blind readers; text is readable.

Colour-vision deficiency is simulated with the matrices of Machado, Oliveira and
Fernandes (2009), severity 1.0 (dichromacy: protanopia, deuteranopia, tritanopia),
applied in linear RGB. Colours are compared with the CIEDE2000 colour difference
(Sharma, Wu and Dalal 2005), computed in CIELAB (D65). Every two colours that can
appear in one chart must differ by at least ``MIN_DIFFERENCE`` for normal vision and
under each simulation. (A difference of about 2 is barely visible side by side; small
marks and thin lines in a chart need much more.)

Colours of lines are held to a second measure: CIEDE2000 with its lightness weight
halved (the standard's parametric factor kL = 2), at least ``MIN_LINE_DIFFERENCE``. A
line is thin and drawn anti-aliased: its edges blend into the white background, so its
lightness wavers along it, while its hue holds. Two lines that differ mostly in lightness
(Singapore's black, Myanmar's grey and the world's dark grey; Indonesia's vermillion and
Thailand's orange for a deuteranope) were hard to tell apart although their plain
CIEDE2000 difference passed.

Text colours must have a contrast ratio of at least 4.5:1 with their background
(WCAG 2.1, 1.4.3), computed with WCAG's relative luminance.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import pkedu as pk
from pkedu import theme
from pkedu.checks import feedback
from pkedu.apps import consensus, force_builder, reimbursement
from pkedu.apps._common import AppResult, result_html

ROOT = Path(__file__).resolve().parents[1]

#: The smallest CIEDE2000 difference allowed between two colours of one chart.
MIN_DIFFERENCE = 10.0
#: The lightness weight of CIEDE2000 for lines (kL: lightness differences count half).
LINE_KL = 2.0
#: The smallest difference allowed between two line colours of one chart, measured with
#: ``LINE_KL``. Two lines that differ in lightness only must then be 18 (mid-grey) to 25
#: (next to black or white) CIELAB lightness units apart, about a fifth of the way from
#: black to white: black and the world's dark grey (L* 33) pass, Myanmar's former grey
#: (L* 47) and the world's grey (15 apart) did not.
MIN_LINE_DIFFERENCE = 8.0
#: The smallest contrast with the white background for a line (WCAG 2.1, 1.4.11).
MIN_LINE_CONTRAST = 3.0
#: The smallest contrast ratio allowed for text (WCAG 2.1 AA, normal-size text).
MIN_CONTRAST = 4.5
WHITE = "#FFFFFF"
#: JupyterLab's (light theme) body text colour, rgba(0, 0, 0, 0.87) on white.
JUPYTER_TEXT = "#212121"

#: Machado et al. (2009), severity 1.0, for linear RGB.
MACHADO = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
VISIONS = ("normal", *MACHADO)

#: Every set of colours that can appear together in one chart.
PALETTES: dict[str, list[str]] = {
    # Up to all ten states in one chart (the explorer, contributions over time), with
    # the world total in some (women's share by country).
    "ASEAN states and the world": [*theme.COUNTRY_COLORS.values(), theme.WORLD_COLOR],
    # Other countries beside ASEAN states and the world (notebook 06: Australia beside
    # Thailand, the Philippines, Singapore and Malaysia; women's share with the world).
    "ASEAN states, the world and other countries": [*theme.COUNTRY_COLORS.values(),
                                                    theme.WORLD_COLOR, *theme.OTHER_COLORS],
    "personnel groups": list(theme.GROUP_COLORS.values()),
    "series (regions, groups of countries) and the world": [*theme.SERIES_COLORS,
                                                           theme.WORLD_COLOR],
    "consensus app: stances": list(consensus.STANCE_COLORS.values()),
    "force builder app: unit types and the real deployment": [*force_builder.UNIT_COLORS,
                                                              force_builder.REAL_COLOR],
    "reimbursement app: bars": list(reimbursement.BAR_COLORS.values()),
}


# --------------------------------------------------------------------------- colour science


def srgb(colour: str) -> np.ndarray:
    """'#RRGGBB' as sRGB values in 0..1."""
    value = colour.lstrip("#")
    assert re.fullmatch(r"[0-9A-Fa-f]{6}", value), colour
    return np.array([int(value[i:i + 2], 16) for i in (0, 2, 4)]) / 255


def to_linear(rgb: np.ndarray) -> np.ndarray:
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def to_srgb(linear: np.ndarray) -> np.ndarray:
    linear = np.clip(linear, 0, 1)
    return np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * linear ** (1 / 2.4) - 0.055)


def simulate(rgb: np.ndarray, vision: str) -> np.ndarray:
    """What a reader with ``vision`` sees, as sRGB."""
    return rgb if vision == "normal" else to_srgb(MACHADO[vision] @ to_linear(rgb))


def lab(rgb: np.ndarray) -> np.ndarray:
    """sRGB (D65) to CIELAB."""
    to_xyz = np.array([[0.4124564, 0.3575761, 0.1804375],
                       [0.2126729, 0.7151522, 0.0721750],
                       [0.0193339, 0.1191920, 0.9503041]])
    xyz = to_xyz @ to_linear(rgb) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def ciede2000(lab1: np.ndarray, lab2: np.ndarray, kl: float = 1.0) -> float:
    """The CIEDE2000 colour difference (kC = kH = 1; kL = ``kl``, 1 unless told)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360 if c2p else 0.0
    if c1p * c2p == 0:
        dh, h_mean = 0.0, h1p + h2p
    else:
        dh = h2p - h1p
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
        if abs(h1p - h2p) <= 180:
            h_mean = (h1p + h2p) / 2
        else:
            h_mean = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    d_l, d_c = l2 - l1, c2p - c1p
    d_h = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    l_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    t = (1 - 0.17 * np.cos(np.radians(h_mean - 30)) + 0.24 * np.cos(np.radians(2 * h_mean))
         + 0.32 * np.cos(np.radians(3 * h_mean + 6)) - 0.20 * np.cos(np.radians(4 * h_mean - 63)))
    d_theta = 30 * np.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * np.sqrt(cp_mean ** 7 / (cp_mean ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / np.sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * cp_mean, 1 + 0.015 * cp_mean * t
    r_t = -np.sin(np.radians(2 * d_theta)) * r_c
    return float(np.sqrt((d_l / (kl * s_l)) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2
                         + r_t * (d_c / s_c) * (d_h / s_h)))


def difference(colour1: str, colour2: str, vision: str, kl: float = 1.0) -> float:
    return ciede2000(lab(simulate(srgb(colour1), vision)), lab(simulate(srgb(colour2), vision)),
                     kl)


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio."""
    def luminance(colour: str) -> float:
        return float(np.dot([0.2126, 0.7152, 0.0722], to_linear(srgb(colour))))
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# --------------------------------------------------------------------------- the tools are right


@pytest.mark.parametrize(("lab1", "lab2", "expected"), [
    # Pairs from the test data of Sharma, Wu and Dalal (2005), table 1.
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, -1.3802, -84.2814), (50.0, 0.0, -82.7485), 1.0000),
    ((50.0, 2.5, 0.0), (50.0, 0.0, -2.5), 4.3065),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (50.0, 3.1736, 0.5854), 1.0000),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
])
def test_ciede2000_matches_the_published_test_data(lab1: tuple, lab2: tuple,
                                                   expected: float) -> None:
    assert ciede2000(np.array(lab1), np.array(lab2)) == pytest.approx(expected, abs=1e-4)


def test_the_simulations_behave_as_published() -> None:
    # Dichromats confuse red and green (protan, deutan) or blue and green (tritan) ...
    assert difference("#FF0000", "#00FF00", "deuteranopia") < \
        difference("#FF0000", "#00FF00", "normal") / 2
    assert difference("#FF0000", "#00FF00", "protanopia") < \
        difference("#FF0000", "#00FF00", "normal") / 2
    # ... grey, black and white stay as they are (each matrix row sums to 1).
    for matrix in MACHADO.values():
        assert np.allclose(matrix.sum(axis=1), 1, atol=1e-3)
    assert np.allclose(simulate(srgb("#808080"), "tritanopia"), srgb("#808080"), atol=2e-3)
    # The palette this test was written against failed: Thailand's orange and Laos's
    # olive yellow were one colour under protanopia.
    assert difference("#E69F00", "#B8A900", "protanopia") < 1


def test_wcag_contrast() -> None:
    assert contrast("#000000", WHITE) == pytest.approx(21)
    assert contrast("#777777", WHITE) == pytest.approx(4.48, abs=0.01)


# --------------------------------------------------------------------------- the palettes


def closest_pairs(colours: list[str], kl: float = 1.0) -> Iterator[tuple[float, str, str, str]]:
    for first, second in itertools.combinations(colours, 2):
        for vision in VISIONS:
            yield difference(first, second, vision, kl), vision, first, second


@pytest.mark.parametrize("name", PALETTES)
def test_colours_of_one_chart_stay_apart_for_colour_blind_readers(name: str) -> None:
    colours = PALETTES[name]
    assert len(set(c.upper() for c in colours)) == len(colours), f"{name}: a colour repeats"
    too_close = sorted(p for p in closest_pairs(colours) if p[0] < MIN_DIFFERENCE)
    assert not too_close, f"{name}: colours too close (CIEDE2000 < {MIN_DIFFERENCE}): " + \
        "; ".join(f"{a} and {b} under {v}: {d:.1f}" for d, v, a, b in too_close)


#: Every set of colours that can be lines of one chart: the ten states, the world, other
#: countries (contributions over time, women's share by country); regions and groups of
#: countries with the world (comparisons of groups, women's share).
LINE_PALETTES: dict[str, list[str]] = {
    "ASEAN states, the world and other countries": [*theme.COUNTRY_COLORS.values(),
                                                    theme.WORLD_COLOR, *theme.OTHER_COLORS],
    "series (regions, groups of countries) and the world": [*theme.SERIES_COLORS,
                                                           theme.WORLD_COLOR],
    "personnel groups": list(theme.GROUP_COLORS.values()),
}

#: The line colours before they were measured with ``LINE_KL``: the ten states, the
#: world, the other countries.
OLD_LINE_COLOURS = ["#D55E00", "#0072B2", "#009E73", "#E69F00", "#CC79A7", "#56B4E9",
                    "#000000", "#882200", "#707070", "#440066", "#4D4D4D",
                    "#995544", "#0000CC", "#774477", "#8877FF"]


def too_close_as_lines(colours: list[str]) -> list[tuple[float, str, str, str]]:
    return sorted(p for p in closest_pairs(colours, LINE_KL) if p[0] < MIN_LINE_DIFFERENCE)


@pytest.mark.parametrize("name", LINE_PALETTES)
def test_lines_of_one_chart_stay_apart_when_lightness_counts_half(name: str) -> None:
    too_close = too_close_as_lines(LINE_PALETTES[name])
    assert not too_close, f"{name}: line colours too close (CIEDE2000 with kL = {LINE_KL} " \
        f"< {MIN_LINE_DIFFERENCE}): " + "; ".join(f"{a} and {b} under {v}: {d:.1f}"
                                                 for d, v, a, b in too_close)


def test_the_line_measure_catches_the_colours_it_replaced() -> None:
    """The old colours passed the plain measure but fail the line measure, at the pairs
    readers found hard: Myanmar's grey and the world's grey (6.4), and Indonesia's
    vermillion and Thailand's orange for a deuteranope (6.7)."""
    assert not [p for p in closest_pairs(OLD_LINE_COLOURS) if p[0] < MIN_DIFFERENCE]
    failed = {(a, b): round(d, 1) for d, _, a, b in too_close_as_lines(OLD_LINE_COLOURS)}
    assert failed[("#707070", "#4D4D4D")] == pytest.approx(6.4, abs=0.1)
    assert failed[("#D55E00", "#E69F00")] == pytest.approx(6.7, abs=0.1)


def test_only_singapore_and_the_world_have_no_hue() -> None:
    """A line without hue differs from another one only in lightness. Two such lines can
    meet in one chart: Singapore's black and the world's grey, and the world's line is
    dashed as well (``theme.WORLD_DASH``)."""
    greys = {theme.COUNTRY_COLORS["SGP"], theme.WORLD_COLOR}
    colours = LINE_PALETTES["ASEAN states, the world and other countries"]
    assert {c for c in colours if chroma(c) < GREY_CHROMA} == greys
    # Every other line has a clear hue, not a tinted grey.
    assert not {c: round(chroma(c)) for c in colours if c not in greys and
                chroma(c) < HUE_CHROMA}


@pytest.mark.parametrize("name", LINE_PALETTES)
def test_lines_stand_out_from_the_white_background(name: str) -> None:
    low = {c: round(contrast(c, WHITE), 2) for c in LINE_PALETTES[name]
           if contrast(c, WHITE) < MIN_LINE_CONTRAST}
    assert not low, f"{name}: line colours below {MIN_LINE_CONTRAST}:1 on white: {low}"


APP_PALETTES = [name for name in PALETTES if " app: " in name]


@pytest.mark.parametrize("name", APP_PALETTES)
def test_the_apps_colours_stand_out_from_the_white_background(name: str) -> None:
    low = {c: round(contrast(c, WHITE), 2) for c in PALETTES[name] if contrast(c, WHITE) < MIN_LINE_CONTRAST}
    assert not low, f"{name}: colours below {MIN_LINE_CONTRAST}:1 on white: {low}"


def test_the_world_line_is_dashed() -> None:
    chart = pk.charts.women_share(pk.data.load_contributions(), ["SGP", "MMR", "IDN"],
                                  by_country=True)
    layer = next(layer for layer in chart.to_dict()["layer"] if layer.get("name") == "series")
    dash = layer["encoding"]["strokeDash"]
    dashes = dict(zip(dash["scale"]["domain"], dash["scale"]["range"]))
    assert dashes == {"Singapore": [1, 0], "Myanmar": [1, 0], "Indonesia": [1, 0],
                      "World": list(theme.WORLD_DASH)}
    # One legend shows both: the same field and legend as the colour.
    assert dash["field"] == layer["encoding"]["color"]["field"]
    assert dash["legend"] == layer["encoding"]["color"]["legend"]
    # A chart without the world keeps its solid lines and its data as they were.
    no_world = pk.charts.contributions_over_time(pk.data.load_contributions(), ["SGP", "MMR"])
    assert "strokeDash" not in json.dumps(no_world.to_dict())


def test_every_asean_state_has_its_own_colour() -> None:
    names = {theme.label(code): colour for code, colour in theme.COUNTRY_COLORS.items()}
    assert len(names) == 10 and len(set(names.values())) == 10


#: CIELAB chroma below which a colour reads as a grey (black and the greys have 0).
GREY_CHROMA = 15.0
#: The least chroma of a line colour that is not meant to be a grey.
HUE_CHROMA = 25.0


def chroma(colour: str) -> float:
    _, a, b = lab(srgb(colour))
    return float(np.hypot(a, b))


def test_other_countries_are_never_drawn_in_grey() -> None:
    """Australia's dark grey line beside Singapore's black one (notebook 06) could not be
    told apart, though their CIEDE2000 difference is about 22: two thin lines without hue
    differ only in lightness. Other countries take colours with a hue, each drawn well
    apart from the greys a chart has (Singapore, the world; measured with lightness
    counting half above) and visible on white (a contrast of at least 3:1, WCAG 2.1,
    1.4.11)."""
    assert difference("#4D4D4D", "#000000", "normal") > 20  # why CIEDE2000 alone missed it
    for colour in theme.OTHER_COLORS:
        assert chroma(colour) >= HUE_CHROMA, colour
        assert contrast(colour, WHITE) >= 3, colour


def line_colours(chart: Any) -> dict[str, str]:
    """The colour of each line (series) of a chart, from its colour scale."""
    spec = chart.to_dict()
    scales = [layer["encoding"]["color"]["scale"] for layer in spec.get("layer", [spec])
              if "scale" in layer.get("encoding", {}).get("color", {})]
    assert scales, "no colour scale"
    return dict(zip(scales[0]["domain"], scales[0]["range"]))


@pytest.mark.parametrize("build", [
    # notebook 06: East Timor
    lambda c: pk.charts.contributions_over_time(c, ["THA", "PHL", "SGP", "MYS", "AUS"],
                                                resolution="month", start="1999-01",
                                                end="2002-12"),
    lambda c: pk.charts.contributions_over_time(c, ["SGP", "MMR", "AUS", "NZL", "BGD", "IND"]),
    lambda c: pk.charts.women_share(c, ["SGP", "AUS", "IDN", "NZL"], by_country=True),
    lambda c: pk.charts.women_share(c, ["SGP", "MMR", "IDN", "THA"], by_country=True),
], ids=["06-east-timor", "greys-and-four-others", "women-share-with-the-world",
        "women-share-sgp-mmr-world"])
def test_every_two_lines_of_a_chart_can_be_told_apart(build: Any) -> None:
    colours = line_colours(build(pk.data.load_contributions()))
    assert len(set(colours.values())) == len(colours), colours
    fixed = {theme.label(code) for code in theme.COUNTRY_COLORS} | {"World"}
    for (name1, one), (name2, two) in itertools.combinations(colours.items(), 2):
        for vision in VISIONS:
            assert difference(one, two, vision) >= MIN_DIFFERENCE, (name1, name2, vision)
            assert difference(one, two, vision, LINE_KL) >= MIN_LINE_DIFFERENCE, \
                (name1, name2, vision)
        # Two lines without a hue differ in lightness only. Only Singapore's black and
        # the world's dashed grey have none; every other line has a hue.
        assert max(chroma(one), chroma(two)) >= GREY_CHROMA or {name1, name2} <= fixed, \
            f"{name1} ({one}) and {name2} ({two}) are both drawn in grey"


# --------------------------------------------------------------------------- text contrast


def chart_specs() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every Vega-Lite chart stored in the course's notebooks."""
    for path in sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("notebooks/apps/*.ipynb")]):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook.get("cells", []):
            for output in cell.get("outputs", []):
                for mime, spec in output.get("data", {}).items():
                    if mime.startswith("application/vnd.vegalite"):
                        yield path.name, spec


def text_colours(node: Any, in_text_mark: bool = False) -> Iterator[str]:
    """Colours a chart gives to text: text marks, titles, axis and legend labels."""
    if isinstance(node, Mapping):
        mark = node.get("mark")
        is_text = in_text_mark or mark == "text" or (
            isinstance(mark, Mapping) and mark.get("type") == "text")
        if isinstance(mark, Mapping) and is_text:
            yield from (mark[k] for k in ("color", "fill") if isinstance(mark.get(k), str))
        for key, value in node.items():
            if re.fullmatch(r"(sub)?title[Cc]olor|labelColor|subtitleColor", key) and \
                    isinstance(value, str):
                yield value
            elif key == "title" and isinstance(value, Mapping) and isinstance(
                    value.get("color"), str):
                yield value["color"]
            yield from text_colours(value, is_text and key == "encoding")
    elif isinstance(node, list):
        for item in node:
            yield from text_colours(item, in_text_mark)


def test_chart_text_is_readable() -> None:
    theme_text = [theme._theme()["config"]["title"]["subtitleColor"]]
    found: dict[str, set[str]] = {"theme": set(theme_text)}
    for name, spec in chart_specs():
        found.setdefault(name, set()).update(text_colours(spec))
    colours = {c for cs in found.values() for c in cs if c.startswith("#")}
    assert len(found) > 1, "no chart found in the notebooks"
    low = {c: round(contrast(c, WHITE), 2) for c in colours if contrast(c, WHITE) < MIN_CONTRAST}
    assert not low, f"chart text colours below {MIN_CONTRAST}:1 on white: {low}"


def test_app_and_feedback_text_is_readable() -> None:
    # The apps' message boxes: JupyterLab's text on the box's background.
    for result in (AppResult.problem("Type a number."),
                   AppResult(headline="h", message="Note.", ok=True)):
        backgrounds = re.findall(r"background:\s*(#[0-9A-Fa-f]{6})", result_html(result))
        assert backgrounds, result_html(result)
        for background in backgrounds:
            assert contrast(JUPYTER_TEXT, background) >= MIN_CONTRAST, background
    # The answer checks' coloured text, on white.
    for status, colour in feedback._COLOURS.items():
        assert contrast(colour, WHITE) >= MIN_CONTRAST, (status, colour)
