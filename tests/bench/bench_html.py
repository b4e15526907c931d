"""HTML main text: quality (token F1 per fixture page) and speed.

python tests/bench/bench_html.py            # F1 per page, then speed
python tests/bench/bench_html.py --quality  # F1 only

Quality is measured twice: on the pages as written, and on the same pages with every
class, id, role and itemprop attribute removed, which shows what the structural signals
(link density, repeated comment items, sign-up forms, lists of links) do on their own.
The "nohints_*" pages have no furniture hints to begin with.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

from quoth.corpus.readers.htmltext import extract_main_text

FIXTURES = Path(__file__).resolve().parent.parent / "formats" / "fixtures" / "html"
_TOKEN = re.compile(r"\w+")
_HINT_ATTRIBUTE = re.compile(
    r"""\s(?:class|id|role|itemprop|data-component)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""",
    re.IGNORECASE,
)


def token_f1(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall and F1, the usual main-text benchmark measure."""
    got = Counter(_TOKEN.findall(predicted.casefold()))
    want = Counter(_TOKEN.findall(gold.casefold()))
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


def without_hints(html: str) -> str:
    return _HINT_ATTRIBUTE.sub("", html)


def quality() -> None:
    pages = sorted(p for p in FIXTURES.glob("*.html") if p.with_suffix(".txt").exists())
    print(f"{'page':24} {'as written':>24}   {'hints stripped':>24}")
    sums = [0.0, 0.0]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        gold = page.with_suffix(".txt").read_text(encoding="utf-8")
        cells = []
        for i, variant in enumerate((html, without_hints(html))):
            p, r, f = token_f1("\n\n".join(extract_main_text(variant)), gold)
            sums[i] += f
            cells.append(f"P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print(f"{page.stem:24} {cells[0]:>24}   {cells[1]:>24}")
    n = len(pages)
    print(f"{'mean F1 (' + str(n) + ' pages)':24} {sums[0] / n:>24.3f}   {sums[1] / n:>24.3f}")


def speed() -> None:
    pages = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.html"))]
    total_bytes = sum(len(p.encode("utf-8")) for p in pages)
    rounds = 20
    start = time.process_time()
    for _ in range(rounds):
        for page in pages:
            extract_main_text(page)
    elapsed = time.process_time() - start
    count = rounds * len(pages)
    rate = total_bytes * rounds / elapsed / 1e6
    print(f"fixture pages: {count / elapsed:.0f} pages/s, {rate:.1f} MB/s (CPU time)")

    # A 2 MB page: the same article body repeated inside a realistic shell, on one line.
    body = "".join(
        f"<p>Paragraph {i}, with words, commas and a quote, said someone.</p>"
        for i in range(30_000)
    )
    big = f"<html><body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    start = time.process_time()
    paragraphs = extract_main_text(big)
    seconds = time.process_time() - start
    print(
        f"{len(big) / 1e6:.1f} MB page on one line: {seconds:.2f} s CPU, "
        f"{len(paragraphs)} paragraphs"
    )


def main() -> None:
    quality()
    if "--quality" not in sys.argv:
        speed()


if __name__ == "__main__":
    main()
