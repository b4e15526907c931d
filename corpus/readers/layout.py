"""How plain-text news dumps are laid out: headline, byline, dates, caption, dateline, body.

Pure functions over text, shared by the plain-text, Markdown and JSON readers.

The header is the run of lines before the story starts. In it we recognise, in any order:
- a `date 2023-07-24` / `Date: ...` / `Published: ...` / `Updated: ...` / `Posted on ...`
  line (published wins over updated); text run on after the date on the same line (the
  scraped-dump layout: ` date 2023-07-24 <photo caption> — ISPR`) is read on as its own line;
- `Title:` / `Author:` / `Source:` / `URL:` style key-value lines;
- a `By NAME`, `By NAME and NAME`, `By NAME, Reuters` byline (a trailing news agency
  becomes the source);
- a headline: a short first line without a final period, standing alone or followed by
  other header lines;
- a photo caption ending with its credit (`... 2023. — ISPR`, `(Photo: AFP)`, `Photo: AP`).
The first other paragraph is the lead. Its dateline (`RAWALPINDI:`, `NEW YORK —`,
`WASHINGTON (AP) —`, `KARACHI, Pakistan (AFP) —`) gives `dateline` (the place, with any
date in it dropped) and, for agency datelines, `source` as written ("AP", not "Associated
Press": expanding would guess, e.g. AP vs APP).

Decision: the dateline stays in the body. The body is the story as published, so quote
offsets and what the reader sees match the original; `dateline` is metadata beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import find_date
from .articles import Metadata, clean_field

WRAP_WIDTH = 100  # lines no longer than this may be hard-wrapped prose
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30
HEADLINE_WRAP_WIDTH = 80  # each line of a headline wrapped over several lines fits in this
CAPTION_MAX_CHARS = 800  # longer than any photo caption: do not scan it as one
DATE_LINE_MAX_CHARS = 120  # a bare date line ("Tuesday, March 5, 2024 10:30 a.m. EST") fits

KNOWN_AGENCIES = frozenset(
    name.casefold()
    for name in (
        "AP", "Associated Press", "The Associated Press", "Reuters", "AFP",
        "Agence France-Presse", "Agence France Presse", "Bloomberg", "dpa", "PTI", "ANI",
        "IANS", "UNI", "APP", "Xinhua", "EFE", "ANSA", "Kyodo", "Yonhap", "UPI", "PA",
        "PA Media", "Press Association", "Anadolu", "Anadolu Agency", "TASS", "RIA Novosti",
        "Interfax", "Bernama", "Antara", "CP", "The Canadian Press", "AAP", "NZPA", "ANP",
        "Belga", "Europa Press", "WAM", "SPA", "IRNA", "KCNA", "CNA", "Lusa", "Jiji",
    )
)  # fmt: skip

# -- datelines -------------------------------------------------------------------------------

_CAPS_WORD = r"[A-Z][A-Z.'’\-]*[A-Z.]"
_ANY_WORD = r"[A-Z][\w.'’\-]*"
_QUALIFIER = r"(?:,\s*[A-Z0-9][\w.'’\-]*(?:\s+[A-Z0-9][\w.'’\-]*){0,3})"
_DASH = r"(?:[—–]|-{1,2})"

_AGENCY_DATELINE = re.compile(
    rf"(?P<place>{_ANY_WORD}(?:\s+{_ANY_WORD}){{0,3}}{_QUALIFIER}{{0,2}})\s*"
    rf"\((?P<agency>[A-Z][\w.&'’ \-]{{0,40}}?)\)\s*(?:{_DASH}|:)\s*"
)
_CAPS_COLON_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,4}}{_QUALIFIER}{{0,2}})\s*:\s+(?=\S)"
)
_CAPS_DASH_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,4}}{_QUALIFIER}{{0,2}})"
    rf"(?:\s+{_DASH}\s+|\s*[—–]\s*)(?=\S)"  # "NEW YORK — The", "NEW YORK—The"
)
_AGENCY_ONLY_DATELINE = re.compile(r"\((?P<agency>[A-Z][\w.&'’ \-]{0,40}?)\)\s*(?:[—–]|-{1,2})\s*")
# Capitalised lead-ins that are not places.
_NOT_PLACES = frozenset(
    {
        "UPDATE", "UPDATED", "BREAKING", "BREAKING NEWS", "EXCLUSIVE", "WATCH", "READ",
        "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "LIVE", "VIDEO", "PHOTOS", "OPINION",
        "ANALYSIS", "FILE", "CORRECTION", "ADVERTISEMENT", "ALSO READ", "READ MORE", "RELATED",
        "SPOILER", "WARNING", "FACT CHECK", "COMMENT", "EDITORIAL", "REVIEW", "Q", "A", "I",
    }
)  # fmt: skip
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)
_MONTH_NAME = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
_DATE_WORD = re.compile(
    rf"(?i)^(?:\d{{1,2}}|{_MONTH_NAME}(?:\s+\d{{1,2}})?|\d{{1,2}}\s+{_MONTH_NAME}|{_WEEKDAY})"
    rf"(?:,?\s*\d{{4}})?$"
)


@dataclass(frozen=True)
class Dateline:
    place: str  # "" when the lead names only the agency: "(Reuters) - Shares fell"
    source: str | None
    end: int  # where the story text starts after the dateline


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a lead paragraph, if any."""
    match = _AGENCY_DATELINE.match(paragraph)
    if match and _plausible_agency(match["agency"]):
        place = _place(match["place"])
        if place:
            return Dateline(place, match["agency"].strip(), match.end())
    for pattern in (_CAPS_COLON_DATELINE, _CAPS_DASH_DATELINE):
        match = pattern.match(paragraph)
        if match and match["place"].split(",")[0].strip() not in _NOT_PLACES:
            place = _place(match["place"])
            if place:
                return Dateline(place, None, match.end())
    match = _AGENCY_ONLY_DATELINE.match(paragraph)
    if match and match["agency"].strip().casefold() in KNOWN_AGENCIES:
        return Dateline("", match["agency"].strip(), match.end())  # "(Reuters) - Shares fell"
    return None


