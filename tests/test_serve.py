"""`quoth serve` starts, binds to loopback and answers a browser's request."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_answers_on_loopback(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "QUOTH_DB": str(tmp_path / "c.db")}
    server = subprocess.Popen(
        [sys.executable, "-m", "quoth", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    try:
        page = _get_when_up(f"http://127.0.0.1:{port}/", server)
        assert "quoth" in page.lower() or "textual" in page.lower()
    finally:
        server.terminate()
        server.wait(timeout=10)


def _get_when_up(url: str, server: subprocess.Popen[bytes], timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            output = server.stdout.read().decode() if server.stdout else ""
            pytest.fail(f"quoth serve exited early: {output[-500:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8", "replace")
        except OSError:
            time.sleep(0.2)
    pytest.fail("quoth serve did not answer in time")
