"""The progress callback of ingest: a few redraws a second, never a stale end."""

from __future__ import annotations

from pathlib import Path

import pytest
from quoth.corpus import ingest as ingest_module
from quoth.corpus.ingest import ingest
from quoth.corpus.store import Corpus


def write_folder(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        (folder / f"a{number:03d}.txt").write_text(
            f"Story {number}\n\nThe mayor spoke about bridge {number} on Tuesday.\n",
            encoding="utf-8",
        )


class FrozenClock:
    """time.monotonic for ingest: each reading is `step` seconds after the last."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.step = 0.0

    def monotonic(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FrozenClock:
    frozen = FrozenClock()
    monkeypatch.setattr(ingest_module, "time", frozen)
    return frozen


def test_small_files_redraw_the_bar_a_few_times_a_second(tmp_path: Path, clock) -> None:
    write_folder(tmp_path / "in", 30)
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, origin: str) -> None:
        calls.append((done, total, Path(origin).name))

    clock.step = 0.04  # a file every 40 ms: every third one is drawn

    with Corpus(tmp_path / "c.db") as corpus:
        report = ingest(corpus, [str(tmp_path / "in")], progress=progress, workers=1)
    assert report.new == 30
    assert calls[0] == (0, 30, "a000.txt")
    assert calls[-1] == (30, 30, "")
    assert 5 < len(calls) < 20
    done = [call[0] for call in calls]
    assert done == sorted(done)


def test_every_input_is_shown_when_each_takes_long_enough(tmp_path: Path, clock) -> None:
    write_folder(tmp_path / "in", 5)
    calls: list[int] = []

    def progress(done: int, total: int, origin: str) -> None:
        calls.append(done)

    clock.step = 1.0

    with Corpus(tmp_path / "c.db") as corpus:
        ingest(corpus, [str(tmp_path / "in")], progress=progress, workers=1)
    assert calls == [0, 1, 2, 3, 4, 5]
