"""Check a curated table: its format, column types, values and internal consistency.

:mod:`pkedu.data` describes each table with a :class:`TableSpec`, reads a file's
text with :func:`parse` and checks it with :func:`check`. Every problem raises
:class:`DataError`, naming the file, the line (the header is line 1) and the
problem. Rules that involve several columns are in :mod:`pkedu.rules`, listed
in a spec's ``rules``.

>>> spec = TableSpec("demo.csv", {"name": "str", "n": "int"}, key=("name",),
...                  non_negative=("n",))
>>> check(spec, parse(spec, b"name,n\\nA,1\\nB,-2\\n"), {})
Traceback (most recent call last):
...
pkedu.validate.DataError: demo.csv, line 3: column 'n' must not be negative, found -2
>>> parse(spec, b"name,n\\nA,1\\nB,inf\\n")
Traceback (most recent call last):
...
pkedu.validate.DataError: demo.csv, line 3: column 'n' must hold a whole number, found 'inf'
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

#: The largest whole number a count column can hold (pandas' Int64).
_INT_MAX = 2**63 - 1

#: Control characters are never part of the course's text (tab and line breaks are).
_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
_CONTROL_BYTES = re.compile(_CONTROL.encode())


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


#: A rule involving several columns: raises DataError when the table breaks it.
Rule = Callable[["TableSpec", pd.DataFrame], None]


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
    allowed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # column -> (regular expression every value must match, what it looks like in words)
    patterns: dict[str, tuple[str, str]] = field(default_factory=dict)
    # column -> (table whose key the values must be, separator of a list or None, what a
    # value is in words)
    references: dict[str, tuple[str, str | None, str]] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    by_hand: bool = False  # compiled by hand (may be edited), not by build_data


# Codes and months are read as categories: the large tables repeat a few hundred codes and
# months over 100,000 rows, and checks on categories are fast. After the checks codes become
# text ("string") like every other text column, and months become dates.
_READ_DTYPES = {"str": "string", "code": "category", "nullable_int": "Int64", "int": "Int64",
                "float": "Float64", "bool": "string", "month": "category"}


def line_of(mask: pd.Series | np.ndarray) -> int:
    """CSV line number (header is line 1) of the first row where ``mask`` holds.

    >>> line_of(pd.Series([False, False, True]))
    4
    """
    return int(np.asarray(mask).nonzero()[0][0]) + 2


def _line_at(content: bytes, offset: int) -> int:
    return content.count(b"\n", 0, offset) + 1


def parse(spec: TableSpec, content: bytes) -> pd.DataFrame:
    """Read a table's CSV text (already decompressed) into columns of the spec's types."""
    nul = content.find(b"\x00")
    if nul >= 0:
        raise DataError(spec.file, "the file holds a NUL byte, a sign that it is damaged",
                        line=_line_at(content, nul))
    if "str" in spec.columns.values():  # free text: one search of the (small) file
        control = _CONTROL_BYTES.search(content)
        if control:
            raise DataError(spec.file, f"the file holds a control character "
                            f"({control.group()!r}), a sign that it is damaged",
                            line=_line_at(content, control.start()))
    dtypes = {col: _READ_DTYPES[kind] for col, kind in spec.columns.items()}
    try:
        with warnings.catch_warnings():  # numpy warns of "inf" in a count column; we report it
            warnings.simplefilter("ignore", RuntimeWarning)
            return pd.read_csv(io.BytesIO(content), dtype=dtypes, keep_default_na=False,
                               na_values=[""], encoding="utf-8")
    except UnicodeDecodeError:
        raise _encoding_error(spec, content) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(spec.file, f"the file is damaged or is not a valid CSV table "
                        f"({type(exc).__name__}: {str(exc).strip()})") from None
    except (ValueError, TypeError, OverflowError) as exc:
        # pandas raises these when a value does not fit the column's type (OverflowError for
        # a number beyond 64 bits or infinity); find the first offending line ourselves.
        raise _find_type_error(spec, content) or DataError(
            spec.file, f"a value does not fit its column ({exc})") from None


def _encoding_error(spec: TableSpec, content: bytes) -> DataError:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = content[exc.start:exc.start + 1]
        return DataError(spec.file, f"the file is not valid UTF-8 text (byte {bad!r} cannot be "
                         "read); it is damaged or was saved in another encoding",
                         line=_line_at(content, exc.start))
    return DataError(spec.file, "the file is not valid UTF-8 text")


def _number_problem(text: str, whole: bool) -> str | None:
    """What is wrong with ``text`` as a value of a number column, or None."""
    wanted = "a whole number" if whole else "a number"
    try:
        value = float(text)
    except ValueError:
        return f"must hold {wanted}"
    if not math.isfinite(value):
        return f"must hold {wanted}" if whole else "must hold a finite number"
    if whole and value != int(value):
        return "must hold a whole number"
    if whole and abs(value) > _INT_MAX:
        return "holds a number too large for a count"
    return None


def _find_type_error(spec: TableSpec, content: bytes) -> DataError | None:
    try:
        raw = pd.read_csv(io.BytesIO(content), dtype="string", keep_default_na=False,
                          na_values=[""])
    except (ValueError, TypeError):
        return None
    for col, kind in spec.columns.items():
        if col not in raw or kind not in ("int", "nullable_int", "float"):
            continue
        for i, text in enumerate(raw[col].to_numpy(object)):
            if text is pd.NA:
                continue
            problem = _number_problem(text, whole=kind != "float")
            if problem:
                return DataError(spec.file, f"column '{col}' {problem}, found {text!r}",
                                 line=i + 2)
    return None


def _check_columns(spec: TableSpec, df: pd.DataFrame) -> None:
    expected = list(spec.columns)
    if list(df.columns) == expected:
        return
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


def fail(spec: TableSpec, col: str, text: str, values: pd.Series, bad: pd.Series) -> None:
    """Raise DataError for the first row where ``bad`` holds, showing its value."""
    if bad.any():
        value = values[bad].iloc[0]
        shown = repr(value) if isinstance(value, str) else str(value)
        raise DataError(spec.file, f"column '{col}' {text}, found {shown}", line=line_of(bad))


def _distinct(df: pd.DataFrame, col: str) -> pd.Series:
    """The values to test: a category's few distinct values, or the column's values."""
    if isinstance(df[col].dtype, pd.CategoricalDtype):
        return pd.Series(df[col].cat.categories.astype(str))
    return df[col].dropna()


def fail_distinct(spec: TableSpec, df: pd.DataFrame, col: str, text: str,
                   values: pd.Series, bad: pd.Series) -> None:
    """Like :func:`fail`, for a test made on :func:`_distinct`'s values."""
    if bad.any():
        if isinstance(df[col].dtype, pd.CategoricalDtype):
            rows = df[col].isin(values[bad.to_numpy()])
        else:
            rows = bad.reindex(df.index, fill_value=False)
        fail(spec, col, text, df[col], pd.Series(rows.to_numpy(), index=df.index))


