"""Property-based tests: odd answers thrown at every question and every app.

Hypothesis generates what a student might pass by mistake (None, NaN,
infinity, huge or negative numbers, texts with spaces or digits of other
scripts, lists, sets, dictionaries, tuples, pd.NA, numpy numbers, tables,
Ellipsis, bytes...). For every registered question and every app model:

* nothing raises, and no check falls back to "something unexpected happened";
* nothing wrong or empty is ever Correct. Whether a value could be right is
  decided without the checks' own code: a value of a kind the question cannot
  take is wrong; a number is compared with the expected answer (which the
  registry computes) with the question's own tolerances; a text must spell an
  accepted answer letter for letter;
* every message is readable: no raw Python forms, no type names, no numbers
  hundreds of digits long, no "a object".
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any
from unittest import mock

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pkedu import checks, questions, theme
from pkedu.apps._common import AppResult
from pkedu.checks import STATUSES, Feedback, check
from pkedu.countries import known_country
from pkedu.data import ASEAN10, load_countries
from pkedu.questions import COUNTRY_ALIASES, Question
from pkedu.widgets import consensus_model, explorer_model, force_model, reimbursement_model

FAST = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------- odd answers

#: Texts that have fooled checks before, or look like numbers without being Python numbers.
TRICKY_TEXTS = ["", " ", "\t\n", "inf", "-inf", "NaN", "nan", "1e309", "-1", "+1", "0.1", "1,428",
                "1 428", "\u0661\u0662\u0663", "\u0967\u0966", "\uff11\uff10", "\u00bd", "None",
                "...", "<b>x</b>", "\x00", "'", '"', "[]", "🙂" * 60, "9" * 400]

HUGE = st.integers(min_value=10**15, max_value=10**400) | st.integers(max_value=-(10**15),
                                                                      min_value=-(10**400))
NUMBERS = st.one_of(
    st.integers(min_value=-10**6, max_value=10**6), HUGE,
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True), st.fractions(),
    st.complex_numbers(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-2**63, max_value=2**63 - 1).map(np.int64),
    st.floats(width=32).map(np.float32), st.floats().map(np.float64),
)
DIGITS = st.characters(categories=["Nd"])
TEXTS = st.one_of(
    st.sampled_from(TRICKY_TEXTS), st.text(max_size=30),
    st.text(alphabet=st.one_of(DIGITS, st.sampled_from(" ,.-+eE\t\u00a0")), max_size=20),
)
SCALARS = st.one_of(
    st.none(), st.just(Ellipsis), st.booleans(), NUMBERS, TEXTS, st.binary(max_size=10),
    st.dates(), st.datetimes(), st.datetimes().map(np.datetime64),
    st.sampled_from([pd.NA, pd.NaT, np.nan, np.datetime64("NaT"), object(), len, print,
                     Exception("x"), range(3), pd.Timestamp("2019-12-01"),
                     pd.Period("2019-12", "M"), np.bool_(True)]),
)
HASHABLE = st.one_of(st.none(), st.booleans(), st.integers(), TEXTS)


@st.composite
def _frames(draw: st.DrawFn) -> Any:
    """Tables, columns and arrays of a few rows, with made-up or real column names."""
    kind = draw(st.sampled_from(["frame", "series", "array"]))
    rows = draw(st.integers(0, 4))
    cells = st.lists(st.floats(allow_nan=True) | st.integers() | TEXTS, min_size=rows,
                     max_size=rows)
    if kind == "frame":
        columns = draw(st.lists(st.sampled_from(["a", "value", "iso3", "total", "year"]),
                                max_size=3, unique=True))
        return pd.DataFrame({c: draw(cells) for c in columns})
    if kind == "series":
        return pd.Series(draw(cells), dtype=object)
    return np.array(draw(st.lists(st.integers(-1000, 1000), max_size=4)))


ANSWERS = st.recursive(
    SCALARS | _frames(),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.tuples(inner, inner),
        st.frozensets(HASHABLE, max_size=4), st.sets(HASHABLE, max_size=4),
        st.dictionaries(st.text(max_size=4), inner, max_size=3),
    ),
    max_leaves=6,
)

# --------------------------------------------------------------------------- oracles


@pytest.fixture(scope="module")
def expected() -> Iterator[dict[str, Any]]:
    """Every question's expected answer, computed once; checks use it while this module runs."""
    answers = {q.id: q.expected() for q in questions.all_questions() if q.kind != "reflection"}
    original = Question.expected

    def cached(question: Question) -> Any:
        return answers[question.id] if question.id in answers else original(question)

    with mock.patch.object(Question, "expected", cached):
        yield answers


