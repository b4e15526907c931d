"""The side panel: the article's quotes and its speakers, in two tabs.

Quotes: each quote with its speaker (in the speaker's colour) and kind;
choosing one scrolls the reader to it. Speakers: name, titles and quote count;
choosing one filters the Quotes tab to that speaker, and `a` searches the whole
corpus for articles quoting them.
"""

from __future__ import annotations

import contextlib
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option, OptionDoesNotExist

from ...corpus.model import Quote
from ..article_text import RenderedArticle, quote_colour
from ..focus import focus_now
from ..key_order import KeysInOrder
from ..messages import QuoteSelected, SpeakerSearchRequested
from ..safe_text import clean_line

QUOTE_PREVIEW_CHARS = 160
ALL_SPEAKERS = "all"


class PanelList(KeysInOrder, OptionList):
    """An OptionList that also answers to vim keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="quoth.panel.down"),
        Binding("k", "cursor_up", "Up", show=False, id="quoth.panel.up"),
        Binding("g", "first", "First", show=False, id="quoth.panel.first"),
        Binding("G", "last", "Last", show=False, id="quoth.panel.last"),
        Binding("ctrl+d", "page_down", "Page down", show=False, id="quoth.panel.page_down"),
        Binding("ctrl+u", "page_up", "Page up", show=False, id="quoth.panel.page_up"),
    ]

    def on_mount(self) -> None:
        # TabbedContent may mount its panes after the panel's own Mount (it did
        # on a busy machine): a list that arrives late is filled as it arrives.
        for ancestor in self.ancestors:
            if isinstance(ancestor, QuotesPanel):
                ancestor.fill_lists()
                return


class QuoteList(PanelList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Go to quote", id="quoth.panel.go_to_quote"),
    ]


class SpeakerList(PanelList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Filter quotes", id="quoth.panel.filter_speaker"),
    ]


class QuotesPanel(Vertical):
    """Quotes and Speakers tabs for the article in the reader."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "switch_tab", "Quotes/Speakers", id="quoth.panel.switch_tab"),
        Binding("a", "search_speaker", "Speaker's articles", id="quoth.panel.search_speaker"),
        Binding("x", "clear_filter", "All quotes", show=False, id="quoth.panel.clear_filter"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rendered: RenderedArticle | None = None
        self.speaker_filter: str | None = None

    def compose(self) -> ComposeResult:
        with TabbedContent(id="panel-tabs"):
            with TabPane("Quotes", id="quotes-tab"):
                yield Static(id="quote-filter")
                yield QuoteList(id="quote-list")
            with TabPane("Speakers", id="speakers-tab"):
                yield SpeakerList(id="speaker-list")

    def on_mount(self) -> None:
        # The panel is reached with tab/h/l; the tab strip itself need not take focus.
        for tabs in self.query("Tabs"):
            tabs.can_focus = False
        # Mounted lazily: catch up with the article already in the reader.
        self.show(getattr(self.app, "current_article", None))

    # -- content ---------------------------------------------------------------

    def show(self, rendered: RenderedArticle | None) -> None:
        self.rendered = rendered
        self.speaker_filter = None
        self.fill_lists()

    def fill_lists(self) -> None:
        """Both tabs, for the article shown; a list not mounted yet fills itself later."""
        if self.query(QuoteList):
            self._fill_quotes()
        if self.query(SpeakerList):
            self._fill_speakers()

    def _fill_quotes(self) -> None:
        quotes = self.query_one(QuoteList)
        quotes.clear_options()
        if self.rendered is None:
            return
        article = self.rendered.article
        options = [
            Option(_quote_prompt(q, self.rendered.colours), id=str(index))
            for index, q in enumerate(article.quotes)
            if self.speaker_filter is None or q.speaker == self.speaker_filter
        ]
        if options:
            quotes.add_options(options)
            quotes.highlighted = 0
        else:
            quotes.add_option(Option(Text("No quotes found", style="dim"), disabled=True))
        self._show_filter()

    def _fill_speakers(self) -> None:
        speakers = self.query_one(SpeakerList)
        speakers.clear_options()
        if self.rendered is None:
            return
        options = [Option(Text("All speakers", style="bold"), id=ALL_SPEAKERS)]
        for speaker in self.rendered.article.speakers:
            colour = self.rendered.colours.get(speaker.name, "")
            prompt = Text(clean_line(speaker.name), style=Style(bold=True, color=colour or None))
            prompt.append(
                f"  {speaker.quotes} quote{'s' if speaker.quotes != 1 else ''}", style="dim"
            )
            titles = ", ".join(clean_line(t) for t in speaker.titles if clean_line(t))
            if titles:
                prompt.append(f"\n{titles}", style="italic dim")
            options.append(Option(prompt, id=f"speaker:{speaker.name}"))
        speakers.add_options(options)
        speakers.highlighted = 0

    def _show_filter(self) -> None:
        label = self.query_one("#quote-filter", Static)
        label.display = self.speaker_filter is not None
        if self.speaker_filter is not None:
            text = Text("Only ")
            text.append(clean_line(self.speaker_filter), style="bold")
            text.append("  (x: all)", style="dim")
            label.update(text)

    def follow_quote(self, index: int) -> None:
        """Highlight quote `index` (the reader moved to it), clearing a filter that hides it."""
        quotes = self.query_one(QuoteList)
        if self.rendered is None or not 0 <= index < len(self.rendered.article.quotes):
            return
        if self.speaker_filter not in (None, self.rendered.article.quotes[index].speaker):
            self.speaker_filter = None
            self._fill_quotes()
        with contextlib.suppress(OptionDoesNotExist):
            quotes.highlighted = quotes.get_option_index(str(index))

    def filter_by(self, speaker: str | None) -> None:
        self.speaker_filter = speaker
        self._fill_quotes()
        self.query_one(TabbedContent).active = "quotes-tab"
        focus_now(self.query_one(QuoteList))

    # -- events ----------------------------------------------------------------

    @on(OptionList.OptionSelected, "#quote-list")
    def _quote_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(QuoteSelected(int(event.option.id), flash=True))

    @on(OptionList.OptionHighlighted, "#quote-list")
    def _quote_passed_over(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None and self.query_one(QuoteList).has_focus:
            self.post_message(QuoteSelected(int(event.option.id), flash=False))

    @on(OptionList.OptionSelected, "#speaker-list")
    def _speaker_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ALL_SPEAKERS
        self.filter_by(None if option_id == ALL_SPEAKERS else option_id.split(":", 1)[1])

    # -- actions ---------------------------------------------------------------

    def action_switch_tab(self) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = "speakers-tab" if tabs.active == "quotes-tab" else "quotes-tab"
        focus_now(self.active_list())

    def action_clear_filter(self) -> None:
        self.filter_by(None)

    def action_search_speaker(self) -> None:
        name = self.highlighted_speaker()
        if name:
            self.post_message(SpeakerSearchRequested(name))
        else:
            self.notify("Highlight a speaker or an attributed quote first", timeout=3)

    def highlighted_speaker(self) -> str | None:
        """The speaker under the cursor of the active tab (or the filter)."""
        if self.rendered is None:
            return None
        if self.query_one(TabbedContent).active == "speakers-tab":
            option = self.query_one(SpeakerList).highlighted_option
            if option is not None and option.id and option.id.startswith("speaker:"):
                return option.id.split(":", 1)[1]
            return None
        option = self.query_one(QuoteList).highlighted_option
        if option is not None and option.id is not None:
            return self.rendered.article.quotes[int(option.id)].speaker
        return self.speaker_filter

    def active_list(self) -> OptionList:
        if self.query_one(TabbedContent).active == "speakers-tab":
            return self.query_one(SpeakerList)
        return self.query_one(QuoteList)


def _quote_prompt(quote: Quote, colours: dict[str, str]) -> Text:
    colour = quote_colour(quote, colours)
    prompt = Text(clean_line(quote.speaker) or "unattributed", style=Style(bold=True, color=colour))
    prompt.append(f" · {quote.kind}", style="dim")
    body = clean_line(quote.text)
    if len(body) > QUOTE_PREVIEW_CHARS:
        body = body[: QUOTE_PREVIEW_CHARS - 1].rstrip() + "…"
    prompt.append(f"\n{body}", style=Style(italic=True))
    return prompt
