"""Sanity checks for the bundled demo corpus (corpus/demo, shipped as package data).

`quoth demo` ingests every file in that directory, so these tests guard the
things that would make the demo look broken: unreadable files, invalid JSON,
too few articles, or articles with no quotes for the side panel to show.
They check the files themselves, not the readers that parse them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DEMO_DIR = Path(__file__).resolve().parent.parent / "corpus" / "demo"
ARTICLE_EXTENSIONS = {".txt", ".md", ".json", ".jsonl"}
MIN_ARTICLES = 25
MIN_BODY_CHARS = 1_500
MAX_BODY_CHARS = 4_500
BODY_KEYS = ("text", "body", "content", "articleBody")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "publishedAt", "datePublished")

# A quotation is an opening mark, some words, and the matching closing mark.
QUOTE_PAIR = re.compile(r'"[^"\n]+"|“[^”\n]+”|«[^»\n]+»|„[^“\n]+“')
SLUG_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z]+$")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def demo_files() -> list[Path]:
    return sorted(path for path in DEMO_DIR.iterdir() if path.is_file())


def first_present(record: dict, keys: tuple[str, ...]) -> object:
    return next((record[key] for key in keys if record.get(key)), None)


def json_records(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    records = json.loads(text)
    assert isinstance(records, list), f"{path.name}: expected a JSON array of articles"
    return records


def article_bodies(path: Path) -> list[str]:
    """Return the body text of every article in one demo file."""
    if path.suffix in {".json", ".jsonl"}:
        return [str(first_present(record, BODY_KEYS)) for record in json_records(path)]
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = FRONT_MATTER.sub("", text, count=1)
    return [text]


FILES = demo_files()


def test_demo_directory_holds_enough_articles() -> None:
    article_count = sum(len(article_bodies(path)) for path in FILES)
    assert article_count >= MIN_ARTICLES


def test_demo_directory_mixes_at_least_three_formats() -> None:
    assert len({path.suffix for path in FILES}) >= 3


def test_demo_directory_holds_only_article_files() -> None:
    # Every file there is ingested by `quoth demo`, so a stray README would become an article.
    stray = [path.name for path in FILES if path.suffix not in ARTICLE_EXTENSIONS]
    assert stray == []


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_file_name_is_a_lowercase_slug(path: Path) -> None:
    assert SLUG_NAME.match(path.name)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_file_is_valid_utf8(path: Path) -> None:
    raw = path.read_bytes()
    raw.decode("utf-8")  # raises UnicodeDecodeError on invalid bytes
    assert b"\r" not in raw


@pytest.mark.parametrize(
    "path", [p for p in FILES if p.suffix in {".json", ".jsonl"}], ids=lambda path: path.name
)
def test_json_articles_parse_with_common_field_names(path: Path) -> None:
    records = json_records(path)
    assert records
    for record in records:
        assert isinstance(record, dict)
        assert first_present(record, TITLE_KEYS)
        assert first_present(record, BODY_KEYS)
        assert first_present(record, DATE_KEYS)


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix == ".md"], ids=lambda p: p.name)
def test_markdown_front_matter_names_title_and_date(path: Path) -> None:
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    assert match
    assert re.search(r"^title: \S", match.group(0), re.MULTILINE)
    assert re.search(r"^date: \d{4}-\d{2}-\d{2}$", match.group(0), re.MULTILINE)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_article_has_quotes_and_a_realistic_length(path: Path) -> None:
    for body in article_bodies(path):
        assert QUOTE_PAIR.search(body), f"{path.name}: an article without a quotation"
        assert MIN_BODY_CHARS <= len(body) <= MAX_BODY_CHARS, f"{path.name}: {len(body)} chars"


def test_corpus_contains_markup_lookalikes_to_prove_text_is_shown_verbatim() -> None:
    everything = "\n".join(body for path in FILES for body in article_bodies(path))
    assert "[bold]" in everything
    assert "[@click=app.quit]" in everything


def test_corpus_mixes_straight_and_curly_quotes() -> None:
    everything = "\n".join(body for path in FILES for body in article_bodies(path))
    assert '"' in everything
    assert "“" in everything and "”" in everything
