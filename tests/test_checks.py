"""Self-checks: marking, friendly messages, never revealing the answer, never raising."""

from __future__ import annotations

import gzip
import math
import random
import re
import shutil
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import pkedu as pk
from pkedu import checks, manifest, questions
from pkedu.checks import STATUSES, Feedback, check, objectives
from pkedu.data import ASEAN10, DataError


@pytest.fixture(autouse=True)
def fresh_hints() -> Iterator[None]:
    checks.reset()
    yield
    checks.reset()


@pytest.fixture
def temp_questions() -> Iterator[list[str]]:
    """Register throwaway questions of every kind under notebook 98; remove them afterwards."""
    made = [
        questions.register(id="98-number-abs", objective="98.1", kind="number", prompt="A?",
                           answer=100, tolerance=2, hints=("h1", "h2", "h3")),
        questions.register(id="98-number-rel", objective="98.1", kind="number", prompt="B?",
                           answer=lambda: 1000.0, rel_tolerance=0.01),
        questions.register(id="98-month", objective="98.1", kind="month", prompt="C?",
                           answer=lambda: pd.Timestamp("2005-05-01"),
                           feedback={"2006-02": "That is the first month with troops."}),
        questions.register(id="98-set", objective="98.2", kind="choices", prompt="D?",
                           options=questions.country_options(ASEAN10),
                           answer=lambda: ["IDN", "MYS", "THA"],
                           feedback={"LAO": "Laos has no personnel in the data."}),
        questions.register(id="98-text", objective="98.2", kind="text", prompt="E?",
                           answer="Vientiane", accept=("Viang Chan",),
                           feedback={"Hanoi": "That is the capital of Vietnam."}),
        questions.register(id="98-reflect", objective="98.3", kind="reflection", prompt="F?"),
        questions.register(id="98-table", objective="98.3", kind="table", prompt="G?",
                           answer=lambda: pd.DataFrame({"iso3": ["IDN", "MYS", "THA"],
                                                        "total": [2897, 851, 299],
                                                        "share": [0.6, 0.2, 0.06]}),
                           rel_tolerance=0.01),
        questions.register(id="98-series", objective="98.3", kind="table", prompt="H?",
                           answer=lambda: pd.Series({"IDN": 2897.0, "MYS": 851.0},
                                                    name="total").rename_axis("iso3")),
    ]
    yield [q.id for q in made]
    for q in made:
        questions._forget(q.id)


# --- the notebook 00 questions ----------------------------------------------------------------

def test_pk_check_is_checks_check() -> None:
    assert pk.check is checks.check
    assert "check" in dir(pk)


@pytest.mark.parametrize("answer", [10, 10.0, np.int64(10), Decimal("10"), Fraction(10),
                                    pd.Series([10]), np.array([10]), [10]])
def test_number_right_in_any_numeric_form(answer: object) -> None:
    assert check("00-asean-members", answer).correct is True


@pytest.mark.parametrize("answer", ["LAO", "lao", "Laos", " LAOS ", "Lao PDR", "lao p.d.r.",
                                    "Lao People's Democratic Republic", pd.Series(["LAO"])])
def test_country_answer_accepts_codes_names_and_variants(answer: object) -> None:
    assert check("00-never-deployed", answer).correct is True


def test_choice_wrong_option_gets_its_own_feedback() -> None:
    feedback = check("00-never-deployed", "Brunei")
    assert feedback.correct is False
    assert "Brunei's contingent is small" in feedback.message


def test_quiz_question_checks_in_code_too() -> None:
    assert check("00-shift-enter", "a").correct is True
    assert "plain Enter" in check("00-shift-enter", "d").message


def test_data_answer_is_recomputed_at_check_time(data_copy: Path) -> None:
    assert check("00-total-2019", 4954).correct is True
    path = data_copy / "contributions.csv.gz"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = table.index[(table.month == "2019-12") & (table.iso3 == "IDN")][0]
    for col in ("male", "total"):  # a refreshed figure keeps male + female = total
        table.loc[row, col] = str(int(table.loc[row, col]) + 100)
    with gzip.open(path, "wt", encoding="utf-8", newline="") as out:
        table.to_csv(out, index=False)
    # as python -m pkedu.build_data does after a rebuild: record the new file in the manifest
    manifest.write(data_copy, {f: e.rows for f, e in manifest.read(data_copy).items()})
    pk.data.clear_cache()
    assert check("00-total-2019", 5054).correct is True
    assert check("00-total-2019", 4954).correct is False


