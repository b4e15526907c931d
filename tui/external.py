"""`o` and `e`: the article as plain text in the user's $PAGER or $EDITOR.

The app hands the terminal over with App.suspend() and takes it back when the
program exits, so the reader comes back exactly where it was. The text is
written to a temporary file (an editor needs a file; a pager is happy with
one) and removed afterwards: edits are the user's scratch, never the corpus.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
import textwrap
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from textual.app import SuspendNotSupported

from ..corpus.model import Article
from ..corpus.terminal_safety import printable

DEFAULT_PAGER = "less"
DEFAULT_EDITOR = "vi"
# A pager gets paragraphs folded at word boundaries, no wider than the reader's.
PAGER_MAX_WIDTH = 100


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str


def article_plain_text(article: Article, width: int | None = None) -> str:
    """Headline, metadata, caption, body and quotes, with control characters made visible.

    With `width`, long lines are folded at word boundaries (a pager would cut
    words in two at the terminal's edge); list items keep their indent.
    """
    # Deferred: the CLI module pulls in the readers, which the reader app never needs.
    from ..corpus.cli.commands import format_article

    text = printable(format_article(article)).rstrip("\n")
    if width is not None:
        text = "\n".join(_fold(line, width) for line in text.split("\n"))
    return text + "\n"


def pager_width(columns: int) -> int:
    return max(20, min(columns - 1, PAGER_MAX_WIDTH))


def _fold(line: str, width: int) -> str:
    if len(line) <= width:
        return line
    indent = line[: len(line) - len(line.lstrip())]
    hanging = indent + "  " if line.lstrip().startswith("- ") else indent
    return textwrap.fill(
        line.strip(),
        width,
        initial_indent=indent,
        subsequent_indent=hanging,
        break_long_words=False,
        break_on_hyphens=False,
    )


def pager_command(environ: Mapping[str, str] | None = None) -> list[str]:
    return _command((environ if environ is not None else os.environ).get("PAGER"), DEFAULT_PAGER)


def editor_command(environ: Mapping[str, str] | None = None) -> list[str]:
    env = environ if environ is not None else os.environ
    return _command(env.get("EDITOR") or env.get("VISUAL"), DEFAULT_EDITOR)


def _command(setting: str | None, default: str) -> list[str]:
    """$PAGER may carry options (`less -R`), so it is split like a shell would."""
    try:
        words = shlex.split(setting or "")
    except ValueError:  # an unbalanced quote: fall back rather than guess
        words = []
    return words or [default]


def file_name_for(article: Article) -> str:
    """A readable temporary file name (editors show it), safe on any file system."""
    stem = "".join(c if c.isalnum() else "-" for c in (article.title or "article")[:40])
    stem = "-".join(part for part in stem.split("-") if part) or "article"
    return f"quoth-{article.id or 0}-{stem}.txt"


def open_in_program(
    article: Article,
    command: list[str],
    suspend: Callable[[], AbstractContextManager[object]],
    width: int | None = None,
) -> Outcome:
    """Write the article to a temporary file and run `command FILE` with the terminal handed over.

    `suspend` is App.suspend; it raises when the terminal cannot be handed over
    (the browser, a headless run) and that becomes a message, not a crash.
    """
    with tempfile.TemporaryDirectory(prefix="quoth-") as folder:
        path = Path(folder) / file_name_for(article)
        path.write_text(article_plain_text(article, width), encoding="utf-8")
        try:
            with suspend():
                completed = subprocess.run([*command, str(path)], check=False)
        except FileNotFoundError:
            return Outcome(False, f"{command[0]} not found: set $PAGER or $EDITOR")
        except OSError as exc:
            return Outcome(False, f"cannot run {command[0]}: {exc}")
        except SuspendNotSupported:
            return Outcome(False, "cannot hand the terminal over here (browser or headless)")
    if completed.returncode != 0:
        return Outcome(False, f"{command[0]} exited with status {completed.returncode}")
    return Outcome(True, "")
