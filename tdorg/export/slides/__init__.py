"""The chart as PowerPoint slides of editable boxes and connectors: the deck, its chart slides and their text."""