def _single(value: Any) -> Any:
    while isinstance(value, (list, tuple)) and len(value) == 1:
        value = value[0]
    if isinstance(value, (pd.Series, pd.Index, np.ndarray, pd.DataFrame)) and value.size == 1:
        return np.asarray(value).ravel()[0]
    return value


def _real(value: Any) -> float | None:
    value = _single(value)
    if isinstance(value, np.generic) and not isinstance(value, np.bool_):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, Fraction)):
        return None
    try:
        number = float(value)
    except (OverflowError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _letters(text: str) -> str:
    """Letters and digits only, lower case, no accents: looser than any check's spelling rule."""
    text = unicodedata.normalize("NFKD", text).casefold()
    text = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text
                   if c.isalnum() and not unicodedata.combining(c))
    return text.removeprefix("the")


def _spellings(question: Question, key: Any) -> set[str]:
    found = {key, question.options.get(key, key), *question.aliases.get(key, ()),
             *COUNTRY_ALIASES.get(key, ())}
    return {_letters(str(s)) for s in found}


def could_be_right(question: Question, answer: Any, expected: Any) -> bool:
    """Could ``answer`` be right? A loose upper bound, written apart from the checks' code."""
    if question.kind == "number":
        number = _real(answer)
        target = float(expected)
        allowed = max(question.tolerance, question.rel_tolerance * abs(target),
                      1e-9 * abs(target))
        return number is not None and abs(number - target) <= 2 * allowed + 1e-9
    if question.kind == "month":
        value = _single(answer)
        month = pd.Timestamp(expected)
        if isinstance(value, str):
            return str(month.year) in value
        try:
            stamp = pd.Timestamp(value)
        except (TypeError, ValueError, OverflowError):
            return False
        return not pd.isna(stamp) and (stamp.year, stamp.month) == (month.year, month.month)
    if question.kind == "choice":
        value = _single(answer)
        return isinstance(value, str) and _letters(value) in _spellings(question, expected)
    if question.kind == "choices":
        wanted = [expected] if isinstance(expected, str) else list(expected)
        text = answer if isinstance(answer, str) else " ".join(map(str, _flat(answer)))
        return all(_letters(text).find(min(_spellings(question, k), key=len)) >= 0
                   for k in wanted)
    if question.kind == "table":
        return isinstance(answer, (pd.DataFrame, pd.Series)) and len(answer) == len(expected)
    return True


def _flat(answer: Any) -> list[Any]:
    if isinstance(answer, np.ndarray):
        return list(answer.ravel())
    if isinstance(answer, (list, tuple, set, frozenset, pd.Series, pd.Index)):
        return [item for part in answer for item in _flat(part)]
    return [answer]


# --------------------------------------------------------------------------- readability

_QUOTED = re.compile(r"(?<!\w)'[^'\n]*'(?!\w)|(?<!\w)\"[^\"\n]*\"(?!\w)")
_JARGON = re.compile(r"NoneType|NAType|NaTType|int64|int32|float64|float32|ndarray|numpy\.|"
                     r"builtin|<class|object at|0x[0-9a-f]{4,}|Traceback|\w+Error\b|\btuple\b|"
                     r"\bobject object\b|\bdtype\b|Decimal\(|Fraction\(|Timestamp\(|<NA>|<NaT>")


def assert_readable(text: str, where: str) -> None:
    """No raw Python forms, type names, enormous numbers or wrong articles."""
    assert text.strip(), f"{where}: empty message"
    own = _QUOTED.sub("''", text)  # what the student typed is quoted back as it was
    assert not _JARGON.search(own), f"{where}: jargon in {text!r}"
    assert not re.search(r"\d[\d,._]{20,}", own), f"{where}: enormous number in {text!r}"
    assert not re.search(r"\ba [aeio]|\ban [^aeiouAEIOU\W]", own), f"{where}: article {text!r}"


