"""The docked panels: role types, properties, findings, metrics."""
