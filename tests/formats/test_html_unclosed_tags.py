"""Markup left open loses no text and leaks no markup: browsers' implied ends, followed."""

from __future__ import annotations

from io import BytesIO

from quoth.corpus.model import Article
from quoth.corpus.readers import read_stream
from quoth.corpus.readers.htmltext import extract_main_text, parse_html

STORY = "The mayor said the bridge would open next spring, after two years of delays."


def _body(page: str) -> str:
    (article,) = list(read_stream(BytesIO(page.encode()), "page.html"))
    assert isinstance(article, Article)
    return article.body


def test_body_start_tag_ends_an_unclosed_head() -> None:
    page = f"<html><head><title>Never closed</title><body><p>{STORY}"
    assert extract_main_text(page) == [STORY]
    assert STORY in _body(page)


def test_content_start_tag_ends_an_unclosed_head_without_body_tag() -> None:
    page = f"<html><head><meta charset=utf-8><title>T</title><article><p>{STORY}</article>"
    assert extract_main_text(page) == [STORY]


def test_head_content_stays_in_head() -> None:
    page = parse_html("<html><head><title>T</title><meta name=a><script>x=1</script><body><p>Hi")
    (head,) = page.find_all("head")
    assert [child.tag for child in head.children if not isinstance(child, str)] == [
        "title",
        "meta",
        "script",
    ]
    body = page.find("body")
    assert body is not None and body.parent is page.find("html")


def test_paragraph_cut_by_a_block_inside_open_inline_tags_keeps_its_text() -> None:
    page = f"<html><body><p>{STORY} <p><b>Nothing <i>ever <div>closes here."
    assert extract_main_text(page)[:2] == [STORY, "Nothing ever"]


def test_short_paragraph_closed_normally_is_still_judged_as_before() -> None:
    page = f"<html><body><p>{STORY}</p><p>Share this</p><p>{STORY}</p>"
    assert "Share this" not in extract_main_text(page)


def test_unclosed_comment_hides_the_rest_instead_of_showing_as_text() -> None:
    page = f"<html><body><p>{STORY}</p><p>{STORY} <!-- <p>draft: not for print</p>"
    paragraphs = extract_main_text(page)
    assert paragraphs and not any("<!--" in p or "draft" in p for p in paragraphs)
    assert "<!--" not in _body(page)


def test_closed_comment_before_text_still_keeps_the_text() -> None:
    page = f"<html><body><!-- note --><p>{STORY}</p><!-- <p>hidden</p> --><p>{STORY} Again.</p>"
    assert extract_main_text(page) == [STORY, f"{STORY} Again."]
