"""The framework's second edition: for each new or changed rule, a minimal chart that breaks it
and one that satisfies it, including each case the issue lists; the shared definitions."""

from __future__ import annotations

import pytest

from tdorg.model import Buildings, Chart, District, Role
from tdorg.model.errors import PersonOverAllocatedError
from tdorg.model.grades import parse_grades
from tdorg.model.rules import RULES_BY_ID, Severity, validate
from tdorg.model.rules.context import Context
from tdorg.model.vocab import INTEGRATION_WORK, SUPPORT_WORK
from tests.charts import compliant_chart, role

WI = District(name="Test District", state="WI", students=1300, teachers=130, devices=1300, erate=False,
              buildings=Buildings(elementary=2, middle=1, high=1, other=0), one_to_one_grades="K-12")


def found(chart: Chart, rule_id: str, at_least: Severity = Severity.INFO):
    return [f for f in validate(chart).findings if f.rule_id == rule_id and f.severity >= at_least]


def top(*roles: Role, district: District = WI) -> Chart:
    """A superintendent, a top IT leader on the cabinet, and ``roles``."""
    base = [
        role("supt", "Superintendent", "superintendent", None, person="Dana Reyes",
             flags=frozenset({"superintendent", "cabinet"})),
        role("cto", "Director of Technology", "it_leader", "supt", person="Sam Ortiz",
             flags=frozenset({"top_it_leader", "cabinet"})),
    ]
    return Chart(district, [*base, *roles])


# --- CAB-2 / CAB-3 -----------------------------------------------------------

def test_cab3_is_quiet_when_the_it_leader_is_the_superintendent():
    chart = Chart(WI, [role("supt", "Superintendent", "superintendent", None,
                            flags=frozenset({"superintendent", "cabinet", "top_it_leader"}))])
    assert found(chart, "CAB-3") == []


def test_cab3_is_quiet_without_a_superintendent_and_cab2_says_the_cabinet():
    chart = Chart(WI, [role("cto", "Director of Technology", "it_leader", None, flags=frozenset({"top_it_leader"}))])
    assert found(chart, "CAB-3") == []
    (f,) = found(chart, "CAB-2")
    assert "not on the cabinet" in f.message and "superintendent" not in f.message
    assert f.fix == "Tick “Cabinet member” for “Director of Technology”."


def test_cab3_fix_names_the_superintendent_and_never_the_leader_twice():
    chart = top(role("coo", "Chief Operating Officer", "executive", "supt"))
    chart.reparent("cto", "coo")
    (f,) = found(chart, "CAB-3")
    assert "but to “Chief Operating Officer”" in f.message
    assert f.fix == "Make “Director of Technology” report to “Superintendent” (drag it onto that box)."
    assert found(chart, "CAB-2") == []


def test_cab3_fix_when_the_superintendent_is_below_the_leader():
    chart = Chart(WI, [
        role("cto", "Director of Technology", "it_leader", None, flags=frozenset({"top_it_leader", "cabinet"})),
        role("supt", "Superintendent", "superintendent", "cto"),
    ])
    (f,) = found(chart, "CAB-3")
    assert "onto empty canvas" in f.fix and "report to “Superintendent”" not in f.fix


# --- STR-1 and the board -----------------------------------------------------

def test_a_board_above_the_superintendent_is_one_tree():
    chart = top()
    chart.add_role(role("boe", "Board of Education", "board", None))
    assert [f.rule_id for f in found(chart, "STR-1")] == ["STR-1"]  # two tops until it is above
    chart.reparent("supt", "boe")
    assert found(chart, "STR-1") == []
    assert found(chart, "CAB-3") == []


def test_a_board_below_the_superintendent_is_reported():
    chart = top(role("boe", "Board of Education", "board", "supt"))
    (f,) = found(chart, "STR-1")
    assert "sits only above the superintendent" in f.message and set(f.role_ids) == {"boe", "supt"}


def test_str1_fix_for_a_top_above_the_superintendent_does_not_make_a_loop():
    chart = top(role("cao", "Chief Academic Officer", "executive", None))
    chart.reparent("supt", "cao")
    (f,) = found(chart, "STR-1")
    assert "onto empty canvas" in f.fix


# --- STR-2 in the editor ------------------------------------------------------

