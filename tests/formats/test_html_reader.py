"""The html reader: metadata, encodings, sniffing and hostile pages."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from quoth.corpus.readers.document import Document
from quoth.corpus.readers.errors import ReadError
from quoth.corpus.readers.html import (
    article_from_html,
    looks_like_html,
    read_html,
    strip_site_suffix,
)
from quoth.corpus.readers.htmltext import extract_main_text, html_to_paragraphs

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def read_bytes(data: bytes, name: str = "page.html"):
    doc = Document(name, name, io.BytesIO(data))
    return list(read_html(doc))


def read_fixture(name: str):
    return read_bytes((FIXTURES / name).read_bytes(), name)[0]


@pytest.mark.parametrize(
    ("name", "title", "date", "byline", "source"),
    [
        (
            "wordpress.html",
            "Council approves harbour dredging plan despite objections",
            "2024-05-14T18:32:07+00:00",
            "Hannah Okafor",
            "Westbay Courier",
        ),
        (
            "amp.html",
            "Wildfire forces evacuation of hill towns as winds strengthen",
            "2024-07-22T09:41:00+10:00",
            "Tom Nguyen and Priya Raman",
            "Northern Daily",
        ),
        (
            "nyt_like.html",
            "After 40 Years, a Small-Town Newspaper Prints Its Last Edition",
            "2023-11-02T09:00:31+00:00",
            "Daniel Ferro",
            None,
        ),
        (
            "jsonld_shell.html",
            "Scientists map coral recovery after bleaching event",
            "2024-01-30T14:00:00+00:00",
            "Leilani Kahale",
            "Coastal Science Wire",
        ),
    ],
)
def test_metadata_from_meta_tags_and_json_ld(name, title, date, byline, source) -> None:
    article = read_fixture(name)
    assert (article.title, article.date, article.byline, article.source) == (
        title,
        date,
        byline,
        source,
    )
    assert article.format == "html"


def test_title_falls_back_to_h1_then_title_without_site() -> None:
    h1 = article_from_html(
        "<html><head><title>Ignored | Paper</title></head><body><h1>The real headline</h1>"
        "<p>Some text that is long enough to be a paragraph of an article, truly.</p>",
        "x.html",
    )
    assert h1.title == "The real headline"
    bare = article_from_html(
        "<html><head><title>Mayor resigns after audit findings | Local | The Daily Post</title>"
        "</head><body><p>The mayor resigned on Monday, she said, after the audit.</p>",
        "x.html",
    )
    assert bare.title == "Mayor resigns after audit findings"


def test_site_suffix_removal_keeps_dashes_inside_headlines() -> None:
    assert strip_site_suffix("Rail strike - what you need to know - BBC News", "BBC News") == (
        "Rail strike - what you need to know"
    )
    assert strip_site_suffix("Valley Gazette - Drought relief extended to farmers", None) == (
        "Drought relief extended to farmers"
    )


def test_canonical_url_and_json_ld_author_list() -> None:
    html = """<html><head><link rel="canonical" href="https://news.example/a/1">
    <meta property="og:url" content="https://news.example/og">
    <script type="application/ld+json">{"@type": ["NewsArticle"], "author": [
      {"@type": "Person", "name": "Ann Lee"}, "Bo Chan", {"name": "Cy Dunn"}],
      "datePublished": "2024-04-01T08:00:00+02:00", "publisher": {"name": "News Example"}}
    </script></head><body><p>Text of the article, which is long enough to count as prose.</p>"""
    article = article_from_html(html, "x.html")
    assert article.url == "https://news.example/a/1"
    assert article.byline == "Ann Lee, Bo Chan and Cy Dunn"
    assert article.date == "2024-04-01T08:00:00+02:00"
    assert article.source == "News Example"


def test_rel_author_and_byline_class_and_time_element() -> None:
    html = """<html><body><article><h1>Headline here</h1>
    <div class="byline">By <a rel="author" href="/p/jo">Jo Marsh</a></div>
    <time datetime="2022-10-03">3 Oct</time>
    <p>The council said on Monday that the bridge would close for repairs next month.</p>
    </article></body></html>"""
    article = article_from_html(html, "x.html")
    assert article.byline == "Jo Marsh"
    assert article.date == "2022-10-03"
    assert "Jo Marsh" not in article.body


def test_latin1_page_with_meta_charset() -> None:
    html = (
        '<html><head><meta charset="iso-8859-1"></head><body>'
        "<p>Caf\xe9 owner Jos\xe9 said the r\xe9sum\xe9 was lost.</p>"
    )
    [article] = read_bytes(html.encode("latin-1"))
    assert "Café owner José said the résumé was lost." in article.body


def test_declared_cyrillic_charset_is_honoured_when_bytes_are_not_utf8() -> None:
    text = "Министр заявил, что решение будет принято в понедельник."
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        f"</head><body><p>{text}</p></body></html>"
    )
    [article] = read_bytes(html.encode("cp1251"))
    assert text in article.body


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("gb2312", "北京市政府周一宣布了新的交通计划，市长表示这是重要的一步。"),
        ("euc-kr", "서울시는 월요일 새로운 교통 계획을 발표했다고 밝혔다."),
        ("iso-8859-2", "Rząd ogłosił w poniedziałek nowy plan, powiedział minister."),
        ("koi8-r", "Правительство объявило о новом плане в понедельник."),
    ],
)
def test_other_declared_charsets(charset: str, text: str) -> None:
    html = f'<html><head><meta charset="{charset}"></head><body><p>{text}</p></body></html>'
    [article] = read_bytes(html.encode(charset))
    assert article.body == text


def test_utf8_bytes_win_over_a_wrong_declaration() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>Zoë said “yes”, twice.</p>'
    [article] = read_bytes(html.encode("utf-8"))
    assert "Zoë said “yes”, twice." in article.body


def test_utf8_bom_page() -> None:
    html = "<!DOCTYPE html><html><body><p>Straße closed, the officials said on Monday.</p>"
    [article] = read_bytes(b"\xef\xbb\xbf" + html.encode("utf-8"))
    assert article.body == "Straße closed, the officials said on Monday."


def test_sniffing() -> None:
    assert looks_like_html("<!DOCTYPE html>\n<html>")
    assert looks_like_html("\ufeff  <!-- saved page -->\n<HTML><HEAD>")
    assert looks_like_html("<head><title>x</title></head>")
    assert not looks_like_html("Plain text article.\n\nSecond paragraph.")
    assert not looks_like_html('<?xml version="1.0"?><rss version="2.0"><channel>')


def test_page_without_text_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="no article text"):
        read_bytes(b"<html><head><title>x</title></head><body><script>var a=1;</script></body>")


def test_short_page_keeps_its_text() -> None:
    [article] = read_bytes(b"<html><body><p>Short note.</p></body></html>")
    assert article.body == "Short note."


@pytest.mark.parametrize(
    "html",
    [
        "<div>" * 50_000 + "<p>Deep text, with commas, that reads like a paragraph of prose.</p>",
        "<html><body><div><p>Never closed paragraph with enough words in it, surely" * 5_000,
        "<p>" + "word, " * 350_000,  # one 2 MB line
        "<" * 200_000,
        "<!--" + "a" * 1_000_000,
        '<a href="' + "a" * 1_000_000,
        "<p>" + "&amp;&#x41;&#99999999;&bogus;&lt;&" * 50_000,
        "<![if !supportLists]>x<![endif]>" * 1000,
        "</div></span>" * 50_000
        + "<p>A paragraph after a lot of stray end tags, said the test.</p>",
    ],
    ids=[
        "deep-divs",
        "never-closed",
        "2mb-line",
        "lt-soup",
        "open-comment",
        "open-attribute",
        "entity-soup",
        "marked-sections",
        "stray-end-tags",
    ],
)
def test_hostile_pages_end_quickly_without_exceptions(html: str) -> None:
    start = time.monotonic()
    paragraphs = extract_main_text(html)
    fragments = html_to_paragraphs(html)
    assert isinstance(paragraphs, list) and isinstance(fragments, list)
    assert time.monotonic() - start < 30  # a generous bound: it is a hang check, not a benchmark


def test_deep_nesting_keeps_the_text() -> None:
    html = "<div>" * 50_000 + "<p>Deep text, with commas, that reads like a paragraph of prose.</p>"
    assert extract_main_text(html) == [
        "Deep text, with commas, that reads like a paragraph of prose."
    ]


def test_fragment_conversion() -> None:
    fragment = (
        "<p>First &amp; foremost, the <b>council</b> met.</p><script>alert(1)</script>"
        "<style>p{}</style>Line one<br>Line two<br/><br/>After breaks"
        "<ul><li>Item one</li><li>Item two</li></ul><blockquote>Quoted words</blockquote>"
    )
    assert html_to_paragraphs(fragment) == [
        "First & foremost, the council met.",
        "Line one",
        "Line two",
        "After breaks",
        "Item one",
        "Item two",
        "Quoted words",
    ]


def test_fragment_without_tags_unescapes_and_splits_on_blank_lines() -> None:
    assert html_to_paragraphs("Tom &amp; Jerry\n\nSecond   part") == ["Tom & Jerry", "Second part"]


@pytest.mark.parametrize("name", ["page.htm", "page.xhtml", "page.html.gz", "saved-page"])
def test_read_path_picks_the_html_reader(tmp_path: Path, name: str) -> None:
    import gzip

    from quoth.corpus.readers import read_path

    data = (FIXTURES / "amp.html").read_bytes()
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    [article] = list(read_path(path))
    assert article.format == "html"
    assert article.title == "Wildfire forces evacuation of hill towns as winds strengthen"


def test_json_ld_article_body_trims_unmarked_furniture() -> None:
    story = [
        "The harbour board voted on Monday to raise mooring fees by six per cent, its first "
        "increase in four years, citing the cost of dredging and repairs to the north quay.",
        "Fishermen said the rise would hit small boats hardest. Board chair Anna Lee said the "
        "fees still compared well with neighbouring ports, and that the money would be spent "
        "on the harbour itself.",
        "The new fees take effect in April, after a month-long consultation with users.",
        "Visiting yachts will pay a flat nightly rate for the first time, replacing a charge "
        "based on length that owners had called confusing.",
    ]
    furniture = (
        "Anna Lee, meanwhile, writes a weekly column on sailing, and her book on the harbour's "
        "history is available from the shop."
    )
    body = "\\n".join(story)
    html = (
        '<html><head><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "articleBody": "{body}"}}</script></head><body><div>'
        + "".join(f"<p>{p}</p>" for p in story)
        + f"<p>{furniture}</p></div></body></html>"
    )
    assert extract_main_text(html) == story


def test_truncated_json_ld_body_does_not_cut_the_page_text() -> None:
    story = [
        f"Paragraph {i} of the story, with enough words to be read as prose, it said."
        for i in range(12)
    ]
    teaser = "\\n".join(story[:1])
    html = (
        '<html><head><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "articleBody": "{teaser}"}}</script></head><body><article>'
        + "".join(f"<p>{p}</p>" for p in story)
        + "</article></body></html>"
    )
    assert extract_main_text(html) == story
