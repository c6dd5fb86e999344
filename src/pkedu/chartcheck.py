"""Altair's check of a chart against the Vega-Lite schema, remembering the parts it found valid.

When a chart is drawn, Altair checks the whole chart against the Vega-Lite
schema (with ``jsonschema``), so that a broken chart fails in Python with
Altair's message instead of in the browser. Most of that time goes into parts
that repeat: the same axis, colour and tooltip definitions in every layer and
every chart, and a whole chart again when an app draws it again.

:func:`install` (called by :mod:`pkedu.theme`) makes that check remember each
part it found valid: the schema definition it was checked against (a ``$ref``
of the schema) and the part's exact value. The next time the same value meets
the same definition, the check skips it. Nothing about the outcome changes:

* a part is skipped only if exactly the same value (same keys, values and
  types) was found valid against exactly the same definition before, and
  checking a JSON value against a fixed definition always gives the same answer;
* when the check finds any problem, Altair's own check runs again from the
  start, so a broken chart raises Altair's usual error with its usual message;
* a chart holding anything but plain JSON values (dicts, lists, text, numbers,
  True/False/None) is checked by Altair as before.

Anything else Altair does when drawing is unchanged. With an Altair that lacks
the pieces used here, :func:`install` leaves Altair's check as it is.

>>> import altair as alt
>>> install()
True
>>> forget()
>>> _ = alt.Chart().mark_point().encode(x="a:Q").to_dict()
>>> remembered() > 0
True
>>> with schemapi.debug_mode(False):  # as in a builder: parts are not checked one by one
...     broken = alt.Chart().mark_point().encode(x=alt.X("a:Q", axis=alt.Axis(format=12)))
>>> try:
...     broken.to_dict()
... except schemapi.SchemaValidationError as error:
...     print(str(error).splitlines()[0])
'12' is an invalid value for `format`. Valid values are of type 'string' or 'object'.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import Any

import jsonschema
from altair.utils import schemapi

__all__ = ["install", "installed", "forget", "remembered"]

#: At most this many valid parts are remembered (about 100 bytes each); when
#: full, the memory starts again from empty.
MAX_REMEMBERED = 50_000

_JSON_LEAVES = (str, int, float, bool, type(None))

_valid: set[bytes] = set()
# (validator class, id of the root schema) -> (class that remembers, the root schema, kept
# alive so that its id is never reused by another object)
_classes: dict[tuple[type, int], tuple[type, object]] = {}
_original: Callable[..., list[Any]] | None = None


def _plain(value: object) -> bool:
    """Whether ``value`` holds only JSON values, so that its ``repr`` names it exactly.

    >>> _plain({"a": [1, 2.5, None, True, "x"]}), _plain({"a": object()}), _plain({1: "x"})
    (True, False, False)
    """
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            for key, inner in item.items():
                if type(key) is not str:
                    return False
                stack.append(inner)
        elif kind is list or kind is tuple:
            stack.extend(item)
        elif kind not in _JSON_LEAVES:
            return False
    return True


def _remembering(base: type, root: object) -> type:
    """``base`` (a jsonschema validator class) with a ``$ref`` that remembers valid parts."""
    found = _classes.get((base, id(root)))
    if found is not None:
        return found[0]
    prefix = f"{id(root)}\0".encode()

    def ref(validator: Any, ref: str, instance: object, schema: object) -> Iterator[Any]:
        text = f"{ref}\0{instance!r}".encode("utf-8", "surrogatepass")
        key = hashlib.blake2b(prefix + text, digest_size=16).digest()
        if key in _valid:
            return
        errors = list(validator._validate_reference(ref=ref, instance=instance))
        if errors:
            yield from errors
            return
        if len(_valid) >= MAX_REMEMBERED:
            _valid.clear()
        _valid.add(key)

    cls = jsonschema.validators.extend(base, {"$ref": ref})
    _classes[(base, id(root))] = (cls, root)
    return cls


def _errors(spec: Any, schema: dict[str, Any], rootschema: dict[str, Any] | None = None,
            ) -> list[Any]:
    """Altair's ``_get_errors_from_spec``, skipping parts already found valid."""
    assert _original is not None
    if not _plain(spec):
        return _original(spec, schema, rootschema=rootschema)
    root = rootschema or schema
    url = schemapi._get_json_schema_draft_url(root)
    cls = _remembering(jsonschema.validators.validator_for({"$schema": url}), root)
    kwargs: dict[str, Any] = {"registry": schemapi._get_referencing_registry(root, url)}
    if hasattr(cls, "FORMAT_CHECKER"):
        kwargs["format_checker"] = cls.FORMAT_CHECKER
    validator = cls(schemapi._prepare_references_in_schema(schema), **kwargs)
    if next(iter(validator.iter_errors(spec)), None) is None:
        return []
    # A problem: Altair's own check, from the start, gives the errors and their message.
    return _original(spec, schema, rootschema=rootschema)


def install() -> bool:
    """Make Altair's schema check remember valid parts (safe to call again).

    Returns whether it is in place: False with an Altair or jsonschema that lack
    what it needs, and then Altair checks as before.
    """
    global _original
    if _original is not None:
        return True
    needed = ("_get_errors_from_spec", "_get_json_schema_draft_url",
              "_get_referencing_registry", "_prepare_references_in_schema",
              "_use_referencing_library")
    if not all(hasattr(schemapi, name) for name in needed):
        return False
    if not schemapi._use_referencing_library():
        return False
    _original = schemapi._get_errors_from_spec
    schemapi._get_errors_from_spec = _errors
    return True


def installed() -> bool:
    """Whether Altair's check remembers valid parts now."""
    return _original is not None and schemapi._get_errors_from_spec is _errors


def forget() -> None:
    """Forget every part remembered so far."""
    _valid.clear()


def remembered() -> int:
    """How many valid parts are remembered."""
    return len(_valid)
