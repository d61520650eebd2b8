"""The ``tdorg`` command line: validate, convert, export, diff."""
