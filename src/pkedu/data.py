"""Load the course's curated data tables, checked.

Every loader reads one file in ``data/``, checks it against the table's schema
and returns a tidy :class:`pandas.DataFrame`. Loaded tables are cached, so
calling a loader again is instant. The cached values are read-only: a table
you change (``t.loc[...] = ...``, ``t["x"] = ...``) becomes your own copy, and
a write straight into a column's values (``t["iso3"].array[0] = "XXX"``) raises
``ValueError: assignment destination is read-only`` instead of changing the
table for every later load. Anything wrong with a file (missing,
damaged, a negative number, an unknown country code, a duplicated row) raises
:class:`DataError`, whose message names the file, the line and the problem.
The checks are in :mod:`pkedu.validate` and :mod:`pkedu.rules`; each file that
``build_data`` generates must also match its checksum and row count in
``manifest.json`` (:mod:`pkedu.manifest`), so damage never loads quietly.

>>> contributions = load_contributions()
>>> list(contributions.columns)
['month', 'iso3', 'group', 'type', 'male', 'female', 'total']
>>> ASEAN10[:3]
('BRN', 'KHM', 'IDN')
>>> country_name("VNM")
'Vietnam'
"""

from __future__ import annotations

import functools
import gzip
import os
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

from pkedu import manifest, readonly, tablecache, validate
from pkedu.rules import (consecutive_months, dates, flags_exactly, given_when, in_order, in_range,
                         increasing, links, maps_to, noted_when, sums_to)
from pkedu.validate import DataError, TableSpec

__all__ = ["ASEAN10", "GROUPS", "TYPES", "EVENT_CATEGORIES", "TABLES", "DataError", "TableSpec",
           "data_dir", "load_table", "clear_cache", "load_contributions", "load_months",
           "load_mission_contributions", "load_missions", "load_countries", "load_events",
           "load_reimbursement_rates", "country_name"]

#: The ten ASEAN member states of 1999-2025, in alphabetical order of their
#: English names (Timor-Leste joined as the eleventh member in October 2025 and
#: is not in this list).
ASEAN10: tuple[str, ...] = ("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM")

#: Personnel groups, as the UN reports them.
GROUPS: tuple[str, ...] = ("troops", "police", "experts")

#: The categories of ``events.csv``.
EVENT_CATEGORIES: tuple[str, ...] = (
    "first_deployment", "deployment", "force_proposal", "training_centre", "regional_dialogue",
    "pledge", "maritime_patrol", "regional_crisis", "security_council", "binational_contingent")


def data_dir() -> Path:
    """The folder holding the curated tables.

    In order: the folder named by the environment variable ``PKEDU_DATA_DIR``;
    the tables installed inside the package (``pkedu/_data/``, where a wheel
    puts the project's ``data/`` folder); or, in a source checkout or an
    editable install, the ``data/`` folder at the top of the project.

    >>> (data_dir() / "countries.csv").is_file()
    True
    """
    from importlib import resources

    override = os.environ.get("PKEDU_DATA_DIR")
    if override:
        return Path(override)
    installed = resources.files("pkedu") / "_data"
    if isinstance(installed, Path) and installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "data"


#: The personnel types the UN reports, each with its group: Troops, Police and Experts until
#: 2014-03; then Troops, Staff Officer (from 2017-05), Individual Police, Formed Police Units
#: and Experts on Mission.
TYPES: dict[str, str] = {
    "Troops": "troops", "Police": "police", "Experts": "experts", "Staff Officer": "troops",
    "Individual Police": "police", "Formed Police Units": "police",
    "Experts on Mission": "experts",
}

# Rows of the mission table whose male + female differ from the total in the source (IPI's
# gender file of 2009-2011, kept as published): month, iso3, mission, group.
_MISSION_SPLIT_AS_PUBLISHED = frozenset(
    (month, iso3, mission, "troops") for month, iso3, mission in [
        ("2009-11", "EGY", "UNMIS"), ("2009-12", "EGY", "UNMIS"), ("2010-01", "EGY", "UNMIS"),
        ("2010-02", "EGY", "UNMIS"), ("2010-02", "ETH", "UNMIL"), ("2010-03", "EGY", "UNMIS"),
        ("2010-04", "EGY", "UNMIS"), ("2010-05", "EGY", "UNMIS"), ("2010-08", "EGY", "UNMIS"),
        ("2010-10", "EGY", "UNMIS"), ("2011-01", "EGY", "UNMIS"), ("2011-02", "EGY", "UNMIS"),
        ("2011-03", "EGY", "UNMIS"), ("2011-04", "EGY", "UNMIS"), ("2011-05", "EGY", "UNMIS"),
        ("2011-08", "EGY", "UNMISS"), ("2011-09", "EGY", "UNMISS"),
    ])

