"""HTML article pages: the story's paragraphs (see htmltext) and its metadata.

Metadata comes from what publishers put in pages for search engines and social
networks, in order of trust:

- title: og:title, then the first <h1>, then <title> without the site suffix;
- date: article:published_time and similar meta tags, JSON-LD datePublished, <time datetime>;
- byline: meta author, article:author, JSON-LD author, rel=author links, a .byline element;
- source: og:site_name, JSON-LD publisher;
- url: <link rel=canonical>, og:url.

A section page (a site's /politics/ index: linked headlines with summaries and no story of
its own, see htmlsections) is not read as an article: the error names its feeds, if any.

Encoding: the document layer decodes (BOM, UTF-8, else cp1252). When the bytes were not
UTF-8 and the page declares another charset (<meta charset>, http-equiv Content-Type),
the cp1252 reading is undone byte for byte and the text decoded as declared.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from ..dates import parse_date
from ..model import Article
from .articles import Metadata, build_article, clean_field
from .document import Document
from .errors import ReadError, RecordError
from .htmlsections import listed_stories
from .htmltext import (
    Node,
    Page,
    clean_text,
    json_ld_objects,
    main_text,
    main_text_of,
    parse_html,
    readable_text_of,
)
from .layout import find_dateline
from .registry import Reader, register

NAME = "html"

# --- sniffing and encoding -------------------------------------------------------------------

_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_ANYWHERE = re.compile(r"<(?:html|head|body)[\s>]", re.I)


def looks_like_html(head: str) -> bool:
    head = head.lstrip("\ufeff")
    if _HTML_START.match(head[:4096]):
        return True
    return bool(_HTML_ANYWHERE.search(head[:1024])) and "<rss" not in head[:1024].lower()


_META_CHARSET = re.compile(
    r"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_SAME_AS_CP1252 = frozenset({"cp1252", "latin-1", "iso8859-1", "ascii", "utf-8"})


def declared_charset(head: str) -> str | None:
    """The charset a page declares in its first bytes, as a Python codec name."""
    match = _META_CHARSET.search(head[:8192])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1)).name
    except LookupError:
        return None


def _undo_cp1252(text: str) -> bytes:
    """The bytes the document layer read as cp1252 (its fallback keeps them reversible)."""
    return text.encode("cp1252", errors="quoth-undo-cp1252")


def _undo_error(error: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    if all(ord(ch) < 256 for ch in bad):  # bytes cp1252 leaves undefined, kept as Latin-1
        return bytes(ord(ch) for ch in bad), error.end
    raise error


codecs.register_error("quoth-undo-cp1252", _undo_error)


def redecode(text: str, document_encoding: str, declared: str | None) -> str:
    """`text` decoded as `declared` instead, when the document layer fell back to cp1252
    (the bytes were not UTF-8) and the input declares a charset of its own."""
    if document_encoding != "cp1252" or not declared:
        return text
    try:
        charset = codecs.lookup(declared).name
        if charset in _SAME_AS_CP1252:
            return text
        return _undo_cp1252(text).decode(charset, errors="replace")
    except (UnicodeError, LookupError):
        return text


def page_text(doc: Document) -> str:
    """The page's text, re-decoded with its declared charset when the bytes were not UTF-8."""
    return redecode(doc.text(), doc.encoding, declared_charset(doc.head()))


# --- metadata --------------------------------------------------------------------------------


