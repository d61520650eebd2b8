"""Contrast of two colours as WCAG 2.x measures it, and a colour nudged until text in it reads.

Colours are ``#RRGGBB`` strings. WCAG AA asks 4.5:1 for normal text, 3:1 for
large text and for the parts of a drawing one must see.
"""

from __future__ import annotations

#: WCAG AA for normal text.
AA_TEXT = 4.5


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance, 0 for black to 1 for white."""
    r, g, b = (_channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """The contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def mix(colour: str, towards: str, share: float) -> str:
    """``colour`` moved ``share`` (0 to 1) of the way to ``towards``."""
    a, b = _rgb(colour), _rgb(towards)
    return "#" + "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(a, b))


def readable(colour: str, backgrounds: tuple[str, ...], ratio: float = AA_TEXT) -> str:
    """``colour`` itself if text in it reaches ``ratio`` on every background, else the least change
    towards white (on dark backgrounds) or black (on light ones) that does."""
    if all(contrast(colour, back) >= ratio for back in backgrounds):
        return colour
    dark = sum(luminance(back) for back in backgrounds) / len(backgrounds) < 0.18
    target = "#FFFFFF" if dark else "#000000"
    for step in range(1, 21):
        nudged = mix(colour, target, step / 20)
        if all(contrast(nudged, back) >= ratio for back in backgrounds):
            return nudged
    return target
