"""The board packet: cover, chart, metrics, findings, responsibility matrix and changes, composed as one PDF."""
