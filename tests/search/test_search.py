"""The search engine on a small hand-made corpus: ranking, typos, fields, snapshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quoth.corpus import search as search_module
from quoth.corpus.model import Article, Quote, Speaker
from quoth.corpus.search import SearchEngine
from quoth.corpus.store import Corpus

MILLER = Speaker("Matthew Miller", "person", ["spokesperson"], ["Miller"])
KURILLA = Speaker("Michael Kurilla", "person", ["general"], ["Kurilla"])
DOE = Speaker("Jane Doe", "person", [], ["Doe"])


def article(
    title: str,
    body: str,
    date: str | None,
    source: str | None = None,
    quotes: list[tuple[Speaker, str, str]] = (),  # type: ignore[assignment]
) -> Article:
    """An article whose quotes (speaker, text, kind) are appended to the body."""
    found: list[Quote] = []
    speakers: dict[str, Speaker] = {}
    for speaker, text, kind in quotes:
        start = len(body) + 3
        body = f"{body}\n\n“{text}” {speaker.name} said."
        found.append(Quote(text, start, start + len(text), kind, speaker.name))
        copy = speakers.setdefault(
            speaker.name,
            Speaker(speaker.name, speaker.kind, list(speaker.titles), list(speaker.aliases)),
        )
        copy.quotes += 1
    return Article(
        body=body,
        title=title,
        date=date,
        source=source,
        quotes=found,
        speakers=list(speakers.values()),
    )


ARTICLES = [
    article(
        "Kurilla warns of border escalation",
        "The general spoke at the border post.",
        "2023-07-24",
        "Dawn",
        [(KURILLA, "We are ready for anything", "direct")],
    ),
    article(
        "Harbour bridge vote delayed",
        "Investigators found cracks in the old harbour bridge.",
        "2023-07-02",
        "Reuters",
        [(MILLER, "that the vote would wait", "reported")],
    ),
    article(
        "Fraud trial opens in Norbury",
        "The budget office and investigators testified.",
        "2024-02-01",
        "Reuters",
        [(MILLER, "The trial is fair", "direct"), (DOE, "a sad day", "partial")],
    ),
    article(
        "Weather report for the coast",
        "Forecasters cited a memo from Kurilla on storms.",
        "2024-05-10",
        "The Coast Courier",
        [(DOE, "Bring an umbrella", "direct")],
    ),
    article(
        "Budget approved by council",
        "Councillors voted late on Tuesday.",
        "2019-03-03",
        "Associated Press",
    ),
    article(
        "Markets rally",
        "Shares rose as the bride of the chairman rang the bell.",
        "2025-01-15",
        "Associated Press",
    ),
    article("Wedding season", "The bride arrived late.", "2025-06-01", "The Coast Courier"),
    article("An undated note", "Nothing much happened to the harbour.", None, None),
]


def open_corpus(path: Path, articles: list[Article]) -> Corpus:
    corpus = Corpus(path)
    corpus.add_articles(articles)
    return corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Corpus]:
    with open_corpus(tmp_path / "corpus.db", ARTICLES) as opened:
        yield opened


@pytest.fixture
def engine(corpus: Corpus) -> SearchEngine:
    return SearchEngine(corpus)


def titles(engine: SearchEngine, query: str) -> list[str]:
    return [hit.title for hit in engine.search(query).hits]


def test_empty_query_lists_everything_newest_first_undated_last(engine: SearchEngine) -> None:
    results = engine.search("")
    dates = [hit.date for hit in results.hits]
    assert results.total == len(ARTICLES) == len(results.hits)
    assert dates[-1] is None
    assert dates[:-1] == sorted(dates[:-1], reverse=True)


def test_limit(engine: SearchEngine) -> None:
    results = engine.search("", limit=2)
    assert len(results.hits) == 2
    assert results.total == len(ARTICLES)
    assert engine.search("harbour", limit=0).hits == []


def test_exact_title_match_beats_fuzzy_body_match(engine: SearchEngine) -> None:
    # "bridge" is in one 2023 title; the newer articles only have "bride", one edit
    # away and more common, in their bodies.
    found = titles(engine, "bridge")
    assert found == ["Harbour bridge vote delayed", "Wedding season", "Markets rally"]
    hits = engine.search("bridge").hits
    assert hits[0].score > hits[1].score > hits[2].score


def test_a_common_word_is_not_corrected_into_a_rarer_one(engine: SearchEngine) -> None:
    assert titles(engine, "bride") == ["Wedding season", "Markets rally"]


def test_title_match_beats_body_match_of_the_same_word(engine: SearchEngine) -> None:
    found = titles(engine, "investigators")
    assert found == ["Fraud trial opens in Norbury", "Harbour bridge vote delayed"]
    found = titles(engine, "kurilla")
    assert found == ["Kurilla warns of border escalation", "Weather report for the coast"]


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("kurila", "Kurilla warns of border escalation"),
        ("kurrilla", "Kurilla warns of border escalation"),
        ("investigatrs", "Harbour bridge vote delayed"),  # a body word
        ("investgators", "Fraud trial opens in Norbury"),
        ("harbuor", "Harbour bridge vote delayed"),
    ],
)
def test_typos_still_find(engine: SearchEngine, typo: str, expected: str) -> None:
    assert expected in titles(engine, typo)


def test_every_keystroke_matches_as_a_prefix(engine: SearchEngine) -> None:
    for typed in ("ku", "kur", "kuri", "kuril", "kurill", "kurilla"):
        assert "Kurilla warns of border escalation" in titles(engine, typed), typed
    # The title match first, then body matches (bride, bride, "Bring") newest first.
    assert titles(engine, "bri") == [
        "Harbour bridge vote delayed",
        "Wedding season",
        "Markets rally",
        "Weather report for the coast",
    ]


def test_a_single_letter_waits_for_the_next(engine: SearchEngine) -> None:
    assert titles(engine, "k") == titles(engine, "")
    assert titles(engine, "kurilla w") == titles(engine, "kurilla")


def test_multi_word_queries_need_every_word(engine: SearchEngine) -> None:
    assert titles(engine, "harbour cracks") == ["Harbour bridge vote delayed"]
    assert titles(engine, "harbour umbrella") == []


def test_phrase(engine: SearchEngine) -> None:
    assert titles(engine, '"border escalation"') == ["Kurilla warns of border escalation"]
    assert titles(engine, '"escalation border"') == []


def test_exclusion(engine: SearchEngine) -> None:
    assert titles(engine, "harbour -bridge") == ["An undated note"]
    assert "Harbour bridge vote delayed" not in titles(engine, '-"harbour bridge"')
    assert len(titles(engine, '-"harbour bridge"')) == len(ARTICLES) - 1


def _quoting(speaker_name: str) -> set[str]:
    return {a.title for a in ARTICLES if any(q.speaker == speaker_name for q in a.quotes)}


@pytest.mark.parametrize(
    "query", ["speaker:miller", 'speaker:"Matthew Miller"', "speaker:MATTHEW", "speaker:millr"]
)
def test_speaker_finds_every_article_quoting_them_and_only_those(
    engine: SearchEngine, query: str
) -> None:
    assert set(titles(engine, query)) == _quoting(MILLER.name)


def test_speaker_is_about_quotes_not_mentions(engine: SearchEngine) -> None:
    # The weather article mentions Kurilla in its body but does not quote him.
    assert set(titles(engine, "speaker:kurilla")) == _quoting(KURILLA.name)
    assert titles(engine, "speaker:nobody") == []


def test_speaker_with_kind_means_that_speakers_quotes_of_that_kind(engine: SearchEngine) -> None:
    assert titles(engine, "speaker:miller kind:direct") == ["Fraud trial opens in Norbury"]
    assert titles(engine, "speaker:miller kind:reported") == ["Harbour bridge vote delayed"]


def test_source(engine: SearchEngine) -> None:
    expected = ["Fraud trial opens in Norbury", "Harbour bridge vote delayed"]
    assert titles(engine, "source:reuters") == expected
    assert titles(engine, "source:reuter") == expected
    assert titles(engine, "source:ruters") == expected
    assert titles(engine, 'source:"associated press" budget') == ["Budget approved by council"]
    assert set(titles(engine, "source:reuters source:dawn")) == {*expected, ARTICLES[0].title}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:2023-07", {"Kurilla warns of border escalation", "Harbour bridge vote delayed"}),
        ("date:2023-07-02", {"Harbour bridge vote delayed"}),
        ("date:2024", {"Fraud trial opens in Norbury", "Weather report for the coast"}),
        ("after:2024-05-10", {"Weather report for the coast", "Markets rally", "Wedding season"}),
        ("before:2023-07-24", {"Harbour bridge vote delayed", "Budget approved by council"}),
        ("after:2023 before:2024 harbour", {"Harbour bridge vote delayed"}),
        ("date:2030", set()),
    ],
)
def test_date_ranges(engine: SearchEngine, query: str, expected: set[str]) -> None:
    assert set(titles(engine, query)) == expected


def test_kind_and_has_quotes(engine: SearchEngine) -> None:
    assert set(titles(engine, "kind:partial")) == {"Fraud trial opens in Norbury"}
    assert set(titles(engine, "kind:reported kind:partial")) == {
        "Fraud trial opens in Norbury",
        "Harbour bridge vote delayed",
    }
    assert set(titles(engine, "has:quotes")) == {a.title for a in ARTICLES if a.quotes}


def test_read_state_is_live(corpus: Corpus, engine: SearchEngine) -> None:
    assert titles(engine, "is:starred") == []
    assert len(titles(engine, "is:unread")) == len(ARTICLES)
    corpus.conn.execute(
        "UPDATE articles SET starred = 1, is_read = 1 WHERE title = 'Markets rally'"
    )
    assert titles(engine, "is:starred") == ["Markets rally"]
    assert titles(engine, "is:read") == ["Markets rally"]
    assert "Markets rally" not in titles(engine, "is:unread")


def test_title_spans_mark_the_matched_words(engine: SearchEngine) -> None:
    hit = engine.search("kuril escalatoin").hits[0]
    assert hit.title == "Kurilla warns of border escalation"
    assert [hit.title[start:end] for start, end in hit.title_spans] == ["Kurilla", "escalation"]
    assert engine.search("").hits[0].title_spans == ()


def test_total_is_capped(engine: SearchEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "TOTAL_CAP", 2)
    results = engine.search("the", limit=1)  # "the" is in most bodies
    assert len(results.hits) == 1
    assert results.total == 2


def test_the_engine_searches_a_snapshot_until_refresh(corpus: Corpus) -> None:
    engine = SearchEngine(corpus)
    engine.load()
    corpus.add_articles([article("Late breaking harbour news", "Fresh copy.", "2026-01-01")])
    assert "Late breaking harbour news" not in titles(engine, "harbour")
    engine.refresh()
    assert titles(engine, "harbour")[0] == "Late breaking harbour news"


def test_load_is_idempotent_and_lazy_loading_gives_the_same_answers(corpus: Corpus) -> None:
    lazy = SearchEngine(corpus)
    loaded = SearchEngine(corpus)
    loaded.load()
    loaded.load()
    for query in ("kurila", "investigatrs", "speaker:millr", "source:ruters budget", ""):
        assert lazy.search(query) == loaded.search(query)


def test_empty_corpus(tmp_path) -> None:
    with Corpus(tmp_path / "empty.db") as empty:
        engine = SearchEngine(empty)
        engine.load()
        for query in ("", "anything", "speaker:x date:2023 -y", '"a b"'):
            assert engine.search(query).hits == []


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list('ab "-:*()^{}speakrdtio2023NOT'))))
def test_never_raises(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzz.db"
    with Corpus(path) as opened:
        if not opened.article_count():
            opened.add_articles(ARTICLES)
        results = SearchEngine(opened).search(text)
        assert results.total >= len(results.hits)


def test_accents_are_folded_for_matching_and_highlighting(tmp_path: Path) -> None:
    articles = [article("Zürich mayor backs café tax", "Le maire a parlé.", "2024-01-01")]
    with open_corpus(tmp_path / "accents.db", articles) as opened:
        hit = SearchEngine(opened).search("zurich CAFE").hits[0]
        assert [hit.title[s:e] for s, e in hit.title_spans] == ["Zürich", "café"]
        assert SearchEngine(opened).search("parle").total == 1


def test_total_counts_every_match_below_the_cap(engine: SearchEngine) -> None:
    results = engine.search("the", limit=2)
    assert len(results.hits) == 2
    assert results.total == len(engine.search("the", limit=100).hits) > 2


def test_negated_fields_exclude(corpus: Corpus, engine: SearchEngine) -> None:
    everything = {a.title for a in ARTICLES}
    assert set(titles(engine, "-speaker:miller")) == everything - _quoting(MILLER.name)
    assert set(titles(engine, "-source:reuters")) == everything - {
        "Fraud trial opens in Norbury",
        "Harbour bridge vote delayed",
    }
    assert set(titles(engine, "-has:quotes")) == {a.title for a in ARTICLES if not a.quotes}
    assert "Fraud trial opens in Norbury" not in titles(engine, "-kind:partial")
    assert set(titles(engine, "-after:2024-05-10")) == set(titles(engine, "before:2024-05-10"))
    corpus.conn.execute("UPDATE articles SET is_read = 1 WHERE title = 'Markets rally'")
    assert set(titles(engine, "-is:read")) == everything - {"Markets rally"}
    assert titles(engine, "-is:unread") == ["Markets rally"]
