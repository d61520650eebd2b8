"""Light or dark: the colours of the editor in each scheme, and following the system's at run time.

The scheme is the application palette's: dark when its window is darker than
its text, which is how Linux desktops announce a dark theme. Where Qt knows the
system's colour scheme (Windows, macOS, some desktops) and the palette does not
agree, the palette of that scheme is put in place. A user whose desktop says
the wrong thing chooses with ``TDORG_COLOR_SCHEME=dark|light`` or
``--color-scheme dark|light``.

Everything the editor paints itself (canvas, boxes, lines, badges, HTML in the
panels) takes its colours from :func:`look`; a slot given to
:func:`on_scheme_change` is called after each switch, to paint them again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from tdorg.export import style as print_style
from tdorg.export.contrast import AA_TEXT, readable
from tdorg.model.matrix_status import SINGLE_PERSON, UNOWNED
from tdorg.model.rules.base import Severity

#: The environment variable that chooses the scheme over the system's.
SCHEME_VARIABLE = "TDORG_COLOR_SCHEME"
SCHEMES = ("light", "dark")

#: Badges (a finding count, a compare tag) are the same in both schemes: white text on these.
BADGE_COLOURS: dict[Severity, str] = dict(print_style.SEVERITY_COLOURS)


@dataclass(frozen=True, eq=False, repr=False)  # no generated repr: 30 fields of source to compile at start-up
class Look:
    """Every colour the editor chooses itself, as ``#RRGGBB``."""

    dark: bool
    canvas_background: str
    box_fill: str
    box_border: str
    vacant_fill: str
    vacant_border: str  # also the "Vacant" text
    text: str
    text_muted: str
    manager_line: str
    dotted_line: str
    selection: str
    accept: str
    refuse: str
    accept_fill: str
    refuse_fill: str
    field_error: str
    link: str
    chrome: str  # tool bar, panel titles, status bar, detail panes
    panel: str  # the page of the properties, metrics and rules: fields stand out on it
    rule: str  # thin separating lines
    hover: str
    checked: str
    badge_text: str
    badge_ring: str
    severity_colours: dict[Severity, str]  # as text on the panels
    #: Compare view: (outline, fill) of boxes added, removed, and otherwise changed.
    mark_colours: dict[str, tuple[str, str]]
    mark_text: str  # on a compare tag's outline colour
    #: Responsibility matrix: (text, fill) per status, and the load rows' fill.
    matrix_status_colours: dict[str, tuple[str, str]]
    matrix_load_fill: str

    def category(self, category: str) -> str:
        """A category's colour: its box strip, and its name's text on a box."""
        return _category_colour(self, print_style.colour_for(category))


#: The category's name on a box is small: a little above AA, so its antialiased strokes still reach it.
_SMALL_TEXT = AA_TEXT + 0.5


@lru_cache(maxsize=None)
def _category_colour(look: Look, colour: str) -> str:
    return readable(colour, (look.box_fill, look.vacant_fill), _SMALL_TEXT)


@lru_cache(maxsize=4096)
def text_on(colour: str, background: str) -> str:
    """``colour``, nudged if needed so text in it reads on ``background`` (WCAG AA)."""
    return readable(colour, (background,))


LIGHT = Look(
    dark=False,
    canvas_background="#F1F5F9",
    box_fill=print_style.BOX_FILL,
    box_border=print_style.BOX_BORDER,
    vacant_fill=print_style.VACANT_FILL,
    vacant_border=print_style.VACANT_BORDER,
    text=print_style.TEXT_COLOUR,
    text_muted=print_style.MUTED_COLOUR,
    manager_line=print_style.EDGE_COLOUR,
    dotted_line=print_style.DOTTED_COLOUR,
    selection="#2563EB",
    accept="#15803D",
    refuse="#DC2626",
    accept_fill="#F0FDF4",
    refuse_fill="#FEF2F2",
    field_error="#B91C1C",
    link="#1D4ED8",
    chrome="#F8FAFC",
    panel="palette(base)",
    rule="#E2E8F0",
    hover="#E2E8F0",
    checked="#DBEAFE",
    badge_text="#FFFFFF",
    badge_ring="#FFFFFF",
    severity_colours=dict(print_style.SEVERITY_COLOURS),
    mark_colours={"added": ("#15803D", "#DCFCE7"), "removed": ("#B91C1C", "#FEE2E2"),
                  "changed": ("#B45309", "#FEF3C7")},
    mark_text="#FFFFFF",
    matrix_status_colours=dict(print_style.MATRIX_STATUS_COLOURS),
    matrix_load_fill=print_style.MATRIX_LOAD_FILL,
)