def test_the_editor_allows_a_person_up_to_the_charts_threshold():
    chart = top(role("a", "Help Desk", "help_desk", "cto", person="Jo Banks", fte=0.6),
                role("b", "Technician", "building_technician", "cto", person="Sue Fox", fte=0.6))
    with pytest.raises(PersonOverAllocatedError, match="at most 1.0 FTE"):
        chart.update_role("b", person="jo  BANKS")
    chart.set_settings(chart.settings.with_threshold("STR-2", "max_person_fte", 1.2))
    chart.update_role("b", person="jo  BANKS")
    assert chart.person_fte("Jo Banks") == pytest.approx(1.2)
    assert found(chart, "STR-2") == []
    with pytest.raises(PersonOverAllocatedError, match="at most 1.2 FTE"):
        chart.update_role("b", fte=0.7)


# --- SPN-1 -----------------------------------------------------------------------

def _team(manager: str, count: int, category: str) -> list[Role]:
    return [role(f"{manager}{n}", f"Technician {n}", category, manager) for n in range(count)]


def test_spn1_front_line_manager_of_twelve_technicians_is_quiet_and_sixteen_warn():
    chart = top(role("tsm", "Technology Services Manager", "it_manager", "cto"),
                *_team("tsm", 11, "building_technician"), role("hd", "Help Desk", "help_desk", "tsm"))
    assert found(chart, "SPN-1") == []
    for n in range(4):
        chart.add_role(role(f"x{n}", f"Extra {n}", "building_technician", "tsm"))
    (f,) = found(chart, "SPN-1")
    assert "16 direct reports, more than 15 for a team of front-line support staff" in f.message


def test_spn1_mixed_team_has_the_ordinary_limit():
    chart = top(role("ism", "Information Systems Manager", "it_manager", "cto"),
                *_team("ism", 10, "network"), role("hd", "Help Desk", "help_desk", "ism"))
    (f,) = found(chart, "SPN-1")
    assert f.role_ids == ("ism",) and "more than 10." in f.message


def test_spn1_ignores_the_superintendents_cabinet():
    chart = top(*[role(f"c{n}", f"Cabinet member {n}", "executive", "supt") for n in range(12)])
    assert found(chart, "SPN-1") == []
    metric = {m.key: m for m in validate(chart).metrics}["span_of_control"]
    assert metric.value is None and not metric.warns


def test_spn1_front_line_limit_is_a_threshold():
    chart = top(*_team("cto", 12, "building_technician"))
    assert found(chart, "SPN-1") == []
    chart.set_settings(chart.settings.with_threshold("SPN-1", "max_front_line_reports", 11))
    assert found(chart, "SPN-1")


# --- RED-1 and FUN-1 ----------------------------------------------------------

def test_red1_a_vacant_backup_is_planned_not_a_backup():
    chart = top(role("net", "Network Engineer", "network", "cto", person="Kim Hale", leads=("network",)),
                role("net2", "Network Technician", "network", "cto", vacant=True, backs_up=("network",)))
    (f,) = found(chart, "RED-1")
    assert "Kim Hale (“Network Engineer”) leads network" in f.message
    assert "“Network Technician” is vacant: planned as backup" in f.message
    assert "fill “Network Technician”" in f.fix
    chart.update_role("net2", vacant=False, person="Lou Ray")
    assert found(chart, "RED-1") == []


def test_red1_two_vacant_co_leads_are_not_each_others_backup():
    chart = top(role("a", "Network Engineer A", "network", "cto", vacant=True, leads=("network",)),
                role("b", "Network Engineer B", "network", "cto", vacant=True, leads=("network",)))
    assert found(chart, "RED-1") == []  # no person leads it today …
    (f,) = found(chart, "RED-2")  # … which RED-2 says
    assert "The lead of network rests only on vacant positions" in f.message and set(f.role_ids) == {"a", "b"}
    chart.update_role("a", vacant=False, person="Kim Hale")
    (f,) = found(chart, "RED-1")
    assert f.role_ids[0] == "a"
    chart.update_role("b", vacant=False, person="Lou Ray")
    assert found(chart, "RED-1") == [] and found(chart, "RED-2") == []


def test_red1_is_one_finding_per_person_listing_every_function():
    chart = top(role("net", "Network Engineer", "network", "cto", person="Kim Hale",
                     leads=("network", "servers", "cybersecurity")),
                role("net2", "Evening Network Monitor", "network", "cto", person="KIM  HALE", fte=0.0 + 0.5,
                     backs_up=("servers",)))
    chart.update_role("net", fte=0.5)
    (f,) = found(chart, "RED-1")
    assert "leads network, servers and cybersecurity" in f.message
    assert "“Evening Network Monitor” is held by the same person" in f.message


