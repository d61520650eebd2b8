"""The Qt editor: canvas, palette, panels and dialogs over the tdorg model."""
