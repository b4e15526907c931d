"""HTML extraction speed: fixture pages per second, and one large page.

python tests/bench/bench_html.py
"""

from __future__ import annotations

import time
from pathlib import Path

from quoth.corpus.readers.htmltext import extract_main_text

FIXTURES = Path(__file__).resolve().parent.parent / "formats" / "fixtures" / "html"


def main() -> None:
    pages = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.html"))]
    total_bytes = sum(len(p.encode("utf-8")) for p in pages)
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for page in pages:
            extract_main_text(page)
    elapsed = time.perf_counter() - start
    count = rounds * len(pages)
    rate = total_bytes * rounds / elapsed / 1e6
    print(f"fixture pages: {count / elapsed:.0f} pages/s, {rate:.1f} MB/s")

    # A 2 MB page: the same article body repeated inside a realistic shell, on one line.
    body = "".join(
        f"<p>Paragraph {i}, with words, commas and a quote, said someone.</p>"
        for i in range(30_000)
    )
    big = f"<html><body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    start = time.perf_counter()
    paragraphs = extract_main_text(big)
    seconds = time.perf_counter() - start
    print(
        f"{len(big) / 1e6:.1f} MB page on one line: {seconds:.2f} s, {len(paragraphs)} paragraphs"
    )


if __name__ == "__main__":
    main()
