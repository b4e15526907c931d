"""An Article from a JSON-like record, its fields found by their common names.

Used by the JSON reader; any reader holding a dict of fields can use it too. Names are
matched case-insensitively, values may be strings, numbers (Unix timestamps for dates),
lists (several authors, body paragraphs) or small objects ({"name": ...},
{"rendered": ...} as WordPress writes them, {"$date": ...} as MongoDB exports them).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from html.parser import HTMLParser

from ..dates import date_from_timestamp, parse_date
from ..model import Article
from .articles import Metadata, build_article, clean_field
from .errors import RecordError
from .layout import parse_blocks, split_blocks

TEXT_KEYS = (
    "text", "body", "content", "articleBody", "article_body", "article", "full_text",
    "fulltext", "maintext", "main_text", "story", "body_text", "content_text", "content_html",
    "contentHtml", "html", "bodyText",
)  # fmt: skip
SUMMARY_KEYS = ("description", "summary", "abstract", "excerpt", "lead", "standfirst")
TITLE_KEYS = ("title", "headline", "heading", "title_text")
DATE_KEYS = (
    "date", "published", "publishedAt", "published_at", "datePublished", "pubDate",
    "pub_date", "publish_date", "publication_date", "date_published", "dateCreated",
    "created_at", "createdAt", "created", "timestamp", "time", "first_published",
)  # fmt: skip
UPDATED_KEYS = ("updated", "updatedAt", "updated_at", "dateModified", "modified", "lastmod")
BYLINE_KEYS = ("author", "byline", "authors", "by", "creator", "writer", "author_name")
URL_KEYS = ("url", "link", "canonical_url", "canonical", "permalink", "webUrl", "href")
SOURCE_KEYS = (
    "source", "publisher", "site_name", "siteName", "site", "publication", "outlet",
    "source_name", "newspaper", "agency",
)  # fmt: skip
LIST_KEYS = ("articles", "items", "data", "results", "entries", "docs", "posts", "records",
             "stories", "@graph", "response")  # fmt: skip
_NESTED_TEXT_KEYS = ("rendered", "text", "value", "html", "content", "#text", "$date", "name",
                     "href", "title", "@value")  # fmt: skip
_HTML_HINT = re.compile(
    r"<(?:p|br|div|span|a|em|strong|b|i|u|h[1-6]|ul|ol|li|blockquote|figure|figcaption|img"
    r"|section|article|table|tr|td)\b[^>]*>|</\w+>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);",
    re.I,
)


# News APIs cut bodies short and say so: "... the minister said… [+2345 chars]".
_TRUNCATION_MARK = re.compile(r"\s*…?\s*\[\+\d+ chars\]\s*$")


class NotAnArticle(Exception):
    """This record is not an article; str(exc) says why."""


def describe_json(value: object) -> str:
    """`a number`, `a list of 3 numbers`, `an object without a text field`..."""
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        kinds = {describe_json(item).split(" ", 1)[-1] for item in value}
        if not value:
            return "an empty list"
        if len(kinds) == 1:
            return f"a list of {len(value)} {_plural(kinds.pop())}"
        return f"a list of {len(value)} mixed values"
    return "an object"


def _plural(noun: str) -> str:
    return noun if noun.endswith("s") else noun + "s"


def article_from_record(record: object, origin: str, reader: str) -> list[Article | RecordError]:
    """The article in a record, or the articles of a wrapper ({"articles": [...]}).

    Raises NotAnArticle when the record is neither.
    """
    if not isinstance(record, Mapping):
        raise NotAnArticle(f"not an article: {describe_json(record)}")
    fields = {str(key).lower(): value for key, value in record.items()}
    body_value = _first(fields, TEXT_KEYS) or _first(fields, SUMMARY_KEYS)
    if body_value is None:
        wrapped = _wrapped_records(fields)
        if wrapped is not None:
            return _unwrap(wrapped, origin, reader)
        names = "text, body, content or articleBody"
        raise NotAnArticle(f"not an article: an object without a text field ({names})")
    article = _build(fields, body_value, origin, reader)
    if article is None:
        raise NotAnArticle("the article text is empty")
    return [article]


def _unwrap(items: list[object], origin: str, reader: str) -> list[Article | RecordError]:
    results: list[Article | RecordError] = []
    for index, item in enumerate(items, start=1):
        try:
            if isinstance(item, Mapping):
                item_fields = {str(key).lower(): value for key, value in item.items()}
                body = _first(item_fields, TEXT_KEYS) or _first(item_fields, SUMMARY_KEYS)
                item_origin = f"{origin}/{index}" if "#" in origin else f"{origin}#{index}"
                article = _build(item_fields, body, item_origin, reader) if body else None
                if article is None:
                    raise NotAnArticle("not an article: an object without a text field")
                results.append(article)
            else:
                raise NotAnArticle(f"not an article: {describe_json(item)}")
        except NotAnArticle as exc:
            results.append(RecordError(origin, f"item {index}: {exc}"))
    return results


def _wrapped_records(fields: dict[str, object]) -> list[object] | None:
    for key in LIST_KEYS:
        value = fields.get(key.lower())
        if isinstance(value, Mapping):  # {"response": {"results": [...]}}
            inner = {str(k).lower(): v for k, v in value.items()}
            value = next((inner[k] for k in LIST_KEYS if isinstance(inner.get(k), list)), None)
        if isinstance(value, list) and any(isinstance(item, Mapping) for item in value):
            return value
    return None


def _build(
    fields: dict[str, object], body_value: object, origin: str, reader: str
) -> Article | None:
    meta = Metadata(
        title=_plain(as_text(_first(fields, TITLE_KEYS))),
        date=as_date(_first(fields, DATE_KEYS)) or as_date(_first(fields, UPDATED_KEYS)),
        byline=as_names(_first(fields, BYLINE_KEYS)),
        source=as_text(_first(fields, SOURCE_KEYS)),
        url=as_text(_first(fields, URL_KEYS)),
        dateline=as_text(fields.get("dateline")),
        caption=as_text(fields.get("caption")),
        credit=as_text(fields.get("credit")),
    )
    body = _TRUNCATION_MARK.sub("", as_text(body_value, joiner="\n\n") or "")
    layout = parse_blocks(body_blocks(body), meta)
    return build_article(layout.paragraphs, layout.meta, origin, reader)


def body_blocks(text: str) -> list[list[str]]:
    """Blocks of a body field: HTML through the HTML-to-text code, plain text as it is."""
    if _HTML_HINT.search(text):
        return [[paragraph] for paragraph in html_paragraphs(text)]
    return split_blocks(text.replace("\r\n", "\n").replace("\r", "\n"))


def html_paragraphs(fragment: str) -> list[str]:
    try:
        from .htmltext import html_to_paragraphs
    except ImportError:  # the HTML helper module is optional for this reader
        return _SimpleHtmlText.paragraphs(fragment)
    return html_to_paragraphs(fragment)


class _SimpleHtmlText(HTMLParser):
    """Fallback HTML to paragraphs: block tags break paragraphs, scripts and styles vanish."""

    BLOCKS = frozenset(
        ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
         "article", "figure", "figcaption", "tr")
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = [""]
        self.skipping = 0

    @classmethod
    def paragraphs(cls, fragment: str) -> list[str]:
        parser = cls()
        parser.feed(fragment)
        parser.close()
        return [part.strip() for part in parser.parts if part.strip()]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts[-1] += data


def _first(fields: dict[str, object], keys: tuple[str, ...]) -> object | None:
    for key in keys:
        value = fields.get(key.lower())
        if value not in (None, "", [], {}):
            return value
    return None


def as_text(value: object, joiner: str = " ") -> str | None:
    """A field value as a string: strings as they are, {"name": ...}-style objects by their
    text, lists joined."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Mapping):
        inner = {str(key).lower(): item for key, item in value.items()}
        return as_text(_first(inner, _NESTED_TEXT_KEYS), joiner)
    if isinstance(value, list):
        parts = [text for text in (as_text(item, joiner) for item in value) if text]
        return joiner.join(parts) or None
    return None


def as_names(value: object) -> str | None:
    """Author(s): "A", {"name": "A"}, ["A", "B"], [{"name": "A"}, ...] -> "A and B"."""
    from .markdown import join_names

    if isinstance(value, list):
        names = [clean_field(as_text(item)) for item in value]
        return join_names([name for name in names if name]) or None
    return clean_field(as_text(value))


def as_date(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return date_from_timestamp(float(value))
    text = as_text(value)
    if text is None:
        return None
    if re.fullmatch(r"\s*\d{9,14}(?:\.\d+)?\s*", text):
        return date_from_timestamp(float(text))
    return parse_date(text)


def _plain(text: str | None) -> str | None:
    """Titles sometimes carry markup or entities: `Vote &amp; <em>delay</em>`."""
    if text is None:
        return None
    if "<" in text or "&" in text:
        text = html.unescape(re.sub(r"<[^>]{0,200}>", "", text))
    return clean_field(text)
