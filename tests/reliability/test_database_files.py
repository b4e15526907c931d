"""The corpus file itself: whatever --db points at, every command gives one clear line
(or works), never a traceback, and a file that is not ours is never written."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from quoth.corpus.schema import MIGRATIONS, SCHEMA_VERSION, _statements, transaction
from quoth.corpus.store import Corpus


def _corpus_with_articles(path: Path, count: int = 200) -> None:
    from quoth.corpus.model import Article, Quote

    articles = []
    for number in range(count):
        body = f'Story {number}: the chair said "all is well {number}" today. ' + "Words. " * 80
        start = body.index('"') + 1
        end = body.index('"', start)
        articles.append(Article(body=body, title=f"Story {number}",
                                quotes=[Quote(body[start:end], start, end)]))  # fmt: skip
    with Corpus(path) as corpus:
        corpus.add_articles(articles)
    with contextlib.closing(sqlite3.connect(path)) as conn:  # fold the WAL in: one file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00garbage\xff" * 2000)


def _notes(path: Path) -> None:
    path.write_text("my notes, certainly not a database\n" * 300, encoding="utf-8")


def _foreign(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
        conn.commit()


def _newer(path: Path) -> None:
    _corpus_with_articles(path, 3)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.commit()


def _truncated(path: Path) -> None:
    _corpus_with_articles(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _bad_header(path: Path) -> None:
    _corpus_with_articles(path, 20)
    data = bytearray(path.read_bytes())
    data[16:18] = b"\x00\x07"  # page size 7: impossible
    path.write_bytes(bytes(data))


REFUSED = {
    "garbage": (_garbage, "not an SQLite database"),
    "notes": (_notes, "not an SQLite database"),
    "foreign": (_foreign, "not a quoth corpus"),
    "newer": (_newer, "newer than this quoth"),
    "truncated": (_truncated, "damaged|malformed|not an SQLite"),
    "bad-header": (_bad_header, "damaged|malformed|not an SQLite"),
}
COMMANDS = [
    ("stats",), ("search", "story"), ("show", "1"), ("quotes",), ("speakers",), ("export",),
    ("export", "--format", "csv"), ("ingest", "ARTICLE"),
]  # fmt: skip


# The refusal happens when the corpus opens, the same for every command: each command on
# the two commonest kinds, two commands (a read, a write) on the others.
EVERY_COMMAND = ("garbage", "foreign")
MATRIX = [(kind, COMMANDS) for kind in EVERY_COMMAND] + [
    (kind, [("stats",), ("ingest", "ARTICLE")])
    for kind in sorted(set(REFUSED) - set(EVERY_COMMAND))
]


@pytest.mark.parametrize(("kind", "command_list"), MATRIX, ids=[kind for kind, _ in MATRIX])
def test_a_file_that_is_not_our_corpus_is_refused_by_every_command(
    kind: str, command_list: list[tuple[str, ...]], tmp_path: Path, quoth
) -> None:
    make, reason = REFUSED[kind]
    db = tmp_path / f"{kind}.db"
    make(db)
    before = db.read_bytes()
    article = tmp_path / "article.txt"
    article.write_text(quoth.good_article, encoding="utf-8")
    # --db on the command line, pointing away from QUOTH_DB: the flag must win.
    commands = [
        (*(str(article) if arg == "ARTICLE" else arg for arg in command), "--db", str(db))
        for command in command_list
    ]
    for command, result in zip(commands, quoth.many(commands, db=tmp_path / "elsewhere.db"),
                               strict=True):  # fmt: skip
        quoth.no_traceback(result)
        assert result.returncode == 1, (command, result.stderr)
        (line,) = result.stderr.splitlines()
        assert str(db) in line, line
        assert any(word in line for word in reason.split("|")), line
        assert db.read_bytes() == before, f"{command} wrote to the {kind} file"
    assert not (tmp_path / "elsewhere.db").exists()


def test_a_newer_schema_message_says_to_upgrade(tmp_path: Path, quoth) -> None:
    db = tmp_path / "newer.db"
    _newer(db)
    result = quoth("stats", db=db)
    assert result.returncode == 1
    assert f"schema version {SCHEMA_VERSION + 1}" in result.stderr
    assert "upgrade quoth" in result.stderr


def test_a_damaged_page_inside_a_good_corpus_is_one_line(tmp_path: Path, quoth) -> None:
    """The header and schema are fine, so the file opens; the damage shows up mid-command."""
    db = tmp_path / "damaged.db"
    _corpus_with_articles(db, 400)
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    middle = len(data) // page // 2
    for number in range(middle, middle + 12):
        data[number * page + 8 : (number + 1) * page] = b"\xa5" * (page - 8)
    db.write_bytes(bytes(data))
    failed = []
    for command, result in zip(COMMANDS[:-1], quoth.many(COMMANDS[:-1], db=db), strict=True):
        quoth.no_traceback(result)
        if result.returncode:
            (line,) = result.stderr.splitlines()
            assert "damaged" in line and str(db) in line, line
            failed.append(command)
    assert ("export",) in failed  # reads every article, so it must meet the damage


def test_an_older_schema_migrates_forward_through_the_cli(tmp_path: Path, quoth) -> None:
    db = tmp_path / "v1.db"
    conn = sqlite3.connect(db, isolation_level=None)
    with contextlib.closing(conn), transaction(conn):
        for statement in _statements(MIGRATIONS[0]):
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 1")
        conn.execute("INSERT INTO articles (content_hash, title, body, ingested_at) "
                     "VALUES ('h1', 'Kept from v1', 'An old body', '2023-01-01')")  # fmt: skip
    backup = tmp_path / "v1-copy.db"
    shutil.copy(db, backup)
    stats = quoth("stats", "--json", db=db)
    assert stats.returncode == 0, stats.stderr
    assert quoth.json_lines(stats.stdout)[0]["articles"] == 1
    assert "Kept from v1" in quoth("show", "1", db=db).stdout
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_db_that_is_a_directory(tmp_path: Path, quoth) -> None:
    folder = tmp_path / "corpus-dir"
    folder.mkdir()
    result = quoth("stats", "--db", str(folder), db=tmp_path / "unused.db")
    quoth.no_traceback(result)
    assert result.returncode == 1 and "directory" in result.stderr
    assert list(folder.iterdir()) == []


# A full disk, simulated: the corpus may not grow past its current size plus a little.
_DISK_FULL = """
import sys
from quoth.corpus import store
real_prepare = store.Corpus._prepare
def prepare_then_cap(self):
    real_prepare(self)
    pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
    self.conn.execute(f"PRAGMA max_page_count = {pages + 8}")
