"""Which derived indicators lie on a cycle of formulas (the plan loader refuses them)."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["on_cycles"]


def on_cycles(graph: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The ids that lie on a cycle of formulas: Tarjan's strongly connected components,
    iterative (a chain of thousands of derived indicators costs no stack) and linear."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cyclic: set[str] = set()
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            successors = graph.get(node, ())
            if i < len(successors):
                work.append((node, i + 1))
                nxt = successors[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if work:  # back in the parent: pass the low-link up
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in successors:
                    cyclic.update(component)
    return cyclic
