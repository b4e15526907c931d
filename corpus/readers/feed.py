"""Feeds: RSS 0.9x/1.0 (RDF)/2.0 and Atom through feedparser, JSON Feed with the json module.

One Article per item: title, link -> url, date, author -> byline, feed title -> source, and
the full content (content:encoded, Atom content, content_html) else the summary, turned
into paragraphs by the same HTML code as pages. An item without any text is reported as a
RecordError rather than stored as a headline with an empty story.

Safety: entity expansion and external entities stay off. Before feedparser sees a feed,
its DOCTYPE (where entities are declared) is cut out, so `&lol9;` or a SYSTEM entity
pointing at file:///etc/passwd is only an unknown name; feedparser also strips DOCTYPEs
and gives its SAX parser no external-entity access. Feeds are handed over as bytes in
memory, never as a string feedparser could take for a URL or a file name.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from typing import Any

from ..model import Article
from .articles import Metadata, build_article, clean_field
from .document import Document
from .errors import ReadError, RecordError
from .html import join_names, normalise_date, redecode
from .htmltext import html_to_paragraphs, is_furniture_line
from .json_values import loads
from .registry import Reader, get_reader, register

NAME = "feed"
JSON_FEED_MARK = "jsonfeed.org/version"

# --- sniffing -------------------------------------------------------------------------------

_PROLOG = re.compile(
    r"\s*(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE\s+(?P<doctype>[\w:]+)[^>\[]*(?:\[.*?\])?\s*>)",
    re.S | re.I,
)
_FEED_ROOT = re.compile(r"\s*<(?:rss|feed|rdf:RDF|RDF|channel)[\s>/]", re.I)


def looks_like_feed(head: str) -> bool:
    head = head.lstrip("\ufeff")
    if head.lstrip().startswith("{"):
        return JSON_FEED_MARK in head[:4096]
    position = 0
    for _ in range(50):  # declarations and comments before the root element
        match = _PROLOG.match(head, position)
        if not match:
            break
        if match.group("doctype"):
            return match.group("doctype").lower() in ("rss", "feed", "rdf:rdf")
        position = match.end()
    return bool(_FEED_ROOT.match(head, position))


# --- safety ---------------------------------------------------------------------------------

_DOCTYPE = re.compile(r"<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


_ENTITY_DECLARATION = re.compile(r"<!ENTITY\s+%?\s*([\w.:-]+)")


def defuse_xml(text: str) -> str:
    """The feed without its DOCTYPE, so no entity it declares can be expanded, and without
    references to those entities, so they do not show up in titles as '&lol9;'."""
    head, rest = text[:200_000], text[200_000:]  # a DOCTYPE lives at the start
    match = _DOCTYPE.search(head)
    if not match:
        return text
    declared = set(_ENTITY_DECLARATION.findall(match.group(0))) - {
        "amp",
        "lt",
        "gt",
        "quot",
        "apos",
    }
    text = head[: match.start()] + head[match.end() :] + rest
    if declared:
        names = "|".join(re.escape(name) for name in sorted(declared)[:1000])
        text = re.sub(rf"&(?:{names});", "", text)
    return text


# A character reference to a lone surrogate or beyond Unicode is no character at all;
# feedparser would turn it into a string that cannot be stored.
_CHARACTER_REFERENCE = re.compile(r"&#([xX][0-9a-fA-F]{1,12}|[0-9]{1,12});")


def _valid_references_only(text: str) -> str:
    def check(match: re.Match[str]) -> str:
        digits = match.group(1)
        code = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
        return "&#xFFFD;" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else match.group(0)

    return _CHARACTER_REFERENCE.sub(check, text) if "&#" in text else text


def _utf8_bytes(text: str) -> bytes:
    """The already-decoded feed as UTF-8, saying so in its XML declaration."""
    declaration = '<?xml version="1.0" encoding="utf-8"?>'
    body = _XML_DECLARATION.sub("", text, count=1)
    body = _valid_references_only(body)
    return (declaration + body).encode("utf-8", errors="replace")


_DECLARED_XML_ENCODING = re.compile(r"""^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)""", re.I)


def feed_text(doc: Document) -> str:
    """The feed's text, re-decoded with its declared encoding when the bytes were not UTF-8."""
    match = _DECLARED_XML_ENCODING.match(doc.head())
    return redecode(doc.text(), doc.encoding, match.group(1) if match else None)


# --- turning items into articles -------------------------------------------------------------


# What blog engines append to item text: "The post X appeared first on Y.", "[…]".
_FEED_FOOTER = re.compile(r"^the post .{1,300} appeared first on .{1,200}$", re.IGNORECASE)
_TRAILING_MORE = re.compile(
    r"\s*(?:\[(?:…|\.\.\.|&hellip;)\]|(?:continue|read) (?:reading|more)\W*(?:→|»)?)\s*$",
    re.IGNORECASE,
)


def _text_paragraphs(value: str, mime: str = "text/html") -> list[str]:
    if not value or not value.strip():
        return []
    if "html" in mime or "<" in value:
        paragraphs = html_to_paragraphs(value)
    else:
        paragraphs = [p for p in (clean_field(x) for x in re.split(r"\n\s*\n", value)) if p]
    kept = [
        _TRAILING_MORE.sub("", p)
        for p in paragraphs
        if not _FEED_FOOTER.match(p) and not is_furniture_line(p)
    ]
    return [p for p in kept if p]


