"""Furniture without class/id/role hints: comments, sign-up boxes and story lists are
recognised by their shape, and short story paragraphs survive."""

from __future__ import annotations

import pytest
from quoth.corpus.readers.htmltext import extract_main_text

STORY = [
    "The county council voted on Thursday to close the old swimming baths on Mill Street, "
    "ending a campaign that had run for three years.",
    "It was 9-4.",
    "\u201cWe did everything we could,\u201d said Ann Lowe, who led the campaign.",
    "The building will be sold next spring, and the money will go towards the new leisure "
    "centre on the ring road, officials said in a statement.",
]


def page(extra: str, *, story: list[str] = STORY) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in story)
    return f"<html><body><div><h1>Baths to close</h1>{paragraphs}{extra}</div></body></html>"


def comment(name: str, text: str, controls: str) -> str:
    return (
        f"<div><div><b>{name}</b> <span>2 hours ago</span></div>"
        f"<div>{text}</div><div>{controls}</div></div>"
    )


LONG_COMMENT = (
    "I swam there every week as a child and it breaks my heart to see it go, "
    "but the roof has been leaking for a decade and nobody would pay to fix it."
)


@pytest.mark.parametrize(
    "controls",
    [
        "<a href='#'>Reply</a> | <a href='#'>Report</a>",
        "<button>Reply</button>",
        "<span>12 likes</span> · <a href='#'>Reply</a>",
        "<a href='#'>Flag</a>",
    ],
)
def test_a_comment_list_goes_by_its_controls(controls: str) -> None:
    comments = "".join(comment(n, LONG_COMMENT, controls) for n in ("Bob", "Sue", "Raj"))
    text = extract_main_text(page(f"<div><h3>Have your say</h3>{comments}</div>"))
    assert text == STORY


def test_one_reply_link_alone_drops_nothing() -> None:
    extra = f"<div>{LONG_COMMENT}</div><div><a href='#'>Reply</a></div>"
    assert extract_main_text(page(extra)) == [*STORY, LONG_COMMENT]


def test_a_sign_up_box_goes_by_its_email_field() -> None:
    box = (
        "<div><h3>Get the morning email</h3><p>The day's top local stories, straight to "
        "you every weekday morning before breakfast.</p><form><input type='email'>"
        "<button>Sign up</button></form></div>"
    )
    assert extract_main_text(page(box)) == STORY


def test_a_short_story_next_to_a_search_field_is_kept() -> None:
    short = [STORY[0]]
    html = page("<form><input type='search' name='q'></form>", story=short)
    assert extract_main_text(html) == short


def test_a_class_every_paragraph_wears_is_not_furniture() -> None:
    # Obfuscated atomic CSS can spell a furniture word ("sr" as in screen-reader only).
    paragraphs = "".join(f"<p class='pw-pp sq sr ss'>{p}</p>" for p in STORY)
    html = f"<html><body><article><h1>Baths</h1>{paragraphs}</article></body></html>"
    assert extract_main_text(html) == STORY


def test_a_list_of_linked_titles_with_summaries_goes() -> None:
    cards = "".join(
        f"<li><a href='/s{i}'>Council agrees new parking charges for town centre {i}</a>"
        f"<div><p>Drivers will pay more from April under plans approved this week.</p></div></li>"
        for i in range(3)
    )
    assert extract_main_text(page(f"<h3>You might also like</h3><ul>{cards}</ul>")) == STORY


def test_a_lone_linked_line_inside_the_story_keeps_the_next_paragraph() -> None:
    story = [
        STORY[0],
        "<a href='/x'>Campaigners lose fight to save Victorian baths</a>",
        *STORY[1:],
    ]
    assert extract_main_text(page("", story=story)) == STORY


def plain_comments(count: int) -> str:
    return "".join(f"<div><b>reader{i}</b><p>{LONG_COMMENT}</p></div>" for i in range(count))


@pytest.mark.parametrize(
    "heading",
    [
        "12 Comments",
        "Comments (3)",
        "Join the discussion",
        "3 thoughts on \u201cBaths to close\u201d",
        "Comentarios",
    ],
)
def test_a_section_headed_as_comments_goes_even_when_longer_than_the_story(
    heading: str,
) -> None:
    section = f"<section><h3>{heading}</h3>{plain_comments(6)}</section>"
    assert extract_main_text(page(section)) == STORY


def test_comments_after_the_story_in_the_same_block_go() -> None:
    assert extract_main_text(page(f"<h3>Comments (2)</h3>{plain_comments(2)}")) == STORY


def test_a_story_section_called_discussion_stays() -> None:
    extra = (
        "<section><h2>Discussion</h2><p>Councillors argued for two hours about whether "
        "a private operator could have run the baths at a profit.</p></section>"
    )
    text = extract_main_text(page(extra))
    assert text[-2:] == [
        "Discussion",
        "Councillors argued for two hours about whether a "
        "private operator could have run the baths at a profit.",
    ]


def test_a_cookie_notice_inside_the_story_block_goes() -> None:
    notice = (
        "<div><p>We and our partners use cookies and similar technologies to store and "
        "access information on your device, for personalised ads and content.</p>"
        "<a href='/accept'>OK</a></div>"
    )
    assert extract_main_text(page(notice)) == STORY


def test_a_story_about_cookies_keeps_its_paragraphs() -> None:
    story = [
        *STORY,
        "Websites that use cookies must ask first, the regulator said, and "
        "\u201cwe use cookies\u201d banners that hide the reject button break the law.",
    ]
    assert extract_main_text(page("", story=story)) == story


