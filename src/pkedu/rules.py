"""Rules that involve several columns of a table, for a :class:`~pkedu.validate.TableSpec`.

Each function returns a rule: a function of the spec and the parsed table that raises
:class:`~pkedu.validate.DataError`, naming the line, when the table breaks it.

>>> import pandas as pd
>>> from pkedu.validate import TableSpec
>>> spec = TableSpec("demo.csv", {"first": "int", "last": "int"})
>>> in_order("first", "last")(spec, pd.DataFrame({"first": [1, 5], "last": [2, 4]}))
Traceback (most recent call last):
...
pkedu.validate.DataError: demo.csv, line 3: column 'first' must not be after 'last', found 5
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pkedu.validate import DataError, Rule, TableSpec, fail, fail_distinct, line_of


def sums_to(parts: tuple[str, str], total: str,
            exceptions: frozenset[tuple[str, ...]] = frozenset()) -> Rule:
    """Both parts are given or both empty, and where given they add up to ``total``.

    ``exceptions`` lists the keys (as text) of rows kept as published although they do not.
    """
    def rule(spec: TableSpec, df: pd.DataFrame) -> None:
        a, b, t = (df[c].to_numpy("float64", na_value=np.nan) for c in (*parts, total))
        one = np.isnan(a) != np.isnan(b)
        if one.any():
            raise DataError(spec.file, f"'{parts[0]}' and '{parts[1]}' must both be given or "
                            "both be empty", line=line_of(one))
        wrong = pd.Series(a + b != t, index=df.index) & ~np.isnan(a)
        if exceptions and wrong.any():
            rows = df.loc[wrong, list(spec.key)].itertuples(index=False)
            wrong.loc[wrong] = [tuple(map(_as_text, row)) not in exceptions for row in rows]
        if wrong.any():
            i = line_of(wrong) - 2
            raise DataError(spec.file, f"{parts[0]} + {parts[1]} ({a[i]:.0f} + {b[i]:.0f}) "
                            f"must equal {total} ({t[i]:.0f})", line=i + 2)
    return rule


def _as_text(value: object) -> str:
    return value.strftime("%Y-%m") if isinstance(value, pd.Timestamp) else str(value)


def maps_to(col: str, other: str, mapping: dict[str, str]) -> Rule:
    """Each value of ``col`` belongs with one value of ``other`` (a type with its group).

    Both columns are categories (kind ``code``); the test runs on their codes.
    """
    def rule(spec: TableSpec, df: pd.DataFrame) -> None:
        mine, theirs = df[col].cat, df[other].cat
        expected = mine.categories.astype(str).map(mapping)
        values = pd.Series(mine.categories.astype(str))
        fail_distinct(spec, df, col, f"must be one of {list(mapping)}", values,
                       pd.Series(expected.isna()))
        wanted = theirs.categories.get_indexer(expected)[mine.codes.to_numpy()]
        wrong = (wanted != theirs.codes.to_numpy()) & (mine.codes.to_numpy() >= 0)
        if wrong.any():
            i = wrong.nonzero()[0][0]
            raise DataError(spec.file, f"{col} {df[col].iloc[i]!r} belongs to {other} "
                            f"{mapping[df[col].iloc[i]]!r}, found {df[other].iloc[i]!r}",
                            line=i + 2)
    return rule


def consecutive_months(col: str) -> Rule:
    """The rows are one month after another, with none missing."""
    def rule(spec: TableSpec, df: pd.DataFrame) -> None:
        n = df[col].dt.year * 12 + df[col].dt.month
        fail(spec, col, "must follow the row above by one month", df[col],
              (n.diff() != 1) & (n.index > 0))
    return rule


def given_when(flag: str, cols: tuple[str, ...]) -> Rule:
    """``cols`` are filled in exactly where ``flag`` is True."""
    def rule(spec: TableSpec, df: pd.DataFrame) -> None:
        for col in cols:
            bad = df[col].notna() != df[flag]
            if bad.any():
                flagged = bool(df[flag].iloc[line_of(bad) - 2])
                state = "empty" if flagged else "filled in"
                raise DataError(spec.file, f"column '{col}' is {state} although '{flag}' is "
                                f"{flagged}", line=line_of(bad))
    return rule


def in_order(first: str, last: str) -> Rule:
    """``first`` is never after ``last``."""
    def rule(spec: TableSpec, df: pd.DataFrame) -> None:
        fail(spec, first, f"must not be after '{last}'", df[first], df[first] > df[last])
    return rule


def in_range(col: str, low: float, high: float) -> Rule:
    """Every value lies between ``low`` and ``high`` (inclusive)."""
    def rule(spec: TableSpec, df: pd.DataFrame) -> None:
        fail(spec, col, f"must lie between {low:g} and {high:g}", df[col],
              ((df[col] < low) | (df[col] > high)).fillna(False))
    return rule


def flags_exactly(flag: str, col: str, members: tuple[str, ...]) -> Rule:
    """``flag`` is True for the rows whose ``col`` is one of ``members``, and only those."""
    def rule(spec: TableSpec, df: pd.DataFrame) -> None:
        bad = df[flag] != df[col].isin(members)
        if bad.any() or df[col].isin(members).sum() != len(members):
            raise DataError(spec.file, f"column '{flag}' must be True for exactly "
                            f"{', '.join(members)}", line=line_of(bad) if bad.any() else None)
    return rule


_DATE_FORMATS = {"day": (r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", "2019-12-31"),
                 "month": (r"\d{4}-(0[1-9]|1[0-2])", "2019-12"),
                 "year": (r"\d{4}", "2019")}


def dates(col: str, precision: str) -> Rule:
    """``col`` holds real dates written as precise as ``precision`` says.

    ``precision`` is a column of the table (day, month or year per row), or one of
    those words for every row.
    """
    def rule(spec: TableSpec, df: pd.DataFrame) -> None:
        wanted = df[precision] if precision in df else pd.Series(precision, index=df.index)
        for level, (pattern, example) in _DATE_FORMATS.items():
            values = df[col][(wanted == level).fillna(False)]
            bad = ~values.str.fullmatch(pattern).fillna(False)
            if level == "day":  # 2019-02-30 has the right shape but is no date
                bad |= pd.to_datetime(values, format="%Y-%m-%d", errors="coerce").isna()
            fail(spec, col, f"must be a date like {example}", df[col],
                  bad.reindex(df.index, fill_value=False))
    return rule


def links(col: str, sep: str) -> Rule:
    """Every cell is a list of web addresses separated by ``sep``."""
    def rule(spec: TableSpec, df: pd.DataFrame) -> None:
        parts = df[col].dropna().str.split(sep).explode()
        bad = ~parts.str.fullmatch(r"https?://\S+")
        if bad.any():
            row = parts.index[bad.to_numpy()][0]
            raise DataError(spec.file, f"column '{col}' must hold web addresses (http:// or "
                            f"https://) separated by {sep!r}, found {parts[bad].iloc[0]!r}",
                            line=int(row) + 2)
    return rule


def noted_when(flag: str, note: str) -> Rule:
    """A row whose ``flag`` is True explains itself in ``note``."""
    def rule(spec: TableSpec, df: pd.DataFrame) -> None:
        bad = df[flag] & df[note].isna()
        if bad.any():
            raise DataError(spec.file, f"column '{note}' is empty although '{flag}' is True",
                            line=line_of(bad))
    return rule


def increasing(col: str) -> Rule:
    """Each row's ``col`` comes after the row above's."""
    def rule(spec: TableSpec, df: pd.DataFrame) -> None:
        fail(spec, col, "must come after the row above", df[col],
              (df[col] <= df[col].shift()).fillna(False))
    return rule

