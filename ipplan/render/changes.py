"""What `ipplan record` and `ipplan import` did (or would do), as plain text lines.

Values are shown exactly as stored (22,542.5, not rounded), so that a typed figure can
be checked against the paper it came from.
"""

from __future__ import annotations

from collections.abc import Sequence

from ipplan.evaluate import Evaluation, PlanEvaluation
from ipplan.model import Observation, Plan
from ipplan.present.cells import row
from ipplan.present.final import status_text
from ipplan.present.labels import HEAD
from ipplan.present.safe import safe_text
from ipplan.store import WriteResult, number_text, region_key

WORDS = {
    "added": {"zh": "新增", "en": "added"},
    "changed": {"zh": "修改", "en": "changed"},
    "unchanged": {"zh": "未变", "en": "unchanged"},
    "recorded": {"zh": "已记录", "en": "recorded"},
    "replaced": {"zh": "已替换", "en": "replaced"},
    "same": {"zh": "未改动（已有相同记录）", "en": "unchanged (already recorded)"},
    "dry_run": {"zh": "试运行，未写入任何文件：{file}", "en": "dry run, nothing written: {file}"},
    "imported": {"zh": "已导入：{file}", "en": "imported: {file}"},
    "count": {"zh": "{word} {n} 条", "en": "{n} {word}"},
    "skipped": {"zh": "无数值的行 {n} 行已跳过", "en": "rows without a figure, skipped: {n}"},
    "fields": {"zh": "（{names}有变）", "en": " ({names} changed)"},
    "file": {"zh": "文件 {path}", "en": "file {path}"},
}
FIELD_NAMES = {
    "source": {"zh": "来源", "en": "source"},
    "note": {"zh": "备注", "en": "note"},
    "flag": {"zh": "标记", "en": "flag"},
    "yoy": {"zh": "同比", "en": "yoy"},
    "published": {"zh": "发布日期", "en": "published"},
}


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


def _word(key: str, lang: str, **params: object) -> str:
    return WORDS[key][lang].format(**params)


def _where(plan: Plan, obs: Observation) -> str:
    region = region_key(plan, obs.region)
    return f"{obs.period}（{region}）" if region else str(obs.period)


def _differs(old: Observation, new: Observation, lang: str) -> str:
    names = [
        FIELD_NAMES[name][lang]
        for name in ("source", "note", "flag", "yoy", "published")
        if getattr(new, name) not in (None, "") and getattr(old, name) != getattr(new, name)
    ]
    if not names or old.value != new.value:
        return ""
    return _word("fields", lang, names=("、" if lang == "zh" else ", ").join(names))


def change_line(plan: Plan, old: Observation, new: Observation, lang: str) -> str:
    """``2023：22,542 → 22,600``."""
    sep = "：" if lang == "zh" else ": "
    text = f"{_where(plan, new)}{sep}{exact(old.value)} → {exact(new.value)}"
    return text + _differs(old, new, lang)


def value_line(plan: Plan, obs: Observation) -> str:
    return f"{_where(plan, obs)} = {exact(obs.value)}"


def render_record(plan: Plan, result: WriteResult, lang: str) -> str:
    """One line saying what `record` did to the file."""
    name = plan.get(result.indicator)
    label = f"{name.display_name(lang)} {result.indicator}" if name else result.indicator
    sep = "：" if lang == "zh" else ": "
    if result.changed:
        old, new = result.changed[0]
        body = f"{_word('replaced', lang)}{sep}{label} {change_line(plan, old, new, lang)}"
    elif result.added:
        body = f"{_word('recorded', lang)}{sep}{label} {value_line(plan, result.added[0])}"
    else:
        return _text([f"{_word('same', lang)}{sep}{label} {value_line(plan, result.unchanged[0])}"])
    return _text([f"{body}（{result.path}）" if lang == "zh" else f"{body} ({result.path})"])


def status_line(ev: Evaluation, result: PlanEvaluation, lang: str) -> str:
    """The indicator's status after the write, as one line of `ipplan status` (after the
    deadline in the final evaluation's words, as `status` words it: present/final.py)."""
    r = row(ev, lang, result.time_elapsed)

    def head(key: str) -> str:
        return HEAD[key][lang].replace("\n", "").split("{")[0].strip()

    sep = "：" if lang == "zh" else ": "
    latest = f"{r.latest} ({r.period})" if ev.latest else r.latest
    parts = [f"{head('latest')}{sep}{latest}"]
    if ev.indicator.target is not None:
        parts = [f"{head('target')}{sep}{r.target}", *parts,
                 f"{head('attainment')}{sep}{r.attainment}",
                 f"{head('progress')}{sep}{r.progress}"]  # fmt: skip
    parts.append(f"{head('status')}{sep}{status_text(ev, result, lang)}")
    joiner = "，" if lang == "zh" else ", "
    unit = f"（{r.unit}）" if lang == "zh" and r.unit else (f" ({r.unit})" if r.unit else "")
    return _text([f"{r.name}{unit}  " + joiner.join(parts)])


def render_import(
    plan: Plan,
    file: str,
    results: Sequence[WriteResult],
    lang: str,
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
            ("added", [value_line(plan, o) for o in result.added]),
            ("changed", [change_line(plan, o, n, lang) for o, n in result.changed]),
            ("unchanged", [value_line(plan, o) for o in result.unchanged]),
        ]
        for key, entries in groups:
            totals[key] += len(entries)
            if not entries:
                continue
            lines.append("  " + _word("count", lang, word=_word(key, lang), n=len(entries)))
            if key != "unchanged" or dry_run:
                lines.extend(f"    {entry}" for entry in entries)
    counts = [_word("count", lang, word=_word(k, lang), n=n) for k, n in totals.items()]
    lines.append(("，" if lang == "zh" else ", ").join(counts))
    if skipped:
        lines.append(_word("skipped", lang, n=skipped))
    return _text(lines)
