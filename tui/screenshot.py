"""Make the README's screenshot: the reader on the demo corpus, 100x30, as SVG.

    python -m quoth.tui.screenshot [OUT.svg]     # default: tui/screenshot.svg

It drives the real app headless (as the snapshot tests do): a search, the
first result open, the reader on its first quote, the side panel shown.
Run it again after a visible change to the reader.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SIZE = (100, 30)
QUERY = "harbour"
OUTPUT = Path(__file__).with_name("screenshot.svg")


async def _until(pilot: Any, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not settle")
        await pilot.pause(0.05)


async def _shoot(db_path: Path, query: str) -> str:
    from .app import QuothApp

    app = QuothApp(db_path, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: app.corpus_total is not None)
        await pilot.press("slash", *query, "enter")
        await _until(
            pilot,
            lambda: (
                app.reader.article_id is not None
                and app.reader.article_id == app.article_list.current_id
            ),
        )
        await pilot.press("l", "n")
        await pilot.press("b")
        await pilot.pause(0.5)
        app.reader.action_next_quote()  # re-flash-free view of the quote
        await pilot.pause(1.2)  # let the flash fade
        return app.export_screenshot(title="quoth")


def make_screenshot(out: Path = OUTPUT, query: str = QUERY) -> Path:
    from ..corpus.demo_corpus import build_demo

    with tempfile.TemporaryDirectory(prefix="quoth-shot-") as folder:
        db_path, _report = build_demo(Path(folder) / "demo.db")
        svg = asyncio.run(_shoot(db_path, query))
    out.write_text(svg, encoding="utf-8")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out = make_screenshot(Path(args[0]) if args else OUTPUT)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