def test_total_has_a_tolerance_but_not_a_loose_one() -> None:
    assert check("00-total-2019", 4960).correct is True
    assert check("00-total-2019", 4954 - 29).correct is False  # forgetting the Philippines


def test_broken_data_gives_a_message_not_a_traceback(data_copy: Path) -> None:
    (data_copy / "contributions.csv.gz").unlink()
    feedback = check("00-total-2019", 4954)
    assert feedback.status == "unavailable"
    assert feedback.correct is None


# --- feedback: hint first, never the answer ---------------------------------------------------

def test_hints_come_one_at_a_time_and_reset() -> None:
    first = check("00-total-2019", 1)
    second = check("00-total-2019", 2)
    third = check("00-total-2019", 3)
    assert first.hint.startswith("Hint 1 of 2:")
    assert second.hint.startswith("Hint 2 of 2:") and third.hint == second.hint
    assert first.message.splitlines()[1] == first.hint  # the hint comes right after "Not yet"
    checks.reset()
    assert check("00-total-2019", 1).hint.startswith("Hint 1 of 2:")


def _answer_texts(question: questions.Question, expected: object) -> list[str]:
    if question.kind == "number":
        value = float(expected)
        texts = [f"{value:g}"]
        if value.is_integer():
            texts += [str(int(value)), f"{int(value):,}"]
        return texts
    if question.kind == "month":
        return [f"{pd.Timestamp(expected):%Y-%m}"]
    if question.kind == "choice":
        return [str(expected), question.options[expected]]
    if question.kind == "text":
        return [str(expected), *question.accept]
    return []


def _wrong_answer(question: questions.Question, expected: object) -> object:
    if question.kind == "number":
        return float(expected) * 3 + 1234.5
    if question.kind == "month":
        return (pd.Timestamp(expected) + pd.DateOffset(years=7)).strftime("%Y-%m")
    if question.kind == "choice":
        return next(key for key in question.options if key != expected)
    return "zzz qqq"


def test_wrong_answers_never_reveal_the_answer() -> None:
    """Every registered question: hints and feedback after wrong answers hide the answer."""
    for question in questions.all_questions():
        if question.kind not in ("number", "month", "choice", "text"):
            continue
        expected = question.expected()
        wrong = _wrong_answer(question, expected)
        for _ in range(len(question.hints) + 1):
            feedback = check(question.id, wrong)
            assert feedback.correct is False, question.id
            for text in _answer_texts(question, expected):
                if len(text) < 2 or (len(text) < 3 and not text.isdigit()):
                    continue  # a one-letter option key appears in any sentence
                pattern = rf"(?<![\w.]){re.escape(text)}(?![\w])"
                assert not re.search(pattern, feedback.message, re.IGNORECASE), (
                    f"{question.id} reveals {text!r}: {feedback.message}")


def test_feedback_displays_the_same_as_text_and_html() -> None:
    feedback = check("00-asean-members", 11)
    text = repr(feedback)
    checks.reset()  # a fresh kernel: the same answer gives exactly the same output
    again = check("00-asean-members", 11)
    assert text == str(feedback) == repr(again)
    assert feedback._repr_html_() == again._repr_html_()
    assert text.startswith("💡 00-asean-members: Not yet.")

    class Printer:
        def __init__(self) -> None:
            self.out = ""

        def text(self, value: str) -> None:
            self.out += value

    printer = Printer()
    feedback._repr_pretty_(printer, cycle=False)
    assert printer.out == text
    assert 'role="status"' in feedback._repr_html_()


def test_student_text_is_escaped_in_html() -> None:
    html = check("00-never-deployed", "<script>alert(1)</script>")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


# --- unknown ids and odd calls ------------------------------------------------------------------

def test_unknown_id_lists_similar_ids() -> None:
    feedback = check("00-asean-member", 10)
    assert feedback.correct is None and feedback.status == "unavailable"
    assert "'00-asean-members'" in feedback.message


