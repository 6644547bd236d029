"""html-fragment: bits of HTML markup left in the text (style= align=>, <p>, <!-- -->).

What it removes: runs of attribute debris (``style= align=>``, ``class="x">``), tags
(``<p align=center>``, ``</div>``, Word's ``<o:p>``), comments, and style sheets printed as
text (``@page { size: 8.27in 11.69in } p.western { font-family: … }``: one or more CSS rules
in a row, each a selector and a braced block of ``property: value`` declarations).  Character references
(``&nbsp;`` ``&ldquo;``) are not debris: decode turns them into the characters they stand for.
Why: sites that strip tags badly leave markup glued to the text.
Example (seed 004): "做好新时期群众工作的几点做法和体会 style= align=>做好新时期…" → the
"style= align=>" runs are cut.
A tag's tail left at a line's start ("l> " of a cut ``<html>``) goes too.
Leaves alone: comparison signs in prose ("增速>5%", "x> 0" mid-line), e-mail and URLs, 《》 book titles,
braces in prose or in a formula ("{1, 2, 3}" has no ``property: value``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "html-fragment"

_ATTR = r"(?:style|align|class|id|width|height|href|src|target|border|color|face|size|valign|bgcolor)"
# what is left of a tag whose start was cut off: any ending of these names ("l", "tml" of html)
_TAIL = "|".join(
    sorted(
        {
            t[i:]
            for t in ("html", "head", "body", "div", "span", "style", "table", "font", "center")
            for i in range(len(t))
        }
    )
)
_DEBRIS = re.compile(
    rf"(?:\b{_ATTR}\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]*)\s*)+/?>"  # style= align=>
    r"|<!--.*?-->"  # comments
    r"|</?(?:o:p|p|div|span|br|font|strong|b|i|u|em|table|tr|td|th|tbody|ul|ol|li|h[1-6]|a|img|center|section)"
    r"(?:\s[^<>]{0,200})?/?>"  # tags
    rf"|^/?(?:{_TAIL})>(?=\s*[\u4e00-\u9fff\[【@{{<])",  # a tag cut at the line's start: "l> " of <html>
    re.I,
)


# a CSS rule: a selector ("@page", "p.western", "td, th") and declarations "font-size: 10pt;"
_CSS_RULE = r"(?:[@.#]?[A-Za-z][\w.#:\-]*(?:\s*,\s*[@.#]?[A-Za-z][\w.#:\-]*)*\s*)\{\s*(?:[a-z\-]+\s*:[^{}:;]*;?\s*)+\}"
_CSS = re.compile(rf"{_CSS_RULE}(?:\s*{_CSS_RULE})*", re.I)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        if "=" in line.text or "<" in line.text or ">" in line.text[:10]:
            for m in _DEBRIS.finditer(line.text):
                yield Cut(i, m.start(), m.end())
        if "{" in line.text:
            for m in _CSS.finditer(line.text):
                yield Cut(i, m.start(), m.end())
