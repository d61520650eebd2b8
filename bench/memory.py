"""The peak resident memory of this process alone.

``getrusage``'s ``ru_maxrss`` is no good for that on Linux: a process started
from a large one (a test runner's child, even through ``exec``) inherits the
parent's peak. ``VmHWM`` in ``/proc/self/status`` belongs to the process's own
memory map, which ``exec`` makes anew; elsewhere ``ru_maxrss`` is the best there is.
"""

from __future__ import annotations

import resource
import sys


def peak_bytes() -> int:
    """The most resident memory this process has held, in bytes."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, kilobytes elsewhere


def peak_mb() -> float:
    return peak_bytes() / 2**20
