"""The ``tdorg`` command line: argument parsing, subcommands and error handling.

Subcommands plug in without editing this file, in either of two ways:

- a module ``tdorg/cli/<name>_command.py`` defining
  ``add_command(subparsers)`` (and optionally ``ORDER``, its place in
  ``--help``);
- a function named in :data:`OPTIONAL_COMMANDS`, in a module elsewhere, used
  when that module can be imported.

``add_command`` adds a parser with ``subparsers.add_parser(...)`` and sets
``handler``: ``parser.set_defaults(handler=fn)`` where ``fn(args) -> int`` returns
the exit code. A handler may raise :class:`~tdorg.model.errors.TdorgError` or
``OSError``; :func:`run` prints the message on one line and returns 2.

Exit codes: 0 success; 1 the chart has errors (``validate``); 2 the input could
not be read, the command line was wrong, the command was interrupted or failed
unexpectedly (always with a one-line message). Output goes through
:mod:`~tdorg.cli.console`, so an odd console encoding or a closed pipe never
stops a command.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType
from typing import Callable

EXIT_OK = 0
EXIT_CHART_HAS_ERRORS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = EXIT_BAD_INPUT  # only 0, 1 and 2 are ever returned
EXIT_INTERRUPTED = EXIT_BAD_INPUT

#: Subcommands defined outside ``tdorg.cli``: (module, function taking the subparsers).
OPTIONAL_COMMANDS: tuple[tuple[str, str], ...] = ()

_COMMAND_SUFFIX = "_command"

Setup = Callable[[argparse._SubParsersAction], None]


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line plus a hint, then exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def command_setups(wanted: str | None = None) -> list[Setup]:
    """Every known subcommand's set-up function, in ``--help`` order.

    With ``wanted`` naming a module's command (``validate`` for
    ``validate_command.py``), only that one: a command loads only what it uses.
    """
    names = [name for name in _module_names() if name.endswith(_COMMAND_SUFFIX)]
    if wanted is not None and f"{wanted}{_COMMAND_SUFFIX}" in names:
        names = [f"{wanted}{_COMMAND_SUFFIX}"]
        optional: tuple[tuple[str, str], ...] = ()
    else:
        optional = OPTIONAL_COMMANDS
    found: list[tuple[int, str, Setup]] = []
    for name in names:
        module = importlib.import_module(f"{__package__}.{name}")
        found.append((getattr(module, "ORDER", 100), name, module.add_command))
    for n, (module_name, function) in enumerate(optional):
        module = _optional_module(module_name)
        if module is not None and hasattr(module, function):
            found.append((200 + n, module_name, getattr(module, function)))
    return [setup for _, _, setup in sorted(found, key=lambda item: (item[0], item[1]))]


def _module_names() -> list[str]:
    """The modules of this package, sorted: listed from its folders, or by :mod:`pkgutil` in the frozen app, whose
    modules are in an archive (for a folder pkgutil costs more than the listing: it imports :mod:`inspect`)."""
    from . import __path__ as cli_path

    names: set[str] = set()
    for folder in cli_path:
        try:
            names.update(entry[:-3] for entry in os.listdir(folder) if entry.endswith(".py"))
        except OSError:
            continue
    if not names:
        import pkgutil

        names.update(info.name for info in pkgutil.iter_modules(cli_path))
    return sorted(names)


def _optional_module(name: str) -> ModuleType | None:
    """Import ``name`` if it exists; a module that exists but fails to import still fails."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name is not None and (name == error.name or name.startswith(error.name + ".")):
            return None
        raise


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv`` (all of the commands without it; see :func:`command_setups`)."""
    from tdorg import __version__

    parser = _Parser(
        prog="tdorg",
        description=(
            "Design school-district technology-department org charts and check them against the "
            "K-12 technology-leadership framework."
        ),
        epilog=(
            "Run 'tdorg' alone, or 'tdorg CHART', to open the editor. "
            "Charts are read from .tdorg, .json or .csv files, chosen by extension. "
            "Run 'tdorg COMMAND --help' for a command's options. Exit codes: 0 ok, 1 the chart has "
            "errors, 2 the input cannot be read or the command line is wrong."
        ),
    )
    parser.add_argument("--version", action="version", version=f"tdorg {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    wanted = argv[0] if argv else None
    if wanted == "--version":  # needs no command
        return parser
    for setup in command_setups(wanted):
        setup(subparsers)
    return parser


def run(argv: list[str] | None = None) -> int:
    """Run the command line ``argv`` (without the program name); return the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    from tdorg.model.errors import TdorgError

    from .console import prepare_streams

    prepare_streams()

    try:
        parser = build_parser(argv)
        try:
            args = parser.parse_args(argv)
        except SystemExit as stop:  # --help, --version and usage errors
            return stop.code if isinstance(stop.code, int) else EXIT_BAD_INPUT
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_help(sys.stderr)
            return EXIT_BAD_INPUT
        return int(handler(args))
    except TdorgError as error:
        return _fail(str(error), EXIT_BAD_INPUT)
    except OSError as error:
        return _fail(_os_message(error), EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)
    except Exception as error:  # a bug: say so in one line, never a traceback
        return unexpected_failure(error)


def unexpected_failure(error: Exception) -> int:
    """A bug's one-line message and exit code (re-raised with ``TDORG_DEBUG=1`` set, to see the traceback)."""
    if os.environ.get("TDORG_DEBUG"):
        raise error
    return _fail(
        f"unexpected failure ({type(error).__name__}: {error}); set TDORG_DEBUG=1 to see the details.",
        EXIT_INTERNAL,
    )


def _os_message(error: OSError) -> str:
    reason = error.strerror or str(error)
    where = error.filename
    if error.filename2:
        where = f"{error.filename} → {error.filename2}"
    return f"{where}: {reason}" if where else reason


def _fail(message: str, code: int) -> int:
    one_line = " ".join(message.split())
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    print(f"tdorg: {one_line}", file=sys.stderr)
    return code
