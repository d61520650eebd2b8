"""The look of a chart: colours, fonts and sizes of exports, whose palette the editor uses too.

A box is white with a thin border and a strip of its category's colour on the
left; a vacancy is pale amber with a dashed amber border. The editor's canvas
takes its colours from here, so a printed chart looks like the screen.
"""

from __future__ import annotations

from ..model.matrix_status import SINGLE_PERSON, UNOWNED
from ..model.rules.base import Severity


#: Category colours, grouped by family so a chart reads at a glance:
#: leadership in slate and navy, infrastructure in cyan and teal, support in
#: orange, applications and data in indigo, instruction in green. Each is dark enough for its
#: category's name, printed in it on a box or a vacancy, to meet WCAG AA (4.5:1).
CATEGORY_COLOURS: dict[str, str] = {
    "board": "#1E293B",
    "superintendent": "#334155",
    "executive": "#64748B",
    "it_leader": "#1E3A8A",
    "it_manager": "#2563EB",
    "network": "#0E7490",
    "systems_admin": "#0F766E",
    "building_technician": "#C2410C",
    "help_desk": "#9A3412",
    "software_apps": "#4F46E5",
    "data_sis": "#3730A3",
    "security": "#9333EA",
    "integration_coach": "#15803D",
    "pd_trainer": "#4D7C0F",
    "admin_assistant": "#A16207",
    "privacy_officer": "#BE185D",
    "instructional_leader": "#166534",
    "other": "#6B7280",
}

#: Finding colours: as text on white, and as badges with white text (4.5:1 both ways).
SEVERITY_COLOURS: dict[Severity, str] = {
    Severity.ERROR: "#DC2626",
    Severity.WARNING: "#B45309",
    Severity.INFO: "#2563EB",
}

#: Responsibility-matrix rows by status, (text, fill): no filled lead in red, one person only in amber.
MATRIX_STATUS_COLOURS: dict[str, tuple[str, str]] = {
    UNOWNED: ("#B91C1C", "#FEE2E2"),
    SINGLE_PERSON: ("#B45309", "#FEF3C7"),
}
#: The fill of the matrix's load rows.
MATRIX_LOAD_FILL = "#F1F5F9"

BOX_FILL = "#FFFFFF"
BOX_BORDER = "#CBD5E1"
VACANT_FILL = "#FFFBEB"
VACANT_BORDER = "#B45309"
TEXT_COLOUR = "#0F172A"
MUTED_COLOUR = "#475569"
EDGE_COLOUR = "#94A3B8"
DOTTED_COLOUR = "#7C3AED"

#: The shipped family every export is set in (``resources/fonts/``, :mod:`tdorg.export.fonts`); text
#: is wrapped with the metrics of its font files.
FONT = "DejaVu Sans"
MEASURE_FONT = "DejaVuSans.ttf"
MEASURE_FONT_BOLD = "DejaVuSans-Bold.ttf"
TITLE_SIZE = 11.0
PERSON_SIZE = 9.5
META_SIZE = 8.0

TITLE_LINE_HEIGHT = 13.5
PERSON_LINE_HEIGHT = 11.5
META_LINE_HEIGHT = 10.0

#: Size of every role's box; boxes grow taller (never wider) for long text.
BOX_WIDTH = 200.0
MIN_BOX_HEIGHT = 64.0
#: Room kept clear above and below a box's text, away from its rounded corners.
CORNER_CLEARANCE = 7.0


#: The coloured strip on the left of every box, as on the canvas.
STRIP_WIDTH = 6.0
BOX_TEXT_PADDING = 5.0
#: Width text may take in a box, with some room to spare for a wider fallback font.
TEXT_WIDTH = (BOX_WIDTH - 4 - STRIP_WIDTH - 2 * BOX_TEXT_PADDING - 2) * 0.93


def colour_for(category: str) -> str:
    return CATEGORY_COLOURS.get(category, CATEGORY_COLOURS["other"])


__all__ = ["CATEGORY_COLOURS", "SEVERITY_COLOURS", "colour_for"]