@pytest.mark.parametrize(
    "appeal",
    [
        "Have you been affected by the closure? Email newsdesk@gazette.example",
        "The Gazette is reader-funded. If this story was useful, become a supporter.",
        "Get the day's top stories delivered to your inbox every morning.",
    ],
)
def test_appeals_to_the_reader_go(appeal: str) -> None:
    assert extract_main_text(page(f"<p>{appeal}</p>")) == STORY


def test_a_police_appeal_in_the_story_stays() -> None:
    story = [
        *STORY,
        "Anyone with information is asked to email the inquiry team at "
        "baths@police.example or call 101, quoting log 244.",
    ]
    assert extract_main_text(page("", story=story)) == story


# Prose-like lines above the story (a notice, a strapline, a ticker).
BANNER = (
    "<div><p>We value your privacy and our journalism depends on readers; thank you "
    "for visiting this independent regional news website today.</p>"
    "<p>Independent news for the towns and villages of the Westbay peninsula.</p>"
    "<p>Breaking: the coast road is closed at Hollins after a lorry overturned.</p></div>"
)


def test_a_linked_comment_count_above_the_story_drops_nothing() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    html = (
        f"<html><body>{BANNER}<div><h1>Baths to close</h1><div><a href='#c'>12 comments"
        f"</a></div><div>{paragraphs}</div></div></body></html>"
    )
    assert extract_main_text(html) == STORY


@pytest.mark.parametrize("title_inside", [True, False])
def test_an_unlinked_comment_count_above_the_story_drops_nothing(title_inside: bool) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    title = "<h1>Baths to close</h1>"
    html = (
        f"<html><body>{BANNER}{'' if title_inside else title}<div>"
        f"{title if title_inside else ''}<div><span>12 comments</span></div>"
        f"<div>{paragraphs}</div></div></body></html>"
    )
    assert extract_main_text(html) == STORY


def test_comment_controls_in_other_languages() -> None:
    comments = "".join(
        comment(n, LONG_COMMENT, "<a href='#'>Antworten</a> <a href='#'>Melden</a>")
        for n in ("Bob", "Sue")
    )
    assert extract_main_text(page(comments)) == STORY


def test_controls_beside_the_title_drop_nothing_of_the_story() -> None:
    # "Report" by the headline (a correction link) and by reader comments below, which
    # are longer than the story.
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    comments = "".join(comment(n, LONG_COMMENT, "<a href=#>Report</a>") for n in "ABC")
    html = (
        f"<html><body><div><div><h1>Baths to close</h1><a href='#'>Report</a>"
        f"{paragraphs}</div><div>{comments}</div></div></body></html>"
    )
    assert extract_main_text(html) == STORY


@pytest.mark.parametrize(
    "stamp", ["2 hours ago", "vor 3 Stunden", "14/03/2025 at 18:42", "hace 2 horas"]
)
def test_comments_stamped_with_when_they_were_posted_go(stamp: str) -> None:
    comments = "".join(
        f"<div><div><b>reader{i}</b> · {stamp}</div><p>{LONG_COMMENT} ({i})</p></div>"
        for i in range(3)
    )
    assert extract_main_text(page(comments)) == STORY


def test_live_blog_entries_stamped_the_same_way_stay() -> None:
    entries = [
        f"Entry {i}: the council has confirmed that the vote on the baths will be held "
        f"this evening, after a delay of {i} hours caused by a fire alarm."
        for i in range(5)
    ]
    blog = "".join(
        f"<div><div>{i + 1} hours ago</div><p>{text}</p></div>" for i, text in enumerate(entries)
    )
    html = f"<html><body><div><h1>Live: baths vote</h1><p>{STORY[0]}</p>{blog}</div></body></html>"
    assert extract_main_text(html) == [STORY[0], *entries]


def test_wordpress_says_marks_comments_but_a_story_line_ending_in_says_stays() -> None:
    comments = "".join(
        f"<div><b>{n}</b> <span>says:</span><p>{LONG_COMMENT}</p></div>" for n in ("Bob", "Sue")
    )
    assert extract_main_text(page(comments)) == STORY
    story = [
        STORY[0],
        "In a statement, the council says:",
        STORY[1],
        "The campaign group says:",
        STORY[2],
        STORY[3],
    ]
    assert extract_main_text(page("", story=story)) == story


def test_a_timeline_in_the_story_stays() -> None:
    timeline = [
        "Crews were called to the baths at 2.40",
        "The first pool was drained at 3.15",
        "The roof was declared safe at 6.05",
    ]
    html = page("<ul>" + "".join(f"<li>{t}</li>" for t in timeline) + "</ul>")
    assert extract_main_text(html) == [*STORY, *timeline]


def test_a_story_split_around_an_advert_keeps_its_short_last_paragraphs() -> None:
    head = "".join(f"<p>{p}</p>" for p in (STORY[0], STORY[3], STORY[0][::-1]))
    last = [
        "It was 9-4, after a debate lasting two hours.",
        "Work on the site starts in May, officials said.",
    ]
    tail = "".join(f"<p>{p}</p>" for p in last)
    html = (
        f"<html><body><p>Westbay news, since 1911</p><div><h1>Baths</h1><div>{head}</div>"
        f"<div><a href='/ad'>Advertisement</a></div><div>{tail}</div></div>"
        "<p>Tips to news@westbay.example</p></body></html>"
    )
    assert extract_main_text(html)[-2:] == last
