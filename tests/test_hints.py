"""Every piece of code a question's text names is real: following a hint never ends in a KeyError.

For every question's prompt, hints, explanation, feedback and mistake sentences:

* every ``pk.<module>.<name>`` resolves (and is callable where the text calls it);
* every keyword a call names (``how='mean'``, ``countries=``) is a parameter of that function;
* every column the text names ("the first_month column", ``column 'x'``, ``['total'].sum()``)
  is a column (or index level) of some table the course makes: the ``pk.data.load_*`` tables
  and what each ``pk.analysis`` function returns for typical arguments;
* a complete call (no ``...`` in it) runs against the real data.

Found by reading 01's late-joiners hint ("the table of first months (first_month column)"),
which led students to a KeyError.
"""

from __future__ import annotations

import ast
import functools
import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import pkedu as pk
from pkedu import questions
from pkedu.questions import Question

ROOT = Path(__file__).resolve().parents[1]
CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```", re.S | re.M)
CALL = re.compile(r"\bpk\.(\w+)\.(\w+)")
#: "the first_month column", "its total column", "a share column", "`women` column"
NAMED_COLUMN = re.compile(r"(?:\b(?:[Tt]he|[Ii]ts|[Aa]n?|[Tt]heir)\s+|\()`?([a-z][a-z0-9_]*)`?\s+column\b")
BACKTICKED_COLUMN = re.compile(r"`([A-Za-z_][A-Za-z0-9_]*)`\s+column\b")
QUOTED_COLUMN = re.compile(r"\bcolumns?\s+['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]")
#: table['x'].method(): a column picked out by name
SUBSCRIPT = re.compile(r"\[\s*['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]\s*\]\s*\.")
#: words that stand before "column" without naming one ("the same column", "the first column")
NOT_NAMES = {"same", "first", "last", "next", "other", "new", "right", "left", "one", "whole",
             "second", "third", "extra", "date's"}
ASEAN = pk.data.ASEAN10


@functools.cache
def tables() -> dict[str, pd.DataFrame]:
    """What the notebooks call their tables: the names a hint's call may use."""
    return {"contributions": pk.data.load_contributions(),
            "mission_contributions": pk.data.load_mission_contributions(),
            "missions": pk.data.load_missions(), "events": pk.data.load_events(),
            "countries": pk.data.load_countries(), "months": pk.data.load_months(),
            "rates": pk.data.load_reimbursement_rates()}


def _names(table: pd.DataFrame | pd.Series) -> frozenset[str]:
    if isinstance(table, pd.Series):
        table = table.to_frame()
    return frozenset({str(c) for c in table.columns}
                     | {str(n) for n in table.index.names if n is not None})


@functools.cache
def function_columns() -> dict[str, frozenset[str]]:
    """What each pk.analysis function's table holds, called as the notebooks call it."""
    a, t = pk.analysis, tables()
    c, mc = t["contributions"], t["mission_contributions"]
    monthly = a.monthly_totals(c, countries=ASEAN)
    made = {
        "select": [a.select(c, ASEAN)],
        "monthly_totals": [monthly, a.monthly_totals(c, by="iso3", countries=ASEAN),
                           a.monthly_totals(c, by="group", countries=ASEAN)],
        "contributors_count": [a.contributors_count(c, ASEAN)],
        "first_contributions": [a.first_contributions(c, ASEAN),
                                a.first_contributions(c, ASEAN, by_group=True)],
        "ranking": [a.ranking(c, "2019-12", top=5)],
        "share_of_world": [a.share_of_world(c, ASEAN)],
        "annual": [a.annual(monthly), a.annual(monthly, how="mean")],
        "pledge_gap": [a.pledge_gap(c)],
        "personnel_mix": [a.personnel_mix(c, ASEAN, "2019-12")],
        "women_share": [a.women_share(c, ASEAN), a.women_share(c, ASEAN, by="iso3")],
        "where_they_serve": [a.where_they_serve(mc, ASEAN, "2019-12")]}
    return {name: frozenset().union(*(_names(x) for x in results))
            for name, results in made.items()}


@functools.cache
def notebook_tables(notebook: str) -> dict[str, frozenset[str]]:
    """The tables a notebook loads or makes from the course's data (``name = pk.analysis...``), by name,
    with their columns and index names: what a student following a hint has at hand."""
    found = {}
    namespace: dict[str, object] = {"pk": pk, **tables()}
    for twin in sorted((ROOT / "notebooks" / "text").glob(f"{notebook}_*.md")):
        for cell in CODE_CELL.findall(twin.read_text(encoding="utf-8")):
            try:
                statements = ast.parse(cell).body
            except SyntaxError:  # IPython syntax or a student's blank: not a table
                continue
            for statement in statements:
                code = ast.get_source_segment(cell, statement) or ""
                if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                        and isinstance(statement.targets[0], ast.Name)
                        and re.search(r"pk\.(analysis|data)\.", code) and "..." not in code):
                    continue
                name = statement.targets[0].id
                try:
                    value = eval(compile(ast.Expression(statement.value), twin.name, "eval"),
                                 namespace)  # noqa: S307 (the course's own notebook)
                except Exception:  # noqa: BLE001 (needs a variable not made here: skipped)
                    continue
                namespace[name] = value
                if isinstance(value, (pd.DataFrame, pd.Series)):
                    found[name] = _names(value)
    return found


def texts(question: Question) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a student may read about a question."""
    yield "prompt", question.prompt
    for i, hint in enumerate(question.hints, 1):
        yield f"hint {i}", hint
    if question.explanation:
        yield "explanation", question.explanation
    for key, text in question.feedback.items():
        yield f"feedback for {key!r}", text
    for i, (_, sentence) in enumerate(question.mistakes, 1):
        yield f"mistake {i}", sentence


def calls(text: str) -> Iterator[tuple[str, str, str | None]]:
    """(module, name, the whole call or None when not called) for each pk.module.name."""
    for found in CALL.finditer(text):
        rest = text[found.end():]
        if not rest.startswith("("):
            yield found[1], found[2], None
            continue
        depth = 0
        for i, char in enumerate(rest):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                yield found[1], found[2], text[found.start():found.end() + i + 1]
                break
        else:
            yield found[1], found[2], text[found.start():]  # unclosed: checked, not run


def keywords(call: str) -> list[str]:
    """The keyword arguments of the outer call only (not those of calls nested in it)."""
    inner = call[call.index("(") + 1:]
    names, depth = [], 0
    for i, char in enumerate(inner):
        depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(char, 0)
        if depth == 0 and char == "=" and inner[i + 1:i + 2] != "=" and inner[i - 1] not in "=!<>":
            found = re.search(r"(\w+)\s*$", inner[:i])
            if found:
                names.append(found[1])
    return names


def columns(text: str) -> set[str]:
    named = {m for m in NAMED_COLUMN.findall(text) if m not in NOT_NAMES}
    return (named | set(BACKTICKED_COLUMN.findall(text)) | set(QUOTED_COLUMN.findall(text))
            | set(SUBSCRIPT.findall(text)))


QUESTIONS = questions.all_questions()


def _problems(question: Question) -> list[str]:
    """What is wrong with the code a question's texts name (empty when nothing is)."""
    problems, made, used = [], set(), set()
    for where, text in texts(question):
        for module, name, call in calls(text):
            owner = getattr(pk, module, None)
            target = getattr(owner, name, None) if owner is not None else None
            if target is None:
                problems.append(f"{where}: pk.{module}.{name} does not exist")
                continue
            if module == "analysis":
                used.add(name)
            if call is None:
                continue
            if not callable(target):
                problems.append(f"{where}: pk.{module}.{name} is called but is not a function")
                continue
            parameters = inspect.signature(target).parameters
            takes_any = any(p.kind is p.VAR_KEYWORD for p in parameters.values())
            for keyword in keywords(call):
                if keyword not in parameters and not takes_any:
                    problems.append(f"{where}: pk.{module}.{name} has no parameter {keyword!r} "
                                    f"(it takes {', '.join(parameters)})")
            if "..." not in call and call.endswith(")"):
                try:
                    result = eval(call, {"pk": pk, **tables()})  # noqa: S307 (the course's hint)
                except Exception as exc:  # noqa: BLE001 (any failure is the finding)
                    problems.append(f"{where}: {call} fails: {type(exc).__name__}: {exc}")
                else:
                    if isinstance(result, (pd.DataFrame, pd.Series)):
                        made |= _names(result)
    # A column must be at hand: in a table the question's notebook loads or makes, or in what
    # a function the question's texts name returns. (That some other table has a column of
    # that name is no help: 01's "first_month column" is one of the missions table.)
    tables_here = notebook_tables(question.notebook)
    at_hand = made | frozenset().union(*tables_here.values())
    at_hand |= frozenset().union(*(function_columns().get(name, frozenset()) for name in used))
    for where, text in texts(question):
        for column in sorted(columns(text) - at_hand):
            elsewhere = sorted(name for name, cols in function_columns().items() if column in cols)
            problems.append(
                f"{where}: names a column {column!r} that no table at hand has (the loaded "
                f"tables, notebook {question.notebook}'s tables {sorted(tables_here)}"
                + (f"; it is a column of pk.analysis.{', '.join(elsewhere)}, which the question "
                   "does not name)" if elsewhere else ")"))
    return problems


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_the_code_a_question_names_runs(question: Question) -> None:
    problems = _problems(question)
    assert not problems, f"{question.id}:\n  " + "\n  ".join(problems)


def test_the_reader_finds_what_it_should() -> None:
    """The patterns above catch the hint that started this (and a wrong keyword)."""
    bad = Question(id="99-bad", objective="99.1", kind="number", prompt="?", answer=1, hints=(
        "Use the table of first months (first_month column).",
        "pk.analysis.annual(pk.analysis.monthly_totals(contributions, countries='PHL'), "
        "hows='mean') gives one row per year.", "Read its totl column.",
        "pk.analysis.no_such_function(...)", "Sum with ['women'].sum()."))
    found = "\n".join(_problems(bad))
    assert "'hows'" in found and "no_such_function" in found and "'totl'" in found
    # first_month is a column of the missions table and of first_contributions, but of no
    # table this question's notebook makes or names: following the hint gave a KeyError
    assert "'first_month'" in found
    good = Question(id="99-good", objective="99.1", kind="number", prompt="?", answer=1, hints=(
        "pk.analysis.annual(pk.analysis.monthly_totals(contributions, countries='PHL'), "
        "how='mean') has a total column.",))
    assert _problems(good) == []
    assert "fails" in "\n".join(_problems(Question(
        id="99-x", objective="99.1", kind="number", prompt="?", answer=1,
        hints=("pk.analysis.ranking(contributions, '2019-13')",))))
