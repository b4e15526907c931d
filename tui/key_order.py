"""Keys that arrive together (one read over SSH) act in the order they were typed.

Textual routes each key to the focused widget at once, but resolves the key's
binding only after it has bubbled back up to the app, against whatever has the
focus by then. When a priority key in the same read moves the focus first
("jj/marsh": `/` goes to the search bar at once), the earlier keys were lost:
the list never moved. Panes with this mixin resolve their bindings when the key
reaches them, along their own chain of ancestors, so each key applies where it
was sent.

A key routed here after one of this pane's own keys sent the focus elsewhere
(`l` to the next pane, `?` to the help screen) is handed back to the app, which
sends it where the focus is now, as it would have gone had it come a moment later.
"""

from __future__ import annotations

from typing import Any

from textual import events

from .focus import focus_now


class KeysInOrder:
    """Mixed into a focusable pane (before its Textual base class).

    Textual calls the `_on_key` and `_on_focus` of every class in the MRO, so
    these do not call super(): what they leave unhandled goes on as usual.
    """

    _sent_focus_away = False

    async def _on_key(self, event: events.Key) -> None:
        pane: Any = self
        focused = self._still_focused()
        if self._sent_focus_away and not focused:
            self._handled(event)
            pane.app.post_message(events.Key(event.key, event.character))
            return
        focus_then = pane.screen.focused
        if not await self._run_binding(event.key):
            return
        self._handled(event)
        if focused:  # only a move this key made counts (not one a priority key made since)
            self._sent_focus_away = not self._still_focused()
        elif pane.screen.focused is not focus_then and focus_then is not None:
            # Typed before a key that has moved the focus already ("h/": h then /):
            # it acts on its pane but does not take the focus back.
            focus_now(focus_then)

    def _on_focus(self, event: events.Focus) -> None:
        self._sent_focus_away = False

    @staticmethod
    def _handled(event: events.Key) -> None:
        event.stop()
        event.prevent_default()  # and Textual's own key handling is skipped

    def _still_focused(self) -> bool:
        pane: Any = self
        return pane.app.screen is pane.screen and pane.screen.focused is pane

    async def _run_binding(self, key: str) -> bool:
        """The first non-priority binding for `key` from this pane up to the app
        (priority ones ran when the key arrived)."""
        pane: Any = self
        for node in pane.ancestors_with_self:
            if await run_own_binding(node, key):
                return True
        return False


async def run_own_binding(node: Any, key: str) -> bool:
    """Run `node`'s own non-priority binding for `key`, with the user's keymap applied."""
    bindings = node._bindings.copy()
    keymap = node.app._keymap
    if keymap:
        bindings.apply_keymap(keymap)
    for binding in bindings.key_to_bindings.get(key, ()):
        if not binding.priority and await node.app.run_action(binding.action, node):
            return True
    return False
