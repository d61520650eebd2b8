"""Size starters: departments to start a new chart from, by district size.

Each follows the shape of a real department (very small: a technology
coordinator who does much of the hands-on work, a part-time technician and a
contracted regional service agency, as districts of about 600 students run
it; the others are the framework's samples — small: a director with a
contracted engineer and two technicians; medium: a network group and two
technical-services managers; large: an information systems group and a
technology-services group with field supervisors) and is completed where
the shape breaks the framework: a privacy owner tied to
IT, a cybersecurity lead, an E-rate lead, one help-desk intake, integration
coaches with a line to teaching and learning, and a backup for every
function. Positions are unnamed: the user fills in people.
"""

from __future__ import annotations

from .chart import Chart
from .district import Buildings, District
from .role import Role


_NOTES = (
    "Starter chart: the district facts are typical figures for this size; replace them with your own, "
    "fill in people, and adjust the positions."
)

#: What the framework still says about the very small starter, and why a district of its size has it.
_VERY_SMALL_NOTES = (
    "At about 600 students the whole department is 2.7 FTE. The framework's remaining remarks are ones a "
    "district this size genuinely has: fewer technician FTE than the buildings heuristic suggests (STF-3), "
    "since the one technician is part-time and the coordinator does much of the hands-on work; "
    "devices per technician near the 1,000 limit (STF-1), counting only the coordinator's device-repair share; "
    "and a coordinator who leads six functions, which the responsibility matrix shows as the coordinator's load. "
    "The network, servers and cybersecurity are backed up by a regional service agency under contract, "
    "the superintendent backs up strategic planning, and the principal backs up integration and privacy."
)


def _r(id_: str, title: str, category: str, to: str | None, *, flags: str = "", areas: str = "", core: str = "",
       leads: str = "", backs: str = "", dotted: str = "", **kw: object) -> Role:
    return Role(
        id=id_, title=title, category=category, reports_to=to, flags=frozenset(flags.split()),
        service_areas=tuple(areas.split()), core_services=tuple(core.split()), leads=tuple(leads.split()),
        backs_up=tuple(backs.split()), dotted_to=tuple(dotted.split()), **kw,  # type: ignore[arg-type]
    )


def _cabinet(leader_title: str, leader_leads: str, leader_backs: str) -> list[Role]:
    return [
        _r("supt", "Superintendent", "superintendent", None, flags="superintendent cabinet"),
        _r("tl", "Assistant Superintendent for Teaching and Learning", "executive", "supt",
           flags="cabinet teaching_learning_leader", backs="strategic_planning professional_development"),
        _r("cto", leader_title, "it_leader", "supt", flags="top_it_leader cabinet", areas="administrative",
           core="planning", leads=leader_leads, backs=leader_backs),
    ]


def very_small() -> Chart:
    """About 600 students in two buildings: a coordinator who does much of the hands-on work, a part-time
    technician and a regional service agency under contract for the network and servers."""
    roles = [
        _r("supt", "Superintendent", "superintendent", None, flags="superintendent cabinet",
           backs="strategic_planning"),
        _r("tl", "Principal and Curriculum Director", "instructional_leader", "supt",
           flags="cabinet teaching_learning_leader",
           backs="instructional_integration professional_development data_privacy"),
        _r("bm", "Business Manager", "executive", "supt", flags="cabinet", areas="administrative",
           leads="erate procurement"),
        _r("cto", "Technology Coordinator", "it_leader", "supt", flags="top_it_leader cabinet privacy_officer",
           areas="administrative communication", core="planning support",
           leads="strategic_planning network servers cybersecurity data_privacy device_repair",
           backs="help_desk student_accounts student_information_system erate procurement"),
        _r("tech", "Technician (part-time)", "building_technician", "cto", fte=0.5, flags="intake_owner",
           core="support", leads="help_desk student_accounts", backs="device_repair"),
        _r("esa", "Regional Service Agency (contracted)", "network", "cto", fte=0.2,
           employment="contractor", areas="communication", core="support", backs="network servers cybersecurity"),
        _r("sis", "Registrar / SIS (part-time)", "data_sis", "tl", fte=0.5, dotted="cto",
           areas="administrative", core="support", leads="student_information_system"),
        _r("tis", "Technology Integration Teacher (part-time)", "integration_coach", "cto", fte=0.5, dotted="tl",
           areas="instruction", core="professional_development",
           leads="instructional_integration professional_development"),
    ]
    district = District(
        name="Very Small District (starter)", students=600, teachers=48, staff=95, devices=650,
        buildings=Buildings(elementary=1, middle=0, high=1, other=0), one_to_one_grades="6-12", erate=True,
    )
    return Chart(district, roles, notes=_NOTES + " " + _VERY_SMALL_NOTES)


