"""How small files are grouped into worker tasks: by size, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from quoth.corpus import parallel


def files(folder: Path, sizes: list[int]) -> list[Path]:
    folder.mkdir()
    paths = []
    for number, size in enumerate(sizes):
        path = folder / f"a{number:03d}.txt"
        path.write_bytes(b"x" * size)
        paths.append(path)
    return paths


def test_tasks_hold_about_task_bytes_in_input_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kib = 1024
    monkeypatch.setattr(parallel, "TASK_BYTES", 128 * kib)
    paths = files(tmp_path / "in", [100 * kib, 20 * kib, 300 * kib, 1 * kib, 1 * kib, 200 * kib])
    groups = list(parallel._tasks(paths))
    assert [[p.name for p in group] for group in groups] == [
        ["a000.txt", "a001.txt"],  # 120 KiB: the next one would take it past 128 KiB
        ["a002.txt"],  # a big file goes alone
        ["a003.txt", "a004.txt"],
        ["a005.txt"],
    ]
    assert [p for group in groups for p in group] == paths


def test_tiny_files_are_capped_by_count(tmp_path: Path) -> None:
    paths = files(tmp_path / "in", [10] * (parallel.MAX_FILES_PER_TASK * 2 + 5))
    sizes = [len(group) for group in parallel._tasks(paths)]
    assert sizes == [parallel.MAX_FILES_PER_TASK, parallel.MAX_FILES_PER_TASK, 5]


def test_an_unreadable_size_still_gets_a_task(tmp_path: Path) -> None:
    gone = tmp_path / "gone.txt"  # the worker reports it; grouping must not fail on it
    assert [[p.name for p in group] for group in parallel._tasks([gone])] == [["gone.txt"]]
