"""Entry point of the frozen tdorg app: the editor, or a command when one is given."""

import os
import sys

from tdorg.launcher import main


def set_qt_plugin_path() -> None:
    """Point Qt at the plugins inside the app folder (the spec leaves out PyInstaller's PySide6 run-time hook,
    which would do this by importing Qt in every process, commands and Graphviz children included)."""
    qt = os.path.join(sys._MEIPASS, "PySide6", *([] if sys.platform == "win32" else ["Qt"]))  # noqa: SLF001
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")


if __name__ == "__main__":
    set_qt_plugin_path()
    sys.exit(main())
