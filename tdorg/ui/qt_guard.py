"""A guard against a reference-counting fault of the Qt bindings on Python 3.11.

The pinned PySide6 hands out ``None``, ``True`` and ``False`` without taking
a reference to them, as if they were immortal — which they are only from
Python 3.12 on. On Python 3.11 every Qt call that returns nothing
(``setPen``, ``setPos``, ``setText``…) and every ``Signal.emit`` then
releases one reference that was never taken; after some thousands of calls a
count reaches zero and the interpreter aborts ("deallocating None",
"deallocating True or False"). Painting a large chart makes that many calls
in one frame.

:func:`make_singletons_immortal` gives these three objects a practically
unlimited reference count once, which is what Python 3.12 does by design.
It does nothing on Python 3.12+ or on interpreters other than CPython.
"""

from __future__ import annotations

import ctypes
import sys

#: Spare references: at a million faulty calls a second, enough for 36,000 years.
_SPARE = 1 << 60


def make_singletons_immortal() -> bool:
    """Raise the reference counts of None, True and False out of reach; True when it was needed."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _SPARE // 2:
            count.value += _SPARE
    return True
