"""What ``pkedu sync`` remembers between runs, and how it writes files safely.

After every sync, the text both sides of a pair shared is recorded as a
fingerprint in ``synced.json`` beside the twins (``notebooks/text/synced.json``,
``notebooks/apps/text/synced.json``). Comparing each side with it tells which
side changed since the last sync, which file times cannot do after a ``git
clone``. The file is small, sorted and meant to be committed with the twins.

Files are replaced atomically (written beside, then renamed), and a file that
``--force`` replaces is first copied to ``NAME.bak`` (``NAME.2.bak``, ...).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

__all__ = ["RECORD_FILE", "fingerprint", "load", "save", "write_atomic", "backup"]

RECORD_FILE = "synced.json"

_VERSION_LINE = re.compile(r"(?m)^(\s*jupytext_version:).*$")


def fingerprint(text: str) -> str:
    """A short hash of a twin's text; the jupytext version in its header is ignored.

    >>> fingerprint("a\\n") == fingerprint("a\\n"), fingerprint("a\\n") == fingerprint("b\\n")
    (True, False)
    >>> header = "    jupytext_version: {}\\n"
    >>> fingerprint(header.format("1.19.6")) == fingerprint(header.format("1.20"))
    True
    """
    return hashlib.sha256(_VERSION_LINE.sub(r"\1", text, count=1).encode("utf-8")).hexdigest()[:16]


def load(folder: Path) -> dict[str, str]:
    """The fingerprints recorded in ``folder`` (twin file name -> fingerprint).

    A missing or damaged record counts as empty: every pair that differs is then
    treated as changed on both sides, so nothing is overwritten on a guess.

    >>> load(Path("no-such-folder"))
    {}
    """
    try:
        data = json.loads((folder / RECORD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str)}


def save(folder: Path, record: dict[str, str]) -> None:
    """Write the record (sorted, one pair a line) if it changed."""
    text = json.dumps(dict(sorted(record.items())), indent=1) + "\n"
    path = folder / RECORD_FILE
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        write_atomic(path, text)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step: a crash leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def backup(path: Path) -> Path:
    """Copy ``path`` to a new ``NAME.bak`` (or ``NAME.2.bak``, ...) beside it; return the copy.

    ``.bak`` files are never read as notebooks or twins, nor released.
    """
    copy = path.with_name(f"{path.name}.bak")
    number = 1
    while copy.exists():
        number += 1
        copy = path.with_name(f"{path.name}.{number}.bak")
    shutil.copy2(path, copy)
    return copy
