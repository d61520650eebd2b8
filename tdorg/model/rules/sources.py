"""The framework's sources, as cited in its rules (see the framework document)."""

from __future__ import annotations

SOURCES: dict[str, str] = {
    "GARTNER": "B. Rust, A Centralized IT Organization Model for K-12 Education, Gartner G00201514 (2010)",
    "COSN": "CoSN, Framework of Essential Skills of the K-12 CTO (CETL)",
    "CORE": "Tech Department Core Services (essay on the three core services)",
    "FORUM": "Technology Department Structure (K-12 tech leaders' practitioner thread)",
    "SURVEY": "CoSN K-12 IT leadership surveys and staffing studies",
    "STRUCTURAL": "Structural rule of a reporting chart",
    "HEURISTIC": "Staffing heuristic (1 per high school, 1 per 2 middle, 1 per 3–4 elementary)",
    "MANAGEMENT": "Management practice (span of control)",
    "FEDERAL": "Federal E-rate program rules and CIPA",
}


def cite(*keys: str) -> str:
    """Full citation text for one or more source keys, joined by '; '."""
    return "; ".join(f"[{k}] {SOURCES[k]}" for k in keys)
