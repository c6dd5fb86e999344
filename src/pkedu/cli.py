"""The ``pkedu`` command: release notebooks and keep their text twins in sync.

    pkedu release SRC_DIR OUT_DIR     write OUT_DIR/student/ and OUT_DIR/self-study/
    pkedu grading SRC_DIR COURSE_DIR  write an nbgrader course directory (docs/grading.md)
    pkedu sync [DIR]                  (re)write the Markdown twins of the notebooks in DIR
    pkedu sync --check [DIR]          only report twins that are missing or out of date

``python -m pkedu.cli ...`` does the same. Problems are reported in one plain
sentence (exit status 1), never as a traceback.

>>> main(["sync", "--check", "no-such-folder"])  # prints "pkedu: no-such-folder is not a folder"
1
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pkedu", description="Tools for the pkedu course.")
    commands = parser.add_subparsers(dest="command", required=True)
    rel = commands.add_parser("release", help="write student and self-study notebooks",
                              description="Write OUT_DIR/student/ and OUT_DIR/self-study/ from "
                              "the instructor notebooks in SRC_DIR (subfolders included).")
    rel.add_argument("src", metavar="SRC_DIR", help="folder of instructor notebooks")
    rel.add_argument("out", metavar="OUT_DIR", help="folder to write the versions into")
    syn = commands.add_parser("sync", help="(re)write the notebooks' Markdown twins",
                              description="Write the MyST Markdown twin (text/NAME.md) of "
                              "every notebook in DIR and DIR/apps from the notebook.")
    syn.add_argument("dir", nargs="?", default="notebooks", metavar="DIR",
                     help="folder of notebooks (default: notebooks)")
    mode = syn.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="change nothing; list twins that are missing or out of date")
    mode.add_argument("--force", action="store_true",
                      help="overwrite twins even when they were edited after their notebook")
    mode.add_argument("--from-text", action="store_true",
                      help="copy edited twins' cells into their notebooks (outputs kept)")
    _add_grading(commands)
    return parser


def _add_grading(commands: argparse._SubParsersAction) -> None:
    gra = commands.add_parser("grading", help="write an nbgrader course directory",
                              description="Write COURSE_DIR/source/<notebook>/ (nbgrader source "
                              "notebooks) and COURSE_DIR/nbgrader_config.py from the instructor "
                              "notebooks in SRC_DIR. See docs/grading.md.")
    gra.add_argument("src", metavar="SRC_DIR", help="folder of instructor notebooks")
    gra.add_argument("out", metavar="COURSE_DIR", help="the nbgrader course directory")
    gra.add_argument("--force", action="store_true",
                     help="replace source notebooks that differ from the new version")


def _grading(args: argparse.Namespace) -> int:
    from pkedu.grading.course import write_course
    from pkedu.release import ReleaseError

    try:
        course = write_course(args.src, args.out, force=args.force)
    except ReleaseError as exc:
        return _fail(f"{exc}\nNothing was written.")
    print(course.summary())
    return 0


def _release(args: argparse.Namespace) -> int:
    from pkedu.release import ReleaseError, release

    try:
        report = release(args.src, args.out)
    except ReleaseError as exc:
        return _fail(f"{exc}\nNothing was written.")
    print(report.summary())
    return 0


def _sync(args: argparse.Namespace) -> int:
    from pkedu import twins

    root = Path(args.dir)
    if not root.is_dir():
        return _fail(f"{root} is not a folder")
    try:
        if args.check:
            stale = twins.out_of_sync(root)
            for twin in stale:
                print(f"{twin.text}: {twin.state()} (notebook {twin.notebook})")
            if stale:
                return _fail(f"{len(stale)} twin(s) need 'pkedu sync {root}'")
            print(f"All {len(twins.notebooks(root))} notebook twin(s) are in sync.")
            return 0
        changes = twins.sync(root, force=args.force, from_text=args.from_text)
    except twins.TwinError as exc:
        return _fail(str(exc))
    for line in changes:
        print(line)
    print(f"{len(twins.notebooks(root))} notebook(s); {len(changes)} change(s).")
    return 0


def _fail(message: str) -> int:
    print(f"pkedu: {message}", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    handlers = {"release": _release, "sync": _sync, "grading": _grading}
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
