"""tdorg: a designer for school-district technology-department org charts."""

from functools import lru_cache
from pathlib import Path

__version__ = "0.1.0"


@lru_cache(maxsize=1)
def _resources_root() -> Path:
    """``resources/``: inside the package when installed or frozen, beside it in a source checkout."""
    package = Path(__file__).resolve().parent
    inside = package / "resources"
    beside = package.parent / "resources"
    return beside if not inside.is_dir() and beside.is_dir() else inside


def resource_path(*parts: str) -> Path:
    """The shipped file or folder ``resources/<parts…>`` (templates, icons); it may be missing."""
    return _resources_root().joinpath(*parts)
