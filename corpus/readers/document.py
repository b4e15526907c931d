"""One input as text: decompressed, decoded and checked, read once and in a stream.

A `Document` wraps a binary stream (a file or stdin) and gives readers:
- `head()`: the decoded first ~8 KB, for sniffing the format;
- `text()`: the whole input (capped, for one-article formats);
- `chunks()` / `lines()`: streaming access, so a 2 GB JSONL dump never sits in memory.

What it takes care of, so that no reader has to:
- compression: gzip, bzip2 and xz, recognised by their magic bytes (the suffix
  only names the inner format: `dump.jsonl.gz` is read as `dump.jsonl`);
- encoding: a BOM (UTF-8, UTF-16, UTF-32), UTF-16 without BOM, strict UTF-8,
  else cp1252 (stray bytes in mostly-UTF-8 input are read as cp1252 too);
- newlines normalised to "\n", NUL bytes removed, curly quotes kept as they are;
- refusing what is not text: known binary signatures, or too many control characters.
All failures are `ReadError`s with a one-line reason.
"""

from __future__ import annotations

import bz2
import codecs
import contextlib
import gzip
import io
import lzma
import re
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from .errors import ReadError

HEAD_BYTES = 8192
CHUNK_BYTES = 1 << 16
MAX_TEXT_CHARS = 16_000_000  # one article bigger than this is not an article (bounds memory)
MAX_LINE_CHARS = 16_000_000  # one JSONL record bigger than this is skipped, not buffered

_Opener = Callable[[BinaryIO], BinaryIO]

# (name, magic bytes, file suffix, opener)
_COMPRESSIONS: tuple[tuple[str, bytes, str, _Opener], ...] = (
    ("gzip", b"\x1f\x8b", ".gz", lambda raw: gzip.GzipFile(fileobj=raw, mode="rb")),
    ("bzip2", b"BZh", ".bz2", lambda raw: bz2.BZ2File(raw)),
    ("xz", b"\xfd7zXZ\x00", ".xz", lambda raw: lzma.LZMAFile(raw)),  # noqa: SIM115
)
COMPRESSION_SUFFIXES = tuple(suffix for _, _, suffix, _ in _COMPRESSIONS)

# Signatures of common binary files, so the error can say what the file is.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data (not supported: use gzip, bzip2 or xz)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00asm", "a WebAssembly module"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that do not occur in text (tab, newlines, form feed and ESC excepted:
# ESC sequences are text that the display layer neutralises), plus C1 controls and U+FFFD.
_SUSPICIOUS = re.compile("[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")
BINARY_RATIO = 0.05


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode bytes that are not valid UTF-8 (or undefined in cp1252) one by one, as cp1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_cp1252_char(byte) for byte in bad), error.end


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined: keep them as Latin-1
        return chr(byte)


codecs.register_error("quoth-cp1252", _cp1252_fallback)