def _convert(spec: TableSpec, df: pd.DataFrame, col: str, kind: str) -> None:
    if kind == "bool":
        ok = df[col].isin(["True", "False"]) | df[col].isna()
        fail(spec, col, "must be True or False", df[col], ~ok)
        df[col] = df[col].map({"True": True, "False": False}).astype("boolean")
        if col in spec.required:
            df[col] = df[col].astype(bool)
    elif kind == "month":
        codes = df[col].cat.codes.to_numpy()  # -1 for an empty cell
        months = pd.to_datetime(df[col].cat.categories.astype(str), format="%Y-%m",
                                errors="coerce").to_numpy("datetime64[s]")
        parsed = np.append(months, np.datetime64("NaT", "s"))[codes]
        bad = pd.Series(np.isnat(parsed) & (codes >= 0), index=df.index)
        fail(spec, col, "must be a month like 2019-12", df[col], bad)
        df[col] = parsed
    elif kind == "float":
        values = df[col].to_numpy("float64", na_value=np.nan)
        fail(spec, col, "must hold a finite number", df[col],
              pd.Series(np.isinf(values), index=df.index))
    elif kind == "code" or col in spec.patterns:
        values = _distinct(df, col)
        if kind == "code":  # the large tables: their few distinct codes (free text: see parse)
            fail_distinct(spec, df, col, "holds a control character, a sign of damage", values,
                          values.str.contains(_CONTROL))
        if col in spec.patterns:
            pattern, words = spec.patterns[col]
            fail_distinct(spec, df, col, f"must be {words}", values,
                           ~values.str.fullmatch(pattern))


