"""Markdown: front matter, `# Title`, markup stripped, quotes kept."""

from __future__ import annotations

import io
from pathlib import Path

from quoth.corpus.model import Article
from quoth.corpus.readers import RecordError, read_path, read_stream
from quoth.corpus.readers.frontmatter import split_front_matter
from quoth.corpus.readers.markdown import markdown_blocks, strip_inline_markup


def read_all(path: Path) -> list[Article | RecordError]:
    return list(read_path(path))


def read_bytes(data: bytes, name: str = "<stdin>") -> list[Article | RecordError]:
    return list(read_stream(io.BytesIO(data), name))


def only_article(items: list[Article | RecordError]) -> Article:
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def test_front_matter_fields(fixtures: Path) -> None:
    article = only_article(read_all(fixtures / "front-matter.md"))
    assert article.format == "markdown"
    assert article.title == "Ferry service to resume: 'safe to sail', regulator says"
    assert article.date == "2024-04-12T08:15:00+00:00"
    assert article.byline == "Ana Souza and Ben Clarke"
    assert article.source == "Coastal Courier"
    assert article.url == "https://example.org/ferry"
    assert article.dateline == "SOUTHAMPTON"


def test_markdown_body_is_prose(fixtures: Path) -> None:
    article = only_article(read_all(fixtures / "front-matter.md"))
    assert article.paragraphs[0] == (
        "SOUTHAMPTON — Ferry services to the island will resume on Monday, the regulator said, "
        "after inspections found the vessel Aurora safe."
    )
    assert "What happens next" in article.paragraphs  # subheadings stay, as paragraphs
    assert '"We are satisfied the repairs meet the standard," a regulator spokesperson said.' in (
        article.paragraphs
    )
    assert "Sailings every two hours" in article.paragraphs
    assert "not prose" not in article.body  # code blocks dropped
    assert "Ferry service to resume" not in article.paragraphs  # the H1 is the title line


def test_heading_title_byline_and_emphasised_date(fixtures: Path) -> None:
    article = only_article(read_all(fixtures / "heading-title.md"))
    assert article.title == "Orchard growers count the cost of late frost"
    assert article.byline == "Hannah Weiss"
    assert article.date == "2023-05-03"
    assert article.dateline == "KENT"
    assert "I've never seen anything like it" in article.body


def test_markdown_is_sniffed_from_stdin() -> None:
    data = b"---\ntitle: Sniffed\n---\n\nThe council met on *Monday*.\n"
    article = only_article(read_bytes(data))
    assert article.format == "markdown"
    assert article.title == "Sniffed"
    assert article.body == "The council met on Monday."


def test_setext_heading_is_the_title() -> None:
    text = "Harbour reopens\n===============\n\nThe harbour reopened on Monday.\n"
    blocks, title = markdown_blocks(text)
    assert title == "Harbour reopens"
    assert blocks == [["The harbour reopened on Monday."]]


def test_inline_markup_stripped_but_quotes_and_snake_case_kept() -> None:
    assert strip_inline_markup('**Bold** and *it* said "yes" — [link](http://x) `code`') == (
        'Bold and it said "yes" — link code'
    )
    assert strip_inline_markup("the snake_case_name stays") == "the snake_case_name stays"
    assert strip_inline_markup("“It’s _fine_,” she said ![img](a.png)") == "“It’s fine,” she said"
    assert strip_inline_markup("2 * 3 * 4 = 24") == "2 * 3 * 4 = 24"
    assert strip_inline_markup("a <em>b</em> c<br/> if x < y[^1]") == "a b c if x < y"
    assert strip_inline_markup("line break\\") == "line break"


def test_front_matter_parsing() -> None:
    text = (
        "---\n"
        "title: 'It''s here'\n"
        'author: "Jane \\"JD\\" Doe"\n'
        "tags: [a, 'b, c']\n"
        "date: 2024-01-02 # a comment\n"
        "nested:\n  key: value\n"
        "---\nBody\n"
    )
    front, rest = split_front_matter(text)
    assert front["title"] == "It's here"
    assert front["author"] == 'Jane "JD" Doe'
    assert front["tags"] == ["a", "b, c"]
    assert front["date"] == "2024-01-02"
    assert "nested" not in front
    assert rest == "Body\n"


def test_unclosed_front_matter_is_text() -> None:
    front, rest = split_front_matter("---\ntitle: x\nno closing fence\n")
    assert front == {}
    assert rest.startswith("---")
