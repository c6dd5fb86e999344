"""Multiple-choice questions as widgets: ``pk.quiz.ask(question_id)``.

The widget shows the question, its options as radio buttons (checkboxes
when several options can be right), a "Check" button and a feedback line.
Each option has its own feedback, written with the question in
:mod:`pkedu.questions`. It uses only standard ipywidgets, so it works in
JupyterLab and in Voila, offline. No exception ever reaches the student: a
click with nothing selected says "Pick an option first".

The widget can be driven from Python, which is how it is tested:

>>> quiz = ask("00-shift-enter")
>>> quiz.submit()
✏️ 00-shift-enter: Pick an option first.
>>> quiz.choose("b")
>>> quiz.submit().correct
False
>>> quiz.choose("The cell runs and the next cell is selected")
>>> quiz.submit().correct
True
>>> "Correct!" in quiz.feedback_html.value
True
>>> from pkedu.checks import reset; reset()
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from pkedu import checks, questions
from pkedu.checks import Feedback
from pkedu.questions import Question

__all__ = ["ask", "Quiz"]

_CHOICE_KINDS = ("choice", "choices")

#: Layout fixes for the quiz, scoped to its class. ipywidgets gives every radio option a
#: fixed one-line height and every checkbox label one line cut with "...", so a long
#: option would overlap the next one or lose its end; and HTML widgets get a 28-pixel
#: line height, which spaces a long question out like double spacing.
QUIZ_STYLE = """<style>
.pkedu-quiz .widget-html-content, .pkedu-quiz .jupyter-widget-html-content {line-height: 1.5}
.pkedu-quiz .widget-radio-box label, .pkedu-quiz .jupyter-widget-radio-box label {
  display: flex; align-items: baseline; height: auto; line-height: 1.4; margin: 3px 0}
.pkedu-quiz .widget-radio-box input, .pkedu-quiz .jupyter-widget-radio-box input {
  order: -1; flex: none; height: auto; margin: 0 6px 0 2px; align-self: baseline}
.pkedu-quiz .widget-checkbox, .pkedu-quiz .jupyter-widget-checkbox {
  height: auto; line-height: 1.4; margin: 3px 0; align-items: baseline}
.pkedu-quiz .widget-checkbox input, .pkedu-quiz .jupyter-widget-checkbox input {
  flex-grow: 0; align-self: baseline}
.pkedu-quiz .widget-checkbox .widget-label-basic,
.pkedu-quiz .jupyter-widget-checkbox .jupyter-widget-label-basic {
  white-space: normal; overflow: visible; line-height: 1.4}