def _plausible_agency(agency: str) -> bool:
    words = agency.split()
    return agency.strip().casefold() in KNOWN_AGENCIES or (
        0 < len(words) <= 4 and all(word[:1].isupper() for word in words)
    )


def _place(raw: str) -> str:
    """The place part of a dateline: `PARIS, March 5` -> `PARIS`."""
    parts = [part.strip() for part in raw.split(",")]
    return ", ".join(part for part in parts if part and not _DATE_WORD.match(part))


# -- blocks and paragraphs ---------------------------------------------------------------------


def split_blocks(text: str) -> list[list[str]]:
    """Blank-line-separated blocks, each a list of its non-empty, stripped lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def block_paragraphs(lines: list[str]) -> list[str]:
    """The paragraphs in one block: hard-wrapped lines are joined, one-line paragraphs are not.

    A block whose lines all fit in WRAP_WIDTH is wrapped prose; inside it, a new paragraph
    starts after a short line ending a sentence, or at an indented line. A block with
    longer lines is one paragraph per line (dumps that put no blank line between paragraphs).
    """
    if len(lines) == 1:
        return [lines[0].strip()]
    longest = max(len(line.strip()) for line in lines)
    if longest > WRAP_WIDTH:
        return [line.strip() for line in lines]
    paragraphs: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        if index and _starts_new_paragraph(lines[index - 1], line, longest):
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return [" ".join(paragraph) for paragraph in paragraphs]


def _starts_new_paragraph(previous: str, line: str, longest: int) -> bool:
    if line[:1].isspace() and not previous[:1].isspace():
        return True
    previous = previous.strip()
    ends_sentence = previous.endswith((".", "?", "!", '"', "”", "’", "'"))
    return ends_sentence and len(previous) < 0.7 * longest and line.strip()[:1].isupper()


def blocks_to_paragraphs(blocks: list[list[str]]) -> list[str]:
    return [paragraph for block in blocks for paragraph in block_paragraphs(block)]


# -- the header ---------------------------------------------------------------------------------

_DATE_KEYS = re.compile(
    r"(?i)^(?P<key>date(?:d)?|published|updated|last\s+updated|modified|last\s+modified"
    r"|posted|first\s+published|publication\s+date|release\s+date)"
    r"(?:\s+(?:on|at))?\s*[:\-–—]?\s*"
)
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z \-]{0,24}?)\s*:\s*(?P<value>\S.*)$")
_KEY_FIELDS = {
    "title": "title", "headline": "title",
    "author": "byline", "authors": "byline", "byline": "byline", "writer": "byline",
    "source": "source", "publication": "source", "publisher": "source", "agency": "source",
    "url": "url", "link": "url", "canonical": "url",
    "dateline": "dateline", "caption": "caption", "credit": "credit",
    "photo credit": "credit", "image credit": "credit",
}  # fmt: skip
_BYLINE = re.compile(r"^(?i:by)[:\s]\s*(?P<who>\S.*)$")
_NAME_CONNECTORS = frozenset(
    {"and", "&", "de", "del", "della", "der", "den", "van", "von", "al", "el", "bin", "bint",
     "ibn", "da", "di", "du", "la", "le", "dos", "das", "y", "ul", "ud"}
)  # fmt: skip
_ROLE_BYLINE = re.compile(
    r"^(?:By\s+)?(?:(?:Our|The|A)\s+)?(?:[A-Z][\w'’]*\s+){0,3}?"
    r"(?:Staff\s+Reporter|Staff\s+Writer|Reporter|Correspondent|Bureau|(?:Web|News)\s+Desk"
    r"|Staff\s+Report)s?$"
)
_CREDIT_PREFIX = re.compile(
    r"(?i)^(?:photo(?:graph)?|image|picture|file photo)(?: credit)?\s*(?::|by)\s*"
)
_CAPTION_DASH = re.compile(r"^(?P<caption>.+?)\s+[—–-]{1,2}\s*(?P<credit>[^—–]{1,60})$")
_CAPTION_PAREN = re.compile(
    r"^(?P<caption>.+?)\s*\((?i:photo(?:graph)?|image|picture|file photo)(?i: credit)?\s*"
    r"(?::|by)?\s*(?P<credit>[^()]{1,60})\)\.?$"
)
_CAPTION_LABEL = re.compile(
    r"^(?P<caption>.+?[.!?)”\"])\s+(?i:photo(?:graph)?|image|picture)(?i: credit)?\s*(?::|by)\s*"
    r"(?P<credit>.{1,60})$"
)
_CREDIT_CONNECTORS = frozenset({"via", "for", "by", "of", "and", "the", "de", "/", "&"})


@dataclass
class Layout:
    """What the layout parser found: metadata and the body paragraphs."""

    meta: Metadata = field(default_factory=Metadata)
    paragraphs: list[str] = field(default_factory=list)


def parse_text(text: str, known: Metadata | None = None) -> Layout:
    """Header metadata and body paragraphs of a plain-text article."""
    return parse_blocks(split_blocks(text), known)


def parse_blocks(blocks: list[list[str]], known: Metadata | None = None) -> Layout:
    """Like parse_text, for text already split into blocks (Markdown, JSON bodies).

    Values in `known` (front matter, JSON fields) win over what the header says.
    """
    header = _Header(known or Metadata())
    body_blocks: list[list[str]] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        rest = header.consume_block(block, following)
        if rest is not None:
            body_blocks = [rest, *blocks[index + 1 :]]
            break
    header.finish()
    paragraphs = blocks_to_paragraphs(body_blocks)
    if not paragraphs and header.headline:
        # A lone short line is the story itself, not a headline over nothing.
        paragraphs = [header.headline]
        header.meta.title = None
    paragraphs = _take_trailers(paragraphs, header)
    if paragraphs:
        dateline = find_dateline(paragraphs[0])
        if dateline:
            header.set("dateline", dateline.place)
            if dateline.source:
                header.set("source", dateline.source)
    return Layout(header.meta, paragraphs)


_PUBLISHED_IN = re.compile(
    r"(?i)^(?:published|first published|originally published|this (?:article|story) "
    r"(?:was )?(?:first |originally )?(?:appeared|published))\s+(?:in|on|by)\s+(?P<rest>.+)$"
)
_REPORTING_BY = re.compile(
    r"^\(?\s*(?:Reporting|Additional reporting|Writing|Reported) by (?P<names>[^;()]+?)"
    r"\s*(?:;[^()]*)?\)?\.?$"
)
_COPYRIGHT = re.compile(r"(?i)^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:19|20)\d\d\b.{0,150}$")
TRAILER_MAX_CHARS = 250


def _take_trailers(paragraphs: list[str], header: _Header) -> list[str]:
    """Remove closing metadata lines, keeping what they say: "Published in Dawn, July 25th,
    2023", "(Reporting by A; Editing by B)", "Copyright 2024 The Associated Press..."."""
    paragraphs = list(paragraphs)
    while len(paragraphs) > 1 and len(paragraphs[-1]) <= TRAILER_MAX_CHARS:
        last = paragraphs[-1]
        published = _PUBLISHED_IN.match(last)
        reporting = _REPORTING_BY.match(last)
        if published and (found := find_date(published["rest"])):
            header.set("date", found.iso)
            source = published["rest"][: found.start].strip(" ,;:-")
            if source and len(source.split()) <= 6:
                header.set("source", source)
        elif reporting and _looks_like_names(reporting["names"]):
            header.set("byline", reporting["names"])
        elif not _COPYRIGHT.match(last):
            break
        paragraphs.pop()
    return paragraphs


