"""docs/glossary.md against the catalog: one term per concept in each language."""

from __future__ import annotations

import re
from pathlib import Path

from ipplan.core.i18n import catalog, words

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"

# A Chinese term put another way in English where the sentence needs it: a narrow column's
# abbreviation, the term's other word forms, and 预计 as a verb ("likely", glossary "Not one
# concept"); and prose that explains a term rather than naming it.
FORMS = {
    "attainment": ("attain.",),
    "projection": ("proj", "likely", "expected"),
    "growth_ratio": ("growth-ratio",),
    "steady_growth": ("steady-growth", "growth target"),
    "estimated": ("estimate",),
}
PROSE = {
    "report.method_text.2", "report.method_text.3", "report.method_text.4",
    "report.method_text.5", "report.method_text.7",  # the annex explains the figures
    "show.s_linear", "show.s_cumulative",  # "the actual pace is …" in a sentence
    "show.required_per_year", "show.required_per_year_down",  # "÷ {years} years"
    "show.required_per_year_cumulative", "need.method_trend",
    "target_type.growth",  # "growth ↑" in a narrow column
    "report.final_awaited",  # 结论为预计: "their status is a forecast"
}  # fmt: skip


def rows() -> list[dict[str, str]]:
    """The table of "One term per concept"."""
    text = GLOSSARY.read_text(encoding="utf-8")
    section = text.split("## One term per concept", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("| ")]
    head = [c.strip() for c in lines[0].strip("|").split("|")]
    return [
        dict(zip(head, (c.strip() for c in line.strip("|").split("|")), strict=True))
        for line in lines[2:]
    ]


def texts() -> list[tuple[str, str, str]]:
    """Every (key, zh, en) of the catalog: words, and messages with their hints."""
    out = [(k, e["zh"], e["en"]) for k, e in words().items()]
    for k, e in catalog().items():
        out += [(k, e["zh"][0], e["en"][0]), (k, e["zh"][1], e["en"][1])]
    return out


def test_the_glossary_has_its_table() -> None:
    assert len(rows()) >= 20
    assert {"concept", "zh", "en", "definition", "where", "not"} == set(rows()[0])


def test_one_term_per_concept_and_language() -> None:
    for lang in ("zh", "en"):
        terms = [r[lang].lower() for r in rows()]
        assert len(terms) == len(set(terms)), lang


def test_every_term_is_in_use() -> None:
    all_zh = "\n".join(zh for _, zh, _ in texts())
    all_en = "\n".join(en for _, _, en in texts()).lower()
    for r in rows():
        assert r["zh"] in all_zh, r["concept"]
        assert r["en"].lower() in all_en, r["concept"]


def test_no_wording_the_glossary_rules_out() -> None:
    for r in rows():
        for variant in (v.strip() for v in r["not"].split(",")):
            if variant in ("", "—"):
                continue
            latin = re.fullmatch(r"[A-Za-z .-]+", variant) is not None
            used = [
                key
                for key, zh, en in texts()
                if (re.search(rf"\b{re.escape(variant)}\b", en) if latin else variant in zh)
            ]
            assert used == [], (r["concept"], variant)


def test_a_chinese_term_is_put_the_same_way_in_english() -> None:
    odd = []
    for r in rows():
        en = r["en"].lower()
        for key, zh, text in texts():
            if r["zh"] in zh and key not in PROSE:
                lower = text.lower()
                if not any(form in lower for form in (en, *FORMS.get(r["concept"], ()))):
                    odd.append((r["concept"], key))
    assert odd == []
