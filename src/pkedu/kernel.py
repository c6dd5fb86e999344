"""What the course adds to every Jupyter kernel: advice on a NameError, and ``...`` explained.

After a kernel restart nothing a notebook's cells made exists any more, not even
``pk``: running a cell further down then fails with ``NameError: name 'pk' is not
defined``, the error beginners meet most. This IPython extension shows the full
traceback as usual and, in the same error output, says what to do: run the first
code cell (``import pkedu as pk``), or Run > Run All Above.

It gives this advice for every NameError, not only for the course's own names
(``pk``, ``pd``...): in a course notebook a missing name is a cell above that has
not run since the kernel started, a typo or text written without quotes, and the
advice names all three. Nothing is hidden, and no name is guessed.

When one of pkedu's own functions refuses an argument (a ``TypeError``,
``ValueError`` or ``KeyError`` raised by pkedu itself, whose message says what
to change), the traceback stops at the student's own line: the lines
inside pkedu, which a student cannot change, are left out and a note says so.
An error raised anywhere else (pandas, Altair, Python) keeps its full traceback.

It also shows the placeholder ``...`` (Python's ``Ellipsis``), which a display
cell run before its exercise would print as ``Ellipsis``, as "not answered yet".

Every kernel of an environment where pkedu is installed loads this extension:
the package installs ``etc/ipython/ipython_kernel_config.py`` into the
environment's prefix, a folder IPython reads its configuration from. ``import
pkedu`` in IPython loads it too (once), for kernels started elsewhere. It is
small and imports nothing else of pkedu, so kernels start as fast as before.

>>> print(advice("pk"))  # doctest: +ELLIPSIS
pk is made by the first code cell of the notebook, import pkedu as pk, ...
>>> print(advice("my_answer"))  # doctest: +ELLIPSIS
my_answer is not defined yet. If a cell above makes it, run that cell ...
"""

from __future__ import annotations

import linecache
import os
import sys
import textwrap
import types
from typing import Any

__all__ = ["load_ipython_extension", "advice", "install", "ELLIPSIS_TEXT", "COURSE_NAMES"]

#: The names the course's first code cells make: what each comes from.
COURSE_NAMES: dict[str, str] = {
    "pk": "import pkedu as pk", "pkedu": "import pkedu as pk",
    "pd": "import pandas as pd", "alt": "import altair as alt", "np": "import numpy as np",
}

#: How ``...`` is shown when a cell displays it.
ELLIPSIS_TEXT = ("... (not answered yet: replace the ... in the exercise above with your answer "
                 "and run that cell)")

_RUN_ABOVE = "Run > Run All Above"


def advice(name: str | None) -> str:
    """What to do about ``NameError: name 'NAME' is not defined``, in plain words.

    >>> advice("pd").startswith("pd is made by the first code cell of the notebook, "
    ...                         "import pandas as pd")
    True
    """
    if name in COURSE_NAMES:
        return (f"{name} is made by the first code cell of the notebook, {COURSE_NAMES[name]}, "
                "which has not run since the kernel started (or restarted). Run that cell (or "
                f"use {_RUN_ABOVE}), then run this cell again.")
    shown = name if name else "This name"
    return (f"{shown} is not defined yet. If a cell above makes it, run that cell (or use "
            f"{_RUN_ABOVE}, which also runs import pkedu as pk), then run this cell again. If it "
            "is meant as text, put it in quotes; and check its spelling.")


#: Errors that pkedu raises on purpose, with a message that says what to change.
ARGUMENT_ERRORS: tuple[type[BaseException], ...] = (TypeError, ValueError, LookupError)

_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep
HIDDEN_NOTE = ("(The lines inside pkedu are left out: the message above says what to change in "
               "your cell.)")


def _wrapped(label: str, text: str, width: int = 88) -> str:
    """``label`` and ``text`` as lines that break between words, never inside one.

    >>> print(_wrapped("What to do:", "one two three", width=16))
    What to do: one
    two three
    """
    glued = text.replace(_RUN_ABOVE, _RUN_ABOVE.replace(" ", "\0"))  # a menu path stays whole
    return textwrap.fill(f"{label} {glued}", width=width, break_long_words=False,
                         break_on_hyphens=False).replace("\0", " ")


