"""What `y` and `Y` put on the clipboard: a quote as a citation, an article's address.

The text goes out through OSC 52 (App.copy_to_clipboard), which the terminal
on the user's own machine handles, so it works across SSH. Article text is
untrusted: control characters are made visible first, so a copied quote can
never carry an escape sequence into the user's terminal or clipboard.
"""

from __future__ import annotations

from ..corpus.model import Article, Quote
from ..corpus.terminal_safety import printable_line

# Opening and closing marks a quote's text may carry from the article itself.
_QUOTE_MARKS = "\"'“”‘’«»„‚‹›"
# Punctuation that ends the quoted words only because the sentence goes on
# ("…winter," said the mayor); a citation stands alone, so it is dropped.
_CONTINUING = ",;:"


def quote_citation(quote: Quote, article: Article) -> str:
    """`"text" — Speaker, Source, date`, leaving out whatever is unknown."""
    words = _bare_quote(printable_line(quote.text))
    credits = [
        printable_line(part).strip()
        for part in (quote.speaker or "unattributed", article.source, _day(article.date))
        if part and printable_line(part).strip()
    ]
    return f'"{words}" — {", ".join(credits)}'


def article_address(article: Article) -> str | None:
    """The article's URL, else where it came from (a path or feed); None if neither."""
    for candidate in (article.url, article.origin):
        cleaned = printable_line(candidate or "").strip()
        if cleaned:
            return cleaned
    return None


def _bare_quote(text: str) -> str:
    """The quoted words without their own marks and trailing sentence comma."""
    text = " ".join(text.split())
    for _ in range(3):  # marks and commas interleave: `"Yes,"` -> `Yes,` -> `Yes`
        text = text.strip(_QUOTE_MARKS).strip().rstrip(_CONTINUING).rstrip()
    return text


def _day(date: str | None) -> str | None:
    """The date part of an ISO date-time (a citation needs no clock time)."""
    return date[:10] if date else None
