"""The hostile-input battery: a few hundred bad, odd and good files through `quoth ingest`.

    python tests/bench/bench_hostile.py [--files 300] [--seed 7] [--no-flood] [--keep DIR]

Generates a mixed battery (binary files with text names, empty files, legacy encodings,
NUL bytes, truncated archives, broken JSONL, JSON that is not an article, unclosed HTML,
2 MB lines, a quarter of a million quote marks, XML entity bombs and external entities,
escape sequences, dangling symlinks, a named pipe...), runs one `quoth ingest` over it
and prints files tried, kept and rejected (per kind), record errors, wall time, peak
memory, and whether anything printed a traceback or a raw escape sequence.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import json
import os
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

Maker = Callable[[random.Random, int], tuple[str, bytes]]
WORDS = ["council", "harbour", "budget", "bridge", "minister", "water", "vote", "strike"]
NAMES = ["Ana Ruiz", "Tomas Okafor", "Mira Hale", "Jon Lindqvist"]


def _story(rng: random.Random, number: int) -> str:
    name = rng.choice(NAMES)
    filler = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 80)))
    return (f"Story {number} about the {rng.choice(WORDS)}\n\n"
            f'"The {rng.choice(WORDS)} is safe," said {name} on Monday ({number}).\n\n'
            f"{filler.capitalize()}.\n")  # fmt: skip


def good_text(rng: random.Random, n: int) -> tuple[str, bytes]:
    return f"good-{n}.txt", _story(rng, n).encode()


def good_markdown(rng: random.Random, n: int) -> tuple[str, bytes]:
    front = f"---\ntitle: Story {n}\ndate: 2024-03-05\n---\n\n"
    return f"good-{n}.md", (front + _story(rng, n)).encode()


def good_gzip(rng: random.Random, n: int) -> tuple[str, bytes]:
    return f"good-{n}.txt.gz", gzip.compress(_story(rng, n).encode())


def binary_random(rng: random.Random, n: int) -> tuple[str, bytes]:
    return f"binary-{n}.{rng.choice(['txt', 'md', 'json', 'html'])}", rng.randbytes(4096)


def binary_signature(rng: random.Random, n: int) -> tuple[str, bytes]:
    magic = rng.choice([b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"PK\x03\x04", b"\x7fELF\x02\x01"])
    return f"signed-{n}.txt", magic + rng.randbytes(2048)


def empty(rng: random.Random, n: int) -> tuple[str, bytes]:
    return f"empty-{n}.{rng.choice(['txt', 'md', 'jsonl', 'json'])}", b""


def whitespace(rng: random.Random, n: int) -> tuple[str, bytes]:
    return f"blank-{n}.txt", bytes(rng.choice(b" \t\r\n") for _ in range(rng.randint(1, 500)))


def legacy_encoding(rng: random.Random, n: int) -> tuple[str, bytes]:
    text = _story(rng, n).replace('"', "\u201c", 1).replace('," said', ",\u201d said")
    text += "Caf\u00e9."
    encoding = rng.choice(["cp1252", "latin-1", "utf-16", "utf-16-le", "utf-8-sig"])
    data = text.encode(encoding, errors="replace")
    return f"encoded-{encoding}-{n}.txt", data


def nul_bytes(rng: random.Random, n: int) -> tuple[str, bytes]:
    data = bytearray(_story(rng, n).encode())
    for _ in range(5):
        data.insert(rng.randrange(len(data)), 0)
    return f"nul-{n}.txt", bytes(data)


def only_nuls(rng: random.Random, n: int) -> tuple[str, bytes]:
    return f"nuls-{n}.txt", bytes(rng.randint(1, 9000))


def truncated_archive(rng: random.Random, n: int) -> tuple[str, bytes]:
    packer, suffix = rng.choice([(gzip.compress, "gz"), (bz2.compress, "bz2")])
    packed = packer((_story(rng, n) * 50).encode())
    return f"cut-{n}.txt.{suffix}", packed[: rng.randint(10, len(packed) - 5)]


def broken_jsonl(rng: random.Random, n: int) -> tuple[str, bytes]:
    lines = []
    for index in range(rng.randint(3, 12)):
        if rng.random() < 0.3:
            lines.append(rng.choice(["{broken", "[1, 2]", "42", '"text"', "null", "{}", "{"]))
        else:
            story = _story(rng, n * 100 + index)
            lines.append(json.dumps({"title": f"Wire {n}.{index}", "text": story}))
    return f"wire-{n}.jsonl", "\n".join(lines).encode()


def json_not_article(rng: random.Random, n: int) -> tuple[str, bytes]:
    value = rng.choice(["42", "[1, 2, 3]", "true", '"a string"', "[[[]]]", "{}", "[" * 50_000])
    return f"notarticle-{n}.json", value.encode()


def unclosed_html(rng: random.Random, n: int) -> tuple[str, bytes]:
    body = _story(rng, n).replace("\n\n", "<p>")
    tail = rng.choice(["<div><b><i>", "<script>var x = 1;", "<!-- never closed", "<table><tr><td>"])
    return f"page-{n}.html", f"<html><body><p>{body}{tail}{' more words' * 30}".encode()


def long_line(rng: random.Random, n: int) -> tuple[str, bytes]:
    line = f"Line {n} " + "the council met and said nothing. " * 61_000
    return f"longline-{n}.txt", line.encode()


def quote_flood(rng: random.Random, n: int) -> tuple[str, bytes]:
    return f"quotes-{n}.txt", ("Quote flood\n\n" + '"Yes," he said. ' * 125_000).encode()


def run_on_attribution(rng: random.Random, n: int) -> tuple[str, bytes]:
    """One endless sentence of attributions: each cue must not rescan the whole sentence."""
    return f"runon-{n}.txt", ("Run-on\n\n" + "according to officials, " * 20_000).encode()


def entity_bomb(rng: random.Random, n: int) -> tuple[str, bytes]:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return f"bomb-{n}.xml", (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{levels}]>'
        f"<rss version='2.0'><channel><title>&l9;</title><item><title>Bomb {n}</title>"
        f"<description>The mayor said it was fine ({n}). &l9;</description></item></channel></rss>"
    ).encode()


def external_entity(rng: random.Random, n: int) -> tuple[str, bytes]:
    return f"xxe-{n}.xml", (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<rss version='2.0'><channel><title>Feed {n}</title><item><title>Item {n}</title>"
        f"<description>The mayor said &x; it was fine ({n}).</description></item></channel></rss>"
    ).encode()


def escapes(rng: random.Random, n: int) -> tuple[str, bytes]:
    evil = rng.choice(["\x1b]0;pwned\x07", "\x1b]52;c;aGk=\x07", "\x1b[2J", "\x9b31m", "\u202e"])
    return f"esc-{n}.txt", f'Escapes {n} {evil}\n\nThe mayor said "{evil} fine" ({n}).\n'.encode()


def big_jsonl(rng: random.Random, n: int) -> tuple[str, bytes]:
    """Over the 4 MB line: streamed through the extraction workers, not read whole."""
    lines = [json.dumps({"title": f"Big {n}.{i}", "text": _story(rng, n * 10_000 + i) * 3})
             for i in range(4000)]  # fmt: skip
    lines[rng.randrange(len(lines))] = "{not json"
    return f"big-{n}.jsonl", "\n".join(lines).encode()


# (maker, weight): how often each kind appears in the battery.
KINDS: dict[str, tuple[Maker, float]] = {
    "good text": (good_text, 8), "good markdown": (good_markdown, 4),
    "good gzip": (good_gzip, 2), "binary, text name": (binary_random, 5),
    "binary signature": (binary_signature, 3), "empty": (empty, 3),
    "whitespace only": (whitespace, 3), "legacy encoding": (legacy_encoding, 6),
    "NUL bytes": (nul_bytes, 3), "only NULs": (only_nuls, 1),
    "truncated archive": (truncated_archive, 3), "broken JSONL": (broken_jsonl, 5),
    "JSON not an article": (json_not_article, 4), "unclosed HTML": (unclosed_html, 4),
    "XML entity bomb": (entity_bomb, 1), "XML external entity": (external_entity, 1),
    "escape sequences": (escapes, 3),
}  # fmt: skip
ONCE: dict[str, Maker] = {"2 MB line": long_line, "quote flood (250k marks)": quote_flood,
                          "big JSONL (streamed)": big_jsonl,
                          "run-on attributions": run_on_attribution}  # fmt: skip
DANGEROUS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


def build(folder: Path, files: int, seed: int, flood: bool) -> dict[str, str]:
    """Write the battery; returns file name -> kind."""
    rng = random.Random(seed)
    kinds = list(KINDS)
    weights = [KINDS[k][1] for k in kinds]
    made: dict[str, str] = {}
    for kind, maker in ONCE.items():
        if flood or "flood" not in kind:
            name, data = maker(rng, 0)
            (folder / name).write_bytes(data)
            made[name] = kind
    for number in range(1, files - len(made) - 1):
        kind = rng.choices(kinds, weights)[0]
        name, data = KINDS[kind][0](rng, number)
        (folder / name).write_bytes(data)
        made[name] = kind
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    made["dangling.txt"] = "dangling symlink"
    os.mkfifo(folder / "pipe.txt")
    made["pipe.txt"] = "named pipe"
    return made


def stored_files(db: Path) -> Counter[str]:
    with sqlite3.connect(db) as conn:
        origins = conn.execute("SELECT origin FROM articles")
        return Counter(Path(row[0]).name.split("#")[0] for row in origins)  # "a.jsonl#3"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-flood", action="store_true", help="leave out the 250k-quote file")
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--keep", type=Path, help="build the battery here and keep it")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="quoth-hostile-"))
    battery = work / "battery"
    battery.mkdir(parents=True, exist_ok=True)
    kinds = build(battery, args.files, args.seed, flood=not args.no_flood)
    db = work / "corpus.db"
    env = {**os.environ, "QUOTH_DB": str(db), "XDG_CONFIG_HOME": str(work / "config")}

    started = time.perf_counter()
    try:
        result = subprocess.run([sys.executable, "-m", "quoth", "ingest", str(battery), "--json"],
                                capture_output=True, env=env, timeout=args.timeout)  # fmt: skip
    except subprocess.TimeoutExpired:
        print(f"HANG: quoth ingest did not finish within {args.timeout:.0f} s")
        return 1
    wall = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    stdout = result.stdout.decode("utf-8", "replace")
    stderr = result.stderr.decode("utf-8", "replace")

    kept = stored_files(db) if db.exists() else Counter()
    failed_lines = stderr.splitlines()
    whole_file_failures = {Path(line.split(": ", 1)[0]).name for line in failed_lines
                           if not re.match(r".*:\d+: ", line)}  # fmt: skip
    record_errors = sum(1 for line in failed_lines if re.match(r".*:\d+: ", line))

    table: dict[str, Counter[str]] = defaultdict(Counter)
    for name, kind in kinds.items():
        table[kind]["tried"] += 1
        table[kind]["kept"] += name in kept
        table[kind]["rejected"] += name in whole_file_failures
    print(f"{'kind':<26}{'tried':>7}{'kept':>7}{'rejected':>10}")
    for kind in sorted(table):
        row = table[kind]
        print(f"{kind:<26}{row['tried']:>7}{row['kept']:>7}{row['rejected']:>10}")
    print("-" * 50)
    print(f"files tried        {len(kinds)}")
    print(f"files kept         {len(kept)} ({sum(kept.values())} articles stored)")
    print(f"files rejected     {len(whole_file_failures)} (one line each)")
    print(f"record errors      {record_errors} (bad JSONL lines, reported with line numbers)")
    print(f"exit code          {result.returncode} (1 expected: something failed)")
    print(f"wall time          {wall:.1f} s")
    print(f"peak memory        {peak_mb:.0f} MB (largest process, ru_maxrss)")
    tracebacks = "Traceback" in stderr or "Traceback" in stdout
    raw_escapes = bool(DANGEROUS.search(stderr) or DANGEROUS.search(stdout))
    print(f"tracebacks         {'YES' if tracebacks else 'none'}")
    print(f"raw escapes        {'YES' if raw_escapes else 'none'}")
    summary = json.loads(stdout.strip().splitlines()[-1]) if stdout.strip() else {}
    print(f"summary            {summary.get('new')} new, {summary.get('failed')} failed")
    if not args.keep:
        print(f"(battery in {work}; pass --keep DIR to choose where)")
    return 0 if not tracebacks and not raw_escapes and result.returncode == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