class _Header:
    """Reads header lines into metadata until the story starts."""

    def __init__(self, known: Metadata) -> None:
        self.meta = Metadata(**vars(known))
        self.updated: str | None = None
        self.headline: str | None = None  # the headline this header found, if any
        self.lines_seen = 0

    def set(self, name: str, value: str | None) -> None:
        value = clean_field(value)
        if value and getattr(self.meta, name) is None:
            setattr(self.meta, name, value)

    def finish(self) -> None:
        """An `Updated:` date stands in only when no publication date was given."""
        if self.meta.date is None and self.updated:
            self.meta.date = self.updated

    def consume_block(self, block: list[str], next_block: list[str] | None) -> list[str] | None:
        """None when the whole block was header; else the block lines where the story starts."""
        if next_block is not None and self._wrapped_headline(block):
            return None
        lines = list(block)
        index = 0
        while index < len(lines):
            line = lines[index].strip()
            following = lines[index + 1].strip() if index + 1 < len(lines) else None
            outcome = self._consume_line(line, following)
            if outcome is True:
                index += 1
                self.lines_seen += 1
                continue
            run_on = isinstance(outcome, str)  # text ran on after a date on the same line
            if run_on:
                lines[index] = outcome
            if self._consume_caption(lines[index:], run_on, next_block):
                return None
            if not run_on or self.lines_seen > 6:
                return lines[index:]
            self.lines_seen += 1  # re-read the run-on text as a line of its own
        return None

    def _consume_line(self, line: str, following: str | None) -> bool | str:
        """True: the line was header. A string: header, with this text left over. False: story."""
        date_rest = self._date_line(line)
        if date_rest is not None:
            return date_rest if date_rest else True
        if self._key_value_line(line) or self._byline(line) or self._role_byline(line):
            return True
        return self._headline(line, following)

    def _date_line(self, line: str) -> str | None:
        """The text left after a date line ("" when nothing), or None when not a date line."""
        keyed = _DATE_KEYS.match(line)
        if not keyed and len(line) > DATE_LINE_MAX_CHARS:
            return None  # a paragraph, not a date line: do not scan it
        rest = line[keyed.end() :] if keyed else line
        found = find_date(rest[:DATE_LINE_MAX_CHARS])
        if found is None:
            return None
        if not _WEEKDAY_PREFIX.fullmatch(rest[: found.start]):
            return None
        remainder = rest[found.end :].strip(" ,|")
        if not keyed and len(remainder.split()) > 2:
            return None  # a sentence that merely starts with a date
        is_update = bool(keyed) and re.match(r"(?i)(?:last\s+)?(?:updated|modified)", keyed["key"])
        if is_update:
            self.updated = self.updated or found.iso
        else:
            self.set("date", found.iso)
        if not keyed or not remainder:
            return ""
        if _DATE_KEYS.match(remainder):  # "Published 5 March 2024 Updated 6 March 2024"
            return self._date_line(remainder) or ""
        return remainder

    def _key_value_line(self, line: str) -> bool:
        match = _KEY_VALUE.match(line)
        if not match:
            return False
        name = _KEY_FIELDS.get(" ".join(match["key"].lower().split()))
        if name is None:
            return False
        value = match["value"].strip()
        if name == "byline":
            self._set_byline(value)
        else:
            self.set(name, value)
        return True

    def _byline(self, line: str) -> bool:
        match = _BYLINE.match(line)
        if not match or self.meta.byline is not None or not _looks_like_names(match["who"]):
            return False
        self._set_byline(match["who"])
        return True

    def _role_byline(self, line: str) -> bool:
        """ "Our Staff Reporter", "Staff Correspondent", "Web Desk": a byline without names
        (kept when there is no named byline; after one, it is the author's role)."""
        if self.lines_seen > 6 or not _ROLE_BYLINE.match(line):
            return False
        self.set("byline", line)
        return True

    def _set_byline(self, who: str) -> None:
        names, source = split_byline(who)
        self.set("byline", names)
        self.set("source", source)

    def _wrapped_headline(self, block: list[str]) -> bool:
        """A headline wrapped over two or three short lines, alone in the first block."""
        if self.meta.title is not None or self.lines_seen or not 2 <= len(block) <= 3:
            return False
        if any(len(line.strip()) > HEADLINE_WRAP_WIDTH for line in block):
            return False
        if any(_is_header_line(line.strip()) for line in block):
            return False  # "Headline / By Jane Doe": read line by line instead
        joined = " ".join(line.strip() for line in block)
        if not looks_like_headline(joined) or find_dateline(joined):
            return False
        self.meta.title = self.headline = clean_field(joined)
        self.lines_seen += len(block)
        return True

    def _headline(self, line: str, following: str | None) -> bool:
        if self.lines_seen > 6:
            return False
        if self.meta.title is not None and not self._replaces_kicker(line):
            return False
        stands_alone = following is None or _is_header_line(following)
        if not stands_alone or not looks_like_headline(line) or find_dateline(line):
            return False
        if self.meta.caption is None and split_caption_credit(line)[0] is not None:
            return False  # "Volunteers clean the beach (Photo: AFP)" is a caption
        self.meta.title = self.headline = clean_field(line)
        return True

    def _replaces_kicker(self, line: str) -> bool:
        """ "POLITICS" or "Exclusive" above the real headline is a section label (a kicker)."""
        kicker = self.headline
        if kicker is None or self.meta.title != kicker or self.lines_seen > 2:
            return False
        words = kicker.split()
        is_label = len(words) == 1 or (len(words) <= 3 and kicker.isupper())
        return is_label and len(line.split()) > len(words)

    def _consume_caption(
        self, lines: list[str], run_on: bool, next_block: list[str] | None
    ) -> bool:
        """A photo caption before the story: one that ends with its credit, or text run on
        after a date header when a dateline paragraph follows (the scraped-dump caption slot)."""
        if self.meta.caption is not None:
            return False
        paragraph = " ".join(line.strip() for line in lines)
        if find_dateline(paragraph):
            return False
        caption, credit = split_caption_credit(paragraph)
        if caption is None and run_on and next_block and find_dateline(" ".join(next_block)):
            caption = paragraph
        if caption is None:
            return False
        self.set("caption", caption)
        self.set("credit", credit)
        return True