def small() -> Chart:
    """About 1,600 students in four buildings (the West Salem shape)."""
    roles = _cabinet("Director of Technology", "strategic_planning erate procurement",
                     "cybersecurity student_information_system")
    roles += [
        _r("eng", "Network Engineer (contracted)", "network", "cto", employment="contractor", areas="communication",
           core="support", leads="network servers cybersecurity"),
        _r("tech1", "Technician (Elementary / Middle)", "building_technician", "cto", core="support",
           leads="device_repair", backs="help_desk student_accounts"),
        _r("tech2", "Help Desk Technician (District Office / High School)", "help_desk", "cto", flags="intake_owner",
           core="support", leads="help_desk student_accounts", backs="device_repair network servers"),
        _r("tis", "Technology Integration Specialist K-12", "integration_coach", "cto", dotted="tl",
           areas="instruction", core="professional_development",
           leads="instructional_integration professional_development", backs="data_privacy"),
        _r("dpo", "Data Privacy Coordinator", "privacy_officer", "cto", fte=0.5, flags="privacy_officer",
           leads="data_privacy", backs="instructional_integration"),
        _r("aa", "Administrative Assistant", "admin_assistant", "cto", leads="student_information_system",
           backs="erate procurement"),
    ]
    district = District(
        name="Small District (starter)", students=1600, teachers=110, staff=210, devices=1900,
        buildings=Buildings(elementary=2, middle=1, high=1, other=0), one_to_one_grades="4-12", erate=True,
    )
    return Chart(district, roles, notes=_NOTES)


def medium() -> Chart:
    """About 6,500 students in fifteen buildings (the La Crosse shape)."""
    roles = _cabinet("Director of Technology", "strategic_planning procurement", "erate")
    roles += [
        _r("aa", "Administrative Assistant", "admin_assistant", "cto", backs="procurement"),
        _r("nm", "Network Manager", "network", "cto", areas="communication", core="support", leads="network",
           backs="servers cybersecurity"),
        _r("anm1", "Assistant Network Manager (Servers)", "systems_admin", "nm", areas="communication",
           core="support", leads="servers", backs="network"),
        _r("anm2", "Assistant Network Manager (Security)", "security", "nm", areas="communication", core="support",
           leads="cybersecurity", backs="network"),
        _r("dpo", "Data Privacy and Compliance Coordinator", "privacy_officer", "cto", flags="privacy_officer",
           core="planning", leads="data_privacy erate"),
        _r("tsa1", "Technical Services Assistant Manager (Technical Projects)", "it_manager", "cto",
           areas="administrative", core="support", leads="device_repair", backs="help_desk"),
        _r("tsa2", "Technical Services Assistant Manager (Educational Projects)", "it_manager", "cto",
           areas="instruction", core="support", leads="software_support",
           backs="student_information_system student_accounts data_privacy"),
        _r("sis", "SIS and Data Specialist", "data_sis", "tsa2", areas="administrative", core="support",
           leads="student_information_system student_accounts", backs="software_support"),
        _r("hd1", "Help Desk Technician", "help_desk", "tsa1", flags="intake_owner", core="support", leads="help_desk"),
        _r("hd2", "Help Desk Technician", "help_desk", "tsa1", core="support", backs="help_desk"),
    ]
    for n in range(1, 7):
        roles.append(_r(f"tech{n}", f"Technician {n}", "building_technician", "tsa1" if n <= 3 else "tsa2",
                        core="support", backs="device_repair"))
    roles.append(_r("itc", "Instructional Technology Coordinator", "integration_coach", "cto", dotted="tl",
                    areas="instruction", core="professional_development",
                    leads="instructional_integration professional_development"))
    for n in (1, 2):
        roles.append(_r(f"coach{n}", f"Technology Integration Coach {n}", "integration_coach", "itc", dotted="tl",
                        areas="instruction", core="professional_development",
                        backs="instructional_integration professional_development"))
    district = District(
        name="Medium District (starter)", students=6500, teachers=420, staff=800, devices=7500,
        buildings=Buildings(elementary=9, middle=3, high=2, other=1), one_to_one_grades="4-12", erate=True,
    )
    return Chart(district, roles, notes=_NOTES)


