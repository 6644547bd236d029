"""assistant-chatter: a chat assistant's words around the draft it wrote (好的，以下是…；希望对您有帮助).

What it removes: the first line when it answers a request ("好的，以下是一篇关于…的调研报告：",
"当然可以！下面为您撰写…") and the last lines when they offer more help ("希望以上内容对您有所
帮助！", "如需调整篇幅或风格，请随时告诉我。") — a reply's opening and closing, addressed to
"您", before the draft's first line or after its last.
Why: office staff paste drafts written with a chat assistant; the reply around the draft is
not part of the document.
Example: "好的，以下是一篇关于加强基层党建的调研报告：" above the title → removed.
Leaves alone: the same words inside the text ("以下是我镇的主要做法："), lines in the middle,
and openers not addressed to the reader ("下面，我讲三点意见。").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "assistant-chatter"

# the opening of a reply: an assent, then "here is …" — or "here is … for you"
_OPENER = re.compile(
    r"^(?:好的|好|当然|当然可以|没问题|可以|明白了?|收到)[!！,，。.]?\s*(?:以下是|下面是|这是|我为您|为您|下面为您|以下为您)"
    r"|^(?:以下是|下面是|这是)(?:为您|我为您|根据您的要求)"
)
# the closing of a reply: an offer of more help to "您"
_CLOSER = re.compile(
    r"(?:希望|但愿)(?:以上|这篇|这份|本文)?[^。！!]{0,12}(?:对您|能帮到您|能够帮助您|有所帮助)"
    r"|(?:如需|如果您?需要|若需|如您需要)[^。！!]{0,30}(?:请|欢迎)?(?:随时)?(?:告诉我|联系我|告知|提出)"
    r"|(?:还有什么|有任何)[^。！!]{0,16}(?:需要|问题)[^。！!]{0,10}(?:告诉我|随时)"
)
MAX_LEN = 80


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    if not lines:
        return
    if len(lines[0].key) <= MAX_LEN and _OPENER.search(lines[0].key):
        yield Cut(0)
    i = len(lines) - 1
    while i > 0 and len(lines[i].key) <= MAX_LEN and _CLOSER.search(lines[i].key):
        yield Cut(i)
        i -= 1
