"""Graph questions about reporting lines, answered with networkx."""

from __future__ import annotations

from typing import Mapping


def find_reporting_cycle(managers: Mapping[str, str | None]) -> list[str] | None:
    """A loop in ``role id → manager id`` lines, as the ids around it, or ``None``.

    ``managers`` maps every role to its manager (``None`` for a top role);
    managers missing from the mapping are ignored here.
    """
    lines = [(role, manager) for role, manager in managers.items() if manager is not None]
    if not lines:  # an empty or flat chart, as every new window starts: no need to load networkx
        return None
    import networkx as nx  # on first use: it takes a third of a second to import

    graph = nx.DiGraph()
    graph.add_edges_from(lines)
    if nx.is_directed_acyclic_graph(graph):  # the common case, and much faster than a search
        return None
    try:
        edges = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return None
    return [edge[0] for edge in edges]


def reporting_cycles(managers: Mapping[str, str | None]) -> list[list[str]]:
    """Every separate loop in the reporting lines (each role is in at most one,
    since a role has one manager), for reports that must list every row involved."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_edges_from((role, manager) for role, manager in managers.items() if manager is not None)
    return [sorted(component) for component in nx.strongly_connected_components(graph) if len(component) > 1]
