"""The catalog of words and messages: every key in both languages with the same
placeholders, and none that the code never uses."""

from __future__ import annotations

import string
from pathlib import Path

from ipplan.analysis.project import REGISTRY
from ipplan.core.i18n import Lang, catalog, words

PACKAGE = Path(__file__).resolve().parent.parent / "ipplan"

# Keys the code names indirectly, not as a literal: the projection methods' words and
# formulas are named by the registry (ipplan/analysis/project.py REGISTRY).
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
    assert set(words()) >= INDIRECT


# English grammar may need what Chinese does not ("is"/"are"); a name may be asked for in
# English as name_en (the indicator's English name).
GRAMMAR = {"be"}


def _fields(template: str) -> set[str]:
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    return {"name" if n == "name_en" else n for n in names} - GRAMMAR


def test_every_message_has_the_same_placeholders_in_both_languages() -> None:
    for key, entry in catalog().items():
        assert _fields(entry["zh"][0]) == _fields(entry["en"][0]), key
        assert _fields(entry["zh"][1]) == _fields(entry["en"][1]), key


def test_every_word_exists_in_both_languages_with_the_same_placeholders() -> None:
    for key, entry in words().items():
        assert set(entry) == {lang.value for lang in Lang}, key
        assert entry["zh"] and entry["en"], key
        assert _fields(entry["zh"]) == _fields(entry["en"]), key


# Word areas whose keys the code names without the area prefix, through a helper that adds
# it (report.words.word, regions_labels.word, messages.need/collect.word, labels.label with a
# prefix constant): a key of these areas is used when its last part is named in the code.
BY_SUFFIX = (
    "report.", "regions.", "need.", "collect.", "status.", "verdict.", "verdict_text.",
    "head.", "note.", "missing_why.", "line.", "target_type.", "changes.", "field.",
    "severity.", "flag.", "show.",
)  # fmt: skip


# Keys the code builds from a value: every status, verdict, flag, field and severity has its
# word; count_<status>, head_<mode>, method_<method>, show's why.<status>, span_<n> and
# goal_<kind>, line.period_<freq>, the annex's method_text.<n> and cli.init_<kind> are
# named by an f-string.
NAMED_BY_VALUE = (
    "status.", "verdict.", "flag.", "field.", "severity.",
    "line.count_", "verdict_text.head_", "need.method_", "show.why.", "show.why_growth.",
    "show.span_", "show.goal_", "line.period_", "report.method_text.", "cli.init_",
    "collect.how_",
)  # fmt: skip


def test_every_word_is_used_by_the_code() -> None:
    source = _source()

    def named(text: str) -> bool:
        return f'"{text}"' in source or f"'{text}'" in source

    unused = [
        key
        for key in words()
        if key not in INDIRECT
        and not named(key)
        and not (key.startswith(BY_SUFFIX) and named(key.split(".", 1)[1]))
        and not key.startswith(NAMED_BY_VALUE)
    ]
    assert unused == []


def test_a_word_key_is_never_a_message_code() -> None:
    assert not set(words()) & set(catalog())
