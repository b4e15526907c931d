"""Turn annotated article sources (*.ann) into article bodies and gold files.

Why: gold "text" must be an exact substring of the body. Marking spans inline
while writing the article, and deriving the text from the marks, keeps the two
from drifting apart. Run: `python tests/gold/authoring/build.py` (rewrites
tests/gold/articles/<slug>.txt and <slug>.gold.json for every .ann file).
`--dir ROOT` builds another gold set laid out the same way, ROOT/authoring/*.ann
into ROOT/articles/ (the held-out set: `--dir tests/gold/heldout`).

Source format:
    @style AP
    @scare words in marks inside a reported clause that are not the speaker's
    @speaker key = Name | person|organisation|group | title; title | alias; alias | anonymous
    ---
    body paragraphs, one per line, blank line between; spans marked as
    ⟦id quoted words⟧ (spans may nest and may cross paragraphs)
    ---
    id | d|p|r | speaker key | mention | cue [| anon|named]

Quoted words inside a reported clause also become partial quotes (same
speaker), unless listed with @scare.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from quoth.corpus.model import paragraphs_to_body

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parent / "articles"
KINDS = {"d": "direct", "p": "partial", "r": "reported"}
OPEN, CLOSE = "⟦", "⟧"


def split_sections(source: str) -> tuple[list[str], str, list[str]]:
    parts = re.split(r"^---\s*$", source, flags=re.MULTILINE)
    if len(parts) != 3:
        raise ValueError("expected header --- body --- legend")
    header, body, legend = parts
    return header.strip().splitlines(), body.strip(), legend.strip().splitlines()


def parse_header(lines: list[str]) -> tuple[str, dict[str, dict], set[str]]:
    style = ""
    speakers: dict[str, dict] = {}
    skip_fragments: set[str] = set()
    for line in lines:
        if line.startswith("@scare"):
            skip_fragments.add(line.split(None, 1)[1].strip())
        elif line.startswith("@style"):
            style = line.split(None, 1)[1].strip()
        elif line.startswith("@speaker"):
            key, rest = line.split(None, 1)[1].split("=", 1)
            fields = [f.strip() for f in rest.split("|")] + [""] * 5
            name, kind, titles, aliases, flag = fields[:5]
            speakers[key.strip()] = {
                "name": name,
                "kind": kind or "person",
                "titles": [t.strip() for t in titles.split(";") if t.strip()],
                "aliases": [a.strip() for a in aliases.split(";") if a.strip()],
                "anonymous": flag == "anonymous",
            }
    return style, speakers, skip_fragments


# Quoted words inside a reported clause are the speaker's own words: a partial
# quote as well (the issue's `said Clinton "is dogged, resilient,"` example).
_QUOTED_FRAGMENT = re.compile(r'[“"]([^“”"\n]+)[”"]')


def embedded_partials(
    body: str, quotes: list[tuple[int, dict]], skip_fragments: set[str]
) -> list[tuple[int, dict]]:
    taken = {(start, start + len(quote["text"])) for start, quote in quotes}
    derived = []
    for start, quote in quotes:
        if quote["kind"] != "reported":
            continue
        for match in _QUOTED_FRAGMENT.finditer(quote["text"]):
            text = match.group(1).strip()
            if not text or text in skip_fragments:
                continue
            fragment_start = start + match.start(1) + match.group(1).index(text)
            span = (fragment_start, fragment_start + len(text))
            if span in taken:
                continue
            taken.add(span)
            partial = dict(quote, kind="partial", text=text)
            partial.pop("occurrence", None)
            if body.count(text) > 1:
                partial["occurrence"] = body[:fragment_start].count(text) + 1
            derived.append((fragment_start, partial))
    return derived


def strip_marks(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """Remove ⟦id … ⟧ marks, returning plain text and id -> (start, end)."""
    out: list[str] = []
    length = 0
    stack: list[tuple[str, int]] = []
    spans: dict[str, tuple[int, int]] = {}
    i = 0
    while i < len(marked):
        ch = marked[i]
        if ch == OPEN:
            match = re.match(r"(\S+) ", marked[i + 1 :])
            if not match:
                raise ValueError(f"bad open mark near {marked[i : i + 40]!r}")
            stack.append((match.group(1), length))
            i += 1 + match.end()
            continue
        if ch == CLOSE:
            span_id, start = stack.pop()
            if span_id in spans:
                raise ValueError(f"span id {span_id} used twice")
            spans[span_id] = (start, length)
            i += 1
            continue
        out.append(ch)
        length += 1
        i += 1
    if stack:
        raise ValueError(f"unclosed marks: {stack}")
    return "".join(out), spans


def build(path: Path, articles: Path = ARTICLES) -> None:
    header, marked_body, legend = split_sections(path.read_text(encoding="utf-8"))
    style, speakers, skip_fragments = parse_header(header)
    plain, spans = strip_marks(marked_body)
    paragraphs = re.split(r"\n\s*\n", plain)
    body = paragraphs_to_body(paragraphs)
    if body != plain.strip():
        raise ValueError(f"{path.name}: body is not in paragraphs_to_body form")
    quotes = []
    for line in legend:
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split("|")]
        span_id, kind, key, mention, cue = fields[:5]
        flag = fields[5] if len(fields) > 5 else ""
        start, end = spans.pop(span_id)
        text = body[start:end]
        speaker = speakers[key]
        if mention and mention not in body:
            raise ValueError(f"{path.name}: mention {mention!r} not in body")
        quote = {
            "kind": KINDS[kind],
            "text": text,
            "speaker": speaker["name"],
            "mention": mention,
            "cue": cue,
            "anonymous": speaker["anonymous"] if not flag else flag == "anon",
        }
        occurrence = body[:start].count(text) + 1 if body.count(text) > 1 else 0
        if occurrence:
            quote["occurrence"] = occurrence
        quotes.append((start, quote))
    if spans:
        raise ValueError(f"{path.name}: spans without legend: {sorted(spans)}")
    quotes.extend(embedded_partials(body, quotes, skip_fragments))
    quotes.sort(key=lambda item: item[0])
    gold = {
        "style": style,
        "quotes": [q for _, q in quotes],
        "speakers": list(speakers.values()),
    }
    slug = path.stem
    (articles / f"{slug}.txt").write_text(body + "\n", encoding="utf-8")
    (articles / f"{slug}.gold.json").write_text(
        json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build gold files from *.ann sources.")
    parser.add_argument("slugs", nargs="*", help="build only these (default: all)")
    parser.add_argument(
        "--dir", metavar="ROOT", type=Path, help="gold set root holding authoring/ and articles/"
    )
    args = parser.parse_args(argv)
    source_dir = args.dir / "authoring" if args.dir else HERE
    articles = args.dir / "articles" if args.dir else ARTICLES
    articles.mkdir(parents=True, exist_ok=True)
    sources = sorted(source_dir.glob("*.ann"))
    wanted = set(args.slugs)
    failures = 0
    for path in sources:
        if wanted and path.stem not in wanted:
            continue
        try:
            build(path, articles)
        except (ValueError, KeyError) as error:
            failures += 1
            print(f"FAIL {path.name}: {error!r}")
    print(f"built {len(sources) - failures} of {len(sources)}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
