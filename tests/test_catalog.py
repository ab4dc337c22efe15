"""The message catalog: every key in both languages, and none that the code never uses."""

from __future__ import annotations

from pathlib import Path

from ipplan.i18n import catalog
from ipplan.project import REGISTRY

PACKAGE = Path(__file__).resolve().parent.parent / "ipplan"

# Keys the code names indirectly, not as a literal: the projection methods' words and
# formulas are named by the registry (ipplan/project.py REGISTRY).
INDIRECT = {
    key
    for spec in REGISTRY.values()
    for key in (spec.words, spec.formula, spec.formula_flows)
    if key is not None
}
# Keys raised by a branch not merged yet (the integrator drops them from this list).
RESERVED = {"cli.output_failed"}  # ipplan collect (issue 11: the collect branch)


def _source() -> str:
    files = [p for p in PACKAGE.rglob("*.py") if "messages" not in p.relative_to(PACKAGE).parts]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def test_every_key_has_both_languages() -> None:
    for key, entry in catalog().items():
        assert set(entry) == {"zh", "en"}, key
        assert entry["zh"][0] and entry["en"][0], key
        # a hint in one language has one in the other
        assert bool(entry["zh"][1]) == bool(entry["en"][1]), key


def test_every_key_is_used_by_the_code() -> None:
    source = _source()
    unused = [
        key
        for key in catalog()
        if key not in INDIRECT | RESERVED and f'"{key}"' not in source and f"'{key}'" not in source
    ]
    assert unused == []


def test_the_registry_names_existing_keys() -> None:
    assert set(catalog()) >= INDIRECT
