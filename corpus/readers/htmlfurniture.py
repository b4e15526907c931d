"""Page furniture found by its shape, for pages whose markup names nothing.

Class names like "comments" or "newsletter" are the easy signal, and htmltext uses them.
Many pages have none: hashed CSS classes ("css-1f5nmbs"), utility classes, or bare
<div>s. Some furniture still shows itself by structure:

* Reader comments: every comment carries the same small controls ("Reply", "Report",
  "14 likes", "4 replies", a lone "says:" after the name). An element with two or more
  children that each hold such a control is a list of comments, and those children go.
  Three or more siblings stamped when they were posted ("2 hours ago", "vor 3 Stunden")
  go too, unless they are the bulk of the page, as a live blog's entries are.
* A comment section under a heading that says so ("38 Comments", "Join the discussion
  (9)", "3 thoughts on ...", "Comentarios"), even when its comments carry no controls.
* Sign-up and cookie boxes: a form field (an email input) with a little text around it.
  The box is the largest element around the field that is still short.

All are checked against the story: an element that holds half the page's prose is
never furniture, whatever it contains.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .htmltext import Node, Page, Segment

# The whole own text of an element that is a comment control. Deliberately not "Share" or
# "Like": articles carry those too.
_COMMENT_CONTROL = re.compile(
    r"^(?:reply|replies|report|report abuse|report comment|flag|flag as inappropriate"
    r"|permalink|upvote|downvote|recommend"
    r"|antworten|melden|responder|denunciar|r[ée]pondre|signaler|rispondi|segnala"
    r"|reageren|beantwoorden|rapporteren"
    r"|\d[\d.,]*k? (?:likes?|replies|repl(?:y|ies)|points?|upvotes?|votes?|recommends?)"
    r"|(?:view|show|hide|load|see) (?:all )?(?:\d+ )?(?:more )?"
    r"(?:replies|reply|comments?|responses?)"
    r"|says)$",  # WordPress: <b>Gordon B</b> <span>says:</span> (the colon is a separator)
    re.IGNORECASE,
)
# When a reader posted: "2 hours ago", "vor 3 Stunden", "14/03/2025 at 18:42", at the
# end of a short line ("Derek W. · 2 days ago").
_POSTED_AT = re.compile(
    r"(?:^|[\s·|•,–—/.-])(?:(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?"
    r"|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago|just now"
    r"|vor (?:\d+|einer?) (?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?"
    r"|jahr(?:en)?)|hace (?:\d+|una?) (?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?"
    r"|años?)|il y a (?:\d+|une?) (?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|\d+ (?:minuti|ore|giorni|settimane|mesi|anni) fa"
    # A full date before the time: "at 2.40" alone ends lines of a story's timeline.
    r"|\b(?:19|20)\d\d,? at \d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)$",
    re.IGNORECASE,
)
_SEPARATORS = " \t\r\n|·•-–—,:()[]"
_MAX_OWN_CHARS = 200  # whitespace included; a control says a word or three
_MAX_CONTROLS = 5000  # enough for any comment thread; a bound on work for hostile pages
# Form fields a reader types into (sign-up boxes, search, comment forms).
_TYPED_INPUTS = frozenset({"", "email", "text", "search", "tel"})
# A sign-up box says a line or two; a longer element around the field is page content.
MAX_BOX_CHARS = 400
_MAX_BOX_DEPTH = 10  # boxes are shallow; a bound on work for thousands of fields
# Half the page's prose: an element holding that much is the story, never furniture.
STORY_SHARE = 0.5


def _own_control_text(node: Node) -> str | None:
    """The element's direct text without the separators between controls; None when
    there is none or too much of it to be a control (most elements: a cheap exit)."""
    parts: list[str] = []
    size = 0
    for child in node.children:
        if isinstance(child, str):
            size += len(child)
            if size > _MAX_OWN_CHARS:
                return None
            parts.append(child)
    if not parts:
        return None
    return " ".join(" ".join(parts).split()).strip(_SEPARATORS) or None


def _short_texts(page: Page) -> list[tuple[Node, str]]:
    """Elements with a short own text (a control, a timestamp line), with that text."""
    found: list[tuple[Node, str]] = []
    for node in page.nodes:
        own = _own_control_text(node)
        if own and len(own) <= 80:
            found.append((node, own))
    return found


def _may_end_in_a_stamp(text: str) -> bool:
    """A cheap test before _POSTED_AT, which most short texts fail."""
    tail = text[-30:].lower()
    return (
        tail.endswith(("ago", "now", " fa", "m", "m."))
        or tail[-1:].isdigit()
        or "vor " in tail
        or "hace " in tail
        or "il y a " in tail
    )


def _holders(marked: list[Node]) -> dict[int, set[int]]:
    """element -> those of its children that hold a marked element."""
    holders: dict[int, set[int]] = {}
    for node in marked:
        child, parent = node, node.parent
        while parent is not None:
            children = holders.setdefault(parent.index, set())
            if child.index in children:
                break  # this branch was counted for an earlier mark under the same child
            children.add(child.index)
            child, parent = parent, parent.parent
    return holders


def comment_items(
    page: Page, segments: list[Segment], prose: list[int], total_prose: int
) -> set[int]:
    """Indexes of elements that are one reader comment each (or a reply thread)."""
    titled = _holding_the_title(page)
    story_size = STORY_SHARE * total_prose
    items: set[int] = set()
    texts = _short_texts(page)
    controls = [node for node, text in texts if _COMMENT_CONTROL.match(text)]
    stamps = [
        node for node, text in texts if _may_end_in_a_stamp(text) and _POSTED_AT.search(text[-40:])
    ]
    # Two or more siblings with comment controls: each one is a comment.
    for children in _holders(controls[:_MAX_CONTROLS]).values():
        if len(children) >= 2:
            items.update(i for i in children if prose[i] < story_size and i not in titled)
    # Three or more siblings stamped "2 hours ago" are comments too, or story teasers.
    # A live blog's entries are stamped that way, but they are most of the page, and
    # more than twice what comes before them.
    stamped = _holders(stamps[:_MAX_CONTROLS])
    if stamped:
        before = _prose_before(segments)
        for children in stamped.values():
            size = sum(prose[i] for i in children)
            if len(children) < 3 or children & titled:
                continue
            if size < story_size or size < 2 * before(min(children)):
                items.update(children)
    return items


def _prose_before(segments: list[Segment]) -> Callable[[int], int]:
    """A function: element index -> characters of prose-like text before the element."""
    # A segment's place: the largest element index opened up to it. Text after a block,
    # back in the block's parent, is placed after the block; so places never decrease,
    # and the segments before element n are exactly those placed before n.
    places: list[int] = []
    totals: list[int] = []
    place = running = 0
    for segment in segments:
        place = max(place, segment.owner.index)
        if len(segment.text) >= _PROSE_LINE_CHARS and segment.link_density < 0.5:
            running += len(segment.text)
            places.append(place)
            totals.append(running)

    def before(index: int) -> int:
        at = bisect.bisect_left(places, index)
        return totals[at - 1] if at else 0

    return before


def form_boxes(page: Page, chars: list[int], prose: list[int], total_prose: int) -> set[int]:
    """Indexes of short elements built around a form field: sign-up, search, consent boxes."""

    def can_grow_into(parent: Node | None) -> bool:
        return (
            parent is not None
            and parent.parent is not None  # never the document itself
            and parent.tag not in ("html", "body", "main", "article")
            and chars[parent.index] < MAX_BOX_CHARS
            and prose[parent.index] < STORY_SHARE * total_prose
        )

    boxes: set[int] = set()
    for node in page.nodes:
        if not _is_typed_field(node):
            continue
        box = node
        for _ in range(_MAX_BOX_DEPTH):
            if box.parent is None or not can_grow_into(box.parent):
                break
            box = box.parent
        if box is not node:
            boxes.add(box.index)
    return boxes


def _is_typed_field(node: Node) -> bool:
    if node.tag == "textarea":
        return True
    return node.tag == "input" and node.get("type").lower() in _TYPED_INPUTS


# A heading that announces the readers' part of the page. Only unambiguous wordings:
# "Discussion" or "Responses" alone can head a section of the story itself.
_COMMENTS_HEADING = re.compile(
    r"^(?:\d[\d,.]*k?\s+)?(?:"
    r"(?:reader\s+|user\s+)?(?:comments?|comentarios?|commentaires?|kommentare?|commenti"
    r"|reacties|coment[aá]rios?)"
    r"|(?:responses?|replies|thoughts?) on\b.{1,200}"
    r"|(?:join|start|read) the (?:discussion|conversation)|leave a (?:reply|comment)"
    r"|add (?:a|your) comment|post a comment|have your say|what do you think\??"
    r"|(?:deja|deixe|laissez|hinterlassen sie|lascia) (?:un|uno|einen) \w+"
    r")(?:\s*\(\d[\d,.]*k?\))?:?$"
    r"|^(?:\d[\d,.]*k?\s+(?:responses?|replies|reactions?)|(?:responses?|replies|reactions?|"
    r"discussion)\s*\(\d[\d,.]*k?\))$",
    re.IGNORECASE,
)
# Text ahead of the heading in its section beyond this means the section is not the
# readers' own (the story comes first in it); then only what follows the heading goes.
_LEAD_IN_CHARS = 100
_PROSE_LINE_CHARS = 40  # a segment this long and not a link is prose, not a label
_STORY_ABOVE_CHARS = 250
_MAX_HEADINGS = 20


def comment_sections(
    page: Page, segments: list[Segment], chars: list[int], prose: list[int], total_prose: int
) -> set[int]:
    """Indexes of the elements under a "Comments (12)"-style heading: the readers' part."""
    sections: set[int] = set()
    titled = _holding_the_title(page)  # a section with the story's <h1> is the story
    above = _prose_above(segments)
    headings = 0
    for number, segment in enumerate(segments):
        heading = _comments_heading(segment, chars)
        if heading is None or heading.parent is None or heading.parent.parent is None:
            continue
        headings += 1
        if headings > _MAX_HEADINGS:
            break  # a page is one story and one comment section, not thousands
        section = heading.parent
        siblings = [c for c in section.children if not isinstance(c, str)]
        at = siblings.index(heading)
        lead_in = sum(chars[s.index] for s in siblings[:at])
        if lead_in < _LEAD_IN_CHARS and section.tag not in ("body", "html", "main", "article"):
            if section.index in titled:
                continue
            # Readers may write more than the story: a story told above the section
            # lets a section of comment-like items go whatever its size.
            chars_above, paragraphs_above = above[number]
            story_above = (
                chars_above >= _STORY_ABOVE_CHARS
                and paragraphs_above >= 2
                and _holds_items(siblings[at + 1 :], chars)
            )
            if story_above or prose[section.index] < STORY_SHARE * total_prose:
                sections.add(section.index)
            continue
        # The heading comes after the story in a shared block: what follows it goes.
        tail = siblings[at:]
        if not any(s.index in titled for s in tail) and (
            sum(prose[s.index] for s in tail) < STORY_SHARE * total_prose
        ):
            sections.update(s.index for s in tail)
    return sections


