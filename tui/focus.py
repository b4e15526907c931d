"""Move focus at once, not on the next turn of the event loop.

Widget.focus() defers the move with call_later, so keys already queued (a
fast typist, a paste, a tmux send-keys) land on the old widget: "/bridge"
would toggle the panel with its "b". Setting focus on the screen directly
means the very next key goes where the user asked.
"""

from __future__ import annotations

from textual.widget import Widget


def focus_now(widget: Widget) -> None:
    if widget.is_attached and widget.focusable:
        widget.screen.set_focus(widget)
    else:
        widget.focus()
