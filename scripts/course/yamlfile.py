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


_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses 5x faster


class _LocatedError(yaml.YAMLError):
    """A content mistake found while building the data, with the line it is on."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


class _LineLoader(_BASE):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:  # type: ignore[override]
        first: dict[str, int] = {}
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                line = key.start_mark.line + 1
                if key.value in first:  # PyYAML silently keeps the last value: a changed answer nobody sees
                    raise _LocatedError(line, f"'{key.value}' is given twice in one entry (also at line "
                                        f"{first[key.value]}): keep one")
                first[key.value] = line
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


    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> object:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as err:
            raise _LocatedError(node.start_mark.line + 1, f"{node.value} is not a real date ({err})") from None


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LineLoader.construct_sequence)


def _anchor_problem(text: str, path: str) -> Problem | None:
    """Content needs no anchors or aliases, and an alias bomb would take minutes and gigabytes to expand."""
    for event in yaml.parse(text, Loader=_BASE):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return Problem(path, event.start_mark.line + 1, "YAML anchors and aliases (&name, *name) are not "
                           "allowed in content: write the text out")
    return None


def load_yaml(text: str, path: str) -> tuple[Any, list[Problem]]:
    """Parse YAML; a syntax error, a repeated key, an alias or a bad date becomes a located problem."""
    try:
        problem = _anchor_problem(text, path)
        if problem is not None:
            return None, [problem]
        return yaml.load(text, Loader=_LineLoader), []
    except _LocatedError as err:
        return None, [Problem(path, err.line, err.message)]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        return None, [Problem(path, line, f"not valid YAML: {reason}")]
    except (ValueError, TypeError, RecursionError) as err:  # e.g. unhashable keys
        return None, [Problem(path, 1, f"not valid YAML: {err}")]