_ISO3 = (r"[A-Z]{3}", "a code of three capital letters like IDN")
_MISSION = (r"[A-Z]+( [IV]+)?", "a mission's acronym like UNMISS")

TABLES: dict[str, TableSpec] = {
    "contributions": TableSpec(
        file="contributions.csv.gz",
        columns={"month": "month", "iso3": "code", "group": "code", "type": "code",
                 "male": "nullable_int", "female": "nullable_int", "total": "int"},
        key=("month", "iso3", "type"),
        required=("month", "iso3", "group", "type", "total"),
        non_negative=("male", "female", "total"),
        allowed={"group": GROUPS},
        references={"iso3": ("countries", None, "country code")},
        rules=(maps_to("type", "group", TYPES), sums_to(("male", "female"), "total")),
    ),
    "months": TableSpec(
        file="months.csv",
        columns={"month": "month", "reported": "bool", "source": "str", "mission_detail": "bool",
                 "world_total": "nullable_int", "n_countries": "nullable_int",
                 "world_total_ipi": "nullable_int"},
        key=("month",),
        required=("month", "reported", "mission_detail"),
        non_negative=("world_total", "n_countries", "world_total_ipi"),
        allowed={"source": ("ipi_country_files", "ipi_gender_file", "un_dpo_pdf")},
        rules=(consecutive_months("month"),
               given_when("reported", ("source", "world_total", "n_countries"))),
    ),
    "mission_contributions": TableSpec(
        file="mission_contributions.csv.gz",
        columns={"month": "month", "iso3": "code", "mission": "code", "group": "code",
                 "male": "nullable_int", "female": "nullable_int", "total": "int"},
        key=("month", "iso3", "mission", "group"),
        required=("month", "iso3", "mission", "group", "total"),
        non_negative=("male", "female", "total"),
        allowed={"group": GROUPS},
        references={"iso3": ("countries", None, "country code"),
                    "mission": ("missions", None, "mission")},
        rules=(sums_to(("male", "female"), "total", _MISSION_SPLIT_AS_PUBLISHED),),
    ),
    "missions": TableSpec(
        file="missions.csv",
        columns={"mission": "str", "host_country": "str", "host_iso3": "str", "hq": "str",
                 "hq_lat": "float", "hq_lon": "float", "continent": "str", "region": "str",
                 "first_month": "month", "last_month": "month", "active_2025_07": "bool"},
        key=("mission",),
        required=("mission", "first_month", "last_month", "active_2025_07"),
        patterns={"mission": _MISSION, "host_iso3": _ISO3},
        rules=(in_range("hq_lat", -90, 90), in_range("hq_lon", -180, 180),
               in_order("first_month", "last_month")),
    ),
    "countries": TableSpec(
        file="countries.csv",
        columns={"iso3": "str", "iso2": "str", "name": "str", "continent": "str",
                 "subregion": "str", "asean10": "bool"},
        key=("iso3",),
        required=("iso3", "name", "asean10"),
        patterns={"iso3": _ISO3, "iso2": (r"[A-Z]{2}", "a code of two capital letters")},
        rules=(flags_exactly("asean10", "iso3", ASEAN10),),
    ),
    "events": TableSpec(
        file="events.csv",
        columns={"id": "str", "date": "str", "date_precision": "str", "iso3": "str",
                 "category": "str", "title": "str", "detail": "str", "article_claim": "str",
                 "source_urls": "str", "disputed": "bool", "dispute_note": "str"},
        key=("id",),
        required=("id", "date", "date_precision", "category", "title", "source_urls", "disputed"),
        allowed={"date_precision": ("day", "month", "year"), "category": EVENT_CATEGORIES},
        patterns={"id": (r"[a-z0-9]+(-[a-z0-9]+)*", "lower-case words joined by hyphens")},
        references={"iso3": ("countries", ";", "country code")},
        rules=(dates("date", "date_precision"), links("source_urls", " ; "),
               noted_when("disputed", "dispute_note")),
        by_hand=True,
    ),
    "reimbursement_rates": TableSpec(
        file="reimbursement_rates.csv",
        columns={"effective_from": "str", "rate_usd": "float", "approximate": "bool",
                 "source_urls": "str", "note": "str"},
        key=("effective_from",),
        required=("effective_from", "rate_usd", "approximate", "source_urls"),
        non_negative=("rate_usd",),
        rules=(dates("effective_from", "day"), increasing("effective_from"),
               links("source_urls", " ; ")),
        by_hand=True,
    ),
}


