"""How wide Graphviz's text layout makes a line of a label, measured with the same Pango it draws with.

Graphviz sizes the cells of an HTML-like label by what its Pango plugin measures
(``plugin/pango/gvtextlayout_pango.c``): a Pango context of a fresh PangoCairo font
map at 96 dpi, grey antialiasing, full hinting with hinted metrics, and the font
``DejaVu Sans`` at the size in Pango units. This module opens the Pango libraries
bundled in the pygraphviz wheel and sets them up the same way, so a label's
lines can be placed where Graphviz would place them without Graphviz laying
out their text.

With hinted metrics every glyph's advance is a whole pixel, so a line's width
is the sum of its characters' widths and of what each pair of neighbours adds
(kerning): both are measured once each and kept. A line holding ``ff`` (which
begins DejaVu's three-letter ligatures) is measured whole.
"""

from __future__ import annotations

import contextlib
import ctypes
import glob
import html
import os
import sys
import threading
from pathlib import Path
from typing import Iterator

#: Points per Pango unit at Graphviz's 96 dpi (``POINTS_PER_INCH / (FONT_DPI * PANGO_SCALE)``).
_SCALE = 72 / (96 * 1024)
#: cairo's enums: ANTIALIAS_GRAY, HINT_STYLE_FULL, HINT_METRICS_ON, SUBPIXEL_ORDER_BGR.
_OPTIONS = (("antialias", 2), ("hint_style", 4), ("hint_metrics", 2), ("subpixel_order", 2))


@contextlib.contextmanager
def _fontconfig_quiet() -> Iterator[None]:
    """Standard error (the file, which C writes to) set aside while the wheel's fontconfig reads the system's
    configuration: it is older than some systems' and warns of elements it does not know, words a user of
    ``tdorg export`` would see and could do nothing about (Graphviz's child says the same, to a pipe)."""
    try:
        sys.stderr.flush()
        kept = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no standard error to set aside
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(kept, 2)
        os.close(kept)


class _Rect(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int)]


class _Pango:
    """The bundled Pango, set up as Graphviz's text layout plugin sets it up."""

    def __init__(self, family: str) -> None:
        import importlib.util

        spec = importlib.util.find_spec("pygraphviz")  # its folder, without importing it
        if spec is None or spec.origin is None:
            raise OSError("pygraphviz is not installed")
        libs = Path(spec.origin).resolve().parent.parent / "pygraphviz.libs"

        def open_lib(stem: str) -> ctypes.CDLL:
            found = sorted(glob.glob(str(libs / f"{stem}*.so*")))
            if not found:
                raise OSError(f"no {stem} in {libs}")
            # Opened privately: in the editor, the wheel's cairo brings its own copies of libxcb, fontconfig
            # and freetype, which must not stand in for Qt's in the libraries Qt loads later.
            return ctypes.CDLL(found[0], mode=ctypes.RTLD_LOCAL)

        cairo, pango, pangocairo = open_lib("libcairo-"), open_lib("libpango-1"), open_lib("libpangocairo-1")
        ptr, text = ctypes.c_void_p, ctypes.c_char_p
        pangocairo.pango_cairo_font_map_new.restype = ptr
        pango.pango_font_map_create_context.restype = ptr
        pango.pango_font_map_create_context.argtypes = [ptr]
        cairo.cairo_font_options_create.restype = ptr
        pangocairo.pango_cairo_context_set_font_options.argtypes = [ptr, ptr]
        pangocairo.pango_cairo_context_set_resolution.argtypes = [ptr, ctypes.c_double]
        pango.pango_font_description_from_string.restype = ptr
        pango.pango_font_description_from_string.argtypes = [text]
        pango.pango_font_description_set_size.argtypes = [ptr, ctypes.c_int]
        pango.pango_layout_new.restype = ptr
        pango.pango_layout_new.argtypes = [ptr]
        pango.pango_layout_set_text.argtypes = [ptr, text, ctypes.c_int]
        pango.pango_layout_set_font_description.argtypes = [ptr, ptr]
        pango.pango_layout_set_attributes.argtypes = [ptr, ptr]
        pango.pango_parse_markup.argtypes = [text, ctypes.c_int, ctypes.c_uint32, ctypes.POINTER(ptr),
                                             ctypes.POINTER(text), ptr, ptr]
        pango.pango_layout_get_extents.argtypes = [ptr, ptr, ctypes.POINTER(_Rect)]
        pango.pango_layout_get_baseline.argtypes = [ptr]
        pango.pango_attr_list_unref.argtypes = [ptr]
        pango.g_object_unref.argtypes = [ptr]  # GLib's, which Pango links with
        pango.g_free.argtypes = [ptr]
        self.pango = pango
        self.context = pango.pango_font_map_create_context(pangocairo.pango_cairo_font_map_new())
        options = cairo.cairo_font_options_create()
        for name, value in _OPTIONS:
            setter = getattr(cairo, f"cairo_font_options_set_{name}")
            setter.argtypes = [ptr, ctypes.c_int]
            setter(options, value)
        pangocairo.pango_cairo_context_set_font_options(self.context, options)
        pangocairo.pango_cairo_context_set_resolution(self.context, 96.0)
        self.family = family.encode()
        self.descriptions: dict[float, int] = {}
        with _fontconfig_quiet():
            self.measure("x", 10.0, False, False)  # the first font looked up reads fontconfig's files

    def measure(self, line: str, size: float, bold: bool, italic: bool) -> tuple[float, float, float]:
        """Width, height and baseline (from the top) of ``line``, in points, as Graphviz's plugin measures it."""
        pango = self.pango
        description = self.descriptions.get(size)
        if description is None:
            description = self.descriptions[size] = pango.pango_font_description_from_string(self.family)
            pango.pango_font_description_set_size(description, int(size * 1024))
        layout = pango.pango_layout_new(self.context)
        attrs = ctypes.c_void_p()
        if bold or italic:  # as the plugin does: the line as markup in a span of its weight and style
            markup = ("<span" + (' weight="bold"' if bold else "") + (' style="italic"' if italic else "") + ">"
                      + html.escape(line, quote=False) + "</span>")
            plain = ctypes.c_void_p()
            pango.pango_parse_markup(markup.encode(), -1, 0, ctypes.byref(attrs),
                                     ctypes.cast(ctypes.byref(plain), ctypes.POINTER(ctypes.c_char_p)), None, None)
            pango.pango_layout_set_text(layout, ctypes.cast(plain, ctypes.c_char_p), -1)
            pango.g_free(plain)
        else:
            pango.pango_layout_set_text(layout, line.encode(), -1)
        pango.pango_layout_set_font_description(layout, description)
        if attrs:
            pango.pango_layout_set_attributes(layout, attrs)
            pango.pango_attr_list_unref(attrs)
        rect = _Rect()
        pango.pango_layout_get_extents(layout, None, ctypes.byref(rect))
        baseline = pango.pango_layout_get_baseline(layout)
        pango.g_object_unref(layout)
        return rect.width * _SCALE, rect.height * _SCALE, baseline * _SCALE


