"""The user's settings: one TOML file, read with tomllib, never required.

    # ~/.config/quoth/config.toml
    theme = "textual-dark"
    corpus = "~/news/corpus.db"      # the default corpus
    animations = false

    [layout]
    side_panel = true                # show the quotes/speakers panel at start
    list_width = 36                  # columns
    panel_width = 40

    [keys]                           # binding id = "keys" (comma-separated)
    "quoth.quit" = "q,ctrl+q"

A broken file never stops quoth: it starts with the defaults and says which
line is wrong.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Layout:
    side_panel: bool = True
    list_width: int = 36
    panel_width: int = 40


@dataclass(frozen=True)
class Config:
    theme: str = "textual-dark"
    corpus: str | None = None
    animations: bool = False
    layout: Layout = field(default_factory=Layout)
    keys: dict[str, str] = field(default_factory=dict)

    def as_toml(self) -> str:
        """The effective settings, in the file's own syntax."""
        lines = [f"theme = {_toml(self.theme)}"]
        lines.append(f"corpus = {_toml(self.corpus)}" if self.corpus else "# corpus = (default)")
        lines += [f"animations = {_toml(self.animations)}", "", "[layout]"]
        lines += [f"{f.name} = {_toml(getattr(self.layout, f.name))}" for f in fields(Layout)]
        lines += ["", "[keys]"]
        lines += [f"{_toml(key)} = {_toml(value)}" for key, value in sorted(self.keys.items())]
        return "\n".join(lines)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def config_path() -> Path:
    override = os.environ.get("QUOTH_CONFIG")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_config_path("quoth") / "config.toml"


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """The settings and the problems found in them (one line each)."""
    target = path or config_path()
    try:
        raw = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(), []
    except (OSError, UnicodeDecodeError) as exc:
        return Config(), [f"{target}: cannot read ({exc}); using the defaults"]
    tomllib = _toml_parser()  # imported here: most starts have no config file to parse
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        return Config(), [f"{target}: {exc}; using the defaults"]
    problems: list[tuple[str, str]] = []
    config = _from_mapping(data, problems)
    return config, [f"{target}{_line_of(raw, key)}: {problem}" for key, problem in problems]


def _line_of(raw: str, key: str) -> str:
    """The line where `key` is set, so the message points at it ('' if unknown)."""
    pattern = re.compile(rf'^\s*"?{re.escape(key)}"?\s*=', re.M)
    match = pattern.search(raw)
    return f", line {raw.count(chr(10), 0, match.start()) + 1}" if match else ""


def _from_mapping(data: dict[str, Any], problems: list[tuple[str, str]]) -> Config:
    defaults = Config()
    layout_data = data.get("layout", {})
    if not isinstance(layout_data, dict):
        problems.append(("layout", "[layout] must be a table; ignored"))
        layout_data = {}
    layout = Layout(
        side_panel=_typed(layout_data, "side_panel", bool, Layout.side_panel, problems),
        list_width=_typed(layout_data, "list_width", int, Layout.list_width, problems),
        panel_width=_typed(layout_data, "panel_width", int, Layout.panel_width, problems),
    )
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        problems.append(("keys", '[keys] maps binding ids to keys, e.g. "quoth.quit" = "q"'))
        keys = {}
    known = {"theme", "corpus", "animations", "layout", "keys"}
    for unknown in sorted(set(data) - known):
        problems.append((unknown, f"unknown setting {unknown!r}; ignored"))
    return Config(
        theme=_typed(data, "theme", str, defaults.theme, problems),
        corpus=_typed(data, "corpus", str, None, problems),
        animations=_typed(data, "animations", bool, defaults.animations, problems),
        layout=layout,
        keys=dict(keys),
    )


_KIND_NAMES = {bool: "true or false", int: "a whole number", str: "a string in quotes"}


def _typed(
    data: dict[str, Any], name: str, kind: type, default: Any, problems: list[tuple[str, str]]
) -> Any:
    if name not in data:
        return default
    value = data[name]
    # bool is an int in Python; a width of `true` is still a mistake.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        wanted = _KIND_NAMES[kind]
        problems.append((name, f"{name} should be {wanted}, not {value!r}; using {default!r}"))
        return default
    return value


def _toml_parser() -> Any:  # noqa: ANN401 - the tomllib module, or tomli on Python 3.10
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib
    import tomli  # pragma: no cover - exercised on 3.10 only

    return tomli  # pragma: no cover
