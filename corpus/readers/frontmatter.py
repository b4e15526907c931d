"""YAML-style front matter (`---` ... `---`) as simple `key: value` lines, without PyYAML.

Handles what article front matter uses: plain, 'single' and "double" quoted values,
inline lists `[a, b]`, block lists (`authors:` then `  - name` lines) and comments.
Nested mappings are skipped. Keys are lower-cased.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w\- ]*?)\s*:(?:\s+(?P<value>.*?))?\s*$")
_ITEM = re.compile(r"^\s+-\s+(?P<value>.*?)\s*$")
MAX_FRONT_MATTER_LINES = 200

FrontMatter = dict[str, "str | list[str]"]


def split_front_matter(text: str) -> tuple[FrontMatter, str]:
    """(front matter, the rest of the text). No front matter gives ({}, text)."""
    stripped = text.lstrip("\ufeff \t\n")
    if not stripped.startswith("---"):
        return {}, text
    lines = stripped.split("\n", MAX_FRONT_MATTER_LINES + 2)
    if lines[0].strip() != "---":
        return {}, text
    for index in range(1, min(len(lines), MAX_FRONT_MATTER_LINES + 1)):
        if _FENCE.match(lines[index]):
            values = parse_front_matter(lines[1:index])
            if not values and index > 1:
                return {}, text  # a Markdown horizontal rule, not front matter
            return values, "\n".join(lines[index + 1 :])
    return {}, text


def parse_front_matter(lines: list[str]) -> FrontMatter:
    values: FrontMatter = {}
    current_list: list[str] | None = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if item and current_list is not None:
            current_list.append(_unquote(item["value"]))
            continue
        key = _KEY.match(line)
        if not key or line[:1].isspace():
            current_list = None  # nested mapping or something we do not read
            continue
        name, value = key["key"].strip().lower(), (key["value"] or "").strip()
        if not value:
            current_list = []
            values[name] = current_list
        elif value.startswith("[") and value.endswith("]"):
            values[name] = [_unquote(part) for part in _split_inline_list(value[1:-1])]
            current_list = None
        else:
            values[name] = _unquote(_strip_comment(value))
            current_list = None
    return {key: value for key, value in values.items() if value}


def _split_inline_list(inner: str) -> list[str]:
    parts = re.findall(r"\s*(\"[^\"]*\"|'[^']*'|[^,]+)", inner)
    return [part.strip() for part in parts if part.strip()]


def _strip_comment(value: str) -> str:
    if value[:1] in "\"'":
        return value
    return re.sub(r"\s+#.*$", "", value)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace('\\"', '"') if value[0] == '"' else inner.replace("''", "'")
    return value
