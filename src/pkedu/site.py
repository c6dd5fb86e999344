"""Build the course as a static website, offline, from the self-study edition.

``pkedu site OUT`` (or ``python3 course.py site``) does, in order:

1. writes the self-study edition with :func:`pkedu.release.release` (every worked
   solution folded away after its exercise; no instructor-only cell);
2. runs every notebook of it top to bottom, keeping the widgets' first state;
3. turns charts and widgets into still pictures (:mod:`pkedu.still`) so that every
   page reads without a kernel;
4. puts launch links at the top of each page (the class's JupyterHub through
   nbgitpuller, Binder, and a download of the notebook);
5. builds the pages with Sphinx and MyST-NB into ``OUT/`` (search included). Nothing is
   fetched from the internet at build time or when the pages are read.

What lives here: the steps above. What does not: the still pictures (:mod:`pkedu.still`),
the nbgitpuller link (:func:`launch_links` builds it from the hub address), PDF handouts
(:mod:`pkedu.handouts`).

>>> links = launch_links("02_scale.ipynb", hub_url="https://hub.example.edu",
...                      repo_url="https://github.com/example/pkedu-student", branch="main",
...                      binder_repo="example/pkedu-student")
>>> "https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com" in links
True
>>> "https://mybinder.org/v2/gh/example/pkedu-student/main?urlpath=lab%2Ftree%2F02_scale.ipynb" in links
True
>>> launch_links("02_scale.ipynb", download="notebooks/02_scale.ipynb").splitlines()[1]
'<p><strong>Run this notebook:</strong> <a href="notebooks/02_scale.ipynb" download>download the notebook</a></p>'

"""

from __future__ import annotations

import hashlib
import html as _html
import json
import shutil
import subprocess
import tempfile
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pkedu.release import find_notebooks, release

__all__ = ["SiteError", "BuiltSite", "launch_links", "build_site"]

COURSE_TITLE = "Southeast Asia and UN peacekeeping, tested against the data"
_DOWNLOADS = "notebooks"  # folder of the site that holds the notebooks to download
_CSS = """
.pk-still-chart { margin: 1em 0; }
.pk-still-chart svg { max-width: 100%; height: auto; }
.pk-still-chart figcaption { font-size: 0.9em; color: #333; }
.pk-still-widget { border: 1px solid #888; border-radius: 4px; padding: 0.6em 0.9em; margin: 1em 0; }
.pk-still-note { background: #eef4fb; padding: 0.4em 0.6em; }
.pk-still-controls { font-size: 0.95em; }
.pk-launch { border-left: 4px solid #0969da; padding-left: 0.8em; }
@media print {
  details, .pk-launch, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-header,
  .header-article, .prev-next-area, .bd-footer, .bd-footer-content { display: none !important; }
  .bd-main .bd-content .bd-article-container { max-width: 100% !important; }
  pre { white-space: pre-wrap !important; word-break: break-word; }
}
"""


_FAVICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" '
            'r="15" fill="#0072B2"/><text x="16" y="21" font-size="14" text-anchor="middle" '
            'fill="#fff" font-family="sans-serif">pk</text></svg>\n')


class SiteError(RuntimeError):
    """The site could not be built; the message says which notebook or step, and why."""


@dataclass(frozen=True)
class BuiltSite:
    """Where the site went and which pages it has (paths relative to ``out``)."""

    out: Path
    pages: tuple[str, ...]

    def summary(self) -> str:
        return f"Wrote {len(self.pages)} pages to {self.out} (open index.html)."


def _pull_link(hub_url: str, repo_url: str, branch: str, notebook: str) -> str:
    repo_dir = Path(urllib.parse.urlparse(repo_url).path).name.removesuffix(".git") or "course"
    query = urllib.parse.urlencode({"repo": repo_url, "branch": branch,
                                    "urlpath": f"lab/tree/{repo_dir}/{notebook}"})
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def launch_links(notebook: str, hub_url: str | None = None, repo_url: str | None = None,
                 branch: str = "main", binder_repo: str | None = None,
                 download: str | None = None) -> str:
    """The HTML block of launch links that opens every page.

    ``notebook`` is the notebook's path inside the student-edition repository; ``download``
    the address of the notebook file relative to the page. Links to the hub and to Binder
    appear only when their addresses are given.
    """
    links = []
    if hub_url and repo_url:
        links.append(_a(_pull_link(hub_url, repo_url, branch, notebook), "on the class JupyterHub"))
    if binder_repo:
        path = urllib.parse.quote(f"lab/tree/{notebook}", safe="")
        links.append(_a(f"https://mybinder.org/v2/gh/{binder_repo}/{branch}?urlpath={path}",
                        "on Binder"))
    if download:
        links.append(_a(download, "download the notebook", download=True))
    if not links:
        links.append("in JupyterLab, after installing the course (see the home page)")
    return ('<div class="pk-launch">\n<p><strong>Run this notebook:</strong> '
            + " · ".join(links) + "</p>\n<p>Charts and apps on this page are still pictures; "
            "run the notebook to explore them.</p>\n</div>")