def test_fun1_an_essential_function_without_a_lead_and_with_backups_but_no_lead():
    essentials = ("network", "servers", "help_desk", "device_repair", "student_information_system", "student_accounts")
    chart = top(role("it", "IT Generalist", "systems_admin", "cto", person="Kim Hale", leads=essentials[1:],
                     backs_up=("network",)),
                role("bk", "Backup Generalist", "systems_admin", "cto", person="Lou Ray", backs_up=essentials[1:]))
    (f,) = found(chart, "FUN-1")
    assert f.message == "Network has backups (“IT Generalist”) but no lead: no one is responsible for it."
    assert f.fix == "Add network to “Leads” on “IT Generalist” or another role."
    chart.update_role("it", backs_up=())
    (f,) = found(chart, "FUN-1")
    assert f.message.startswith("No role leads network, an essential function")
    assert f.role_ids == ("cto",)
    chart.update_role("bk", leads=("network",))
    assert found(chart, "FUN-1") == []


def test_fun1_essential_list_is_configurable():
    chart = top()
    assert len(found(chart, "FUN-1")) == 6
    chart.set_settings(chart.settings.with_threshold("FUN-1", "essential_student_accounts", 0))
    assert "student accounts" not in " ".join(f.message for f in found(chart, "FUN-1"))
    assert len(found(chart, "FUN-1")) == 5


# --- RED-2 ------------------------------------------------------------------------

def test_red2_service_area_and_intake_met_only_by_vacancies():
    chart = top(role("hd", "Help Desk", "help_desk", "cto", vacant=True, flags=frozenset({"intake_owner"}),
                     service_areas=("communication",)))
    messages = [f.message for f in found(chart, "RED-2")]
    assert any(m.startswith("The help desk's intake rests only on vacant positions (“Help Desk”)") for m in messages)
    assert any(m.startswith("The IT service area “Communication & delivery” rests only on vacant") for m in messages)
    assert found(chart, "SVC-1", Severity.ERROR) and all(
        "Communication" not in f.message for f in found(chart, "SVC-1"))  # a vacancy is planned coverage
    chart.update_role("hd", vacant=False, person="Max Ruiz")
    assert found(chart, "RED-2") == []


def test_red2_integration_met_only_by_a_vacancy():
    chart = top(role("coach", "Integration Coach", "integration_coach", "cto", vacant=True))
    assert any(f.message.startswith("Integration rests only on vacant positions") for f in found(chart, "RED-2"))
    assert found(chart, "INT-1") == []


# --- HLP-1 ------------------------------------------------------------------------

def test_hlp1_the_lead_of_the_help_desk_is_the_intake_owner_without_a_flag():
    chart = top(role("asst", "Assistant Director of Technology", "it_manager", "cto", leads=("help_desk",)))
    assert found(chart, "HLP-1") == []
    chart.update_role("asst", leads=())
    (f,) = found(chart, "HLP-1")
    assert "drag “Help desk” from the palette" in f.fix


# --- EMP-1 ------------------------------------------------------------------------

def test_emp1_a_contractor_alone_on_critical_functions_and_a_staff_backup():
    chart = top(role("eng", "Network Engineer (contracted)", "network", "cto", employment="contractor",
                     leads=("network", "servers")))
    (f,) = found(chart, "EMP-1")
    assert "is a contractor and the only filled lead of network and servers" in f.message
    assert f.fix == "Add network and servers to “Backs up” on a staff member's role such as “Director of Technology”."
    chart.update_role("cto", backs_up=("network",))
    (f,) = found(chart, "EMP-1")
    assert "of servers" in f.message
    chart.update_role("cto", backs_up=("network", "servers"))
    assert found(chart, "EMP-1") == []


def test_emp1_a_staff_co_lead_or_a_shared_backup():
    chart = top(role("eng", "Network Engineer (contracted)", "network", "cto", employment="contractor",
                     leads=("network",)),
                role("net", "Network Technician", "network", "cto", employment="shared", backs_up=("network",)))
    assert found(chart, "EMP-1")  # a shared position is not district staff
    chart.update_role("net", employment="staff", leads=("network",), backs_up=())
    assert found(chart, "EMP-1") == []


# --- PNT-1 ------------------------------------------------------------------------

