"""Where the course's files are, the sections, and every budget the benchmark checks.

The budgets, and the reasons for them, are explained in docs/performance.md;
change a budget here and there together. Nothing here measures anything.

>>> notebook_label(ROOT / "notebooks" / "apps" / "explorer.ipynb")
'apps/explorer.ipynb'
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIRS = (ROOT / "notebooks", ROOT / "notebooks" / "apps")
DATA_DIR = ROOT / "data"
PACKAGE_DIR = ROOT / "src" / "pkedu"
SECTIONS = ("notebooks", "interactions", "data", "sizes", "imports")

KB = 1024
MB = 1024 * 1024

# Budgets. Every figure is compared as "value < budget".
NOTEBOOK_RATIO_BUDGET = 1.5          # restart-and-run-all time / floor time
NOTEBOOK_ROUNDS = 5                  # runs of each notebook; the gate is their median
DATA_KEPT_TOTAL_BUDGET = 0.25        # seconds, every table from the disk cache, new process
INTERACTION_MEDIAN_BUDGET = 0.050    # seconds
INTERACTION_P95_BUDGET = 0.100       # seconds
DATA_COLD_TOTAL_BUDGET = 1.0         # seconds, every table in a new process
DATA_WARM_BUDGET = 0.050             # seconds, cached load (each table and all together)
NOTEBOOK_FILE_BUDGET = 300 * KB
DATA_FOLDER_BUDGET = 10 * MB
CHART_SPEC_BUDGET = 200 * KB
IMPORT_PACKAGE_BUDGET = 0.050        # seconds, ``import pkedu`` alone (submodules are lazy)
IMPORT_OWN_CODE_BUDGET = 0.100       # seconds, self time of pkedu's own modules

FLOOR_SOURCE = "import pandas, altair, ipywidgets, pkedu"
IMPORT_MODULES = ("pkedu", "pkedu.data", "pkedu.analysis", "pkedu.charts")
VEGALITE_MIME = re.compile(r"^application/vnd\.vegalite\.v\d+\+json$")

# Chart-builder parameter names and the table each one stands for.
TABLE_PARAMETERS = {
    "contributions": "contributions",
    "mission_contributions": "mission_contributions",
    "missions": "missions",
    "events": "events",
    "rates": "reimbursement_rates",
    "reimbursement_rates": "reimbursement_rates",
    "months": "months",
    "countries": "countries",
}


def find_notebooks() -> list[Path]:
    """Every lesson notebook, then every app notebook, each folder in name order."""
    found = []
    for folder in NOTEBOOK_DIRS:
        found.extend(sorted(folder.glob("*.ipynb")))
    return found


def notebook_label(path: Path) -> str:
    """A notebook's name in the tables: its path below notebooks/."""
    return path.relative_to(ROOT / "notebooks").as_posix()