def _a(href: str, text: str, download: bool = False) -> str:
    extra = " download" if download else ""
    return f'<a href="{_html.escape(href)}"{extra}>{_html.escape(text)}</a>'


def _execute(path: Path, timeout: int) -> dict[str, Any]:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=True,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute(stderr=subprocess.DEVNULL)  # the kernel's start-up chatter
    except CellExecutionError as exc:
        first = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise SiteError(f"{path.name}: a cell failed while building the site: {first}") from None
    return json.loads(nbformat.writes(nb))


def _conf(title: str) -> str:
    return f'''project = {title!r}
author = "pkedu contributors"
extensions = ["myst_nb"]
nb_execution_mode = "off"
nb_output_stderr = "remove"
myst_enable_extensions = ["colon_fence"]  # no dollarmath: "US$1,428" is money, not maths
html_theme = "sphinx_book_theme"
html_title = {title!r}
html_static_path = ["_static"]
html_css_files = ["pkedu.css"]
html_favicon = "_static/favicon.svg"
html_extra_path = ["_extra"]
html_theme_options = {{"use_download_button": False, "use_fullscreen_button": False,
                      "use_repository_button": False, "show_toc_level": 2}}
html_context = {{"default_mode": "light"}}
html_copy_source = False
html_show_sourcelink = False
exclude_patterns = ["_build", "_extra", "**.ipynb_checkpoints"]
suppress_warnings = ["myst.header", "misc.highlighting_failure"]
'''


def _index(pages: list[str], titles: dict[str, str]) -> str:
    lessons = [p for p in pages if "/" not in p]
    apps = [p for p in pages if p.startswith("apps/")]
    lines = [f"# {COURSE_TITLE}", "",
             "An open course of Jupyter notebooks on Southeast Asia and UN peacekeeping. It takes one "
             "argument, Nicole Jenne's article on peacekeeping as an underutilised area of "
             "sub-regional security (The Asia Dialogue, 9 April 2019), and tests each of its claims "
             "against UN data and dated sources.", "",
             "These pages show the self-study version: each worked solution is folded away after its "
             "exercise. Every page has links to run the notebook yourself.", "",
             "## Lessons", ""]
    lines += [f"- [{titles[p]}]({p.removesuffix('.ipynb')})" for p in lessons]
    if apps:
        lines += ["", "## Apps", ""]
        lines += [f"- [{titles[p]}]({p.removesuffix('.ipynb')})" for p in apps]
    lines += ["", "```{toctree}", ":hidden:", ":maxdepth: 1", ""]
    lines += [p.removesuffix(".ipynb") for p in lessons + apps]
    lines += ["```", ""]
    return "\n".join(lines)


def _title(nb: dict[str, Any], fallback: str) -> str:
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


_MARKER = ".pkedu-site"  # in the site folder: every file the build wrote, with its SHA-256


def _site_files(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (the record aside) by its POSIX path, with its SHA-256."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*"))
            if path.is_file() and path.relative_to(folder).as_posix() != _MARKER}


def _check_out(out: Path) -> None:
    """Refuse unless ``out`` is missing or holds exactly the site built there last, unchanged.

    The build replaces the whole folder, so a file someone added or changed stops it.
    """
    if not out.exists():
        return
    if not out.is_dir():
        raise SiteError(f"{out} is a file, not a folder; choose another folder.")
    marker = out / _MARKER
    if not marker.is_file():
        raise SiteError(f"{out} exists and is not a site written by pkedu; choose another folder.")
    try:
        ours = json.loads(marker.read_text(encoding="utf-8"))["files"]
        if not isinstance(ours, dict):
            raise TypeError
    except (OSError, ValueError, KeyError, TypeError):
        raise SiteError(f"{out} was written by an older pkedu or its {_MARKER} is damaged, so it "
                        "is not clear which files are the site's: check that nothing in it is "
                        "yours, delete it and build again.") from None
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out).as_posix()
        if relative == _MARKER or (path.is_dir() and not path.is_symlink()):
            continue
        if relative not in ours or path.is_symlink():
            raise SiteError(f"{path} is not part of the site pkedu built, and building again "
                            f"replaces all of {out}: move it elsewhere and build again.")
        if hashlib.sha256(path.read_bytes()).hexdigest() != ours[relative]:
            raise SiteError(f"{path} was changed after the site was built, and building again "
                            "would replace it: keep your change elsewhere (put it into the "
                            "notebooks), delete the file and build again.")