def test_pnt1_a_technician_with_a_line_to_the_cfo_and_an_integration_coach_without_a_finding():
    chart = top(role("cfo", "Chief Financial Officer", "executive", "supt", flags=frozenset({"cabinet"})),
                role("net", "Network Engineer", "network", "cto", dotted_to=("cfo",)),
                role("coach", "Integration Coach", "integration_coach", "cto", dotted_to=("cfo",)))
    (f,) = found(chart, "PNT-1")
    assert f.severity == Severity.INFO and f.role_ids == ("net", "cfo")
    assert "bypassing “Director of Technology”" in f.message
    chart.remove_dotted("net", "cfo")
    chart.add_dotted("cfo", "net")  # a line from the administrator counts too
    assert found(chart, "PNT-1")
    chart.remove_dotted("cfo", "net")
    assert found(chart, "PNT-1") == []


# --- CEN-1 / SVC / INT-2: one line into IT ------------------------------------------

def test_a_managers_dotted_line_into_it_is_a_line_into_it():
    chart = top(role("coo", "Chief Operating Officer", "executive", "supt", dotted_to=("cto",)),
                role("net", "Facilities Network Tech", "network", "coo", service_areas=("communication",)),
                role("ops", "Operations Clerk", "other", "supt", core_services=("support",)))
    ctx = Context(chart)
    assert "coo" in ctx.into_it and "net" in ctx.into_it and "ops" not in ctx.into_it
    assert found(chart, "CEN-1") == []
    assert all("Communication" not in f.message for f in found(chart, "SVC-1"))
    (f,) = [f for f in found(chart, "SVC-2") if "Support" in f.message]
    assert "served only outside the IT organization (“Operations Clerk”)" in f.message
    assert "Shift-drag a dotted line from “Operations Clerk” to “Director of Technology”" in f.fix
    chart.remove_dotted("coo", "cto")
    (f,) = found(chart, "CEN-1")
    assert f.role_ids == ("net",) and "report to “Director of Technology”" in f.fix


def test_int2_fix_names_each_missing_side():
    chart = top(role("cao", "Chief Academic Officer", "executive", "supt",
                     flags=frozenset({"cabinet", "teaching_learning_leader"})),
                role("hr", "HR Director", "executive", "supt"),
                role("coach", "Integration Coach", "integration_coach", "hr"))
    (f,) = found(chart, "INT-2")
    assert "to the teaching & learning or the technology side" in f.message
    assert f.fix == ("Shift-drag a dotted line from “Integration Coach” to “Chief Academic Officer” "
                     "and another to “Director of Technology”.")
    chart.add_dotted("coach", "cao")
    (f,) = found(chart, "INT-2")
    assert f.fix == "Shift-drag a dotted line from “Integration Coach” to “Director of Technology”."
    chart.add_dotted("hr", "cto")  # its manager's line into IT serves it too
    assert found(chart, "INT-2") == []


# --- INT-3 and the effective FTE -----------------------------------------------------

def test_int3_counts_a_library_media_specialist_who_leads_integration_by_share():
    chart = top(role("lms", "Library Media Specialist", "other", "cto", fte=1.0,
                     leads=("instructional_integration", "strategic_planning")))
    eff = Context(chart).effective_fte(INTEGRATION_WORK)
    assert eff.total == pytest.approx(0.5) and eff.shares[0].functions == ("instructional_integration",)
    assert found(chart, "INT-1") == []
    metric = {m.key: m for m in validate(chart).metrics}["teachers_per_integration_fte"]
    assert metric.value == pytest.approx(260)
    assert any("“Library Media Specialist”: 1 FTE × 1/2 of its led functions" in line for line in metric.inputs)


def test_int3_is_quiet_information_when_int1_fires():
    chart = top()
    assert found(chart, "INT-1")
    (f,) = found(chart, "INT-3")
    assert f.severity == Severity.INFO and "no integration role (see INT-1)" in f.message


def test_int3_with_only_vacant_integration_roles_says_so():
    chart = top(role("coach", "Integration Coach", "integration_coach", "cto", vacant=True))
    (f,) = found(chart, "INT-3")
    assert f.severity == Severity.INFO and "“Integration Coach” is vacant" in f.message


def test_directors_of_technology_and_instruction_count_one_third():
    chart = top()
    chart.update_role("cto", leads=("strategic_planning", "procurement", "instructional_integration"))
    assert Context(chart).effective_fte(INTEGRATION_WORK).total == pytest.approx(1 / 3)


# --- STF-1 / STF-3 ----------------------------------------------------------------

