"""Benchmark the extractor: articles per second, and the cost of a hostile 2 MB article.

Run alone: `python tests/bench/bench_extract.py`. Rates are medians of 5 runs, in
CPU time (what the targets are about: other work on a shared machine does not
count) and in wall time; the dev gold articles give a second, hand-written set.
The input is generated here:
newsroom-like articles of 2-5k characters built from varied paragraphs, and one
2 MB article holding a quarter of a million quote marks (balanced, unbalanced,
reopened across paragraphs) to show the cost stays linear.
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from quoth.corpus.extract import extract
from quoth.corpus.model import paragraphs_to_body

# Attributed paragraphs (quotes, reported speech) and plain narrative ones, in
# about the proportion of wire copy: roughly half of a news story's paragraphs
# carry no attribution at all.
ATTRIBUTED = [
    "“We are not going to let the government go dark,” Senate Majority Leader {name}, D-Ore., "
    "said on the floor before the vote. “The American people expect us to do our jobs.”",
    "{name} said the package would reach the floor on Friday, though any senator can slow it.",
    "The Inter-Services Public Relations (ISPR), in a statement, said the meeting took place "
    "at the General Headquarters in Rawalpindi.",
    "According to two Senate aides who spoke on condition of anonymity, the final sticking point "
    "was a provision on border money.",
    '"Nobody in this chamber got everything they wanted," {name} told reporters after the vote.',
    "Two soldiers were killed in an exchange of fire in the north, the military said on Saturday.",
    "“I didn’t come here to be on TV. I came here to win,” the former governor said, to applause.",
    "Mexican Economy Minister {name} called the U.S. position “unreasonable” and said his "
    "government had offered a monitoring system.",
    "She said the mall would stay closed through the weekend. “This is my community,” she said.",
    "Officials, speaking on condition of anonymity, said the deal was close to done.",
]
NARRATIVE = [
    "Shares of steelmakers rose after the talks ended, with the sector index up 2.1% in "
    "afternoon trading, while the peso weakened 0.6% against the dollar.",
    "The measure is the second of two packages that together fund the government through "
    "Sept. 30. The first, covering agriculture and veterans programs, passed last month.",
    "The 64-34 vote came after two days of closed-door haggling over money for border "
    "enforcement and a late dispute about disaster aid for flood-stricken states.",
    "Steel tariffs would hit an industry that employs roughly 60,000 people in the north and "
    "would complicate the review of the trade pact due next year.",
    "The fire had spread across three counties by Tuesday evening, forcing the closure of two "
    "highways and the evacuation of several thousand homes in the foothills.",
    "{name} is due to testify before the Senate Finance Committee on Thursday, where lawmakers "
    "from steel-producing states are expected to press for a firm line.",
    "The terror attacks have spiked since November last year when the group ended its ceasefire, "
    "with the armed forces also ramping up operations in the border districts.",
    "Republicans were split. Several members voted to advance the bill after a late change to "
    "the disaster aid formula, while others held out for deeper cuts.",
]
NAMES = ["Harold Brennan", "Margaret Coleridge", "Ricardo Vela", "Ann Lee", "Tom Reyes"]


def make_article(rng: random.Random) -> str:
    paragraphs: list[str] = []
    target = rng.randint(2000, 5000)
    while sum(len(p) + 2 for p in paragraphs) < target:
        pool = ATTRIBUTED if rng.random() < 0.5 else NARRATIVE
        paragraphs.append(rng.choice(pool).format(name=rng.choice(NAMES)))
    return paragraphs_to_body(paragraphs)


def make_hostile_article(size: int = 2_000_000, marks: int = 250_000) -> str:
    """About `size` characters with about `marks` quote marks in awkward patterns."""
    rng = random.Random(7)
    pieces = ['"a," he said', "“b", "c”", '"', "„d“", "«e»", "“f.\n\n“g,” Kim said", 'x "y" z']
    chunks: list[str] = []
    length = count = 0
    filler = "word "
    while length < size:
        piece = rng.choice(pieces)
        count += sum(piece.count(m) for m in '"“”„«»')
        chunk = piece + " " + (filler if count < marks else "word " * 40)
        if rng.random() < 0.02:
            chunk += "\n\n"
        chunks.append(chunk)
        length += len(chunk)
    return "".join(chunks)[:size]


def make_many_bodies_article(count: int) -> str:
    """An article naming `count` different bodies, each twice: the speaker registry
    must stay linear however many names it holds."""
    rng = random.Random(11)
    words = ["Alder", "Birch", "Cedar", "Dover", "Elm", "Glen", "Hazel", "Larch", "Rowan", "Thorn"]
    paragraphs = []
    for number in range(count):
        name = f"{rng.choice(words)} {rng.choice(words)} {number} Council"
        paragraphs.append(f"The {name} said the plan would fail. Officials at the {name} agreed.")
    return paragraphs_to_body(paragraphs)


def articles_per_second(articles: list[str]) -> tuple[float, float]:
    """Rates over CPU time of this process (other work on a shared machine does not
    count) and over wall-clock time."""
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    for body in articles:
        extract(body)
    cpu, wall = time.process_time() - cpu_start, time.perf_counter() - wall_start
    return len(articles) / cpu, len(articles) / wall


GOLD = Path(__file__).resolve().parents[1] / "gold"


def gold_bodies(pattern: str = "articles/*.txt") -> list[str]:
    """Gold articles (by default the dev set), bodies as a reader stores them."""
    split = re.compile(r"\n\s*\n")
    return [
        paragraphs_to_body(split.split(path.read_text(encoding="utf-8")))
        for path in sorted(GOLD.glob(pattern))
    ]


def all_gold_bodies_of_2_to_5k() -> list[str]:
    """Every gold article of 2-5k characters, dev and held-out: hand-written copy in
    many house styles, costlier per character than the generated articles."""
    bodies = gold_bodies("articles/*.txt") + gold_bodies("*/articles/*.txt")
    return [body for body in bodies if 2000 <= len(body) <= 5000]


def report_rates(label: str, articles: list[str], runs: int = 5) -> None:
    rates = [articles_per_second(articles) for _ in range(runs)]
    cpu = [rate[0] for rate in rates]
    wall = [rate[1] for rate in rates]
    mean_length = sum(map(len, articles)) / len(articles)
    print(f"{label}: {len(articles)} articles of {mean_length:,.0f} chars on average")
    print(
        f"  CPU time:  median {statistics.median(cpu):,.0f} articles/s (runs: "
        + ", ".join(f"{r:,.0f}" for r in cpu)
        + ")"
    )
    print(
        f"  wall time: median {statistics.median(wall):,.0f} articles/s (runs: "
        + ", ".join(f"{r:,.0f}" for r in wall)
        + ")"
    )


def cpu_seconds(body: str, runs: int = 3) -> float:
    """Median CPU time of extracting `body`."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        extract(body)
        times.append(time.process_time() - start)
    return statistics.median(times)


