"""Checked tables kept on disk, so that a restarted kernel reads them in milliseconds.

Reading a large table from its compressed CSV file and checking every row
takes about a tenth of a second, and a notebook run from the top loads two
of them. So once a table has been read and checked, :mod:`pkedu.data` keeps
its columns here as NumPy arrays (one ``.npz`` file per table, read without
pickle). The file's name is a key made from the exact bytes of the data file,
of the files its codes are checked against, and the versions of pkedu,
pandas and NumPy: a changed or damaged data file has another key, so it is
read and checked from the CSV again. A cache file that cannot be read, whose
columns do not fit the table, or that belongs to someone else or can be
written by others, is ignored. Only speed depends on the cache; the folder
can be deleted at any time.

The folder is ``$PKEDU_CACHE_DIR`` if set (an absolute path, ``~`` allowed),
else ``$XDG_CACHE_HOME/pkedu``, else ``~/.cache/pkedu``. ``PKEDU_CACHE_DIR=off``
(or a relative path) turns the cache off.

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
    >>> with mock.patch.dict("os.environ", {"PKEDU_CACHE_DIR": "relative/cache"}):
    ...     folder() is None
    True
    """
    chosen = os.environ.get("PKEDU_CACHE_DIR")
    if chosen is not None:
        if chosen.strip().lower() in _OFF or not chosen.strip():
            return None
        where = Path(os.path.expanduser(chosen.strip()))
        return where if where.is_absolute() else None  # never a folder inside the notebooks'
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # as the XDG rules say: a relative path is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pkedu"


def _private(path: Path) -> bool:
    """Whether ``path`` belongs to this user and nobody else can write it.

    A cache that others could write would let them choose the tables a student loads.
    """
    try:
        info = path.stat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


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
    """The table that :func:`encode` stored; ValueError if the arrays do not fit together."""
    names, kinds = arrays["names"].tolist(), arrays["kinds"].tolist()
    if len(names) != len(kinds) or len(set(names)) != len(names) or not names:
        raise ValueError("names and kinds do not match")
    rows = _vector(arrays["v0"]).shape[0]
    columns = {}
    for i, (name, kind) in enumerate(zip(names, kinds)):
        values = _vector(arrays[f"v{i}"], rows)
        if kind in ("string", "datetime64[s]"):
            uniques = _vector(arrays[f"u{i}"])
            if values.dtype.kind != "i" or (len(values) and not
                                            -1 <= values.min() <= values.max() < len(uniques)):
                raise ValueError(f"codes of {name} out of range")
            if kind == "string":
                words = np.append(uniques.astype(str).astype(object), None)  # -1 means missing
                columns[name] = pd.array(words[values], dtype="string")
            else:
                columns[name] = np.append(uniques.astype(kind), np.datetime64("NaT", "s"))[values]
        elif kind in _MASKED:
            mask = _vector(arrays[f"m{i}"], rows)
            expected = "b" if kind == "boolean" else "i" if kind == "Int64" else "f"
            if values.dtype.kind != expected or mask.dtype.kind != "b":
                raise ValueError(f"{name} is not {kind}")
            numbers = values.astype(bool if kind == "boolean" else _WIDE[kind])
            columns[name] = _MASKED[kind](numbers, mask)
        elif kind in _PLAIN and values.dtype.kind == np.dtype(kind).kind:
            columns[name] = values.astype(kind)
        else:
            raise ValueError(f"{name} is not {kind}")
    return pd.DataFrame(columns, copy=False)


def _vector(values: np.ndarray, rows: int | None = None) -> np.ndarray:
    """``values`` if it is one-dimensional (with ``rows`` values, when given), else ValueError."""
    if values.ndim != 1 or (rows is not None and values.shape[0] != rows):
        raise ValueError("not a column")
    return values


def read(table_key: str, dtypes: dict[str, str] | None = None) -> pd.DataFrame | None:
    """The table kept under ``table_key``, or None if there is none or it cannot be used.

    ``dtypes`` (column name to type, in order), when given, is what the table must have.
    Anything wrong with the file (damaged, written by someone else, columns that do not
    fit) means None: the caller reads the CSV file again.
    """
    where = folder()
    if where is None or not _private(where) or not _private(where / f"{table_key}.npz"):
        return None
    try:
        with np.load(where / f"{table_key}.npz", allow_pickle=False) as stored:
            table = decode({name: stored[name] for name in stored.files})
    except Exception:  # any damage at all: the file is ignored, and written again
        return None
    if dtypes is not None and list(table.dtypes.astype(str).items()) != list(dtypes.items()):
        return None
    return table


def write(table_key: str, df: pd.DataFrame) -> None:
    """Keep ``df`` under ``table_key``; quietly does nothing if the folder cannot be written."""
    where = folder()
    arrays = encode(df) if where is not None else None
    if where is None or arrays is None:
        return
    name = table_key.rpartition("-")[0]
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(where):
            return
        handle, temporary = tempfile.mkstemp(dir=where, prefix=f"{name}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                np.savez(out, **arrays)
            os.replace(temporary, where / f"{table_key}.npz")
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        for older in [*where.glob(f"{name}-*.npz"), *where.glob(f"{name}-*.tmp")]:
            if older.name != f"{table_key}.npz":  # one file per table, the newest; no leftovers
                older.unlink(missing_ok=True)
    except OSError:
        return
