"""anti-copy: a site's name or address glued into the middle of a paragraph.

What it removes: stamps that 范文 sites insert into running text so that copies carry
their name — a bracketed source ("[来源:范文网Fw123.Com]"), a web address standing in
Chinese text, in half- or full-width letters ("ｗｗｗ．ｆｗ１２３．ｃｏｍ"), and a
"本文由…网整理发布，转载请注明出处" sentence glued into a paragraph.
Why: the stamps break sentences in two; they are the site's, not the author's.
Example: "…下沉网格，[来源:范文网Fw123.Com]全年走访居民…" → "[来源:范文网Fw123.Com]" cut.
Leaves alone: an address the text itself cites ("可登录www.example.gov.cn查询。" is a sentence that
needs it: only addresses glued between two Chinese characters with no verb of visiting
before them are cut) and bracketed sources of quotations ("（来源：国家统计局）" after a figure).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.shapes import HAN

REASON = "anti-copy"

_W = "wｗＷ"
_DOT = ".．"
_DOMAIN = (
    rf"[{_W}]{{3}}[{_DOT}][0-9A-Za-z０-９ａ-ｚＡ-Ｚ-]{{2,30}}(?:[{_DOT}][A-Za-zａ-ｚＡ-Ｚ]{{2,4}}){{1,2}}"
)
_STAMP = re.compile(
    # [来源:范文网Fw123.Com] — a source naming a web site (网/站 or a domain)
    r"[\[【]\s*来源\s*[:：][^\]】]{0,30}?(?:网|站|\.com|\.cn|\.net|Com)[^\]】]{0,20}[\]】]"
    # 本文由范文网整理发布(，转载请注明出处)
    r"|本文由\S{1,12}?(?:网|站)(?:整理|编辑|收集)?(?:发布|整理)(?:[，,]\s*转载请注明出处)?"
    # a bare web address between Chinese characters
    rf"|(?<=[{HAN}，。、；：])\s*{_DOMAIN}\s*(?=[{HAN}，。、；：])",
    re.I,
)
_VISIT = re.compile(r"(登录|登陆|访问|浏览|打开|进入|关注|见|详见)\s*$")


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        text = line.text
        for m in _STAMP.finditer(text):
            if _VISIT.search(text[: m.start()]):
                continue  # "可登录www.example.gov.cn查询": the address is what the sentence is about
            if m.start() == 0 and m.end() == len(text):
                continue  # a whole line: the line rules (disclaimer, site-footer) judge it
            yield Cut(i, m.start(), m.end())
