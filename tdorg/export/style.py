"""The look of an exported chart: category colours, severity colours, fonts, sizes.

Each category has a strong colour (box border, category line) and a light
tint (box fill). The editor's canvas uses the same hex values so a printed
chart looks like the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.rules.base import Severity


@dataclass(frozen=True)
class CategoryColour:
    stroke: str
    fill: str


CATEGORY_COLOURS: dict[str, CategoryColour] = {
    "superintendent": CategoryColour("#37474F", "#ECEFF1"),
    "executive": CategoryColour("#546E7A", "#F1F4F6"),
    "it_leader": CategoryColour("#1A4E8A", "#E3EDF9"),
    "it_manager": CategoryColour("#2F6DB5", "#E8F0FA"),
    "network": CategoryColour("#00796B", "#E0F2EF"),
    "systems_admin": CategoryColour("#00838F", "#E0F4F6"),
    "building_technician": CategoryColour("#558B2F", "#EEF5E6"),
    "help_desk": CategoryColour("#7CB342", "#F2F8EA"),
    "software_apps": CategoryColour("#6A4FB3", "#EFEBF8"),
    "data_sis": CategoryColour("#8E44AD", "#F4EAF8"),
    "security": CategoryColour("#C62828", "#FBEAEA"),
    "integration_coach": CategoryColour("#E07B00", "#FDF1E2"),
    "pd_trainer": CategoryColour("#C8A200", "#FBF6E0"),
    "admin_assistant": CategoryColour("#8D6E63", "#F5F0EE"),
    "privacy_officer": CategoryColour("#AD1457", "#FAE8F0"),
    "instructional_leader": CategoryColour("#B8560F", "#FBEEE4"),
    "other": CategoryColour("#757575", "#F5F5F5"),
}

DEFAULT_COLOUR = CATEGORY_COLOURS["other"]

SEVERITY_COLOURS: dict[Severity, str] = {
    Severity.ERROR: "#C62828",
    Severity.WARNING: "#E08E00",
    Severity.INFO: "#1E6FD9",
}

SEVERITY_MARKS: dict[Severity, str] = {
    Severity.ERROR: "!",
    Severity.WARNING: "!",
    Severity.INFO: "i",
}

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
TITLE_SIZE = 11.0
PERSON_SIZE = 9.5
META_SIZE = 8.0
TEXT_COLOUR = "#1F2328"
MUTED_COLOUR = "#5F6B76"
EDGE_COLOUR = "#5F6B76"
DOTTED_COLOUR = "#8A94A0"
VACANT_FILL = "#FFFFFF"
VACANT_STROKE = "#9AA3AD"

#: Characters per line of a wrapped title; wider titles go on more lines.
TITLE_CHARS_PER_LINE = 30
PERSON_CHARS_PER_LINE = 34
META_CHARS_PER_LINE = 42
TITLE_LINE_HEIGHT = 13.5
PERSON_LINE_HEIGHT = 11.5
META_LINE_HEIGHT = 10.0

#: Size of every role's box; boxes grow taller (never wider) for long text.
BOX_WIDTH = 200.0
MIN_BOX_HEIGHT = 64.0
BOX_PADDING = 16.0


def colour_for(category: str) -> CategoryColour:
    return CATEGORY_COLOURS.get(category, DEFAULT_COLOUR)


__all__ = [
    "CATEGORY_COLOURS",
    "CategoryColour",
    "DEFAULT_COLOUR",
    "SEVERITY_COLOURS",
    "SEVERITY_MARKS",
    "colour_for",
]