def test_unknown_id_without_look_alikes_lists_the_notebooks_questions() -> None:
    feedback = check("00-zzzzzzzzzzzzzzzzzzzz", 10)
    assert "This notebook's questions include: 00-asean-members" in feedback.message


@pytest.mark.parametrize("question_id", [None, 10, ["00-asean-members"], ..., b"00"])
def test_question_id_that_is_not_text(question_id: object) -> None:
    feedback = check(question_id, 10)  # type: ignore[arg-type]
    assert feedback.status == "unavailable"
    assert "question's name in quotes" in feedback.message


def test_ellipsis_and_missing_answer_mean_not_answered() -> None:
    for feedback in (check("00-total-2019", ...), check("00-total-2019")):
        assert feedback.correct is None
        assert feedback.headline == "Not answered yet."


def test_an_internal_error_becomes_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setitem(checks._GRADERS, "number", boom)
    feedback = check("00-total-2019", 4954)
    assert feedback.status == "unavailable" and "instructor" in feedback.message


def test_an_answer_function_that_fails_becomes_a_message() -> None:
    def broken() -> int:
        raise DataError("contributions.csv.gz", "file not found")

    questions.register(id="98-broken", objective="98.1", kind="number", prompt="?",
                       answer=broken)
    try:
        feedback = check("98-broken", 1)
    finally:
        questions._forget("98-broken")
    assert feedback.status == "unavailable"


# --- every kind of question ---------------------------------------------------------------------

def test_number_tolerances(temp_questions: list[str]) -> None:
    assert check("98-number-abs", 101.9).correct is True
    assert check("98-number-abs", 102.1).correct is False
    assert check("98-number-rel", 1009.9).correct is True
    assert check("98-number-rel", 989).correct is False


def test_number_messages(temp_questions: list[str]) -> None:
    assert "without quotes" in check("98-number-abs", "100").message
    assert "NaN" in check("98-number-abs", float("nan")).message
    assert "NaN" in check("98-number-abs", np.float64("nan")).message
    assert "infinite" in check("98-number-abs", -math.inf).message
    assert "None" in check("98-number-abs", None).message
    assert "yes/no" in check("98-number-abs", True).message
    assert "brackets" in check("98-number-abs", len).message
    assert check("98-number-abs", 10 ** 400).correct is False
    checks.reset()
    assert "Hint 1 of 3: h1" in check("98-number-abs", 1).message


def test_month(temp_questions: list[str]) -> None:
    for answer in ("2005-05", "2005-05-31", pd.Timestamp("2005-05-17"), pd.Period("2005-05"),
                   np.datetime64("2005-05-02"), pd.Series(pd.to_datetime(["2005-05-01"]))):
        assert check("98-month", answer).correct is True, answer
    assert "first month with troops" in check("98-month", "2006-02").message
    assert "NaT" in check("98-month", pd.NaT).message
    assert "like '2005-05'" in check("98-month", "May").message
    assert "like '2005-05'" in check("98-month", 2005).message


def test_set_of_choices(temp_questions: list[str]) -> None:
    for answer in (["IDN", "MYS", "THA"], ("tha", "Malaysia", "indonesia"), {"IDN", "MYS", "THA"},
                   "Thailand, Indonesia, MYS", pd.Series(["THA", "MYS", "IDN", "IDN"]),
                   pd.Index(["THA", "MYS", "IDN"]), np.array(["THA", "MYS", "IDN"])):
        assert check("98-set", answer).correct is True, answer
    assert "missing" in check("98-set", ["IDN", "MYS"]).message
    extra = check("98-set", ["IDN", "MYS", "THA", "LAO"]).message
    assert "does not belong" in extra and "Laos has no personnel" in extra
    assert "don't recognise 'Atlantis'" in check("98-set", ["IDN", "Atlantis"]).message
    assert "list of options" in check("98-set", 3).message


def test_short_text(temp_questions: list[str]) -> None:
    for answer in ("Vientiane", " vientiane. ", "VIENTIANE", "Viang-Chan"):
        assert check("98-text", answer).correct is True, answer
    assert "capital of Vietnam" in check("98-text", "hanoi").message
    assert "empty" in check("98-text", "   ").message
    assert "text in quotes" in check("98-text", 42).message