_WEEKDAY_PREFIX = re.compile(rf"(?i)[\s,.|]*(?:{_WEEKDAY}[\s,]*)?")


def _is_header_line(line: str) -> bool:
    probe = _Header(Metadata())
    return bool(
        probe._date_line(line) is not None
        or probe._key_value_line(line)
        or probe._byline(line)
        or probe._role_byline(line)
    )


def looks_like_headline(line: str) -> bool:
    """A short line with letters that does not end like a sentence."""
    line = line.strip()
    words = line.split()
    if not (0 < len(line) <= HEADLINE_MAX_CHARS and 0 < len(words) <= HEADLINE_MAX_WORDS):
        return False
    if not any(ch.isalpha() for ch in line):
        return False
    unquoted = line.rstrip("\"”’'")
    return not unquoted.endswith((".", ",", ";", ":")) or unquoted.endswith("...")


def _looks_like_names(who: str) -> bool:
    names, _ = split_byline(who)
    if not names:
        return False
    words = re.split(r"[\s,]+", names)
    if (
        len(words) > 14
        or names.rstrip().endswith((".", "!", "?"))
        and not re.search(r"\b[A-Z]\.$", names)
    ):
        return False
    return all(word[:1].isupper() or word.lower() in _NAME_CONNECTORS for word in words if word)


