"""Input readers: files and streams in, `Article`s (and bad-record reports) out.

    from quoth.corpus.readers import read_path, read_stream, ReadError, RecordError

    for item in read_path(path):          # raises ReadError while iterating, never before
        if isinstance(item, RecordError): report(item)
        else: ingest(item)

Each format is one module registered in `registry.py`; see its docstring to add one.
"""

from __future__ import annotations

from .errors import ReadError, RecordError
from .reading import read_path, read_stream
from .registry import Reader, is_supported_name, register, supported_suffixes

__all__ = [
    "ReadError",
    "Reader",
    "RecordError",
    "is_supported_name",
    "read_path",
    "read_stream",
    "register",
    "supported_suffixes",
]