def test_reflection_is_recorded_not_judged(temp_questions: list[str]) -> None:
    recorded = check("98-reflect", "Because consensus is slow.")
    assert recorded.status == "recorded" and recorded.correct is None
    assert "neighbour" in recorded.message
    assert check("98-reflect", "").status == "unanswered"
    assert check("98-reflect", 42).status == "unanswered"


def test_table_ignores_row_and_column_order_and_dtypes(temp_questions: list[str]) -> None:
    given = pd.DataFrame({"share": [0.2, 0.6, 0.0601], "iso3": ["MYS", "IDN", "THA"],
                          "total": [851.0, 2897.0, 299.0]}, index=[7, 3, 5])
    assert check("98-table", given).correct is True
    assert check("98-table", given.set_index("iso3")).correct is True
    assert check("98-table", given.assign(extra=1)).correct is True


def test_table_messages(temp_questions: list[str]) -> None:
    right = pd.DataFrame({"iso3": ["IDN", "MYS", "THA"], "total": [2897, 851, 299],
                          "share": [0.6, 0.2, 0.06]})
    assert "no column 'share'" in check("98-table", right.drop(columns="share")).message
    assert "2 rows" in check("98-table", right.head(2)).message
    wrong = right.assign(total=[2897, 851, 350])
    assert "column 'total'" in check("98-table", wrong).message
    assert "wants a table" in check("98-table", [1, 2]).message
    assert check("98-table", pd.DataFrame()).correct is False


def test_series_answers(temp_questions: list[str]) -> None:
    right = pd.Series({"MYS": 851, "IDN": 2897})
    assert check("98-series", right).correct is True
    assert check("98-series", right.rename_axis("iso3").reset_index(name="total")).correct is True
    assert check("98-series", right.to_frame()).correct is True
    assert "labelled differently" in check("98-series", pd.Series({"IDN": 2897, "X": 1})).message
    assert check("98-series", pd.Series({"MYS": 851, "IDN": 2000})).correct is False


# --- fuzz: odd answers never raise --------------------------------------------------------------

ODD_ANSWERS: list[object] = [
    None, ..., True, False, 0, -1, 10 ** 400, -(10 ** 400), 1e308, float("nan"), float("inf"),
    -math.inf, np.nan, np.int64(2 ** 62), np.float32(3.5), complex(1, 2), Decimal("NaN"),
    Decimal("1e999"), Fraction(1, 3), "", " ", "10", "1,000", "nan", "inf", "LAO", "a",
    "\x00", "🙂" * 500, "<b>x</b>", [], [None], [1, 2, 3], [[1]], (), {}, {"a": 1}, {1, 2},
    set(), b"bytes", bytearray(b"x"), object(), print, len, type, pd.NA, pd.NaT,
    pd.Timestamp("2019-12-01"), pd.Period("2019-12"), np.datetime64("NaT"),
    pd.DataFrame(), pd.DataFrame({"a": [1]}), pd.DataFrame({"a": [1, 2], "b": ["x", None]}),
    pd.DataFrame([[1, 2], [3, 4]]), pd.DataFrame({"iso3": ["IDN"] * 3, "total": [1, 2, 3]}),
    pd.DataFrame({"iso3": [None], "total": [pd.NA]}, dtype=object),
    pd.Series(dtype=float), pd.Series([np.nan]), pd.Series([1, 2]), pd.Series(["x"], index=[None]),
    pd.Index([]), np.array([]), np.array([[1, 2], [3, 4]]), np.array(["a", "b"]),
    pd.MultiIndex.from_tuples([("a", 1)]), range(3), iter([1, 2]), Exception("x"),
]