def peak_megabytes(body: str) -> float:
    """Peak memory the extraction of `body` allocates, in MB (tracemalloc: its own
    bookkeeping slows the run, so it is measured apart from the timings)."""
    tracemalloc.start()
    try:
        extract(body)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def reference_milliseconds(runs: int = 5) -> float:
    """Median CPU time of a fixed pure-Python workload of the extractor's kind (splitting
    text, set lookups, small objects made and read), in ms.

    The same machine runs 15% faster or slower from one hour to the next: rates read
    beside this figure can be compared across runs (a rate times this figure stays
    about the same when only the machine's speed changed).
    """
    words = ("The measure is the second of two packages, Sen. Ann Lee said on Friday. " * 40).split(
        " "
    )
    lookup = frozenset({"said", "told", "Lee", "packages,"})
    times = []
    for _ in range(runs):
        start = time.process_time()
        for _ in range(300):
            made = [_Probe(word, len(word)) for word in words if word not in lookup]
            sum(probe.size for probe in made if probe.word.islower())
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


class _Probe:
    __slots__ = ("word", "size")

    def __init__(self, word: str, size: int) -> None:
        self.word = word
        self.size = size


def main() -> int:
    print(
        f"machine reference: {reference_milliseconds():.1f} ms CPU for a fixed pure-Python "
        "workload (lower is a faster machine; compare rates across runs by it)"
    )
    rng = random.Random(42)
    articles = [make_article(rng) for _ in range(500)]
    extract(articles[0])  # load the lexicon before timing
    report_rates("generated newsroom articles (2-5k chars)", articles)
    report_rates("dev gold articles", gold_bodies())
    report_rates("all gold articles of 2-5k chars (dev and held-out)", all_gold_bodies_of_2_to_5k())
    hostile = make_hostile_article()
    mark_count = sum(hostile.count(m) for m in '"“”„«»')
    elapsed = cpu_seconds(hostile)
    print(
        f"hostile article: {len(hostile):,} chars, {mark_count:,} quote marks, "
        f"{elapsed:.2f} s CPU (median of 3), {len(extract(hostile).quotes):,} quotes"
    )
    print(f"  peak memory while extracting it: {peak_megabytes(hostile):.0f} MB (tracemalloc)")
    one_paragraph = '"Yes," he said. ' * 125_000  # 2 MB, 250,000 marks, no paragraph break
    print(f"one 2 MB paragraph of 250,000 marks: {cpu_seconds(one_paragraph):.2f} s CPU")
    many, fewer = make_many_bodies_article(4000), make_many_bodies_article(2000)
    many_elapsed, fewer_elapsed = cpu_seconds(many), cpu_seconds(fewer)
    print(
        f"an article naming 4,000 bodies ({len(many):,} chars): {many_elapsed:.2f} s; "
        f"2,000 bodies: {fewer_elapsed:.2f} s (ratio {many_elapsed / fewer_elapsed:.2f})"
    )
    half_elapsed = cpu_seconds(hostile[: len(hostile) // 2])
    print(
        f"half of the hostile article: {half_elapsed:.2f} s (linear cost keeps the ratio "
        f"near 2: {elapsed / half_elapsed:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