def test_an_assistant_director_running_the_help_desk_is_technician_fte():
    chart = top(role("asst", "Assistant Director of Technology", "it_manager", "cto",
                     leads=("help_desk", "device_repair")))
    assert Context(chart).effective_fte(SUPPORT_WORK).total == pytest.approx(1.0)
    (f,) = found(chart, "STF-1")
    assert f.severity == Severity.WARNING and "1,300" in f.message  # 1,300 devices on one FTE
    assert "no filled" not in f.message


def test_no_support_fte_at_all_is_a_warning_naming_what_counts():
    chart = top()
    (f,) = found(chart, "STF-1")
    assert f.severity == Severity.WARNING and "no filled FTE doing this work" in f.message


def test_devices_estimated_from_one_to_one_grades_and_an_entered_count_wins():
    district = WI.with_changes(devices=None, students=1300, one_to_one_grades="4-12")
    chart = top(role("t", "Technician", "building_technician", "cto"), district=district)
    (f,) = found(chart, "STF-1")
    assert f.message.startswith("Devices per technician FTE: about 900 (estimated from 1:1 grades 4–12")
    metric = {m.key: m for m in validate(chart).metrics}["devices_per_technician"]
    assert metric.estimated and metric.display() == "about 900"
    assert metric.inputs[0].startswith("About 900 devices (estimated from 1:1 grades 4–12): 1,300 students × 9/13")
    chart.set_district(district.with_changes(devices=2000))
    (f,) = found(chart, "STF-1")
    assert "estimated" not in f.message and "2,000" in f.message and f.severity == Severity.WARNING
    assert not {m.key: m for m in validate(chart).metrics}["devices_per_technician"].estimated


@pytest.mark.parametrize("text,count", [("4-12", 9), ("K-12", 13), ("K–5, 9–12", 10), ("grades 6 to 8", 3)])
def test_one_to_one_grades_are_read(text, count):
    assert parse_grades(text).count == count


def test_unreadable_one_to_one_grades_are_named():
    chart = top(role("t", "Technician", "building_technician", "cto"),
                district=WI.with_changes(devices=None, one_to_one_grades="most of them"))
    (f,) = found(chart, "STF-1")
    assert "“most of them” can't be read" in f.message and f.severity == Severity.INFO


def test_stf3_an_unknown_level_is_not_zero():
    chart = top(role("t", "Technician", "building_technician", "cto"),
                district=WI.with_changes(buildings=Buildings(elementary=3, middle=None, high=1)))
    (f,) = found(chart, "STF-3")
    assert "cannot be worked out" in f.message and "middle" in f.message
    chart.set_district(WI.with_changes(buildings=Buildings(elementary=3, middle=0, high=1)))
    (f,) = found(chart, "STF-3")
    assert "cannot" not in f.message and "1.9" in f.message


# --- PRV-1 / PRV-2 ----------------------------------------------------------------

def test_prv1_category_privacy_officer_without_the_flag_owns_privacy():
    chart = top(role("dpo", "Data Privacy Officer", "privacy_officer", "cto"))
    assert found(chart, "PRV-1") == []


def test_prv1_is_a_warning_where_the_state_does_not_require_a_named_officer():
    (f,) = found(top(), "PRV-1")
    assert f.severity == Severity.WARNING and f.role_ids == ("cto",)
    assert "Tick “Privacy officer” for “Director of Technology”" in f.fix


def test_prv1_a_vacant_officer_in_new_york_is_an_error_and_elsewhere_planned():
    officer = role("dpo", "Data Protection Officer", "privacy_officer", "cto", vacant=True,
                   flags=frozenset({"privacy_officer"}))
    chart = top(officer, district=WI.with_changes(state="NY"))
    (f,) = found(chart, "PRV-1")
    assert f.severity == Severity.ERROR and "is vacant" in f.message and "Education Law § 2-d" in f.message
    assert found(chart, "RED-2") == []  # said once, by PRV-1
    chart.set_district(WI)
    assert found(chart, "PRV-1") == []
    assert any("Student-data privacy rests only on vacant" in f.message for f in found(chart, "RED-2"))


def test_prv1_chart_setting_overrides_the_state_table():
    chart = top(district=WI.with_changes(privacy_officer_required=True))
    (f,) = found(chart, "PRV-1")
    assert f.severity == Severity.ERROR and "district facts say" in f.message
    chart.set_district(WI.with_changes(state="NY", privacy_officer_required=False))
    (f,) = found(chart, "PRV-1")
    assert f.severity == Severity.WARNING


