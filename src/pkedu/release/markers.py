"""Finding the solution markers in a cell and cutting the solutions out.

Only real markers count. In a code cell a marker is a comment alone on its
line, not text inside a string; in a Markdown cell it is an HTML comment, not
text inside inline code or a code block (that is how a lesson shows the
markers without using them):

>>> student_markdown("Write `<!-- BEGIN SOLUTION -->` to start an answer.")
'Write `<!-- BEGIN SOLUTION -->` to start an answer.'
>>> print(student_code("doc = '\'\'\\n# BEGIN SOLUTION\\n'\'\'"))
doc = '''
# BEGIN SOLUTION
'''

Anything else that looks like a marker is refused, naming its line:

>>> student_code("# BEGIN SOLUTION (ex 1)\\nx = 1\\n# END SOLUTION", where="demo.ipynb, cell 3")
Traceback (most recent call last):
...
pkedu.release.MarkerError: demo.ipynb, cell 3: line 1 is not a marker the release recognises: \
'# BEGIN SOLUTION (ex 1)'. Write '# BEGIN SOLUTION' or '# END SOLUTION' alone on its line (a note \
can go on the line before).
"""

from __future__ import annotations

import io
import re
import tokenize

from markdown_it import MarkdownIt

from pkedu.release.errors import MarkerError
from pkedu.release.stubs import stub_lines

__all__ = ["MARKDOWN_PROMPT", "split_code", "split_markdown", "student_code", "student_markdown"]

MARKDOWN_PROMPT = "*Write your answer here.*"

_CODE_BEGIN = re.compile(r"^[ \t]*#[ \t]*BEGIN[ \t]+SOLUTION[ \t]*$", re.IGNORECASE)
_CODE_END = re.compile(r"^[ \t]*#[ \t]*END[ \t]+SOLUTION[ \t]*$", re.IGNORECASE)
_MD_MARKER = re.compile(r"<!--[ \t]*(BEGIN|END)[ \t]+SOLUTION[ \t]*-->", re.IGNORECASE)
_ANY_MARKER = re.compile(r"(BEGIN|END)[ \t]+SOLUTION", re.IGNORECASE)
_MARKDOWN = MarkdownIt("commonmark")
_STRING_TOKENS = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}


def _blank(text: str) -> str:
    """``text`` with everything but line breaks turned into spaces (offsets stay valid)."""
    return re.sub(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]", " ", text)


def _mask_python_strings(source: str) -> str:
    """``source`` with the inside of every string literal blanked, when it tokenizes."""
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    chars = list(source)
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type in _STRING_TOKENS:
                begin = starts[token.start[0] - 1] + token.start[1]
                end = starts[token.end[0] - 1] + token.end[1]
                chars[begin:end] = _blank(source[begin:end])
    except (tokenize.TokenError, SyntaxError, IndexError):
        return source  # not plain Python (a cell magic, say): every line is read as written
    return "".join(chars)


def _mask_markdown_code(source: str) -> str:
    """``source`` with code blocks (fenced or indented) and inline code spans blanked.

    Code blocks are found by a CommonMark parser, the one JupyterLab's Markdown follows.
    """
    parts = re.split(r"(\r\n?|\n)", source)  # lines at even indexes, as the parser counts them
    for token in _MARKDOWN.parse(source):
        if token.type in ("fence", "code_block") and token.map:
            for line in range(*token.map):
                parts[2 * line] = _blank(parts[2 * line])
    text = "".join(parts)
    runs = [run for run in re.finditer(r"`+", text) if text[run.start() - 1:run.start()] != "\\"]
    chars, index = list(text), 0
    while index < len(runs):
        opener = runs[index]
        for later in range(index + 1, len(runs)):
            between = text[opener.end():runs[later].start()]
            if re.search(r"\n[ \t>]*\n", between):
                break
            if len(runs[later].group()) == len(opener.group()):
                start, end = opener.start(), runs[later].end()
                chars[start:end] = _blank(text[start:end])
                index = later
                break
        index += 1
    return "".join(chars)


def _refuse_look_alike(where: str, number: int, line: str, markdown: bool) -> MarkerError:
    if markdown:
        advice = ("In a Markdown cell write '<!-- BEGIN SOLUTION -->' and '<!-- END SOLUTION -->'"
                  " exactly; to show a marker as text, put it in `backticks`.")
    elif "<!--" in line:
        advice = ("In a code cell the markers are the comments '# BEGIN SOLUTION' and "
                  "'# END SOLUTION'.")
    else:
        advice = ("Write '# BEGIN SOLUTION' or '# END SOLUTION' alone on its line (a note can go "
                  "on the line before).")
    return MarkerError(f"{where}: line {number} is not a marker the release recognises: "
                       f"{line.strip()!r}. {advice}")