def _advice(spec: TableSpec, line: int | None = None) -> str:
    """What to do about a problem in ``spec``'s file, as a sentence."""
    if spec.by_hand:
        where = "that line" if line is not None else "the file"
        return (f"Correct {where} (docs/data-maintenance.md gives the table's rules), or "
                f"{manifest.restore(spec.file)}.")
    return f"The data are damaged: {manifest.restore(spec.file)}."


def _stored(spec: TableSpec, directory: Path) -> bytes:
    """The file's bytes as stored."""
    path = directory / spec.file
    if not path.exists():
        raise DataError(spec.file, f"file not found in {directory}; {manifest.restore(spec.file)}"
                        ", or rebuild data/ (see docs/data-maintenance.md).")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataError(spec.file, f"the file cannot be read ({type(exc).__name__}: {exc}); "
                        f"{manifest.restore(spec.file)}.") from None


def _text(spec: TableSpec, stored: bytes) -> bytes:
    """The file's CSV text: ``stored`` decompressed if the file is compressed."""
    try:
        return gzip.decompress(stored) if spec.file.endswith(".gz") else stored
    except (OSError, EOFError, zlib.error) as exc:
        raise DataError(spec.file, f"the file is damaged ({type(exc).__name__}: {exc}); "
                        f"{manifest.restore(spec.file)}.") from None


#: The loaded tables, by name and folder, and the arrays each one's values are held in.
_CACHE: dict[tuple[str, str], tuple[pd.DataFrame, list[np.ndarray]]] = {}


def _load(name: str, directory: str) -> pd.DataFrame:
    """The checked table ``name`` from ``directory``, read once and then cached read-only."""
    key = (name, directory)
    if key not in _CACHE:
        _CACHE[key] = readonly.freeze(_read(name, directory))
    return _CACHE[key][0]


#: The types of a checked table's columns, by the kind of column in its spec.
_FINAL_TYPES = {"month": "datetime64[s]", "code": "string", "int": "int64", "nullable_int": "Int64"}


def _kept(spec: TableSpec, kept: str, rows: int) -> pd.DataFrame | None:
    """The table kept by :mod:`pkedu.tablecache` under ``kept``, if it has the spec's shape."""
    if not all(kind in _FINAL_TYPES for kind in spec.columns.values()):
        return None
    df = tablecache.read(kept, {col: _FINAL_TYPES[kind] for col, kind in spec.columns.items()})
    if df is None or len(df) != rows or df[list(spec.required)].isna().any().any() or \
            any((df[col] < 0).any() for col in spec.non_negative):
        return None
    return df


def _read(name: str, directory: str) -> pd.DataFrame:
    spec = TABLES[name]
    folder = Path(directory)
    recorded = None
    if not spec.by_hand:
        recorded = manifest.read(folder).get(spec.file)
        if recorded is None:
            raise DataError(manifest.MANIFEST, f"no entry for {spec.file}; "
                            f"{manifest.restore(manifest.MANIFEST)}.")
    stored = _stored(spec, folder)
    referenced = [table for table, _, _ in spec.references.values()]
    kept = df = None
    if spec.file.endswith(".gz") and recorded is not None:  # the large tables: checked before?
        kept = tablecache.key(name, [stored, *(_stored(TABLES[t], folder) for t in referenced)])
        df = _kept(spec, kept, recorded.rows)
    fresh = df is None
    if df is None:
        known = {table: set(_load(table, directory)[TABLES[table].key[0]]) for table in referenced}
        try:
            df = validate.check(spec, validate.parse(spec, _text(spec, stored)), known)
        except DataError as exc:
            raise DataError(exc.file, f"{exc.problem}. {_advice(spec, exc.line)}",
                            exc.line) from None
    if recorded is not None:
        if len(df) != recorded.rows:
            raise DataError(spec.file, f"{len(df):,} rows where the data were built with "
                            f"{recorded.rows:,}. {_advice(spec)}")
        if manifest.digest(spec.file, stored) != recorded.sha256:
            raise DataError(spec.file, "the file differs from the one the data were built with "
                            f"(its checksum is not the one in {manifest.MANIFEST}). "
                            f"{_advice(spec)}")
    if fresh and kept is not None:
        tablecache.write(kept, df)
    return df


