"""Text on every box, badge and tag reads at WCAG AA (4.5:1), on the canvas in both schemes and in exports."""

from __future__ import annotations

import pytest

from tdorg.export import style as print_style
from tdorg.export.contrast import AA_TEXT, contrast, luminance, mix, readable
from tdorg.ui.widgets.colour_scheme import BADGE_COLOURS, DARK, LIGHT

LOOKS = {"light": LIGHT, "dark": DARK}


def test_contrast_follows_wcag_2() -> None:
    assert luminance("#000000") == 0 and luminance("#FFFFFF") == pytest.approx(1)
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the well-known near miss
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast("#2563EB", "#2563EB") == 1


def test_mix_and_readable() -> None:
    assert mix("#000000", "#FFFFFF", 0.5) == "#808080"
    assert readable("#0F172A", ("#FFFFFF",)) == "#0F172A"  # already fine: unchanged
    lighter = readable("#1E3A8A", ("#1E2530",))
    assert lighter != "#1E3A8A" and contrast(lighter, "#1E2530") >= AA_TEXT
    darker = readable("#94A3B8", ("#FFFFFF",))
    assert luminance(darker) < luminance("#94A3B8") and contrast(darker, "#FFFFFF") >= AA_TEXT
    with pytest.raises(ValueError):
        contrast("red", "#FFFFFF")


@pytest.mark.parametrize("scheme", LOOKS)
@pytest.mark.parametrize("category", print_style.CATEGORY_COLOURS)
def test_each_category_name_reads_on_its_boxes(scheme: str, category: str) -> None:
    look = LOOKS[scheme]
    colour = look.category(category)
    for fill in (look.box_fill, look.vacant_fill):
        assert contrast(colour, fill) >= AA_TEXT, (category, colour, fill)
    if scheme == "light":  # the print's colour, at most a shade darker for the small text on screen
        assert contrast(colour, print_style.colour_for(category)) < 1.25


@pytest.mark.parametrize("scheme", LOOKS)
def test_box_text_badges_and_tags_read(scheme: str) -> None:
    look = LOOKS[scheme]
    for fill in (look.box_fill, look.vacant_fill, look.accept_fill, look.refuse_fill):
        assert contrast(look.text, fill) >= AA_TEXT
        assert contrast(look.text_muted, fill) >= AA_TEXT
    assert contrast(look.vacant_border, look.vacant_fill) >= AA_TEXT  # "Vacant"
    for colour in BADGE_COLOURS.values():
        assert contrast(look.badge_text, colour) >= AA_TEXT
    for outline, fill in look.mark_colours.values():
        assert contrast(look.mark_text, outline) >= AA_TEXT  # the tag
        assert contrast(outline, fill) >= AA_TEXT  # the compare list's words on the tint
        assert contrast(look.text, fill) >= AA_TEXT  # a marked box's title
    for text, fill in look.matrix_status_colours.values():
        assert contrast(text, fill) >= AA_TEXT
    panel = "#FFFFFF" if scheme == "light" else "#171B21"
    for colour in (*look.severity_colours.values(), look.link, look.field_error, look.accept, look.refuse):
        assert contrast(colour, panel) >= AA_TEXT, colour
        assert contrast(colour, look.chrome) >= AA_TEXT, colour


def test_print_colours_read_on_paper() -> None:
    """Exports stay light: category names, "Vacant" and badges pass on the printed boxes."""
    for category, colour in print_style.CATEGORY_COLOURS.items():
        for fill in (print_style.BOX_FILL, print_style.VACANT_FILL):
            assert contrast(colour, fill) >= AA_TEXT, category
    assert contrast(print_style.VACANT_BORDER, print_style.VACANT_FILL) >= AA_TEXT
    assert contrast(print_style.MUTED_COLOUR, print_style.VACANT_FILL) >= AA_TEXT
    for colour in print_style.SEVERITY_COLOURS.values():
        assert contrast("#FFFFFF", colour) >= AA_TEXT  # the badge's count
        assert contrast(colour, print_style.BOX_FILL) >= AA_TEXT  # the findings' words
    for text, fill in print_style.MATRIX_STATUS_COLOURS.values():
        assert contrast(text, fill) >= AA_TEXT