def _comments_heading(segment: Segment, chars: list[int]) -> Node | None:
    """The element that is a comments heading made of this segment's text, if any."""
    text = segment.text
    # A linked "12 comments" near the byline jumps to the comments; it heads nothing.
    if len(text) > 220 or segment.link_density > 0.5 or not _COMMENTS_HEADING.match(text):
        return None
    heading = segment.owner
    # <div><h3>Comments</h3></div>: the wrapper that holds only the heading is the heading.
    while heading.parent is not None and chars[heading.parent.index] == chars[heading.index]:
        heading = heading.parent
    if chars[heading.index] > len(text) + 20:
        return None  # the words sit inside a larger block of text: not a heading
    return heading


def _prose_above(segments: list[Segment]) -> list[tuple[int, int]]:
    """For each segment, (characters, paragraphs) of prose-like text before it."""
    above: list[tuple[int, int]] = []
    running, paragraphs = 0, 0
    for segment in segments:
        above.append((running, paragraphs))
        if len(segment.text) >= _PROSE_LINE_CHARS and segment.link_density < 0.5:
            running += len(segment.text)
            paragraphs += 1
    return above


def _holding_the_title(page: Page) -> set[int]:
    """Indexes of the elements that contain an <h1>."""
    holding: set[int] = set()
    for node in page.nodes:
        if node.tag == "h1":
            current = node.parent
            while current is not None and current.index not in holding:
                holding.add(current.index)
                current = current.parent
    return holding


_NOT_ITEMS = frozenset(
    {"p", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "img", "br", "hr"}
)


def _holds_items(following: list[Node], chars: list[int]) -> bool:
    """Two or more comment-like items (blocks, not paragraphs) after the heading, side by
    side or in one list: a story's body is paragraphs."""
    items = [n for n in following if n.tag not in _NOT_ITEMS and chars[n.index]]
    if len(items) == 1:
        children = [c for c in items[0].children if not isinstance(c, str)]
        items = [n for n in children if n.tag not in _NOT_ITEMS and chars[n.index]]
    return len(items) >= 2
