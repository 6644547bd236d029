"""Step 5: lay the visible text out in lines, each knowing where it stood.

One block element per line with a blank line between blocks, ``<br>`` a plain line
break, a newline inside ``<pre>`` a line break.  Each :class:`Line` takes its context
from its first visible text: the chrome element it is in (and its reason), the nearest
weakly named ancestor, the heading or title element it is in, and whether it stands
before, in or after the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import PageElement, Tag

from pipeline.decode.html.count import Counted
from pipeline.decode.html.tree import ENTER, TEXT, events, is_link, letters, tokens
from pipeline.decode.html.vocab import (
    BLOCK,
    CAPTION_TAGS,
    CAPTION_TOKENS,
    CELLS,
    CENTRED_STYLE,
    CJK_BREAK,
    HANZI,
    HEADINGS,
    TITLE_TOKENS,
    WEAK,
    WHITESPACE,
)
from pipeline.text.shapes import SENTENCE_PUNCT


@dataclass(slots=True)
class Line:
    """One output line while it is built, with what the rules need to know about it."""

    parts: list[str] = field(default_factory=list)
    letters: int = 0
    link_letters: int = 0
    prose: int = 0
    chrome: str = ""  # reason, when inside a chrome element
    weak: str = ""  # reason named by the nearest weakly named ancestor
    heading: str = ""  # "h1".."h6" or "title" when inside one
    region: int = 0  # -1 before the article, 0 in it (or no article found), 1 after it
    gap_before: bool = False  # a blank line precedes it
    pre: bool = False  # inside <pre>: keep inner spacing
    caption: bool = False  # a picture's caption (named so, or centred right after a picture)
    started: bool = False  # has visible text (its context fields are set)
    text: str = ""

    def finish(self) -> str:
        raw = "".join(self.parts)
        if self.pre:
            return raw.strip()
        return WHITESPACE.sub(" ", CJK_BREAK.sub("", raw)).strip()

    def add(self, text: str, in_link: bool) -> None:
        n = letters(text)
        self.parts.append(text)
        self.letters += n
        if in_link:
            self.link_letters += n
        elif SENTENCE_PUNCT.search(text):
            self.prose += len(HANZI.findall(text))


def lay_out(counted: Counted, chrome: dict[int, str], main: Tag | None) -> list[Line]:
    """The page's visible lines in order, each knowing its chrome/region context."""
    layout = _Layout(chrome, main)
    for kind, node in events(counted.root):
        if kind == TEXT:
            layout.text(node)
        else:
            assert isinstance(node, Tag)
            if kind == ENTER:
                layout.enter(node)
            else:
                layout.exit(node)
    layout.flush(True)
    return layout.lines


class _Layout:
    """The state of the walk: the line being built and the elements it is inside."""

    def __init__(self, chrome: dict[int, str], main: Tag | None) -> None:
        self.chrome = chrome
        self.main = main
        self.lines: list[Line] = []
        self.line = Line()
        self.gap = False
        self.region = -1 if main is not None else 0
        self.chrome_owner: Tag | None = None
        self.chrome_reason = ""
        self.weak: list[tuple[Tag, str]] = []
        self.heading: list[tuple[Tag, str]] = []
        self.link_depth = 0
        self.pre_depth = 0
        self.caption: list[Tag] = []  # open elements named as captions
        self.centred: list[Tag] = []  # open centred elements
        self.picture = False  # a picture since the last line began

    def flush(self, blank_after: bool) -> None:
        line = self.line
        text = line.finish()
        if text:
            line.text = text
            line.gap_before = self.gap and bool(self.lines)
            self.lines.append(line)
            self.gap = False
        if blank_after:
            self.gap = True
        elif not text:
            self.gap = True  # <br> on an empty line: a blank line
        self.line = Line()

    def text(self, node: PageElement) -> None:
        pieces = str(node).split("\n") if self.pre_depth else [str(node)]
        for k, piece in enumerate(pieces):
            if k:
                self.flush(False)  # a newline inside <pre> is a line break
            line = self.line
            if not line.started and piece.strip():
                # the line takes its context from its first visible text
                line.started = True
                line.chrome = self.chrome_reason
                line.weak = self.weak[-1][1] if self.weak else ""
                line.heading = self.heading[-1][1] if self.heading else ""
                line.region = self.region
                line.pre = self.pre_depth > 0
                line.caption = bool(self.caption) or (self.picture and bool(self.centred))
                self.picture = False
            line.add(piece, bool(self.link_depth))

    def enter(self, node: Tag) -> None:
        name = node.name
        if self.chrome_owner is None and id(node) in self.chrome:
            self.flush(True)
            self.chrome_owner, self.chrome_reason = node, self.chrome[id(node)]
        elif node is self.main:
            self.flush(True)
            self.region = 0
        elif name in BLOCK:
            self.flush(True)
        elif name == "br":
            self.flush(False)
        elif name in CELLS and self.line.parts:
            self.line.parts.append(" ")
        self.link_depth += is_link(node)
        self.pre_depth += name == "pre"
        words = tokens(node)
        named = next((WEAK[t] for t in words if t in WEAK), "")
        if named:
            self.weak.append((node, named))
        if name in CAPTION_TAGS or any(t in CAPTION_TOKENS for t in words):
            self.caption.append(node)
        if (
            name == "center"
            or node.get("align") == "center"
            or CENTRED_STYLE.search(str(node.get("style") or ""))
        ):
            self.centred.append(node)
        if name == "img" and self.chrome_owner is None:
            self.picture = True
        if name in HEADINGS:
            self.heading.append((node, name))
        elif any(t in TITLE_TOKENS for t in words):
            self.heading.append((node, "title"))

    def exit(self, node: Tag) -> None:
        name = node.name
        if node is self.chrome_owner:
            self.flush(True)
            self.chrome_owner, self.chrome_reason = None, ""
        elif node is self.main:
            self.flush(True)
            self.region = 1
        elif name in BLOCK:
            self.flush(True)
        self.link_depth -= is_link(node)
        self.pre_depth -= name == "pre"
        if self.weak and self.weak[-1][0] is node:
            self.weak.pop()
        if self.heading and self.heading[-1][0] is node:
            self.heading.pop()
        if self.caption and self.caption[-1] is node:
            self.caption.pop()
        if self.centred and self.centred[-1] is node:
            self.centred.pop()
