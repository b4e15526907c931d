"""HTML to paragraphs, with nothing but the standard library's html.parser.

Two jobs:

* `html_to_paragraphs(fragment)`: a plain conversion for the small HTML
  fragments found in feed items and JSON fields (block elements become
  paragraphs, scripts and styles are dropped, entities are unescaped).
* `extract_main_text(html)`: the article paragraphs of a whole news page,
  without navigation, headers, footers, share widgets, related links,
  comments or cookie banners. Class names and roles name most of these;
  htmlfurniture finds the ones named by nothing from their shape, and
  htmledges a standfirst and an author bio at the story's two ends.

Both are built on `parse_html`, which turns any text into a forgiving tree
(`Page`): tags that never close, stray end tags, malformed attributes, a
single 2 MB line and ten thousand nested divs all give a tree, never an
exception. Everything that walks the tree is iterative, so depth cannot
exhaust the interpreter's recursion limit.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import chain, islice

from .htmledges import trim_story_edges
from .htmlfurniture import comment_items, comment_sections, form_boxes
from .json_values import loads


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- the tree -----------------------------------------------------------------------------

VOID_TAGS = _words("area base br col embed hr img input link meta param source track wbr keygen")
BLOCK_TAGS = _words(
    """address article aside blockquote body center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p
    pre section summary table tbody thead tfoot tr td th caption ul"""
)
# Their content is never prose for the reader.
SKIP_TAGS = _words(
    """script style noscript template svg iframe object canvas select textarea button head
    title math audio video map"""
)
HEADING_TAGS = _words("h1 h2 h3 h4 h5 h6")
# What may sit in <head>; any other start tag ends an unclosed <head>, as in browsers.
HEAD_CONTENT_TAGS = _words("base basefont bgsound link meta noscript script style template title")
# Deeper nesting than this is not a real page; further start tags are ignored (text is kept).
MAX_DEPTH = 512
# Nor are more elements than this (real pages have a few thousand): a cap on memory.
MAX_ELEMENTS = 300_000
# Only the start of a bigger page is read: articles sit well within it, and html.parser
# takes seconds per megabyte of dense markup.
MAX_HTML_CHARS = 10_000_000


class Node:
    """One element. `children` mixes Nodes and text strings, in document order."""

    __slots__ = ("tag", "attrs", "parent", "children", "index")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None, index: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []
        self.index = index  # document order; a child always has a larger index than its parent

    def get(self, name: str) -> str:
        return self.attrs.get(name, "")

    def text(self, *, skip: frozenset[str] = SKIP_TAGS) -> str:
        """All descendant text, whitespace collapsed, without script/style-like content."""
        parts: list[str] = []
        stack: list[Node | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
            elif item is self or item.tag not in skip:
                if item.tag in BLOCK_TAGS or item.tag == "br":
                    parts.append(" ")
                stack.extend(reversed(item.children))
        return clean_text("".join(parts))

    def raw_text(self) -> str:
        """Direct text children as written (for <script> content such as JSON-LD)."""
        return "".join(c for c in self.children if isinstance(c, str))

    def iter(self) -> Iterator[Node]:
        """This node and all descendant elements, in document order."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed([c for c in node.children if isinstance(c, Node)]))


