"""site-banner: the site's name, as a banner line or glued to the page title.

What it removes: a short line that names a web site and its tagline ("红旗党建网 — 党员
教育学习平台"), and a site name glued to the end of a title line by an underscore,
bar or dash ("2024年机关党建工作要点_公文范文网" → "_公文范文网" cut, the title kept).
A site name is a short word ending in 网, 网站, 之家, 文库, 在线, 频道 or 平台.
Why: browsers copy the page title (title + site name) and the site's banner.
Example: "2024年机关党建工作要点_公文范文网" → "2024年机关党建工作要点".
Leaves alone: prose that mentions a web site ("在学习强国平台上学习。" is a sentence), and
titles whose dash joins two parts of the title itself ("筑牢安全网—守护群众平安" has no
site word at its end... unless it ends in one: the suffix must follow _ | ｜ or a spaced dash).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.shapes import title_like

REASON = "site-banner"

_SITE = r"[\w·]{2,12}?(?:网|网站|之家|文库|在线|频道|平台)"
# the name and the tagline are set apart by spaces around a dash, or by a bar or underscore;
# the tagline names what the site is (平台, 网站, 门户 …), not a second half of a title
_BANNER = re.compile(
    rf"^{_SITE}(?:\s+[—–-]+\s+|\s*[|｜_]\s*)[^\s。，,]{{0,16}}(?:平台|网站|门户|官网|家园|阵地|窗口|中心|之家)$"
)
_SUFFIX = re.compile(rf"(?:\s*[_|｜]\s*|\s+[—–-]\s+){_SITE}\s*$")
MAX_LEN = 40


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        text = line.text.strip()
        if len(text) > MAX_LEN + 20:
            continue
        if _BANNER.match(text) and len(text) <= MAX_LEN:
            yield Cut(i)
            continue
        m = _SUFFIX.search(line.text)
        if m and m.start() > 0 and title_like(line.text[: m.start()], 50):
            yield Cut(i, m.start(), m.end())
