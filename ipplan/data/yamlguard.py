"""Screening YAML text before it is loaded, so that no targets.yaml can crash or hang ipplan.

``yaml.safe_load`` refuses Python tags, but some documents still break a program that
loads them: a few thousand nested brackets overflow PyYAML's recursive composer
(RecursionError), a "billion laughs" of nested aliases makes any walk of the tree
exponential, an impossible date such as ``2025-13-31`` raises ValueError from the
timestamp constructor, and an integer of 400 digits cannot become a float
(OverflowError). Duplicate keys load silently, the last one winning, so a figure typed
twice is lost without a word.

:func:`screen_yaml` reads the text as a stream of parser events (PyYAML's parser is not
recursive, so this is safe on any input) and returns the problems it finds, each with
its 1-based line and column. It never raises; syntax errors are left to the loader,
which reports them with their own position.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ipplan.core.errors import Problem
from ipplan.present.text import clip

__all__ = ["MAX_CHARS", "MAX_DEPTH", "MAX_INDICATORS", "MAX_NODES", "screen_yaml"]

MAX_DEPTH = 50  # a plan is 4 levels deep; 50 leaves room and stays far from the stack limit
MAX_NODES = 100_000  # nodes added by expanding aliases; the Suizhou plan has ~1,500 in all
MAX_CHARS = 4_000_000  # characters of text added by expanding aliases (the file: ≤ 2 MiB)
MAX_INDICATORS = 5000  # a city's plan has about ten, a province's a few hundred
MAX_FLOAT = 1.7e308

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_INT = "tag:yaml.org,2002:int"


@dataclass
class _Frame:
    mapping: bool
    anchor: str | None
    nodes: int = 1
    chars: int = 0
    expect_key: bool = True
    last_key: str | None = None
    items: int = 0  # children started (sequences)
    indicators: bool = False  # the top-level indicators: list
    keys: set[str] = field(default_factory=set)


def _at(file: str, event: yaml.Event) -> tuple[str, int | None, int | None]:
    mark = event.start_mark
    if mark is None:
        return file, None, None
    return file, mark.line + 1, mark.column + 1


def _scalar_problem(loader: yaml.SafeLoader, event: yaml.ScalarEvent, file: str) -> Problem | None:
    """An implicit date that does not exist, or an integer too large for a float."""
    if event.tag is not None or event.style:  # (libyaml gives "" for plain, PyYAML None)
        return None  # quoted or explicitly tagged: stays text (or is the loader's business)
    tag = loader.resolve(yaml.ScalarNode, event.value, (True, False))  # type: ignore[no-untyped-call]
    node = yaml.ScalarNode(tag, event.value)
    if tag == _TIMESTAMP:
        try:
            loader.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return Problem("yaml.bad_date", {"value": _shown(event.value)}, *_at(file, event))
    elif tag == _INT and abs(loader.construct_yaml_int(node)) > MAX_FLOAT:
        return Problem("yaml.number_too_large", {"value": _shown(event.value)}, *_at(file, event))
    return None


def _shown(text: str) -> str:
    return clip(text, 40)


def screen_yaml(text: str, file: str) -> list[Problem]:
    """Problems that would make loading ``text`` crash, hang or silently lose a value.

    Aliases are counted at the size of what they repeat, in nodes and in characters of
    text: a document that repeats an anchor into more than :data:`MAX_NODES` nodes or
    :data:`MAX_CHARS` characters (one long string used as the name of hundreds of
    indicators) is ``yaml.too_large``. Only what aliases add counts against those limits;
    the size of the text as written is bounded by the file's own size limit."""
    problems: list[Problem] = []
    loader = yaml.SafeLoader("")
    sizes: dict[str, tuple[int, int]] = {}  # anchor -> (nodes, characters)
    stack: list[_Frame] = [_Frame(mapping=False, anchor=None, nodes=0)]
    added_nodes = added_chars = 0

    def completed(nodes: int, chars: int) -> None:
        """A whole node (scalar, alias or collection) of ``nodes`` nodes ended."""
        parent = stack[-1]
        parent.nodes += nodes
        parent.chars += chars
        if parent.mapping:
            parent.expect_key = not parent.expect_key

    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.ScalarEvent):
                frame = stack[-1]
                if frame.mapping and frame.expect_key:
                    if event.value in frame.keys:
                        problems.append(Problem("yaml.duplicate_key", {"key": _shown(event.value)},
                                                *_at(file, event)))  # fmt: skip
                    frame.keys.add(event.value)
                    frame.last_key = event.value
                found = _scalar_problem(loader, event, file)
                if found is not None:
                    problems.append(found)
                if event.anchor:
                    sizes[event.anchor] = (1, len(event.value))
                completed(1, len(event.value))
            elif isinstance(event, yaml.AliasEvent):
                nodes, chars = sizes.get(event.anchor or "", (1, 0))
                added_nodes += nodes
                added_chars += chars
                completed(nodes, chars)
                if added_nodes > MAX_NODES or added_chars > MAX_CHARS:
                    params = {"limit": MAX_NODES, "chars": MAX_CHARS}
                    problems.append(Problem("yaml.too_large", params, *_at(file, event)))
                    return problems
            elif isinstance(event, yaml.CollectionStartEvent):
                parent = stack[-1]
                parent.items += 1
                if parent.indicators and parent.items > MAX_INDICATORS:
                    many = {"count": f">{MAX_INDICATORS}", "limit": str(MAX_INDICATORS)}
                    problems.append(Problem("plan.too_many_indicators", many, *_at(file, event)))
                    return problems
                stack.append(_Frame(isinstance(event, yaml.MappingStartEvent), event.anchor))
                stack[-1].indicators = (
                    len(stack) == 3
                    and isinstance(event, yaml.SequenceStartEvent)
                    and stack[1].last_key == "indicators"
                )
                if len(stack) - 1 > MAX_DEPTH:
                    problems.append(
                        Problem("yaml.too_deep", {"limit": MAX_DEPTH}, *_at(file, event))
                    )
                    return problems
            elif isinstance(event, yaml.CollectionEndEvent):
                frame = stack.pop()
                if frame.anchor:
                    sizes[frame.anchor] = (frame.nodes, frame.chars)
                completed(frame.nodes, frame.chars)
    except yaml.YAMLError:
        pass  # the loader reports syntax errors with their position
    return problems


# libyaml's parser when PyYAML has it (some 20 times faster; events and marks are the same)
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
