"""quoth in a real pseudo-terminal, as over SSH: each TERM, no COLORTERM, --no-mouse.

These start `python -m quoth` on a pty, read what it draws, press q and check
that it left cleanly. Mouse reporting is switched on with the escape sequence
CSI ?1000h; with --no-mouse it must never be sent, so the terminal keeps its
own text selection.
"""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="pty")]

MOUSE_ON = b"\x1b[?1000h"
ALT_SCREEN_ON = b"\x1b[?1049h"
ALT_SCREEN_OFF = b"\x1b[?1049l"


def _run_on_pty(
    args: list[str], environ: dict[str, str], wait_for: bytes, timeout: float = 20.0
) -> tuple[bytes, int]:
    """Run quoth on a pty until `wait_for` is drawn, press q; (everything written, exit code)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: become quoth
        os.execve(sys.executable, [sys.executable, "-m", "quoth", *args], environ)
    output = b""
    quit_sent = False
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:  # the child closed the pty: it has exited
                    break
                if not chunk:
                    break
                output += chunk
            if not quit_sent and wait_for in output:
                time.sleep(0.3)
                os.write(fd, b"q")
                quit_sent = True
        else:
            os.kill(pid, signal.SIGKILL)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    return output, os.waitstatus_to_exitcode(status)


def _environ(tmp_path: Path, term: str, **extra: str) -> dict[str, str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in ("COLORTERM", "NO_COLOR", "TEXTUAL", "QUOTH_DB")
    }
    environ.update(
        TERM=term,
        COLUMNS="80",
        LINES="24",
        HOME=str(tmp_path),
        QUOTH_CONFIG=str(tmp_path / "config.toml"),
        QUOTH_STATE=str(tmp_path / "state.json"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        **extra,
    )
    return environ


@pytest.mark.parametrize(
    "term", ["xterm-256color", "screen-256color", "tmux-256color", "xterm", "linux"]
)
def test_starts_draws_and_quits_on_each_term(corpus_path: Path, tmp_path: Path, term: str) -> None:
    output, code = _run_on_pty(
        ["--db", str(corpus_path)], _environ(tmp_path, term), wait_for=b"Island ferry"
    )
    assert code == 0, output[-500:]
    assert b"Island ferry" in output
    assert ALT_SCREEN_ON in output and ALT_SCREEN_OFF in output  # the screen is given back
    assert b"Traceback" not in output


def test_256_colours_without_colorterm(corpus_path: Path, tmp_path: Path) -> None:
    """SSH drops COLORTERM: colours come as 256-colour codes, not 24-bit ones."""
    output, code = _run_on_pty(
        ["--db", str(corpus_path)], _environ(tmp_path, "xterm-256color"), wait_for=b"Island ferry"
    )
    assert code == 0
    assert b"\x1b[38;5;" in output or b";38;5;" in output
    assert b"38;2;" not in output


def test_no_mouse_leaves_selection_to_the_terminal(corpus_path: Path, tmp_path: Path) -> None:
    environ = _environ(tmp_path, "xterm-256color")
    with_mouse, code = _run_on_pty(["--db", str(corpus_path)], environ, b"Island ferry")
    assert code == 0 and MOUSE_ON in with_mouse
    without, code = _run_on_pty(["--no-mouse", "--db", str(corpus_path)], environ, b"Island ferry")
    assert code == 0 and b"Island ferry" in without
    assert MOUSE_ON not in without


def _is_grey(index: int) -> bool:
    """A 256-colour palette entry without hue."""
    if index < 16:
        return index in (0, 7, 8, 15)
    if index >= 232:
        return True
    red, green, blue = (index - 16) // 36, (index - 16) // 6 % 6, (index - 16) % 6
    return red == green == blue


def test_no_color_draws_in_greys_only(corpus_path: Path, tmp_path: Path) -> None:
    """NO_COLOR: Textual's monochrome rendering; no hue reaches the terminal."""
    output, code = _run_on_pty(
        ["--db", str(corpus_path)],
        _environ(tmp_path, "xterm-256color", NO_COLOR="1"),
        wait_for=b"Island ferry",
    )
    assert code == 0 and b"Island ferry" in output
    indexes = [int(n) for n in re.findall(rb"[34]8;5;(\d+)", output)]
    assert indexes and all(_is_grey(n) for n in indexes)
    colour_codes = re.findall(rb"\x1b\[([\d;]*)m", output)
    plain = {b"3%d" % n for n in range(1, 7)} | {b"4%d" % n for n in range(1, 7)}
    assert not any(
        set(codes.split(b";")) & plain
        for codes in colour_codes
        if b"38;5" not in codes and b"48;5" not in codes
    )


def test_sixteen_colour_term_gets_sixteen_colour_codes(corpus_path: Path, tmp_path: Path) -> None:
    output, code = _run_on_pty(
        ["--db", str(corpus_path)], _environ(tmp_path, "xterm"), wait_for=b"Island ferry"
    )
    assert code == 0 and b"Island ferry" in output
    assert b"38;5;" not in output and b"38;2;" not in output
    assert re.search(rb"\x1b\[[\d;]*(3[0-7]|9[0-7])[;m]", output)