# --------------------------------------------------------------------------- the checks


def _judge(question: Question, answer: Any, expected: dict[str, Any]) -> Feedback:
    feedback = check(question.id, answer)
    where = f"{question.id} <- {type(answer).__name__}"
    assert isinstance(feedback, Feedback) and feedback.status in STATUSES, where
    assert feedback.status != "unavailable", f"{where}: {feedback.message}"
    assert isinstance(feedback._repr_html_(), str)
    if feedback.correct:
        assert could_be_right(question, answer, expected[question.id]), (
            f"{where}: {answer!r} marked correct")
    # The sentence written about the answer; hints and explanations are the authors' text.
    assert_readable(" ".join([feedback.headline, *feedback.details[-1:]]), where)
    return feedback


@settings(FAST, max_examples=30)
@given(answer=ANSWERS)
def test_every_question_takes_any_odd_answer(expected: dict[str, Any], answer: Any) -> None:
    for question in questions.all_questions():
        _judge(question, answer, expected)
    checks.reset()


EMPTY = st.sampled_from(["", " ", "\n\t", [], (), set(), frozenset(), {}, [" "], [""],
                         pd.Series([], dtype=object), np.array([]), pd.Index([])])


@settings(max_examples=15, deadline=None, derandomize=True)
@given(answer=EMPTY)
def test_an_empty_answer_is_never_right_and_says_it_is_empty(expected: dict[str, Any],
                                                            answer: Any) -> None:
    for question in questions.all_questions():
        if question.kind == "table":
            continue
        feedback = _judge(question, answer, expected)
        assert feedback.status == "unanswered", f"{question.id}: {feedback.message}"
    checks.reset()


def _number_questions() -> list[Question]:
    return [q for q in questions.all_questions() if q.kind == "number"]


@FAST
@given(data=st.data(), factor=st.floats(2.0, 1e6), sign=st.sampled_from([-1, 1]))
def test_a_number_outside_the_tolerance_is_never_right(expected: dict[str, Any], data: Any,
                                                       factor: float, sign: int) -> None:
    question = data.draw(st.sampled_from(_number_questions()))
    target = float(expected[question.id])
    allowed = max(question.tolerance, question.rel_tolerance * abs(target), 1e-9 * abs(target))
    wrong = target + sign * (factor * allowed + 1e-6 * max(1.0, abs(target)) + 1e-9)
    form = data.draw(st.sampled_from([float, np.float64, lambda v: [v], lambda v: pd.Series([v]),
                                      lambda v: Decimal(repr(v))]))
    feedback = _judge(question, form(wrong), expected)
    assert feedback.correct is False
    checks.reset()


def _digit_spellings() -> list[tuple[Question, str]]:
    pairs = []
    for question in questions.all_questions():
        if question.kind == "choice":
            pairs += [(question, s) for s in _spellings_raw(question, question.answer)
                      if any(c.isdigit() for c in s)]
    return pairs


def _spellings_raw(question: Question, key: Any) -> set[str]:
    if callable(key):
        return set()
    return {str(s) for s in (key, question.options.get(key, key), *question.aliases.get(key, ()))}


@FAST
@given(data=st.data())
def test_a_sign_or_point_added_to_a_right_answer_makes_it_wrong(expected: dict[str, Any],
                                                                 data: Any) -> None:
    pairs = _digit_spellings()
    assert pairs, "no choice question has an option spelled with digits"
    question, spelling = data.draw(st.sampled_from(pairs))
    digits = [i for i, c in enumerate(spelling) if c.isdigit()]
    at = data.draw(st.sampled_from(digits))
    starts = at == 0 or not spelling[at - 1].isdigit()  # the first digit of a number
    marks = ["-", "+", "\u2212", "0."] if starts else ["."]
    mark = data.draw(st.sampled_from(marks))
    mutated = spelling[:at] + mark + spelling[at:]
    assert check(question.id, mutated).correct is not True, (question.id, mutated)
    checks.reset()


# --------------------------------------------------------------------------- the apps