def check(spec: TableSpec, df: pd.DataFrame, known: dict[str, set[str]]) -> pd.DataFrame:
    """Check a parsed table against its spec and return it with its final types.

    ``known`` maps each table named in ``spec.references`` to its key values.
    """
    _check_columns(spec, df)
    if df.empty:
        raise DataError(spec.file, "the table has no rows")
    for col in spec.required:
        empty = df[col].isna()
        if empty.any():
            raise DataError(spec.file, f"column '{col}' is empty", line=line_of(empty))
    for col, kind in spec.columns.items():
        _convert(spec, df, col, kind)
        if kind == "int":
            df[col] = df[col].astype("int64")
    for col in spec.non_negative:
        fail(spec, col, "must not be negative", df[col], df[col].fillna(0) < 0)
    for col, values in spec.allowed.items():
        fail(spec, col, f"must be one of {list(values)}", df[col],
              ~df[col].isin(values) & df[col].notna())
    for col, (table, sep, what) in spec.references.items():
        _check_reference(spec, df, col, known[table], what, table, sep)
    if spec.key:
        dup = duplicated(df, spec.key)
        if dup.any():
            row = df[dup].iloc[0]
            key = ", ".join(f"{k}={row[k]}" for k in spec.key)
            raise DataError(spec.file, f"duplicate row for {key}", line=line_of(dup))
    for rule in spec.rules:
        rule(spec, df)
    for col, kind in spec.columns.items():
        if kind == "code":
            df[col] = df[col].astype("string")
    return df


def duplicated(df: pd.DataFrame, key: tuple[str, ...]) -> pd.Series:
    """Rows whose ``key`` repeats an earlier row's, as ``df.duplicated(list(key))`` gives.

    Each key column becomes integer codes (a category's own codes, or
    :func:`pandas.factorize`; an empty cell is one more value, equal to every
    other empty cell), combined into one integer per row: much faster on
    100,000 rows than comparing the values themselves.

    >>> df = pd.DataFrame({"a": ["x", "x", "y", None, None], "b": [1, 1, 1, 2, 2]})
    >>> duplicated(df, ("a", "b")).tolist()
    [False, True, False, False, True]
    """
    combined = np.zeros(len(df), dtype="int64")
    room = 1
    for col in key:
        values = df[col]
        if isinstance(values.dtype, pd.CategoricalDtype):
            codes, n = values.cat.codes.to_numpy("int64"), len(values.cat.categories)
        else:
            found, uniques = pd.factorize(values)
            codes, n = found.astype("int64"), len(uniques)
        room *= n + 1
        if room >= 2**62:  # pragma: no cover - far beyond the course's tables
            return df.duplicated(list(key), keep="first")
        combined = combined * (n + 1) + (codes + 1)  # empty (-1) becomes 0
    return pd.Series(pd.Series(combined).duplicated(keep="first").to_numpy(), index=df.index)


def _check_reference(spec: TableSpec, df: pd.DataFrame, col: str, known: set[str],
                     what: str, table: str, sep: str | None) -> None:
    values = _distinct(df, col) if sep is None else df[col].dropna().str.split(sep).explode()
    bad = ~values.isin(known)
    if not bad.any():
        return
    if isinstance(df[col].dtype, pd.CategoricalDtype):
        rows = df[col].isin(values[bad.to_numpy()]).to_numpy()
        value = df[col].to_numpy()[rows][0]
    else:
        rows = df.index.isin(values.index[bad.to_numpy()])
        value = values[bad].iloc[0]
    raise DataError(spec.file, f"unknown {what} {value!r} in column '{col}' (not in the {table} "
                    "table)", line=line_of(rows))
