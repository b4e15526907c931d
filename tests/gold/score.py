"""Score the quote extractor against the hand-written gold set.

Usage:
    python tests/gold/score.py [--verbose] [--only SLUG] [--with-seed] [--dir PATH]

--dir scores another directory of <slug>.txt + <slug>.gold.json pairs, such as
the held-out set: `--dir tests/gold/heldout/articles`.

Each gold quote's text is located in the article body; an extracted quote
matches a gold quote when their character spans overlap with
intersection/union >= 0.5 (one-to-one, greedy by best overlap). Precision
counts an extracted item as right when it matches a gold item of any kind;
recall, speaker accuracy and anonymous-flag accuracy are reported per gold kind.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quoth.corpus.model import paragraphs_to_body

GOLD_DIR = Path(__file__).resolve().parent / "articles"
SEED_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
KINDS = ("direct", "partial", "reported")
MIN_OVERLAP = 0.5
_PARAGRAPH_SPLIT = re.compile(r"\n\s*\n")


@dataclass
class GoldQuote:
    kind: str
    text: str
    start: int
    end: int
    speaker: str
    anonymous: bool
    speaker_names: set[str] = field(default_factory=set)  # name + aliases, normalised


@dataclass
class Found:
    """One extracted quote, reduced to what scoring needs."""

    kind: str
    text: str
    start: int
    end: int
    speaker: str | None
    anonymous: bool


@dataclass
class ArticleResult:
    slug: str
    gold: list[GoldQuote]
    found: list[Found]
    pairs: list[tuple[int, int]]  # (gold index, found index)
    error: str | None = None


def read_body(path: Path) -> str:
    """Body exactly as a reader would store it."""
    raw = path.read_text(encoding="utf-8")
    return paragraphs_to_body(_PARAGRAPH_SPLIT.split(raw))


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")


def normalise_name(name: str | None) -> str:
    """Casefolded, spaces collapsed, without a leading article ("the ISPR" = "ISPR")."""
    cleaned = " ".join((name or "").casefold().split())
    return _LEADING_ARTICLE.sub("", cleaned)


def locate(body: str, text: str, occurrence: int = 1) -> int:
    """Offset of the occurrence-th appearance of text in body, or -1."""
    position = -1
    for _ in range(max(occurrence, 1)):
        position = body.find(text, position + 1)
        if position < 0:
            return -1
    return position


def speaker_names(gold: dict[str, Any]) -> dict[str, set[str]]:
    """Canonical speaker name -> every accepted spelling (name and aliases)."""
    names: dict[str, set[str]] = {}
    for speaker in gold.get("speakers", []):
        accepted = {normalise_name(speaker["name"])}
        accepted.update(normalise_name(alias) for alias in speaker.get("aliases", []))
        names[speaker["name"]] = accepted
    return names


def gold_quotes(body: str, gold: dict[str, Any]) -> list[GoldQuote]:
    names = speaker_names(gold)
    quotes = []
    for item in gold.get("quotes", []):
        start = locate(body, item["text"], item.get("occurrence", 1))
        if start < 0:
            raise ValueError(f"gold text not in body: {item['text'][:60]!r}")
        speaker = item["speaker"]
        quotes.append(
            GoldQuote(
                kind=item["kind"],
                text=item["text"],
                start=start,
                end=start + len(item["text"]),
                speaker=speaker,
                anonymous=bool(item.get("anonymous", False)),
                speaker_names=names.get(speaker, {normalise_name(speaker)}),
            )
        )
    return quotes


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """Intersection over union of two character spans."""
    intersection = min(a_end, b_end) - max(a_start, b_start)
    if intersection <= 0:
        return 0.0
    union = max(a_end, b_end) - min(a_start, b_start)
    return intersection / union


def match(gold: list[GoldQuote], found: list[Found]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, found index), best overlaps first."""
    candidates = []
    for g_index, g in enumerate(gold):
        for f_index, f in enumerate(found):
            score = overlap(g.start, g.end, f.start, f.end)
            if score >= MIN_OVERLAP:
                candidates.append((score, g_index, f_index))
    candidates.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_gold: set[int] = set()
    used_found: set[int] = set()
    pairs = []
    for _, g_index, f_index in candidates:
        if g_index in used_gold or f_index in used_found:
            continue
        used_gold.add(g_index)
        used_found.add(f_index)
        pairs.append((g_index, f_index))
    return sorted(pairs)


