"""Write a synthetic corpus of news-like articles for the search benchmark.

    python tests/bench/generate_corpus.py /tmp/quoth-bench-100k.db --articles 100000

Deterministic (fixed seed): the same arguments always give the same corpus, so
a file that already holds the requested number of articles is reused as is.
The text is word salad with a realistic shape: a Zipf-distributed vocabulary
of common words plus tens of thousands of made-up rarer words and names, so the
full-text index and its vocabulary grow the way a real corpus's do. Articles
are written in random date order (the worst case for newest-first ranking).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

from quoth.corpus.model import Article, Quote, Speaker
from quoth.corpus.store import Corpus

SEED = 20230724
BATCH = 2000

_COMMON_TEXT = (
    "the of and to in a said that for on is was with he it as at by from his be have "
    "has had are but not they were its who will would an this their which been after "
    "more year also one two new over than first government people when last into up "
    "minister officials could other about there some all report police talks told week "
    "state country president city court plan deal security border military forces "
    "agreement election vote party budget economy market prices workers union strike "
    "hospital health water energy oil gas trade exports funding council mayor judge "
    "trial investigators investigation evidence statement spokesman spokeswoman "
    "commander army navy defence ministry foreign affairs minister officials meeting "
    "summit leaders region regional capital harbour bridge railway flood storm heat "
    "climate emergency services public private company shares bank interest rates "
    "inflation jobs cuts staff contract talks negotiations ceasefire troops attack "
    "protest protesters crowd rally campaign candidate opposition coalition parliament "
    "senate committee hearing inquiry allegations fraud verdict sentence appeal"
)
COMMON = _COMMON_TEXT.split()
SOURCES = (
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "BBC News",
    "The Guardian",
    "Dawn",
    "The Express Tribune",
    "Al Jazeera",
    "Deutsche Welle",
    "The Hindu",
    "Financial Times",
    "Bloomberg",
    "The Times",
    "Le Monde",
    "El País",
    "NHK World",
) + tuple(f"The {town} Courier" for town in ("Norbury", "Larkspur", "Harwick", "Eastmoor"))
KINDS = ("direct", "direct", "direct", "partial", "reported", "reported")
_SYLLABLE_TEXT = (
    "ka ri la mo ne ta su vo lin dar bel gor han ur is tra mel pon sek vin zu "
    "ber nor wick ash ton ley ham ford mar cel an dre ol go fi ya ko mu ser"
)
SYLLABLES = _SYLLABLE_TEXT.split()


def made_up_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def build_vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    rare = sorted({made_up_word(rng, rng.randint(2, 4)) for _ in range(60_000)})
    rng.shuffle(rare)
    words = COMMON + rare
    # Zipf: the n-th word is drawn with weight 1/n.
    weights = list(accumulate(1.0 / (rank + 1) for rank in range(len(words))))
    return words, weights


def build_people(rng: random.Random, count: int) -> list[Speaker]:
    people: dict[str, Speaker] = {}
    while len(people) < count:
        first = made_up_word(rng, rng.randint(1, 2)).capitalize()
        last = made_up_word(rng, rng.randint(2, 3)).capitalize()
        name = f"{first} {last}"
        title = rng.choice(("minister", "spokesperson", "general", "mayor", "senator", ""))
        people[name] = Speaker(name, "person", [title] if title else [], [last])
    return list(people.values())


def sentence(rng: random.Random, words: list[str], weights: list[float], n: int) -> str:
    picked = rng.choices(words, cum_weights=weights, k=n)
    return " ".join(picked).capitalize() + "."


def make_article(
    rng: random.Random,
    serial: int,
    words: list[str],
    weights: list[float],
    people: list[Speaker],
) -> Article:
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(11 * 365))
    speakers = rng.sample(people, rng.choice((0, 1, 1, 2, 2, 3)))
    title_words = rng.choices(words, cum_weights=weights, k=rng.randint(5, 10))
    if speakers:
        title_words.insert(rng.randrange(len(title_words)), speakers[0].aliases[0])
    title = " ".join(title_words).capitalize()
    paragraphs: list[str] = []
    quotes: list[Quote] = []
    offset = 0
    used: list[Speaker] = []
    for _ in range(rng.randint(6, 12)):
        text = " ".join(sentence(rng, words, weights, rng.randint(8, 20)) for _ in range(2))
        if speakers and rng.random() < 0.4:
            who = rng.choice(speakers)
            said = sentence(rng, words, weights, rng.randint(6, 14))
            lead = f"“{said}” {who.name} said. "
            quotes.append(
                Quote(
                    said,
                    offset + 1,
                    offset + 1 + len(said),
                    rng.choice(KINDS),
                    who.name,
                    who.name,
                    offset + len(said) + 3,
                    offset + len(said) + 3 + len(who.name),
                    "said",
                )
            )
            if who not in used:
                used.append(who)
            text = lead + text
        paragraphs.append(text)
        offset += len(text) + 2
    body = "\n\n".join(paragraphs) + f"\n\n[{serial}]"  # the serial keeps every body unique
    counted = [
        Speaker(
            s.name,
            s.kind,
            list(s.titles),
            list(s.aliases),
            sum(q.speaker == s.name for q in quotes),
        )
        for s in used
    ]
    return Article(
        body=body,
        title=title,
        origin=f"bench/{serial}.txt",
        format="text",
        date=day.isoformat(),
        source=rng.choice(SOURCES),
        quotes=quotes,
        speakers=counted,
    )


def generate(rng_seed: int, count: int) -> Iterator[Article]:
    rng = random.Random(rng_seed)
    words, weights = build_vocabulary(rng)
    people = build_people(rng, max(50, min(8000, count // 10)))
    for serial in range(count):
        yield make_article(rng, serial, words, weights, people)


def ensure_corpus(path: Path, count: int, *, quiet: bool = False) -> Path:
    """Create the corpus at `path` unless it already holds `count` articles."""
    if path.exists():
        with Corpus(path) as existing:
            if existing.article_count() == count:
                return path
        path.unlink()
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    with Corpus(path) as corpus:
        batch: list[Article] = []
        for article in generate(SEED, count):
            batch.append(article)
            if len(batch) == BATCH:
                corpus.add_articles(batch)
                batch = []
                if not quiet:
                    print(f"\r{corpus.article_count():,} articles", end="", file=sys.stderr)
        corpus.add_articles(batch)
        corpus.conn.execute("PRAGMA optimize")
    if not quiet:
        print(
            f"\rwrote {count:,} articles to {path} in {time.perf_counter() - started:.1f}s",
            file=sys.stderr,
        )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    ensure_corpus(args.path, args.articles)


if __name__ == "__main__":
    main()