DARK = Look(
    dark=True,
    canvas_background="#0F141B",
    box_fill="#1E2530",
    box_border="#465263",
    vacant_fill="#2A2316",
    vacant_border="#FBBF24",
    text="#F1F5F9",
    text_muted="#AEB8C6",
    manager_line="#708096",
    dotted_line="#B9A4FB",
    selection="#60A5FA",
    accept="#4ADE80",
    refuse="#F87171",
    accept_fill="#12301F",
    refuse_fill="#3A1618",
    field_error="#FCA5A5",
    link="#93C5FD",
    chrome="#1B2028",
    panel="palette(window)",
    rule="#343C48",
    hover="#2E3643",
    checked="#1E3A5F",
    badge_text="#FFFFFF",
    badge_ring="#0F141B",
    severity_colours={Severity.ERROR: "#F87171", Severity.WARNING: "#FBBF24", Severity.INFO: "#7DB3FA"},
    mark_colours={"added": ("#4ADE80", "#12301F"), "removed": ("#F87171", "#3A1618"),
                  "changed": ("#FBBF24", "#35290F")},
    mark_text="#0F141B",
    matrix_status_colours={UNOWNED: ("#FCA5A5", "#3A1618"), SINGLE_PERSON: ("#FCD34D", "#35290F")},
    matrix_load_fill="#232B36",
)

_ROLES = QPalette.ColorRole
#: The palette of each scheme where the editor puts one in place (Fusion's roles, in tdorg's colours).
_PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {_ROLES.Window: "#EFEFEF", _ROLES.WindowText: "#0F172A", _ROLES.Base: "#FFFFFF",
              _ROLES.AlternateBase: "#F5F7FA", _ROLES.Text: "#0F172A", _ROLES.Button: "#EFEFEF",
              _ROLES.ButtonText: "#0F172A", _ROLES.BrightText: "#FFFFFF", _ROLES.Highlight: "#2563EB",
              _ROLES.HighlightedText: "#FFFFFF", _ROLES.Link: "#1D4ED8", _ROLES.ToolTipBase: "#FFFFDC",
              _ROLES.ToolTipText: "#0F172A", _ROLES.PlaceholderText: "#64748B", _ROLES.Light: "#FFFFFF",
              _ROLES.Midlight: "#E3E3E3", _ROLES.Mid: "#B8B8B8", _ROLES.Dark: "#9F9F9F", _ROLES.Shadow: "#767676"},
    "dark": {_ROLES.Window: "#232830", _ROLES.WindowText: "#E8ECF1", _ROLES.Base: "#13161B",
             _ROLES.AlternateBase: "#1E232B", _ROLES.Text: "#E8ECF1", _ROLES.Button: "#2B313B",
             _ROLES.ButtonText: "#E8ECF1", _ROLES.BrightText: "#FFFFFF", _ROLES.Highlight: "#2563EB",
             _ROLES.HighlightedText: "#FFFFFF", _ROLES.Link: "#93C5FD", _ROLES.ToolTipBase: "#2B313B",
             _ROLES.ToolTipText: "#E8ECF1", _ROLES.PlaceholderText: "#8A94A3", _ROLES.Light: "#3A414D",
             _ROLES.Midlight: "#323843", _ROLES.Mid: "#252A32", _ROLES.Dark: "#14171C", _ROLES.Shadow: "#0A0C0F"},
}
_DISABLED_TEXT = {"light": "#9CA3AF", "dark": "#6B7480"}

