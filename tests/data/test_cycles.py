"""ipplan.data.cycles: which derived indicators lie on a cycle of formulas."""

from __future__ import annotations

from ipplan.data.cycles import on_cycles


def test_members_of_cycles_and_self_loops_only() -> None:
    graph = {"a": ("b",), "b": ("a",), "c": ("a",), "d": ("d",), "e": ("f",)}
    # a ⇄ b is a cycle, d uses itself; c only reaches the cycle, e an id with no formula
    assert on_cycles(graph) == {"a", "b", "d"}


def test_a_long_chain_costs_no_stack() -> None:
    chain = {f"x{i}": (f"x{i + 1}",) for i in range(50_000)}
    assert on_cycles(chain) == set()
    chain["x50000"] = ("x0",)  # closing the chain puts all 50,001 ids on one cycle
    assert len(on_cycles(chain)) == 50_001