def build_site(src: str | Path = "notebooks", out: str | Path = "build/site", *,
               hub_url: str | None = None, repo_url: str | None = None, branch: str = "main",
               binder_repo: str | None = None, timeout: int = 600) -> BuiltSite:
    """Build the website from the instructor notebooks in ``src`` into ``out``.

    ``out`` is replaced only when the build succeeded, and only if it is a site this function
    wrote before (or does not exist): a folder of anything else is never deleted.
    """
    from sphinx.cmd.build import build_main

    from pkedu.still import still_notebook

    src, out = Path(src), Path(out)
    _check_out(out)
    with tempfile.TemporaryDirectory(prefix="pkedu-site-") as tmp:
        work = Path(tmp)
        release(src, work / "editions")
        edition = work / "editions" / "self-study"
        pages_dir = work / "pages"
        (pages_dir / "_static").mkdir(parents=True)
        (pages_dir / "_static" / "pkedu.css").write_text(_CSS, encoding="utf-8")
        (pages_dir / "_static" / "favicon.svg").write_text(_FAVICON, encoding="utf-8")
        pages, titles = [], {}
        for path in find_notebooks(edition):
            rel = path.relative_to(edition).as_posix()
            download = pages_dir / "_extra" / _DOWNLOADS / rel
            download.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, download)
            nb = still_notebook(_execute(path, timeout))
            up = "../" * rel.count("/")
            links = launch_links(f"notebooks/{rel}", hub_url, repo_url, branch, binder_repo,
                                 download=f"{up}{_DOWNLOADS}/{rel}")
            cell = {"cell_type": "markdown", "id": "pk-launch-links", "metadata": {},
                    "source": links}
            cells = nb.get("cells", [])
            at = 1 if cells and cells[0].get("cell_type") == "markdown" else 0
            cells.insert(at, cell)
            target = pages_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding="utf-8")
            pages.append(rel)
            titles[rel] = _title(nb, Path(rel).stem)
        (pages_dir / "index.md").write_text(_index(pages, titles), encoding="utf-8")
        (pages_dir / "conf.py").write_text(_conf(COURSE_TITLE), encoding="utf-8")
        html = work / "html"
        code = build_main(["-b", "html", "-q", "-W", "--keep-going", "-E",
                           str(pages_dir), str(html)])
        if code != 0:
            raise SiteError(f"Sphinx could not build the site (exit status {code}); see the "
                            "warnings above.")
        record = {"about": "the files pkedu site wrote; it replaces this folder only while "
                           "they are all that is in it, unchanged", "files": _site_files(html)}
        (html / _MARKER).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n",
                                    encoding="utf-8")
        _check_out(out)  # again: something may have been added while the site was building
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(html), out)
    return BuiltSite(out=out, pages=tuple(["index.html"] + [
        p.removesuffix(".ipynb") + ".html" for p in pages]))


def add_command(commands: Any) -> None:
    """Add ``site`` to the ``pkedu`` command's subcommands (an argparse subparsers object)."""
    cmd = commands.add_parser("site", help="build the course website (offline)",
                              description="Build the self-study edition as a static website in "
                              "OUT_DIR: every notebook run, charts and apps as still pictures, "
                              "launch links, search. Nothing is downloaded.")
    cmd.add_argument("src", nargs="?", default="notebooks", metavar="SRC_DIR",
                     help="folder of instructor notebooks (default: notebooks)")
    cmd.add_argument("out", nargs="?", default="build/site", metavar="OUT_DIR",
                     help="folder to write the site into (default: build/site)")
    cmd.add_argument("--hub-url", help="the class JupyterHub's address, for nbgitpuller links")
    cmd.add_argument("--repo-url", help="the student edition's git repository, for those links")
    cmd.add_argument("--branch", default="main", help="its branch (default: main)")
    cmd.add_argument("--binder-repo", metavar="OWNER/NAME",
                     help="a public GitHub repository of the student edition, for Binder links")


def command(args: Any) -> int:
    """``pkedu site``: build the site; the exit status.

    >>> import argparse
    >>> command(argparse.Namespace(src="no-such-folder", out="build/site", hub_url=None,
    ...                            repo_url=None, branch="main", binder_repo=None))  # prints why
    1
    """
    import sys

    from pkedu.release import ReleaseError

    if not Path(args.src).is_dir():
        print(f"pkedu: {args.src} is not a folder of notebooks", file=sys.stderr)
        return 1
    try:
        built = build_site(args.src, args.out, hub_url=args.hub_url, repo_url=args.repo_url,
                           branch=args.branch, binder_repo=args.binder_repo)
    except (SiteError, ReleaseError) as exc:
        print(f"pkedu: {exc}", file=sys.stderr)
        return 1
    print(built.summary())
    return 0
