"""``tdorg diff A [B]``: what changed between two charts or two scenarios of one file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tdorg.model.errors import FileError
from tdorg.model.formats import TDORG, kind_of

from .console import print_json
from .inputs import load_input

if TYPE_CHECKING:
    from .inputs import Loaded

ORDER = 40  # place in ``tdorg --help``
EXIT_OK = 0


def add_command(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="compare two charts, or two scenarios of one .tdorg file",
        description=(
            "Compare chart A with chart B: roles added, removed, moved to a new manager, retitled, with a new "
            "FTE or cost, and other field changes; findings resolved and introduced; metric deltas; cost "
            "totals. A and B are .tdorg, .json or .csv files. With one .tdorg file, compare two of its "
            "scenarios: tdorg diff plan.tdorg --scenario-a Current --scenario-b \"Proposed 2027\"."
        ),
        epilog="Exit codes: 0 compared (whether or not there are differences); 2 bad input.",
    )
    parser.add_argument("a", metavar="A", help="the chart to compare from")
    parser.add_argument("b", metavar="B", nargs="?", help="the chart to compare with (default: A again)")
    parser.add_argument("--scenario-a", metavar="NAME", help="scenario of A (a .tdorg file); default: its first")
    parser.add_argument(
        "--scenario-b", metavar="NAME", help="scenario of B (a .tdorg file); with one file, default: the next one"
    )
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    parser.set_defaults(handler=run_diff)


def _inputs(args: argparse.Namespace) -> tuple[Loaded, Loaded]:
    if args.b is not None:
        return load_input(args.a, args.scenario_a), load_input(args.b, args.scenario_b)
    if kind_of(args.a) != TDORG:
        raise FileError(args.a, "Give two charts to compare, or one .tdorg file with two scenarios.")
    from tdorg.model.formats.sources import ChartSource
    from tdorg.model.persistence import open_document

    document = open_document(args.a)
    names = document.names
    name_a = args.scenario_a or names[0]
    _check_name(args.a, names, name_a)
    if args.scenario_b is None:
        index = names.index(name_a)
        others = [n for n in names[index + 1 :] + names[:index] if n != name_a]
        if not others:
            raise FileError(args.a, f"The file holds only the scenario “{name_a}”; give a second chart to compare.")
        name_b = others[0]
    else:
        name_b = args.scenario_b
        _check_name(args.a, names, name_b)
    path = Path(args.a)
    return (ChartSource(path, document.scenario(name_a).chart, document, name_a),
            ChartSource(path, document.scenario(name_b).chart, document, name_b))


def _check_name(path: str, names: list[str], name: str) -> None:
    if name not in names:
        shown = ", ".join(f"“{n}”" for n in names)
        raise FileError(path, f"There is no scenario named “{name}”; the file holds {shown}.")


def _label(loaded: Loaded, same_file: bool) -> str:
    if loaded.scenario is not None and (same_file or loaded.scenario_count > 1):
        return loaded.scenario if same_file else f"{loaded.path.name} › {loaded.scenario}"
    return loaded.path.name


def run_diff(args: argparse.Namespace) -> int:
    from tdorg.model.compare import compare  # loaded by the command, not by ``tdorg --help``

    a, b = _inputs(args)
    same_file = args.b is None
    comparison = compare(a.chart, b.chart, name_a=_label(a, same_file), name_b=_label(b, same_file))
    if args.json:
        data = {"file_a": str(a.path), "scenario_a": a.scenario, "file_b": str(b.path), "scenario_b": b.scenario,
                "has_changes": comparison.has_changes, **comparison.as_dict()}
        print_json(data)
    else:
        print("\n".join(comparison.summary_lines()))
    return EXIT_OK
