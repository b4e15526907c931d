"""Section pages (a site's /politics/ or /world/ index) are told from articles by shape.

The pages in fixtures/sections list linked headlines with summaries and have no story of
their own; every page in fixtures/html is an article, some with a rail of related stories
under them, and must still be read as one.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from quoth.corpus.feeds import ingest_url
from quoth.corpus.fetch import FetchResult
from quoth.corpus.model import Article
from quoth.corpus.readers import ReadError, RecordError, read_path
from quoth.corpus.readers.document import Document
from quoth.corpus.readers.html import read_html
from quoth.corpus.readers.htmlsections import listed_stories
from quoth.corpus.readers.htmltext import main_text, parse_html
from quoth.corpus.store import Corpus

FIXTURES = Path(__file__).parent / "fixtures"
SECTIONS = FIXTURES / "sections"
ARTICLES = sorted(p for p in (FIXTURES / "html").glob("*.html") if p.with_suffix(".txt").exists())
_HINTS = re.compile(r"""\s(?:class|id|role|itemprop)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")
POLITICS = (SECTIONS / "politics_cards.html").read_text(encoding="utf-8")
WORLD = (SECTIONS / "world_list_nohints.html").read_text(encoding="utf-8")


def stories_listed(html: str) -> int:
    return listed_stories(main_text(parse_html(html)))


def refusal(path: Path) -> str:
    with pytest.raises(ReadError) as caught:
        list(read_path(path))
    return str(caught.value)


def test_a_section_page_with_a_feed_points_to_it() -> None:
    # Its comments feed is not offered: it has no stories.
    assert refusal(SECTIONS / "politics_cards.html") == (
        "a section page listing 11 stories, not an article; its feed has the stories: "
        "quoth ingest https://www.harborledger.example/politics/rss.xml"
    )


def test_a_section_page_without_feeds_or_markup_says_what_it_is() -> None:
    assert refusal(SECTIONS / "world_list_nohints.html") == (
        "a section page listing 9 stories, not an article"
    )


