"""Load YAML into plain Python while remembering the line of every key."""

from __future__ import annotations

from typing import Any

import yaml

Path_ = tuple[Any, ...]


class YamlDoc:
    """A parsed YAML document plus the 1-based line of each value by path, and each
    scalar's text as written (``yes`` is true to YAML, and "yes" to a survey's reader)."""

    def __init__(self, data: Any, lines: dict[Path_, int], written: dict[Path_, str] | None = None):
        self.data = data
        self.lines = lines
        self.written = written or {}

    def line(self, path: Path_) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def load_yaml(text: str) -> YamlDoc:
    """Parse ``text`` safely; raises ``yaml.YAMLError`` on bad syntax."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    lines: dict[Path_, int] = {}
    written: dict[Path_, str] = {}
    if node is None:
        return YamlDoc(None, lines)
    return YamlDoc(_convert(node, (), lines, written), lines, written)


def _convert(node: yaml.Node, path: Path_, lines: dict[Path_, int], written: dict[Path_, str]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if key in out:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            out[key] = _convert(value_node, path + (key,), lines, written)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), lines, written) for i, item in enumerate(node.value)]
    written[path] = node.value
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise yaml.constructor.ConstructorError(
            None, None, "a key must be a plain value", node.start_mark
        )
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node)
    finally:
        loader.dispose()
