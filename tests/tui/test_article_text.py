"""Article text for the reader: quotes found in place, control characters gone."""

from __future__ import annotations

from quoth.corpus.model import Article, Quote, Speaker
from quoth.tui.article_text import MAX_BLOCKS, render_article
from quoth.tui.safe_text import clean, clean_keep_length, clean_line


def long_article(paragraphs: int) -> Article:
    body = "\n\n".join(
        f'Paragraph {n} opens. "Line {n} is said," said Ada.' for n in range(paragraphs)
    )
    quotes = []
    for n in range(0, paragraphs, 7):
        text = f'"Line {n} is said,"'
        start = body.index(text)
        quotes.append(Quote(text=text, start=start, end=start + len(text), speaker="Ada"))
    return Article(body=body, title="Long", quotes=quotes, speakers=[Speaker("Ada")])


def test_every_quote_is_found_in_its_block() -> None:
    for paragraphs in (3, 250, 1234):
        article = long_article(paragraphs)
        rendered = render_article(article)
        assert len(rendered.blocks) <= MAX_BLOCKS
        assert " ".join(b.plain for b in rendered.blocks).count("Paragraph") == paragraphs
        for quote, place in zip(article.quotes, rendered.places, strict=True):
            block, start, end = place.spans[0]
            assert rendered.blocks[block].plain[start:end] == quote.text
            assert (place.block, place.offset) == (block, start)


def test_bad_offsets_do_not_break_the_article() -> None:
    article = Article(
        body="Short body.",
        title="t",
        quotes=[Quote(text="x", start=50, end=40), Quote(text="y", start=-3, end=2)],
    )
    rendered = render_article(article)
    assert rendered.blocks[0].plain == "Short body."
    assert [p.spans for p in rendered.places] == [(), ()]


def test_control_characters_never_reach_the_terminal() -> None:
    nasty = "a\x1b[2Jb\x07c\x9bd\u202ee\tf"
    assert clean(nasty) == "abcde f"
    assert len(clean_keep_length(nasty)) == len(nasty)
    assert "\x1b" not in clean_keep_length(nasty)
    assert clean_line("one\ntwo\r\nthree") == "one two three"