class Widths:
    """Line widths in one style (size in points, bold, italic), built from kept character and pair widths."""

    def __init__(self, pango: _Pango, size: float, bold: bool, italic: bool) -> None:
        self._measure = lambda line: pango.measure(line, size, bold, italic)
        _, self.height, self.baseline = self._measure("x")
        self._chars: dict[str, float] = {}
        self._pairs: dict[str, float] = {}
        self._whole: dict[str, float] = {}  # every line's width, once measured or summed

    def _char(self, ch: str) -> float:
        width = self._chars.get(ch)
        if width is None:
            width = self._chars[ch] = self._measure(ch)[0]
        return width

    def __call__(self, line: str) -> float:
        width = self._whole.get(line)
        if width is None:
            width = self._whole[line] = self._measure(line)[0] if "ff" in line else self._sum(line)
        return width

    def _sum(self, line: str) -> float:
        chars, pairs = self._chars, self._pairs
        try:
            total = sum(map(chars.__getitem__, line))
        except KeyError:
            total = sum(map(self._char, line))
        for i in range(len(line) - 1):
            pair = line[i:i + 2]
            kern = pairs.get(pair)
            if kern is None:
                kern = pairs[pair] = self._measure(pair)[0] - self._char(pair[0]) - self._char(pair[1])
            total += kern
        return total


_lock = threading.Lock()
_pango: _Pango | None = None
_styles: dict[tuple, Widths] = {}


def available(family: str) -> bool:
    """Whether this process can measure ``family`` as Graphviz does: the Pango bundled in the pygraphviz
    wheel opens here (it does in a Linux wheel, not in every other build). When not, Graphviz lays out
    the labels' text itself."""
    try:
        widths(family, 10.0)
    except OSError:  # no such library here
        return False
    return True


def widths(family: str, size: float, bold: bool = False, italic: bool = False) -> Widths:
    """The line widths of ``family`` at ``size`` points, bold and italic or not (kept for the process)."""
    global _pango
    key = (family, size, bold, italic)
    with _lock:
        found = _styles.get(key)
        if found is None:
            if _pango is None or _pango.family != family.encode():
                _pango = _Pango(family)
            found = _styles[key] = Widths(_pango, size, bold, italic)
    return found


__all__ = ["Widths", "available", "widths"]