def _assert_app(result: AppResult, where: str) -> None:
    assert isinstance(result, AppResult), where
    if not result.ok:
        assert result.chart is None, where
        assert_readable(result.message, where)
    elif result.message:
        assert_readable(result.message, where)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


APP_INPUTS: list[tuple[str, Callable[[Any], AppResult]]] = [
    ("explorer countries", lambda v: explorer_model(v)),
    ("explorer country list", lambda v: explorer_model(["IDN", v])),
    ("explorer start", lambda v: explorer_model(["IDN"], v, 2019)),
    ("explorer end", lambda v: explorer_model(["IDN"], 2010, v)),
    ("explorer group", lambda v: explorer_model(["IDN"], 2010, 2019, v)),
    ("size", lambda v: reimbursement_model(size=v)),
    ("months", lambda v: reimbursement_model(months=v)),
    ("rate", lambda v: reimbursement_model(rate=v)),
    ("custom rate", lambda v: reimbursement_model(rate="custom", custom_rate=v)),
    ("national cost", lambda v: reimbursement_model(national_cost=v)),
    ("country", lambda v: reimbursement_model(country=v, year=2019)),
    ("year", lambda v: reimbursement_model(country="IDN", year=v)),
    ("stances", lambda v: consensus_model(v)),
    ("stance", lambda v: consensus_model({"SGP": v})),
    ("concerns", lambda v: consensus_model(None, {"MMR": v})),
    ("force", lambda v: force_model(v)),
    ("force state", lambda v: force_model({v: {"infantry": 1}} if _hashable(v) else v)),
    ("force units", lambda v: force_model({"IDN": v})),
    ("force count", lambda v: force_model({"IDN": {"infantry": v}})),
]

@settings(max_examples=40, deadline=None, derandomize=True)
@given(answer=ANSWERS, data=st.data())
def test_every_app_takes_any_odd_input(answer: Any, data: Any) -> None:
    name, model = data.draw(st.sampled_from(APP_INPUTS))
    _assert_app(model(answer), f"{name} <- {type(answer).__name__}")


def _whole_between(low: int, high: int) -> Callable[[float], bool]:
    return lambda n: low <= n <= high and n.is_integer()


#: Numeric inputs: (name, model for a value, which numbers the app may accept).
RANGES: list[tuple[str, Callable[[Any], AppResult], Callable[[float], bool]]] = [
    ("months", lambda v: reimbursement_model(months=v), _whole_between(1, 120)),
    ("force count", lambda v: force_model({"IDN": {"infantry": v, "staff": 1}}),
     _whole_between(0, 20)),
    ("custom rate", lambda v: reimbursement_model(rate="custom", custom_rate=v),
     lambda n: 0 < n <= 1e5),
    ("national cost", lambda v: reimbursement_model(national_cost=v), lambda n: 0 < n <= 1e5),
]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(value=NUMBERS, data=st.data())
def test_a_number_the_app_cannot_use_is_refused_with_its_range(value: Any, data: Any) -> None:
    name, model, usable = data.draw(st.sampled_from(RANGES))
    result = model(value)
    _assert_app(result, f"{name} <- {value!r}")
    number = _real(value)
    if number is None or not usable(number):
        assert not result.ok, f"{name}: {value!r} accepted"
    if number is not None and not usable(number) and (number.is_integer() or "rate" in name
                                                      or "cost" in name):
        assert re.search(r"between|more than zero and at most", result.message), (
            f"{name}: no range in {result.message!r}")


# --------------------------------------------------------------------------- several bad inputs

#: ASEAN members as students write them, none of them quoted in any message.
GOOD_COUNTRIES = ["vietnam", "Burma", "sgp", "Lao PDR", "kampuchea", "Malaysia", "Brunei"]
#: Typos, made-up places and real countries outside ASEAN.
BAD_COUNTRIES = ["VNN", "Thialand", "Cambodja", "Atlantis", "XQZQX", "BGD", "France", "Japan"]
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2,
                max_size=9)


def _asean(text: str) -> bool:
    """Is ``text`` an ASEAN member by code, name or common variant? (the test's own oracle)"""
    return ((known_country(text) or "")[-4:-1] in ASEAN10
            or text.strip().lower() in {theme.label(c).lower() for c in ASEAN10})


