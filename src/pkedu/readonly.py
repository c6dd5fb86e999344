"""Read-only tables: the values of a cached table cannot be changed by accident.

pandas' copy-on-write protects a table from changes made through a shallow copy
of it (``t.loc[...] = ...`` on the copy changes the copy only), but not from
writes straight into the arrays behind a column (``t["iso3"].array[0] = "XXX"``,
``t["male"].values[0] = 0``). :func:`freeze` makes those arrays read-only, so such
a write raises ``ValueError: assignment destination is read-only``; :func:`thaw`
undoes it. :mod:`pkedu.data` freezes every table it caches. Not here: loading
and checking the tables (:mod:`pkedu.data`).

>>> table, frozen = freeze(pd.DataFrame({"iso3": ["IDN", "MYS"]}, dtype="string"))
>>> table["iso3"].array[0] = "XXX"
Traceback (most recent call last):
...
ValueError: assignment destination is read-only
>>> thaw(frozen)
>>> table["iso3"].array[0] = "XXX"
>>> table["iso3"].tolist()
['XXX', 'MYS']
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def buffers(values: object) -> list[np.ndarray]:
    """The NumPy arrays that hold a column's values, each followed by the array it is a
    view of (if any).

    A column's values are a NumPy array, or an extension array (text, numbers that
    may be missing, dates) whose values and missing-value mask are NumPy arrays.
    Values kept otherwise (text in PyArrow, where it is installed) have none.

    >>> values = pd.array([1, None], dtype="Int64")
    >>> any(a is values._mask for a in buffers(values)), len(buffers(np.arange(3)))
    (True, 1)
    """
    found = [values] if isinstance(values, np.ndarray) else \
        [getattr(values, a, None) for a in ("_ndarray", "_data", "_mask")]
    return [b for f in found if isinstance(f, np.ndarray)
            for b in (f, f.base) if isinstance(b, np.ndarray)]


def freeze(df: pd.DataFrame) -> tuple[pd.DataFrame, list[np.ndarray]]:
    """``df`` with read-only values, and the arrays made read-only (to thaw them later).

    pandas' copy-on-write protects the cached table from changes made through
    the table a loader returns, but not from writes into the arrays behind it
    (``t["iso3"].array[0] = "XXX"``, ``t["male"].values[0] = 0``): those would
    change the table for every later load in the kernel. Read-only arrays make
    such a write fail at once. No value is copied: the table is put together
    again from its own columns, one block each, and the arrays pandas keeps
    those blocks in are made read-only, so that every view of a column is too.

    >>> table, frozen = freeze(pd.DataFrame({"n": [1, 2], "s": ["a", "b"]}))
    >>> table["n"].array[0] = 5
    Traceback (most recent call last):
    ...
    ValueError: assignment destination is read-only
    """
    # a NumPy column as its NumPy array; the others (text, Int64, dates) as they are
    columns = {name: column.to_numpy() if isinstance(column.dtype, np.dtype) else column.array
               for name, column in df.items()}
    table = pd.DataFrame(columns, index=df.index, copy=False)
    frozen: list[np.ndarray] = []
    for block in table._mgr.blocks:  # where pandas keeps the columns (no public way in)
        for array in buffers(block.values):
            array.flags.writeable = False
            frozen.append(array)
    return table, frozen


def thaw(frozen: list[np.ndarray]) -> None:
    """Make arrays writeable again once no cache holds them (owners before their views)."""
    for array in reversed(frozen):
        array.flags.writeable = True
