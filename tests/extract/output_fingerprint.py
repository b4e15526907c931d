"""Fingerprint the extractor's full output, so speed work can prove it changed nothing.

Usage:
    python tests/extract/output_fingerprint.py --save /tmp/extract-baseline.json
    python tests/extract/output_fingerprint.py --check /tmp/extract-baseline.json

The inputs: every gold article (dev and held out), every article in the demo corpus, the
benchmark's generated articles and its hostile 2 MB article, and seeded
mutations of the gold articles (quote marks swapped, dropped or added, text
cut) so that odd inputs are covered too. The output is every quote and speaker
field, as JSON; --check names the first documents that differ.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quoth.corpus.extract import extract
from quoth.corpus.readers import read_path

TESTS = Path(__file__).resolve().parents[1]
GOLD_DIRS = [TESTS / "gold" / "articles"] + [
    TESTS / "gold" / name / "articles"
    for name in (
        "heldout",
        "heldout3",
        "heldout4",
        "heldout5",
        "heldout6",
        "heldout7",
        "heldout8",
        "heldout9",
        "heldout10",
        "heldout11",
        "heldout12",
        "heldout13",
        "heldout14",
        "heldout15",
        "heldout16",
        "heldout17",
        "heldout18",
        "heldout19",
        "heldout20",
        "heldout21",
    )
]
DEMO_DIR = TESTS.parent / "corpus" / "demo"
MARKS = "\"“”„«»'"


def _load_module(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def gold_bodies() -> Iterator[tuple[str, str]]:
    score = _load_module(TESTS / "gold" / "score.py", "gold_score")
    for gold_dir in GOLD_DIRS:
        for path in sorted(gold_dir.glob("*.txt")):
            name = f"{gold_dir.parent.name}/{path.stem}"
            yield f"gold/{name}", score.read_body(path)
            yield f"gold-raw/{name}", path.read_text(encoding="utf-8")


def demo_bodies() -> Iterator[tuple[str, str]]:
    for path in sorted(DEMO_DIR.iterdir()):
        for index, item in enumerate(read_path(path)):
            body = getattr(item, "body", None)
            if isinstance(body, str):
                yield f"demo/{path.name}#{index}", body


def bench_bodies() -> Iterator[tuple[str, str]]:
    bench = _load_module(TESTS / "bench" / "bench_extract.py", "bench_extract")
    rng = random.Random(42)
    for index in range(300):
        yield f"bench/{index}", bench.make_article(rng)
    yield "bench/hostile", bench.make_hostile_article()


def mutate(body: str, rng: random.Random) -> str:
    """The body with a few quote marks swapped, dropped or added, and maybe cut short."""
    chars = list(body)
    for _ in range(rng.randint(1, 8)):
        where = rng.randrange(len(chars)) if chars else 0
        action = rng.random()
        if action < 0.4 and chars:
            chars[where] = rng.choice(MARKS)
        elif action < 0.7 and chars:
            del chars[where]
        else:
            chars.insert(where, rng.choice(MARKS + "\n"))
    text = "".join(chars)
    if rng.random() < 0.3:
        text = text[: rng.randrange(len(text) + 1)]
    return text


def mutated_bodies() -> Iterator[tuple[str, str]]:
    rng = random.Random(3)
    bodies = [body for _, body in gold_bodies()]
    for index, body in enumerate(bodies):
        for variant in range(3):
            yield f"mutated/{index}.{variant}", mutate(body, rng)


def all_bodies() -> Iterator[tuple[str, str]]:
    yield from gold_bodies()
    yield from demo_bodies()
    yield from bench_bodies()
    yield from mutated_bodies()


def output_of(body: str) -> dict[str, Any]:
    extraction = extract(body)
    return {
        "quotes": [quote.to_dict() for quote in extraction.quotes],
        "speakers": [speaker.to_dict() for speaker in extraction.speakers],
    }


def fingerprint() -> dict[str, Any]:
    return {name: output_of(body) for name, body in all_bodies()}


def digest(outputs: dict[str, Any]) -> str:
    text = json.dumps(outputs, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the outputs here")
    group.add_argument("--check", type=Path, help="compare the outputs with this file")
    args = parser.parse_args(argv)
    outputs = fingerprint()
    print(f"{len(outputs)} documents, sha256 {digest(outputs)}")
    if args.save:
        args.save.write_text(json.dumps(outputs, ensure_ascii=False), encoding="utf-8")
        return 0
    baseline = json.loads(args.check.read_text(encoding="utf-8"))
    names = baseline.keys() | outputs.keys()
    differing = [name for name in names if baseline.get(name) != outputs.get(name)]
    for name in sorted(differing)[:10]:
        print(f"DIFFERS: {name}")
    print("identical" if not differing else f"{len(differing)} documents differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
