"""The public reading API: paths, streams, errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from quoth.corpus.model import Article
from quoth.corpus.readers import (
    ReadError,
    RecordError,
    is_supported_name,
    read_path,
    read_stream,
    supported_suffixes,
)

STORY = (
    "Harbour bridge vote delayed\n\n"
    "By Jane Doe\n\n"
    "PORTSMOUTH: The council delayed its vote on the harbour bridge on Tuesday.\n\n"
    '"We need more time," the council leader said.\n'
)


def test_read_path_gives_one_article_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text(STORY, encoding="utf-8")
    [article] = list(read_path(path))
    assert isinstance(article, Article)
    assert article.title == "Harbour bridge vote delayed"
    assert article.byline == "Jane Doe"
    assert article.dateline == "PORTSMOUTH"
    assert article.origin == str(path)
    assert article.format == "text"
    assert article.body.startswith("PORTSMOUTH: The council")


def test_read_stream_sniffs_without_a_suffix() -> None:
    [article] = list(read_stream(io.BytesIO(STORY.encode()), name="<stdin>"))
    assert article.origin == "<stdin>"
    assert article.format == "text"


def test_supported_suffixes_cover_the_core_formats() -> None:
    suffixes = supported_suffixes()
    for suffix in (".txt", ".gz", ".bz2", ".xz"):
        assert suffix in suffixes
    assert is_supported_name("notes.TXT")
    assert is_supported_name("story.txt.gz")
    assert not is_supported_name("backup.tar.gz")


def test_directory_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="directory"):
        list(read_path(tmp_path))


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        list(read_path(tmp_path / "nope.txt"))


def test_dangling_symlink_is_a_read_error(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(ReadError, match="dangling symlink"):
        list(read_path(link))


def test_record_error_reads_as_one_line() -> None:
    error = RecordError("dump.jsonl", "invalid JSON", line=3)
    assert str(error) == "dump.jsonl: line 3: invalid JSON"
    assert str(RecordError("a.json", "no text")) == "a.json: no text"


def test_nothing_is_read_before_the_first_item(tmp_path: Path) -> None:
    items = read_path(tmp_path / "missing.txt")  # no error yet: errors come while iterating
    with pytest.raises(ReadError, match="no such file"):
        next(items)
