"""pkedu: the Python helpers behind the ASEAN peacekeeping teaching notebooks.

Notebooks start with ``import pkedu as pk`` and then call, for example,
``pk.data.load_contributions()``, ``pk.analysis.monthly_totals(...)`` or
``pk.charts.contributions_over_time(...)``. Submodules load on first use, so
importing pkedu itself is quick.

>>> import pkedu as pk
>>> pk.data.ASEAN10[0]
'BRN'
"""

from __future__ import annotations

import gc
import importlib
import sys
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_SUBMODULES = ("data", "analysis", "charts", "widgets", "checks", "quiz", "release", "theme", "capstone",
               "questions")

if TYPE_CHECKING:  # pragma: no cover
    from pkedu import (  # noqa: F401
        analysis, charts, checks, data, questions, quiz, release, theme, widgets)
    from pkedu.checks import check  # noqa: F401


# Submodules that draw charts. Altair is imported first and on its own: inside a
# Jupyter kernel, importing it deep inside another import takes about twice as long
# (measured: 3.0 s instead of 1.5 s for pkedu.widgets, see docs/performance.md).
_USE_ALTAIR = ("charts", "widgets", "capstone", "theme")


def __getattr__(name: str) -> Any:
    if name == "check":  # pk.check(question_id, answer) is pk.checks.check
        return importlib.import_module("pkedu.checks").check
    if name in _SUBMODULES:
        if name in _USE_ALTAIR:
            importlib.import_module("altair")
        module = importlib.import_module(f"pkedu.{name}")
        if name in _USE_ALTAIR:
            _freeze_imports()
        return module
    raise AttributeError(f"module 'pkedu' has no attribute {name!r}")


def _freeze_imports() -> None:
    """Leave what has been imported so far out of Python's garbage collection.

    pandas, Altair and IPython leave about a million objects that live as long
    as the kernel. Python's full collections go through all of them again and
    again (about 0.1 s each, several times a notebook); frozen, they are
    skipped. Objects created afterwards are collected as usual.
    """
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


_frozen = False


def _kernel_help() -> None:
    """In IPython, load :mod:`pkedu.kernel` (also loaded by the environment's IPython config)."""
    if "IPython" in sys.modules:
        from pkedu.kernel import install_if_in_ipython

        install_if_in_ipython()


_kernel_help()


def __dir__() -> list[str]:
    return sorted([*globals(), *_SUBMODULES, "check"])
