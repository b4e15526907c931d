"""A long body is read a run of paragraphs at a time (pipeline.RUN_CHARACTERS): the
runs must not cut a quote off from its attribution, and must keep memory bounded."""

from __future__ import annotations

import random
import tracemalloc

import pytest
from quoth.corpus.extract import pipeline
from quoth.corpus.extract.marks import mark_codes
from quoth.corpus.extract.spans import pair_codes
from quoth.corpus.extract.text import paragraphs
from quoth.corpus.model import paragraphs_to_body

NAMES = ["Ann Lee", "Tom Reyes", "Margaret Coleridge", "Ricardo Vela"]
PARAGRAPHS = [
    "{name} told reporters on Monday that the plan would fail.",
    "“We are not going to let this go,” {name}, a county commissioner, said. “Not now.”",
    "The measure passed 64-34 after two days of haggling over money for the border.",
    "“The first part of the statement runs on,” {name} said.",
    "“It runs on into the next paragraph,\n\n“and closes here.”",
    "She said the mall would stay closed. “This is my community,” she said.",
    "Two soldiers were killed in the north, the military said on Saturday.",
]


def _long_body(paragraph_count: int, seed: int) -> str:
    rng = random.Random(seed)
    chosen = [rng.choice(PARAGRAPHS).format(name=rng.choice(NAMES)) for _ in range(paragraph_count)]
    return paragraphs_to_body("\n\n".join(chosen).split("\n\n"))


def _quotes(body: str) -> list[tuple[int, int, str, str | None, int | None]]:
    return [
        (q.start, q.end, q.kind, q.speaker, q.mention_start)
        for q in pipeline.run_pipeline(body).quotes
    ]


@pytest.mark.parametrize("seed", range(4))
def test_runs_find_what_one_reading_finds(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every name here comes before the quotes it speaks, as in news copy: reading the
    # body in many short runs must find the same quotes, speakers and mentions.
    body = _long_body(400, seed)
    assert len(body) > pipeline.RUN_CHARACTERS * 3 // 2
    monkeypatch.setattr(pipeline, "RUN_CHARACTERS", 10**9)
    whole = _quotes(body)
    monkeypatch.setattr(pipeline, "RUN_CHARACTERS", 400)
    assert _quotes(body) == whole
    assert len({quote[3] for quote in whole}) >= len(NAMES)


def test_a_run_never_ends_inside_a_quote(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "RUN_CHARACTERS", 50)
    body = _long_body(300, 7)
    paras = paragraphs(body)
    spans = pair_codes(body, mark_codes(body), paras)
    reach = pipeline._reaches(spans, len(paras))
    start, ends = 0, []
    while start < len(paras):
        end = pipeline._run_end(paras, reach, start)
        assert end >= start + 2 or end == len(paras)
        ends.append(end)
        start = end
    assert len(ends) > 10  # many runs were cut
    for span in spans:
        # No run ends after the paragraph a quote opens in and before the one it closes in.
        assert not any(span.paragraph < end <= span.last_paragraph for end in ends)


def test_quotes_that_each_run_into_the_next_paragraph_make_one_run() -> None:
    paras = paragraphs(paragraphs_to_body([f"Paragraph {index}." for index in range(5_000)]))
    chained = [index + 1 for index in range(len(paras) - 1)] + [len(paras) - 1]
    assert pipeline._run_end(paras, chained, 0) == len(paras)
    apart = list(range(len(paras)))
    assert 2 <= pipeline._run_end(paras, apart, 0) < len(paras)


def _peak_bytes(body: str) -> int:
    tracemalloc.start()
    try:
        pipeline.run_pipeline(body)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_grows_with_the_findings_not_with_the_tokens() -> None:
    # Mostly narrative, as news is: its tokens are let go run by run, and only the
    # findings (one quote per paragraph here) stay until the end.
    piece = "word " * 30 + '"a," he said word word. “b c” x "y" z.\n\n'
    small, large = piece * 1_000, piece * 4_000  # about 0.2 and 0.8 MB
    assert len(small) > 10 * pipeline.RUN_CHARACTERS
    # Read whole, four times the body took four times the memory (11.6 and 46.4 MB);
    # a run at a time, 2.7 and 5.6 MB.
    assert _peak_bytes(large) < 2.5 * _peak_bytes(small)