def normalise_date(value: object) -> str | None:
    """An ISO 8601 date or datetime from whatever a page or feed wrote, else None."""
    text = clean_field(value)
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        return parse_date(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    return parsed.replace(microsecond=0).isoformat()


def _meta_values(page: Page) -> dict[str, str]:
    """meta property/name/itemprop -> content, lowercased keys, first occurrence wins."""
    values: dict[str, str] = {}
    for node in page.find_all("meta"):
        content = node.get("content").strip()
        if not content:
            continue
        for key in ("property", "name", "itemprop"):
            name = node.get(key).strip().lower()
            if name:
                values.setdefault(name, content)
    return values


def _first(values: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        if values.get(key):
            return values[key]
    return None


def _looks_like_url(text: str) -> bool:
    return bool(re.match(r"^(https?:)?//|^www\.", text.strip(), re.I))


_BY_PREFIX = re.compile(r"^\s*(by|written by|words by|von|par|por)\s*[:\s]\s*", re.I)


def clean_byline(text: str | None) -> str | None:
    text = clean_field(text)
    if not text or _looks_like_url(text):
        return None
    text = _BY_PREFIX.sub("", text)
    text = re.split(r"\s+(?:\||·|•)\s+|\s+[\w.+-]+@[\w-]+\.[\w.]+", text)[0].strip(" ,;")
    return text if 0 < len(text) <= 200 else None


def _person_names(value: object) -> list[str]:
    """JSON-LD author: a string, an object with a name, or a list of either."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:20]:
        if isinstance(item, str):
            name = item
        elif isinstance(item, dict):
            name = item.get("name") if isinstance(item.get("name"), str) else ""
        else:
            continue
        cleaned = clean_byline(name)
        if cleaned and cleaned not in names:
            names.append(cleaned)
    return names


def join_names(names: list[str]) -> str | None:
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


_ARTICLE_TYPES = re.compile(r"article|posting|report|blog", re.I)


def _json_ld_article(page: Page) -> dict:
    """The JSON-LD object describing the article (NewsArticle and kin), else {}."""
    objects = json_ld_objects(page)
    for obj in objects:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds):
            return obj
    return next((obj for obj in objects if "headline" in obj or "datePublished" in obj), {})


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»|/)\s+")


def strip_site_suffix(title: str, site: str | None, *, guess: bool = True) -> str:
    """'Story headline | Section | The Daily Post' -> 'Story headline'.

    With `guess`, short trailing parts go too (section and site names); without, only the
    part naming the site (for og:title, where a dash is more often part of the headline).
    """
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    site_key = (site or "").casefold()
    while len(parts) > 1:
        last = parts[-1].strip().casefold()
        is_site = bool(site_key) and (last == site_key or site_key in last or last in site_key)
        short = guess and len(parts[-1].split()) <= 4 and len(" ".join(parts[:-1]).split()) >= 3
        if not (is_site or short):
            break
        parts.pop()
    leading_site = bool(site_key) and parts[0].strip().casefold() == site_key
    nothing_removed = len(parts) == len(_TITLE_SEPARATORS.split(title))
    if (
        guess
        and nothing_removed
        and len(parts) == 2
        and (leading_site or (not site_key and len(parts[0].split()) <= 3 < len(parts[1].split())))
    ):
        parts.pop(0)  # "Valley Gazette - Story headline": the site leads
    return " - ".join(p.strip() for p in parts) if len(parts) > 1 else parts[0].strip()


def _first_text(page: Page, tag: str) -> str | None:
    node = page.find(tag)
    return clean_field(node.text()) if node is not None else None


def _class_has(node: Node, word: str) -> bool:
    return word in node.get("class").lower().replace("-", " ").replace("_", " ").split()


def _byline_from_markup(page: Page) -> str | None:
    for node in page.find_all("a"):
        if "author" in node.get("rel").lower().split():
            name = clean_byline(node.text())
            if name:
                return name
    for node in page.nodes:
        if _class_has(node, "byline") or node.get("itemprop").lower() == "author":
            name = clean_byline(node.text())
            if name and len(name.split()) <= 12:
                return name
    return None


def _time_datetime(page: Page) -> str | None:
    for node in page.find_all("time"):
        iso = normalise_date(node.get("datetime"))
        if iso:
            return iso
    return None


def _canonical_url(page: Page) -> str | None:
    for node in page.find_all("link"):
        if "canonical" in node.get("rel").lower().split() and node.get("href").strip():
            return node.get("href").strip()
    return None


# --- feed autodiscovery ------------------------------------------------------------------------

# The link types of feeds quoth reads. Plain application/json is left out: WordPress and
# others link their REST API with it, which is not a feed.
FEED_LINK_TYPES = {
    "application/rss+xml": "RSS",
    "application/atom+xml": "Atom",
    "application/feed+json": "JSON Feed",
}
# Feed links sit in <head>; a page's first megabyte holds it many times over.
_DISCOVERY_CHARS = 1_000_000


# WordPress's titles in a few languages: "Site » Comments Feed", "Kommentar-Feed",
# "Flux des commentaires", "Feed de los comentarios". ("Comment is free" is an opinion
# section, hence the plurals.)
_COMMENTS_FEED_TITLE = re.compile(
    r"\b(?:comments|kommentar-?feed|kommentare|commentaires|comentarios|commenti)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FeedLink:
    url: str  # absolute
    title: str | None
    kind: str  # "RSS", "Atom", "JSON Feed"

    @property
    def is_comments_feed(self) -> bool:
        """WordPress and others offer a feed of reader comments beside the articles."""
        path = urlsplit(self.url).path.lower().rstrip("/")
        if path.endswith(("/comments/feed", "/comments")):
            return True
        return bool(_COMMENTS_FEED_TITLE.search(self.title or ""))


def feed_links(html: str, page_url: str) -> list[FeedLink]:
    """The feeds a page advertises (<link rel="alternate" type="application/rss+xml"
    href=...>), with relative URLs resolved against <base href> and the page's URL."""
    return _feed_links_of(parse_html(html[:_DISCOVERY_CHARS]), page_url)


def front_page_feeds(html: str, page_url: str) -> list[FeedLink]:
    """The feeds of a site's front page (the root URL, not marked up as an article);
    [] for any other page. Read as an article, a front page gives a list of teasers
    under the site's name; its feed has the stories themselves."""
    path = urlsplit(page_url).path
    if path not in ("", "/") and not _FRONT_PAGE_PATH.fullmatch(path):
        return []
    page = parse_html(html[:_DISCOVERY_CHARS])
    if _meta_values(page).get("og:type", "").lower() == "article" or _json_ld_article(page):
        return []  # a one-page site whose root is the story
    return _feed_links_of(page, page_url)


_FRONT_PAGE_PATH = re.compile(r"/(?:index|home|default)\.(?:html?|php|aspx?)", re.I)


def _feed_links_of(page: Page, page_url: str) -> list[FeedLink]:
    base = page_url
    base_node = page.find("base")
    if base_node is not None and base_node.get("href").strip():
        base = _joined(page_url, base_node.get("href").strip()) or page_url
    found: dict[str, FeedLink] = {}
    for node in page.find_all("link"):
        rel = node.get("rel").lower().split()
        kind = FEED_LINK_TYPES.get(node.get("type").split(";")[0].strip().lower())
        href = node.get("href").strip()
        if kind is None or not href or not ("alternate" in rel or "feed" in rel):
            continue
        url = _joined(base, href)
        if url and url not in found:
            found[url] = FeedLink(url, clean_field(clean_text(node.get("title"))), kind)
    return list(found.values())


def _joined(base: str, href: str) -> str | None:
    """An absolute http(s) URL, or None for a malformed or non-web one."""
    try:
        url = urljoin(base, href)
        scheme = urlsplit(url).scheme.lower()
    except ValueError:  # "http://[::1" and the like
        return None
    return url if scheme in ("http", "https") else None


def page_metadata(page: Page) -> Metadata:
    values = _meta_values(page)
    ld = _json_ld_article(page)
    publisher = ld.get("publisher")
    source = clean_field(
        _first(values, "og:site_name", "application-name", "twitter:site:name")
        or (publisher.get("name") if isinstance(publisher, dict) else None)
    )
    if source is None and isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        source = clean_field(publisher["name"])
    raw_title = _first_text(page, "title")
    title = (
        clean_field(_first(values, "og:title", "twitter:title"))
        or (clean_field(ld.get("headline")) if isinstance(ld.get("headline"), str) else None)
        or _first_text(page, "h1")
        or (strip_site_suffix(raw_title, source) if raw_title else None)
    )
    if title:
        title = strip_site_suffix(title, source, guess=False) if source else title
    date = (
        normalise_date(
            _first(
                values,
                "article:published_time",
                "og:published_time",
                "datepublished",
                "article.published",
                "parsely-pub-date",
                "sailthru.date",
            )
        )
        or normalise_date(
            ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None
        )
        or _time_datetime(page)
        or normalise_date(
            _first(
                values,
                "date",
                "pubdate",
                "publishdate",
                "dc.date",
                "dc.date.issued",
                "dcterms.date",
            )
        )
    )
    byline = (
        clean_byline(
            _first(values, "author", "byl", "parsely-author", "sailthru.author", "dc.creator")
        )
        or clean_byline(_first(values, "article:author"))
        or join_names(_person_names(ld.get("author")))
        or _byline_from_markup(page)
    )
    url = _canonical_url(page) or clean_field(_first(values, "og:url"))
    if url is None and isinstance(ld.get("url"), str):
        url = clean_field(ld["url"])
    return Metadata(title=title, date=date, byline=byline, source=source, url=url)


# --- the reader ------------------------------------------------------------------------------


def article_from_html(html: str, origin: str, reader: str = NAME) -> Article | None:
    """An Article from a whole page's HTML, or None when the page has no text at all."""
    page = parse_html(html)
    return _article_of(page, main_text_of(page), origin, reader)


def _article_of(page: Page, paragraphs: list[str], origin: str, reader: str) -> Article | None:
    if not paragraphs:
        paragraphs = readable_text_of(page)
    meta = page_metadata(page)
    if paragraphs:
        dateline = find_dateline(paragraphs[0])
        if dateline is not None:
            meta.dateline = dateline.place
    return build_article([clean_text(p) for p in paragraphs], meta, origin, reader)


def read_html(doc: Document) -> Iterator[Article | RecordError]:
    page = parse_html(page_text(doc))
    text = main_text(page)
    stories = listed_stories(text)
    if stories and not is_marked_as_article(page):
        # Stored, the page would be its section's name over another story's summary.
        raise ReadError(section_page_message(page, doc.origin, stories))
    article = _article_of(page, text.paragraphs, doc.origin, NAME)
    if article is None:
        raise ReadError("no article text found in the HTML page")
    yield article


def is_marked_as_article(page: Page) -> bool:
    """og:type article, JSON-LD for an article, or an element holding the articleBody."""
    if _meta_values(page).get("og:type", "").lower() == "article" or _json_ld_article(page):
        return True
    return any(node.get("itemprop").lower() == "articlebody" for node in page.nodes)


def section_page_message(page: Page, origin: str, stories: int) -> str:
    """Why a section page is not stored, and where its stories are: its feeds, if any."""
    said = f"a section page listing {stories} stories, not an article"
    page_url = _page_url(page, origin)
    links = [link for link in _feed_links_of(page, page_url or "") if not link.is_comments_feed]
    if len(links) == 1:
        return f"{said}; its feed has the stories: quoth ingest {links[0].url}"
    if links and page_url:
        return f"{said}; it links {len(links)} feeds: quoth feeds add {page_url} lists them"
    if links:
        return f"{said}; its feeds: " + ", ".join(link.url for link in links[:3])
    return said


def _page_url(page: Page, origin: str) -> str | None:
    """Where the page lives: the URL it was fetched from, else the one it gives itself."""
    if urlsplit(origin).scheme.lower() in ("http", "https"):
        return origin
    for candidate in (_canonical_url(page), _meta_values(page).get("og:url")):
        if candidate and _joined("", candidate):  # absolute, http(s)
            return candidate
    return None


READER = register(
    Reader(NAME, (".html", ".htm", ".xhtml", ".shtml"), looks_like_html, read_html, priority=10)
)
