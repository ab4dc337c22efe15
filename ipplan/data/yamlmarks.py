"""Where each value of a YAML document stands (line and column), for error messages.

The data itself is always loaded with ``yaml.safe_load``; this only walks the node
tree that ``yaml.compose`` (with the safe loader) gives, to map a path such as
``("indicators", 2, "target", "value")`` to its 1-based line and column.
"""

from __future__ import annotations

from typing import Any

import yaml

Path = tuple[str | int, ...]


def marks(text: str) -> dict[Path, tuple[int, int]]:
    """Path → (line, column) of every node; keys of a mapping map to the key's position."""
    found: dict[Path, tuple[int, int]] = {}
    try:
        # libyaml's parser where PyYAML has it: the same nodes and marks, much faster
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return found
    if root is None:
        return found
    stack: list[tuple[Path, Any]] = [((), root)]
    while stack:
        path, node = stack.pop()
        found.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    sub = (*path, str(key.value))
                    found[(*sub, "<key>")] = (key.start_mark.line + 1, key.start_mark.column + 1)
                    stack.append((sub, value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                stack.append(((*path, i), item))
    return found


def locate(found: dict[Path, tuple[int, int]], path: Path) -> tuple[int | None, int | None]:
    """The position of ``path``, or of its nearest ancestor that has one."""
    while True:
        if path in found:
            return found[path]
        if not path:
            return (None, None)
        path = path[:-1]