@dataclass
class Page:
    root: Node
    nodes: list[Node]  # every element, in document order
    # Indexes of <p> elements ended by a block start tag rather than by </p>: their text
    # was cut mid-flow by markup, so it is prose however short it is.
    interrupted: set[int] = field(default_factory=set)

    def find_all(self, tag: str) -> list[Node]:
        return [n for n in self.nodes if n.tag == tag]

    def find(self, tag: str) -> Node | None:
        return next((n for n in self.nodes if n.tag == tag), None)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None, 0)
        self.nodes: list[Node] = [self.root]
        self.stack: list[Node] = [self.root]
        self.open_counts: Counter[str] = Counter()
        self.interrupted: set[int] = set()

    # html.parser lowercases tag and attribute names already.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self.nodes) >= MAX_ELEMENTS:
            return
        self._close_implied_by(tag)
        attr_map: dict[str, str] = {}
        for name, value in attrs:
            attr_map.setdefault(name, value or "")
        if tag in VOID_TAGS:
            self._new_node(tag, attr_map)
            return
        if len(self.stack) > MAX_DEPTH:
            return
        node = self._new_node(tag, attr_map)
        self.stack.append(node)
        self.open_counts[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open_counts[tag] == 0:
            return  # a stray end tag: ignore it, as browsers do
        inline = tag not in BLOCK_TAGS
        i = len(self.stack) - 1
        while self.stack[i].tag != tag:
            if inline and self.stack[i].tag in BLOCK_TAGS:
                return  # </b> must not close the <div> opened inside the <b>
            i -= 1
        self._pop_to(i)

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def close(self) -> None:
        # An unterminated "<!--" comments out the rest of the page, as in browsers;
        # html.parser would hand it back as text at the end.
        if self.cdata_elem is None and self.rawdata.startswith("<!--"):
            self.rawdata = ""
        super().close()

    def _new_node(self, tag: str, attrs: dict[str, str]) -> Node:
        parent = self.stack[-1]
        node = Node(tag, attrs, parent, len(self.nodes))
        parent.children.append(node)
        self.nodes.append(node)
        return node

    def _pop_to(self, i: int) -> None:
        for node in self.stack[i:]:
            self.open_counts[node.tag] -= 1
        del self.stack[i:]

    def _close_implied_by(self, tag: str) -> None:
        """The HTML rules that end an open element without its end tag (the common ones)."""
        if self.open_counts["head"] and tag not in HEAD_CONTENT_TAGS:
            self._close_nearest("head", stop=frozenset())
        if tag in BLOCK_TAGS and self.open_counts["p"]:
            paragraph = self._close_nearest("p", stop=BLOCK_TAGS - {"p"})
            if paragraph is not None and tag != "p":
                self.interrupted.add(paragraph.index)
        if tag == "li" and self.open_counts["li"]:
            self._close_nearest("li", stop=frozenset({"ul", "ol", "menu"}))
        elif tag in ("dt", "dd"):
            for other in ("dt", "dd"):
                if self.open_counts[other]:
                    self._close_nearest(other, stop=frozenset({"dl"}))
        elif tag in ("td", "th"):
            for other in ("td", "th"):
                if self.open_counts[other]:
                    self._close_nearest(other, stop=frozenset({"tr", "table"}))
        elif tag == "tr" and self.open_counts["tr"]:
            self._close_nearest("tr", stop=frozenset({"table"}))
        elif tag == "option" and self.open_counts["option"]:
            self._close_nearest("option", stop=frozenset({"select"}))

    def _close_nearest(self, tag: str, stop: frozenset[str]) -> Node | None:
        """Close the innermost open `tag` (unless a `stop` element comes first); return it."""
        for i in range(len(self.stack) - 1, 0, -1):
            current = self.stack[i]
            if current.tag == tag:
                self._pop_to(i)
                return current
            if current.tag in stop:
                return None
        return None


def parse_html(html: str) -> Page:
    """Any text in, a tree out; never raises."""
    builder = _TreeBuilder()
    try:
        builder.feed(html[:MAX_HTML_CHARS])
        builder.close()
    except Exception:  # noqa: BLE001 - html.parser can assert on odd markup; keep what we have
        pass
    return Page(builder.root, builder.nodes, builder.interrupted)


# --- text helpers ---------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
# Invisible characters that sit inside words: soft hyphens, zero-width spaces, word joiners.
# (Zero-width joiner and non-joiner stay: Persian and Indic spelling and emoji need them.)
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def clean_text(text: str) -> str:
    return _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


# --- segments: runs of text between block boundaries --------------------------------------


@dataclass
class Segment:
    text: str
    link_chars: int
    owner: Node  # the innermost block-like element the text sits in

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def _is_block(node: Node, extra_blocks: set[int]) -> bool:
    # Custom elements (<amp-img>, <story-paragraph>) are containers far more often than inline.
    return node.tag in BLOCK_TAGS or "-" in node.tag or node.index in extra_blocks


def build_segments(
    root: Node, *, breaks_per_split: int = 2, extra_blocks: set[int] | None = None
) -> list[Segment]:
    """Cut the tree's text into segments at block boundaries and at runs of <br>.

    `breaks_per_split` is how many consecutive <br> end a paragraph (2 for pages, where a
    single <br> is a line break inside one; 1 for feed fragments, which often use one).
    """
    blocks = extra_blocks or set()
    segments: list[Segment] = []
    parts: list[tuple[str, bool]] = []  # (text, inside a link); "\n" marks a <br>
    owners: list[Node] = [root]

    def flush() -> None:
        if parts:
            _split_parts(parts, owners[-1], breaks_per_split, segments)
            parts.clear()

    link_depth = 0
    # Explicit stack of (node, entering?) so depth never meets the recursion limit.
    stack: list[tuple[Node | str, bool]] = [(root, True)]
    while stack:
        item, entering = stack.pop()
        if isinstance(item, str):
            parts.append((item, link_depth > 0))
            continue
        node = item
        if node.tag in SKIP_TAGS and node is not root:
            continue
        if node.tag == "br":
            parts.append(("\n", False))
            continue
        is_link = node.tag == "a"
        if entering:
            if node is not root and _is_block(node, blocks):
                flush()
                owners.append(node)
            if is_link:
                link_depth += 1
            stack.append((node, False))
            stack.extend((child, True) for child in reversed(node.children))
        else:
            if is_link:
                link_depth -= 1
            if node is not root and _is_block(node, blocks):
                flush()
                owners.pop()
    flush()
    return segments


def _split_parts(
    parts: list[tuple[str, bool]], owner: Node, breaks_per_split: int, out: list[Segment]
) -> None:
    texts: list[str] = []
    link_chars = 0
    breaks = 0

    def emit() -> None:
        text = clean_text("".join(texts))
        if text:
            links = min(link_chars, len(text))
            out.append(Segment(text, links, owner))

    for text, in_link in parts:
        if text == "\n":
            breaks += 1
            texts.append(" ")
            continue
        if breaks >= breaks_per_split and text.strip():
            emit()
            texts, link_chars = [], 0
        if text.strip():
            breaks = 0
        texts.append(text)
        if in_link:
            link_chars += len(clean_text(text))
    emit()


# --- fragments ---------------------------------------------------------------------------------


def html_to_paragraphs(fragment: str) -> list[str]:
    """Simple HTML (a feed item, a JSON field) to paragraphs: one per block, split at <br>."""
    if "<" not in fragment:
        from html import unescape

        text = unescape(fragment)
        return [p for p in (clean_text(x) for x in re.split(r"\n\s*\n", text)) if p]
    page = parse_html(fragment)
    return [s.text for s in build_segments(page.root, breaks_per_split=1)]


# --- main text -----------------------------------------------------------------------------

# Words in class/id/role that mark page furniture rather than the story.
_ALWAYS_DROP_WORDS = _words(
    """comment comments commentary disqus cookie cookies consent gdpr newsletter newsletters
    subscribe signup outbrain taboola onetrust respond reply replies responses discussion
    viafoura spotim openweb comentario comentarios commentaire commentaires kommentar
    kommentare commenti commento reacties reacciones"""
)
_BOILERPLATE_WORDS = _words(
    """nav navbar navigation menu footer header masthead share sharing sharebar social related
    recommended recommendations trending popular mostread breadcrumb breadcrumbs promo promos
    advert advertisement adverts ad ads adslot adunit dfp sponsor sponsored banner sidebar
    byline bylines author authors caption captions figcaption credit credits tags tag toolbar
    skip modal popup overlay dialog login widget widgets meta dateline timestamp
    date print topics more newsfeed teaser teasers rail paywall offer copyright pagination
    next prev previous disclaimer pullquote sronly sr visually lightbox gallery video player
    embed standfirst dek entradilla sumario chapo publicidad publicite werbung anzeige
    pubblicita relacionadas relacionados compartir partager teilen condividi etiquetas
    cabecera firma autor fecha"""
)
_BOILERPLATE_ROLES = _words(
    "navigation banner contentinfo complementary menu menubar dialog alert search"
)
_BOILERPLATE_TAGS = _words("nav aside footer header form figcaption figure")
_CONTENT_WORDS = _words(
    "article articlebody body content entry post story text main prose richtext"
)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")

_BOILERPLATE_LINE = re.compile(
    r"^(advertisement|advertising|sponsored( content)?|story continues below.*"
    r"|continue reading\b.*|read more\b.*|read next\b.*|related:.*|see also:.*|also read\b.*"
    r"|more:.*|sign up\b.*|subscribe\b.*|follow us\b.*|share (this|on)\b.*|click here\b.*"
    r"|copyright\s*(©|\(c\)|\d{4}).*|©.*|all rights reserved.*"
    r"|this (article|story) (was|is|has been) (originally )?(published|republished)\b.*"
    r"|\(?(photo|image|video|graphic|picture)s?( credit| by)?:.*"
    r"|listen to (this|the) (article|story).*"
    r"|\d+ min(ute)?s? read"
    r"|(updated|published|posted|last (updated|modified))( on| at)?:?\s+(\d|(jan|feb|mar|apr|may"
    r"|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b).*"
    r"|a version of this (article|story) appear.*"
    r"|publicidad|publicité|anzeige|werbung|pubblicità|publicidade"
    r"|(lee|lea|leia|leggi) (también|tambien|também|anche)\b.*|te puede interesar.*"
    r"|(à )?lire aussi\b.*|mehr zum thema\b.*|lesen sie auch\b.*)$",
    re.IGNORECASE,
)
# "By Jo Marsh, Staff Writer" (not "By the time police arrived, he had gone.")
_BYLINE_LINE = re.compile(r"^(By|BY)\s+[A-Z][^.!?]*$")

_APP_PROMO = re.compile(
    r"\b(download|get|install) (the|our) [\w ]{0,40}\bapps?\b|\bdownload now\W*$", re.IGNORECASE
)


def is_furniture_line(text: str) -> bool:
    """A short paragraph that is page furniture ("Advertisement", "Read more: ...", a byline)."""
    return _is_boilerplate_line(text)


# The site speaking of its own cookies, which a story never does in its own voice (a
# quoted "We use cookies" starts with a quotation mark).
_COOKIE_NOTICE = re.compile(
    r"^(?:we|we and our (?:\d+ )?(?:trusted )?partners|this (?:web)?site|our (?:web)?site"
    r"|by (?:using|continuing to (?:use|browse))(?: (?:this|our) (?:web)?site)?,?)\b"
    r"[^.]{0,120}\bcookies\b",
    re.IGNORECASE,
)

# The publication asking its readers for something: money, a sign-up, their own story.
_READER_APPEAL = re.compile(
    r"\b(?:become a (?:supporter|member|subscriber|patron)|support (?:our|independent|local)"
    r" (?:journalism|reporting|newsroom)|(?:reader|listener|member)-(?:supported|funded)"
    r"|consider (?:becoming|supporting|subscribing)|make a (?:donation|contribution) to us"
    r"|(?:to|in|into) your inbox)\b",
    re.IGNORECASE,
)
# Words without which _READER_APPEAL cannot match: a cheap test before the search.
_APPEAL_WORDS = ("inbox", "become a", "support", "-funded", "consider", "make a")
_READER_CALLOUT = re.compile(
    r"(?:have|do|did|were|are|can) you\b[^?]{0,150}\?\s*(?:email|e-mail|contact|get in touch"
    r"|send|call|message|tell us|let us know)\b",
    re.IGNORECASE,
)


def _is_reader_appeal(text: str) -> bool:
    lowered = text.lower()
    if any(word in lowered for word in _APPEAL_WORDS) and _READER_APPEAL.search(text):
        return True
    return bool(_READER_CALLOUT.match(text))


def _is_boilerplate_line(text: str) -> bool:
    if len(text) < 600 and _COOKIE_NOTICE.match(text):
        return True
    if len(text) < 250 and _is_reader_appeal(text):
        return True
    # Long paragraphs that happen to start with "Updated" or mention an app are story text.
    if len(text) >= 250:
        return False
    if len(text) < 80 and _BYLINE_LINE.match(text):
        return True
    return bool(_BOILERPLATE_LINE.match(text) or _APP_PROMO.search(text))


_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")
PARAGRAPH_TAGS = _words("p blockquote pre dd")


def _class_words(node: Node) -> set[str]:
    raw = " ".join((node.get("class"), node.get("id"), node.get("data-component")))
    if not raw.strip():
        return set()
    return set(_WORD_SPLIT.split(_CAMEL.sub(" ", raw).lower())) - {""}


def _is_hidden(node: Node) -> bool:
    style = node.get("style").replace(" ", "").lower()
    return (
        "hidden" in node.attrs
        or node.get("aria-hidden").lower() == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _is_content_hint(node: Node) -> bool:
    if node.tag in ("article", "main") or node.get("role") in ("main", "article"):
        return True
    if node.get("itemprop").lower() in ("articlebody", "text"):
        return True
    return bool(_class_words(node) & _CONTENT_WORDS)


def _is_body_marker(node: Node) -> bool:
    return node.tag in ("html", "body", "#root", "main") or node.get("itemprop").lower() == (
        "articlebody"
    )


def _boilerplate_strength(node: Node) -> int:
    """2 = always drop, 1 = drop unless it holds most of the page's prose, 0 = keep."""
    if _is_body_marker(node):
        return 0
    words = _class_words(node)
    if words & _ALWAYS_DROP_WORDS or node.tag == "nav":
        return 2
    if node.tag in _BOILERPLATE_TAGS or _is_hidden(node):
        return 1
    if node.get("role").lower() in _BOILERPLATE_ROLES:
        return 1
    if words & _BOILERPLATE_WORDS:
        # "article-body has-sidebar" is still the body; the prose check below settles it.
        return 1
    return 0


@dataclass
class _Scored:
    segment: Segment
    good: float  # contribution as article prose
    junk: int  # characters that look like furniture (links, menus)
    teaser: bool = False  # the summary under a linked headline (a list of other stories)
    furniture_line: bool | None = None  # _is_boilerplate_line, when it was asked

    def is_furniture_line(self) -> bool:
        if self.furniture_line is None:
            self.furniture_line = _is_boilerplate_line(self.segment.text)
        return self.furniture_line


def _score(segment: Segment) -> _Scored:
    text = segment.text
    n = len(text)
    if segment.link_density > 0.5:
        return _Scored(segment, 0.0, n)
    if n < 25:
        return _Scored(segment, 0.0, n)
    if _is_boilerplate_line(text):
        return _Scored(segment, 0.0, 0, furniture_line=True)
    commas = text.count(",") + text.count("،")
    good = 1.0 + min(n / 100.0, 3.0) + min(commas, 3) * 0.5
    if segment.owner.tag in PARAGRAPH_TAGS:
        good *= 1.5
    elif segment.owner.tag == "li" or segment.owner.tag in HEADING_TAGS:
        good *= 0.3
    return _Scored(segment, good, 0, furniture_line=False)


def _ancestors(node: Node) -> Iterator[Node]:
    current: Node | None = node
    while current is not None:
        yield current
        current = current.parent


def _dropped_nodes(page: Page, segments: list[Segment], strengths: list[int]) -> set[int]:
    """Indices of elements whose whole subtree is furniture."""
    # Comments, cookie banners and the like go whatever their size...
    always = _closed_under_descendants(page, lambda node: strengths[node.index] == 2)
    prose = [0] * len(page.nodes)  # characters of <p>-like text in each subtree
    chars = [0] * len(page.nodes)  # characters of any text in each subtree
    for seg in segments:
        chars[seg.owner.index] += len(seg.text)
        if seg.owner.index in always:
            continue
        if seg.owner.tag in PARAGRAPH_TAGS or seg.owner.tag in ("div", "section"):
            prose[seg.owner.index] += len(seg.text)
    for node in reversed(page.nodes):  # children come after parents: a bottom-up pass
        if node.parent is not None:
            prose[node.parent.index] += prose[node.index]
            chars[node.parent.index] += chars[node.index]
    total = prose[0] or 1
    # Furniture that names nothing, found by its shape (comment controls, form fields).
    shaped = (
        comment_items(page, segments, prose, total)
        | comment_sections(page, segments, chars, prose, total)
        | form_boxes(page, chars, prose, total)
    )
    # ...the rest only when it does not hold most of the page's remaining prose
    # ("article-body has-sidebar" is still the body), nor does the class it shares with
    # other elements: a class on every story paragraph is not furniture, whatever words
    # an obfuscated name happens to spell ("pw-pp sq sr ss": "sr" as in screen-reader).
    story_classes = _classes_holding_the_story(page, strengths, prose, total)
    return (
        always
        | _closed_under_descendants(page, lambda node: node.index in shaped)
        | _closed_under_descendants(
            page,
            lambda node: (
                strengths[node.index] == 1
                and prose[node.index] < 0.5 * total
                and (node.tag, node.get("class")) not in story_classes
            ),
        )
    )


def _classes_holding_the_story(
    page: Page, strengths: list[int], prose: list[int], total: int
) -> set[tuple[str, str]]:
    """(tag, class) pairs of would-be furniture that together hold half the page's prose."""
    held: Counter[tuple[str, str]] = Counter()
    for node in page.nodes:
        if strengths[node.index] == 1 and node.get("class"):
            held[(node.tag, node.get("class"))] += prose[node.index]
    return {key for key, amount in held.items() if amount >= 0.5 * total}


def _closed_under_descendants(page: Page, test: Callable[[Node], bool]) -> set[int]:
    marked: set[int] = set()
    for node in page.nodes:  # parents first, so a marked parent marks its children
        if (node.parent is not None and node.parent.index in marked) or test(node):
            marked.add(node.index)
    return marked


_STORY_PARAGRAPH_CHARS = 120


def _choose_container(page: Page, scored: list[_Scored]) -> Node | None:
    """The element whose subtree holds the story: dense in prose, light in furniture."""
    count = len(page.nodes)
    direct = [0.0] * count  # prose score credited near where it sits (parent, grandparent)
    good = [0.0] * count
    junk = [0] * count
    total_chars = [0] * count
    long_prose = [0] * count  # paragraphs of story length
    sentences = [0] * count  # prose paragraphs that end like a sentence
    for item in scored:
        owner = item.segment.owner
        good[owner.index] += item.good
        if item.good and len(item.segment.text) >= _STORY_PARAGRAPH_CHARS:
            long_prose[owner.index] += 1
        if item.good and _SENTENCE_END.search(item.segment.text):
            sentences[owner.index] += 1
        junk[owner.index] += item.junk
        total_chars[owner.index] += len(item.segment.text)
        if item.good:
            weight = 1.0
            target: Node | None = owner if owner.tag not in PARAGRAPH_TAGS else owner.parent
            for _ in range(3):
                if target is None:
                    break
                direct[target.index] += item.good * weight
                weight /= 2 if weight == 1.0 else 3
                target = target.parent
    for node in reversed(page.nodes):
        if node.parent is not None:
            parent = node.parent.index
            good[parent] += good[node.index]
            junk[parent] += junk[node.index]
            total_chars[parent] += total_chars[node.index]
            long_prose[parent] += long_prose[node.index]
            sentences[parent] += sentences[node.index]

    def candidate_value(node: Node) -> float:
        i = node.index
        purity = 1.0 - junk[i] / total_chars[i] if total_chars[i] else 0.0
        bonus = 1.25 if _is_content_hint(node) else 1.0
        return direct[i] * purity * bonus

    best = max(page.nodes, key=candidate_value, default=None)
    if best is None or good[best.index] <= 0:
        return None
    ends = subtree_ends(page)
    # Other stories on the page (an infinite-scroll next article, a second <article> with
    # a full text): the container must not grow to take them in.
    stories = [
        node
        for node in page.nodes
        if (node.tag == "article" or node.get("itemprop").lower() == "articlebody")
        and good[node.index] >= 0.3 * good[best.index]
    ]

    def crosses_story(parent: Node, current: Node) -> bool:
        for story in stories:
            inside_parent = parent.index < story.index <= ends[parent.index]
            inside_current = current.index <= story.index <= ends[current.index]
            encloses_current = story.index <= current.index <= ends[story.index]
            if inside_parent and not inside_current and not encloses_current:
                return True
        return False

    # Climb while the parent adds more story than furniture: bodies split across sibling
    # blocks (one <div> per paragraph group) live under a common ancestor.
    while best.parent is not None:
        parent = best.parent
        if crosses_story(parent, best):
            break
        extra_good = good[parent.index] - good[best.index]
        extra_junk = junk[parent.index] - junk[best.index]
        extra_chars = total_chars[parent.index] - total_chars[best.index]
        if extra_good <= 0:
            if extra_chars == 0:
                best = parent
                continue
            break
        extra_purity = 1.0 - extra_junk / extra_chars if extra_chars else 1.0
        # More of the story has a full paragraph, or one that ends like a sentence; a
        # strapline under the masthead and a line in the footer can score as much.
        more_story = (
            long_prose[parent.index] > long_prose[best.index]
            or sentences[parent.index] > sentences[best.index]
        )
        if more_story and extra_purity >= 0.75 and extra_good >= 0.15 * good[best.index]:
            best = parent
        else:
            break
    return _explicit_body_within(best, good) or best


def subtree_ends(page: Page) -> list[int]:
    """For each element, the largest index in its subtree: x is inside n when
    n.index <= x.index <= ends[n.index] (document order makes subtrees contiguous)."""
    ends = list(range(len(page.nodes)))
    for node in reversed(page.nodes):
        if node.parent is not None and ends[node.index] > ends[node.parent.index]:
            ends[node.parent.index] = ends[node.index]
    return ends


_BODY_CLASS_PAIRS = (
    ("article", "body"),
    ("story", "body"),
    ("entry", "content"),
    ("post", "content"),
    ("article", "content"),
    ("story", "content"),
    ("article", "text"),
    ("story", "text"),
    ("body", "text"),
)


def _is_explicit_body(node: Node) -> bool:
    """Markup that names the story body outright (itemprop=articleBody, .article-body...)."""
    if node.get("itemprop").lower() == "articlebody" or node.get("name") == "articleBody":
        return True
    words = _class_words(node)
    return "articlebody" in words or any(a in words and b in words for a, b in _BODY_CLASS_PAIRS)


def _explicit_body_within(best: Node, good: list[float]) -> Node | None:
    """A named body element inside the chosen container that holds nearly all its prose:
    the container's extra is then an author bio, print note or similar furniture."""
    if good[best.index] <= 0:
        return None
    named = [
        node
        for node in best.iter()
        if node is not best
        and good[node.index] >= 0.8 * good[best.index]
        and _is_explicit_body(node)
    ]
    return named[-1] if named else None


_HEADLINE_WORDS = _words("title headline heading hed")


def is_linked_headline(segment: Segment) -> bool:
    """A heading that is a link to another page: a story's title in a list of stories."""
    owner = segment.owner
    looks_like_heading = owner.tag in HEADING_TAGS or bool(_class_words(owner) & _HEADLINE_WORDS)
    return (
        looks_like_heading
        and segment.link_density > 0.6
        and len(segment.text) <= 250
        and links_elsewhere(segment)
    )


_LINK_SEARCH_DEPTH = 6  # a whole card may be one link around its headline
_LINK_SEARCH_NODES = 64  # a headline's link sits near it; a bound for huge blocks


def links_elsewhere(segment: Segment) -> bool:
    """The segment's link leads to another page, not to a place on this one: a live
    page's entry headings link to themselves ("#post-12") and list no stories. The link is
    inside the segment's block, or around it when a whole card is one link."""
    around = islice(_ancestors(segment.owner), 1, _LINK_SEARCH_DEPTH + 1)
    inside = islice(segment.owner.iter(), _LINK_SEARCH_NODES)
    return any(_is_link_elsewhere(node) for node in chain(around, inside))


def _is_link_elsewhere(node: Node) -> bool:
    href = node.get("href").strip() if node.tag == "a" else ""
    return bool(href) and not href.startswith("#") and not href.lower().startswith("javascript:")


def is_bare_link_line(segment: Segment) -> bool:
    """A line that is one link and nothing else: a story title in a list of stories."""
    text = segment.text
    return segment.link_density >= 0.9 and 20 <= len(text) <= 200 and len(text.split()) >= 4


def _same_shape(segments: list[Segment], i: int, j: int) -> bool:
    """Two (title, summary) pairs ending at i and j are set in the same elements."""
    return all(segments[a].owner.tag == segments[b].owner.tag for a, b in ((i - 1, j - 1), (i, j)))


def _mark_teasers(scored: list[_Scored]) -> None:
    """Story lists ("More news": linked headline, short summary, repeated) read like prose;
    their summaries must count as furniture, or a long list outweighs a short article."""
    segments = [item.segment for item in scored]
    pairs = [
        (i + 1)
        for i in range(len(segments) - 1)
        if is_linked_headline(segments[i]) and len(segments[i + 1].text) < 400
    ]
    # A title that is only a link, without heading markup, heads a summary only when
    # the pattern repeats back to back: an article may set a lone link on its own line.
    bare = {
        i + 1
        for i in range(len(segments) - 1)
        if is_bare_link_line(segments[i])
        and not is_bare_link_line(segments[i + 1])
        and len(segments[i + 1].text) < 400
        and links_elsewhere(segments[i])
    }
    pairs.extend(
        i for i in bare if any(j in bare and _same_shape(segments, i, j) for j in (i - 2, i + 2))
    )
    if len(pairs) < 2:
        return
    for i in set(pairs):
        item = scored[i]
        item.teaser = True
        item.junk += len(item.segment.text)
        item.good = 0.0


def _keep_in_container(scored: list[_Scored], interrupted: set[int]) -> list[str]:
    """The container's paragraphs: prose blocks, subheads that lead into prose, dense lists."""
    kept: list[str] = []
    pending_heading: str | None = None
    for item in scored:
        seg = item.segment
        tag = seg.owner.tag
        text = seg.text
        self_link = tag in HEADING_TAGS and seg.link_density > 0.5 and not links_elsewhere(seg)
        if item.teaser or (seg.link_density > 0.5 and not self_link):
            pending_heading = None  # "Related topics" heads the links, not the next paragraph
            continue
        if item.is_furniture_line():
            continue
        if tag == "h1":
            continue
        if tag in HEADING_TAGS:
            pending_heading = text if len(text) < 200 else None
            continue
        if tag == "li":
            keep = len(text) >= 30 and seg.link_density < 0.3
        elif tag in PARAGRAPH_TAGS:
            whole = len(text) >= 20 or bool(_SENTENCE_END.search(text))
            keep = len(text) >= 2 and (whole or seg.owner.index in interrupted)
        else:  # text straight in a <div>, <td> or custom element
            ends_sentence = bool(_SENTENCE_END.search(text))
            keep = len(text) >= 100 or (len(text) >= 15 and ends_sentence)
        if keep:
            if pending_heading and kept:
                kept.append(pending_heading)
            pending_heading = None
            kept.append(text)
    return list(dict.fromkeys(kept))  # a pull quote repeating a paragraph counts once


def extract_main_text(html: str) -> list[str]:
    """The article's paragraphs, best effort; an empty list when there is no prose at all."""
    page = parse_html(html)
    return main_text_of(page)


def _live_segments(page: Page) -> tuple[list[Segment], list[Segment]]:
    """(all segments, those outside furniture such as navigation, banners and comments)."""
    strengths = [_boilerplate_strength(node) for node in page.nodes]
    inline_markers = {n.index for n in page.nodes if strengths[n.index] and n.tag not in BLOCK_TAGS}
    segments = build_segments(page.root, extra_blocks=inline_markers)
    dropped = _dropped_nodes(page, segments, strengths)  # closed under descendants
    return segments, [s for s in segments if s.owner.index not in dropped]


def readable_text_of(page: Page) -> list[str]:
    """Every paragraph outside page furniture, for pages with no story-like prose at all
    (a short note, a bare fragment): better kept than lost."""
    _, live = _live_segments(page)
    return [
        s.text
        for s in live
        if s.owner.tag != "h1" and s.link_density <= 0.5 and not _is_boilerplate_line(s.text)
    ]


@dataclass
class MainText:
    """A page's story paragraphs, and what they were chosen from."""

    paragraphs: list[str]
    segments: list[Segment]  # every segment of the page, in document order
    scored: list[_Scored]  # those outside furniture, scored, story-list summaries marked


def main_text_of(page: Page) -> list[str]:
    return main_text(page).paragraphs


def main_text(page: Page) -> MainText:
    segments, live = _live_segments(page)
    scored = [_score(s) for s in live]
    _mark_teasers(scored)
    paragraphs: list[str] = []
    container = _choose_container(page, scored)
    if container is not None:
        inside = [item for item in scored if _is_within(item.segment.owner, container)]
        paragraphs = _keep_in_container(inside, page.interrupted)
    json_ld = json_ld_objects(page)
    paragraphs = _reconcile_with_json_ld(paragraphs, _json_ld_article_body(json_ld, segments))
    return MainText(trim_story_edges(paragraphs, segments, page, json_ld), segments, scored)


_TOKEN = re.compile(r"\w+")


def _normalised(text: str) -> str:
    return " ".join(_TOKEN.findall(text.casefold()))


def _reconcile_with_json_ld(paragraphs: list[str], from_json_ld: list[str]) -> list[str]:
    """The publisher's own articleBody settles doubts about what the page text holds."""
    if not from_json_ld:
        return paragraphs
    body = _normalised(" ".join(from_json_ld))
    page_chars = sum(len(p) for p in paragraphs)
    if len(body) > 1.3 * page_chars:
        return from_json_ld  # the page shows less than the publisher says is there
    if len(body) < 500 or not paragraphs:
        return paragraphs
    in_body = [p for p in paragraphs if _normalised(p) in body]
    coverage = sum(len(_normalised(p)) for p in in_body) / len(body)
    removed = page_chars - sum(len(p) for p in in_body)
    # Page paragraphs beyond a body the publisher lists in full are furniture (a bio, a
    # comment); but when much is left out, the JSON-LD is likely a truncated teaser.
    if coverage >= 0.8 and removed <= 0.4 * page_chars:
        return in_body
    return paragraphs


def _is_within(node: Node, container: Node) -> bool:
    return any(a is container for a in _ancestors(node))


# --- JSON-LD ----------------------------------------------------------------------------


def json_ld_objects(page: Page) -> list[dict]:
    """Every JSON object in <script type="application/ld+json">, @graph flattened."""
    found: list[dict] = []
    for node in page.find_all("script"):
        if "ld+json" not in node.get("type").lower():
            continue
        try:
            data = loads(node.raw_text().strip().removeprefix("<!--").removesuffix("-->"))
        except (ValueError, RecursionError):
            continue
        pending = [data]
        while pending and len(found) < 200:
            item = pending.pop()
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    pending.extend(graph)
    return found


def _json_ld_article_body(json_ld: list[dict], segments: list[Segment]) -> list[str]:
    """articleBody from JSON-LD, cut into the page's own paragraphs where they match."""
    bodies = [obj["articleBody"] for obj in json_ld if isinstance(obj.get("articleBody"), str)]
    if not bodies:
        return []
    body = max(bodies, key=len)
    if "<" in body and ">" in body:
        paragraphs = html_to_paragraphs(body)
    else:
        paragraphs = [clean_text(p) for p in re.split(r"\n+", body) if clean_text(p)]
    if len(" ".join(paragraphs)) < 200:
        return []
    if len(paragraphs) > 1:
        return paragraphs
    # One long blob: borrow paragraph breaks from page segments that it contains.
    flat = clean_text(body)
    matched = [s.text for s in segments[:5000] if len(s.text) >= 40 and s.text in flat]
    if sum(len(t) for t in matched) >= 0.8 * len(flat):
        return list(dict.fromkeys(matched))
    return paragraphs
