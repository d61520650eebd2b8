"""The program that compiles one Typst document, in a process of its own.

Typst holds every page's drawings while it composes (about 350 MB for a
5,000-role chart's 292 department pages), so the editor and the commands run
it here and get the memory back when it ends. It is run as

    typst_child.py MAIN ROOT FONTS OUT

and writes the tagged PDF/UA-1 document at ``OUT``; on failure it prints
Typst's message on standard error and exits 1.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print("usage: typst_child.py MAIN ROOT FONTS OUT", file=sys.stderr)
        return 2
    main_file, root, fonts, out = argv
    import typst

    try:
        typst.compile(main_file, output=out, root=root, font_paths=[fonts], ignore_system_fonts=True,
                      pdf_standards="ua-1", pdf_tags=True)
    except typst.TypstError as error:
        print(str(error), file=sys.stderr)
        return 1
    except OSError as error:
        print(f"a file could not be read ({error})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
