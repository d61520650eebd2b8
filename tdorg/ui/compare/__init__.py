"""Scenarios › Compare…: two charts side by side with their changes."""
