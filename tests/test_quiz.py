"""The multiple-choice widget: driven from Python the way a student drives it by clicking."""

from __future__ import annotations

from collections.abc import Iterator

import ipywidgets as widgets
import pytest

from pkedu import checks, questions, quiz
from pkedu.quiz import Quiz, ask


@pytest.fixture(autouse=True)
def fresh_hints() -> Iterator[None]:
    checks.reset()
    yield
    checks.reset()


@pytest.fixture
def several() -> Iterator[str]:
    """A throwaway question with several right options."""
    q = questions.register(id="98-quiz-several", objective="98.1", kind="choices",
                           prompt="Which of these sent troops in 2019-12?",
                           options=questions.country_options(["IDN", "LAO", "MYS"]),
                           answer=["IDN", "MYS"],
                           feedback={"LAO": "Laos sent nobody."})
    yield q.id
    questions._forget(q.id)


def test_ask_builds_a_widget_with_the_options() -> None:
    widget = ask("00-shift-enter")
    assert isinstance(widget, widgets.VBox)
    assert isinstance(widget.options, widgets.RadioButtons)
    assert widget.options.value is None
    assert [key for _label, key in widget.options.options] == ["a", "b", "c", "d"]
    assert widget.button.description == "Check"
    assert "Shift-Enter" in widget.children[0].value


def test_nothing_selected_says_pick_an_option_first() -> None:
    widget = ask("00-shift-enter")
    widget.button.click()
    assert widget.feedback is not None and widget.feedback.headline == "Pick an option first."
    assert "Pick an option first." in widget.feedback_html.value


def test_clicking_shows_per_option_feedback() -> None:
    widget = ask("00-shift-enter")
    widget.options.value = "d"  # as a student clicking the radio button
    widget.button.click()
    assert widget.feedback.correct is False
    assert "plain Enter" in widget.feedback_html.value
    widget.options.value = "a"
    widget.button.click()
    assert widget.feedback.correct is True
    assert "Correct!" in widget.feedback_html.value and "moves on" in widget.feedback_html.value


def test_choose_accepts_keys_labels_and_aliases() -> None:
    widget = ask("00-never-deployed")
    widget.choose("Lao PDR")
    assert widget.selected() == "LAO"
    assert widget.submit().correct is True
    widget.choose("Burma")
    assert widget.submit().correct is False


def test_choose_rejects_an_unknown_option() -> None:
    widget = ask("00-shift-enter")
    with pytest.raises(ValueError, match="not an option"):
        widget.choose("z")
    with pytest.raises(ValueError, match="exactly one"):
        widget.choose("a", "b")


def test_several_answers_use_checkboxes(several: str) -> None:
    widget = ask(several)
    assert all(isinstance(box, widgets.Checkbox) for box in widget.options)
    assert widget.submit().headline == "Pick an option first."
    widget.choose("Indonesia", "LAO")
    feedback = widget.submit()
    assert feedback.correct is False and "Laos sent nobody." in feedback.message
    widget.options[1].value = False  # untick Laos, tick Malaysia
    widget.options[2].value = True
    widget.button.click()
    assert widget.feedback.correct is True


@pytest.mark.parametrize("question_id", ["00-no-such-question", None, 42, "", "00-total-2019"])
def test_questions_that_cannot_be_asked_give_a_message(question_id: object) -> None:
    widget = ask(question_id)  # type: ignore[arg-type]
    assert isinstance(widget, Quiz)
    assert widget.button.disabled
    assert widget.feedback_html.value  # the message is visible at once
    widget.button.click()  # a disabled button cannot be clicked in a browser; still no error
    assert widget.submit().status == "unavailable"


def test_an_error_inside_a_check_never_reaches_the_student(
        monkeypatch: pytest.MonkeyPatch) -> None:
    widget = ask("00-shift-enter")
    widget.choose("a")

    def boom(*_args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(quiz.checks, "check", boom)
    widget.button.click()
    assert widget.feedback.status == "unavailable"
    assert "instructor" in widget.feedback_html.value


def test_a_question_that_breaks_the_widget_still_gives_a_widget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(quiz.widgets, "RadioButtons", boom)
    widget = ask("00-shift-enter")
    assert widget.submit().status == "unavailable"


def test_prompt_and_feedback_are_escaped() -> None:
    q = questions.register(id="98-quiz-escape", objective="98.1", kind="choice",
                           prompt="Is <b>this</b> bold?", options={"y": "Yes", "n": "No"},
                           answer="n")
    try:
        widget = ask(q.id)
        assert "&lt;b&gt;this&lt;/b&gt;" in widget.children[0].value
    finally:
        questions._forget(q.id)


def test_the_widget_state_can_be_saved_with_the_notebook() -> None:
    widget = ask("00-shift-enter")
    widget.choose("b")
    widget.submit()
    state = widgets.Widget.get_manager_state(drop_defaults=True)
    assert widget.model_id in state["state"]
