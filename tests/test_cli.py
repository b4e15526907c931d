"""The CLI contract, end to end through a subprocess, as scripts use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = """Harbour bridge vote delayed again

By Jane Okafor

Published: 2024-03-05

PORT ELLIN: The city council on Tuesday postponed its vote on the harbour bridge.

"We are not going to rush a decision of this size," said Mayor Tomas Ruiz, the council's chairman.

Opposition councillor Mira Hale said the delay would cost the city millions.
"""

JSONL = "\n".join(
    [
        json.dumps(
            {
                "title": "Wind farm approved",
                "text": 'The minister said "it is a good day" for the coast.',
                "date": "2024-01-02",
                "source": "Coast Daily",
            }
        ),
        "{this line is broken",
        json.dumps(
            {
                "headline": "Rail strike ends",
                "body": "Unions said the strike was over.",
                "published": "2024-02-03",
            }
        ),
    ]
)


def quoth(*args: str, db: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUOTH_DB": str(db), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "quoth", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "nested").mkdir(parents=True)
    (folder / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "nested" / "wire.jsonl").write_text(JSONL, encoding="utf-8")
    return folder


def test_version_and_help_on_every_command(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert quoth("--version", db=db).stdout.startswith("quoth ")
    for command in ("ingest", "search", "show", "quotes", "speakers", "stats", "extract", "export"):
        result = quoth(command, "--help", db=db)
        assert result.returncode == 0, command
        assert "usage: quoth" in result.stdout


def test_usage_error_exits_2(tmp_path: Path) -> None:
    assert quoth("ingest", db=tmp_path / "c.db").returncode == 2
    assert quoth("no-such-command", db=tmp_path / "c.db").returncode == 2


def test_ingest_reports_bad_lines_keeps_good_ones_and_dedupes(tmp_path: Path, inputs: Path) -> None:
    db = tmp_path / "c.db"
    first = quoth("ingest", str(inputs), db=db)
    assert first.returncode == 1  # one JSONL line is broken
    assert "wire.jsonl:2:" in first.stderr
    assert first.stdout.strip().startswith("3 new, 0 already in the corpus")

    again = quoth("ingest", str(inputs / "bridge.txt"), db=db)
    assert again.returncode == 0
    assert again.stdout.startswith("0 new, 1 already in the corpus")

    stats = json_lines(quoth("stats", "--json", db=db).stdout)
    assert stats[0]["articles"] == 3


def test_missing_paths_fail_with_one_line_and_the_rest_goes_on(
    tmp_path: Path, inputs: Path
) -> None:
    db = tmp_path / "c.db"
    result = quoth("ingest", str(tmp_path / "nope.txt"), str(inputs / "bridge.txt"), db=db)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "nope.txt" in result.stderr
    assert result.stdout.startswith("1 new")


def test_stdin_and_globs(tmp_path: Path, inputs: Path) -> None:
    db = tmp_path / "c.db"
    assert quoth("ingest", "-", db=db, stdin=ARTICLE).returncode == 0
    result = quoth("ingest", str(inputs / "**" / "*.txt"), db=db)
    assert result.stdout.startswith("0 new, 1 already")


def test_search_show_quotes_speakers_json_contract(tmp_path: Path, inputs: Path) -> None:
    db = tmp_path / "c.db"
    quoth("ingest", str(inputs), db=db)
    hits = json_lines(quoth("search", "harbour", "--json", db=db).stdout)
    assert hits and set(hits[0]) == {"id", "title", "date", "source", "score"}
    assert hits[0]["title"] == "Harbour bridge vote delayed again"

    shown = json_lines(quoth("show", str(hits[0]["id"]), "--json", db=db).stdout)[0]
    for name in (
        "id",
        "content_hash",
        "origin",
        "format",
        "title",
        "date",
        "dateline",
        "byline",
        "source",
        "caption",
        "credit",
        "url",
        "body",
        "paragraphs",
        "ingested_at",
        "quotes",
        "speakers",
    ):
        assert name in shown, name
    assert shown["date"] == "2024-03-05"
    for quote in shown["quotes"]:
        assert shown["body"][quote["start"] : quote["end"]] == quote["text"]

    for quote in json_lines(quoth("quotes", "--json", db=db).stdout):
        assert {"text", "start", "end", "kind", "speaker", "mention", "cue"} <= set(quote)
    for speaker in json_lines(quoth("speakers", "--json", db=db).stdout):
        assert {"name", "kind", "titles", "aliases", "quotes"} <= set(speaker)


def test_show_unknown_id_fails_cleanly(tmp_path: Path) -> None:
    result = quoth("show", "999", db=tmp_path / "c.db")
    assert result.returncode == 1 and "no article with id 999" in result.stderr


def test_extract_prints_one_object_per_article_without_storing(
    tmp_path: Path, inputs: Path
) -> None:
    db = tmp_path / "c.db"
    result = quoth("extract", str(inputs / "bridge.txt"), "--json", db=db)
    (obj,) = json_lines(result.stdout)
    assert obj["title"] == "Harbour bridge vote delayed again"
    assert obj["byline"] and "Okafor" in obj["byline"]
    assert {"path", "body", "quotes", "speakers", "caption", "credit", "url"} <= set(obj)
    assert not db.exists() or json_lines(quoth("stats", "--json", db=db).stdout)[0]["articles"] == 0


def test_export_csv_and_jsonl(tmp_path: Path, inputs: Path) -> None:
    db = tmp_path / "c.db"
    quoth("ingest", str(inputs), db=db)
    rows = json_lines(quoth("export", "--format", "jsonl", db=db).stdout)
    assert len(rows) == 3
    csv_text = quoth("export", "--format", "csv", "--quotes", db=db).stdout
    assert csv_text.splitlines()[0].startswith("article_id,article_title")


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    evil = 'Evil \x1b]0;pwned\x07 title\n\nHe said "\x1b[2Jgone" today. [bold]not markup[/bold]\n'
    (tmp_path / "evil.txt").write_text(evil, encoding="utf-8")
    quoth("ingest", str(tmp_path / "evil.txt"), db=db)
    for args in (("search", "evil"), ("show", "1"), ("show", "1", "--json"), ("quotes",)):
        out = quoth(*args, db=db).stdout
        assert "\x1b" not in out and "\x07" not in out, args
    assert "[bold]not markup[/bold]" in quoth("show", "1", db=db).stdout


def test_corrupt_db_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "garbage.db"
    db.write_bytes(b"\x00garbage" * 1000)
    result = quoth("stats", db=db)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "not an SQLite database" in result.stderr


def test_demo_list_does_not_touch_the_users_corpus(tmp_path: Path) -> None:
    db = tmp_path / "mine.db"
    env_cache = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "quoth", "demo", "--list"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QUOTH_DB": str(db), **env_cache},
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) >= 25
    assert not db.exists()


def test_config_prints_path_and_effective_settings(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('theme = "textual-light"\n[layout]\nlist_width = "wide"\n', encoding="utf-8")
    env = {**os.environ, "QUOTH_CONFIG": str(config), "QUOTH_DB": str(tmp_path / "c.db")}
    result = subprocess.run(
        [sys.executable, "-m", "quoth", "config"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0
    assert str(config) in result.stdout and 'theme = "textual-light"' in result.stdout
    assert "line 3" in result.stderr and "list_width" in result.stderr


def test_an_excluded_word_is_not_taken_for_an_option(tmp_path: Path, inputs: Path) -> None:
    db = tmp_path / "c.db"
    quoth("ingest", str(inputs), db=db)
    everything = json_lines(quoth("search", "council", "--json", db=db).stdout)
    without = quoth("search", "-harbour", "council", "--json", db=db)
    assert without.returncode == 0, without.stderr
    titles = [hit["title"] for hit in json_lines(without.stdout)]
    assert "Harbour bridge vote delayed again" in [h["title"] for h in everything]
    assert "Harbour bridge vote delayed again" not in titles
    assert quoth("search", "--bogus", db=db).returncode == 2


def test_quotes_by_speaker_agree_with_the_speaker_field(tmp_path: Path, inputs: Path) -> None:
    db = tmp_path / "c.db"
    quoth("ingest", str(inputs), db=db)
    by_speaker = json_lines(quoth("quotes", "--speaker", "ruis", "--json", db=db).stdout)
    assert by_speaker and {q["speaker"] for q in by_speaker} == {"Tomas Ruiz"}
    articles = {q["article_id"] for q in by_speaker}
    hits = json_lines(quoth("search", "speaker:ruis", "--json", db=db).stdout)
    assert {hit["id"] for hit in hits} == articles
    assert quoth("quotes", "--speaker", "nobody-like-this", db=db).returncode == 1