def is_whole_word_suffix(short: str, long: str) -> bool:
    return bool(short) and (long == short or long.endswith(" " + short))


def speaker_matches(gold: GoldQuote, found_speaker: str | None) -> bool:
    """Same speaker: equal to the name or an alias, or a whole-word suffix either way."""
    candidate = normalise_name(found_speaker)
    if not candidate:
        return False
    for accepted in gold.speaker_names:
        if candidate == accepted:
            return True
        if is_whole_word_suffix(candidate, accepted) or is_whole_word_suffix(accepted, candidate):
            return True
    return False


def to_found(quote: Any) -> Found:
    return Found(
        kind=str(getattr(quote, "kind", "direct")),
        text=str(getattr(quote, "text", "")),
        start=int(quote.start),
        end=int(quote.end),
        speaker=getattr(quote, "speaker", None),
        anonymous=bool(getattr(quote, "anonymous", False)),
    )


def score_article(
    slug: str, body: str, gold: dict[str, Any], extractor: Callable[[str], Any]
) -> ArticleResult:
    quotes = gold_quotes(body, gold)
    try:
        extraction = extractor(body)
        found = [to_found(q) for q in extraction.quotes]
    except Exception as error:  # a crash is scored as finding nothing, and reported
        return ArticleResult(slug, quotes, [], [], error=f"{type(error).__name__}: {error}")
    return ArticleResult(slug, quotes, found, match(quotes, found))


def load_gold_dir(directory: Path) -> Iterable[tuple[str, str, dict[str, Any]]]:
    for gold_path in sorted(directory.glob("*.gold.json")):
        slug = gold_path.name[: -len(".gold.json")]
        body = read_body(directory / f"{slug}.txt")
        yield slug, body, json.loads(gold_path.read_text(encoding="utf-8"))


def seed_as_gold(expected: dict[str, Any]) -> dict[str, Any]:
    """The seed sample's expected.json (must + should) in gold-file form."""
    quotes = [dict(item) for item in expected.get("must", []) + expected.get("should", [])]
    for quote in quotes:
        quote.setdefault("anonymous", False)
    return {"style": "seed", "quotes": quotes, "speakers": expected.get("speakers", [])}


def load_seed(directory: Path) -> Iterable[tuple[str, str, dict[str, Any]]]:
    if not directory.is_dir():
        return
    for expected_path in sorted(directory.glob("*.expected.json")):
        slug = expected_path.name[: -len(".expected.json")]
        text_path = directory / f"{slug}.txt"
        if text_path.exists():
            expected = json.loads(expected_path.read_text(encoding="utf-8"))
            yield f"seed:{slug}", read_body(text_path), seed_as_gold(expected)


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def summarise(results: list[ArticleResult]) -> dict[str, Any]:
    """Per-kind and overall counts and rates."""
    summary: dict[str, Any] = {}
    for kind in (*KINDS, "overall"):
        wanted = KINDS if kind == "overall" else (kind,)
        gold_count = found_count = found_right = recalled = speaker_ok = anon_ok = 0
        for result in results:
            matched_found = {f for _, f in result.pairs}
            gold_of_kind = [i for i, g in enumerate(result.gold) if g.kind in wanted]
            found_of_kind = [i for i, f in enumerate(result.found) if f.kind in wanted]
            gold_count += len(gold_of_kind)
            found_count += len(found_of_kind)
            found_right += sum(1 for i in found_of_kind if i in matched_found)
            for g_index, f_index in result.pairs:
                gold = result.gold[g_index]
                if gold.kind not in wanted:
                    continue
                recalled += 1
                speaker_ok += speaker_matches(gold, result.found[f_index].speaker)
                anon_ok += gold.anonymous == result.found[f_index].anonymous
        summary[kind] = {
            "gold": gold_count,
            "extracted": found_count,
            "precision": ratio(found_right, found_count),
            "recall": ratio(recalled, gold_count),
            "speaker_accuracy": ratio(speaker_ok, recalled),
            "anonymous_accuracy": ratio(anon_ok, recalled),
        }
    summary["articles"] = len(results)
    summary["errors"] = [f"{r.slug}: {r.error}" for r in results if r.error]
    return summary


