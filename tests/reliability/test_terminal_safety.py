"""Article text (and file names) come from anywhere: no CLI output may carry a control
sequence to the terminal, and markup-looking text stays literal text."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quoth.corpus.terminal_safety import json_line, printable, printable_line

ESC = "\x1b"
# What a terminal acts on: C0 controls (but tab and newline), DEL, C1 controls (8-bit CSI,
# OSC...) and bidi overrides that disguise text.
DANGEROUS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = (
    f"{ESC}]0;pwned-title\x07"  # OSC: retitle the window
    f"{ESC}]52;c;cm0gLXJmIH4=\x07"  # OSC 52: write the clipboard
    f"{ESC}[2J{ESC}[H"  # clear the screen, cursor home
    "\x9b31m"  # 8-bit CSI
    "\x07\x08\x7f"  # bell, backspace, delete
    "\u202egnp.exe"  # right-to-left override
    "\r"  # overwrite the line
)
MARKUP = "[bold red]not markup[/] [@click=app.quit]click[/]"


def dangerous(text: str, *, csv: bool = False) -> list[str]:
    if csv:
        text = text.replace("\r\n", "\n")  # the CSV writer's own line ends
    return sorted(set(DANGEROUS.findall(text)))


def _hostile_jsonl() -> str:
    record = {
        "title": f"Hostile {HOSTILE} headline {MARKUP}",
        "text": (
            f'The mayor said "the {HOSTILE} bridge will open {MARKUP}" on Monday, '
            f"Mayor Ana Ruiz said.\n\nMayor Ana Ruiz added that {HOSTILE} costs were fine."
        ),
        "author": f"Jo {HOSTILE} Doe",
        "source": f"The {HOSTILE} Post",
        "url": f"https://example.com/{HOSTILE}",
        "date": "2024-03-05",
    }
    return json.dumps(record) + "\n"


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory, quoth) -> tuple[Path, Path, str]:
    """A corpus holding one hostile article, ingested from a hostile file name, next to
    an empty file whose name is hostile too (so the error line carries it)."""
    folder = tmp_path_factory.mktemp("terminal")
    good = folder / f"wire{ESC}[31m{ESC}]0;x\x07.jsonl"
    good.write_text(_hostile_jsonl(), encoding="utf-8")
    (folder / f"empty{ESC}[2J\x07\nsecond-line.txt").write_bytes(b"")
    db = folder.parent / f"{folder.name}.db"
    result = quoth("ingest", str(folder), db=db)
    assert result.returncode == 1, result.stderr  # the empty file failed
    return db, good, result.stderr + result.stdout


def test_ingest_lines_with_hostile_file_names(hostile_corpus, quoth) -> None:
    db, good, printed = hostile_corpus
    assert not dangerous(printed), printed
    error_lines = [line for line in printed.splitlines() if "empty" in line]
    assert len(error_lines) == 1 and "second-line.txt" in error_lines[0]  # one line
    assert "^[" in error_lines[0]  # made visible, not dropped silently
    as_json = quoth("ingest", "--json", str(good.parent), db=db)
    assert not dangerous(as_json.stdout + as_json.stderr)
    (summary,) = quoth.json_lines(as_json.stdout)
    assert any("\x1b" in line for line in summary["failures"])  # JSON keeps the data exact


CLI_OUTPUTS = [
    ("search", "hostile"),
    ("search", "hostile", "--json"),
    ("show", "1"),
    ("show", "1", "--json"),
    ("quotes",),
    ("quotes", "--json"),
    ("speakers",),
    ("speakers", "--json"),
    ("stats",),
    ("export",),
    ("export", "--quotes"),
    ("export", "--format", "csv"),
    ("export", "--format", "csv", "--quotes"),
]


@pytest.fixture(scope="module")
def outputs(hostile_corpus, quoth) -> dict[tuple[str, ...], subprocess.CompletedProcess]:
    db, _, _ = hostile_corpus
    return dict(zip(CLI_OUTPUTS, quoth.many(CLI_OUTPUTS, db=db), strict=True))


@pytest.mark.parametrize("args", CLI_OUTPUTS, ids=" ".join)
def test_every_output_is_free_of_control_sequences(outputs, quoth, args) -> None:
    result = outputs[args]
    quoth.no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "nothing printed: the test would prove nothing"
    assert not dangerous(result.stdout, csv="csv" in args), result.stdout[:2000]
    assert not dangerous(result.stderr)


def test_json_output_keeps_the_exact_text(hostile_corpus, quoth) -> None:
    """Escaped, not stripped: a script reading --json gets the stored text back."""
    db, _, _ = hostile_corpus
    (article,) = quoth.json_lines(quoth("show", "1", "--json", db=db).stdout)
    assert HOSTILE.replace("\r", "\n").strip() in article["title"] or ESC in article["title"]
    for quote in article["quotes"]:
        assert article["body"][quote["start"] : quote["end"]] == quote["text"]


def test_markup_is_printed_as_text(hostile_corpus, quoth) -> None:
    db, _, _ = hostile_corpus
    shown = quoth("show", "1", db=db).stdout
    assert "[bold red]not markup[/]" in shown and "[@click=app.quit]click[/]" in shown


def test_extract_with_hostile_name_and_content(hostile_corpus, quoth, tmp_path: Path) -> None:
    _, good, _ = hostile_corpus
    missing = tmp_path / f"gone{ESC}]52;c;eA==\x07.txt"
    result = quoth("extract", str(good), str(missing), "--json", db=tmp_path / "unused.db")
    quoth.no_traceback(result)
    assert result.returncode == 1  # the missing file
    assert not dangerous(result.stdout + result.stderr)
    (obj,) = quoth.json_lines(result.stdout)
    assert ESC in obj["path"] and ESC in obj["title"]  # exact in JSON, escaped on screen
    assert len(result.stderr.strip().splitlines()) == 1 and "gone" in result.stderr


@settings(max_examples=200, deadline=None, database=None)
@given(st.text())
def test_printable_never_lets_a_control_through(text: str) -> None:
    assert not dangerous(printable(text))
    line = printable_line(text)
    assert "\n" not in line and not dangerous(line)
    dumped = json_line({"t": text})
    assert not dangerous(dumped) and "\n" not in dumped
    assert json.loads(dumped) == {"t": text}  # nothing lost in JSON
