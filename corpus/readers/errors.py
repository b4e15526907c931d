"""The two ways reading can fail: the whole input, or one record inside it."""

from __future__ import annotations

from dataclasses import dataclass


class ReadError(Exception):
    """The whole input is unreadable. `str(exc)` is a one-line reason for humans."""

    def __str__(self) -> str:
        return " ".join(super().__str__().split())


@dataclass
class RecordError:
    """One bad record (say a JSONL line) inside an otherwise readable input."""

    origin: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.origin}: {self.reason}"
        return f"{self.origin}: line {self.line}: {self.reason}"
