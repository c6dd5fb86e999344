"""nbgitpuller links: one click that puts the student edition into a student's hub account.

A student who opens the link logs in to the JupyterHub, gets their server
started, and nbgitpuller clones the edition's git repository into their home
folder (or, on a later click, merges the instructor's new commits into it
without touching the student's changes) and then opens the notebook named in
the link. The link has the form nbgitpuller documents::

    HUB/hub/user-redirect/git-pull?repo=REPO&branch=BRANCH
        &urlpath=APP/FOLDER/NOTEBOOK&targetPath=FOLDER      (on one line, each value URL-encoded)

``FOLDER`` is the folder the repository is cloned into. nbgitpuller's own
default takes the last part of the repository address as it is, so an address
ending in ``.git`` would be cloned into ``NAME.git``; the link therefore always
names the folder (``targetPath``), by default the repository's name as
``git clone`` would choose it, and ``urlpath`` points inside it.

>>> link = nbgitpuller_link("https://hub.example.edu", "https://github.com/me/pk-student.git")
>>> print(link.replace("&", "\\n&"))
https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fme%2Fpk-student.git
&branch=main
&urlpath=lab%2Ftree%2Fpk-student%2Fnotebooks%2F00_start_here.ipynb
&targetPath=pk-student
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlencode, urlsplit, urlunsplit

__all__ = ["APPS", "LinkError", "clone_folder", "nbgitpuller_link"]

#: How each app opens a path, relative to the user's server (nbgitpuller's ``urlpath``).
APPS: dict[str, str] = {
    "lab": "lab/tree/{path}",          # JupyterLab
    "notebook": "tree/{path}",         # Jupyter Notebook 7 (and the classic notebook)
    "voila": "voila/render/{path}",    # an app as a clean page, through Voila's server extension
}
DEFAULT_NOTEBOOK = "notebooks/00_start_here.ipynb"


class LinkError(ValueError):
    """An address or path cannot go into a link; the message says which and why."""


def clone_folder(repo: str) -> str:
    """The folder ``git clone REPO`` would create, as the nbgitpuller link generator computes it.

    >>> clone_folder("https://github.com/me/pk-student.git")
    'pk-student'
    >>> clone_folder("git@github.com:me/pk-student")
    'pk-student'
    >>> clone_folder("file:///srv/editions/student/")
    'student'
    """
    last = repo.rstrip("/").split("/")[-1].split(":")[-1]
    name = re.sub(r"\.(git|bundle)$", "", last)
    if not name or name in (".", ".."):
        raise LinkError(f"cannot tell the repository's name from {repo!r}; give --folder")
    return name


def _hub_base(hub: str) -> str:
    """The hub's address with one trailing slash; a copied ``hub/...`` or ``user/...`` tail goes."""
    parts = urlsplit(hub.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise LinkError(f"{hub!r} is not a hub address (it should look like "
                        "https://hub.example.edu)")
    path = re.sub(r"/(hub|user)(/.*)?$", "", parts.path.rstrip("/"))
    return urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))


def _relative(path: str) -> str:
    clean = posixpath.normpath(path.replace("\\", "/"))
    if not path or clean.startswith(("/", "..")) or clean == ".":
        raise LinkError(f"{path!r} should be a path inside the repository, such as "
                        f"{DEFAULT_NOTEBOOK}")
    return clean


def nbgitpuller_link(hub: str, repo: str, *, branch: str = "main",
                     open_path: str = DEFAULT_NOTEBOOK, app: str = "lab",
                     folder: str | None = None) -> str:
    """The nbgitpuller link that pulls ``repo`` (``branch``) and opens ``open_path`` in ``app``.

    ``hub`` is the hub's address; a tail copied from the browser (``/hub/home``,
    ``/user/NAME/lab``) is dropped. ``folder`` is where the repository is cloned
    in each student's home (default: the repository's name).

    >>> link = nbgitpuller_link("https://uni.example/jupyter/hub/home", "file:///srv/pk student",
    ...                         branch="week 2", open_path="notebooks/apps/explorer.ipynb",
    ...                         app="voila", folder="peacekeeping")
    >>> print(link.replace("&", "\\n&"))
    https://uni.example/jupyter/hub/user-redirect/git-pull?repo=file%3A%2F%2F%2Fsrv%2Fpk+student
    &branch=week+2
    &urlpath=voila%2Frender%2Fpeacekeeping%2Fnotebooks%2Fapps%2Fexplorer.ipynb
    &targetPath=peacekeeping
    >>> nbgitpuller_link("hub.example.edu", "https://github.com/me/x")
    Traceback (most recent call last):
    ...
    pkedu.links.LinkError: 'hub.example.edu' is not a hub address (it should look like \
https://hub.example.edu)
    """
    if app not in APPS:
        raise LinkError(f"app must be one of {', '.join(APPS)}, not {app!r}")
    if not repo.strip():
        raise LinkError("give the address of the edition's git repository")
    if not branch.strip():
        raise LinkError("give a branch name (for example main)")
    target = _relative(folder) if folder is not None else clone_folder(repo)
    urlpath = APPS[app].format(path=posixpath.join(target, _relative(open_path)))
    query = urlencode({"repo": repo.strip(), "branch": branch.strip(), "urlpath": urlpath,
                       "targetPath": target})
    return f"{_hub_base(hub)}hub/user-redirect/git-pull?{query}"
