"""The capstone's tools: claims, verdict table, checks of completeness and form."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import pkedu as pk
from pkedu import capstone
from pkedu.capstone import (
    CLAIMS, MIN_EVIDENCE_WORDS, VERDICTS, add_claim, check_brief, check_verdicts, claims,
    record, show, sources_for, verdict_table,
)

EVIDENCE = ("The UN monthly data show the first personnel in this month, and two national news "
            "reports give a date a few months later.")
SOURCE = "pk.analysis.first_contributions; https://example.org/report"


def _filled(verdict: str = "supported") -> pd.DataFrame:
    table = verdict_table()
    for claim in CLAIMS:
        record(table, claim.id, verdict, EVIDENCE, SOURCE)
    return table


def _brief(words: int = 350, extra: str = "") -> str:
    body = " ".join(["word"] * (words - 23))  # the other lines have 23 words
    return (f"Brief for ASEAN defence ministers\n{body}\nFigure 1 shows the totals and Figure 2 "
            f"the shares. We recommend a joint training course by 2027. {extra}\n"
            "Sources\n- UN data, pk.analysis.monthly_totals\n- https://example.org/a")


@pytest.fixture(scope="module")
def two_charts() -> list:
    contributions = pk.data.load_contributions()
    return [pk.charts.contributions_over_time(contributions, ["IDN"]),
            pk.charts.share_of_world(contributions)]


# --- the claims ---------------------------------------------------------------------------

def test_claims_are_unique_and_point_to_real_events() -> None:
    ids = [c.id for c in CLAIMS]
    assert len(ids) == len(set(ids)) == 13
    events = set(pk.data.load_events()["id"])
    for claim in CLAIMS:
        assert set(claim.events) <= events, claim.id
        assert claim.step in (1, 2, 3, 4, 5)
        assert claim.claim.endswith(".") and claim.test


def test_claims_table_matches_the_list() -> None:
    table = claims()
    assert table.index.tolist() == [c.id for c in CLAIMS]
    assert list(table.columns) == ["step", "set", "claim", "how to test it"]


def test_nothing_in_the_module_knows_a_verdict() -> None:
    """The package never holds a model verdict: the claims carry no verdict field."""
    fields = set(capstone.Claim.__dataclass_fields__)
    assert fields == {"id", "step", "claim", "test", "events"}


@pytest.mark.parametrize("claim_id", [c.id for c in CLAIMS])
def test_sources_for_every_claim(claim_id: str) -> None:
    evidence = sources_for(claim_id)
    frame = evidence.frame
    assert list(frame.columns) == ["date", "event", "disputed", "note", "sources"]
    for urls in frame["sources"]:
        assert urls.startswith("http")
    html_text = evidence._repr_html_()
    assert html_text.count("<a href=") >= len(frame)
    assert repr(evidence) == repr(sources_for(claim_id))  # deterministic output


def test_show_escapes_text_and_links_urls() -> None:
    table = pd.DataFrame({"evidence": ["<b>bold</b> see https://example.org/x?a=1&b=2."]},
                         index=["c1"])
    html_text = show(table)._repr_html_()
    assert "&lt;b&gt;" in html_text and "<b>bold" not in html_text
    assert "href='https://example.org/x?a=1&amp;b=2'" in html_text  # the full stop stays out
    assert "target='_blank'" in html_text
    with pytest.raises(TypeError):
        show("not a table")  # type: ignore[arg-type]


# --- recording ----------------------------------------------------------------------------

def test_verdict_tables_are_independent() -> None:
    first, second = verdict_table(), verdict_table()
    record(first, "laos-only", "supported", EVIDENCE, SOURCE)
    assert second.loc["laos-only", "verdict"] == ""


@pytest.mark.parametrize("typed, stored", [
    ("Supported", "supported"), ("partly supported", "partly"), ("Partially", "partly"),
    ("not-supported", "not supported"), ("unsupported", "not supported"),
    ("can't tell", "cannot tell"), ("CANNOT TELL", "cannot tell"),
])
def test_record_normalises_verdicts(typed: str, stored: str) -> None:
    table = verdict_table()
    feedback = record(table, "grown", typed, EVIDENCE, SOURCE)
    assert feedback.complete
    assert table.loc["grown", "verdict"] == stored


def test_record_keeps_fields_given_as_ellipsis() -> None:
    table = verdict_table()
    record(table, "grown", "partly", EVIDENCE, SOURCE)
    record(table, "grown", ..., ..., "https://example.org/other")
    assert table.loc["grown", "verdict"] == "partly"
    assert table.loc["grown", "source"] == "https://example.org/other"
    assert record(table, "grown").status == "unanswered"
    # a claim of the student's own whose name is not filled in yet
    assert record(table, ..., ..., ..., ...).status == "unanswered"


def test_record_explains_problems_without_raising() -> None:
    table = verdict_table()
    feedback = record(table, "grown", "maybe", "too short", "my memory")
    assert feedback.status == "incorrect" and not feedback.complete
    text = feedback.message
    assert "not on the scale" in text
    assert f"at least {MIN_EVIDENCE_WORDS}" in text
    assert "names no link" in text


@pytest.mark.parametrize("table, claim_id", [
    (None, "grown"), (..., "grown"), ("table", "grown"), (pd.DataFrame(), "grown"),
])
def test_record_with_a_bad_table(table: object, claim_id: str) -> None:
    feedback = record(table, claim_id, "supported", EVIDENCE, SOURCE)  # type: ignore[arg-type]
    assert feedback.status in ("unanswered", "unavailable")
    assert "Traceback" not in feedback.message


@pytest.mark.parametrize("claim_id", ["laos", 3, None, ""])
def test_record_with_an_unknown_claim(claim_id: object) -> None:
    feedback = record(verdict_table(), claim_id, "supported")  # type: ignore[arg-type]
    assert feedback.status == "unavailable"
    assert "no claim called" in feedback.headline


@pytest.mark.parametrize("value", [None, math.nan, 42, ["supported"], {"a": 1}, b"bytes"])
def test_record_with_odd_values_never_raises(value: object) -> None:
    table = verdict_table()
    feedback = record(table, "grown", value, value, value)
    assert feedback.status in ("incorrect", "recorded", "unavailable")


def test_add_claim() -> None:
    table = verdict_table()
    assert add_claim(table, "my-claim", "Indonesia is the natural leader of the region.").complete
    assert table.loc["my-claim", "verdict"] == ""
    assert "already in the table" in add_claim(table, "my-claim", "Again and again.").headline
    assert add_claim(table, "bad name!", "A claim with a bad name.").status == "unavailable"
    assert add_claim(table, "short", "Hi").status == "unavailable"
    assert add_claim(table, ..., ...).status == "unanswered"
    # a claim of one's own is then part of the completeness check
    record(table, "my-claim", "partly", EVIDENCE, SOURCE)
    for claim in CLAIMS:
        record(table, claim.id, "partly", EVIDENCE, SOURCE)
    assert check_verdicts(table).headline.startswith("Complete: all 14 claims")


# --- check_verdicts -----------------------------------------------------------------------

def test_empty_table_is_not_started() -> None:
    feedback = check_verdicts(verdict_table())
    assert feedback.status == "unanswered"
    assert "13 claims" in feedback.headline


def test_partly_filled_table_lists_what_is_missing() -> None:
    table = verdict_table()
    record(table, "grown", "supported", EVIDENCE, SOURCE)
    record(table, "laos-only", "perhaps", "short", "")
    feedback = check_verdicts(table)
    assert feedback.status == "incorrect"
    assert feedback.headline == "Not complete yet: 1 of 13 claims are done."
    assert any(line.startswith("laos-only: the verdict 'perhaps'") for line in feedback.details)
    assert "cambodia-2005: not started yet (no verdict, evidence or source)." in feedback.details
    record(table, "vietnam-2014", ..., EVIDENCE, SOURCE)
    again = check_verdicts(table)
    assert any(line.startswith("vietnam-2014: no verdict yet") for line in again.details)


@pytest.mark.parametrize("verdict", VERDICTS)
def test_any_verdict_on_the_scale_completes_the_table(verdict: str) -> None:
    """The check judges completeness only: it cannot prefer one verdict to another."""
    feedback = check_verdicts(_filled(verdict))
    assert feedback.complete
    assert feedback.message == check_verdicts(_filled(VERDICTS[0])).message
    for other in VERDICTS:
        assert f"'{other}'" not in feedback.message


def test_subset_for_group_work() -> None:
    table = verdict_table()
    for claim_id in ("grown", "laos-only"):
        record(table, claim_id, "supported", EVIDENCE, SOURCE)
    assert check_verdicts(table, claims=["grown", "laos-only"]).complete
    assert check_verdicts(table, claims="grown").complete
    missing = check_verdicts(table, claims=["grow"])
    assert "Did you mean 'grown'" in missing.message


def test_claim_ids_in_a_column_and_deleted_or_duplicated_rows() -> None:
    table = _filled()
    assert check_verdicts(table.reset_index()).complete
    dropped = check_verdicts(table.drop(index="binational"))
    assert any("binational: the row is missing" in line for line in dropped.details)
    doubled = check_verdicts(pd.concat([table, table.loc[["grown"]]]))
    assert any("appears 2 times" in line for line in doubled.details)


def test_missing_column() -> None:
    feedback = check_verdicts(_filled().drop(columns="source"))
    assert feedback.status == "unavailable" and "'source'" in feedback.headline


@pytest.mark.parametrize("table", [None, ..., 3, "verdicts", [1, 2], pd.DataFrame(),
                                   pd.DataFrame({"verdict": [math.nan]})])
def test_check_verdicts_never_raises(table: object) -> None:
    feedback = check_verdicts(table)  # type: ignore[arg-type]
    assert feedback.status in ("unanswered", "unavailable", "incorrect")
    assert "Traceback" not in feedback.message


def test_nan_cells_count_as_empty() -> None:
    table = _filled()
    table.loc["grown", "evidence"] = math.nan
    feedback = check_verdicts(table)
    assert any(line.startswith("grown: no evidence yet") for line in feedback.details)


def test_feedback_html_is_escaped() -> None:
    table = verdict_table()
    record(table, "grown", "<script>", EVIDENCE, SOURCE)
    assert "<script>" not in check_verdicts(table)._repr_html_()


# --- check_brief --------------------------------------------------------------------------

def test_a_complete_brief(two_charts: list) -> None:
    feedback = check_brief(_brief(), charts=two_charts)
    assert feedback.complete, feedback.message
    assert feedback.headline.startswith("Ready to hand in: 350 words")


@pytest.mark.parametrize("words, ok", [(299, False), (300, True), (500, True), (501, False)])
def test_brief_length_limits(two_charts: list, words: int, ok: bool) -> None:
    assert check_brief(_brief(words), charts=two_charts).complete is ok


def test_sources_list_is_not_counted(two_charts: list) -> None:
    long_sources = _brief(350) + "\n" + "\n".join(f"- https://example.org/{i}" for i in range(200))
    assert check_brief(long_sources, charts=two_charts).complete


def test_brief_needs_a_recommendation(two_charts: list) -> None:
    text = _brief().replace("We recommend", "There is")
    feedback = check_brief(text, charts=two_charts)
    assert any(line.startswith("Recommendation:") for line in feedback.details)


def test_brief_needs_figure_references(two_charts: list) -> None:
    text = _brief().replace("Figure 2", "the other one")
    feedback = check_brief(text, charts=two_charts)
    assert any("refer to each chart" in line for line in feedback.details)


@pytest.mark.parametrize("charts, problem", [
    (None, "pass your two charts"),
    (["chart_1", "chart_2"], "made with a pk.charts function"),
    ([], "needs two charts; 0 given"),
])
def test_brief_chart_problems(charts: object, problem: str) -> None:
    feedback = check_brief(_brief(), charts=charts)  # type: ignore[arg-type]
    assert any(problem in line for line in feedback.details), feedback.message


def test_the_same_chart_twice(two_charts: list) -> None:
    feedback = check_brief(_brief(), charts=[two_charts[0], two_charts[0]])
    assert any("the same" in line for line in feedback.details)


@pytest.mark.parametrize("text", [None, ..., "", "   ", 42, ["a brief"], math.nan])
def test_check_brief_never_raises(text: object) -> None:
    feedback = check_brief(text)  # type: ignore[arg-type]
    assert feedback.status in ("unanswered", "unavailable", "incorrect")
    assert "Traceback" not in feedback.message


def test_pk_capstone_is_reachable_after_import() -> None:
    import pkedu.capstone  # noqa: F401  (what the notebook does)

    assert pk.capstone.claims().shape[0] == 13


# Every public name pk.capstone had when it was one module (notebook 07 and the instructor
# version call them as pk.capstone.<name>).
NAMES_OF_ONE_MODULE = (
    "Claim", "CLAIMS", "VERDICTS", "VERDICT_ALIASES", "MIN_EVIDENCE_WORDS", "BRIEF_WORDS",
    "Report", "Table", "claims", "verdict_table", "record", "add_claim", "sources_for", "show",
    "check_verdicts", "check_brief", "word_count",
)
# Added since: the claim sets for group work and the brief read from the saved notebook.
NAMES_ADDED_SINCE = ("CLAIM_SETS", "WORKED_EXAMPLE", "claim_set", "BRIEF_MARKER", "brief_text",
                     "saved_brief")


def test_every_name_of_the_one_module_is_still_reachable() -> None:
    missing = [name for name in NAMES_OF_ONE_MODULE if not hasattr(capstone, name)]
    assert not missing, f"pk.capstone lost {missing}"
    assert callable(capstone.claims) and capstone.claims().index[0] == "grown"
    assert set(capstone.__all__) <= set(NAMES_OF_ONE_MODULE) | set(NAMES_ADDED_SINCE)


def test_capstone_modules_are_short_and_say_what_they_hold() -> None:
    import importlib
    import inspect
    import pkgutil
    from pathlib import Path

    for info in pkgutil.iter_modules(capstone.__path__):
        module = importlib.import_module(f"pkedu.capstone.{info.name}")
        lines = Path(module.__file__).read_text(encoding="utf-8").count("\n")
        assert lines <= 400, f"pkedu/capstone/{info.name}.py has {lines} lines"
        assert module.__doc__ and len(module.__doc__) > 80, f"{info.name} needs a docstring"
        for name, f in inspect.getmembers(module, inspect.isfunction):
            if f.__module__ == module.__name__ and not name.startswith("_"):
                assert getattr(capstone, name, None) is f, f"pk.capstone.{name} is missing"


# --- claim sets for group work, and the step-2 claim --------------------------------------

def test_the_sets_split_every_claim_but_the_worked_example_once() -> None:
    in_sets = [c for members in capstone.CLAIM_SETS.values() for c in members]
    assert sorted(in_sets) == sorted(c.id for c in CLAIMS if c.id != capstone.WORKED_EXAMPLE)
    assert {len(m) for m in capstone.CLAIM_SETS.values()} == {4}
    assert claims()["set"].to_dict()["dialogues"] == "B"


@pytest.mark.parametrize("name", ["A", "b", " set C ", "Set a"])
def test_check_verdicts_takes_a_set_by_name(name: str) -> None:
    table = verdict_table()
    letter = name.strip().upper().removeprefix("SET ").strip()
    for claim_id in capstone.CLAIM_SETS[letter]:
        record(table, claim_id, "partly", EVIDENCE, SOURCE)
    assert check_verdicts(table, claims=name).headline == (
        "Complete: all 4 claims have a verdict, evidence and a source.")
    assert not check_verdicts(table).complete


def test_every_step_of_the_argument_has_a_claim() -> None:
    assert {c.step for c in CLAIMS} == {1, 2, 3, 4, 5}
    dialogues = next(c for c in CLAIMS if c.id == "dialogues")
    assert dialogues.step == 2 and "Laos" in dialogues.claim


# --- the brief, read from the saved notebook ----------------------------------------------

def _notebook_with_brief(folder, brief: str, name: str = "07_capstone_fact_check.ipynb"):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    nb = new_notebook(cells=[new_markdown_cell("The template: Title: [...]"),
                             new_markdown_cell(f"Write it below.\n\n{capstone.BRIEF_MARKER}"),
                             new_markdown_cell(brief),
                             new_code_cell("pk.capstone.check_brief(charts=[c1, c2])")])
    path = folder / name
    nbformat.write(nb, str(path))
    return path


def test_the_brief_is_read_from_the_saved_notebook(tmp_path, monkeypatch, two_charts) -> None:
    _notebook_with_brief(tmp_path, _brief().replace("\n", "\n\n") + "\nIt's ours.")
    monkeypatch.chdir(tmp_path)
    feedback = check_brief(charts=two_charts)
    assert feedback.complete, feedback.message
    assert "07_capstone_fact_check.ipynb" in feedback.message


@pytest.mark.parametrize("brief", ["", "*Write your answer here.*", "YOUR ANSWER HERE",
                                   "<!-- BEGIN SOLUTION -->\n<!-- END SOLUTION -->",
                                   "*Write your answer here.*\n\n<details><summary>Show a worked "
                                   "solution</summary>\n\nWe recommend a model brief.\n</details>"])
def test_an_empty_brief_cell_is_not_answered_yet(tmp_path, brief: str) -> None:
    path = _notebook_with_brief(tmp_path, brief)
    feedback = check_brief(notebook=str(path), charts=None)
    assert feedback.status == "unanswered"
    assert "save the notebook" in feedback.message


def test_the_brief_cell_problems_are_said_plainly(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert "No notebook here" in check_brief().message
    (tmp_path / "broken.ipynb").write_text("{ not json " + capstone.BRIEF_MARKER)
    assert "could not be read" in check_brief(notebook="broken").message
    import nbformat
    from nbformat.v4 import new_markdown_cell, new_notebook
    nbformat.write(new_notebook(cells=[new_markdown_cell("no marker")]), str(tmp_path / "x.ipynb"))
    assert "has no cell marked" in check_brief(notebook="x.ipynb").message


def test_the_model_brief_of_notebook_07_passes(two_charts) -> None:
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "notebooks" / "07_capstone_fact_check.ipynb"
    feedback = check_brief(notebook=str(path), charts=two_charts)
    assert feedback.complete, feedback.message


@pytest.mark.parametrize("version", ["student", "self-study"])
def test_a_released_notebook_07_starts_with_an_empty_brief(version: str) -> None:
    """The model brief is the instructor's: a student's or self-study copy reads as not answered."""
    from pathlib import Path

    import nbformat

    from pkedu.capstone import brief_text
    from pkedu.release import release_notebook

    path = Path(__file__).resolve().parents[1] / "notebooks" / "07_capstone_fact_check.ipynb"
    instructor = nbformat.read(str(path), as_version=4)
    assert len(brief_text(instructor).split()) > 300
    assert brief_text(release_notebook(instructor, version)) == ""
