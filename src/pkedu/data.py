"""Load the course's curated data tables, checked.

Every loader reads one file in ``data/``, checks it against the table's schema
and returns a tidy :class:`pandas.DataFrame`. Loaded tables are cached, so
calling a loader again is instant. Anything wrong with a file (missing,
damaged, a negative number, an unknown country code, a duplicated row) raises
:class:`DataError`, whose message names the file, the line and the problem.

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
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

#: The ten ASEAN member states of 1999-2025, in alphabetical order of their
#: English names (Timor-Leste joined as the eleventh member in October 2025 and
#: is not in this list).
ASEAN10: tuple[str, ...] = ("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM")

#: Personnel groups, as the UN reports them.
GROUPS: tuple[str, ...] = ("troops", "police", "experts")


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


class DataError(Exception):
    """A data file is missing, damaged or breaks its table's rules.

    >>> str(DataError("contributions.csv.gz", "negative total (-3)", line=12))
    'contributions.csv.gz, line 12: negative total (-3)'
    """

    def __init__(self, file: str, problem: str, line: int | None = None) -> None:
        self.file = file
        self.problem = problem
        self.line = line
        where = f"{file}, line {line}" if line is not None else file
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class TableSpec:
    """What one curated table must look like."""

    file: str
    # column -> kind: str, code (text that repeats a few values), int, nullable_int, float,
    # bool, month
    columns: dict[str, str]
    key: tuple[str, ...] = ()
    required: tuple[str, ...] = ()  # columns that must not be empty
    non_negative: tuple[str, ...] = ()
    country_columns: tuple[str, ...] = ()  # must hold known ISO3 codes
    allowed: dict[str, tuple[str, ...]] = field(default_factory=dict)


TABLES: dict[str, TableSpec] = {
    "contributions": TableSpec(
        file="contributions.csv.gz",
        columns={"month": "month", "iso3": "code", "group": "code", "type": "code",
                 "male": "nullable_int", "female": "nullable_int", "total": "int"},
        key=("month", "iso3", "type"),
        required=("month", "iso3", "group", "type", "total"),
        non_negative=("male", "female", "total"),
        country_columns=("iso3",),
        allowed={"group": GROUPS},
    ),
    "months": TableSpec(
        file="months.csv",
        columns={"month": "month", "reported": "bool", "source": "str", "mission_detail": "bool",
                 "world_total": "nullable_int", "n_countries": "nullable_int",
                 "world_total_ipi": "nullable_int"},
        key=("month",),
        required=("month", "reported"),
        non_negative=("world_total", "n_countries", "world_total_ipi"),
    ),
    "mission_contributions": TableSpec(
        file="mission_contributions.csv.gz",
        columns={"month": "month", "iso3": "code", "mission": "code", "group": "code",
                 "male": "nullable_int", "female": "nullable_int", "total": "int"},
        key=("month", "iso3", "mission", "group"),
        required=("month", "iso3", "mission", "group", "total"),
        non_negative=("male", "female", "total"),
        country_columns=("iso3",),
        allowed={"group": GROUPS},
    ),
    "missions": TableSpec(
        file="missions.csv",
        columns={"mission": "str", "host_country": "str", "host_iso3": "str", "hq": "str",
                 "hq_lat": "float", "hq_lon": "float", "continent": "str", "region": "str",
                 "first_month": "month", "last_month": "month", "active_2025_07": "bool"},
        key=("mission",),
        required=("mission", "first_month", "last_month"),
    ),
    "countries": TableSpec(
        file="countries.csv",
        columns={"iso3": "str", "iso2": "str", "name": "str", "continent": "str",
                 "subregion": "str", "asean10": "bool"},
        key=("iso3",),
        required=("iso3", "name", "asean10"),
    ),
    "events": TableSpec(
        file="events.csv",
        columns={"id": "str", "date": "str", "date_precision": "str", "iso3": "str",
                 "category": "str", "title": "str", "detail": "str", "article_claim": "str",
                 "source_urls": "str", "disputed": "bool", "dispute_note": "str"},
        key=("id",),
        required=("id", "date", "date_precision", "category", "title", "source_urls", "disputed"),
        allowed={"date_precision": ("day", "month", "year")},
    ),
    "reimbursement_rates": TableSpec(
        file="reimbursement_rates.csv",
        columns={"effective_from": "str", "rate_usd": "float", "approximate": "bool",
                 "source_urls": "str", "note": "str"},
        key=("effective_from",),
        required=("effective_from", "rate_usd", "approximate", "source_urls"),
        non_negative=("rate_usd",),
    ),
}

# Codes and months are read as categories: the large tables repeat a few hundred codes and
# months over 100,000 rows, and checks on categories are fast. After the checks codes become
# text ("string") like every other text column, and months become dates.
_READ_DTYPES = {"str": "string", "code": "category", "nullable_int": "Int64", "int": "Int64",
                "float": "Float64", "bool": "string", "month": "category"}


def _line(df: pd.DataFrame, mask: pd.Series) -> int:
    """CSV line number (header is line 1) of the first row where ``mask`` holds."""
    return int(mask.to_numpy().nonzero()[0][0]) + 2


def _read(spec: TableSpec, directory: Path) -> pd.DataFrame:
    path = directory / spec.file
    if not path.exists():
        raise DataError(spec.file, f"file not found in {directory}. Restore it with "
                        f"'git checkout -- data/{spec.file}' or rebuild data/ (see data/README.md).")
    dtypes = {col: _READ_DTYPES[kind] for col, kind in spec.columns.items()}
    try:
        df = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""],
                         encoding="utf-8")
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile, UnicodeDecodeError,
            pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(spec.file, f"the file is damaged or is not a valid CSV table "
                        f"({type(exc).__name__}: {exc}). Restore it with "
                        f"'git checkout -- data/{spec.file}'.") from None
    except (ValueError, TypeError) as exc:
        # pandas raises these when a value cannot be converted to the column's type;
        # find the first offending line ourselves for a clear message.
        raise _find_type_error(spec, path) or DataError(spec.file, str(exc)) from None
    return df


def _find_type_error(spec: TableSpec, path: Path) -> DataError | None:
    raw = pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""])
    for col, kind in spec.columns.items():
        if col not in raw or kind not in ("int", "nullable_int", "float"):
            continue
        converted = pd.to_numeric(raw[col], errors="coerce")
        bad = converted.isna() & raw[col].notna()
        if kind in ("int", "nullable_int"):
            bad |= converted.notna() & (converted % 1 != 0)
        if bad.any():
            value = raw[col][bad].iloc[0]
            return DataError(spec.file, f"column '{col}' must hold a whole number, found "
                             f"{value!r}", line=_line(raw, bad))
    return None


def _check(spec: TableSpec, df: pd.DataFrame, known_iso3: set[str] | None) -> pd.DataFrame:
    expected = list(spec.columns)
    if list(df.columns) != expected:
        missing = [c for c in expected if c not in df.columns]
        extra = [c for c in df.columns if c not in expected]
        detail = []
        if missing:
            detail.append(f"missing columns {missing}")
        if extra:
            detail.append(f"unexpected columns {extra}")
        if not detail:
            detail.append(f"columns out of order, expected {expected}")
        raise DataError(spec.file, "; ".join(detail))
    if df.empty:
        raise DataError(spec.file, "the table has no rows")
    for col in spec.required:
        empty = df[col].isna()
        if empty.any():
            raise DataError(spec.file, f"column '{col}' is empty", line=_line(df, empty))
    for col, kind in spec.columns.items():
        if kind == "bool":
            ok = df[col].isin(["True", "False"]) | df[col].isna()
            if not ok.all():
                raise DataError(spec.file, f"column '{col}' must be True or False, found "
                                f"{df[col][~ok].iloc[0]!r}", line=_line(df, ~ok))
            df[col] = df[col].map({"True": True, "False": False}).astype("boolean")
            if col in spec.required:
                df[col] = df[col].astype(bool)
        elif kind == "month":
            codes = df[col].cat.codes.to_numpy()  # -1 for an empty cell
            months = pd.to_datetime(df[col].cat.categories.astype(str), format="%Y-%m",
                                    errors="coerce").to_numpy("datetime64[s]")
            parsed = np.append(months, np.datetime64("NaT", "s"))[codes]
            bad = pd.Series(np.isnat(parsed) & (codes >= 0), index=df.index)
            if bad.any():
                raise DataError(spec.file, f"column '{col}' must be a month like 2019-12, found "
                                f"{df[col][bad].iloc[0]!r}", line=_line(df, bad))
            df[col] = parsed
        elif kind == "int":
            df[col] = df[col].astype("int64")
    for col in spec.non_negative:
        negative = df[col].fillna(0) < 0
        if negative.any():
            raise DataError(spec.file, f"column '{col}' must not be negative, found "
                            f"{df[col][negative].iloc[0]}", line=_line(df, negative))
    for col, values in spec.allowed.items():
        bad = ~df[col].isin(values) & df[col].notna()
        if bad.any():
            raise DataError(spec.file, f"column '{col}' must be one of {list(values)}, found "
                            f"{df[col][bad].iloc[0]!r}", line=_line(df, bad))
    if known_iso3 is not None:
        for col in spec.country_columns:
            bad = ~df[col].isin(known_iso3)
            if bad.any():
                raise DataError(spec.file, f"unknown country code {df[col][bad].iloc[0]!r} in "
                                f"column '{col}' (not in countries.csv)", line=_line(df, bad))
    if spec.key:
        dup = df.duplicated(list(spec.key), keep="first")
        if dup.any():
            row = df[dup].iloc[0]
            key = ", ".join(f"{k}={row[k]}" for k in spec.key)
            raise DataError(spec.file, f"duplicate row for {key}", line=_line(df, dup))
    for col, kind in spec.columns.items():
        if kind == "code":
            df[col] = df[col].astype("string")
    return df


@functools.lru_cache(maxsize=None)
def _load(name: str, directory: str) -> pd.DataFrame:
    spec = TABLES[name]
    known = None
    if spec.country_columns:
        known = set(_load("countries", directory)["iso3"])
    return _check(spec, _read(spec, Path(directory)), known)


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
    # the returned frame never changes the cached one.
    return _load(name, str(data_dir())).copy(deep=False)


def clear_cache() -> None:
    """Forget loaded tables, so the next load reads the files again."""
    _load.cache_clear()
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
