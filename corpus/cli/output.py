"""Everything the CLI prints goes through here, made safe for a terminal."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from ..terminal_safety import json_line, printable, printable_line


def emit_json(obj: Any, out: TextIO | None = None) -> None:
    (out or sys.stdout).write(json_line(obj) + "\n")


def emit(text: str = "", out: TextIO | None = None) -> None:
    (out or sys.stdout).write(printable(text) + "\n")


def emit_row(*cells: str | None, out: TextIO | None = None) -> None:
    """A tab-separated row: easy to read, easy to `cut`."""
    line = "\t".join(printable_line(cell or "") for cell in cells)
    (out or sys.stdout).write(line + "\n")


def error(text: str) -> None:
    sys.stderr.write(printable_line(text) + "\n")


class ProgressBar:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self.enabled = self.stream.isatty()
        self._drawn = False

    def __call__(self, done: int, total: int, current: str) -> None:
        if not self.enabled or total <= 1:
            return
        filled = self.width * done // total
        bar = "#" * filled + "-" * (self.width - filled)
        name = printable_line(current)[-40:]
        self.stream.write(f"\r[{bar}] {done}/{total} {name:<40}")
        self.stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * (self.width + 60) + "\r")
            self.stream.flush()
