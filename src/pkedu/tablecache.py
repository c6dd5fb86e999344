"""Checked tables kept on disk, so that a restarted kernel reads them in milliseconds.

Reading a large table from its compressed CSV file and checking every row
takes about a tenth of a second, and a notebook run from the top loads two
of them. So once a table has been read and checked, :mod:`pkedu.data` keeps
its columns here as NumPy arrays (one ``.npz`` file per table, read without
pickle). The file's name is a key made from the exact bytes of the data file,
of the files its codes are checked against, and the versions of pkedu,
pandas and NumPy: a changed or damaged data file has another key, so it is
read and checked from the CSV again. A cache file that cannot be read is
ignored. Only speed depends on the cache; the folder can be deleted at any time.

The folder is ``$PKEDU_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/pkedu``,
else ``~/.cache/pkedu``. ``PKEDU_CACHE_DIR=off`` turns the cache off.

What does not live here: reading and checking CSV files (:mod:`pkedu.validate`),
and the in-memory cache of loaded tables (:mod:`pkedu.data`).

>>> import pandas as pd
>>> table = pd.DataFrame({"iso3": pd.array(["IDN", None, "IDN"], dtype="string"),
...                       "male": pd.array([5, None, 7], dtype="Int64"),
...                       "month": pd.to_datetime(["2019-12"] * 3).astype("datetime64[s]")})
>>> back = decode(encode(table))
>>> back.equals(table), back.dtypes.astype(str).tolist()
(True, ['string', 'Int64', 'datetime64[s]'])
>>> encode(pd.DataFrame({"x": [1.5]}, index=[7])) is None   # only plain row numbers are kept
True
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

#: Bump when the way tables are stored here changes.
FORMAT = 1
_OFF = {"off", "0", "no", "false", "none"}
_MASKED = {"Int64": pd.arrays.IntegerArray, "Float64": pd.arrays.FloatingArray,
           "boolean": pd.arrays.BooleanArray}
_WIDE = {"Int64": np.int64, "Float64": np.float64}
_PLAIN = {"int64", "float64", "bool"}


def _small(values: np.ndarray) -> np.ndarray:
    """Whole numbers as 32-bit when they fit (half the disk); others unchanged.

    >>> _small(np.array([5, 7])).dtype.name, _small(np.array([2**40])).dtype.name
    ('int32', 'int64')
    """
    if values.dtype == np.int64 and len(values) and \
            np.iinfo(np.int32).min <= values.min() and values.max() <= np.iinfo(np.int32).max:
        return values.astype(np.int32)
    return values


def folder() -> Path | None:
    """Where tables are kept, or None when the cache is turned off.

    >>> from unittest import mock
    >>> with mock.patch.dict("os.environ", {"PKEDU_CACHE_DIR": "off"}):
    ...     folder() is None
    True
    >>> with mock.patch.dict("os.environ", {"PKEDU_CACHE_DIR": "/srv/cache"}):
    ...     str(folder())
    '/srv/cache'
    """
    chosen = os.environ.get("PKEDU_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF or not chosen.strip() else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pkedu"


def key(name: str, contents: Iterable[bytes]) -> str:
    """A key for table ``name`` read from ``contents`` (the bytes of its files), with versions.

    >>> key("months", [b"a"]) == key("months", [b"a"]), key("months", [b"a"]) == key("months", [b"b"])
    (True, False)
    """
    h = hashlib.sha256(f"{FORMAT} {_code()} {pd.__version__} {np.__version__} {name}".encode())
    for content in contents:
        h.update(hashlib.sha256(content).digest())
    return f"{name}-{h.hexdigest()[:32]}"


@functools.lru_cache(maxsize=1)
def _code() -> str:
    """pkedu's version and a digest of the code that reads and checks tables.

    An instructor who changes a rule in pkedu gets tables checked by the new rule.
    """
    from pkedu import __version__, data, rules, validate

    h = hashlib.sha256(__version__.encode())
    for module in (data, rules, validate, sys.modules[__name__]):
        try:
            h.update(Path(module.__file__ or "").read_bytes())
        except OSError:
            h.update(module.__name__.encode())
    return h.hexdigest()


def encode(df: pd.DataFrame) -> dict[str, np.ndarray] | None:
    """The table's columns as plain NumPy arrays, or None if a column's type is not handled."""
    if not isinstance(df.index, pd.RangeIndex) or df.index.start != 0 or df.index.step != 1:
        return None
    arrays: dict[str, np.ndarray] = {"names": np.array(df.columns, dtype=str)}
    kinds = []
    for i, col in enumerate(df.columns):
        values, kind = df[col], str(df[col].dtype)
        if kind in ("string", "datetime64[s]"):  # few distinct values: codes, -1 for missing
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
            arrays[f"v{i}"] = codes.astype(np.int32)
            arrays[f"u{i}"] = np.array(uniques, dtype=str if kind == "string" else kind)
        elif kind in _MASKED:
            filler = False if kind == "boolean" else 0
            numbers = values.to_numpy(na_value=filler, dtype=None if kind == "boolean"
                                      else values.dtype.numpy_dtype)
            arrays[f"v{i}"], arrays[f"m{i}"] = _small(numbers), values.isna().to_numpy()
        elif kind in _PLAIN:
            arrays[f"v{i}"] = _small(values.to_numpy())
        else:
            return None
        kinds.append(kind)
    arrays["kinds"] = np.array(kinds, dtype=str)
    return arrays


def decode(arrays: dict[str, np.ndarray]) -> pd.DataFrame:
    """The table that :func:`encode` stored."""
    columns = {}
    for i, (name, kind) in enumerate(zip(arrays["names"].tolist(), arrays["kinds"].tolist())):
        values = arrays[f"v{i}"]
        if kind == "string":
            words = np.append(arrays[f"u{i}"].astype(object), None)  # code -1 means missing
            columns[name] = pd.array(words[values], dtype="string")
        elif kind == "datetime64[s]":
            columns[name] = np.append(arrays[f"u{i}"], np.datetime64("NaT", "s"))[values]
        elif kind in _MASKED:
            numbers = values.astype(bool if kind == "boolean" else _WIDE[kind])
            columns[name] = _MASKED[kind](numbers, arrays[f"m{i}"])
        else:
            columns[name] = values.astype(kind)
    return pd.DataFrame(columns, copy=False)


def read(table_key: str) -> pd.DataFrame | None:
    """The table kept under ``table_key``, or None if there is none or it cannot be read."""
    where = folder()
    if where is None:
        return None
    try:
        with np.load(where / f"{table_key}.npz", allow_pickle=False) as stored:
            return decode({name: stored[name] for name in stored.files})
    except (OSError, ValueError, KeyError, IndexError, TypeError, EOFError, zipfile.BadZipFile):
        return None


def write(table_key: str, df: pd.DataFrame) -> None:
    """Keep ``df`` under ``table_key``; quietly does nothing if the folder cannot be written."""
    where = folder()
    arrays = encode(df) if where is not None else None
    if where is None or arrays is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                np.savez(out, **arrays)
            os.replace(temporary, where / f"{table_key}.npz")
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        name = table_key.rpartition("-")[0]
        for older in where.glob(f"{name}-*.npz"):  # one file per table: the newest
            if older.name != f"{table_key}.npz":
                older.unlink(missing_ok=True)
    except OSError:
        return
