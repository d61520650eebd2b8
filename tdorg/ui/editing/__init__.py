"""Edits from the editor: gestures and panels become undo commands around the model's edits."""
