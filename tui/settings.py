"""The config file, turned into what the app applies: theme, keymap, layout, animations.

Pure functions: the app passes in what it knows (its themes, its binding ids)
and gets back the settings to apply and the problems to tell the user about.
A bad value never stops the reader; it falls back to the default and says so.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from ..corpus.config import Config, Layout
from .terminal import CONSOLE_CSS, NO_COLOR_CSS, is_console, starting_theme

# Narrower than this the list cannot show a title; wider is more than any screen.
MIN_PANE_WIDTH = 16
MAX_PANE_WIDTH = 400
# Listed with the keys (help, README) but not Textual bindings: Enter in the search bar.
FIXED_IDS = frozenset({"quoth.search.submit"})


@dataclass(frozen=True)
class AppSettings:
    theme: str
    animation_level: str
    keymap: dict[str, str]
    side_panel: bool
    css: str
    problems: list[str] = field(default_factory=list)


def app_settings(
    config: Config,
    *,
    themes: Collection[str],
    binding_ids: Collection[str],
    environ: Mapping[str, str] | None = None,
) -> AppSettings:
    problems: list[str] = []
    return AppSettings(
        theme=checked_theme(config.theme, themes, problems, environ),
        animation_level="full" if config.animations else "none",
        keymap=checked_keymap(config.keys, binding_ids, problems),
        side_panel=config.layout.side_panel,
        css=settings_css(config.layout, problems, console=is_console(environ)),
        problems=problems,
    )


def checked_theme(
    name: str,
    themes: Collection[str],
    problems: list[str],
    environ: Mapping[str, str] | None = None,
) -> str:
    # The default theme counts as "not chosen": 16-colour terminals get the ANSI one.
    wanted = starting_theme(None if name == Config.theme else name, environ)
    if wanted in themes:
        return wanted
    choices = ", ".join(sorted(themes)[:6])
    problems.append(
        f"theme {name!r} does not exist; using {Config.theme!r} "
        f"(themes: {choices}…; ctrl+p Theme lists them all)"
    )
    return Config.theme


def checked_keymap(
    keys: Mapping[str, str], binding_ids: Collection[str], problems: list[str]
) -> dict[str, str]:
    """The overrides whose binding id exists and whose keys are not empty."""
    keymap: dict[str, str] = {}
    unknown: list[str] = []
    for binding_id, value in keys.items():
        key_list = _key_list(value)
        if binding_id in FIXED_IDS:
            problems.append(f"[keys] {binding_id!r} cannot be changed; ignored")
        elif binding_id not in binding_ids:
            unknown.append(binding_id)
        elif not key_list:
            problems.append(f"[keys] {binding_id!r} has no keys; keeping its default")
        else:
            keymap[binding_id] = ",".join(key_list)
    if unknown:
        problems.append(
            f"[keys] unknown binding id{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(u) for u in unknown)}; see `?` in quoth for the ids"
        )
    return keymap


def _key_list(value: str) -> list[str]:
    return [key.strip() for key in value.split(",") if key.strip()]


def pane_width(value: int, name: str, default: int, problems: list[str]) -> int:
    if MIN_PANE_WIDTH <= value <= MAX_PANE_WIDTH:
        return value
    problems.append(
        f"[layout] {name} = {value} is outside {MIN_PANE_WIDTH}..{MAX_PANE_WIDTH}; using {default}"
    )
    return default


def settings_css(layout: Layout, problems: list[str], *, console: bool = False) -> str:
    """Widths in columns from the config, plus the terminal's own adjustments.

    On narrow screens (the main screen's `-narrow` class) the stylesheet's
    proportional widths still apply, capped at the configured ones, so an
    80-column window keeps a readable reading pane.
    """
    list_width = pane_width(layout.list_width, "list_width", Layout.list_width, problems)
    panel_width = pane_width(layout.panel_width, "panel_width", Layout.panel_width, problems)
    rules = [
        f"ArticleList {{ width: {list_width}; max-width: {list_width}; }}",
        f"QuotesPanel {{ width: {panel_width}; max-width: {panel_width}; }}",
        f"MainScreen.-narrow ArticleList {{ width: 36%; max-width: {list_width}; }}",
        NO_COLOR_CSS,
    ]
    if console:
        rules.append(CONSOLE_CSS)
    return "\n".join(rules)


def binding_ids(sections: Iterable[object]) -> set[str]:
    """Every binding id in the help screen's sections (tui/keys.py)."""
    return {
        row.binding_id  # type: ignore[attr-defined]
        for section in sections
        for row in section.rows  # type: ignore[attr-defined]
        if row.binding_id  # type: ignore[attr-defined]
    }
