"""Every kernel of the course's environment explains a NameError after a restart, and ``...``.

Real kernels, as a student meets them: a fresh kernel where no cell has run yet
(``pk`` is not defined, because ``import pkedu as pk`` is the first cell), with
the extension loaded by the environment's IPython configuration alone; and a
kernel without that configuration, where ``import pkedu`` sets it up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from jupyter_client.manager import start_new_kernel

from pkedu.kernel import ELLIPSIS_TEXT

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Kernel:
    """A running kernel that runs code and returns its outputs (error, streams, displays)."""

    def __init__(self, extra_arguments: list[str]) -> None:
        self.manager, self.client = start_new_kernel(kernel_name="python3",
                                                     extra_arguments=extra_arguments)

    def run(self, code: str) -> list[dict[str, Any]]:
        outputs: list[dict[str, Any]] = []

        def keep(message: dict[str, Any]) -> None:
            if message["msg_type"] in ("error", "stream", "execute_result", "display_data"):
                outputs.append(message["content"])

        self.client.execute_interactive(code, output_hook=keep, timeout=120)
        return outputs

    def close(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def fresh() -> Iterator[Kernel]:
    kernel = Kernel([])
    yield kernel
    kernel.close()


@pytest.fixture(scope="module")
def unconfigured() -> Iterator[Kernel]:
    """A kernel that ignores the environment's extension list (as one started elsewhere)."""
    kernel = Kernel(["--InteractiveShellApp.extensions=[]"])
    yield kernel
    kernel.close()


def _error(outputs: list[dict[str, Any]]) -> tuple[dict[str, Any], str]:
    (error,) = [o for o in outputs if "traceback" in o]
    return error, ANSI.sub("", "\n".join(error["traceback"]))


def test_a_fresh_kernel_says_which_cell_to_run_when_pk_is_not_defined(fresh: Kernel) -> None:
    assert fresh.run("print('pk' in globals())")[0]["text"].strip() == "False"
    error, text = _error(fresh.run('pk.check("00-asean-members", 10)'))
    assert error["ename"] == "NameError" and "name 'pk' is not defined" in error["evalue"]
    # the real traceback is all there: the failing line, the error itself ...
    assert 'pk.check("00-asean-members", 10)' in text
    assert "NameError: name 'pk' is not defined" in text
    # ... and after it, in the same output, what to do
    assert text.index("NameError: name 'pk'") < text.index("What to do:")
    assert "first code cell of the notebook, import pkedu as pk" in text
    assert "Run > Run All Above" in text
    # the environment's configuration loaded it; nothing heavy was imported to say so
    assert fresh.run("import sys\nprint('pkedu.kernel' in sys.modules, 'pandas' in sys.modules)"
                     )[0]["text"].split() == ["True", "False"]


def test_a_variable_of_an_earlier_cell_and_pd_get_advice_too(fresh: Kernel) -> None:
    _, text = _error(fresh.run("total = my_answer * 12"))
    assert "name 'my_answer' is not defined" in text
    assert "my_answer is not defined yet. If a cell above makes it, run that cell" in text
    _, text = _error(fresh.run("pd.DataFrame()"))
    assert "import pandas as pd" in text
    # other errors are shown as always
    error, text = _error(fresh.run("1 / 0"))
    assert error["ename"] == "ZeroDivisionError" and "What to do" not in text


def test_an_unanswered_placeholder_is_shown_as_not_answered(fresh: Kernel) -> None:
    fresh.run("my_answer = ...")
    (shown,) = [o for o in fresh.run("my_answer") if "data" in o]
    assert shown["data"]["text/plain"] == ELLIPSIS_TEXT
    assert "not answered yet" in ELLIPSIS_TEXT and "replace the ..." in ELLIPSIS_TEXT
    (inside,) = [o for o in fresh.run("[1, my_answer]") if "data" in o]
    assert inside["data"]["text/plain"] == "[1, Ellipsis]"  # only the answer itself


def test_import_pkedu_sets_it_up_where_the_environment_config_is_not_read(
        unconfigured: Kernel) -> None:
    _, text = _error(unconfigured.run("pk"))
    assert "What to do" not in text  # the configuration was really left out
    unconfigured.run("import pkedu as pk\ndel pk")
    _, text = _error(unconfigured.run("pk.check('00-asean-members', 10)"))
    assert "What to do:" in text and "import pkedu as pk" in text
    (shown,) = [o for o in unconfigured.run("...") if "data" in o]
    assert shown["data"]["text/plain"] == ELLIPSIS_TEXT


def test_a_refused_argument_shows_the_students_line_and_pkedus_message_only(
        fresh: Kernel) -> None:
    fresh.run("import pkedu as pk\ncontributions = pk.data.load_contributions()")
    error, text = _error(fresh.run(
        'chart = pk.charts.contributions_over_time(contributions, countries=["VNN"])'))
    assert error["ename"] == "ValueError" and "unknown country code 'VNN'" in text
    assert 'countries=["VNN"]' in text  # the student's own line
    assert "pkedu" + "/charts" not in text and "site-packages" not in text  # none of pkedu's lines
    assert "lines inside pkedu are left out" in text
    # an error of pandas, or of Python, keeps its whole traceback
    error, text = _error(fresh.run("contributions['no such column']"))
    assert error["ename"] == "KeyError" and "left out" not in text and "pandas" in text


def test_advice_lines_break_between_words(fresh: Kernel) -> None:
    _, text = _error(fresh.run("total = my_answer_with_a_long_name * 12"))
    advice_text = text[text.index("What to do:"):]
    lines = advice_text.splitlines()
    assert len(lines) > 1 and all(len(line) <= 88 for line in lines)
    assert "quotes" in advice_text and "quo\n" not in advice_text
