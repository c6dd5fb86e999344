"""The manifest of the generated data files: a checksum and a row count per file.

``python -m pkedu.build_data`` writes ``manifest.json`` next to the tables it builds, and
:mod:`pkedu.data` compares every generated file with it when loading, so that a damaged
file (cut short, edited by accident, badly copied) is reported as damaged instead of being
loaded. The two tables compiled by hand (``events.csv``, ``reimbursement_rates.csv``) are
left out on purpose: instructors may edit them, and their schema checks guard them instead.

The checksum is SHA-256 of the file as stored, with Windows line endings (CRLF) read as
plain LF in the uncompressed CSV files: Git on Windows may convert them on checkout, and
that is not damage.

>>> digest("months.csv", b"a,b\\r\\n1,2\\r\\n") == digest("months.csv", b"a,b\\n1,2\\n")
True
>>> digest("x.csv.gz", b"\\r\\n") == digest("x.csv.gz", b"\\n")
False
>>> Entry("0" * 64, 3).rows
3
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pkedu.validate import DataError

#: The manifest's file name, in the data folder.
MANIFEST = "manifest.json"

_ABOUT = ("Checksum (SHA-256; CRLF read as LF in .csv files) and number of rows of each "
          "table that python -m pkedu.build_data generates. pkedu.data checks every file "
          "against it on load. Written by build_data: do not edit by hand.")



def restore(file: str) -> str:
    """How to restore a damaged data file, for every message that reports damage.

    >>> "'git checkout -- data/months.csv'" in restore("months.csv")
    True
    """
    return (f"restore the course's copy with 'git checkout -- data/{file}' in the course "
            "folder (or download the course again)")


@dataclass(frozen=True)
class Entry:
    """What one generated file must be."""

    sha256: str
    rows: int


def digest(file: str, stored: bytes) -> str:
    """The checksum of a data file's bytes as stored (see the module's note on CRLF)."""
    if not file.endswith(".gz"):
        stored = stored.replace(b"\r\n", b"\n")
    return hashlib.sha256(stored).hexdigest()


def render(entries: dict[str, Entry]) -> str:
    """The manifest's text: stable JSON, files in the order given.

    >>> print(render({"a.csv": Entry("ab", 2)}).splitlines()[3])
        "a.csv": {"sha256": "ab", "rows": 2}
    """
    files = ",\n".join(f'    {json.dumps(name)}: {{"sha256": {json.dumps(e.sha256)}, '
                       f'"rows": {int(e.rows)}}}' for name, e in entries.items())
    return f'{{\n  "about": {json.dumps(_ABOUT)},\n  "files": {{\n{files}\n  }}\n}}\n'


def write(directory: Path, rows: dict[str, int]) -> Path:
    """Record the files named in ``rows`` (file name -> number of rows) in ``directory``."""
    entries = {name: Entry(digest(name, (directory / name).read_bytes()), n)
               for name, n in rows.items()}
    path = directory / MANIFEST
    path.write_bytes(render(entries).encode("utf-8"))
    return path


def read(directory: Path) -> dict[str, Entry]:
    """The entries of ``directory``'s manifest; DataError if it is missing or damaged."""
    path = directory / MANIFEST
    try:
        raw = json.loads(path.read_bytes())
        return {name: Entry(str(e["sha256"]), int(e["rows"]))
                for name, e in raw["files"].items()}
    except FileNotFoundError:
        raise DataError(MANIFEST, f"file not found in {directory}: the data folder is "
                        f"incomplete; {restore(MANIFEST)}.") from None
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise DataError(MANIFEST, f"the file is damaged ({type(exc).__name__}); "
                        f"{restore(MANIFEST)}.") from None
