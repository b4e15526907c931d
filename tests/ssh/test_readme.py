"""The README's key table matches the bindings; the SSH section says what it must."""

from __future__ import annotations

from pathlib import Path

from quoth.tui.keys_table import (
    END,
    START,
    current_block,
    generated_block,
    key_label,
    main,
    replace_block,
)

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_key_table_is_up_to_date() -> None:
    # If this fails: python -m quoth.tui.keys_table
    assert current_block(README.read_text(encoding="utf-8")) == generated_block()


def test_every_binding_id_is_in_the_table() -> None:
    from quoth.tui.app import QuothApp
    from quoth.tui.reader_extras import EXTRA_BINDINGS

    block = generated_block()
    for binding in [*QuothApp.BINDINGS, *EXTRA_BINDINGS]:
        assert f"`{binding.id}`" in block  # type: ignore[union-attr]


def test_check_mode_notices_a_stale_table(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n{START}\n| old |\n{END}\n\ntail\n")
    assert main([str(readme), "--check"]) == 1
    assert main([str(readme)]) == 0
    text = readme.read_text()
    assert main([str(readme), "--check"]) == 0
    assert text.startswith("# x\n\n") and text.endswith("\n\ntail\n")


def test_block_is_appended_when_missing() -> None:
    assert replace_block("# x\n", "B") == "# x\n\nB\n"


def test_key_labels() -> None:
    assert [key_label(k) for k in ("slash", "question_mark", "ctrl+d", "escape", "G")] == [
        "/",
        "?",
        "ctrl+d",
        "escape",
        "G",
    ]


def test_ssh_section_covers_the_essentials() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Using quoth over SSH") :]
    for needed in (
        "TERM=xterm-256color",
        "COLORTERM",
        "NO_COLOR",
        "--no-mouse",
        "TEXTUAL_FPS",
        "escape-time",
        "set-clipboard on",
        "ssh -L 8000:127.0.0.1:8000",
    ):
        assert needed in section, needed
    assert "](tui/screenshot.svg)" in text
