"""Damaged or wrongly edited data files give one clear DataError, never a raw error.

Every test damages a private copy of data/ (the ``data_copy`` fixture) and loads it.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import re
from pathlib import Path

import pytest

from pkedu import data, manifest
from pkedu.data import DataError

ROOT = Path(__file__).resolve().parents[1]
BIG = "99999999999999999999"

#: Values that break a column of each kind wherever they stand.
INVALID = {
    "int": [BIG, "inf", "-inf", "NaN", "1.5", "lots", "-1", "1e400"],
    "nullable_int": [BIG, "inf", "-inf", "NaN", "1.5", "lots", "-1"],
    "float": ["inf", "-inf", "NaN", "lots", "1e400", "1,5"],
    "bool": ["yes", "1", "inf", "true"],
    "month": ["2019-13", "inf", "2019", "lots"],
    "str": [],
    "code": [],
}
#: Values that break one column in particular (line 3 of its file).
EXTRA = {
    ("months", "source"): ["", "lots"],
    ("months", "world_total"): [""],
    ("months", "n_countries"): [""],
    ("missions", "hq_lat"): ["91"],
    ("missions", "hq_lon"): ["-181"],
    ("missions", "first_month"): ["2025-08"],
    ("countries", "asean10"): ["True"],
    ("events", "date"): ["lots", "2019-13-01", "19-05"],
    ("events", "source_urls"): ["lots", "https://a.org ; www.b.org"],
    ("reimbursement_rates", "effective_from"): ["lots", "2018-02-30", "1990-01-01"],
    ("reimbursement_rates", "rate_usd"): ["-1"],
    ("reimbursement_rates", "source_urls"): ["lots"],
}
#: Odd values thrown at every column of every table.
ODD = [BIG, "inf", "-inf", "NaN", "-1", "1.5", "lots", "", "True", "x\x00y", "a\x07b"]


@functools.lru_cache(maxsize=None)
def _lines(file: str) -> tuple[str, ...]:
    raw = (ROOT / "data" / file).read_bytes()
    text = gzip.decompress(raw) if file.endswith(".gz") else raw
    return tuple(text.decode("utf-8").split("\n"))


def _write(path: Path, lines: list[str] | tuple[str, ...]) -> None:
    text = "\n".join(lines).encode("utf-8")
    path.write_bytes(gzip.compress(text, compresslevel=1) if path.suffix == ".gz" else text)


def _set_cell(directory: Path, table: str, column: str, value: str, line: int = 3) -> None:
    """Write ``value`` into ``column`` on ``line`` (the header is line 1) of the table's file."""
    spec = data.TABLES[table]
    lines = list(_lines(spec.file))
    row = next(csv.reader([lines[line - 1]]))
    row[list(spec.columns).index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(row)
    lines[line - 1] = out.getvalue()
    _write(directory / spec.file, lines)


def _cell(table: str, column: str, line: int = 3) -> str:
    spec = data.TABLES[table]
    return next(csv.reader([_lines(spec.file)[line - 1]]))[list(spec.columns).index(column)]


def _cases(values_for) -> list:
    """(table, column, value) for every column of every table, leaving out unchanged cells."""
    return [pytest.param(table, col, value, id=f"{table}-{col}-{value!r}")
            for table, spec in data.TABLES.items()
            for col, kind in spec.columns.items()
            for value in values_for(table, spec, col, kind) if value != _cell(table, col)]


def _invalid(table: str, spec: data.TableSpec, col: str, kind: str) -> list[str]:
    values = list(INVALID[kind]) + EXTRA.get((table, col), [])
    if col in spec.required:
        values.append("")
    if col in spec.patterns or col in spec.allowed or col in spec.references:
        values.append("Lots!")
    return values


@pytest.mark.parametrize(("table", "column", "value"), _cases(lambda *_: ODD))
def test_an_odd_value_anywhere_gives_a_data_error_or_loads(data_copy: Path, table: str,
                                                           column: str, value: str) -> None:
    _set_cell(data_copy, table, column, value)
    spec = data.TABLES[table]
    try:
        data.load_table(table)
    except DataError as exc:
        assert str(exc).startswith(f"{spec.file}"), exc
        assert exc.line in (None, 3, 4), exc
        assert "\n" not in str(exc)
    else:
        # Only the tables compiled by hand take an edit that keeps to their rules; the
        # generated ones are checked against the manifest.
        assert spec.by_hand, f"{table}: {column}={value!r} loaded without an error"


@pytest.mark.parametrize(("table", "column", "value"), _cases(_invalid))
def test_an_invalid_value_names_file_line_and_column(data_copy: Path, table: str, column: str,
                                                     value: str) -> None:
    _set_cell(data_copy, table, column, value)
    file = re.escape(data.TABLES[table].file)
    with pytest.raises(DataError, match=rf"^{file}, line 3: .*'{column}'"):
        data.load_table(table)


def test_integer_overflow_and_infinity_are_data_errors(data_copy: Path) -> None:
    _set_cell(data_copy, "months", "world_total", BIG)
    with pytest.raises(DataError, match=r"^months\.csv, line 3: column 'world_total' holds a "
                                        r"number too large for a count, found '9{20}'"):
        data.load_months()
    _set_cell(data_copy, "contributions", "total", "inf")
    with pytest.raises(DataError, match=r"^contributions\.csv\.gz, line 3: column 'total' must "
                                        r"hold a whole number, found 'inf'\. The data are "
                                        r"damaged: restore .*git checkout -- data/contrib"):
        data.load_contributions()


@pytest.mark.parametrize("table", list(data.TABLES))
def test_a_nul_byte_names_its_line(data_copy: Path, table: str) -> None:
    spec = data.TABLES[table]
    lines = list(_lines(spec.file))
    lines[3] = lines[3][:5] + "\x00" + lines[3][5:]
    _write(data_copy / spec.file, lines)
    with pytest.raises(DataError, match=rf"^{re.escape(spec.file)}, line 4: the file holds a "
                                        "NUL byte"):
        data.load_table(table)


def test_a_nul_byte_in_countries_is_blamed_on_countries(data_copy: Path) -> None:
    lines = list(_lines("countries.csv"))
    lines[5] = lines[5].replace("A", "A\x00", 1)
    _write(data_copy / "countries.csv", lines)
    with pytest.raises(DataError, match=r"^countries\.csv, line 6: .*NUL"):
        data.load_contributions()


def test_a_byte_that_is_not_utf8_names_its_line(data_copy: Path) -> None:
    lines = list(_lines("missions.csv"))
    content = "\n".join(lines).encode("utf-8").replace(lines[4].encode(), lines[4].encode()
                                                       .replace(b",", b"\xff,", 1))
    (data_copy / "missions.csv").write_bytes(content)
    with pytest.raises(DataError, match=r"^missions\.csv, line 5: the file is not valid UTF-8"):
        data.load_missions()


def test_decimal_columns_ask_for_a_number_not_a_whole_number(data_copy: Path) -> None:
    _set_cell(data_copy, "missions", "hq_lat", "north")
    with pytest.raises(DataError, match=r"line 3: column 'hq_lat' must hold a number, "
                                        r"found 'north'"):
        data.load_missions()
    _set_cell(data_copy, "reimbursement_rates", "rate_usd", "inf")
    with pytest.raises(DataError, match=r"line 3: column 'rate_usd' must hold a finite number"):
        data.load_reimbursement_rates()


# --- damage that keeps to the format: the manifest -----------------------------------------

def test_months_cut_in_half(data_copy: Path) -> None:
    path = data_copy / "months.csv"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(DataError, match=r"^months\.csv.*The data are damaged: restore the "
                                        r"course's copy with 'git checkout -- data/months\.csv'"):
        data.load_months()


def test_mission_table_cut_in_half(data_copy: Path) -> None:
    text = "\n".join(_lines("mission_contributions.csv.gz"))
    (data_copy / "mission_contributions.csv.gz").write_bytes(
        gzip.compress(text[: len(text) // 2].encode(), compresslevel=1))
    with pytest.raises(DataError, match=r"^mission_contributions\.csv\.gz.*The data are damaged: "
                                        r"restore the course's copy with 'git checkout -- "
                                        r"data/mission_contributions\.csv\.gz'"):
        data.load_mission_contributions()


def test_a_plausible_edit_of_a_generated_table(data_copy: Path) -> None:
    _set_cell(data_copy, "contributions", "total", "27", line=3)  # was 26
    with pytest.raises(DataError, match=r"^contributions\.csv\.gz: the file differs from the one "
                                        r"the data were built with"):
        data.load_contributions()


def test_windows_line_endings_are_not_damage(data_copy: Path) -> None:
    for name in ("months.csv", "countries.csv", "missions.csv", "events.csv"):
        path = data_copy / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert len(data.load_months()) == 417
    assert len(data.load_countries()) == 167
    assert len(data.load_events()) > 0


def test_manifest_missing_or_damaged(data_copy: Path) -> None:
    (data_copy / "manifest.json").write_text("{not json")
    with pytest.raises(DataError, match=r"^manifest\.json: the file is damaged.*git checkout -- "
                                        r"data/manifest\.json"):
        data.load_months()
    (data_copy / "manifest.json").unlink()
    data.clear_cache()
    with pytest.raises(DataError, match=r"^manifest\.json: file not found"):
        data.load_countries()
    data.clear_cache()
    assert len(data.load_reimbursement_rates()) > 0  # a hand-made table does not need it


def test_manifest_records_every_generated_table_and_no_hand_table() -> None:
    recorded = manifest.read(ROOT / "data")
    assert set(recorded) == {s.file for s in data.TABLES.values() if not s.by_hand}
    for file, entry in recorded.items():
        assert manifest.digest(file, (ROOT / "data" / file).read_bytes()) == entry.sha256
        assert entry.rows == len(_lines(file)) - 2  # header and the final newline


# --- internal consistency --------------------------------------------------------------------

def test_unknown_personnel_type(data_copy: Path) -> None:
    _set_cell(data_copy, "contributions", "type", "Sailors", line=5)
    with pytest.raises(DataError, match=r"^contributions\.csv\.gz, line 5: column 'type' must be "
                                        r"one of \['Troops', 'Police', 'Experts'"):
        data.load_contributions()


def test_type_and_group_must_agree(data_copy: Path) -> None:
    _set_cell(data_copy, "contributions", "type", "Experts", line=3)  # a police row
    with pytest.raises(DataError, match=r"line 3: type 'Experts' belongs to group 'experts', "
                                        r"found 'police'"):
        data.load_contributions()


def test_unknown_mission_code(data_copy: Path) -> None:
    _set_cell(data_copy, "mission_contributions", "mission", "UNXYZ", line=7)
    with pytest.raises(DataError, match=r"^mission_contributions\.csv\.gz, line 7: unknown mission "
                                        r"'UNXYZ' in column 'mission' \(not in the missions table"):
        data.load_mission_contributions()


def test_male_plus_female_must_equal_total(data_copy: Path) -> None:
    lines = _lines("contributions.csv.gz")
    line = next(i for i, text in enumerate(lines)
                if text.startswith("2014-04") and int(text.rsplit(",", 1)[1]) > 10) + 1
    _set_cell(data_copy, "contributions", "male", "1", line=line)
    with pytest.raises(DataError, match=rf"line {line}: male \+ female \(1 \+ \d+\) must equal "
                                        r"total"):
        data.load_contributions()
    data.clear_cache()
    _set_cell(data_copy, "mission_contributions", "female", "", line=2)
    with pytest.raises(DataError, match=r"line 2: 'male' and 'female' must both be given or "
                                        r"both be empty"):
        data.load_mission_contributions()


def test_months_follow_each_other(data_copy: Path) -> None:
    lines = list(_lines("months.csv"))
    del lines[100]
    _write(data_copy / "months.csv", lines)
    with pytest.raises(DataError, match=r"^months\.csv, line 101: column 'month' must follow the "
                                        r"row above by one month"):
        data.load_months()


# --- the two tables compiled by hand: edits are welcome, mistakes are named -------------------

NEW_EVENT = ("test-new-event,2019-05-06,day,IDN;MYS,pledge,A new pledge,Our words.,,"
             "https://example.org/a ; https://example.org/b,False,")


def test_a_well_formed_new_event_loads(data_copy: Path) -> None:
    _write(data_copy / "events.csv", list(_lines("events.csv"))[:-1] + [NEW_EVENT, ""])
    events = data.load_events()
    assert events["id"].iloc[-1] == "test-new-event"
    rates = list(_lines("reimbursement_rates.csv"))
    rates[-2] = rates[-2].replace(",1428,", ",1448,")
    _write(data_copy / "reimbursement_rates.csv", rates)
    assert data.load_reimbursement_rates()["rate_usd"].iloc[-1] == 1448


@pytest.mark.parametrize(("edit", "message"), [
    (("IDN;MYS", "IDN;XYZ"), r"unknown country code 'XYZ' in column 'iso3'"),
    ((",pledge,", ",pledges,"), r"column 'category' must be one of"),
    (("2019-05-06,day", "2019-05,day"), r"column 'date' must be a date like 2019-12-31"),
    ((",False,", ",True,"), r"column 'dispute_note' is empty although 'disputed' is True"),
    (("test-new-event", "Test new event"), r"column 'id' must be lower-case words"),
])
def test_a_mistake_in_a_new_event_is_named(data_copy: Path, edit: tuple[str, str],
                                           message: str) -> None:
    lines = list(_lines("events.csv"))
    _write(data_copy / "events.csv", lines[:-1] + [NEW_EVENT.replace(*edit), ""])
    with pytest.raises(DataError, match=rf"^events\.csv, line {len(lines)}: {message}.*Correct "
                                        r"that line"):
        data.load_events()


def test_months_cut_between_two_rows(data_copy: Path) -> None:
    _write(data_copy / "months.csv", list(_lines("months.csv"))[:195] + [""])
    with pytest.raises(DataError, match=r"^months\.csv: 194 rows where the data were built with "
                                        r"417\. The data are damaged: restore"):
        data.load_months()