class _PrefixedStream(io.RawIOBase):
    """Bytes already read from a stream, followed by the rest of that stream."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._prefix:
            count = min(len(buffer), len(self._prefix))
            buffer[:count] = self._prefix[:count]
            self._prefix = self._prefix[count:]
            return count
        data = self._rest.read(len(buffer)) or b""
        buffer[: len(data)] = data
        return len(data)


def _read_up_to(stream: BinaryIO, size: int) -> bytes:
    """Read `size` bytes unless the stream ends first (raw reads may return less)."""
    parts: list[bytes] = []
    remaining = size
    while remaining > 0:
        data = stream.read(remaining)
        if not data:
            break
        parts.append(data)
        remaining -= len(data)
    return b"".join(parts)


def strip_compression_suffix(name: str) -> str:
    lowered = name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


class Document:
    """One input, ready to be read once by one reader."""

    def __init__(self, origin: str, name: str, stream: BinaryIO) -> None:
        self.origin = origin
        self.compression: str | None = None
        self._raw = stream
        self._stream = self._open_decompressed(stream)
        self.name = strip_compression_suffix(name) if self.compression else name
        self._head_bytes = self._read(HEAD_BYTES)
        self._at_end = len(self._head_bytes) < HEAD_BYTES
        self.encoding, self._bom_length = detect_encoding(self._head_bytes)
        head = self._head_bytes[self._bom_length :]
        self._head_text = normalise_newlines(self._decoder().decode(head))
        self._consumed = False
        self._bytes_read = len(self._head_bytes)
        self._check_is_text()

    # -- what readers use ---------------------------------------------------------------

    def head(self) -> str:
        """The decoded start of the input (about 8 KB), for sniffing."""
        return self._head_text

    def text(self) -> str:
        """The whole input as one string (refused beyond MAX_TEXT_CHARS)."""
        parts: list[str] = []
        size = 0
        for chunk in self.chunks():
            size += len(chunk)
            if size > MAX_TEXT_CHARS or self._bytes_read > 4 * MAX_TEXT_CHARS:
                millions = MAX_TEXT_CHARS // 1_000_000
                raise ReadError(f"too large to be one article (over {millions} million characters)")
            parts.append(chunk)
        return "".join(parts)

    def chunks(self) -> Iterator[str]:
        """The input as decoded, newline-normalised pieces of text, streamed."""
        if self._consumed:
            raise RuntimeError(f"{self.origin} was already read")
        self._consumed = True
        decoder = self._decoder()
        held_cr = ""  # a "\r" at the end of a chunk may be the first half of "\r\n"
        for data in self._byte_chunks():
            text = held_cr + decoder.decode(data)
            held_cr = "\r" if text.endswith("\r") else ""
            text = normalise_newlines(text[:-1] if held_cr else text)
            if text:
                yield text
        tail = normalise_newlines(held_cr + decoder.decode(b"", final=True))
        if tail:
            yield tail

    def lines(self) -> Iterator[tuple[int, str | None]]:
        """(line number, line) pairs, streamed. A line over MAX_LINE_CHARS comes as None."""
        number = 0
        partial: list[str] = []
        partial_size = 0
        too_long = False
        for chunk in self.chunks():
            pieces = chunk.split("\n")
            for piece in pieces[:-1]:
                number += 1
                yield number, (None if too_long else "".join(partial) + piece)
                partial, partial_size, too_long = [], 0, False
            if not too_long:
                partial.append(pieces[-1])
                partial_size += len(pieces[-1])
                if partial_size > MAX_LINE_CHARS:
                    partial, too_long = [], True
        if too_long or partial_size:
            yield number + 1, (None if too_long else "".join(partial))

    def close(self) -> None:
        for stream in (self._stream, self._raw):
            with contextlib.suppress(Exception):  # a broken stream must not hide the real error
                stream.close()

    # -- internals ------------------------------------------------------------------------

    def _open_decompressed(self, stream: BinaryIO) -> BinaryIO:
        magic = _read_up_to(stream, 8)
        buffered = io.BufferedReader(_PrefixedStream(magic, stream))
        for name, signature, _, opener in _COMPRESSIONS:
            if magic.startswith(signature):
                self.compression = name
                return opener(buffered)
        return buffered

    def _read(self, size: int) -> bytes:
        try:
            return _read_up_to(self._stream, size)
        except EOFError as exc:
            kind = self.compression or "input"
            raise ReadError(f"truncated {kind} data: the file ends early") from exc
        except (OSError, zlib.error, lzma.LZMAError, ValueError) as exc:
            if self.compression:
                raise ReadError(f"corrupt {self.compression} data ({_one_line(exc)})") from exc
            raise ReadError(f"cannot read: {_one_line(exc)}") from exc

    def _byte_chunks(self) -> Iterator[bytes]:
        yield self._head_bytes[self._bom_length :]
        if self._at_end:
            return
        while data := self._read(CHUNK_BYTES):
            self._bytes_read += len(data)
            yield data

    def _decoder(self) -> codecs.IncrementalDecoder:
        if self.encoding == "utf-8":
            return codecs.getincrementaldecoder("utf-8")(errors="quoth-cp1252")
        if self.encoding == "cp1252":
            return codecs.getincrementaldecoder("cp1252")(errors="quoth-cp1252")
        return codecs.getincrementaldecoder(self.encoding)(errors="replace")

    def _check_is_text(self) -> None:
        for signature, what in _BINARY_SIGNATURES:
            if self._head_bytes.startswith(signature):
                raise ReadError(f"binary file: {what}, not text")
        if self._head_bytes[257:262] == b"ustar":
            raise ReadError("binary file: a tar archive (unpack it first), not text")
        text = self._head_text
        if not text.strip():
            if self.encoding in ("utf-8", "cp1252") and b"\x00" in self._head_bytes:
                raise ReadError("binary file: only NUL bytes")
            if self._at_end:
                empty = "empty file" if not self._head_bytes else "empty file (only whitespace)"
                raise ReadError(empty)
            return
        if len(_SUSPICIOUS.findall(text)) > BINARY_RATIO * len(text):
            raise ReadError("binary file, not text")


def detect_encoding(head: bytes) -> tuple[str, int]:
    """(codec name, BOM length) for the start of an input."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    utf16 = _utf16_without_bom(head)
    if utf16:
        return utf16, 0
    return ("utf-8" if _is_utf8_prefix(head) else "cp1252"), 0


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without BOM shows as NULs in every other byte (for mostly-Latin text)."""
    sample = head[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0::2].count(0) / pairs
    odd_nuls = sample[1::2].count(0) / pairs
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _is_utf8_prefix(head: bytes) -> bool:
    """Valid UTF-8, allowing a multi-byte character cut off at the end of the sample."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data" and exc.start >= len(head) - 3
    return True


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