def load_table(name: str) -> pd.DataFrame:
    """Load one curated table by name (see :data:`TABLES`), checked and cached.

    >>> load_table("months").columns[:2].tolist()
    ['month', 'reported']
    >>> load_table("nonsense")
    Traceback (most recent call last):
    ...
    KeyError: "no table named 'nonsense'; the tables are: contributions, months, \
mission_contributions, missions, countries, events, reimbursement_rates"
    """
    if name not in TABLES:
        raise KeyError(f"no table named {name!r}; the tables are: {', '.join(TABLES)}")
    # A shallow copy: cheap, and with pandas' copy-on-write a caller who changes
    # the returned frame gets a copy of what it changes; the cached values are
    # read-only (pkedu.readonly), so a write into them fails instead.
    return _load(name, str(data_dir())).copy(deep=False)


def clear_cache() -> None:
    """Forget loaded tables, so the next load reads the files again.

    Tables loaded before stay usable and become ordinary tables: with no cache
    behind them, their values are writeable again.
    """
    tables = list(_CACHE.values())
    _CACHE.clear()
    for _, frozen in tables:
        readonly.thaw(frozen)
    _country_names.cache_clear()


def load_contributions() -> pd.DataFrame:
    """Uniformed personnel by contributing country, month and personnel type.

    One row per month, country and type with a total above zero. ``male`` and
    ``female`` are reported from 2014-04 (missing before, and for 2023-09).
    Months with no report at all are absent; :func:`load_months` lists them.

    >>> c = load_contributions()
    >>> int(c[(c.iso3 == "IDN") & (c.month == "1990-11")].total.sum())
    5
    """
    return load_table("contributions")


def load_months() -> pd.DataFrame:
    """Every month from 1990-11 to 2025-07 and whether the UN report for it exists.

    >>> m = load_months()
    >>> int((~m.reported).sum())
    9
    """
    return load_table("months")


def load_mission_contributions() -> pd.DataFrame:
    """Personnel by country, mission, month and group (2009-11 onwards, with gaps).

    >>> mc = load_mission_contributions()
    >>> sorted(mc[(mc.iso3 == "VNM") & (mc.month == "2014-07")].mission)
    ['UNMISS']
    """
    return load_table("mission_contributions")


def load_missions() -> pd.DataFrame:
    """One row per UN mission: host country, headquarters, months with personnel.

    >>> load_missions().set_index("mission").loc["UNIFIL", "host_country"]
    'Lebanon'
    """
    return load_table("missions")


def load_countries() -> pd.DataFrame:
    """Country codes, names, continent, UN sub-region and the ASEAN-10 flag.

    >>> cc = load_countries()
    >>> sorted(cc[cc.asean10].iso3) == sorted(ASEAN10)
    True
    """
    return load_table("countries")


def load_events() -> pd.DataFrame:
    """Dated events of the course's story, each with its sources.

    >>> e = load_events()
    >>> bool(e.source_urls.str.startswith("http").all())
    True
    """
    return load_table("events")


def load_reimbursement_rates() -> pd.DataFrame:
    """The UN's monthly reimbursement rate per uniformed person, by date, in US$.

    >>> r = load_reimbursement_rates()
    >>> float(r.set_index("effective_from").loc["2018-07-01", "rate_usd"])
    1428.0
    """
    return load_table("reimbursement_rates")


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    cc = load_countries()
    return dict(zip(cc["iso3"], cc["name"]))


def country_name(iso3: str) -> str:
    """The short English name of a country from its ISO3 code.

    >>> country_name("IDN")
    'Indonesia'
    >>> country_name("XXX")
    Traceback (most recent call last):
    ...
    KeyError: "unknown country code 'XXX'"
    """
    try:
        return _country_names()[iso3]
    except KeyError:
        raise KeyError(f"unknown country code {iso3!r}") from None
