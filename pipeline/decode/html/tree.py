"""The visible tree and the measures of its text, shared by every step.

:func:`events` walks the elements a browser renders (enter, text, exit) without
recursion, skipping what is never shown (``script``, ``hidden``, ``display:none`` …);
the small predicates and counters below are what the rules ask of an element or a text.
"""

from __future__ import annotations

from collections.abc import Iterator

import bs4.element
from bs4 import NavigableString, PageElement, Tag

from pipeline.decode.html.vocab import (
    CAMEL,
    ELLIPSIS,
    EXCERPT_LABEL,
    HANZI,
    HIDDEN_STYLE,
    INVISIBLE,
    LETTER,
    MIN_EXCERPT,
    MIN_SENTENCE,
    TITLE_HEADINGS,
    TITLE_TOKENS,
    TOKEN,
    WHITESPACE,
)
from pipeline.text.shapes import SENTENCE_PUNCT


def is_link(tag: Tag) -> bool:
    return tag.name == "a" and tag.has_attr("href")


def tokens(tag: Tag) -> list[str]:
    """Lower-case words of the class and id: ``class="relatedNews box2"`` → related news box."""
    classes = tag.get("class") or []
    words = [*classes] if isinstance(classes, list) else [classes]
    ident = tag.get("id")
    if isinstance(ident, str):
        words.append(ident)
    return TOKEN.findall(CAMEL.sub(" ", " ".join(words)).lower())


def hidden(tag: Tag) -> bool:
    if tag.name in INVISIBLE or tag.has_attr("hidden"):
        return True
    if str(tag.get("aria-hidden", "")).lower() == "true" or str(tag.get("type", "")).lower() == "hidden":
        return True
    return bool(HIDDEN_STYLE.search(str(tag.get("style", ""))))


def is_title_named(tag: Tag) -> bool:
    return tag.name in TITLE_HEADINGS or any(t in TITLE_TOKENS for t in tokens(tag))


ENTER, TEXT, EXIT = 0, 1, 2
# Text that is rendered: plain strings and ruby annotations.  Comments, doctypes, CDATA
# and the strings inside script/style/template are other NavigableString subclasses.
TEXT_TYPES: frozenset[type] = frozenset(
    {NavigableString, getattr(bs4.element, "RubyTextString", NavigableString)}
)


def events(root: Tag) -> Iterator[tuple[int, PageElement]]:
    """Enter/text/exit events over the visible tree, without recursion (pages nest deep)."""
    stack: list[tuple[Tag, Iterator[PageElement]]] = [(root, iter(list(root.contents)))]
    while stack:
        tag, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack:
                yield EXIT, tag
        elif isinstance(child, Tag):
            if not hidden(child):
                yield ENTER, child
                stack.append((child, iter(list(child.contents))))
        elif type(child) in TEXT_TYPES:
            yield TEXT, child


def letters(text: str) -> int:
    return len(LETTER.findall(text))


def is_prose(text: str) -> bool:
    """A sentence: hanzi and sentence punctuation."""
    return bool(SENTENCE_PUNCT.search(text)) and len(HANZI.findall(text)) >= MIN_SENTENCE


def squeeze(text: str) -> str:
    return WHITESPACE.sub("", text)


def is_excerpt(text: str, article: str) -> bool:
    """Whether a line or block is a CMS summary: a labelled or cut-off copy of the article.

    It must say so (a ``摘要:``-style label or a closing ellipsis): a paragraph that merely
    repeats one of the article's is not a summary.

    >>> is_excerpt("摘要: 党的十九大报告首次明确提出增强党的群众组织力的新要求 ...", "党的十九大报告首次明确提出增强党的群众组织力的新要求。增强…")
    True
    >>> is_excerpt("党的十九大报告首次明确提出增强党的群众组织力的新要求", "党的十九大报告首次明确提出增强党的群众组织力的新要求。增强…")
    False
    """
    squeezed = squeeze(text)
    unlabelled = EXCERPT_LABEL.sub("", squeezed)
    body = ELLIPSIS.sub("", unlabelled)
    if body == squeezed:
        return False
    return len(body) >= MIN_EXCERPT and body in article
