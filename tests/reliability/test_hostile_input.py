"""Bad input through `quoth ingest`: each file ends in one clear line naming it and the
reason, or is read correctly; never a traceback or a hang; the rest of the run goes on;
exit code 1 when anything failed."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
import re
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from quoth.corpus.readers import is_supported_name

# Text that only decodes right under the right encoding (curly quotes, accents, guillemets).
CURLY = "The mayor said \u201cit\u2019s a fine caf\u00e9\u201d, Mayor Ana Ruiz said"
LATIN = "The na\u00efve mayor said \u00abol\u00e9\u00bb to the se\u00f1ores"


def _article(sentence: str, day: str, heading: str = "") -> str:
    """A small article; `day` keeps bodies distinct (a duplicate is counted, not stored)."""
    return f"{heading}Headline for {day}\n\n{sentence} on {day}.\n"


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    fails: str | None = None  # a regex for the one-line reason, or None: read correctly
    body_has: str | None = None  # read correctly: text the stored body must contain


def _gzip_truncated() -> bytes:
    packed = gzip.compress(_article(CURLY, "Sunday").encode() * 400)
    return packed[: len(packed) // 2]


def _gzip_bomb(prefix: bytes, suffix: bytes = b"") -> bytes:
    """About 40 MB of text in well under 1 MB: more than one article or one record may be."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
    chunk = b"the council said nothing at all. " * 30_000
    parts = [packer.compress(prefix)] + [packer.compress(chunk) for _ in range(40)]
    return b"".join([*parts, packer.compress(suffix), packer.flush()])


def _broken_jsonl() -> bytes:
    good = [
        {"title": "Wind farm approved", "text": "The minister said the wind farm would open."},
        {"headline": "Rail strike ends", "body": "Unions said the strike was over at last."},
    ]
    lines = [json.dumps(good[0]), "{this line is broken", json.dumps(good[1]), "[1, 2, 3]", "42"]
    return "\n".join(lines).encode()


CASES = [
    Case("random-bytes.txt", random.Random(7).randbytes(6000), fails="binary"),
    Case("picture.md", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, fails="PNG"),
    Case("program.json", b"\x7fELF\x02\x01\x01" + bytes(3000), fails="binary|executable"),
    Case("empty.txt", b"", fails="empty"),
    Case("whitespace.md", b"  \n\n\t \r\n   ", fails="empty"),
    Case("only-nuls.txt", bytes(4000), fails="binary|NUL"),
    Case("cp1252.txt", _article(CURLY, "Monday").encode("cp1252"), body_has=CURLY),
    Case("latin1.txt", _article(LATIN, "Tuesday").encode("latin-1"), body_has=LATIN),
    Case("utf16-bom.txt", _article(CURLY, "Wednesday").encode("utf-16"), body_has=CURLY),
    Case("utf16le-nobom.txt", _article(LATIN, "Thursday").encode("utf-16-le"), body_has=LATIN),
    Case(
        "utf8-bom.md", codecs.BOM_UTF8 + _article(CURLY, "Friday", "# ").encode(), body_has=CURLY
    ),  # fmt: skip
    Case(
        "nul-bytes.txt",
        b"Headline\n\nThe mayor\x00 said it was\x00 fine.\n",
        body_has="The mayor said it was fine.",
    ),  # fmt: skip
    Case("truncated.txt.gz", _gzip_truncated(), fails="truncated|corrupt"),
    Case("bomb.txt.gz", _gzip_bomb(b"Bomb\n\n"), fails="too large"),
    Case(
        "bomb.jsonl.gz",
        _gzip_bomb(
            b'{"title": "x", "text": "',
            b'"}\n{"title": "Kept", "text": "The line after the bomb is kept."}\n',
        ),
        fails="line 1|:1:|too long",
    ),  # fmt: skip
    Case("number.json", b"42", fails="not an article|no article"),
    Case("numbers.json", b"[1, 2, 3]", fails="not an article|no article|none an article"),
    Case("string.json", b'"just a string"', fails="not an article|no article"),
    Case(
        "unclosed.html",
        b"<html><head><title>Unclosed tags</title></head><body><div><p>The mayor said the"
        b" bridge would open. <p><b>Nothing <i>ever <div>closes " + b"here and there " * 50,
        body_has="The mayor said the bridge would open.",
    ),  # fmt: skip
    Case(
        "one-long-line.txt",
        ("The council met again and said nothing new. " * 46_000)[:2_000_000].encode(),
        body_has="The council met again",
    ),  # fmt: skip
    Case("deep.json", b"[" * 100_000 + b"]" * 100_000, fails="."),
    Case(
        "cr-only.txt",
        b"Old Mac file\r\rThe clerk said the old files were fine.\r",
        body_has="the old files were fine",
    ),  # fmt: skip
]
BROKEN_JSONL = "broken.jsonl"
DANGLING = "dangling.txt"


Battery = tuple[Path, subprocess.CompletedProcess]


