"""The README's key binding table, generated from the bindings themselves.

    python -m quoth.tui.keys_table            # rewrite the table in README.md
    python -m quoth.tui.keys_table --check    # exit 1 if README.md is out of date

The table sits between `<!-- keys:start -->` and `<!-- keys:end -->`; the
rest of the README is left alone. tests/ssh/test_readme.py fails when the
table no longer matches the code, so a new or changed binding cannot go
undocumented. The binding ids are listed because the config's [keys] table
uses them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from textual.binding import BindingType
from textual.keys import format_key, key_to_character

from .app import QuothApp
from .keys import KeySection, binding_sections

START = "<!-- keys:start -->"
END = "<!-- keys:end -->"
README = Path(__file__).resolve().parents[1] / "README.md"


def app_bindings() -> list[BindingType]:
    return list(QuothApp.BINDINGS)


def key_label(key: str) -> str:
    """`question_mark` -> `?`, `slash` -> `/`; names with modifiers stay as written."""
    if "+" in key:
        return key
    character = key_to_character(key) or format_key(key)
    if (
        len(character) == 1
        and character.isprintable()
        and not character.isspace()
        and character.isascii()
    ):
        return character
    return key


def markdown_table(sections: Iterable[KeySection]) -> str:
    rows: list[str] = []
    where: dict[str, int] = {}
    for section in sections:
        for row in section.rows:
            keys = " ".join(f"`{key_label(key)}`" for key in row.keys)
            line = f"| {keys} | {row.description} | {section.title} | `{row.binding_id}` |"
            # The palette is both a binding of the app and a row of its own: one
            # line, with the later (fuller) description.
            if row.binding_id in where:
                rows[where[row.binding_id]] = line
            else:
                where[row.binding_id] = len(rows)
                rows.append(line)
    return "\n".join(["| Keys | Does | Where | Binding id |", "| --- | --- | --- | --- |", *rows])


def generated_block() -> str:
    return f"{START}\n{markdown_table(binding_sections(app_bindings()))}\n{END}"


def replace_block(text: str, block: str) -> str:
    """`text` with the marked block replaced (appended when there is none yet)."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        return text.rstrip("\n") + "\n\n" + block + "\n"
    return text[:start] + block + text[end + len(END) :]


def current_block(text: str) -> str | None:
    start, end = text.find(START), text.find(END)
    return text[start : end + len(END)] if 0 <= start < end else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quoth.tui.keys_table")
    parser.add_argument("readme", nargs="?", type=Path, default=README)
    parser.add_argument("--check", action="store_true", help="only check, do not write")
    args = parser.parse_args(argv)
    text = args.readme.read_text(encoding="utf-8")
    block = generated_block()
    if args.check:
        if current_block(text) != block:
            sys.stderr.write(
                f"{args.readme}: key table out of date; run python -m quoth.tui.keys_table\n"
            )
            return 1
        return 0
    args.readme.write_text(replace_block(text, block), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