def default_extractor() -> Callable[[str], Any]:
    from quoth.corpus.extract import extract

    return extract


def score_results(
    directory: Path | str = GOLD_DIR,
    only: str | None = None,
    seed_dir: Path | None = None,
    extractor: Callable[[str], Any] | None = None,
) -> list[ArticleResult]:
    run = extractor or default_extractor()
    items = list(load_gold_dir(Path(directory)))
    if seed_dir is not None:
        items += list(load_seed(seed_dir))
    return [
        score_article(slug, body, gold, run)
        for slug, body, gold in items
        if only is None or slug == only or slug == f"seed:{only}"
    ]


def score_gold_set(
    directory: Path | str = GOLD_DIR, extractor: Callable[[str], Any] | None = None
) -> dict[str, Any]:
    """Score every article in directory; returns the summary dict printed by main."""
    return summarise(score_results(directory, extractor=extractor))


def percent(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def format_summary(summary: dict[str, Any]) -> str:
    header = f"{'kind':<10}{'gold':>6}{'found':>7}{'prec':>8}{'recall':>8}{'speaker':>9}{'anon':>8}"
    lines = [header, "-" * len(header)]
    for kind in (*KINDS, "overall"):
        row = summary[kind]
        lines.append(
            f"{kind:<10}{row['gold']:>6}{row['extracted']:>7}{percent(row['precision']):>8}"
            f"{percent(row['recall']):>8}{percent(row['speaker_accuracy']):>9}"
            f"{percent(row['anonymous_accuracy']):>8}"
        )
    lines.append(f"articles: {summary['articles']}")
    lines.extend(f"ERROR {error}" for error in summary["errors"])
    return "\n".join(lines)


def clip(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def describe(result: ArticleResult) -> list[str]:
    """Misses, false positives and wrong speakers for one article."""
    matched_gold = {g for g, _ in result.pairs}
    matched_found = {f for _, f in result.pairs}
    lines = []
    for index, gold in enumerate(result.gold):
        if index not in matched_gold:
            lines.append(f"  MISS  [{gold.kind}] {gold.speaker}: {clip(gold.text)}")
    for index, found in enumerate(result.found):
        if index not in matched_found:
            lines.append(f"  FP    [{found.kind}] {found.speaker}: {clip(found.text)}")
    for g_index, f_index in result.pairs:
        gold, found = result.gold[g_index], result.found[f_index]
        if not speaker_matches(gold, found.speaker):
            lines.append(
                f"  WHO   {found.speaker!r} should be {gold.speaker!r}: {clip(gold.text, 50)}"
            )
        if gold.anonymous != found.anonymous:
            lines.append(f"  ANON  expected {gold.anonymous}: {clip(gold.text, 50)}")
    if result.error:
        lines.append(f"  ERROR {result.error}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list errors per article")
    parser.add_argument("--only", metavar="SLUG", help="score one article")
    parser.add_argument("--with-seed", action="store_true", help="add ../shared/samples")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument(
        "--dir", metavar="PATH", type=Path, default=GOLD_DIR, help="gold articles directory"
    )
    args = parser.parse_args(argv)
    seed_dir = SEED_DIR if args.with_seed else None
    results = score_results(args.dir, only=args.only, seed_dir=seed_dir)
    if args.verbose:
        for result in results:
            lines = describe(result)
            if lines:
                print(
                    f"{result.slug}  (gold {len(result.gold)}, found {len(result.found)}, "
                    f"matched {len(result.pairs)})"
                )
                print("\n".join(lines))
        print()
    summary = summarise(results)
    print(json.dumps(summary, indent=1) if args.json else format_summary(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
