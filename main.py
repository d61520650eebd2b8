"""Start the tdorg editor: ``python main.py [FILE]``."""

import sys

from tdorg.ui.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