@settings(max_examples=60, deadline=None, derandomize=True)
@given(countries=st.lists(st.sampled_from(GOOD_COUNTRIES) | st.sampled_from(BAD_COUNTRIES)
                          | WORDS, min_size=1, max_size=8))
def test_every_bad_country_of_a_list_is_named_once_and_no_good_one(countries: list[str]) -> None:
    result = explorer_model(countries, 2010, 2019)
    bad = list(dict.fromkeys(c for c in countries if not _asean(c)))
    good = [c for c in countries if _asean(c)]
    if not bad:
        assert result.ok, result.message
        return
    assert not result.ok
    _assert_app(result, f"countries <- {countries!r}")
    lines = result.message.splitlines()
    assert len(lines) == len(set(lines)) <= 2, result.message  # unknown ones; real ones outside
    for text in bad:  # named once, and once more only to say which typo a guess is for
        named = result.message.count(repr(text)) - result.message.count(f"for {text!r}")
        assert named == 1, (text, result.message)
    for text in good:
        assert repr(text) not in result.message, (text, result.message)


STANCE_WORDS = {"support", "neutral", "oppose", "unknown", "no recorded position", "no record",
                "none", "yes", "no", "object", "abstain"}


@settings(max_examples=60, deadline=None, derandomize=True)
@given(stances=st.dictionaries(st.sampled_from(ASEAN10), st.sampled_from(
    ["support", " Oppose", "neutral", "maybe", "later", None, 5, [], "no record"]), max_size=10))
def test_consensus_names_every_bad_stance_once_in_order(stances: dict[str, Any]) -> None:
    result = consensus_model(stances)
    bad = [code for code, value in stances.items()
           if not (isinstance(value, str) and value.strip().lower() in STANCE_WORDS)]
    if not bad:
        assert result.ok, result.message
        return
    _assert_app(result, f"stances <- {stances!r}")
    lines = result.message.splitlines()
    assert [line.split(" must be ")[0] for line in lines] == [
        f"The stance for {theme.label(code)}" for code in bad], result.message


UNIT_KEYS = ["infantry", "engineers", "medical", "demining", "police", "observers", "staff"]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(units=st.dictionaries(
    st.sampled_from(ASEAN10),
    st.dictionaries(st.sampled_from([*UNIT_KEYS, "tanks", "jets"]),
                    st.integers(-3, 25) | st.sampled_from(["two", None, 1.5, "3"]), max_size=4),
    min_size=1, max_size=4))
def test_force_names_every_bad_unit_type_and_count(units: dict[str, dict[str, Any]]) -> None:
    result = force_model(units)
    types = sum(any(u not in UNIT_KEYS for u in offer) for offer in units.values())
    counts = sum(u in UNIT_KEYS and not (n == "3" or isinstance(n, int) and 0 <= n <= 20)
                 for offer in units.values() for u, n in offer.items())
    lines = result.message.splitlines()
    _assert_app(result, f"units <- {units!r}")
    if not types and not counts:
        assert result.ok or lines == ["Choose at least one state and give it at least one unit."]
        return
    assert not result.ok
    assert len(lines) == len(set(lines)) == types + counts, result.message
    assert sum(line.startswith("The unit type must be") for line in lines) == types


_NAMES = dict(zip(load_countries()["iso3"], load_countries()["name"]))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(_NAMES.items())), st.integers(0, 40), st.booleans())
def test_a_typo_of_a_name_is_guessed_as_that_country_or_not_at_all(
        country: tuple[str, str], at: int, swap: bool) -> None:
    """One letter dropped or two swapped: the guess is the country meant or none (never
    another one), unless the typo is how another country's name starts ('Austra'). Three
    letters are read as a code, so only longer names are typed here."""
    from pkedu.countries import _lookup, guess
    code, name = country
    assume(len(name) > 4)
    i = at % (len(name) - 1)
    typo = name[:i] + name[i + 1] + name[i] + name[i + 2:] if swap else name[:i] + name[i + 1:]
    meant = guess(typo, _lookup())
    starts = {c for n, c in _lookup().items() if n.startswith(typo.lower())}
    assert meant in (None, code) or starts == {meant}, (typo, meant)