def _random_answer(rng: random.Random) -> object:
    kind = rng.randrange(6)
    if kind == 0:
        return rng.uniform(-1e12, 1e12)
    if kind == 1:
        return "".join(rng.choice("LAOidnmys ,.;-_?'\"\n<>") for _ in range(rng.randrange(12)))
    if kind == 2:
        return [rng.choice(["IDN", "lao", 3, None, "", "Laos"]) for _ in range(rng.randrange(5))]
    if kind == 3:
        rows = rng.randrange(5)
        return pd.DataFrame({"iso3": [rng.choice(ASEAN10) for _ in range(rows)],
                             "total": [rng.random() for _ in range(rows)]})
    if kind == 4:
        return pd.Series([rng.random() for _ in range(rng.randrange(4))])
    return rng.getrandbits(rng.randrange(1, 2000)) * rng.choice([1, -1])


def test_fuzz_odd_answers_never_raise(temp_questions: list[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # Compute each expected answer once (a check recomputes it every time; that is tested above).
    computed: dict[str, object] = {}
    original = questions.Question.expected

    def expected_once(question: questions.Question) -> object:
        if question.id not in computed:
            computed[question.id] = original(question)
        return computed[question.id]

    monkeypatch.setattr(questions.Question, "expected", expected_once)
    rng = random.Random(20261127)
    answers = ODD_ANSWERS + [_random_answer(rng) for _ in range(150)]
    for question in questions.all_questions():
        for answer in answers:
            feedback = check(question.id, answer)
            assert isinstance(feedback, Feedback)
            assert feedback.status in STATUSES
            assert feedback.status != "unavailable", (question.id, type(answer), feedback)
            assert isinstance(repr(feedback), str) and isinstance(feedback._repr_html_(), str)
            assert "Traceback" not in feedback.message


# --- the registry -------------------------------------------------------------------------------

def test_every_question_module_loads() -> None:
    assert questions.load_errors() == {}


def test_every_question_is_well_formed_and_computable() -> None:
    for question in questions.all_questions():
        declared = questions.objectives_of(question.notebook)
        assert question.objective in declared, f"{question.id}: objective not in OBJECTIVES"
        if question.kind == "reflection":
            continue
        expected = question.expected()
        if question.kind == "choice":
            assert expected in question.options, question.id
        if question.kind == "choices":
            assert set(expected) <= set(question.options), question.id
        assert check(question.id, expected).correct is True, question.id


def test_nb00_has_the_orientation_questions() -> None:
    ids = [q.id for q in questions.all_questions("00")]
    assert {"00-asean-members", "00-never-deployed", "00-shift-enter", "00-total-2019"} <= set(ids)
    assert questions.get("00-total-2019").from_data
    assert questions.get("00-never-deployed").from_data


@pytest.mark.parametrize("fields, problem", [
    ({"id": "bad id"}, "must look like"),
    ({"id": "98-x", "notebook": "97"}, "says notebook"),
    ({"objective": "01.1"}, "objective"),
    ({"kind": "essay"}, "kind"),
    ({"prompt": " "}, "prompt"),
    ({"answer": None}, "needs an answer"),
    ({"tolerance": -1}, "tolerance"),
    ({"kind": "choice", "options": {"a": "A"}, "answer": "a"}, "at least two"),
    ({"kind": "choice", "options": {"a": "A", "b": "B"}, "answer": "c"}, "option keys"),
    ({"kind": "choice", "options": {"a": "A", "b": "B"}, "answer": "a",
      "feedback": {"z": "?"}}, "not an option"),
    ({"kind": "number", "options": {"a": "A", "b": "B"}}, "only choice"),
])
def test_register_rejects_bad_questions(fields: dict, problem: str) -> None:
    base = {"id": "98-x", "objective": "98.1", "kind": "number", "prompt": "?", "answer": 1}
    with pytest.raises(ValueError, match=problem):
        questions.register(**{**base, **fields})
    assert "98-x" not in [q.id for q in questions.all_questions()]


def test_register_rejects_a_duplicate_id() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        questions.register(id="00-asean-members", objective="00.1", kind="number",
                           prompt="?", answer=1)


def test_reload_finds_the_same_questions() -> None:
    before = [q.id for q in questions.all_questions()]
    questions.reload()
    assert [q.id for q in questions.all_questions()] == before


# --- learning objectives ------------------------------------------------------------------------

def test_objectives_table() -> None:
    table = objectives("00_start_here.ipynb")
    assert list(table.columns) == ["objective", "description", "questions"]
    assert table["objective"].tolist()[:3] == ["00.1", "00.2", "00.3"]
    assert table["description"].str.len().min() > 10
    assert objectives(0).equals(table)


def test_objectives_flag_questions_with_undeclared_objectives() -> None:
    questions.register(id="00-undeclared-demo", objective="00.9", kind="number", prompt="?",
                       answer=1)
    try:
        table = objectives("00").set_index("objective")
    finally:
        questions._forget("00-undeclared-demo")
    assert table.loc["00.9", "description"] == "(not declared in OBJECTIVES)"
    assert table.loc["00.9", "questions"] == "00-undeclared-demo"


def test_objectives_of_a_notebook_without_questions(temp_questions: list[str]) -> None:
    with pytest.raises(ValueError, match="no questions module for notebook 98"):
        objectives("98")


def test_objectives_of_an_unknown_notebook() -> None:
    with pytest.raises(ValueError, match="does not name a notebook"):
        objectives("intro")


# --- regressions: wrong or misleading feedback --------------------------------------------------

@pytest.mark.parametrize("answer", ["-1", "+1", "\u22121", "0.1", "1.0", "0,1", "1/2", "½", "-01"])
def test_normalising_never_turns_a_wrong_answer_right(answer: str) -> None:
    # "-1" used to lose its sign and "0.1" its point, becoming the option "1" or "01".
    feedback = check("00-which-notebook", answer)
    assert feedback.correct is not True, answer


@pytest.mark.parametrize("answer", ["01", "1", " 1 ", "1.", "(1)", "Convergence",
                                    "01 Convergence", "\uff11"])
def test_normalising_still_accepts_other_spellings(answer: str) -> None:
    assert check("00-which-notebook", answer).correct is True, answer


@pytest.mark.parametrize("answer", [[], "", " ", set(), (), [" ", ""], frozenset(),
                                    pd.Series([], dtype=object), np.array([]), pd.Index([])])
def test_an_empty_choice_is_unanswered_not_almost_right(answer: object) -> None:
    feedback = check("01-late-joiners", answer)
    assert feedback.status == "unanswered" and feedback.correct is None
    assert "missing" not in feedback.message and "right" not in feedback.message
    assert "The options are:" in feedback.message
    # An empty answer uses up no hint: the first wrong answer still gets the first hint.
    assert check("01-late-joiners", ["MYS"]).hint.startswith("Hint 1 of")


@pytest.mark.parametrize("question_id", ["00-asean-members", "00-never-deployed",
                                         "98-month", "98-text"])
@pytest.mark.parametrize("answer", ["", "   ", [], [""], {}])
def test_empty_answers_of_every_kind_are_unanswered(temp_questions: list[str], question_id: str,
                                                    answer: object) -> None:
    feedback = check(question_id, answer)
    assert feedback.status == "unanswered", feedback
    assert feedback.headline.startswith("Not answered yet")


def test_missing_values_and_odd_objects_are_described_in_words() -> None:
    na = check("00-asean-members", pd.NA).message
    assert "NAType" not in na and "missing value" in na
    for odd in (object(), b"10", complex(1, 2), Exception("x"), iter([1]), pd.NaT):
        message = check("00-asean-members", odd).message
        assert not re.search(r"\ba [aeiou]", message), message
        assert "object" not in message and "<" not in message, message


@pytest.mark.parametrize("text", ["inf", "-inf", "NaN", "nan", "1e309", "Infinity"])
def test_text_that_is_no_python_number_is_not_told_to_drop_the_quotes(text: str) -> None:
    message = check("00-asean-members", text).message
    assert "without quotes" not in message
    assert "wants a number" in message


def test_digits_of_another_script_are_told_to_use_0_to_9() -> None:
    message = check("00-asean-members", "\u0661\u0660").message  # Arabic-Indic 10
    assert "digits 0 to 9" in message


def test_number_text_gets_a_way_out_that_works() -> None:
    assert "1428 without quotes or commas" in check("00-asean-members", "1,428").message
    message = check("00-asean-members", "1995").message
    assert "without quotes" in message and "int(...)" in message


def test_damaged_data_are_named_with_how_to_restore_them(data_copy: Path) -> None:
    (data_copy / "contributions.csv.gz").write_bytes(b"\x1f\x8bnot really gzip")
    feedback = check("00-total-2019", 4954)
    assert feedback.status == "unavailable"
    assert "data are damaged" in feedback.headline
    assert "contributions.csv.gz" in feedback.message
    assert "DataError" not in feedback.message and "unexpected" not in feedback.message
    assert "PKEDU_DATA_DIR" in feedback.message  # this test reads a copy named by it


def test_restore_advice_fits_a_checkout_and_an_installed_course(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from pkedu.checks.checker import restore_advice

    monkeypatch.delenv("PKEDU_DATA_DIR", raising=False)
    assert "git checkout -- data/" in restore_advice()  # the tests run in a git checkout
    monkeypatch.setattr(pk.data, "data_dir", lambda: tmp_path / "data")
    assert "install the course again" in restore_advice()


def test_questions_that_failed_to_load_on_damaged_data_say_so(data_copy: Path) -> None:
    (data_copy / "countries.csv").write_text("not,a\ncountries,table\n", encoding="utf-8")
    questions.reload()
    try:
        feedback = check("00-never-deployed", "LAO")
        assert feedback.status == "unavailable"
        assert "data are damaged" in feedback.message and "countries.csv" in feedback.message
        shutil.copy(Path(__file__).resolve().parents[1] / "data" / "countries.csv",
                    data_copy / "countries.csv")
        pk.data.clear_cache()
        assert check("00-never-deployed", "LAO").correct is True  # loads again once restored
    finally:
        pk.data.clear_cache()
        questions.reload()


# --- hints that match the mistake ---------------------------------------------------------------

def test_a_comma_in_a_number_is_named_without_tuple_jargon() -> None:
    message = check("00-asean-members", (1, 428)).message  # what Python makes of 1,428
    assert "Write 1428, without the comma" in message and "tuple" not in message
    message = check("00-asean-members", (10, 5136)).message  # asean * 1,428 * 12
    assert "without commas" in message and "tuple" not in message


@pytest.mark.parametrize("kind, answer", [("choice", "MYS"), ("choice", "malaysia"),
                                          ("choices", ["IDN", "Malaysia"])])
def test_a_real_country_that_is_not_an_option_is_named_and_uses_up_no_hint(
        kind: str, answer: object) -> None:
    questions.register(id="98-pick", objective="98.1", kind=kind, prompt="Which?",
                       options=questions.country_options(["IDN", "THA", "VNM"]),
                       answer="THA" if kind == "choice" else ["IDN", "THA"], hints=("h1", "h2"))
    try:
        checks.reset()
        feedback = check("98-pick", answer)
        assert "Malaysia (MYS) is not one of the options here" in feedback.message, feedback
        assert "recognise" not in feedback.message and "IDN (Indonesia)" in feedback.message
        assert check("98-pick", "VNM" if kind == "choice" else ["VNM"]).hint.startswith(
            "Hint 1 of 2")  # the first real wrong answer still gets the first hint
    finally:
        questions._forget("98-pick")
        checks.reset()


def test_what_to_do_with_an_unanswered_check_is_right_in_either_layout(
        temp_questions: list[str]) -> None:
    """The answer and its check share a cell, or the check has its own: the advice fits both."""
    for feedback in (check("00-total-2019", ...), check("98-reflect", "")):
        assert "run this check again" not in feedback.message
        assert "run its cell" in feedback.message or "run their cell" in feedback.message
        assert "separate cell" in feedback.message


def test_a_typo_or_a_wrong_kind_of_answer_uses_up_no_hint() -> None:
    first = check("01-late-joiners", ["Indonesa"])  # a typo: the hint shown, none used up
    assert "don't recognise 'Indonesa'" in first.message and first.hint.startswith("Hint 1 of 2")
    assert check("01-late-joiners", 3).hint.startswith("Hint 1 of 2")
    assert check("01-late-joiners", ["MYS"]).hint.startswith("Hint 1 of 2")  # reasoning: hint 1
    assert check("01-late-joiners", ["Laoss"]).hint.startswith("Hint 1 of 2")
    assert check("01-late-joiners", ["MYS"]).hint.startswith("Hint 2 of 2")