</style>"""


class Quiz(widgets.VBox):
    """A question with its options, a Check button and the feedback.

    Attributes useful in tests: ``options`` (the RadioButtons, or a list of
    Checkboxes), ``button``, ``feedback_html`` and ``feedback`` (the last
    :class:`~pkedu.checks.Feedback`, None before the first check).
    """

    def __repr__(self) -> str:
        return "[Quiz question: run this cell (Shift-Enter) to answer it.]"

    def __init__(self, question_id: str, problem: Feedback | None = None) -> None:
        self.question_id = question_id if isinstance(question_id, str) else "quiz"
        self.question: Question | None = None
        self.feedback: Feedback | None = None
        self.feedback_html = widgets.HTML(value="")
        self.button = widgets.Button(description="Check", button_style="primary",
                                     tooltip="Check your choice", icon="check")
        self.options: Any = None
        self._problem: Feedback | None = None
        children = self._build(problem)
        super().__init__(children=children, layout=widgets.Layout(margin="0.5em 0"))
        self.add_class("pkedu-quiz")
        self.button.on_click(lambda _button: self.submit())

    def _build(self, problem: Feedback | None) -> list[widgets.Widget]:
        problem = problem or _problem_with(self.question_id)
        if problem is not None:
            self._problem = problem
            self.button.disabled = True
            self.feedback_html.value = problem._repr_html_()
            return [self.feedback_html]
        self.question = questions.get(self.question_id.strip())
        prompt = widgets.HTML(value=f"{QUIZ_STYLE}<p><strong>{html.escape(self.question.prompt)}"
                                    "</strong></p>")
        labels = [(label, key) for key, label in self.question.options.items()]
        if self.question.kind == "choice":
            self.options = widgets.RadioButtons(options=labels, value=None,
                                                layout=widgets.Layout(width="auto"))
            choices: widgets.Widget = self.options
        else:
            self.options = [widgets.Checkbox(value=False, description=label, indent=False,
                                             layout=widgets.Layout(width="auto"))
                            for label, _key in labels]
            choices = widgets.VBox(self.options)
        return [prompt, choices, self.button, self.feedback_html]

    def selected(self) -> str | list[str] | None:
        """The option key chosen (a list for several-answer questions), None if none."""
        if self.question is None:
            return None
        if self.question.kind == "choice":
            return self.options.value
        keys = list(self.question.options)
        chosen = [key for key, box in zip(keys, self.options, strict=True) if box.value]
        return chosen or None

    def choose(self, *options: str) -> None:
        """Select options by key, label or alias, as a student would by clicking.

        Raises ``ValueError`` naming the options when one is not recognised.
        """
        if self.question is None:
            raise ValueError(f"question {self.question_id!r} has no options to choose from")
        if self.question.kind == "choice" and len(options) != 1:
            raise ValueError("choose exactly one option for this question")
        keys = []
        for option in options:
            key = checks.match_option(self.question, option)
            if key is None:
                raise ValueError(f"{option!r} is not an option; the options are "
                                 f"{list(self.question.options)}")
            keys.append(key)
        if self.question.kind == "choice":
            self.options.value = keys[0]
        else:
            for key, box in zip(self.question.options, self.options, strict=True):
                box.value = key in keys

    def submit(self) -> Feedback:
        """Check the current choice, show the feedback and return it (as the button does)."""
        try:
            feedback = self._feedback()
        except Exception as exc:  # never let an exception reach the student
            feedback = Feedback(self.question_id, "unavailable",
                                "This question could not be checked.",
                                (f"Something unexpected happened ({type(exc).__name__}). "
                                 "Please tell your instructor.",))
        self.feedback = feedback
        self.feedback_html.value = feedback._repr_html_()
        return feedback

    def _feedback(self) -> Feedback:
        if self._problem is not None:
            return self._problem
        assert self.question is not None
        choice = self.selected()
        if choice is None:
            return Feedback(self.question.id, "unanswered", "Pick an option first.")
        return checks.check(self.question.id, choice)


def _problem_with(question_id: Any) -> Feedback | None:
    """A friendly message when ``question_id`` cannot be asked as a quiz, else None."""
    if not isinstance(question_id, str):
        return checks.check(question_id, ...)
    try:
        question = questions.get(question_id.strip())
    except KeyError:
        return checks.check(question_id, ...)
    if question.kind not in _CHOICE_KINDS:
        return Feedback(question.id, "unavailable", "This question is answered in code, not by "
                        "choosing an option.",
                        (f'Write your answer in a code cell and check it with '
                         f'pk.check("{question.id}", your_answer).',))
    return None


def ask(question_id: str) -> Quiz:
    """A multiple-choice widget for a question from :mod:`pkedu.questions`.

    Never raises: an unknown id gives a widget that shows a friendly message.

    >>> ask("00-never-deployed").options.options[:2]
    (('Brunei', 'BRN'), ('Cambodia', 'KHM'))
    >>> ask("00-no-such-question").submit().status
    'unavailable'
    """
    try:
        return Quiz(question_id)
    except Exception as exc:  # e.g. a broken question: show a message, not a traceback
        label = question_id if isinstance(question_id, str) else "quiz"
        return Quiz(label, problem=Feedback(label, "unavailable", "This question cannot be "
                                            "shown right now.",
                                            (f"Something unexpected happened "
                                             f"({type(exc).__name__}). Please tell your "
                                             "instructor.",)))