store.Corpus._prepare = prepare_then_cap
from quoth.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_full_disk_is_one_line_and_leaves_the_corpus_sound(tmp_path: Path, quoth) -> None:
    db = tmp_path / "c.db"
    _corpus_with_articles(db, 5)
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(40):
        (folder / f"a{number:02d}.txt").write_text(
            f"Story {number}\n\n" + f"Words about the harbour number {number}. " * 400,
            encoding="utf-8",
        )
    command = [sys.executable, "-c", _DISK_FULL, "ingest", str(folder)]
    result = subprocess.run(command, capture_output=True, text=True, env=quoth.env(db),
                            timeout=120)  # fmt: skip
    quoth.no_traceback(result)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert str(db) in line and "full" in line, line
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 5 <= stored < 45  # what fitted is kept, whole files only


def test_export_output_problems_are_one_line_and_the_corpus_is_never_the_output(
    tmp_path: Path, quoth
) -> None:
    db = tmp_path / "c.db"
    _corpus_with_articles(db, 3)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    for target, reason in ((db, "corpus itself"), (folder, "directory"),
                           (tmp_path / "missing" / "out.csv", "No such file")):  # fmt: skip
        result = quoth("export", "-o", str(target), db=db)
        quoth.no_traceback(result)
        assert result.returncode == 1
        (line,) = result.stderr.splitlines()
        assert reason in line, line
    assert quoth.json_lines(quoth("stats", "--json", db=db).stdout)[0]["articles"] == 3
    written = quoth("export", "-o", str(tmp_path / "out.jsonl"), db=db)
    assert written.returncode == 0 and len((tmp_path / "out.jsonl").read_text().splitlines()) == 3
