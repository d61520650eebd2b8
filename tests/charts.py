"""Small charts for tests: one that satisfies every rule, built to be broken one rule at a time."""

from __future__ import annotations

from tdorg.model import Buildings, Chart, District, Role


def role(id_: str, title: str, category: str, reports_to: str | None, **kw: object) -> Role:
    return Role(id=id_, title=title, category=category, reports_to=reports_to, **kw)  # type: ignore[arg-type]


def compliant_district() -> District:
    return District(
        name="Compliant School District",
        state="NY",  # New York requires a named data protection officer: the chart has one
        students=1200,
        teachers=90,
        staff=180,
        devices=1500,
        buildings=Buildings(elementary=2, middle=1, high=1, other=0),
        one_to_one_grades="3-12",
        erate=True,
    )


def compliant_chart() -> Chart:
    """A small district that breaks no rule of the framework (info figures only)."""
    roles = [
        role("supt", "Superintendent", "superintendent", None, person="Dana Reyes",
             flags=frozenset({"superintendent", "cabinet"})),
        role("cao", "Director of Teaching and Learning", "executive", "supt", person="Lee Park",
             flags=frozenset({"cabinet", "teaching_learning_leader"}), backs_up=("strategic_planning",)),
        role("cto", "Director of Technology", "it_leader", "supt", person="Sam Ortiz",
             flags=frozenset({"top_it_leader", "cabinet"}), service_areas=("administrative",),
             core_services=("planning",), leads=("strategic_planning", "erate"),
             backs_up=("data_privacy", "student_information_system", "student_accounts")),
        role("dpo", "Data Privacy Officer", "privacy_officer", "cto", person="Ari Chen", fte=0.5,
             flags=frozenset({"privacy_officer"}), leads=("data_privacy",), backs_up=("erate",)),
        role("net", "Network Engineer", "network", "cto", person="Kim Hale", service_areas=("communication",),
             core_services=("support",), leads=("network", "cybersecurity", "servers"), backs_up=("help_desk",)),
        role("tech", "Building Technician", "building_technician", "cto", person="Jo Banks",
             core_services=("support",), leads=("device_repair",), backs_up=("network", "cybersecurity", "servers")),
        role("hd", "Help Desk Technician", "help_desk", "cto", person="Max Ruiz",
             flags=frozenset({"intake_owner"}), core_services=("support",),
             leads=("help_desk", "student_information_system", "student_accounts"),
             backs_up=("device_repair",)),
        role("coach", "Integration Coach", "integration_coach", "cto", person="Pat Moss", dotted_to=("cao",),
             service_areas=("instruction",), core_services=("professional_development",),
             leads=("instructional_integration",), backs_up=()),
        role("coach2", "Integration Coach", "integration_coach", "cto", person="Ro Lind", dotted_to=("cao",),
             service_areas=("instruction",), core_services=("professional_development",),
             backs_up=("instructional_integration",)),
    ]
    return Chart(compliant_district(), roles)
