"""PDF handouts of the course, one per notebook, printed from the website by Chromium.

``pkedu handouts SITE OUT`` opens every lesson page of a site built by :mod:`pkedu.site`
in headless Chromium and prints it to ``OUT/<notebook>.pdf``. The site's print style leaves
out the folded worked solutions, the launch links and the navigation, so a handout has the
lesson, its charts and its exercises, and no solution. Nothing is fetched from the internet:
a page that asks for anything outside the site is reported.

Chromium is found as ``$PKEDU_CHROMIUM``, then ``chromium``, ``chromium-browser``,
``google-chrome`` on the PATH (:func:`find_chromium`).

>>> find_chromium({"PKEDU_CHROMIUM": "/no/such/browser"}) is None
True
>>> handout_name("apps/explorer.html")
'apps-explorer.pdf'
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM_ARGS", "HandoutError", "Handouts", "find_chromium", "handout_name",
           "print_handouts"]

#: Flags for a headless Chromium that never talks to the network on its own.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class HandoutError(RuntimeError):
    """Handouts could not be printed; the message says why and what to do."""


@dataclass(frozen=True)
class Handouts:
    """The PDF files written, relative to their folder."""

    out: Path
    files: tuple[str, ...]

    def summary(self) -> str:
        return f"Wrote {len(self.files)} PDF handouts to {self.out}."


def find_chromium(environ: Mapping[str, str] | None = None) -> str | None:
    """The path of a Chromium or Chrome binary, or None when there is none."""
    env = os.environ if environ is None else environ
    configured = env.get("PKEDU_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def handout_name(page: str) -> str:
    """The PDF file name for a page of the site."""
    return page.removesuffix(".html").replace("/", "-") + ".pdf"


def print_handouts(site: str | Path, out: str | Path, pages: list[str] | None = None,
                   browser: Any = None) -> Handouts:
    """Print every lesson page of ``site`` (or the given ``pages``) to PDF files in ``out``.

    ``browser`` is a Playwright Chromium browser to use; without it one is started and closed.
    """

    site, out = Path(site).resolve(), Path(out)
    if not (site / "index.html").is_file():
        raise HandoutError(f"{site} has no index.html: build the site first (pkedu site).")
    chromium = find_chromium()
    if browser is None and chromium is None:
        raise HandoutError("Printing handouts needs Chromium: install it (on Debian or Ubuntu: "
                           "sudo apt-get install chromium) or set PKEDU_CHROMIUM.")
    if pages is None:
        pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                       if p.name[:2].isdigit() or p.parent.name == "apps")
    out.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    outside: list[str] = []
    if browser is not None:
        _print(browser, site, out, pages, written, outside)
    else:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            started = pw.chromium.launch(executable_path=chromium, headless=True,
                                         args=CHROMIUM_ARGS)
            try:
                _print(started, site, out, pages, written, outside)
            finally:
                started.close()
    if outside:
        raise HandoutError(f"A page asked for something outside the site: {outside[0]}")
    return Handouts(out=out, files=tuple(written))


def _print(browser: Any, site: Path, out: Path, pages: list[str], written: list[str],
           outside: list[str]) -> None:
    page = browser.new_page()
    try:
        page.on("request", lambda r: outside.append(r.url)
                if not r.url.startswith(("file://", "data:", "about:")) else None)
        for rel in pages:
            page.goto((site / rel).as_uri(), wait_until="load")
            page.emulate_media(media="print")
            name = handout_name(rel)
            page.pdf(path=str(out / name), format="A4", print_background=True,
                     margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
            written.append(name)
    finally:
        page.close()


def add_command(commands: Any) -> None:
    """Add ``handouts`` to the ``pkedu`` command's subcommands (an argparse subparsers object)."""
    cmd = commands.add_parser("handouts", help="print each lesson of the website to PDF",
                              description="Print every lesson page of a site built with "
                              "'pkedu site' to one PDF per notebook, without solutions.")
    cmd.add_argument("site", nargs="?", default="build/site", metavar="SITE_DIR",
                     help="the built website (default: build/site)")
    cmd.add_argument("out", nargs="?", default="build/handouts", metavar="OUT_DIR",
                     help="folder for the PDF files (default: build/handouts)")


def command(args: Any) -> int:
    """``pkedu handouts``: print the PDFs; the exit status.

    >>> import argparse
    >>> command(argparse.Namespace(site="no-such-site", out="build/handouts"))  # prints why
    1
    """
    import sys

    try:
        made = print_handouts(args.site, args.out)
    except HandoutError as exc:
        print(f"pkedu: {exc}", file=sys.stderr)
        return 1
    print(made.summary())
    return 0