def split_code(source: str, where: str) -> tuple[str, str] | None:
    """(student text, worked solution without marker lines), or None when there is no marker."""
    lines = source.splitlines()
    masked = _mask_python_strings(source).splitlines()
    student: list[str] = []
    worked: list[str] = []
    block: list[str] | None = None
    begin_line, indent, found = 0, "", False
    for number, (line, seen) in enumerate(zip(lines, masked), start=1):
        if _CODE_BEGIN.match(seen):
            if block is not None:
                raise MarkerError(f"{where}: '# BEGIN SOLUTION' on line {number} comes before "
                                  f"the '# END SOLUTION' of the one on line {begin_line}")
            block, begin_line, found = [], number, True
            indent = line[: len(line) - len(line.lstrip())]
        elif _CODE_END.match(seen):
            if block is None:
                raise MarkerError(f"{where}: '# END SOLUTION' on line {number} has no "
                                  "'# BEGIN SOLUTION' before it")
            student += stub_lines(block, indent, where)
            block = None
        elif _ANY_MARKER.search(seen):
            raise _refuse_look_alike(where, number, line, markdown=False)
        elif block is not None:
            block.append(line)
            worked.append(line)
        else:
            student.append(line)
            worked.append(line)
    if block is not None:
        raise MarkerError(f"{where}: '# BEGIN SOLUTION' on line {begin_line} has no "
                          "'# END SOLUTION' after it")
    if not found:
        return None
    return "\n".join(student), "\n".join(worked)


def split_markdown(source: str, where: str) -> list[tuple[str, str]] | None:
    """The cell cut right after each answer: ``(student text, answers)`` pieces, or None.

    A piece ends with the line that holds an END marker, so the worked answer
    can follow it at once; the text after the last answer is a piece with no
    answers. Joined, the pieces' texts are the student version of the cell.

    >>> split_markdown("1. <!-- BEGIN SOLUTION -->One<!-- END SOLUTION -->\\n2. More", "demo")
    [('1. *Write your answer here.*', 'One'), ('\\n2. More', '')]
    """
    masked = _mask_markdown_code(source)
    markers = list(_MD_MARKER.finditer(masked))
    covered = {i for m in markers for i in range(m.start(), m.end())}
    for look_alike in _ANY_MARKER.finditer(masked):
        if look_alike.start() not in covered:
            number = source.count("\n", 0, look_alike.start()) + 1
            raise _refuse_look_alike(where, number, source.split("\n")[number - 1], markdown=True)
    pieces: list[tuple[str, str]] = []
    text: list[str] = []
    answers: list[str] = []
    position, open_at = 0, None
    for match in markers:
        line = source.count("\n", 0, match.start()) + 1
        if match.group(1).upper() == "BEGIN":
            if open_at is not None:
                raise MarkerError(f"{where}: '<!-- BEGIN SOLUTION -->' on line {line} comes "
                                  f"before the '<!-- END SOLUTION -->' of the one on line "
                                  f"{open_at[1]}")
            text.append(source[position:match.start()])
            open_at = (match.end(), line)
            position = match.end()
            continue
        if open_at is None:
            raise MarkerError(f"{where}: '<!-- END SOLUTION -->' on line {line} has no "
                              "'<!-- BEGIN SOLUTION -->' before it")
        answers.append(source[open_at[0]:match.start()].strip("\n"))
        text.append(MARKDOWN_PROMPT)
        open_at, position = None, match.end()
        line_end = source.find("\n", position)
        line_end = len(source) if line_end < 0 else line_end
        if not _MD_MARKER.search(masked, position, line_end):  # no other answer on this line
            text.append(source[position:line_end])
            pieces.append(("".join(text), "\n\n".join(answers)))
            text, answers, position = [], [], line_end
    if open_at is not None:
        raise MarkerError(f"{where}: '<!-- BEGIN SOLUTION -->' on line {open_at[1]} has no "
                          "'<!-- END SOLUTION -->' after it")
    if not pieces:
        return None
    pieces.append((source[position:], ""))
    return pieces


def student_code(source: str, where: str = "cell") -> str:
    """A code cell's text with every solution block replaced by its stub.

    >>> print(student_code("def share(a, b):\\n    # BEGIN SOLUTION\\n    return a / b\\n"
    ...                    "    # END SOLUTION"))
    def share(a, b):
        # Your code here
        return ...
    >>> student_code("# BEGIN SOLUTION\\nx = 1", where="demo.ipynb, cell 3")
    Traceback (most recent call last):
    ...
    pkedu.release.MarkerError: demo.ipynb, cell 3: '# BEGIN SOLUTION' on line 1 has no \
'# END SOLUTION' after it
    """
    split = split_code(source, where)
    return source if split is None else split[0]


def student_markdown(source: str, where: str = "cell") -> str:
    """A Markdown cell's text with every answer replaced by a prompt.

    >>> student_markdown("Why? <!-- BEGIN SOLUTION -->Because.<!-- END SOLUTION -->")
    'Why? *Write your answer here.*'
    >>> student_markdown("<!-- END SOLUTION -->", where="demo.ipynb, cell 2")
    Traceback (most recent call last):
    ...
    pkedu.release.MarkerError: demo.ipynb, cell 2: '<!-- END SOLUTION -->' on line 1 has no \
'<!-- BEGIN SOLUTION -->' before it
    """
    pieces = split_markdown(source, where)
    return source if pieces is None else "".join(text for text, _ in pieces)