def large() -> Chart:
    """About 17,000 students in twenty buildings (the Francis Howell shape)."""
    roles = _cabinet("Chief Technology Officer", "strategic_planning procurement", "data_privacy")
    roles += [
        _r("cfo", "Chief Financial Officer", "executive", "supt", flags="cabinet", backs="erate"),
        _r("aa", "Administrative Assistant", "admin_assistant", "cto", backs="procurement"),
        _r("dpo", "Data Privacy and Compliance Officer", "privacy_officer", "cto", flags="privacy_officer",
           core="planning", leads="data_privacy erate"),
        _r("ism", "Information Systems Manager", "it_manager", "cto", areas="administrative", core="support",
           leads="student_information_system", backs="software_support"),
        _r("sws1", "Software Support Specialist 1", "software_apps", "ism", areas="administrative instruction",
           core="support", leads="software_support"),
        _r("sws2", "Software Support Specialist 2", "software_apps", "ism", areas="administrative instruction",
           core="support", backs="software_support student_accounts"),
        _r("prog", "Programmer / Data Analyst", "data_sis", "ism", areas="administrative", core="support",
           leads="student_accounts", backs="student_information_system"),
        _r("ne1", "Network Engineer 1", "network", "ism", areas="communication", core="support", leads="network"),
        _r("ne2", "Network Engineer 2", "network", "ism", areas="communication", core="support", backs="network"),
        _r("sa", "Systems Administrator", "systems_admin", "ism", areas="communication", core="support",
           leads="servers", backs="cybersecurity"),
        _r("sec", "Cybersecurity Engineer", "security", "ism", areas="communication", core="support",
           leads="cybersecurity", backs="servers"),
        _r("tsm", "Technology Services Manager", "it_manager", "cto", core="support", leads="device_repair",
           backs="help_desk"),
        _r("hd1", "Help Desk Lead", "help_desk", "tsm", flags="intake_owner", core="support", leads="help_desk"),
        _r("hd2", "Help Desk Technician 1", "help_desk", "hd1", core="support", backs="help_desk"),
        _r("hd3", "Help Desk Technician 2", "help_desk", "hd1", core="support", backs="help_desk"),
    ]
    for team in (1, 2):
        roles.append(_r(f"fs{team}", f"Field Services Supervisor {team}", "it_manager", "tsm", core="support",
                        backs="device_repair"))
        for n in range(8 * team - 7, 8 * team + 1):
            roles.append(_r(f"bt{n}", f"Building Technician {n}", "building_technician", f"fs{team}",
                            core="support", backs="device_repair"))
    roles.append(_r("itc", "Instructional Technology Coordinator", "integration_coach", "cto", dotted="tl",
                    areas="instruction", core="professional_development",
                    leads="instructional_integration professional_development"))
    for n in range(1, 8):
        roles.append(_r(f"coach{n}", f"Instructional Technology Coach {n}", "integration_coach", "itc", dotted="tl",
                        areas="instruction", core="professional_development",
                        backs="instructional_integration professional_development"))
    district = District(
        name="Large District (starter)", students=17000, teachers=1150, staff=2300, devices=18000,
        buildings=Buildings(elementary=10, middle=5, high=3, other=2), one_to_one_grades="K-12", erate=True,
    )
    return Chart(district, roles, notes=_NOTES)


#: key → (name, description, builder)
STARTERS = {
    "very-small": ("Very small district starter", "Under 1,000 students in one or two buildings: a technology "
                   "coordinator who does much of the hands-on work, a part-time technician, a contracted service "
                   "agency, a part-time integration teacher; privacy and E-rate owned.", very_small),
    "small": ("Small district starter", "1,000–2,000 students: a director of technology, a contracted network "
              "engineer, two technicians, an integration specialist, privacy and E-rate covered.", small),
    "medium": ("Medium district starter", "2,000–15,000 students: a network group, two technical-services "
               "managers, help desk, technicians, integration coaches and a privacy coordinator.", medium),
    "large": ("Large district starter", "15,000 students or more: information systems, security, technology "
              "services with field supervisors, a help desk, integration coaches and a privacy officer.", large),
}
