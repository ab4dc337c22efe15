"""Sources as citations: the references a source text names, written for a reader.

Source texts in targets.yaml and the actuals name their documents the way the people who
keep the data do ("seed 000_cdda7d93c0d0518a.txt: “…”", "https://…: “…”"). A report
cites them instead: "[1]", with a numbered list of references (issuer, title, date,
URL). The references come from the optional ``sources.yaml`` beside targets.yaml
(docs/formats.md); a web address with no entry there is cited by its address, a document
key with no entry as an unnamed document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ipplan.core.errors import Problem
from ipplan.core.i18n import Lang, word

SOURCES_FILE = "sources.yaml"
# a document key ("seed 000", "seed 000_1fd4….txt") or a web address
REF = re.compile(
    r"(?P<seed>\bseed\s*(?P<n>\d{3})(?:_[0-9a-f]+)?(?:\.txt)?)"
    r"|(?P<url>https?://[^\s\"'“”<>，。；、）)]+)",
    re.I,
)
FIELDS = ("title", "issuer", "date", "url", "title_en", "issuer_en")


@dataclass(frozen=True)
class Reference:
    key: str
    title: str = ""
    issuer: str = ""
    date: str = ""
    url: str = ""
    title_en: str = ""
    issuer_en: str = ""

    def text(self, lang: Lang) -> str:
        """issuer: title, date, URL — in the style of a reference list."""
        title = (self.title_en or self.title) if lang == "en" else self.title
        issuer = (self.issuer_en or self.issuer) if lang == "en" else self.issuer
        if title and not title.startswith("《"):  # 《…》 already: as the source writes it
            title = word("report.cite_title", lang, title=title)
        parts = [p for p in (title, self.date, self.url) if p]
        if not parts:
            parts = [word("report.unnamed_document", lang)]
        head = issuer + word("punct.colon", lang) if issuer else ""
        sep = word("punct.comma", lang)
        return head + sep.join(parts) + word("punct.stop", lang)


def ref_key(match: re.Match[str]) -> str:
    if match.group("seed"):
        return f"seed {match.group('n')}"
    return match.group("url").rstrip(".:")


@dataclass
class Citations:
    """Numbers references in the order a report first cites them."""

    known: Mapping[str, Reference] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)

    def number(self, key: str) -> int:
        if key not in self.order:
            self.order.append(key)
        return self.order.index(key) + 1

    def refs(self, text: str | None) -> list[int]:
        """The numbers of every reference ``text`` names, in order, once each."""
        found: list[int] = []
        for m in REF.finditer(text or ""):
            n = self.number(ref_key(m))
            if n not in found:
                found.append(n)
        return found

    def rewrite(self, text: str) -> str:
        """``text`` with each reference (and the colon after it) replaced by "[n]"."""
        out = REF.sub(lambda m: f"[{self.number(ref_key(m))}]", text)
        return re.sub(r"\]\s*[:：]\s*", "]", out)

    def listing(self, lang: Lang) -> list[str]:
        lines = []
        for n, key in enumerate(self.order, 1):
            ref = self.known.get(key)
            if ref is None:
                is_url = key.lower().startswith(("http://", "https://"))
                ref = Reference(key, url=key) if is_url else Reference(key)
            lines.append(f"[{n}] {ref.text(lang)}")
        return lines


def load_references(directory: Path | None) -> tuple[dict[str, Reference], list[Problem]]:
    """The references of ``sources.yaml`` in the plan folder, and any problem reading it."""
    if directory is None:
        return {}, []
    path = directory / SOURCES_FILE
    if not path.is_file():
        return {}, []
    import yaml

    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [
            Problem(
                "report.sources_unreadable",
                {"reason": type(exc).__name__},
                str(path),
                mark.line + 1 if mark is not None else None,
                mark.column + 1 if mark is not None else None,
                "warning",
            )
        ]
    refs = data.get("references") if isinstance(data, dict) else None
    if not isinstance(refs, dict):
        return {}, [Problem("report.sources_shape", {}, str(path), None, None, "warning")]
    found: dict[str, Reference] = {}
    problems: list[Problem] = []
    for key, entry in refs.items():
        if not isinstance(entry, dict):
            problems.append(
                Problem("report.sources_entry", {"key": str(key)}, str(path), severity="warning")
            )
            continue
        values = {f: str(entry[f]).strip() for f in FIELDS if entry.get(f) not in (None, "")}
        found[str(key).strip()] = Reference(str(key).strip(), **values)
    return found, problems
