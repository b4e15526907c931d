"""TUI benchmark at 100,000 articles: first frame, keystroke latency, memory.

    python tests/bench/bench_tui.py [--db /tmp/quoth-tui-bench-100k.db] [--articles 100000]

1. Time to first frame: `quoth`'s reader and a bare Textual app (a Static and a
   Footer) are each started in a real pseudo-terminal (80x24); the clock stops
   when the footer's "palette" is written to the terminal. Median and best of
   --runs starts, and the CPU used by then (steadier when the machine is busy).
   Both start from cached bytecode, as an installed app does (a warm-up start
   fills a private cache, even where PYTHONDONTWRITEBYTECODE is set).
   Goal: the reader at most 1.3x the bare app.
2. Keystroke to updated list: queries typed one key at a time into the search
   bar (headless app, in process); from the key press to the list holding the
   new results, and to the list drawing them. Goal: p95 under 50 ms.
3. Resident memory with the corpus open and the search engine loaded.
   Goal: under 200 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import importlib.util
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from quoth.corpus.store import Corpus
from quoth.tui.app import QuothApp
from quoth.tui.messages import SearchFinished

HERE = Path(__file__).resolve().parent
# Compiled bytecode for both apps, kept out of the source tree. Textual's own
# modules were compiled when it was installed; quoth's must be too, or the
# reader pays for compiling its sources on every start and the bare app does not.
PYCACHE = Path(tempfile.gettempdir()) / "quoth-bench-pycache"
FRAME_MARKER = "palette"  # in the footer of both apps: the screen is up
LISTING_MARKER = "Articles"  # the list's title once the 100k listing is shown

# Prepended to both apps: note the moment each marker is first written to the
# terminal, as wall clock (comparable with the parent's clock) and as the CPU
# the process has used since it started (steadier on a busy machine).
PROBE = """
import os, sys, time
import textual.drivers.linux_driver as _driver
_write = _driver.LinuxDriver.write
_markers = os.environ["QUOTH_BENCH_MARKERS"].split(",")
_seen = set()

def _probe(self, data):
    for marker in _markers:
        if marker not in _seen and marker in data:
            _seen.add(marker)
            with open(os.environ["QUOTH_BENCH_OUT"], "a") as out:
                out.write(f"{marker} {time.time()} {time.process_time()}\\n")
    return _write(self, data)

_driver.LinuxDriver.write = _probe
"""

BARE_APP = (
    PROBE
    + """
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    def compose(self):
        yield Static("bare")
        yield Footer()

Bare().run()
"""
)

QUOTH_APP = (
    PROBE
    + """
from pathlib import Path
from quoth.tui.app import run_reader

