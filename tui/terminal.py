"""What the terminal can show, read from the environment as SSH leaves it.

Over SSH, COLORTERM is usually dropped and TERM is whatever the client sent
(xterm-256color, screen-256color, tmux-256color, plain xterm, linux on a
console). Rich already down-samples colours to what TERM promises; what it
cannot do is make a truecolor theme look right in 16 colours, or draw round
corners with a console font. Those two choices are made here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from rich.style import Style

TRUECOLOR = "truecolor"
COLOURS_256 = "256"
COLOURS_16 = "16"
NO_COLOURS = "none"

# The 16-colour theme: terminal palette colours, so it follows the user's scheme.
ANSI_THEME = "ansi-dark"
DEFAULT_THEME = "textual-dark"


def colour_support(environ: Mapping[str, str] | None = None) -> str:
    """How many colours the terminal promises: truecolor, 256, 16 or none."""
    env = os.environ if environ is None else environ
    if "NO_COLOR" in env:
        return NO_COLOURS
    forced = env.get("TEXTUAL_COLOR_SYSTEM", "").lower()
    if forced in ("truecolor", "256", "standard", "windows"):
        return {"truecolor": TRUECOLOR, "256": COLOURS_256}.get(forced, COLOURS_16)
    if env.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return TRUECOLOR
    term = env.get("TERM", "").lower()
    if term in ("", "dumb", "unknown"):
        return NO_COLOURS if term else COLOURS_256  # no TERM at all: a web or test driver
    if term.endswith(("-256color", "-256colour")) or term in ("xterm-kitty", "alacritty"):
        return COLOURS_256
    if term.endswith(("-direct", "-truecolor", "-24bit")):
        return TRUECOLOR
    return COLOURS_16


def is_console(environ: Mapping[str, str] | None = None) -> bool:
    """The Linux virtual console: a small font with square box-drawing corners only."""
    env = os.environ if environ is None else environ
    return env.get("TERM", "") == "linux"


def starting_theme(configured: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The configured theme; with none configured, the ANSI theme on 16-colour terminals.

    A truecolor theme squeezed into 16 colours turns soft panel backgrounds
    into saturated blocks; the ANSI theme uses the terminal's own palette.
    """
    if configured:
        return configured
    return ANSI_THEME if colour_support(environ) == COLOURS_16 else DEFAULT_THEME


# Square corners for the console font; the colours are the stylesheet's own.
CONSOLE_CSS = """
ArticleList, Reader, QuotesPanel { border: solid $foreground 25%; }
ArticleList:focus, Reader:focus, QuotesPanel:focus-within { border: solid $primary; }
"""

# Without colour the list cursor, the matched characters and the quote being
# flashed must still stand out: reverse and bold carry them.
NO_COLOR_CSS = """
ArticleList:nocolor > .article-list--cursor { text-style: reverse; }
ArticleList:nocolor:focus > .article-list--cursor { text-style: reverse bold; }
ArticleList:nocolor > .article-list--match { text-style: bold underline; }
"""


def colour_is_off(environ: Mapping[str, str] | None = None) -> bool:
    """NO_COLOR set, to any value (https://no-color.org)."""
    env = os.environ if environ is None else environ
    return "NO_COLOR" in env


def highlight_styles(environ: Mapping[str, str] | None = None) -> tuple[Style, Style]:
    """(quote, mention) styles on top of the speaker's colour.

    In colour, quotes are italic in their speaker's colour and mentions bold
    and underlined. Under NO_COLOR every colour turns to grey, and italic is
    missing on many terminals (the console, tmux with TERM=screen), so quotes
    go bold and speaker mentions reverse: both survive any terminal.
    """
    if colour_is_off(environ):
        return Style(bold=True), Style(reverse=True)
    return Style(italic=True), Style(bold=True, underline=True)