@pytest.mark.parametrize("page", sorted(SECTIONS.glob("*.html")), ids=lambda p: p.stem)
def test_the_shape_is_enough_without_class_names(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert stories_listed(_HINTS.sub("", html)) == stories_listed(html) >= 5
    assert refusal(page).startswith(f"a section page listing {stories_listed(html)} stories")


def test_cards_that_are_one_link_each_are_stories() -> None:
    # headline and summary inside one <a>, as on many card layouts; og:url says where
    # the page lives, so the two feeds are left to `quoth feeds add`
    assert refusal(SECTIONS / "business_linked_cards.html") == (
        "a section page listing 7 stories, not an article; it links 2 feeds: "
        "quoth feeds add https://bayside-record.example/business/ lists them"
    )


@pytest.mark.parametrize("page", ARTICLES, ids=lambda p: p.stem)
def test_articles_are_never_taken_for_section_pages(page: Path) -> None:
    # teaser_grid, teaser_list_flat, related_cards and nohints_brief_with_rail carry a
    # related-stories rail longer than their story; the brief's body is shorter than a
    # section's intro may be, and only its headline over its own paragraphs tells it apart.
    # live_permalinks heads each entry with a link to itself: no story list either.
    html = page.read_text(encoding="utf-8")
    assert stories_listed(html) == 0
    assert stories_listed(_HINTS.sub("", html)) == 0
    gold = page.with_suffix(".txt").read_text(encoding="utf-8")
    (article,) = read_path(page)
    assert article.paragraphs[0] in gold


def test_markup_that_says_article_is_trusted() -> None:
    marked = POLITICS.replace('content="website"', 'content="article"')
    articles = list(read_path_of(marked, "politics.html"))
    assert [a.title for a in articles] == ["Politics"]


def test_several_feeds_are_left_to_feeds_add() -> None:
    atom = '<link rel="alternate" type="application/atom+xml" href="/politics/atom.xml">'
    html = POLITICS.replace("</head>", atom + "</head>")
    with pytest.raises(ReadError) as caught:
        list(read_path_of(html, "politics.html"))
    assert str(caught.value).endswith(
        "it links 2 feeds: quoth feeds add https://www.harborledger.example/politics/ lists them"
    )


def test_a_list_of_fewer_stories_is_not_a_section() -> None:
    items = WORLD.split("<li>")
    four = "<li>".join(items[:5]) + "</ul></div></body></html>"
    assert stories_listed(four) == 0


def read_path_of(html: str, name: str) -> Iterator[Article | RecordError]:
    return read_html(Document(name, name, io.BytesIO(html.encode("utf-8"))))


class OneSite:
    def __init__(self, url: str, html: str) -> None:
        self.url, self.html = url, html

    def __call__(self, url: str, **_: object) -> FetchResult:
        assert url == self.url
        return FetchResult(
            url_final=url,
            status=200,
            content_type="text/html; charset=utf-8",
            body=self.html.encode(),
            etag=None,
            last_modified=None,
            url=url,
        )


def test_url_ingest_of_a_section_page_stores_nothing(tmp_path: Path) -> None:
    url = "https://news.example/world/"
    stored: list[object] = []

    def store(_origin: str, articles: list) -> tuple[int, int]:
        stored.extend(articles)
        return len(articles), 0

    with Corpus(tmp_path / "c.db") as corpus, pytest.raises(ReadError) as caught:
        ingest_url(corpus.conn, url, store, fetch_fn=OneSite(url, WORLD))
    assert str(caught.value) == "a section page listing 9 stories, not an article"
    assert stored == []


def test_quoth_ingest_reports_one_line_and_fails(tmp_path: Path) -> None:
    env = {**os.environ, "QUOTH_DB": str(tmp_path / "c.db"), "NO_COLOR": "1"}
    page = SECTIONS / "world_list_nohints.html"
    run = subprocess.run(
        [sys.executable, "-m", "quoth", "ingest", str(page)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 1
    assert f"{page}: a section page listing 9 stories, not an article" in run.stderr.splitlines()
    with Corpus(tmp_path / "c.db") as corpus:
        assert corpus.stats()["articles"] == 0


def test_a_long_section_title_over_a_one_line_intro_is_still_a_section() -> None:
    retitled = WORLD.replace(
        "<h1>World</h1>", "<h1>The latest world news from our correspondents</h1>"
    )
    assert stories_listed(retitled) == 9


BRIEF = (FIXTURES / "html" / "nohints_brief_with_rail.html").read_text(encoding="utf-8")
BRIEF_H1 = "<h1>Main Street bridge to close for repairs next week</h1>"
RAIL = re.compile(r"<div>\n<h2>More from the Courier</h2>.*?</div>\n</div>\n", re.S)


@pytest.mark.parametrize(
    "html",
    [
        BRIEF.replace(BRIEF_H1, "<h1>Bridge closing</h1>"),
        BRIEF.replace(BRIEF_H1, "<div>Main Street bridge to close for repairs next week</div>"),
        RAIL.sub("", BRIEF).replace("<body>\n", "<body>\n" + RAIL.search(BRIEF)[0]),
        BRIEF.replace("<p>Detours will run along Route 9", "<p hidden>Detours"),
    ],
    ids=["short headline", "headline in a div", "rail above the story", "one paragraph"],
)
def test_a_brief_beside_a_longer_rail_is_still_an_article(html: str) -> None:
    assert html != BRIEF
    (article,) = read_path_of(html, "brief.html")
    assert article.paragraphs[0].startswith("The Main Street bridge over Cobb Creek")


def test_small_print_on_every_card_is_not_prose_of_the_page() -> None:
    stamped = re.sub(
        r'<span class="px-7">([^<]*)</span>',
        r'<span class="px-7">Harbor Ledger staff · \1 · 4 min read</span>',
        POLITICS,
    )
    assert stamped != POLITICS
    assert stories_listed(stamped) == 11
