"""The website: built offline from the self-study edition, every chart and app visible without a
kernel, every solution folded away, launch links on every page.

The site is built once per test session (about a minute: every notebook runs once). The browser
checks of the same site (console errors, requests, search, accessibility, PDF handouts) are in
``tests/browser/test_site_pages.py``.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from pkedu.release import find_notebooks
from pkedu.site import SiteError, build_site
from pkedu.still import VEGALITE, WIDGET

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LESSONS = [p.relative_to(NOTEBOOKS).as_posix() for p in find_notebooks(NOTEBOOKS)]


def page_of(notebook: str) -> str:
    return notebook.removesuffix(".ipynb") + ".html"


def visible_text(page_html: str) -> str:
    """The words a reader sees with every <details> fold closed."""
    main = page_html.split('<main', 1)[-1]
    main = re.sub(r"<details\b.*?</details>", " ", main, flags=re.S)
    main = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", main, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main)))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def solution_lines(notebook: Path) -> list[str]:
    """Lines of the worked solutions that appear nowhere else in the instructor notebook."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    inside, outside = [], []
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            parts = re.split(r"^[ \t]*# (?:BEGIN|END) SOLUTION[ \t]*$", source, flags=re.M)
        else:
            parts = re.split(r"<!-- (?:BEGIN|END) SOLUTION -->", source)
        for i, part in enumerate(parts):
            lines = [_squash(line) for line in part.splitlines()]
            (inside if i % 2 else outside).extend(line for line in lines if line)
    seen = " ".join(outside)
    return [line for line in inside
            if len(line) >= 16 and line not in seen and not line.startswith(("#", "|", "<"))]


def test_every_notebook_has_a_page_and_a_download(built_site: Path) -> None:
    for notebook in LESSONS:
        assert (built_site / page_of(notebook)).is_file(), notebook
        download = built_site / "notebooks" / notebook
        nb = json.loads(download.read_text(encoding="utf-8"))
        assert all(not c.get("outputs") for c in nb["cells"]), f"{notebook}: download has outputs"
    index = (built_site / "index.html").read_text(encoding="utf-8")
    for notebook in LESSONS:
        assert f'href="{page_of(notebook)}"' in index, notebook
    assert (built_site / "searchindex.js").is_file()


@pytest.mark.parametrize("notebook", LESSONS)
def test_no_solution_is_visible_unfolded(built_site: Path, notebook: str) -> None:
    page = (built_site / page_of(notebook)).read_text(encoding="utf-8")
    visible = visible_text(page)
    leaked = [line for line in solution_lines(NOTEBOOKS / notebook) if line in visible]
    assert not leaked, f"{notebook}: solution text outside a fold: {leaked[:3]}"
    assert "SOLUTION" not in page


@pytest.mark.parametrize("notebook", LESSONS)
def test_every_chart_and_app_is_a_still_picture_with_its_description(built_site: Path,
                                                                     notebook: str) -> None:
    stored = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))
    charts = sum(VEGALITE in o.get("data", {}) for c in stored["cells"] for o in c.get("outputs", []))
    widgets = sum(WIDGET in o.get("data", {}) for c in stored["cells"] for o in c.get("outputs", []))
    page = (built_site / page_of(notebook)).read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="pk-still-chart"><div role="img" aria-label="([^"]*)">'
                         r"<svg (.*?)</svg></div><figcaption>([^<]*)</figcaption>", page, flags=re.S)
    # Charts inside solutions are not drawn in the self-study edition, and apps hold charts of
    # their own: so at least the stored charts outside solutions, and a description on each.
    assert figures or charts == 0
    for label, svg, caption in figures:
        assert label.strip() and label == caption, f"{notebook}: a chart without its description"
        assert "<path" in svg or "<rect" in svg or "<text" in svg
    assert page.count('class="pk-still-widget"') >= widgets


def test_launch_links_on_every_page(built_site: Path) -> None:
    for notebook in LESSONS:
        page = (built_site / page_of(notebook)).read_text(encoding="utf-8")
        assert "https://hub.example.edu/hub/user-redirect/git-pull?repo=" in page, notebook
        assert "https://mybinder.org/v2/gh/example/pkedu-student/main?urlpath=" in page, notebook
        up = "../" * notebook.count("/")
        assert f'href="{up}notebooks/{notebook}" download' in page, notebook


def test_pages_name_no_external_script_or_style(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        external = re.findall(r'<(?:script|link)\b[^>]*(?:src|href)="(https?:)?//[^"]+"', text)
        assert not external, f"{path.name} loads something from the internet"


def test_an_unknown_output_folder_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(SiteError, match="not a site written by pkedu"):
        build_site(NOTEBOOKS, out)
    assert (out / "notes.txt").read_text() == "mine"


def test_a_file_added_to_or_changed_in_the_site_is_never_deleted(tmp_path: Path) -> None:
    """Building again replaces the site pkedu wrote, and only that: a file someone added (a CNAME
    for GitHub Pages, a .git folder to publish from) or a page edited by hand stops the build,
    named, and stays as it is."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    src = tmp_path / "notebooks"
    src.mkdir()
    nbformat.write(new_notebook(cells=[new_markdown_cell("# 00 · Tiny\n\nA page."),
                                       new_code_cell("1 + 1")]), src / "00_tiny.ipynb")
    out = tmp_path / "site"
    build_site(src, out)
    build_site(src, out)  # its own site, unchanged: replaced without a question
    (out / "CNAME").write_text("course.example.edu\n")
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    with pytest.raises(SiteError, match=r"(CNAME|HEAD) is not part of the site"):
        build_site(src, out)
    assert (out / "CNAME").read_text() == "course.example.edu\n"
    assert (out / ".git" / "HEAD").exists()
    (out / "CNAME").unlink()
    shutil.rmtree(out / ".git")
    page = out / "00_tiny.html"
    page.write_text(page.read_text().replace("A page.", "A page, corrected by hand."))
    with pytest.raises(SiteError, match="00_tiny.html was changed after the site was built"):
        build_site(src, out)
    assert "corrected by hand" in page.read_text()
    (out / ".pkedu-site").write_text("written by pkedu site\n")  # an older pkedu's marker
    with pytest.raises(SiteError, match="not clear which files are the site's"):
        build_site(src, out)
    assert "corrected by hand" in page.read_text()


def test_running_a_notebook_prints_no_kernel_chatter(tmp_path: Path,
                                                     capfd: pytest.CaptureFixture[str]) -> None:
    """Each kernel the build starts writes start-up warnings to the terminal (ipykernel's
    "Kernel is running over TCP without encryption", once per notebook): the build keeps them
    out of the instructor's terminal, as ``pkedu execute`` does. A cell's own error still fails."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from pkedu.site import _execute

    path = tmp_path / "one.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("print('hello')")]), path)
    out = _execute(path, timeout=120)
    assert "".join(out["cells"][0]["outputs"][0]["text"]) == "hello\n"
    assert capfd.readouterr().err == ""
    nbformat.write(new_notebook(cells=[new_code_cell("1 / 0")]), path)
    with pytest.raises(SiteError, match="one.ipynb: a cell failed while building the site: "
                                        ".*ZeroDivisionError"):
        _execute(path, timeout=120)
