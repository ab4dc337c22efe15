"""What `ipplan record` and `ipplan import` did (or would do), as plain text lines.

Values are shown exactly as stored (22,542.5, not rounded), so that a typed figure can
be checked against the paper it came from.
"""

from __future__ import annotations

from collections.abc import Sequence

from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.core.i18n import Lang, word
from ipplan.core.model import Observation, Plan
from ipplan.data.store import WriteResult, number_text, region_key
from ipplan.present.cells import row
from ipplan.present.final import status_text
from ipplan.present.labels import HEAD, label
from ipplan.present.safe import safe_text


def exact(value: float) -> str:
    """A stored value with thousands separators and every digit: 22542.5 → "22,542.5"."""
    text = number_text(value)
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    grouped = f"{int(whole):,}"
    return sign + grouped + (f".{fraction}" if fraction else "")


def _text(lines: Sequence[str]) -> str:
    """The output: each line through safe_text, so that nothing from data (a name, a
    source, a file name) can act on the terminal or break a line."""
    return "".join(safe_text(line) + "\n" for line in lines)


def _word(key: str, lang: Lang, **params: object) -> str:
    return word(f"changes.{key}", lang, **params)


def _where(plan: Plan, obs: Observation, lang: Lang) -> str:
    """``2023（东城区）`` (Chinese), ``2023 (东城区)`` (English): the period, and a unit."""
    region = region_key(plan, obs.region)
    return f"{obs.period}{word('punct.paren', lang, text=region)}" if region else str(obs.period)


def _differs(old: Observation, new: Observation, lang: Lang) -> str:
    names = [
        word(f"field.{name}", lang)
        for name in ("source", "note", "flag", "yoy", "published")
        if getattr(new, name) not in (None, "") and getattr(old, name) != getattr(new, name)
    ]
    if not names or old.value != new.value:
        return ""
    return _word("fields", lang, names=word("punct.enum", lang).join(names))


def change_line(plan: Plan, old: Observation, new: Observation, lang: Lang) -> str:
    """``2023：22,542 → 22,600``."""
    sep = word("punct.colon", lang)
    text = f"{_where(plan, new, lang)}{sep}{exact(old.value)} → {exact(new.value)}"
    return text + _differs(old, new, lang)


def value_line(plan: Plan, obs: Observation, lang: Lang) -> str:
    return f"{_where(plan, obs, lang)} = {exact(obs.value)}"


def render_record(plan: Plan, result: WriteResult, lang: Lang) -> str:
    """One line saying what `record` did to the file."""
    name = plan.get(result.indicator)
    label = f"{name.display_name(lang)} {result.indicator}" if name else result.indicator
    sep = word("punct.colon", lang)
    if result.changed:
        old, new = result.changed[0]
        body = f"{_word('replaced', lang)}{sep}{label} {change_line(plan, old, new, lang)}"
    elif result.added:
        body = f"{_word('recorded', lang)}{sep}{label} {value_line(plan, result.added[0], lang)}"
    else:
        return _text(
            [f"{_word('same', lang)}{sep}{label} {value_line(plan, result.unchanged[0], lang)}"]
        )
    return _text([_word("at_file", lang, body=body, path=result.path)])


def status_line(ev: Evaluation, result: PlanEvaluation, lang: Lang) -> str:
    """The indicator's status after the write, as one line of `ipplan status` (after the
    deadline in the final evaluation's words, as `status` words it: present/final.py)."""
    r = row(ev, lang, result.time_elapsed)

    def head(key: str) -> str:
        return label(HEAD, key, lang, period="").replace("\n", "").strip()

    sep = word("punct.colon", lang)
    latest = f"{r.latest} ({r.period})" if ev.latest else r.latest
    parts = [f"{head('latest')}{sep}{latest}"]
    if ev.indicator.target is not None:
        parts = [f"{head('target')}{sep}{r.target}", *parts,
                 f"{head('attainment')}{sep}{r.attainment}",
                 f"{head('progress')}{sep}{r.progress}"]  # fmt: skip
    parts.append(f"{head('status')}{sep}{status_text(ev, result, lang)}")
    joiner = word("punct.comma", lang)
    name = word("line.name_unit", lang, name=r.name, unit=r.unit) if r.unit else r.name
    return _text([f"{name}  " + joiner.join(parts)])


def render_import(
    plan: Plan,
    file: str,
    results: Sequence[WriteResult],
    lang: Lang,
    *,
    dry_run: bool,
    skipped: int = 0,
) -> str:
    """Added, changed (old → new) and unchanged rows by indicator; unchanged listed on dry runs."""
    lines = [_word("dry_run" if dry_run else "imported", lang, file=file)]
    totals = {"added": 0, "changed": 0, "unchanged": 0}
    for result in results:
        ind = plan.get(result.indicator)
        name = ind.display_name(lang) if ind else result.indicator
        lines.append(f"{name} {result.indicator}  {_word('file', lang, path=result.path)}")
        groups: list[tuple[str, list[str]]] = [
            ("added", [value_line(plan, o, lang) for o in result.added]),
            ("changed", [change_line(plan, o, n, lang) for o, n in result.changed]),
            ("unchanged", [value_line(plan, o, lang) for o in result.unchanged]),
        ]
        for key, entries in groups:
            totals[key] += len(entries)
            if not entries:
                continue
            lines.append("  " + _word("count", lang, word=_word(key, lang), n=len(entries)))
            if key != "unchanged" or dry_run:
                lines.extend(f"    {entry}" for entry in entries)
    counts = [_word("count", lang, word=_word(k, lang), n=n) for k, n in totals.items()]
    lines.append(word("punct.comma", lang).join(counts))
    if skipped:
        lines.append(_word("skipped", lang, n=skipped))
    return _text(lines)
