"""Building page fragments as element trees with text that Markdown never re-parses."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.util import AtomicString


def add(parent: etree.Element, tag: str, text: str | None = None, **attrs: str) -> etree.Element:
    """Append `<tag>` with literal `text` (escaped on output, never read as Markdown or HTML).

    Attribute names use `_` for `-` and a trailing `_` for reserved words (`class_`).
    """
    element = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.text = AtomicString(text)
    return element
