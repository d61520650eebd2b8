"""Opening a file checks and makes its roles a column at a time, with shortcuts over whole columns.

Whatever a shortcut decides, a file opens exactly as the model's own check of
each value says: a value the shortcut cannot vouch for is looked at on its own,
and a refused row is named with the model's sentence.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest

from tdorg.model import Chart, Role
from tdorg.model.people import person_key
from tdorg.model.errors import CorruptFileError, EditError
from tdorg.model.persistence import open_chart, save_chart
from tdorg.model.role import check_field, check_id, ids_valid, roles_from_columns, texts_as_kept
from tdorg.model.synthetic import synthetic_chart
from tdorg.model.values import NOTES_MAX, PERSON_MAX, TITLE_MAX, check_text, texts_fit
from tests.test_persistence import every_field_chart

LIMITS = {"title": TITLE_MAX, "person": PERSON_MAX, "notes": NOTES_MAX}
ODD_TEXTS = [
    "", "   ", "plain", "  padded  ", "ünïcode ✓ 𝄞", "x" * TITLE_MAX, "x" * (TITLE_MAX + 1), "nul\x00inside",
    "lone \ud800 surrogate", 5, 1.5, None, b"bytes",
]  # fmt: skip
ODD_IDS = ["a", "A-1.b_c", "9", "x" * 64, "x" * 65, "-lead", ".x", "", "has space", "new\nline", "end\n", "ü", 5, None]


def _checked(check, values: list[object]) -> list[object] | None:
    """Each value as ``check`` keeps it, or ``None`` when it refuses one."""
    try:
        return [check(value) for value in values]
    except EditError:
        return None


def _long_column(value: object) -> list[object]:
    """``value`` among plain texts, past the first thousand or so a shortcut looks at together."""
    return ["Network Manager"] * 1500 + [value] + ["Technician"] * 10


@pytest.mark.parametrize("value", ODD_TEXTS, ids=repr)
def test_a_column_of_texts_fits_exactly_when_each_of_its_texts_passes_its_own_check(value: object) -> None:
    alone = _checked(lambda v: check_text("title", v, TITLE_MAX, "A title"), [value]) is not None
    assert texts_fit([value], TITLE_MAX) is alone
    assert texts_fit(_long_column(value), TITLE_MAX) is alone
    assert texts_fit([], TITLE_MAX)


@pytest.mark.parametrize("name", sorted(LIMITS))
@pytest.mark.parametrize("value", ODD_TEXTS, ids=repr)
def test_texts_kept_by_the_shortcut_are_those_each_check_keeps(name: str, value: object) -> None:
    column = _long_column(value)
    expected = _checked(lambda v: check_field(name, v), column)
    kept = texts_as_kept(name, column)
    if expected is None:
        assert kept is None  # a refused value is left for its own check, which names it
    elif kept is not None:
        assert kept == expected
    if value in ("plain", "  padded  ", "ünïcode ✓ 𝄞"):
        assert kept == expected  # plain texts take the shortcut


def test_the_text_shortcut_leaves_other_fields_to_their_own_checks() -> None:
    assert texts_as_kept("category", ["network"]) is None
    assert texts_as_kept("person", ["Kim", None]) is None  # no person: the field's own check keeps ""


@pytest.mark.parametrize("role_id", ODD_IDS, ids=repr)
def test_a_column_of_ids_is_valid_only_when_each_id_is(role_id: object) -> None:
    column = ["cto", role_id, "tech-1"]
    each = _checked(check_id, column) is not None
    if ids_valid(column):
        assert each
    elif each:
        assert "\n" in str(role_id)  # an id check_id takes but the shortcut leaves to it
    assert ids_valid(["cto", "tech-1"] * 800) and ids_valid([])


def test_roles_made_a_column_at_a_time_equal_roles_made_one_by_one() -> None:
    roles = every_field_chart().roles_in_order()
    columns = {f.name: [getattr(role, f.name) for role in roles] for f in fields(Role)}
    made = roles_from_columns(columns, len(roles))
    assert made == roles
    assert [hash(role) for role in made] == [hash(role) for role in roles]
    assert [repr(role) for role in made] == [repr(role) for role in roles]
    assert made[1].with_changes(title="CIO") == roles[1].with_changes(title="CIO")


def _tampered(tmp_path: Path, chart: Chart, sql: str, *values: object) -> Path:
    path = tmp_path / "tampered.tdorg"
    save_chart(chart, path)
    conn = sqlite3.connect(path)
    conn.execute(sql, values)
    conn.commit()
    conn.close()
    return path


#: (column, stored value, field whose check refuses it)
BAD_VALUES = [
    ("title", "   ", "title"),
    ("title", "t" * (TITLE_MAX + 1), "title"),
    ("title", b"a blob", "title"),
    ("person", "p" * (PERSON_MAX + 1), "person"),
    ("person", "Kim\x00Lee", "person"),
    ("notes", "n" * (NOTES_MAX + 1), "notes"),
    ("notes", b"\x00\x01", "notes"),
]


@pytest.mark.parametrize(("column", "value", "field"), BAD_VALUES, ids=lambda v: repr(v)[:20])
def test_a_bad_text_deep_in_a_large_file_is_refused_naming_its_role(
    tmp_path: Path, column: str, value: object, field: str
) -> None:
    chart = synthetic_chart(1500, seed=3)
    victim = chart.tree_order()[1234]
    path = _tampered(tmp_path, chart, f"UPDATE role SET {column} = ? WHERE id = ?", value, victim)
    with pytest.raises(CorruptFileError) as caught:
        open_chart(path)
    with pytest.raises(EditError) as own:
        check_field(field, value)
    assert f"role “{victim}”: {own.value}" in str(caught.value)


@pytest.mark.parametrize("bad_id", ["has space", "new\nline", "x" * 65, "-lead"])
def test_a_bad_id_deep_in_a_large_file_is_refused_naming_it(tmp_path: Path, bad_id: str) -> None:
    chart = synthetic_chart(1500, seed=3)
    leaf = next(rid for rid in reversed(chart.tree_order()) if not chart.child_count(rid)
                and not chart.dotted_reports(rid) and not chart.role(rid).dotted_to)
    path = _tampered(tmp_path, chart, "UPDATE role SET id = ? WHERE id = ?", bad_id, leaf)
    with pytest.raises(CorruptFileError) as caught:
        open_chart(path)
    with pytest.raises(EditError) as own:
        check_id(bad_id)
    assert f"role “{bad_id}”: {own.value}" in str(caught.value)


def _fte_by_person(chart: Chart) -> dict[str, float]:
    totals: dict[str, float] = {}
    for role in chart.roles.values():
        if role.person and not role.vacant:
            key = person_key(role.person)
            totals[key] = totals.get(key, 0.0) + role.fte
    return totals


def _assert_totals_match(chart: Chart) -> None:
    expected = _fte_by_person(chart)
    for person, total in expected.items():
        assert math.isclose(chart.person_fte(person), total)
    assert set(chart.over_allocated_people()) == {p for p, t in expected.items() if t > chart.max_person_fte() + 1e-9}


def test_an_opened_chart_counts_each_persons_fte_when_first_asked_even_after_edits(tmp_path: Path) -> None:
    chart = synthetic_chart(1500, seed=11)
    chart.update_role(chart.tree_order()[40], person="Shared Person", fte=0.6, vacant=False)
    chart.update_role(chart.tree_order()[41], person="shared  PERSON", fte=0.4, vacant=False)
    path = tmp_path / "people.tdorg"
    save_chart(chart, path)

    counted_at_once = open_chart(path)
    _assert_totals_match(counted_at_once)
    assert counted_at_once.person_fte("Shared Person") == pytest.approx(1.0)

    edited_first = open_chart(path)  # edited before anything asks for the totals
    order = edited_first.tree_order()
    leaf = next(rid for rid in reversed(order) if not edited_first.child_count(rid))
    removal = edited_first.remove_role(leaf)
    edited_first.restore(removal)
    manager = next(rid for rid in order[100:] if edited_first.child_count(rid) > 1)
    edited_first.remove_role(manager)
    edited_first.update_role(order[40], fte=0.3)
    edited_first.add_role(Role("extra", "Extra Technician", "building_technician", "Shared Person", order[1], fte=0.3))
    _assert_totals_match(edited_first)
    assert edited_first.person_fte("Shared Person") == pytest.approx(1.0)
    with pytest.raises(EditError):
        edited_first.update_role("extra", fte=0.8)  # 0.3 + 0.4 + 0.8 is more than one person holds


def test_a_role_without_reports_in_an_opened_chart_can_be_removed_and_put_back(tmp_path: Path) -> None:
    chart = synthetic_chart(300, seed=5)
    path = tmp_path / "leaf.tdorg"
    save_chart(chart, path)
    opened = open_chart(path)
    leaf = next(rid for rid in opened.tree_order() if not opened.child_count(rid))
    assert opened.children(leaf) == () and opened.descendants(leaf) == []
    removal = opened.remove_role(leaf)
    assert leaf not in opened
    opened.restore(removal)
    assert opened == chart
    opened.reparent(opened.tree_order()[-1], leaf)
    assert opened.child_count(leaf) == 1
