"""Section pages: a site's index of stories (/news/, /politics/, /world/), not an article.

A section page lists linked headlines, most with a short summary under them, sometimes a
lead story with a longer one, and has no story of its own. Read as an article it would
store the summaries (or just the lead's) as if they were a story. It is told by its shape,
not by its URL:

* at least MIN_LISTED_STORIES linked headlines each followed by a summary;
* little prose outside them (a line introducing the section at most);
* no story of its own: an article with a "related stories" rail has a run of its own
  paragraphs above or below the rail, even when the story is a brief.

Markup saying the page is an article (og:type, JSON-LD) settles it the other way; the
HTML reader checks that before asking here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .htmltext import (
    HEADING_TAGS,
    is_bare_link_line,
    is_furniture_line,
    is_linked_headline,
    links_elsewhere,
)

if TYPE_CHECKING:
    from .htmltext import MainText, Segment

MIN_LISTED_STORIES = 5
# An introduction to the section ("The latest from the statehouse and City Hall.") fits
# well within both; a brief's paragraphs reach the second.
MAX_OWN_PROSE_CHARS = 400
MIN_STORY_CHARS = 150  # prose in one run, between no listed stories
_MIN_SUMMARY_CHARS = 30
_OWN_PARAGRAPH_CHARS = 60
_SUMMARY_REACH = 3  # a time or byline line may sit between a headline and its summary


def listed_stories(text: MainText) -> int:
    """How many stories the page lists, when it is a list of stories without one of its
    own; 0 for any other page."""
    # All segments, furniture included: cards stamped "3 hours ago" look like comments
    # to the furniture rules, and a rail named "related" is furniture, yet both list stories.
    segments = text.segments
    headlines = _headlines(segments)
    summaries = _summaries(segments, headlines)
    if len(summaries) < MIN_LISTED_STORIES:
        return 0
    listing = {id(segments[i]) for i in [*headlines, *summaries]}
    # The page's own paragraphs: prose outside furniture and outside the list. A card's
    # line of small print ("Dana Whitcomb · 3 hours ago · 4 min read") is too short to count.
    own = [
        item.segment
        for item in text.scored
        if id(item.segment) not in listing
        and item.good > 0
        and item.segment.link_density <= 0.5
        and len(item.segment.text) >= _OWN_PARAGRAPH_CHARS
    ]
    if sum(len(segment.text) for segment in own) >= MAX_OWN_PROSE_CHARS:
        return 0
    if _has_story_of_its_own(segments, own, listing):
        return 0
    return len({segments[headline].text for headline in summaries.values()})


def _headlines(segments: list[Segment]) -> list[int]:
    """Linked headlines: set as headings, or a line that is one link. A linked line right
    under a linked heading is its summary (the whole card is one link)."""
    found: list[int] = []
    for i, segment in enumerate(segments):
        under_heading = bool(found) and found[-1] == i - 1 and is_linked_headline(segments[i - 1])
        linked = is_linked_headline(segment) or (is_bare_link_line(segment) and not under_heading)
        if linked and links_elsewhere(segment):
            found.append(i)
    return found


def _summaries(segments: list[Segment], headlines: list[int]) -> dict[int, int]:
    """summary index -> its headline's index: the first prose line after a headline,
    before the next one."""
    found: dict[int, int] = {}
    for n, start in enumerate(headlines):
        stop = headlines[n + 1] if n + 1 < len(headlines) else len(segments)
        # A card that is one link (headline and summary inside one <a>) links its summary
        # too; only a headline set as a heading says the linked text after it is a summary.
        linked_ok = is_linked_headline(segments[start])
        for i in range(start + 1, min(start + 1 + _SUMMARY_REACH, stop)):
            if _is_summary(segments[i], linked_ok):
                found[i] = start
                break
    return found


def _is_summary(segment: Segment, linked_ok: bool) -> bool:
    return (
        (linked_ok or segment.link_density <= 0.5)
        and len(segment.text) >= _MIN_SUMMARY_CHARS
        and segment.owner.tag not in HEADING_TAGS
        and not is_furniture_line(segment.text)
    )


def _has_story_of_its_own(segments: list[Segment], own: list[Segment], listing: set[int]) -> bool:
    """A run of the page's own prose, not broken by a listed story, as long as a brief:
    the story above or below a rail of other stories, whatever sets its headline."""
    own_ids = {id(segment) for segment in own}
    run = 0
    for segment in segments:
        if id(segment) in listing:
            run = 0
        elif id(segment) in own_ids:
            run += len(segment.text)
            if run >= MIN_STORY_CHARS:
                return True
    return False
