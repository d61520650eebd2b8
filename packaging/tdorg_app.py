"""Entry point of the frozen tdorg app: the editor, or a command when one is given."""

import sys

from tdorg.launcher import main

if __name__ == "__main__":
    sys.exit(main())
