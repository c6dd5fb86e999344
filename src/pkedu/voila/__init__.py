"""The course's Voila template, which keeps app pages offline.

Voila 0.5's ``lab`` template links two Font Awesome style sheets from a CDN, so
every app page would ask the internet for them. The ``pkedu`` template shipped
here (``voila/templates/pkedu/``) is that same template without those two links:
Voila's own scripts bundle Font Awesome, so the page looks the same and asks
nothing of any host but the Voila server.

Voila finds a template named ``NAME`` in ``voila/templates/NAME`` under every
folder on ``JUPYTER_PATH``. To serve an app with it::

    JUPYTER_PATH=<template_root()> voila notebooks/apps/explorer.ipynb --template=pkedu

(``python3 course.py app explorer`` does this for you.)

>>> (template_root() / "voila" / "templates" / TEMPLATE / "conf.json").is_file()
True
>>> voila_env({"JUPYTER_PATH": "/elsewhere"})["JUPYTER_PATH"].endswith("/elsewhere")
True
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

#: The template's name, as given to Voila: ``--template=pkedu``.
TEMPLATE = "pkedu"


def template_root() -> Path:
    """The folder to put on ``JUPYTER_PATH`` so that Voila finds the template.

    >>> template_root().name
    'pkedu'
    """
    return Path(__file__).resolve().parent.parent


def voila_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """A copy of ``env`` (default: this process's environment) with the template's
    folder first on ``JUPYTER_PATH``; other folders already there are kept.

    >>> voila_env({})["JUPYTER_PATH"] == str(template_root())
    True
    """
    result = dict(os.environ if env is None else env)
    folders = [str(template_root()), result.get("JUPYTER_PATH", "")]
    result["JUPYTER_PATH"] = os.pathsep.join(f for f in folders if f)
    return result