def _one_line(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    if "<" in value or "&" in value:
        return clean_field(" ".join(html_to_paragraphs(value)))
    return clean_field(value)


_EMAIL_NAME = re.compile(r"^\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*\((?P<name>[^)]+)\)\s*$")
_NAME_EMAIL = re.compile(r"\s*\(?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?\s*")


def _author_name(raw: str | None) -> str | None:
    """RSS writes authors as 'jo@example.com (Jo Marsh)' or 'Jo Marsh (jo@example.com)'."""
    if not raw:
        return None
    match = _EMAIL_NAME.match(raw)
    if match:
        return clean_field(match["name"])
    return clean_field(_NAME_EMAIL.sub(" ", raw).strip(" ()"))


def _item_article(
    paragraphs: list[str], meta: Metadata, origin: str, index: int
) -> Article | RecordError:
    title = meta.title
    body_text = " ".join(paragraphs).strip()
    if not body_text or (title and body_text.casefold() == title.casefold()):
        label = f' "{title[:60]}"' if title else ""
        return RecordError(origin, f"feed item {index}{label} has no text (title only)")
    article = build_article(paragraphs, meta, origin, NAME)
    if article is None:
        return RecordError(origin, f"feed item {index} has no text")
    return article


def _best_content(entry: Any) -> tuple[str, str]:
    """(value, mime type) of the fullest text an entry carries."""
    best = ("", "text/html")
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if len(value) > len(best[0]):
            best = (value, content.get("type") or "text/html")
    if best[0].strip():
        return best
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", detail.get("type") or "text/html"


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created", "dc_date"):
        iso = normalise_date(entry.get(key))
        if iso:
            return iso
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
    return None


def _entry_byline(entry: Any) -> str | None:
    names = [_author_name(a.get("name")) for a in entry.get("authors") or [] if isinstance(a, dict)]
    # feedparser mangles RSS 'mail@host.example (Name)' into names like 'ple (Name': skip those
    names = [n for n in names if n and "(" not in n and "@" not in n]
    if names:
        return join_names(list(dict.fromkeys(names)))
    return _author_name(entry.get("author"))


def read_xml_feed(text: str, origin: str) -> Iterator[Article | RecordError]:
    import feedparser  # imported here: only feeds need it

    parsed = feedparser.parse(io.BytesIO(_utf8_bytes(defuse_xml(text))))
    version = parsed.get("version") or ""
    entries = parsed.get("entries") or []
    if not entries and not version:
        reason = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(reason).split())})" if reason else ""
        raise ReadError(f"not an RSS or Atom feed{detail}")
    source = _one_line(parsed.feed.get("title"))
    for index, entry in enumerate(entries, start=1):
        value, mime = _best_content(entry)
        meta = Metadata(
            title=_one_line(entry.get("title")),
            date=_entry_date(entry),
            byline=_entry_byline(entry),
            source=source,
            url=clean_field(entry.get("link")),
        )
        yield _item_article(_text_paragraphs(value, mime), meta, origin, index)


def read_json_feed(text: str, origin: str) -> Iterator[Article | RecordError]:
    try:
        data = loads(text)
    except (ValueError, RecursionError) as exc:
        raise ReadError(f"invalid JSON Feed: {' '.join(str(exc).split())}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise ReadError("not a JSON Feed: no list of items")
    source = _one_line(data.get("title"))
    feed_authors = _json_authors(data)
    for index, item in enumerate(data["items"], start=1):
        if not isinstance(item, dict):
            yield RecordError(origin, f"feed item {index} is not an object")
            continue
        if isinstance(item.get("content_html"), str) and item["content_html"].strip():
            paragraphs = _text_paragraphs(item["content_html"])
        elif isinstance(item.get("content_text"), str):
            paragraphs = _text_paragraphs(item["content_text"], "text/plain")
        else:
            paragraphs = _text_paragraphs(str(item.get("summary") or ""), "text/plain")
        meta = Metadata(
            title=_one_line(item.get("title")),
            date=normalise_date(item.get("date_published") or item.get("date_modified")),
            byline=_json_authors(item) or feed_authors,
            source=source,
            url=clean_field(item.get("url") or item.get("external_url")),
        )
        yield _item_article(paragraphs, meta, origin, index)


def _json_authors(obj: dict) -> str | None:
    authors = obj.get("authors")
    if not isinstance(authors, list):
        authors = [obj.get("author")] if obj.get("author") else []
    names = [clean_field(a.get("name")) for a in authors if isinstance(a, dict)]
    return join_names([n for n in names if n])


def read_feed(doc: Document) -> Iterator[Article | RecordError]:
    head = doc.head().lstrip("\ufeff").lstrip()
    if head.startswith("<"):
        yield from read_xml_feed(feed_text(doc), doc.origin)
    elif JSON_FEED_MARK in head[:4096]:
        yield from read_json_feed(doc.text(), doc.origin)
    elif doc.name.lower().endswith(".json"):
        # Plain JSON articles: ".json" is shared with the JSON reader, and which reader the
        # registry falls back to can depend on import order. Hand them over explicitly.
        yield from get_reader("json").read(doc)
    else:
        raise ReadError("not a feed (neither XML nor JSON Feed)")


def articles_from_feed_bytes(data: bytes, origin: str) -> Iterator[Article | RecordError]:
    """Items of a feed fetched over the network (see feeds.refresh)."""
    doc = Document(origin, origin, io.BytesIO(data))
    try:
        yield from read_feed(doc)
    finally:
        doc.close()


READER = register(
    Reader(
        NAME,
        (".rss", ".rdf", ".atom", ".xml", ".feed", ".json"),
        looks_like_feed,
        read_feed,
        priority=20,
    )
)