run_reader(Path(sys.argv[1]))
"""
)


# -- the corpus ----------------------------------------------------------------


def ensure_corpus(path: Path, count: int) -> Path:
    """Reuse the search benchmark's generator (same corpus shape everywhere)."""
    spec = importlib.util.spec_from_file_location("generate_corpus", HERE / "generate_corpus.py")
    if spec is None or spec.loader is None:
        raise SystemExit("tests/bench/generate_corpus.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ensure_corpus(path, count)


# -- 1. first frame ------------------------------------------------------------


def time_to_markers(
    code: str, args: list[str], markers: list[str], timeout: float = 30.0
) -> dict[str, tuple[float, float]]:
    """Run `code` on an 80x24 pseudo-terminal: {marker: (wall s since spawn, CPU s)}."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "markers"
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "QUOTH_BENCH_OUT": str(report),
            "QUOTH_BENCH_MARKERS": ",".join(markers),
            "PYTHONPYCACHEPREFIX": str(PYCACHE),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        # No user config or remembered query: every start is the same start
        # (found the usual way, through platformdirs, as a user's would be).
        for name in ("QUOTH_CONFIG", "QUOTH_STATE"):
            env.pop(name, None)
        for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME"):
            env[name] = scratch
        started = time.time()
        child = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        try:
            while time.time() - started < timeout:
                # Drain the terminal so the app never blocks on a full pty buffer.
                if select.select([master], [], [], 0.02)[0]:
                    try:
                        os.read(master, 65536)
                    except OSError:
                        break
                if report.exists() and len(report.read_text().splitlines()) >= len(markers):
                    break
        finally:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            os.close(master)
        lines = report.read_text().splitlines() if report.exists() else []
    seen = {}
    for line in lines:
        marker, wall, cpu = line.rsplit(" ", 2)
        seen[marker] = (float(wall) - started, float(cpu))
    return seen


def bench_first_frame(db: Path, runs: int) -> dict[str, float]:
    bare, reader, listing, bare_cpu, reader_cpu = [], [], [], [], []
    time_to_markers(BARE_APP, [], [FRAME_MARKER])  # warm-up: bytecode cached
    time_to_markers(QUOTH_APP, [str(db)], [FRAME_MARKER])
    for _ in range(runs):
        seen = time_to_markers(BARE_APP, [], [FRAME_MARKER])
        bare.append(seen[FRAME_MARKER][0])
        bare_cpu.append(seen[FRAME_MARKER][1])
        seen = time_to_markers(QUOTH_APP, [str(db)], [FRAME_MARKER, LISTING_MARKER])
        reader.append(seen[FRAME_MARKER][0])
        reader_cpu.append(seen[FRAME_MARKER][1])
        listing.append(seen.get(LISTING_MARKER, (float("nan"), 0.0))[0])
    return {
        "bare_ms": statistics.median(bare) * 1000,
        "reader_ms": statistics.median(reader) * 1000,
        "bare_min_ms": min(bare) * 1000,
        "reader_min_ms": min(reader) * 1000,
        "bare_cpu_ms": statistics.median(bare_cpu) * 1000,
        "reader_cpu_ms": statistics.median(reader_cpu) * 1000,
        "listing_ms": statistics.median(listing) * 1000,
    }


# -- 2. keystrokes -------------------------------------------------------------


class ProbeApp(QuothApp):
    """The reader, noting when each search result reaches the list."""

    updated_at = 0.0
    painted_at = 0.0
    engine_ms: list[float] = []

    # Textual calls this handler and then the app's own (one per class in the MRO).
    def on_search_finished(self, message: SearchFinished) -> None:
        if message.generation == self._search_generation and message.query.strip():
            self.engine_ms.append(message.elapsed_ms)

    def _show_rows(self, rows: list, total: int, **options: bool) -> None:  # type: ignore[type-arg]
        super()._show_rows(rows, total, **options)
        self.updated_at = time.perf_counter()  # the list holds the new rows
        self.painted_at = 0.0


def watch_painting(app: ProbeApp) -> None:
    article_list = app.article_list
    draw = article_list.render_line

    def render_line(y: int):  # type: ignore[no-untyped-def]
        if app.painted_at == 0.0 and app.updated_at:
            app.painted_at = time.perf_counter()
        return draw(y)

    article_list.render_line = render_line  # type: ignore[method-assign]


async def settle(app: ProbeApp, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        busy = [w for w in app.workers if w.group in ("search", "load") and w.is_running]
        if not busy and app._shown_generation == app._search_generation and app.corpus_total:
            return
        if time.monotonic() > deadline:
            raise SystemExit("the app did not settle")
        await asyncio.sleep(0.001)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def typing_plan(db: Path) -> list[tuple[str, str]]:
    """(query class, query) pairs; the speaker comes from the corpus itself."""
    with Corpus(db, readonly=True) as corpus:
        speakers = corpus.speakers()
        sources = {row.source for row in corpus.summaries()[:200] if row.source}
    speaker = speakers[0].name.split()[-1] if speakers else "minister"
    source = sorted(sources)[0].split()[0] if sources else "wire"
    return [
        ("one word", "minister"),
        ("multi-word", "harbour talks"),
        ("typo", "goverment"),
        ("phrase", '"trade talks"'),
        ("field", f"speaker:{speaker.casefold()}"),
        ("field", f"source:{source.casefold()}"),
    ]


async def bench_keystrokes(db: Path) -> dict[str, object]:
    app = ProbeApp(db)
    latencies: dict[str, list[float]] = {}
    painted: list[float] = []
    plan = typing_plan(db)
    async with app.run_test(size=(80, 24)) as pilot:
        opened = time.perf_counter()
        await settle(app)
        # The engine loads after the listing appears; wait for it too.
        while any(w.group == "load" and w.is_running for w in app.workers):
            await asyncio.sleep(0.01)
        load_s = time.perf_counter() - opened
        memory = rss_mb()
        watch_painting(app)
        await pilot.press("slash")
        for kind, query in plan:
            for keys in [list(query), ["backspace"] * len(query)]:
                for key in keys:
                    key_name = {" ": "space", '"': "quotation_mark", ":": "colon"}.get(key, key)
                    pressed = time.perf_counter()
                    app.updated_at = 0.0
                    await pilot.press(key_name)
                    await settle(app)
                    await pilot.pause()
                    label = "empty (back to 100k)" if not app.query_text else kind
                    latencies.setdefault(label, []).append((app.updated_at - pressed) * 1000)
                    if app.painted_at:
                        painted.append((app.painted_at - pressed) * 1000)
        cursor = await bench_cursor(app, pilot)
    return {
        "load_s": load_s,
        "rss_mb": memory,
        "latencies": latencies,
        "painted": painted,
        "cursor": cursor,
    }


async def bench_cursor(app: ProbeApp, pilot) -> list[float]:  # type: ignore[no-untyped-def]
    """j / G / g in the 100k list: key press to the list redrawing."""
    await pilot.press("escape")
    await settle(app)
    await pilot.pause(0.2)
    times = []
    for key in ["j"] * 40 + ["G", "g"] * 5:
        app.updated_at, app.painted_at = time.perf_counter(), 0.0
        await pilot.press(key)
        await pilot.pause(0.05)
        if app.painted_at:
            times.append((app.painted_at - app.updated_at) * 1000)
    return times


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/quoth-tui-bench-100k.db"))
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--part", choices=["all", "frame", "keys"], default="all")
    args = parser.parse_args()
    db = ensure_corpus(args.db, args.articles)
    engine = "corpus.search" if importlib.util.find_spec("quoth.corpus.search") else "fallback"
    print(f"corpus: {db} ({args.articles:,} articles); search engine: {engine}")

    if args.part in ("all", "frame"):
        report_first_frame(db, args.runs)
    if args.part in ("all", "keys"):
        report_keystrokes(db)


def report_first_frame(db: Path, runs: int) -> None:
    frame = bench_first_frame(db, runs)
    ratio = frame["reader_ms"] / frame["bare_ms"]
    best = frame["reader_min_ms"] / frame["bare_min_ms"]
    cpu = frame["reader_cpu_ms"] / frame["bare_cpu_ms"]
    print(f"\nfirst frame ({runs} starts each, 80x24 pty)     median     best   CPU used")
    print(
        f"  bare Textual app            {frame['bare_ms']:7.0f}  {frame['bare_min_ms']:7.0f}"
        f"  {frame['bare_cpu_ms']:7.0f} ms"
    )
    print(
        f"  quoth reader                {frame['reader_ms']:7.0f}  {frame['reader_min_ms']:7.0f}"
        f"  {frame['reader_cpu_ms']:7.0f} ms"
    )
    print(f"  ratio                       {ratio:7.2f}x {best:7.2f}x {cpu:7.2f}x  (goal <= 1.3x)")
    print(f"  listing of 100k on screen  {frame['listing_ms']:7.0f} ms")


def report_keystrokes(db: Path) -> None:
    result = asyncio.run(bench_keystrokes(db))
    print(f"\nopen + listing + engine load (in process): {result['load_s']:.2f} s")
    print(f"resident memory, corpus open:  {result['rss_mb']:.0f} MB (goal < 200 MB)")
    print("\nkeystroke -> list updated (ms)         n    p50    p95    max")
    everything: list[float] = []
    for label, values in result["latencies"].items():  # type: ignore[union-attr]
        everything += values
        print(
            f"  {label:<32} {len(values):4d} {p(values, 0.5):6.1f} {p(values, 0.95):6.1f}"
            f" {max(values):6.1f}"
        )
    print(
        f"  {'all keystrokes':<32} {len(everything):4d} {p(everything, 0.5):6.1f}"
        f" {p(everything, 0.95):6.1f} {max(everything):6.1f}   (goal p95 < 50)"
    )
    engine = ProbeApp.engine_ms
    print(
        f"  {'(engine alone, same searches)':<32} {len(engine):4d} {p(engine, 0.5):6.1f}"
        f" {p(engine, 0.95):6.1f} {max(engine):6.1f}"
    )
    painted = result["painted"]
    if painted:
        print(
            f"  {'... to list redrawn':<32} {len(painted):4d} {p(painted, 0.5):6.1f}"
            f" {p(painted, 0.95):6.1f} {max(painted):6.1f}"
        )
    cursor = result["cursor"]
    print(
        f"\ncursor key in the 100k list (j, G, g), press to redrawn: n {len(cursor)}, "
        f"p50 {p(cursor, 0.5):.1f} ms, p95 {p(cursor, 0.95):.1f} ms"
    )


if __name__ == "__main__":
    main()