@pytest.fixture(scope="module")
def battery(tmp_path_factory: pytest.TempPathFactory, quoth) -> Battery:
    """One `quoth ingest` over every hostile case plus one good article, run once."""
    folder = tmp_path_factory.mktemp("hostile")
    for case in CASES:
        (folder / case.name).write_bytes(case.data)
    (folder / BROKEN_JSONL).write_bytes(_broken_jsonl())
    (folder / "good.txt").write_text(quoth.good_article, encoding="utf-8")
    os.symlink(folder / "no-such-target.txt", folder / DANGLING)
    db = folder.parent / f"{folder.name}.db"
    result = quoth("ingest", str(folder), db=db, timeout=300)
    return db, result


def _lines_about(result: subprocess.CompletedProcess, name: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if f"/{name}" in line]


def _stored(quoth, db: Path) -> dict[str, list[dict]]:
    """origin file name -> stored articles."""
    by_name: dict[str, list[dict]] = {}
    for row in quoth.json_lines(quoth("export", "--format", "jsonl", db=db).stdout):
        file_name = Path(row["origin"]).name.split("#")[0]  # "dump.jsonl#3": record 3
        by_name.setdefault(file_name, []).append(row)
    return by_name


def test_the_run_goes_on_and_exits_1(battery: Battery, quoth) -> None:
    db, result = battery
    quoth.no_traceback(result)
    assert result.returncode == 1
    assert "good.txt" in _stored(quoth, db)
    summary = result.stdout.strip()
    assert summary.count("\n") == 0 and "failed" in summary


def test_every_error_line_names_a_file_and_a_reason(battery: Battery) -> None:
    _, result = battery
    names = [c.name for c in CASES] + [BROKEN_JSONL, DANGLING]
    lines = result.stderr.splitlines()
    assert lines
    for line in lines:
        assert any(f"/{name}" in line for name in names), line
        where, _, reason = line.partition(": ")
        assert where and reason.strip(), line


@pytest.mark.parametrize("case", [c for c in CASES if c.fails], ids=lambda c: c.name)
def test_bad_file_is_one_clear_line(battery: Battery, case: Case) -> None:
    _, result = battery
    lines = _lines_about(result, case.name)
    assert len(lines) == 1, (case.name, result.stderr)
    assert re.search(case.fails or "", lines[0], re.IGNORECASE), lines[0]
    assert "unexpected error" not in lines[0]  # that wording means a reader bug


@pytest.mark.parametrize("case", [c for c in CASES if not c.fails], ids=lambda c: c.name)
def test_odd_but_valid_file_is_read_correctly(battery: Battery, case: Case, quoth) -> None:
    db, result = battery
    assert not _lines_about(result, case.name), result.stderr
    if not is_supported_name(case.name):
        pytest.skip(f"no reader claims {case.name} yet")
    articles = _stored(quoth, db).get(case.name)
    assert articles, f"{case.name} was not stored"
    assert case.body_has in articles[0]["body"]
    assert "\x00" not in articles[0]["body"] and "\ufffd" not in articles[0]["body"]


def test_broken_jsonl_keeps_good_lines_and_reports_each_bad_one(battery: Battery, quoth) -> None:
    db, result = battery
    lines = _lines_about(result, BROKEN_JSONL)
    assert sorted(re.search(r":(\d+):", line).group(1) for line in lines) == ["2", "4", "5"]
    titles = sorted(row["title"] for row in _stored(quoth, db)[BROKEN_JSONL])
    assert titles == ["Rail strike ends", "Wind farm approved"]


def test_unclosed_head_and_inline_tags_keep_their_text(tmp_path: Path, quoth) -> None:
    page = (
        b"<html><head><title>Never closed</title><body><p>The mayor said the bridge would"
        b" open. <p><b>Nothing <i>ever <div>closes here."
    )
    (tmp_path / "page.html").write_bytes(page)
    db = tmp_path / "c.db"
    result = quoth("ingest", str(tmp_path / "page.html"), db=db)
    quoth.no_traceback(result)
    (row,) = quoth.json_lines(quoth("export", db=db).stdout)
    assert "The mayor said the bridge would open." in row["body"]
    assert "Nothing ever" in row["body"]


