"""Bad input ends in one clear ReadError or is read correctly — never another exception."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from quoth.corpus.model import Article
from quoth.corpus.readers import ReadError, read_path, read_stream

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(200) + bytes(range(256)) * 4
RANDOM = bytes((i * 7919 + 13) % 256 for i in range(5000))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (PNG, "PNG image"),
        (ELF, "executable"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04" + bytes(100), "ZIP"),
        (RANDOM, "binary"),
        (bytes(5000), "binary"),
    ],
)
def test_binary_files_with_a_text_name(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=reason):
        list(read_path(path))


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty file"), (b"   \n\n\t  \r\n", "only whitespace"), (b"\xef\xbb\xbf", "empty")],
)
def test_empty_and_whitespace_only(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=reason):
        list(read_path(path))


@pytest.mark.parametrize("name", ["empty.json", "empty.jsonl", "empty.md"])
def test_empty_files_of_every_format(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\n")
    with pytest.raises(ReadError, match="empty"):
        list(read_path(path))


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    try:
        with pytest.raises(ReadError, match="permission denied"):
            list(read_path(path))
    finally:
        path.chmod(0o600)


def test_a_single_two_megabyte_line(tmp_path: Path) -> None:
    line = ("The council met again on Monday and said nothing new. " * 40_000)[:2_000_000]
    path = tmp_path / "long.txt"
    path.write_text(line, encoding="utf-8")
    [article] = list(read_path(path))
    assert isinstance(article, Article)
    assert len(article.body) > 1_900_000
    assert 0 < len(article.title) <= 121


def test_a_two_megabyte_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text('{"title": "Long", "text": "' + "word " * 400_000 + '"}\n', encoding="utf-8")
    [article] = list(read_path(path))
    assert isinstance(article, Article)


def test_read_errors_are_one_line() -> None:
    with pytest.raises(ReadError) as caught:
        list(read_stream(io.BytesIO(b'[{"a":\n\n 1'), "multi.json"))
    assert "\n" not in str(caught.value)


def test_text_then_binary_garbage_is_still_read_as_far_as_text(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Real text comes first here.\n\n" * 400 + RANDOM)
    items = list(read_path(path))  # decodes (cp1252 fallback) rather than crashing
    assert len(items) == 1


def test_terminal_escapes_are_text_not_binary() -> None:
    data = b"Headline\n\nThe \x1b[2Jcouncil \x1b]0;title\x07met.\n"
    [article] = list(read_stream(io.BytesIO(data), "esc.txt"))
    assert isinstance(article, Article)  # neutralising escapes is the display layer's job


def test_a_text_too_large_to_be_one_article_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from quoth.corpus.readers import document

    monkeypatch.setattr(document, "MAX_TEXT_CHARS", 100_000)
    data = b"The council met on Monday and said nothing new.\n\n" * 5000
    with pytest.raises(ReadError, match="too large to be one article"):
        list(read_stream(io.BytesIO(data), "huge.txt"))


def test_an_overlong_jsonl_line_is_a_record_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from quoth.corpus.readers import document

    monkeypatch.setattr(document, "MAX_LINE_CHARS", 50_000)
    good = b'{"title": "A", "text": "a."}\n'
    data = good + b'{"title": "B", "text": "' + b"x" * 200_000 + b'"}\n' + good
    items = list(read_stream(io.BytesIO(data), "dump.jsonl"))
    assert [type(item).__name__ for item in items] == ["Article", "RecordError", "Article"]
    assert items[1].line == 2 and "too long" in items[1].reason


def test_a_gzipped_tar_is_refused_not_read_as_text(tmp_path: Path) -> None:
    import tarfile

    member = tmp_path / "story.txt"
    member.write_text("The council met on Monday.\n")
    archive = tmp_path / "stories.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(member, arcname="story.txt")
    with pytest.raises(ReadError, match="tar archive"):
        list(read_path(archive))
