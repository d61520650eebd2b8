"""The chart's dialogs: district facts, rules, the responsibility matrix, names, the start page."""