def test_a_lone_surrogate_escape_costs_one_record_at_most(tmp_path: Path, quoth) -> None:
    lines = [
        json.dumps({"title": "Good one", "text": "The council said the first was fine."}),
        '{"title": "Cut emoji", "text": "A tweet cut in half \\ud83d and stored."}',
        json.dumps({"title": "Good two", "text": "The council said the second was fine."}),
    ]
    (tmp_path / "tweets.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    result = quoth("ingest", str(tmp_path / "tweets.jsonl"), db=db)
    quoth.no_traceback(result)
    assert "unexpected error" not in result.stderr
    titles = {row["title"] for row in quoth.json_lines(quoth("export", db=db).stdout)}
    assert {"Good one", "Good two"} <= titles


@pytest.mark.parametrize(
    ("data", "reason"),
    [(random.Random(3).randbytes(3000), "binary"), (b"", "empty"),
     (b'{"title": "From a pipe", "text": "Piped text said hello."}\n{bad\n', "<stdin>:2:")],
)  # fmt: skip
def test_hostile_stdin(tmp_path: Path, quoth, data: bytes, reason: str) -> None:
    result = quoth("ingest", "-", db=tmp_path / "c.db", stdin=data)
    quoth.no_traceback(result)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("<stdin>") and reason in line


def test_a_decompression_bomb_line_is_skipped_and_the_next_kept(battery: Battery, quoth) -> None:
    db, _ = battery
    titles = [row["title"] for row in _stored(quoth, db).get("bomb.jsonl.gz", [])]
    assert titles == ["Kept"]


def test_dangling_symlink(battery: Battery) -> None:
    _, result = battery
    (line,) = _lines_about(result, DANGLING)
    assert "dangling symlink" in line


def test_named_pipe_in_a_folder_is_skipped_not_waited_on(tmp_path: Path, quoth) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # opening it would block until someone writes
    (folder / "good.txt").write_text(quoth.good_article, encoding="utf-8")
    for target in (str(folder), str(folder / "*.txt")):
        result = quoth("ingest", target, db=tmp_path / "c.db", timeout=60)
        quoth.no_traceback(result)
        assert result.returncode == 1
        (line,) = result.stderr.splitlines()
        assert "pipe.txt" in line and "not a regular file" in line


def test_unreadable_file_is_one_line(tmp_path: Path, quoth) -> None:
    """Root reads anything, so the refusal is simulated: open() raises PermissionError for
    that one file, exactly as it would for another user's 0600 file."""
    secret = tmp_path / "secret.txt"
    secret.write_text(quoth.good_article, encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text("# Other\n\nThe council said the plan was sound.\n", encoding="utf-8")
    if os.geteuid() != 0:
        secret.chmod(0)
        command = [sys.executable, "-m", "quoth"]
    else:
        command = [sys.executable, "-c", _DENY_OPEN, str(secret)]
    result = subprocess.run(
        [*command, "ingest", str(secret), str(good)],
        capture_output=True, text=True, env=quoth.env(tmp_path / "c.db"), timeout=120,
    )  # fmt: skip
    secret.chmod(0o600)
    quoth.no_traceback(result)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert "secret.txt" in line and "permission denied" in line.lower()
    assert result.stdout.startswith("1 new")


_DENY_OPEN = """
import builtins, errno, os, sys
denied = sys.argv.pop(1)
real_open = builtins.open
def guarded_open(file, *args, **kwargs):
    if isinstance(file, (str, os.PathLike)) and os.path.abspath(file) == denied:
        raise PermissionError(errno.EACCES, "Permission denied", str(file))
    return real_open(file, *args, **kwargs)
builtins.open = guarded_open
from quoth.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_quarter_million_quote_marks_complete(tmp_path: Path, quoth) -> None:
    """Extraction must stay linear: a generous timeout (a linear pass takes seconds) that a
    quadratic pass over 250,000 marks blows through."""
    sentence = '"Yes," he said. '
    body = sentence * (250_000 // sentence.count('"'))
    path = tmp_path / "quotes.txt"
    path.write_text("Many quotes\n\n" + body + "\n", encoding="utf-8")
    result = quoth("ingest", str(path), db=tmp_path / "c.db", timeout=60)
    quoth.no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 new")


BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<rss version="2.0"><channel><title>Bomb &g;</title>
<item><title>Item &g;</title><description>The mayor said the bridge would open. &g;</description>
</item></channel></rss>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file://{target}">]>
<rss version="2.0"><channel><title>Feed</title>
<item><title>Item</title><description>The mayor said &secret; the bridge would open.</description>
</item></channel></rss>
"""


def _feed_reader_available() -> bool:
    return is_supported_name("feed.rss") or is_supported_name("feed.xml")


@pytest.mark.skipif(not _feed_reader_available(), reason="the feed reader is not there yet")
def test_xml_entity_bomb_and_external_entity(tmp_path: Path, quoth) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN\n", encoding="utf-8")
    (tmp_path / "bomb.xml").write_text(BOMB, encoding="utf-8")
    (tmp_path / "xxe.xml").write_text(XXE.format(target=secret), encoding="utf-8")
    db = tmp_path / "c.db"
    result = quoth("ingest", str(tmp_path / "bomb.xml"), str(tmp_path / "xxe.xml"), db=db,
                   timeout=120)  # fmt: skip
    quoth.no_traceback(result)
    for line in result.stderr.splitlines():  # refusing is fine, as one line
        assert "bomb.xml" in line or "xxe.xml" in line, line
    exported = quoth("export", "--format", "jsonl", db=db).stdout
    assert "TOP-SECRET-TOKEN" not in exported
    assert "a" * 10_000 not in exported  # no entity expanded into megabytes
    assert len(exported) < 100_000