_look = LIGHT


def look() -> Look:
    """The colours of the scheme in use."""
    return _look


def scheme_palette(scheme: str) -> QPalette:
    """tdorg's palette for ``"light"`` or ``"dark"``."""
    palette = QPalette()
    for role, colour in _PALETTES[scheme].items():
        palette.setColor(role, QColor(colour))
    for role in (_ROLES.WindowText, _ROLES.Text, _ROLES.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT[scheme]))
    return palette


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(_ROLES.Window).lightness() < palette.color(_ROLES.WindowText).lightness()


def chosen_scheme(option: str | None, environ: dict[str, str] | None = None) -> str | None:
    """The scheme the user chose, ``--color-scheme``'s value over ``TDORG_COLOR_SCHEME``; None for the system's."""
    env = os.environ if environ is None else environ
    chosen = (option if option is not None else env.get(SCHEME_VARIABLE, "")).strip().lower()
    return chosen if chosen in SCHEMES else None


def scheme_option(argv: list[str]) -> tuple[list[str], str | None]:
    """``argv`` without its ``--color-scheme`` option, and the option's value (None when absent)."""
    rest: list[str] = []
    value: str | None = None
    skip = False
    for n, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg == "--color-scheme":
            value = argv[n + 1] if n + 1 < len(argv) else ""
            skip = True
        elif arg.startswith("--color-scheme="):
            value = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return rest, value


class SchemeWatcher(QObject):
    """Follows the application's palette and the system's colour scheme; ``changed`` after a switch."""

    changed = Signal()

    def __init__(self, app: QGuiApplication, forced: str | None, stylesheet) -> None:  # noqa: ANN001 - callable
        super().__init__(app)
        self.app = app
        self.forced: str | None = None
        self._stylesheet = stylesheet
        self._busy = False
        # The palette's own signal, not a filter on the application: that would see every event of every widget.
        app.paletteChanged.connect(lambda _palette: self.follow())
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.follow())
        self.choose(forced)

    def choose(self, forced: str | None) -> None:
        """Keep to ``forced`` ("light" or "dark") whatever the system says; None follows the system again."""
        self.forced = forced
        hints = self.app.styleHints()
        if forced is None:
            hints.unsetColorScheme()
        else:  # native dialogs follow too, where the platform lets Qt choose
            hints.setColorScheme(Qt.ColorScheme.Dark if forced == "dark" else Qt.ColorScheme.Light)
        self.follow()

    def wanted(self) -> str | None:
        if self.forced is not None:
            return self.forced
        scheme = self.app.styleHints().colorScheme()
        return {Qt.ColorScheme.Dark: "dark", Qt.ColorScheme.Light: "light"}.get(scheme)

    def follow(self) -> None:
        """Take the scheme now in force: its palette if Qt's scheme and the palette disagree, its look."""
        global _look
        if self._busy:
            return
        self._busy = True
        try:
            wanted = self.wanted()
            if wanted is not None and palette_is_dark(self.app.palette()) != (wanted == "dark"):
                self.app.setPalette(scheme_palette(wanted))
            _look = DARK if palette_is_dark(self.app.palette()) else LIGHT
            self.app.setStyleSheet(self._stylesheet())  # also re-reads palette() in widgets' own sheets
        finally:
            self._busy = False
        self.changed.emit()


_watcher: SchemeWatcher | None = None


def follow_scheme(app: QGuiApplication, forced: str | None, stylesheet) -> SchemeWatcher:  # noqa: ANN001
    """Start following the colour scheme (once per application); ``stylesheet()`` gives the app's sheet."""
    global _watcher
    if _watcher is None or _watcher.app is not app:
        _watcher = SchemeWatcher(app, forced, stylesheet)
    elif forced != _watcher.forced:
        _watcher.choose(forced)
    return _watcher


def on_scheme_change(slot) -> None:  # noqa: ANN001 - a callable
    """Call ``slot()`` after each switch of scheme (nothing when the editor does not follow one)."""
    if _watcher is not None:
        _watcher.changed.connect(slot)