def split_byline(who: str) -> tuple[str | None, str | None]:
    """`Jane Doe and John Roe, Reuters` -> ("Jane Doe and John Roe", "Reuters").

    A trailing piece after a comma, pipe or dash becomes the source only when it is a news
    agency; other trailers ("Staff Writer") stay in the byline. A trailing ` in London` goes.
    """
    who = clean_field(who) or ""
    who = re.sub(r"\s+in\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*$", "", who)
    parts = [part.strip() for part in re.split(r"\s*(?:,|\||\s[—–-]\s)\s*", who) if part.strip()]
    if len(parts) > 1 and parts[-1].casefold() in KNOWN_AGENCIES:
        return ", ".join(parts[:-1]) or None, parts[-1]
    return (who or None), None


def split_caption_credit(paragraph: str) -> tuple[str | None, str | None]:
    """(caption, credit) when the paragraph is a photo caption ending with its credit."""
    if len(paragraph) > CAPTION_MAX_CHARS:
        return None, None
    for pattern in (_CAPTION_PAREN, _CAPTION_LABEL, _CAPTION_DASH):
        match = pattern.match(paragraph)
        if not match:
            continue
        credit = _CREDIT_PREFIX.sub("", match["credit"].strip()).strip(" .")
        caption = match["caption"].strip()
        if not looks_like_credit(credit) or len(caption.split()) < 3:
            continue
        if pattern is _CAPTION_DASH and not _reads_like_caption(caption):
            continue  # "Tech firm cuts 500 jobs - Reuters" is a headline with its source
        return caption, credit
    return None, None


def _reads_like_caption(text: str) -> bool:
    """Captions are sentences (a final period) or long; headlines are neither."""
    return text.endswith((".", "!", "?", ".”", '."', ")")) or len(text.split()) > HEADLINE_MAX_WORDS


def looks_like_credit(credit: str) -> bool:
    """`ISPR`, `Reuters/File`, `AFP via Getty Images`, `John Smith/AP`: short and capitalised."""
    words = credit.replace("/", " / ").split()
    if not 0 < len(words) <= 6 or credit.endswith(("?", "!", ",")):
        return False
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    others = [w for w in words if not (w[:1].isupper() or w[:1].isdigit())]
    return bool(capitalised) and all(w.lower() in _CREDIT_CONNECTORS for w in others)
