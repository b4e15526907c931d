"""Shown when the corpus is empty: how to add articles, and the demo."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..messages import DemoRequested


class WelcomeScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "demo", "Open the demo", id="quoth.welcome.demo"),
        Binding("q,escape", "app.quit", "Quit", id="quoth.welcome.quit"),
    ]

    def __init__(
        self, *, corpus_label: str, demo_available: bool, ingest_command: str = "quoth ingest PATH"
    ) -> None:
        super().__init__()
        self.corpus_label = corpus_label
        self.demo_available = demo_available
        self.ingest_command = ingest_command

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(self._message(), id="welcome-text")
        yield Footer()

    def _message(self) -> Text:
        text = Text()
        text.append("quoth", style="bold")
        text.append(" — who said what, in your news archive\n\n")
        text.append("This corpus has no articles yet:\n")
        text.append(f"  {self.corpus_label}\n\n", style="dim")
        text.append("Add some from the shell:\n\n")
        text.append(f"  {self.ingest_command}", style="bold")
        text.append("\n\n  PATH is a file, a folder or a feed URL.\n\n", style="dim")
        if self.demo_available:
            text.append("Or press ")
            text.append("d", style="bold reverse")
            text.append(" to explore the bundled demo corpus.")
        else:
            text.append("Or try the bundled demo corpus:  ")
            text.append("quoth demo", style="bold")
        return text

    def action_demo(self) -> None:
        if self.demo_available:
            self.post_message(DemoRequested())
        else:
            self.notify("Quit (q) and run:  quoth demo", timeout=5)
