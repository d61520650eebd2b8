"""tdorg: a designer for school-district technology-department org charts."""

__version__ = "0.1.0"
