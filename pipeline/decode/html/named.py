"""Step 2, rules A and B: elements whose tag, ARIA role or class/id names them chrome.

A. ``nav``, ``aside``, ``footer``, ``form`` and form controls, a ``header`` without the
   page's ``<h1>``, landmark roles, and class/id tokens of :data:`~.vocab.CHROME`.
B. Weakly named containers (:data:`~.vocab.WEAK`: ``top``, ``info``, ``date`` …) that
   hold no real paragraph and no title.

An element holding half of the page's non-link text is never chrome (a page-wide
ASP.NET ``<form>``), nor are ``html`` and ``body``.
"""

from __future__ import annotations

from bs4 import Tag

from pipeline.decode.html.count import Counted, Stats, mark
from pipeline.decode.html.tree import tokens
from pipeline.decode.html.vocab import (
    CHROME,
    CHROME_ROLES,
    CHROME_TAGS,
    CONTAINERS,
    MIN_PROSE,
    PROTECT_SHARE,
    WEAK,
)


def named_chrome(counted: Counted) -> dict[int, str]:
    """id(element) → reason for every element rules A and B name chrome."""
    total = counted.total

    def decide(tag: Tag, st: Stats) -> str:
        if tag.name in ("html", "body") or (total > 0 and st.own >= PROTECT_SHARE * total):
            return ""
        return _reason(tag, st)

    return mark(counted, {}, decide)


def _reason(tag: Tag, st: Stats) -> str:
    name = tag.name
    words = tokens(tag)
    if name == "header":
        # a <header> holding the page's <h1>, or inside the article, is the article's own
        if not st.h1 and tag.find_parent(["article", "main"]) is None:
            return "site-header"
    elif name == "form":
        for t in words:
            if CHROME.get(t) in ("site-search", "login-prompt", "comments"):
                return CHROME[t]
        return "form"
    elif name in CHROME_TAGS:
        return CHROME_TAGS[name]
    role = str(tag.get("role", "")).lower()
    if role in CHROME_ROLES:
        return CHROME_ROLES[role]
    for t in words:
        if t in CHROME:
            return CHROME[t]
    if name in CONTAINERS and st.prose < MIN_PROSE and not st.titles:
        for t in words:
            if t in WEAK:
                return WEAK[t]
    return ""