@pytest.mark.parametrize("where", ["supervises", "is_superintendent", "dotted_from_leader"])
def test_prv2_owner_supervising_the_leader_or_the_superintendent_is_tied(where):
    chart = top(role("coo", "Chief Operating Officer", "executive", "supt"))
    if where == "supervises":
        chart.update_role("coo", flags={"privacy_officer"})
        chart.reparent("cto", "coo")
    elif where == "is_superintendent":
        chart.update_role("supt", flags={"superintendent", "cabinet", "privacy_officer"})
    else:
        chart.update_role("coo", flags={"privacy_officer"})
        chart.add_dotted("cto", "coo")
    assert found(chart, "PRV-2") == []


def test_prv2_owner_off_to_the_side_is_not_tied():
    chart = top(role("coo", "Chief Operating Officer", "executive", "supt", flags=frozenset({"privacy_officer"})))
    (f,) = found(chart, "PRV-2")
    assert f.fix == "Shift-drag a dotted line from “Chief Operating Officer” to “Director of Technology”."


# --- every message reads right --------------------------------------------------------

def test_no_message_tells_a_role_to_report_to_itself_and_all_name_real_roles():
    charts = [top(), compliant_chart(), top(role("boe", "Board", "board", "supt"))]
    charts[0].set_district(District())
    for chart in charts:
        for f in validate(chart).findings:
            assert f.fix or f.severity == Severity.INFO, f
            assert set(f.role_ids) <= set(chart.roles), f
            for rid in chart.roles:
                title = chart.role(rid).title
                assert f"“{title}” report to “{title}”" not in f.fix, f


def test_new_rules_are_in_the_framework_with_ranges_for_every_threshold():
    for rule_id in ("FUN-1", "EMP-1", "PNT-1"):
        rule = RULES_BY_ID[rule_id]
        assert set(rule.ranges) == set(rule.params)
    assert RULES_BY_ID["PNT-1"].severity == Severity.INFO
    assert RULES_BY_ID["PRV-1"].severity == Severity.WARNING  # an error where the law requires an officer


def test_the_live_validator_matches_a_fresh_validation_through_second_edition_edits():
    from tdorg.model.rules import Validator

    chart = compliant_chart()
    validator = Validator(chart)
    edits = [
        lambda c: c.add_role(role("cfo", "Chief Financial Officer", "executive", "supt")),
        lambda c: c.add_dotted("net", "cfo"),  # PNT-1
        lambda c: c.reparent("coach", "cfo"),  # out of IT: INT-2, SVC-1/2
        lambda c: c.add_dotted("cfo", "cto"),  # back in through its manager
        lambda c: c.update_role("net", employment="contractor"),  # EMP-1
        lambda c: c.update_role("tech", vacant=True, person=""),  # RED-1, RED-2, STF-1/3
        lambda c: c.set_district(c.district.with_changes(devices=None, one_to_one_grades="6-12")),
        lambda c: c.set_district(c.district.with_changes(state="WI", privacy_officer_required=None)),
        lambda c: c.update_role("dpo", vacant=True, person=""),
        lambda c: [c.add_role(role(f"t{n}", f"Technician {n}", "building_technician", "hd")) for n in range(12)],
        lambda c: c.update_role("t0", category="network"),  # no longer a front-line team
        lambda c: c.set_settings(c.settings.with_threshold("SPN-1", "max_front_line_reports", 5)),
        lambda c: c.move_sibling("t3", 0),
        lambda c: c.add_role(role("boe", "Board of Education", "board", None)),
        lambda c: c.reparent("supt", "boe"),
    ]
    for edit in edits:
        edit(chart)
        assert validator.report.findings == validate(chart).findings
        assert validator.report.metrics == validate(chart).metrics
    validator.close()


def test_the_privacy_officer_setting_round_trips_through_json_and_older_json_opens(tmp_path):
    import json

    from tdorg.model.formats import load_chart, save_chart
    from tests.samples import SAMPLES

    old = load_chart(SAMPLES / "west-salem.json")  # written before the setting existed
    assert old.district.privacy_officer_required is None
    old.set_district(old.district.with_changes(privacy_officer_required=True))
    save_chart(old, tmp_path / "ws.json")
    assert json.loads((tmp_path / "ws.json").read_text(encoding="utf-8"))["district"]["privacy_officer_required"] is True
    assert load_chart(tmp_path / "ws.json").district.privacy_officer_required is True
