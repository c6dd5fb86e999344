"""The small table a chart carries: written into the chart as CSV text, and read back.

Every pkedu chart, in the lessons and in the apps, embeds its data as one CSV
text with a note of which columns are numbers and dates. It keeps stored
notebooks small, and Altair passes the text to the browser as it is, without
converting a DataFrame on every redraw.

>>> import altair as alt
>>> table = pd.DataFrame({"m": pd.to_datetime(["2019-12-01", "2020-01-01"]),
...                       "v": [4954.0, None], "c": ["Viet Nam, the", "Laos"]})
>>> data = inline(table)
>>> print(data.values, end="")
m,v,c
2019-12-01,4954,"Viet Nam, the"
2020-01-01,,Laos
>>> data.format.parse
{'m': "date:'%Y-%m-%d'", 'v': 'number'}
>>> read(data).equals(table)
True
"""

from __future__ import annotations

import csv
import re
from io import StringIO

import altair as alt
import numpy as np
import pandas as pd

__all__ = ["field", "inline", "read"]

DATE = "%Y-%m-%d"
_FLOAT = "%.10g"


def field(name: str) -> str:
    """A column name as a Vega-Lite field: dots and brackets would otherwise mean nesting.

    >>> field("Women (%)"), field("share.of.world")
    ('Women (%)', 'share\\\\.of\\\\.world')
    """
    for char in "\\.[]":
        name = name.replace(char, "\\" + char)
    return name


def inline(df: pd.DataFrame, decimals: int = 4) -> alt.InlineData:
    """A table as chart data: CSV text, with each column's type for Vega-Lite.

    Dates are written as 2019-12-01, numbers rounded to ``decimals`` (whole
    numbers without a decimal point, true/false as 1/0), and a missing value
    as an empty cell, which Vega-Lite reads as null.
    """
    columns, parse = [], {}
    for col in df.columns:
        cells, kind = _cells(df[col], decimals)
        columns.append(cells)
        if kind:
            parse[field(str(col))] = kind
    text = StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([str(col) for col in df.columns])
    writer.writerows(zip(*columns))
    return alt.InlineData(values=text.getvalue(), format=alt.CsvDataFormat(type="csv",
                                                                           parse=parse))


def _cells(values: pd.Series, decimals: int) -> tuple[list[str], str | None]:
    """One column as CSV cells, and the type Vega-Lite should parse it as (None: text)."""
    missing = values.isna().to_numpy()
    kind: str | None
    if pd.api.types.is_datetime64_any_dtype(values):
        days = values.to_numpy(dtype="datetime64[D]")
        cells = np.datetime_as_string(days, unit="D").tolist()
        kind = f"date:'{DATE}'"
    elif pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
        numbers = values.astype("float64").to_numpy().round(decimals)
        if pd.api.types.is_bool_dtype(values) or bool((numbers[~missing] % 1 == 0).all()):
            cells = [str(int(x)) if x == x else "" for x in numbers.tolist()]
        else:
            cells = [_FLOAT % x for x in numbers.tolist()]
        kind = "number"
    else:
        cells = [str(x) for x in values.tolist()]
        kind = None
    return [("" if gap else cell) for cell, gap in zip(cells, missing)], kind


def read(data: alt.InlineData) -> pd.DataFrame:
    """The table in chart data made by :func:`inline`, with its numbers and dates typed."""
    table = pd.read_csv(StringIO(data.values), dtype=str, keep_default_na=False,
                        na_values=[""])
    for name, kind in data.format.to_dict().get("parse", {}).items():
        column = re.sub(r"\\(.)", r"\1", name)
        if kind == "number":
            table[column] = pd.to_numeric(table[column])
        else:
            table[column] = pd.to_datetime(table[column], format=DATE)
    return table
