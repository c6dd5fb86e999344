"""The ``pkedu`` command: release notebooks and keep their text twins in sync.

    pkedu release SRC_DIR OUT_DIR     write OUT_DIR/student/ and OUT_DIR/self-study/
    pkedu sync [DIR]                  bring each notebook's Markdown twin up to date
    pkedu sync --from-text [DIR]      also copy twins edited as text into their notebooks
    pkedu sync --check [DIR]          change nothing; list the pairs that need a sync
    pkedu execute [NOTEBOOK...]       re-run notebooks and save them (default: notebooks/)
    pkedu site [SRC_DIR] [OUT_DIR]    build the course website (default: build/site)
    pkedu handouts [SITE] [OUT_DIR]   print the website's lessons to PDF (default: build/handouts)
    pkedu edition [--out DIR]         write the student and self-study editions (course folders)
    pkedu link --hub URL --repo URL   print the nbgitpuller link that opens the student edition
    pkedu grading SRC_DIR COURSE_DIR  write an nbgrader course directory (docs/grading.md)

DIR is a folder of notebooks (default: notebooks) or a single notebook.

``python -m pkedu.cli ...`` does the same. Problems are reported in one plain
sentence (exit status 1), never as a traceback.

>>> main(["sync", "--check", "no-such-folder"])  # "pkedu: no-such-folder is not a folder ..."
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
                              "the instructor notebooks in SRC_DIR (subfolders included). All or "
                              "nothing; files in OUT_DIR that the release did not write are never "
                              "replaced.")
    rel.add_argument("src", metavar="SRC_DIR", help="folder of instructor notebooks")
    rel.add_argument("out", metavar="OUT_DIR", help="folder to write the versions into")
    syn = commands.add_parser("sync", help="keep the notebooks and their Markdown twins in step",
                              description="Bring the older side of every notebook/twin pair in "
                              "DIR and DIR/apps up to date. A side edited since the last sync is "
                              "never overwritten without --force.")
    syn.add_argument("dir", nargs="?", default="notebooks", metavar="DIR",
                     help="folder of notebooks (default: notebooks), or one notebook")
    syn.add_argument("--check", action="store_true",
                     help="change nothing; list the pairs that need a sync, each with its command")
    syn.add_argument("--from-text", action="store_true",
                     help="copy edited twins' cells into their notebooks (outputs kept)")
    syn.add_argument("--force", action="store_true",
                     help="overwrite a twin edited since the last sync (with --from-text: a "
                     "notebook); the old file is kept as NAME.bak")
    _add_execute(commands)
    from pkedu import handouts, site

    site.add_command(commands)
    handouts.add_command(commands)
    _add_classroom_commands(commands)
    _add_grading(commands)
    return parser


def _add_classroom_commands(commands: argparse._SubParsersAction) -> None:
    from pkedu.links import APPS, DEFAULT_NOTEBOOK

    edi = commands.add_parser("edition", help="write the student and self-study editions",
                              description="Write OUT/student/ and OUT/self-study/: complete "
                              "course folders (released notebooks, README, course.py, "
                              "environment files and the pkedu wheel) to publish for a class.")
    edi.add_argument("--root", default=".", help="the course's project folder (default: .)")
    edi.add_argument("--out", default="build/editions",
                     help="folder to write the editions into (default: build/editions)")
    edi.add_argument("--wheel", help="use this pkedu wheel instead of building one")
    lnk = commands.add_parser("link", help="print an nbgitpuller link to the student edition",
                              description="Print the link that pulls the student edition's "
                              "git repository into a student's JupyterHub account and opens "
                              "a notebook.")
    lnk.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.uni.edu")
    lnk.add_argument("--repo", required=True, help="the student edition's git repository")
    lnk.add_argument("--branch", default="main", help="branch to pull (default: main)")
    lnk.add_argument("--open", default=DEFAULT_NOTEBOOK, dest="open_path",
                     help=f"file to open, inside the repository (default: {DEFAULT_NOTEBOOK})")
    lnk.add_argument("--app", default="lab", choices=list(APPS),
                     help="what opens it (default: lab)")
    lnk.add_argument("--folder", help="folder to clone into (default: the repository's name)")


def _edition(args: argparse.Namespace) -> int:
    from pkedu.edition import EditionError, write_editions

    try:
        report = write_editions(args.root, args.out, wheel=args.wheel)
    except EditionError as exc:
        return _fail(f"{exc}\nNothing was changed.")
    print(report.summary())
    return 0


def _link(args: argparse.Namespace) -> int:
    from pkedu.links import LinkError, nbgitpuller_link

    try:
        print(nbgitpuller_link(args.hub, args.repo, branch=args.branch,
                               open_path=args.open_path, app=args.app, folder=args.folder))
    except LinkError as exc:
        return _fail(str(exc))
    return 0


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
    for warning in report.warnings:
        print(f"pkedu: warning: {warning}", file=sys.stderr)
    print(report.summary())
    return 0


def _sync(args: argparse.Namespace) -> int:
    from pkedu import twins

    root = Path(args.dir)
    if not (root.is_dir() or (root.suffix == ".ipynb" and root.exists())):
        return _fail(f"{root} is not a folder or a notebook")
    if args.check and (args.force or args.from_text):
        return _fail("--check changes nothing: use it without --force and --from-text")
    try:
        if args.check:
            pairs = [(twin, twin.status()) for twin in map(twins.twin_of, twins.notebooks(root))]
            stale = [(twin, status) for twin, status in pairs if status.kind != "in sync"]
            for twin, status in stale:
                print(twins.explain(twin, status))
            if stale:
                return _fail(f"{len(stale)} notebook/twin pair(s) need attention (above)")
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


def _add_execute(commands: argparse._SubParsersAction) -> None:
    from pkedu.execute import add_command

    add_command(commands)


def _execute(args: argparse.Namespace) -> int:
    from pkedu.execute import command

    return command(args.paths)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    handlers = {"release": _release, "sync": _sync, "execute": _execute, "edition": _edition,
                "link": _link, "grading": _grading}
    if args.command in ("site", "handouts"):
        from pkedu import handouts, site

        return {"site": site.command, "handouts": handouts.command}[args.command](args)
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
