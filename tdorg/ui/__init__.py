"""The Qt editor: canvas, palette, panels and dialogs over the tdorg model."""

from .qt_guard import make_singletons_immortal

make_singletons_immortal()
