"""Bad JSON and CSV files: a FormatError naming the file, the line and the field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from tdorg.model.errors import FileError, FormatError
from tdorg.model.formats import load_chart

GOOD_ROLES: list[dict[str, Any]] = [
    {"id": "supt", "title": "Superintendent", "category": "superintendent", "reports_to": "",
     "flags": ["superintendent", "cabinet"]},
    {"id": "cto", "title": "CTO", "category": "it_leader", "reports_to": "supt", "flags": ["top_it_leader"]},
    {"id": "nm", "title": "Network Manager", "category": "network", "reports_to": "cto",
     "service_areas": ["communication"], "fte": 1.0},
    {"id": "tech", "title": "Technician", "category": "building_technician", "reports_to": "nm", "fte": 0.5},
]


def json_doc(change: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    doc = {
        "format": "tdorg-sample",
        "version": 1,
        "district": {"name": "Test District", "state": "WI", "students": 1000, "buildings": {"total": 3}},
        "notes": "",
        "roles": [dict(r) for r in GOOD_ROLES],
    }
    if change is not None:
        change(doc)
    return doc


def write_doc(tmp_path: Path, doc: dict[str, Any]) -> tuple[Path, str]:
    text = json.dumps(doc, indent=2)
    path = tmp_path / "chart.json"
    path.write_text(text, encoding="utf-8")
    return path, text


def line_of_role(text: str, role_id: str, nth: int = 1) -> int:
    """The line of the ``{`` opening the nth role object with this id."""
    lines = text.splitlines()
    hits = [n for n, line in enumerate(lines) if line.strip() == f'"id": "{role_id}",']
    return hits[nth - 1]  # the object's "{" is on the line before (0-based n → 1-based n)


def line_of_key(text: str, key: str) -> int:
    return next(n + 1 for n, line in enumerate(text.splitlines()) if line.strip().startswith(f'"{key}"'))


def load_error(path: Path) -> FormatError:
    with pytest.raises(FormatError) as caught:
        load_chart(path)
    error = caught.value
    assert str(error).startswith(f"{path}: ")
    if error.line is not None:
        assert f"line {error.line}" in str(error)
    if error.field:
        assert f"field “{error.field}”" in str(error)
    return error


def set_role(index: int, **values: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        doc["roles"][index].update(values)

    return change


ROLE_CASES = [
    # (change, role id blamed, nth role with that id, field, words in the message)
    (set_role(2, fte="one"), "nm", 1, "fte", "must be a number"),
    (set_role(3, fte=1.5), "tech", 1, "fte", "at most 1.0"),
    (set_role(3, fte=0), "tech", 1, "fte", "greater than 0"),
    (set_role(2, category="router"), "nm", 1, "category", "Unknown category 'router'"),
    (set_role(1, flags=["top_it_leader", "boss"]), "cto", 1, "flags", "Unknown flag 'boss'"),
    (set_role(2, service_areas=["comms"]), "nm", 1, "service_areas", "Unknown service area 'comms'"),
    (set_role(2, flags="cabinet"), "nm", 1, "flags", "must be a list"),
    (set_role(3, vacant="yes"), "tech", 1, "vacant", "true or false"),
    (set_role(3, title=7), "tech", 1, "title", "must be text"),
    (set_role(3, reports_to=["nm"]), "tech", 1, "reports_to", "role id"),
    (set_role(3, employment="volunteer"), "tech", 1, "employment", "volunteer"),
    (set_role(3, leads=["Bad Function!"]), "tech", 1, "leads", "not valid"),
    (set_role(3, annual_cost=-5), "tech", 1, "annual_cost", "0 or more"),
    (set_role(3, id="nm"), "nm", 2, "id", "used twice"),
    (set_role(3, reports_to="boss"), "tech", 1, "reports_to", "“boss”"),
    (set_role(3, reports_to="tech"), "tech", 1, "reports_to", "itself"),
    (set_role(3, dotted_to=["ghost"]), "tech", 1, "dotted_to", "“ghost”"),
    (set_role(0, reports_to="nm"), "supt", 1, "reports_to", "loop"),
    (set_role(3, repotrs_to="nm"), "tech", 1, "repotrs_to", "unknown field"),
    (set_role(3, id="bad id!"), "bad id!", 1, "id", "not valid"),
]


@pytest.mark.parametrize("change, role_id, nth, field, words", ROLE_CASES)
def test_json_role_problem_names_the_role_line_and_field(
    tmp_path: Path, change: Callable, role_id: str, nth: int, field: str, words: str
) -> None:
    path, text = write_doc(tmp_path, json_doc(change))
    error = load_error(path)
    assert error.line == line_of_role(text, role_id, nth)
    assert error.field == field
    assert words in str(error)


def test_json_cycle_names_every_role_of_the_loop(tmp_path: Path) -> None:
    path, _ = write_doc(tmp_path, json_doc(set_role(0, reports_to="nm")))
    message = str(load_error(path))
    assert "“Superintendent” → “Network Manager” → “CTO” → “Superintendent”" in message


def test_json_role_that_is_not_an_object(tmp_path: Path) -> None:
    path, text = write_doc(tmp_path, json_doc(lambda d: d["roles"].append("oops")))
    error = load_error(path)
    assert "Role 5 must be an object" in str(error)
    assert error.line == line_of_key(text, "roles")


@pytest.mark.parametrize(
    "key, value, field",
    [
        ("students", "many", "district.students"),
        ("students", -1, "district.students"),
        ("teachers", 1.5, "district.teachers"),
        ("state", "Wisconsin", "district.state"),
        ("erate", "yes", "district.erate"),
        ("buildings", {"high": "two"}, "district.buildings.high"),
        ("buildings", 3, "district.buildings"),
        ("county", "La Crosse", "district.county"),
    ],
)
def test_json_district_problem_names_the_field(tmp_path: Path, key: str, value: Any, field: str) -> None:
    path, text = write_doc(tmp_path, json_doc(lambda d: d["district"].update({key: value})))
    error = load_error(path)
    assert error.field == field
    assert error.line in (line_of_key(text, "district"), line_of_key(text, "buildings"))


def test_json_document_problems(tmp_path: Path) -> None:
    for doc, words, field, key in [
        ([1, 2], "JSON object", None, None),
        (json_doc(lambda d: d.pop("roles")), "no “roles” list", "roles", None),
        (json_doc(lambda d: d.update(roles={"a": 1})), "must be a list", "roles", "roles"),
        (json_doc(lambda d: d.update(format="other-tool")), "not a tdorg chart", "format", None),
        (json_doc(lambda d: d.update(version=2)), "newer tdorg", "version", None),
        (json_doc(lambda d: d.update(notes=["x"])), "must be text", "notes", None),
        (json_doc(lambda d: d.update(settings={"disabled": {"CAB-3": ""}})), "reason", "settings.disabled", "settings"),
    ]:
        path, text = write_doc(tmp_path, doc)  # type: ignore[arg-type]
        error = load_error(path)
        assert words in str(error) and error.field == field
        assert error.line == (line_of_key(text, key) if key else 1)


@pytest.mark.parametrize("arrangements, words", [
    ([2], "must map a manager"),
    ({"ghost": 2}, "no role with that id"),
    ({"cto": -1}, "one row (0) or a number of columns"),
    ({"cto": True}, "got True"),
    ({"cto": "wide"}, "got 'wide'"),
    ({"cto": 2.5}, "got 2.5"),
])
def test_json_arrangement_problems_name_the_line(tmp_path: Path, arrangements: Any, words: str) -> None:
    path, text = write_doc(tmp_path, json_doc(lambda d: d.update(arrangements=arrangements)))
    error = load_error(path)
    assert words in str(error) and error.field == "arrangements"
    assert error.line is not None and error.line >= line_of_key(text, "arrangements")


@pytest.mark.parametrize("collapsed, words", [
    ({"cto": True}, "must list the ids"),
    (["ghost"], "'ghost' is collapsed, but there is no role"),
    (["cto", 7], "7 is collapsed, but there is no role"),
])
def test_json_collapsed_problems_name_the_line(tmp_path: Path, collapsed: Any, words: str) -> None:
    path, text = write_doc(tmp_path, json_doc(lambda d: d.update(collapsed=collapsed)))
    error = load_error(path)
    assert words in str(error) and error.field == "collapsed"
    assert error.line is not None and error.line >= line_of_key(text, "collapsed")


def test_malformed_json_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "roles": [\n    {"id": "a", "title": "A",}\n  ]\n}\n', encoding="utf-8")
    error = load_error(path)
    assert error.line == 3
    assert "not valid JSON" in str(error) and "column 30" in str(error)


@pytest.mark.parametrize("suffix", [".json", ".csv"])
@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"  \n\n\t", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"SQLite format 3\x00" + bytes(100), ".tdorg"),
    ],
)
def test_empty_and_binary_files(tmp_path: Path, suffix: str, content: bytes, words: str) -> None:
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    error = load_error(path)
    assert words in str(error)


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_text_that_is_not_utf8_names_the_line(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"latin1{suffix}"
    path.write_bytes("id,title\nr1,Caf\u00e9\n".encode("latin-1"))
    error = load_error(path)
    assert error.line == 2 and "UTF-8" in str(error)


def test_missing_file_and_folder_are_file_errors(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="no such file"):
        load_chart(tmp_path / "missing.json")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(FileError, match="folder"):
        load_chart(tmp_path / "folder.csv")
