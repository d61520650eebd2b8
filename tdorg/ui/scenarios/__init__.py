"""The document's scenarios, each with its undo history and live report, and the scenario bar."""
