"""Which files a folder, a glob or a list of paths stands for, and in what order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from quoth.corpus.ingest import IngestReport, expand_inputs


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("A story.\n", encoding="utf-8")
    return path


def names(args: list[str], root: Path) -> tuple[list[str], list[str]]:
    report = IngestReport()
    inputs = expand_inputs(args, report)
    return [str(Path(i.origin).relative_to(root)) for i in inputs], report.failures


def test_a_folder_is_walked_files_first_then_subfolders_in_name_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "z/c.jsonl", "m/d.txt", "m/n/e.json", "m/f.txt",
                 "notes.docx", ".hidden.txt", ".git/g.txt", "m/.cache/h.txt"]:  # fmt: skip
        touch(tmp_path / "in" / name)
    got, failures = names([str(tmp_path / "in")], tmp_path / "in")
    assert got == ["a.md", "b.txt", "m/d.txt", "m/f.txt", "m/n/e.json", "z/c.jsonl"]
    assert failures == []


def test_the_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    story = touch(tmp_path / "in" / "a.txt")
    (tmp_path / "in" / "b.txt").symlink_to(story)
    args = [str(tmp_path / "in"), str(story), str(tmp_path / "in" / "." / "a.txt")]
    got, _ = names(args, tmp_path / "in")
    assert got == ["a.txt"]


def test_a_folder_reached_through_a_symlink_is_the_same_folder(tmp_path: Path) -> None:
    touch(tmp_path / "real" / "a.txt")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    report = IngestReport()
    inputs = expand_inputs([str(tmp_path / "link"), str(tmp_path / "real")], report)
    assert [Path(i.origin).name for i in inputs] == ["a.txt"]


def test_symlinked_folders_inside_are_not_followed(tmp_path: Path) -> None:
    touch(tmp_path / "elsewhere" / "x.txt")
    touch(tmp_path / "in" / "a.txt")
    (tmp_path / "in" / "loop").symlink_to(tmp_path / "in")
    (tmp_path / "in" / "other").symlink_to(tmp_path / "elsewhere")
    got, _ = names([str(tmp_path / "in")], tmp_path / "in")
    assert got == ["a.txt"]


def test_a_dangling_symlink_is_kept_for_the_reader_to_report(tmp_path: Path) -> None:
    touch(tmp_path / "in" / "a.txt")
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    got, failures = names([str(tmp_path / "in")], tmp_path / "in")
    assert got == ["a.txt", "gone.txt"] and failures == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_folder_is_one_failure_line(tmp_path: Path) -> None:
    touch(tmp_path / "in" / "a.txt")
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    got, failures = names([str(tmp_path / "in")], tmp_path / "in")
    assert got == ["a.txt"]
    assert len(failures) == 1 and "pipe.txt: not a regular file" in failures[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_subfolder_is_passed_over(tmp_path: Path) -> None:
    touch(tmp_path / "in" / "a.txt")
    touch(tmp_path / "in" / "locked" / "b.txt").parent.chmod(0)
    try:
        got, _ = names([str(tmp_path / "in")], tmp_path / "in")
    finally:
        (tmp_path / "in" / "locked").chmod(0o755)
    assert got == ["a.txt"]
