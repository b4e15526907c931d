"""Markdown: optional front matter, `# Title`, and prose with its markup removed.

Decisions:
- title: front matter `title`, else the first level-1 heading (taken out of the body);
- other headings stay in the body as paragraphs of their own: they are text the author
  wrote, and dropping them would glue sections together;
- emphasis, links, images, inline code and list markers are removed lightly; quote marks
  are never touched; code blocks and link definitions are dropped;
- after that the header is read like plain text (bylines, datelines, dates).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dates import parse_date
from ..model import Article
from .articles import Metadata, build_article
from .document import Document
from .errors import ReadError, RecordError
from .frontmatter import FrontMatter, split_front_matter
from .layout import parse_blocks
from .registry import Reader, register

NAME = "markdown"

_FRONT_MATTER_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "published_at", "publishdate", "created"),
    "byline": ("author", "authors", "byline", "by"),
    "source": ("source", "publisher", "publication", "site", "site_name"),
    "url": ("url", "link", "canonical", "canonical_url", "permalink"),
    "dateline": ("dateline",),
    "caption": ("caption",),
    "credit": ("credit", "photo_credit"),
}
_UPDATED_KEYS = ("updated", "lastmod", "modified", "last_modified")

_ATX_HEADING = re.compile(r"^\s{0,3}(?P<marks>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(?P<char>=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_FENCE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_BLOCKQUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)

_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # <https://autolink>
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),  # _emphasis_, not snake_case
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote references [^1]
    (re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tags
    (re.compile(r"\\$"), ""),  # a backslash hard line break
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])"), r"\1"),  # backslash escapes
)


def read_markdown(doc: Document) -> Iterator[Article | RecordError]:
    front, text = split_front_matter(doc.text())
    meta = metadata_from_front_matter(front)
    blocks, heading_title = markdown_blocks(text)
    if meta.title is None:
        meta.title = heading_title
    layout = parse_blocks(blocks, meta)
    article = build_article(layout.paragraphs, layout.meta, doc.origin, NAME)
    if article is None:
        raise ReadError("no article text in this Markdown file")
    yield article


def metadata_from_front_matter(front: FrontMatter) -> Metadata:
    meta = Metadata()
    for name, keys in _FRONT_MATTER_FIELDS.items():
        value = next((front[key] for key in keys if key in front), None)
        if value is None:
            continue
        text = join_names(value) if isinstance(value, list) else value
        setattr(meta, name, parse_date(text) if name == "date" else text)
    if meta.date is None:
        updated = next((front[key] for key in _UPDATED_KEYS if key in front), None)
        if isinstance(updated, str):
            meta.date = parse_date(updated)
    return meta


def join_names(names: list[str]) -> str:
    """["A"] -> "A"; ["A", "B"] -> "A and B"; ["A", "B", "C"] -> "A, B and C"."""
    names = [name for name in names if name]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def markdown_blocks(text: str) -> tuple[list[list[str]], str | None]:
    """Prose blocks (lists of lines, markup removed) and the first level-1 heading, if any."""
    blocks: list[list[str]] = []
    current: list[str] = []
    title: str | None = None
    fence: str | None = None

    def close() -> None:
        nonlocal current
        if current:
            blocks.append(current)
            current = []

    for line in _HTML_COMMENT.sub("", text).split("\n"):
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        fence_match = _FENCE.match(line)
        if fence_match:
            close()
            fence = fence_match["fence"]
            continue
        heading = _heading(line, current)
        if heading is not None:
            level, heading_text = heading
            close()
            if level == 1 and title is None and not blocks:
                title = heading_text
            elif heading_text:
                blocks.append([heading_text])
            continue
        if not line.strip() or _RULE.match(line) or _LINK_DEFINITION.match(line):
            close()
            continue
        if _TABLE_SEPARATOR.match(line) and "|" in line:
            continue
        line = _BLOCKQUOTE.sub("", line)
        if _LIST_ITEM.match(line):
            close()
            line = _LIST_ITEM.sub("", line)
        line = strip_inline_markup(line.strip().strip("|").replace(" | ", " "))
        if line:
            current.append(line)
    close()
    return blocks, title


def _heading(line: str, current: list[str]) -> tuple[int, str] | None:
    """(level, text) for an ATX heading, or a setext underline below `current`."""
    atx = _ATX_HEADING.match(line)
    if atx:
        return len(atx["marks"]), strip_inline_markup(atx["text"])
    underline = _SETEXT_UNDERLINE.match(line)
    if underline and current and len(current) <= 2:  # the line(s) above were the heading
        text = " ".join(current)
        current.clear()
        return (1 if underline["char"].startswith("=") else 2), text
    return None


def strip_inline_markup(text: str) -> str:
    """Markdown inline markup removed; quote marks and other punctuation kept."""
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    return text.strip()


def looks_like_markdown(head: str) -> bool:
    start = head.lstrip("\ufeff \t\n")
    if start.startswith("---\n"):
        front, _ = split_front_matter(start)
        return bool(front)
    return bool(re.match(r"#{1,3} \S", start))


READER = register(
    Reader(NAME, (".md", ".markdown", ".mdown", ".mkd"), looks_like_markdown, read_markdown)
)
