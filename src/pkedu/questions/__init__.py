"""The course's self-check questions, one module per notebook.

Every question has a stable id (``"00-asean-members"``), belongs to one
notebook (the two digits the id starts with) and tests one learning
objective (``"00.1"``). Students answer with ``pk.check("00-asean-members",
answer)`` or, for multiple choice, with the widget ``pk.quiz.ask(...)``;
both find the question here by its id, never by a cell's position, so
students may add, move or delete cells freely.

Adding questions for a notebook
-------------------------------
Create ``src/pkedu/questions/nbNN.py`` (``NN`` = the notebook's two digits).
It is found and imported automatically; nothing else needs editing. A module
declares the notebook's learning objectives in ``OBJECTIVES`` and registers
its questions with :func:`register`::

    \"\"\"Self-check questions for notebook 01 (convergence).\"\"\"

    from pkedu import analysis, data
    from pkedu.questions import country_options, register

    OBJECTIVES = {
        "01.1": "Read a time series of deployments and spot when a state first contributed.",
        "01.2": "Explain why the ten states joined UN peacekeeping at different times.",
    }


    def _first_cambodia():
        # Recomputed from the data at check time: never typed in by hand.
        first = analysis.first_contributions(data.load_contributions(), ["KHM"])
        return first.loc[0, "first_month"]


    register(
        id="01-first-cambodia",
        objective="01.1",
        kind="month",
        prompt="In which month did Cambodia first have personnel deployed?",
        answer=_first_cambodia,
        hints=("Use pk.analysis.first_contributions(...).",
               "Look at the row for KHM and its first_month column."),
    )

    register(
        id="01-last-joiner",
        objective="01.2",
        kind="choice",
        prompt="Which of these states sent its first personnel last?",
        options=country_options(["KHM", "MMR", "VNM"]),
        answer="MMR",
        feedback={"KHM": "Cambodia started in 2005; look further right on the timeline.",
                  "VNM": "Close: Vietnam started in 2014, but one state came later."},
        hints=("Compare the first_month column for the three states.",),
    )

Rules of thumb:

* ids are ``NN-short-name`` in lower case, and never change once students
  use them (renaming breaks their notebooks);
* where the answer is a fact of the data, ``answer`` is a function with no
  arguments that computes it from :mod:`pkedu.data` / :mod:`pkedu.analysis`;
  it runs at check time, so the answer follows the data when it is refreshed;
* ``hints`` go from gentle to specific, are shown one at a time after wrong
  attempts, and must never contain the answer; neither may the ``feedback``
  of a wrong option;
* ``explanation`` is shown only after a correct answer;
* ``mistakes`` answers the typical wrong answers, each with its own sentence:
  pairs of (the wrong answer, or a function that computes it from the data;
  the sentence). ``mistakes=((lambda: yearly_sum(), "That is the sum of the
  twelve months; the question asks for their average."),)``. A wrong answer
  that matches one (with the question's tolerances) shows that sentence. A
  test replays every mistake and checks its sentence is shown;
* a number asked in per cent says ``unit="percent"`` and its prompt says
  "Answer in per cent, e.g. 12.5": the course writes every share as a
  percentage.

The kinds of question (see :data:`KINDS`): ``number`` (with ``tolerance``
absolute and/or ``rel_tolerance`` relative), ``month``, ``choice`` (one of
``options``), ``choices`` (a set of ``options``, any order), ``text`` (short
text; ``accept`` lists other accepted spellings), ``reflection`` (free text,
recorded, not judged) and ``table`` (a DataFrame or Series, compared value by
value with the tolerances).

>>> q = get("00-asean-members")
>>> q.notebook, q.objective, q.kind
('00', '00.1', 'number')
>>> [q.id for q in all_questions("00")][:2]
['00-asean-members', '00-never-deployed']
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = [
    "KINDS", "UNITS", "Question", "register", "get", "all_questions", "notebooks", "objectives_of",
    "similar_ids", "load_errors", "reload", "country_options",
]

#: The kinds of question :func:`pkedu.checks.check` knows how to mark.
KINDS: tuple[str, ...] = ("number", "month", "choice", "choices", "text", "reflection", "table")

#: Units a number question may declare. ``"percent"``: the answer is in per cent (12.5 for
#: 12.5 %); a share between 0 and 1 that matches is accepted, and the feedback says how it was read.
UNITS: tuple[str, ...] = ("", "percent")

_ID = re.compile(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)*")
_MODULE = re.compile(r"nb(\d\d)")


@dataclass(frozen=True)
class Question:
    """One self-check question.

    ``answer`` is either the expected value or a function with no arguments
    that computes it (call :meth:`expected` rather than reading ``answer``).

    >>> q = Question(id="99-demo", objective="99.1", kind="number",
    ...              prompt="Two plus two?", answer=lambda: 2 + 2)
    >>> q.notebook, q.expected(), q.from_data
    ('99', 4, True)
    """

    id: str
    objective: str
    kind: str
    prompt: str
    answer: Any = None
    hints: tuple[str, ...] = ()
    options: Mapping[str, str] = field(default_factory=dict)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    feedback: Mapping[Any, str] = field(default_factory=dict)
    accept: tuple[str, ...] = ()
    tolerance: float = 0.0
    rel_tolerance: float = 0.0
    explanation: str = ""
    notebook: str = ""
    mistakes: tuple[tuple[Any, str], ...] = ()
    unit: str = ""

    def __post_init__(self) -> None:
        # Normalise containers so a question is immutable and hashable-free of surprises.
        object.__setattr__(self, "hints", _texts(self.hints, "hints"))
        object.__setattr__(self, "accept", _texts(self.accept, "accept"))
        object.__setattr__(self, "options", MappingProxyType(dict(self.options)))
        object.__setattr__(self, "aliases", MappingProxyType(
            {key: _texts(values, f"aliases[{key!r}]") for key, values in self.aliases.items()}))
        object.__setattr__(self, "feedback", MappingProxyType(dict(self.feedback)))
        object.__setattr__(self, "mistakes", _mistakes(self.mistakes, self.id))
        _validate(self)
        if not self.notebook:
            object.__setattr__(self, "notebook", self.id[:2])

    @property
    def from_data(self) -> bool:
        """True when the answer is recomputed from the data at check time."""
        return callable(self.answer)

    def expected(self) -> Any:
        """The expected answer, computed now when ``answer`` is a function."""
        return self.answer() if callable(self.answer) else self.answer


def _texts(values: str | Iterable[str], what: str) -> tuple[str, ...]:
    if isinstance(values, str):
        values = (values,)
    values = tuple(values)
    if not all(isinstance(v, str) for v in values):
        raise TypeError(f"{what} must be text, or a list of texts")
    return values


def _mistakes(pairs: Iterable[tuple[Any, str]], question_id: str) -> tuple[tuple[Any, str], ...]:
    pairs = tuple(pairs)
    for pair in pairs:
        if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[1], str)
                and pair[1].strip()):
            raise ValueError(f"question {question_id!r}: each mistake is a pair (the wrong answer, "
                             "or a function that computes it; the sentence that explains it)")
    return pairs


def _validate(q: Question) -> None:
    if not isinstance(q.id, str) or not _ID.fullmatch(q.id):
        raise ValueError(f"question id {q.id!r} must look like '01-first-cambodia': the "
                         "notebook's two digits, a dash, then lower-case words joined by dashes")
    if q.notebook and q.notebook != q.id[:2]:
        raise ValueError(f"question {q.id!r} starts with {q.id[:2]!r} but says notebook "
                         f"{q.notebook!r}; the id must start with its notebook's digits")
    if not re.fullmatch(rf"{q.id[:2]}\.\d+", str(q.objective)):
        raise ValueError(f"question {q.id!r}: objective {q.objective!r} must look like "
                         f"'{q.id[:2]}.1' (an objective of the same notebook)")
    if q.kind not in KINDS:
        raise ValueError(f"question {q.id!r}: kind {q.kind!r} is not one of {list(KINDS)}")
    if not isinstance(q.prompt, str) or not q.prompt.strip():
        raise ValueError(f"question {q.id!r} needs a prompt")
    if q.kind in ("choice", "choices"):
        _validate_options(q)
    elif q.options:
        raise ValueError(f"question {q.id!r}: only choice questions take options")
    if q.unit not in UNITS:
        raise ValueError(f"question {q.id!r}: unit {q.unit!r} is not one of {list(UNITS)}")
    if q.unit and q.kind != "number":
        raise ValueError(f"question {q.id!r}: only number questions take a unit")
    if q.mistakes and q.kind in ("choice", "choices", "reflection"):
        raise ValueError(f"question {q.id!r}: a {q.kind} question explains wrong options with "
                         "feedback, not mistakes")
    if q.kind != "reflection" and q.answer is None:
        raise ValueError(f"question {q.id!r} needs an answer (a value or a function)")
    for name in ("tolerance", "rel_tolerance"):
        value = getattr(q, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
            raise ValueError(f"question {q.id!r}: {name} must be a number of 0 or more")


def _validate_options(q: Question) -> None:
    if len(q.options) < 2:
        raise ValueError(f"question {q.id!r}: a choice question needs at least two options")
    unknown = [k for k in (*q.aliases, *q.feedback) if k not in q.options]
    if unknown:
        raise ValueError(f"question {q.id!r}: aliases/feedback name {unknown[0]!r}, which is "
                         f"not an option ({list(q.options)})")
    if callable(q.answer):
        return
    keys = [q.answer] if q.kind == "choice" else list(q.answer or ())
    missing = [k for k in keys if k not in q.options]
    if missing or (q.kind == "choices" and isinstance(q.answer, str)):
        raise ValueError(f"question {q.id!r}: the answer must be option keys from "
                         f"{list(q.options)}")


_REGISTRY: dict[str, Question] = {}
_ERRORS: dict[str, str] = {}
_LOADED = False


def register(question: Question | None = None, /, **fields: Any) -> Question:
    """Add a question to the registry and return it.

    Pass the fields of :class:`Question` as keywords (or a ready-made
    ``Question``). An id used twice is an error.

    >>> q = register(id="99-register-demo", objective="99.1", kind="text",
    ...              prompt="Capital of Laos?", answer="Vientiane")
    >>> get("99-register-demo") is q
    True
    >>> register(q)
    Traceback (most recent call last):
    ...
    ValueError: question id '99-register-demo' is registered twice (notebook 99)
    >>> _forget("99-register-demo")
    """
    if question is None:
        question = Question(**fields)
    elif fields:
        raise TypeError("pass either a Question or keyword fields, not both")
    if question.id in _REGISTRY:
        raise ValueError(f"question id {question.id!r} is registered twice "
                         f"(notebook {_REGISTRY[question.id].notebook})")
    _REGISTRY[question.id] = question
    return question


def _forget(question_id: str) -> None:
    """Remove one question (used by examples and tests)."""
    _REGISTRY.pop(question_id, None)


def _question_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if _MODULE.fullmatch(m.name))


def _ensure_loaded() -> None:
    """Import every ``nbNN`` module once; a broken module is recorded, not raised."""
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    for name in _question_modules():
        try:
            importlib.import_module(f"{__name__}.{name}")
        except Exception as exc:  # one broken module must not disable every check
            _ERRORS[name] = f"{type(exc).__name__}: {exc}"


def _retry_failed() -> bool:
    """Import the question modules that failed before once more (e.g. after the data were
    restored); True when one of them now loads."""
    loaded = False
    for name in list(_ERRORS):
        number = _MODULE.fullmatch(name).group(1)  # type: ignore[union-attr]
        for question_id in [i for i, q in _REGISTRY.items() if q.notebook == number]:
            del _REGISTRY[question_id]  # what the module registered before it failed
        sys.modules.pop(f"{__name__}.{name}", None)
        try:
            importlib.import_module(f"{__name__}.{name}")
        except Exception as exc:  # still broken: keep the newest reason
            _ERRORS[name] = f"{type(exc).__name__}: {exc}"
        else:
            del _ERRORS[name]
            loaded = True
    return loaded


def reload() -> None:
    """Forget every question and import the question modules again.

    Use it after editing a question module in a running notebook.
    """
    global _LOADED
    _REGISTRY.clear()
    _ERRORS.clear()
    for name in _question_modules():
        sys.modules.pop(f"{__name__}.{name}", None)
    _LOADED = False
    _ensure_loaded()


def load_errors() -> dict[str, str]:
    """Question modules that failed to import, with the reason (empty when all is well).

    >>> load_errors()
    {}
    """
    _ensure_loaded()
    return dict(_ERRORS)


def get(question_id: str) -> Question:
    """The question with this id; ``KeyError`` naming similar ids when there is none.

    >>> get("00-asean-members").kind
    'number'
    >>> get("00-asean-member")
    Traceback (most recent call last):
    ...
    KeyError: "no question '00-asean-member'; did you mean '00-asean-members'?"
    """
    _ensure_loaded()
    try:
        return _REGISTRY[question_id]
    except (KeyError, TypeError):
        if _ERRORS and isinstance(question_id, str) and _retry_failed():
            return get(question_id)
        close = similar_ids(str(question_id))
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise KeyError(f"no question {question_id!r}{hint}") from None


def all_questions(notebook: str | int | None = None) -> list[Question]:
    """Every registered question (or one notebook's), in id order.

    >>> len(all_questions("00")) >= 3
    True
    """
    _ensure_loaded()
    wanted = None if notebook is None else notebook_number(notebook)
    return [q for _, q in sorted(_REGISTRY.items()) if wanted in (None, q.notebook)]


def similar_ids(text: str, n: int = 3) -> list[str]:
    """Registered ids that look like ``text`` (for "did you mean ...?").

    >>> similar_ids("00-asean-memebrs")
    ['00-asean-members']
    """
    _ensure_loaded()
    ids = sorted(_REGISTRY)
    text = text.strip().lower()
    starting = [i for i in ids if len(text) >= 4 and i.startswith(text)]
    close = difflib.get_close_matches(text, ids, n=n, cutoff=0.75)
    return list(dict.fromkeys([*close, *starting]))[:n]


def notebook_number(notebook: str | int) -> str:
    """The two digits of a notebook given as ``1``, ``"01"``, ``"nb01"`` or a file name.

    >>> notebook_number("00_start_here.ipynb"), notebook_number(3), notebook_number("nb07")
    ('00', '03', '07')
    >>> notebook_number("intro")
    Traceback (most recent call last):
    ...
    ValueError: 'intro' does not name a notebook; use its number, e.g. '01' or '01_convergence'
    """
    if isinstance(notebook, int) and not isinstance(notebook, bool) and 0 <= notebook <= 99:
        return f"{notebook:02d}"
    match = re.match(r"(?:nb)?(\d{1,2})(?:\D|$)", str(notebook).strip().split("/")[-1])
    if not match:
        raise ValueError(f"{notebook!r} does not name a notebook; use its number, e.g. '01' "
                         "or '01_convergence'")
    return f"{int(match.group(1)):02d}"


def notebooks() -> list[str]:
    """The notebooks that have a question module.

    >>> "00" in notebooks()
    True
    """
    return [_MODULE.fullmatch(name).group(1) for name in _question_modules()]


def objectives_of(notebook: str | int) -> dict[str, str]:
    """A notebook's learning objectives (id -> description), from its ``OBJECTIVES``.

    >>> "00.1" in objectives_of("00")
    True
    """
    number = notebook_number(notebook)
    _ensure_loaded()
    module = sys.modules.get(f"{__name__}.nb{number}")
    if module is None:
        if f"nb{number}" in _ERRORS:
            raise ValueError(f"the questions of notebook {number} could not be loaded: "
                             f"{_ERRORS['nb' + number]}")
        raise ValueError(f"no questions module for notebook {number}; the notebooks with "
                         f"questions are {notebooks()}")
    return dict(getattr(module, "OBJECTIVES", {}))


#: Other spellings students use for country names (codes and data names are always accepted).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "BRN": ("Brunei", "Brunei Darussalam"),
    "KHM": ("Cambodia", "Kingdom of Cambodia"),
    "LAO": ("Laos", "Lao", "Lao PDR", "Lao People's Democratic Republic"),
    "MMR": ("Myanmar", "Burma"),
    "PHL": ("Philippines",),
    "TLS": ("Timor-Leste", "East Timor"),
    "VNM": ("Vietnam", "Viet Nam"),
}


def country_options(codes: Iterable[str]) -> dict[str, str]:
    """Choice options for countries: ISO3 code -> the name the course uses.

    The names are the ones the charts show (:func:`pkedu.theme.label`), so a
    quiz never names a country differently from the rest of the course. When
    the options of a choice question are country codes, students may answer
    with the code, the name or a common variant ("Lao PDR", "Burma",
    "Brunei Darussalam").

    >>> country_options(["LAO", "VNM"])
    {'LAO': 'Laos', 'VNM': 'Vietnam'}
    >>> country_options(["BRN"])
    {'BRN': 'Brunei'}
    """
    from pkedu.theme import label

    return {code: label(code) for code in codes}
