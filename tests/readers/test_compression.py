"""Compressed inputs: .gz, .bz2, .xz around any inner format, streamed; broken archives."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
from pathlib import Path

import pytest
from quoth.corpus.model import Article
from quoth.corpus.readers import ReadError, read_path, read_stream

STORY = b"Harbour reopens\n\nPORTSMOUTH: The harbour reopened on Monday.\n"
COMPRESSORS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_compressed_text(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"story.txt{suffix}"
    path.write_bytes(COMPRESSORS[suffix](STORY))
    [article] = list(read_path(path))
    assert isinstance(article, Article)
    assert article.format == "text"
    assert article.title == "Harbour reopens"
    assert article.dateline == "PORTSMOUTH"
    assert article.origin == str(path)


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_compressed_jsonl_picks_the_inner_format(tmp_path: Path, suffix: str) -> None:
    records = [{"title": f"T{i}", "text": f"Body {i}."} for i in range(3)]
    lines = "\n".join(json.dumps(record) for record in records).encode()
    path = tmp_path / f"dump.jsonl{suffix}"
    path.write_bytes(COMPRESSORS[suffix](lines))
    items = list(read_path(path))
    assert [item.title for item in items if isinstance(item, Article)] == ["T0", "T1", "T2"]
    assert all(item.format == "json" for item in items if isinstance(item, Article))


def test_compressed_markdown_from_stdin_is_sniffed() -> None:
    data = gzip.compress(b"---\ntitle: Gz\n---\n\nText in a gzip stream.\n")
    [article] = list(read_stream(io.BytesIO(data)))
    assert isinstance(article, Article)
    assert article.format == "markdown"
    assert article.title == "Gz"


def test_compression_is_recognised_by_magic_bytes_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "looks-plain.txt"
    path.write_bytes(gzip.compress(STORY))
    [article] = list(read_path(path))
    assert isinstance(article, Article)
    assert article.title == "Harbour reopens"


def test_gz_suffix_on_plain_text_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(STORY)
    [article] = list(read_path(path))
    assert isinstance(article, Article)


def test_truncated_gz_is_a_clear_read_error(tmp_path: Path) -> None:
    data = gzip.compress(STORY * 200)
    path = tmp_path / "story.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match="truncated gzip"):
        list(read_path(path))


def test_truncated_jsonl_gz_keeps_records_already_read(tmp_path: Path) -> None:
    lines = "\n".join(
        json.dumps({"title": f"T{i}", "text": f"Body {i} " + "x" * 200}) for i in range(2000)
    )
    data = gzip.compress(lines.encode())
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    read: list[Article] = []
    with pytest.raises(ReadError, match="truncated gzip"):
        for item in read_path(path):
            assert isinstance(item, Article)
            read.append(item)
    assert len(read) > 100


def test_corrupt_gz_is_a_clear_read_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt.gz"
    path.write_bytes(b"\x1f\x8b" + b"\xff" * 100)
    with pytest.raises(ReadError, match="gzip"):
        list(read_path(path))


@pytest.mark.parametrize("suffix", [".bz2", ".xz"])
def test_truncated_bz2_and_xz(tmp_path: Path, suffix: str) -> None:
    data = COMPRESSORS[suffix](STORY * 500)
    path = tmp_path / f"story.txt{suffix}"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match="truncated|corrupt"):
        list(read_path(path))


def test_large_gz_jsonl_is_streamed(tmp_path: Path) -> None:
    """Records come out before the whole dump is decompressed (the reader is lazy)."""
    record = json.dumps({"title": "T", "text": "Body " + "y" * 1000})
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for _ in range(20_000):  # ~20 MB uncompressed
            handle.write(record + "\n")
    items = read_path(path)
    first = next(items)
    assert isinstance(first, Article)
    assert sum(1 for _ in items) == 19_999