def _banner(name: str | None) -> str:
    """The advice as the last lines of an error output (coloured like IPython's own text)."""
    text = _wrapped("What to do:", advice(name))
    return "\n\x1b[1;32mWhat to do:\x1b[0m" + text[len("What to do:"):]


def _in_pkedu(frame: types.FrameType) -> bool:
    return os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE)


def _raised_by_pkedu(last: types.TracebackType) -> bool:
    """Whether the error came from a ``raise`` statement in pkedu (not a bug inside it)."""
    if not _in_pkedu(last.tb_frame):
        return False
    line = linecache.getline(last.tb_frame.f_code.co_filename, last.tb_lineno)
    return line.lstrip().startswith("raise ")


def students_part(tb: types.TracebackType | None) -> types.TracebackType | None:
    """The traceback up to the first line inside pkedu, if pkedu raised the error itself.

    None when the error did not come from a ``raise`` in pkedu's own code (an error of
    pandas, of Python or a bug inside pkedu): then nothing is left out.
    """
    frames = []
    while tb is not None:
        frames.append(tb)
        tb = tb.tb_next
    if not frames or not _raised_by_pkedu(frames[-1]):
        return None
    kept: types.TracebackType | None = None
    outside = [f for f in frames[: next(i for i, f in enumerate(frames) if _in_pkedu(f.tb_frame))]]
    for f in reversed(outside):
        kept = types.TracebackType(kept, f.tb_frame, f.tb_lasti, f.tb_lineno)
    return kept


def _show(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None,
          extra: list[str]) -> None:
    stb = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb  # for %debug
    if sys.version_info >= (3, 12):
        sys.last_exc = value
    shell._showtraceback(etype, value, [*stb, *extra])


def _course_error(shell: Any, etype: type, value: BaseException, tb: Any,
                  tb_offset: int | None = None) -> None:
    """IPython's custom exception handler: NameError advice; pkedu's own lines left out."""
    try:
        if isinstance(value, NameError):
            _show(shell, etype, value, tb, tb_offset, [_banner(getattr(value, "name", None))])
            return
        short = students_part(tb) if isinstance(value, ARGUMENT_ERRORS) else None
        if short is None:
            _show(shell, etype, value, tb, tb_offset, [])
        else:
            _show(shell, etype, value, short, tb_offset, [f"\x1b[2m{HIDDEN_NOTE}\x1b[0m"])
    except Exception:  # noqa: BLE001 (never lose the error itself)
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        if isinstance(value, NameError):
            print(f"What to do: {advice(getattr(value, 'name', None))}", file=sys.stderr)



def _show_ellipsis(_obj: object, printer: Any, _cycle: bool) -> None:
    """The answer itself is ``...``: say so. Inside a list or table it stays ``Ellipsis``."""
    inside = len(getattr(printer, "stack", ())) > 1
    printer.text("Ellipsis" if inside else ELLIPSIS_TEXT)


def install(shell: Any) -> None:
    """Set up the NameError advice and the display of ``...`` in this IPython ``shell``.

    Doing it again changes nothing, and a custom exception handler someone else set
    is left in place.
    """
    if not shell.custom_exceptions:
        shell.set_custom_exc((NameError, *ARGUMENT_ERRORS), _course_error)
    plain = shell.display_formatter.formatters["text/plain"]
    plain.for_type(type(Ellipsis), _show_ellipsis)
    plain.singleton_printers[id(Ellipsis)] = _show_ellipsis  # looked up before the type


def load_ipython_extension(shell: Any) -> None:
    """Called by IPython for ``%load_ext pkedu.kernel`` and for the configured extension."""
    install(shell)


def install_if_in_ipython() -> None:
    """Install into the running IPython, if there is one (called by ``import pkedu``)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None:
        try:
            install(shell)
        except Exception:  # noqa: BLE001 (a shell without these features: leave it be)
            pass
