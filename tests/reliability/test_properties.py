"""Property tests: any bytes into any reader, and any text through the whole ingest."""

from __future__ import annotations

import bz2
import gzip
import io
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quoth.corpus.ingest import ingest
from quoth.corpus.model import Article
from quoth.corpus.readers import ReadError, RecordError, read_stream
from quoth.corpus.store import Corpus

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    database=None,  # no example database written into the repository
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NAMES = ["a.txt", "a.md", "a.json", "a.jsonl", "a.html", "a.htm", "a.xml", "a.rss", "a.atom",
         "a.txt.gz", "a.html.gz", "a.xml.bz2", "noext", "<stdin>"]  # fmt: skip


def read_any(data: bytes, name: str) -> list[Article | RecordError]:
    """Read `data` as `name`: Articles and RecordErrors, or one ReadError; nothing else."""
    try:
        items = list(read_stream(io.BytesIO(data), name))
    except ReadError as exc:
        message = str(exc)
        assert message and "\n" not in message
        assert "unexpected error" not in message, message  # a reader bug, not bad input
        return []
    for item in items:
        assert isinstance(item, (Article, RecordError)), type(item)
        if isinstance(item, Article):
            assert isinstance(item.body, str) and item.body.strip()
            item.body.encode("utf-8")  # storable: no lone surrogates
            item.title.encode("utf-8")
        else:
            assert item.reason and "\n" not in item.reason
    return items


@SETTINGS
@given(st.binary(max_size=3000), st.sampled_from(NAMES))
def test_any_bytes_into_any_reader(data: bytes, name: str) -> None:
    read_any(data, name)


@SETTINGS
@given(st.binary(max_size=1500), st.sampled_from(NAMES), st.sampled_from(["gz", "bz2"]),
       st.floats(0, 1))  # fmt: skip
def test_compressed_any_bytes_whole_or_cut(data: bytes, name: str, kind: str, cut: float) -> None:
    packed = gzip.compress(data) if kind == "gz" else bz2.compress(data)
    read_any(packed, name)
    read_any(packed[: int(len(packed) * cut)], name)


_TAGS = ["<html>", "<head>", "</head>", "<body>", "<p>", "</p>", "<div>", "<br>", "<script>",
         "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<title>", "</title>",
         "<article>", "<h1>", "</h1>", "&amp;", "&#x1b;", "&#0;", "&#xD800;", "&bogus;", "<",
         ">", "<?xml version='1.0'?>", "<!DOCTYPE x [<!ENTITY e 'ee'>]>", "&e;", "<rss>",
         "<channel>", "<item>", "</item>", "<entry>", "<feed xmlns='http://www.w3.org/2005/Atom'>",
         "<description>", "</description>", '"', "\u201c", "\u201d", "said", "Mayor Ana Ruiz",
         "\n", " ", "\x1b[2J", "\x00"]  # fmt: skip


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(_TAGS), st.text(max_size=15)), max_size=60),
       st.sampled_from(["a.html", "a.xml", "a.rss", "a.txt", "<stdin>"]))  # fmt: skip
def test_tag_soup_into_markup_readers(parts: list[str], name: str) -> None:
    read_any("".join(parts).encode("utf-8", errors="surrogatepass"), name)


_NEWS = ["\u201cWe will not back down,\u201d", '"It is over,"', "\u2018partly\u2019", "'yes'",
         "said", "told reporters", "Mayor Ana Ruiz", "the minister", "she", "he added", ".",
         ",", "\u2014", "\n\n", "\n", " ", "\u00ab", "\u00bb", '"', "\u201c", "\u201d",
         "according to officials", "Ruiz", "WASHINGTON (AP) \u2014", "By Jane Doe",
         "Published: 2024-03-05"]  # fmt: skip


@settings(SETTINGS, max_examples=120)
@given(st.lists(st.one_of(st.sampled_from(_NEWS), st.text(max_size=12)), min_size=1,
                max_size=80))  # fmt: skip
def test_any_text_ingested_gives_valid_quote_offsets(parts: list[str]) -> None:
    text = " ".join(parts).encode("utf-8", errors="replace")
    with Corpus(":memory:") as corpus:
        report = ingest(corpus, ["-"], stdin=io.BytesIO(text), workers=1)
        assert report.inputs == 1
        for summary in corpus.summaries():
            article = corpus.get_article(summary.id)
            assert article is not None
            check_quotes(article)


def check_quotes(article: Article) -> None:
    body = article.body
    for quote in article.quotes:
        assert 0 <= quote.start < quote.end <= len(body), quote
        assert body[quote.start : quote.end] == quote.text
        assert quote.kind in ("direct", "partial", "reported")
        if quote.mention_start is not None:
            assert quote.mention_end is not None
            assert 0 <= quote.mention_start < quote.mention_end <= len(body)
            assert body[quote.mention_start : quote.mention_end] == quote.mention
    for first, second in combinations(article.quotes, 2):
        a, b = sorted(((first.start, first.end), (second.start, second.end)))
        crossing = a[0] < b[0] < a[1] < b[1]
        assert not crossing, (first, second)  # nested or apart, never half inside
