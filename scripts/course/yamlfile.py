"""YAML loading that remembers line numbers, so checks can point at the offending line."""

from __future__ import annotations

from typing import Any

import yaml

from .problems import Problem


class LineMap(dict):
    """A mapping that also knows the line of each key (1-based) and of itself."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that knows the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml parses 5x faster
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:  # type: ignore[override]
        result = LineMap(super().construct_mapping(node, deep=True))
        result.line = node.start_mark.line + 1
        result.key_lines = {
            str(k.value): k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)
        }
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:  # type: ignore[override]
        result = LineList(super().construct_sequence(node, deep=True))
        result.line = node.start_mark.line + 1
        result.item_lines = [item.start_mark.line + 1 for item in node.value]
        return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LineLoader.construct_sequence)


def load_yaml(text: str, path: str) -> tuple[Any, list[Problem]]:
    """Parse YAML; a syntax error becomes a located problem instead of an exception."""
    try:
        return yaml.load(text, Loader=_LineLoader), []
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        return None, [Problem(path, line, f"not valid YAML: {reason}")]
    except (ValueError, TypeError, RecursionError) as err:  # e.g. unhashable keys
        return None, [Problem(path, 1, f"not valid YAML: {err}")]
