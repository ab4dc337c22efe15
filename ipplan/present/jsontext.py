"""The indicator objects of formats.md's JSON written straight as text, for thousands of units.

:func:`ipplan.present.json.indicator_dicts` defines them; ``json.dumps`` of those dicts
costs about 1 µs per value in dict building and encoding, which at 3,000 units × 20
indicators (1.2 M values) is seconds. :class:`IndicatorText` writes the same text (what
``json_text(json.dumps(d, ensure_ascii=False))`` gives for each dict: compact separators
``", "`` and ``": "``) a field at a time over all the evaluations (numbers formatted by
numpy's masks and Python's own repr, each object by one ``%`` template), with the parts that
repeat (an indicator's name and target, a source, a period) encoded once.
tests/present/test_jsontext.py holds it to the dicts on every value a field can take.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

from ipplan.analysis.evaluate import Evaluation, PlanEvaluation
from ipplan.analysis.verdicts import Assessment, assessor
from ipplan.core.model import Indicator
from ipplan.core.periods import Period
from ipplan.engine.batch import Made
from ipplan.present.json import json_number
from ipplan.present.safe import json_text

WHOLE = 2.0**53  # json_number writes whole floats below it in size as integers


def number(value: Any) -> str:
    """``json.dumps(json_number(value))``."""
    shown = json_number(value)
    if shown is None:
        return "null"
    return int.__repr__(shown) if isinstance(shown, int) else float.__repr__(shown)


def numbers(values: Sequence[Any]) -> list[str]:
    """:func:`number` of each value; floats (and None) a column at a time.

    Python's repr of a float (what json.dumps writes) takes about 1.5 µs; orjson writes the
    same shortest round-trip digits (Ryu) in about 0.1 µs, and the same text for every
    finite float from 10⁻⁴ up to 10¹⁶, where neither uses an exponent (outside that
    range orjson writes ``1e-5`` where repr writes ``1e-05``: those go to repr).
    tests/present/test_jsontext.py holds the two to each other."""
    found: list[str] = _numbers(values, utf8=False)
    return found


def numbers_utf8(values: Sequence[Any]) -> list[bytes]:
    """:func:`numbers` as UTF-8 (orjson's bytes as they come)."""
    found: list[bytes] = _numbers(values, utf8=True)
    return found


def _numbers(values: Sequence[Any], utf8: bool) -> list[Any]:
    if not set(map(type, values)) <= {float, type(None)}:
        texts = list(map(number, values))
        return [t.encode() for t in texts] if utf8 else texts
    import numpy as np
    import orjson

    column = np.array(values, dtype=np.float64)  # None: NaN
    size = np.abs(column)
    finite = np.isfinite(column)
    whole = finite & (np.trunc(column) == column) & (size < WHOLE)
    plain = finite & ~whole & (size >= 1e-4) & (size < 1e16)
    rare = finite & ~whole & ~plain
    parts: list[tuple[Any, list[Any]]] = []
    for where, part in ((whole, column[whole].astype(np.int64)), (plain, column[plain])):
        if len(part):
            written = orjson.dumps(part, option=orjson.OPT_SERIALIZE_NUMPY)[1:-1]
            parts.append((where, written.split(b",") if utf8 else written.decode().split(",")))
    if rare.any():
        texts = list(map(float.__repr__, column[rare].tolist()))
        parts.append((rare, [t.encode() for t in texts] if utf8 else texts))
    if len(parts) == 1 and len(parts[0][1]) == len(values):
        return parts[0][1]  # every value written one way (a column of counts: whole)
    out: list[Any] = [b"null" if utf8 else "null"] * len(values)
    for where, texts in parts:
        for i, text in zip(np.flatnonzero(where).tolist(), texts, strict=True):
            out[i] = text
    return out


K = TypeVar("K")
V = TypeVar("V")


def _each(made: dict[K, V], keys: Sequence[K], make: Callable[[K], V]) -> list[V]:
    """``make`` of each key, those made before taken from ``made`` (a look-up in C)."""
    out: list[V | None] = list(map(made.get, keys))
    if None in out:
        return [make(k) if o is None else o for k, o in zip(keys, out, strict=True)]
    return out  # type: ignore[return-value]


Getter = Callable[[Any], Any]
Field = tuple[str, Getter, str]  # key, value of an item, kind: number | text | json


class IndicatorText:
    """Writer of indicator objects; keeps what it encoded (one writer per output)."""

    def __init__(self) -> None:
        self._texts: dict[str | None, str] = {None: "null"}
        self._heads: list[Indicator] = []  # kept: the ids below are not reused
        self._head_text: dict[int, str] = {}
        self._notes: dict[tuple[str, ...], str] = {}
        self._targets: dict[tuple[str, str, str | None], tuple[str, str]] = {}
        self._openings: dict[tuple[str, str, str | None, str | None, str], str] = {}
        self._periods: dict[int, tuple[Period, str]] = {}
        self._utf8: dict[str | None, bytes] = {None: b"null"}  # text() as UTF-8
        self._head_utf8: dict[int, bytes] = {}
        self._notes_utf8: dict[tuple[str, ...], bytes] = {}

    def text(self, value: str | None) -> str:
        """A string (or null) as JSON, escaped as :func:`ipplan.present.safe.json_text`."""
        found = self._texts.get(value)
        if found is None:
            found = self._texts[value] = json_text(json.dumps(value, ensure_ascii=False))
        return found

    def texts(self, values: Sequence[str | None]) -> list[str]:
        """:meth:`text` of each value (those encoded before: a dict look-up in C)."""
        return _each(self._texts, values, self.text)

    def text_utf8(self, value: str | None) -> bytes:
        """:meth:`text` as UTF-8."""
        found = self._utf8.get(value)
        if found is None:
            found = self._utf8[value] = self.text(value).encode("utf-8")
        return found

    def texts_utf8(self, values: Sequence[str | None]) -> list[bytes]:
        """:meth:`texts` as UTF-8."""
        return _each(self._utf8, values, self.text_utf8)

    def heads_utf8(self, indicators: Sequence[Indicator]) -> list[bytes]:
        """:meth:`heads` as UTF-8."""
        out: list[bytes | None] = list(map(self._head_utf8.get, map(id, indicators)))
        if None in out:
            missing = [i for i, o in enumerate(out) if o is None]
            written = self.heads([indicators[i] for i in missing])
            for i, head in zip(missing, written, strict=True):
                out[i] = self._head_utf8[id(indicators[i])] = head.encode("utf-8")
        return out  # type: ignore[return-value]

    def heads(self, indicators: Sequence[Indicator]) -> list[str]:
        """:meth:`head` of each indicator."""
        out: list[str | None] = list(map(self._head_text.get, map(id, indicators)))
        if None in out:  # each unit's own target: the values written a column at a time
            missing = [i for i, o in enumerate(out) if o is None]
            targets = [indicators[i].target for i in missing]
            values = numbers([None if g is None else g.value for g in targets])
            for i, value in zip(missing, values, strict=True):
                out[i] = self.head(indicators[i], value)
        return out  # type: ignore[return-value]

    def period(self, period: Period) -> str:
        """A period as a JSON string."""
        found = self._periods.get(id(period))
        if found is None:
            found = self._periods[id(period)] = (period, self.text(str(period)))
        return found[1]

    def head(self, ind: Indicator, value: str | None = None) -> str:
        """An indicator object from ``{"id"`` to its target (without the comma after it);
        ``value``: its target's value already written, if it was."""
        found = self._head_text.get(id(ind))
        if found is not None:
            return found
        t = self.text
        target = "null"
        if ind.target is not None:
            g = ind.target
            kind = (g.type, g.direction, str(g.from_period) if g.from_period else None)
            around = self._targets.get(kind)
            if around is None:
                after = f', "direction": {t(g.direction)}'
                if g.type == "cumulative":
                    after += f', "from": {t(kind[2])}'
                around = self._targets[kind] = (f'{{"type": {t(g.type)}, "value": ', after + "}")
            target = around[0] + (number(g.value) if value is None else value) + around[1]
        key = (ind.id, ind.name, ind.name_en, ind.unit, ind.kind)
        opening = self._openings.get(key)
        if opening is None:
            opening = self._openings[key] = (
                f'{{"id": {t(ind.id)}, "name": {t(ind.name)}, "name_en": {t(ind.name_en)}, '
                f'"unit": {t(ind.unit)}, "kind": {t(ind.kind)}, "target": '
            )
        head = opening + target
        self._heads.append(ind)
        self._head_text[id(ind)] = head
        return head

    def notes(self, notes: tuple[str, ...]) -> str:
        """A tuple of notes as a JSON list."""
        found = self._notes.get(notes)
        if found is None:
            found = self._notes[notes] = "[" + ", ".join(map(self.text, notes)) + "]"
        return found

    def notes_utf8(self, notes: tuple[str, ...]) -> bytes:
        """:meth:`notes` as UTF-8."""
        found = self._notes_utf8.get(notes)
        if found is None:
            found = self._notes_utf8[notes] = self.notes(notes).encode("utf-8")
        return found

    def column(self, items: Sequence[Any], kind: str) -> list[str]:
        """Values as JSON text: numbers, strings (or None), or text already JSON."""
        found: list[str] = self._column(items, kind, utf8=False)
        return found

    def _column(self, items: Sequence[Any], kind: str, utf8: bool) -> list[Any]:
        if kind == "number":
            return numbers_utf8(items) if utf8 else numbers(items)
        if kind == "text":
            return self.texts_utf8(items) if utf8 else self.texts(items)
        return [text.encode("utf-8") for text in items] if utf8 else list(items)

    def objects(self, items: Sequence[Any], fields: Sequence[Field]) -> list[str]:
        """``{"key": value, ...}`` of each item (``null`` for a None item), a field at a
        time over all the items."""
        found: list[str] = self._objects(items, fields, utf8=False)
        return found

    def objects_utf8(self, items: Sequence[Any], fields: Sequence[Field]) -> list[bytes]:
        """:meth:`objects` as UTF-8."""
        found: list[bytes] = self._objects(items, fields, utf8=True)
        return found

    def _objects(self, items: Sequence[Any], fields: Sequence[Field], utf8: bool) -> list[Any]:
        out: list[Any] = [b"null" if utf8 else "null"] * len(items)
        at = [i for i, x in enumerate(items) if x is not None]
        if not at:
            return out
        present = [items[i] for i in at]
        columns = [self._column(list(map(get, present)), kind, utf8) for _, get, kind in fields]
        template: Any = "{" + ", ".join(f'"{key}": %s' for key, _, _ in fields) + "}"
        if utf8:
            template = template.encode()
        for i, row in zip(at, zip(*columns, strict=True), strict=True):
            out[i] = template % row
        return out

    def evaluations(
        self, evs: Sequence[Evaluation], words: Sequence[Assessment | None]
    ) -> list[str]:
        """The objects of :func:`ipplan.present.json.indicator_dicts` for ``evs``, each
        with its evaluation words, encoded."""
        assessments = self.objects(list(words), ASSESSMENT)
        latests = self.objects([ev.latest for ev in evs], self._latest_fields())
        baselines = self.objects([ev.baseline for ev in evs], self._baseline_fields())
        shown = [None if ev.projection is None else ev for ev in evs]
        projections = self.objects(shown, PROJECTION)
        columns = {
            "latest": latests,
            "baseline": baselines,
            **{key: self.column(list(map(get, evs)), kind) for key, get, kind in EVALUATION},
            "projection": projections,
            "status": self.column([ev.status for ev in evs], "text"),
            "final": ["true" if ev.final else "false" for ev in evs],
            "notes": [self.notes(ev.notes) for ev in evs],
            "evaluation": assessments,
        }
        return self.rows(self.heads(list(map(attrgetter("indicator"), evs))), columns)

    @staticmethod
    def rows(heads: list[str], columns: dict[str, list[str]]) -> list[str]:
        """The objects from their heads and the text of every other field (by key)."""
        ordered = [heads, *(columns[key] for key in _KEYS)]
        return [_EVALUATION % row for row in zip(*ordered, strict=True)]

    @staticmethod
    def rows_utf8(heads: list[bytes], columns: dict[str, list[bytes]]) -> list[bytes]:
        """:meth:`rows` as UTF-8."""
        ordered = [heads, *(columns[key] for key in _KEYS)]
        return [_EVALUATION_UTF8 % row for row in zip(*ordered, strict=True)]

    def _latest_fields(self) -> list[Field]:
        return [
            ("period", lambda o: self.period(o.period), "json"),
            ("value", attrgetter("value"), "number"),
            ("source", attrgetter("source"), "text"),
            ("flag", attrgetter("flag"), "text"),
        ]

    def _baseline_fields(self) -> list[Field]:
        return [
            ("period", lambda o: self.period(o.period), "json"),
            ("value", attrgetter("value"), "number"),
        ]


def chosen(
    result: PlanEvaluation, only: str | None = None
) -> tuple[list[Evaluation], list[Assessment | None]]:
    """The evaluations of ``result`` (only that of indicator ``only``, if given) and the
    words of each."""
    words = assessor(result.plan, result.as_of, result.time_elapsed)
    evs = [ev for ev in result.evaluations if only is None or ev.indicator.id == only]
    return evs, [words(ev) for ev in evs]


def _number_fields(*names: str) -> list[Field]:
    return [(name, attrgetter(name), "number") for name in names]


EVALUATION: list[Field] = [
    *_number_fields(
        "cumulative", "attainment", "progress", "gap", "years_left", "actual_growth",
        "required_growth", "growth_ratio",
    ),
    ("growth_basis", attrgetter("growth_basis"), "text"),
    *_number_fields("actual_per_year", "required_per_year"),
]  # fmt: skip
_KEYS = ("latest", "baseline", *(f[0] for f in EVALUATION), "projection", "status", "final",
         "notes", "evaluation")  # fmt: skip
_EVALUATION = "%s, " + ", ".join(f'"{key}": %s' for key in _KEYS) + "}"  # %s: id … target
_EVALUATION_UTF8 = _EVALUATION.encode()  # bytes % bytes: a third of the time of str % str
PROJECTION_SHOWN: list[Field] = [  # (method, value, period, low, high) of Made's columns
    ("method", itemgetter(0), "text"),
    ("period", itemgetter(2), "text"),
    ("value", itemgetter(1), "number"),
    ("low", itemgetter(3), "number"),
    ("high", itemgetter(4), "number"),
]
PROJECTION: list[Field] = [
    ("method", lambda ev: ev.projection.method, "text"),
    ("period", lambda ev: ev.projection.period, "text"),
    ("value", lambda ev: ev.projection.value, "number"),
    ("low", attrgetter("projection_low"), "number"),
    ("high", attrgetter("projection_high"), "number"),
]
ASSESSMENT: list[Field] = [
    ("verdict", lambda a: a.verdict.value, "text"),
    ("light", lambda a: a.light.value if a.light else None, "text"),
    ("shortfall", attrgetter("shortfall"), "number"),
    ("awaited", attrgetter("awaited"), "text"),
    ("estimate", attrgetter("estimate"), "number"),
    ("expected", lambda a: a.expected.value if a.expected else None, "text"),
]


def made_texts(made: Made, writer: IndicatorText, words: Words) -> list[str]:
    """The JSON object of each column of ``made``: what :meth:`IndicatorText.evaluations`
    writes of ``made.records()`` with the evaluation ``words`` of each, but without the
    records (tests/present/test_jsontext.py holds the two equal)."""
    heads, columns = _made_columns(made, writer, words, utf8=False)
    return writer.rows(heads, columns)


def made_utf8(made: Made, writer: IndicatorText, words: Words) -> list[bytes]:
    """:func:`made_texts` as UTF-8, written as bytes from the start (``bytes %`` is a
    third of the time of ``str %`` on text with Chinese in it, and nothing is encoded
    after: ``regions --format json`` at 3,000 units)."""
    heads, columns = _made_columns(made, writer, words, utf8=True)
    return writer.rows_utf8(heads, columns)


_LATEST = '{"period": %s, "value": %s, "source": %s, "flag": %s}'
_BASELINE = '{"period": %s, "value": %s}'


def _made_columns(
    made: Made, writer: IndicatorText, words: Words, utf8: bool
) -> tuple[list[Any], dict[str, list[Any]]]:
    """The heads and the text of every other field of each column of ``made`` (str, or
    bytes with ``utf8``), for :meth:`IndicatorText.rows` (or ``rows_utf8``)."""
    g, n, figures = made.g, len(made.indicators), made.figures
    num: Callable[[Sequence[Any]], list[Any]]
    texts: Callable[[Sequence[str | None]], list[Any]]
    objects: Callable[[Sequence[Any], Sequence[Field]], list[Any]]
    notes: Callable[[tuple[str, ...]], Any]
    period: Callable[[Period], Any]
    literals: tuple[Any, ...]
    if utf8:
        num, texts, objects = numbers_utf8, writer.texts_utf8, writer.objects_utf8
        notes, period = writer.notes_utf8, lambda p: writer.period(p).encode("utf-8")
        literals = (_LATEST.encode(), _BASELINE.encode(), b"true", b"false", b"null")
    else:
        num, texts, objects = numbers, writer.texts, writer.objects
        notes, period = writer.notes, writer.period
        literals = (_LATEST, _BASELINE, "true", "false", "null")
    latest_t, baseline_t, true, false, null = literals
    at = period(g.periods[made.latest])
    sources, flags = g.cells(made.latest)
    latest = [
        latest_t % (at, v, s, f)
        for v, s, f in zip(num(g.ys[made.latest].tolist()), texts(sources), texts(flags),
                           strict=True)
    ]  # fmt: skip
    baseline = [null] * n
    if made.baseline is not None:
        at = period(g.periods[made.baseline])
        baseline = [baseline_t % (at, v) for v in num(g.ys[made.baseline].tolist())]
    shown = [sh.projection(c) for c, sh in enumerate(made.shown)]
    seen = [
        _Seen(ind, status, final, progress, ratio, None if p is None else _Value(p[1]))
        for ind, status, final, progress, ratio, p in zip(
            made.indicators, made.status, made.final, figures["progress"],
            figures["growth_ratio"], shown, strict=True,
        )
    ]  # fmt: skip
    columns = {
        "latest": latest,
        "baseline": baseline,
        **{name: num(column) for name, column in figures.items()},
        "years_left": num([made.years_left]) * n,
        "actual_growth": num(made.growth),
        "actual_per_year": num(made.pace),
        "growth_basis": texts(made.basis),
        "projection": objects(shown, PROJECTION_SHOWN),
        "status": texts(made.status),
        "final": [true if f else false for f in made.final],
        "notes": [notes(each) for each in made.notes],
        "evaluation": objects([words(x) for x in seen], ASSESSMENT),
    }
    heads = writer.heads_utf8(made.indicators) if utf8 else writer.heads(made.indicators)
    return heads, columns


Words = Callable[[Any], "Assessment | None"]  # an evaluation → its words (None: no target)


class _Value:
    """A projection as the evaluation words read it: its value."""

    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value


class _Seen:
    """What the evaluation words read of an evaluation (ipplan.analysis.verdicts.assess)."""

    __slots__ = ("final", "growth_ratio", "indicator", "progress", "projection", "status")

    def __init__(
        self, indicator: Indicator, status: str, final: bool, progress: object,
        growth_ratio: object, projection: _Value | None,
    ) -> None:  # fmt: skip
        self.indicator, self.status, self.final = indicator, status, final
        self.progress, self.growth_ratio, self.projection = progress, growth_ratio, projection
