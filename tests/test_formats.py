"""The samples' JSON and CSV formats: every sample loads, and round trips are exact."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tdorg.model import Buildings, Chart, District, Role, RuleSettings
from tdorg.model.errors import FileError
from tdorg.model.formats import kind_of, load_chart, read_csv, read_json, save_chart, write_csv, write_json
from tdorg.model.formats.sample_csv import COLUMNS, SAMPLE_COLUMNS

from tests.samples import SAMPLES
STEMS = sorted(p.stem for p in SAMPLES.glob("*.json"))


def test_there_are_samples() -> None:
    assert len(STEMS) >= 4
    assert all((SAMPLES / f"{stem}.csv").exists() for stem in STEMS)


@pytest.mark.parametrize("stem", STEMS)
def test_sample_json_loads_with_district_and_notes(stem: str) -> None:
    raw = json.loads((SAMPLES / f"{stem}.json").read_text(encoding="utf-8"))
    chart = read_json(SAMPLES / f"{stem}.json")
    assert len(chart) == len(raw["roles"])
    assert chart.district.name == raw["district"]["name"]
    assert chart.district.state == raw["district"]["state"]
    assert chart.district.students == raw["district"]["students"]
    assert chart.district.erate == raw["district"]["erate"]
    assert chart.notes == raw["notes"]
    for item in raw["roles"]:
        role = chart.role(item["id"])
        assert role.title == item["title"]
        assert role.reports_to == (item["reports_to"] or None)
        assert role.flags == frozenset(item["flags"])
        assert role.leads == tuple(item["leads"])


@pytest.mark.parametrize("stem", STEMS)
def test_sample_csv_loads_with_an_empty_district(stem: str) -> None:
    chart = read_csv(SAMPLES / f"{stem}.csv")
    with open(SAMPLES / f"{stem}.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(chart) == len(rows)
    assert chart.district == District()
    assert [r.id for r in chart.roles.values()] == [row["id"] for row in rows]


@pytest.mark.parametrize("stem", STEMS)
def test_json_and_csv_of_a_sample_give_the_same_roles(stem: str) -> None:
    from_json = load_chart(SAMPLES / f"{stem}.json")
    from_csv = load_chart(SAMPLES / f"{stem}.csv")
    assert from_json.roles_in_order() == from_csv.roles_in_order()
    assert from_csv == Chart(District(), from_json.roles_in_order())


def test_sample_buildings_total_only_and_null() -> None:
    la_crosse = read_json(SAMPLES / "la-crosse.json")
    assert la_crosse.district.buildings == Buildings(total=14)
    assert la_crosse.district.buildings.count() == 14
    francis_howell = read_json(SAMPLES / "francis-howell.json")
    assert francis_howell.district.buildings.is_unknown()


@pytest.mark.parametrize("stem", STEMS)
def test_json_round_trip_gives_an_equal_chart(stem: str, tmp_path: Path) -> None:
    chart = read_json(SAMPLES / f"{stem}.json")
    write_json(chart, tmp_path / "out.json")
    again = read_json(tmp_path / "out.json")
    assert again == chart
    write_json(again, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "out.json").read_bytes()


@pytest.mark.parametrize("stem", STEMS)
def test_csv_round_trip_gives_an_equal_chart(stem: str, tmp_path: Path) -> None:
    chart = read_csv(SAMPLES / f"{stem}.csv")
    write_csv(chart, tmp_path / "out.csv")
    assert read_csv(tmp_path / "out.csv") == chart
    with open(tmp_path / "out.csv", newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == COLUMNS
    assert tuple(header[: len(SAMPLE_COLUMNS)]) == SAMPLE_COLUMNS


def every_field_chart() -> Chart:
    district = District(
        name="Lakeview “Ünïcode” District, Inc.",
        state="MN",
        students=12_345,
        teachers=0,
        staff=1_020,
        devices=15_000,
        buildings=Buildings(elementary=7, middle=2, high=None, other=0, total=11),
        one_to_one_grades="K-12",
        erate=False,
    )
    settings = RuleSettings({"SPN-1": {"limit": 12.0}}, {"CAB-3": "Board policy: CTO reports to the COO."})
    roles = [
        Role("supt", "Superintendent", "superintendent", person="Ana Ruiz", flags=frozenset({"superintendent", "cabinet"})),
        Role("cto", "CTO", "it_leader", person="Bo Chen", reports_to="supt",
             flags=frozenset({"top_it_leader", "cabinet", "privacy_officer"}),
             service_areas=("instruction", "administrative", "communication"),
             core_services=("planning", "support"), leads=("strategic_planning", "my_own_function"),
             notes="Line one, with a comma;\nline two \"quoted\".", annual_cost=145_000.5),
        Role("tech", "Technician, part time", "building_technician", person="Bo Chen", reports_to="cto",
             dotted_to=("supt",), fte=0.5, employment="shared", backs_up=("strategic_planning",), annual_cost=40_000),
        Role("hd", "Help Desk", "help_desk", reports_to="cto", vacant=True, fte=0.75, employment="contractor",
             flags=frozenset({"intake_owner"}), dotted_to=("tech", "supt")),
        Role("other-root", "Board liaison", "other", fte=0.1),
    ]
    return Chart(district, roles, settings, notes="Chart notes\nover two lines.")


def test_every_field_survives_json(tmp_path: Path) -> None:
    chart = every_field_chart()
    write_json(chart, tmp_path / "all.json")
    assert read_json(tmp_path / "all.json") == chart


def test_arrangements_survive_json_and_are_written_only_when_chosen(tmp_path: Path) -> None:
    chart = every_field_chart()
    write_json(chart, tmp_path / "plain.json")
    assert "arrangements" not in json.loads((tmp_path / "plain.json").read_text(encoding="utf-8"))
    manager = next(rid for rid in chart.roles if chart.leaf_reports(rid))
    chart.set_arrangement(manager, 1)
    write_json(chart, tmp_path / "arranged.json")
    assert json.loads((tmp_path / "arranged.json").read_text(encoding="utf-8"))["arrangements"] == {manager: 1}
    back = read_json(tmp_path / "arranged.json")
    assert back == chart and back.arrangements == {manager: 1}


def test_every_role_field_survives_csv(tmp_path: Path) -> None:
    chart = every_field_chart()
    write_csv(chart, tmp_path / "all.csv")
    again = read_csv(tmp_path / "all.csv")
    assert again.roles_in_order() == chart.roles_in_order()
    assert again.district == District() and again.settings == RuleSettings() and again.notes == ""
    assert read_csv(tmp_path / "all.csv", district=chart.district).district == chart.district


def test_a_person_over_one_fte_across_roles_loads(tmp_path: Path) -> None:
    chart = every_field_chart()  # Bo Chen: 1.0 as CTO + 0.5 as technician
    write_json(chart, tmp_path / "over.json")
    write_csv(chart, tmp_path / "over.csv")
    assert read_json(tmp_path / "over.json").over_allocated_people() == {"bo chen": 1.5}
    assert read_csv(tmp_path / "over.csv").over_allocated_people() == {"bo chen": 1.5}


def test_written_json_is_the_sample_format(tmp_path: Path) -> None:
    write_json(every_field_chart(), tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("tdorg-sample", 1)
    assert data["district"]["buildings"]["total"] == 11
    assert data["roles"][0]["reports_to"] == ""
    assert data["settings"]["disabled"] == {"CAB-3": "Board policy: CTO reports to the COO."}
    assert "Ünïcode" in (tmp_path / "all.json").read_text(encoding="utf-8")


def test_csv_with_bom_crlf_extra_columns_and_money(tmp_path: Path) -> None:
    text = (
        "\ufeffID,Title,Category,Reports To,FTE,Vacant,Annual Cost,Badge Number,Notes\r\n"
        "supt,Superintendent,superintendent,,1,,\"$185,000\",17,\"Hired 2019,\r\nrenewed 2024\"\r\n"
        "\r\n"
        "tech,Technician,building_technician,supt,0.5,YES,42000.50,18,\r\n"
    )
    (tmp_path / "hr.csv").write_bytes(text.encode("utf-8"))
    chart = read_csv(tmp_path / "hr.csv")
    assert chart.role("supt").annual_cost == 185_000
    assert chart.role("supt").notes == "Hired 2019,\r\nrenewed 2024"
    assert chart.role("tech").vacant and chart.role("tech").fte == 0.5
    assert chart.role("tech").annual_cost == 42_000.5
    assert chart.role("tech").employment == "staff" and chart.role("tech").category == "building_technician"


def test_json_nulls_mean_unknown(tmp_path: Path) -> None:
    doc = {
        "district": {"name": None, "state": None, "students": None, "buildings": None, "erate": None},
        "notes": None,
        "roles": [{"id": "a", "title": "A", "person": None, "category": None, "reports_to": None, "fte": None,
                   "vacant": None, "flags": None, "employment": None, "annual_cost": None}],
    }
    (tmp_path / "nulls.json").write_text(json.dumps(doc), encoding="utf-8")
    chart = read_json(tmp_path / "nulls.json")
    assert chart.district == District()
    assert chart.role("a") == Role("a", "A")


def test_format_is_chosen_by_extension(tmp_path: Path) -> None:
    chart = every_field_chart()
    for name in ("c.JSON", "c.csv", "c.tdorg"):
        save_chart(chart, tmp_path / name)
    assert load_chart(tmp_path / "c.JSON") == chart
    assert load_chart(tmp_path / "c.tdorg") == chart
    assert load_chart(tmp_path / "c.csv").roles_in_order() == chart.roles_in_order()
    with pytest.raises(FileError, match=r"“\.txt”"):
        kind_of(tmp_path / "c.txt")
    with pytest.raises(FileError, match="no extension"):
        save_chart(chart, tmp_path / "plain")
    assert not (tmp_path / "plain").exists()


def test_writing_leaves_no_temporary_files(tmp_path: Path) -> None:
    chart = every_field_chart()
    write_json(chart, tmp_path / "a.json")
    write_json(chart, tmp_path / "a.json")
    write_csv(chart, tmp_path / "a.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "a.json"]


def test_any_text_in_titles_people_and_notes_round_trips(tmp_path: Path) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
    title = text.filter(lambda t: t.strip() != "").map(str.strip)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(title=title, person=text.map(str.strip), notes=text, cost=st.none() | st.floats(0, 1e7))
    def round_trip(title: str, person: str, notes: str, cost: float | None) -> None:
        chart = Chart(
            District(name=title, one_to_one_grades=notes),
            [Role("a", title, person=person, notes=notes, annual_cost=cost),
             Role("b", "B", reports_to="a", notes=notes, fte=0.3333333333333333)],
            notes=notes,
        )
        write_json(chart, tmp_path / "h.json")
        assert read_json(tmp_path / "h.json") == chart
        write_csv(chart, tmp_path / "h.csv")
        assert read_csv(tmp_path / "h.csv").roles_in_order() == chart.roles_in_order()

    round_trip()


def test_collapsed_managers_survive_json_and_are_written_only_when_there_are_some(tmp_path: Path) -> None:
    chart = every_field_chart()
    write_json(chart, tmp_path / "plain.json")
    assert "collapsed" not in json.loads((tmp_path / "plain.json").read_text(encoding="utf-8"))
    managers = sorted(rid for rid in chart.roles if chart.child_count(rid))[:2]
    for manager in managers:
        chart.set_collapsed(manager, True)
    write_json(chart, tmp_path / "collapsed.json")
    assert json.loads((tmp_path / "collapsed.json").read_text(encoding="utf-8"))["collapsed"] == managers
    back = read_json(tmp_path / "collapsed.json")
    assert back == chart and back.collapsed == set(managers)
