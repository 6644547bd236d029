"""disclaimer: the site's legal notices (声明：登载此文出于传递更多信息之目的 …).

What it removes: a line that starts with 声明/免责声明/特别声明/版权声明/版权说明, or that asks to
be contacted for removal in case of infringement (如有侵权…删除), that says the text was
reposted from the web (本文来源于网络/转载自网络, 本站文章均由网友上传 …), a document
site's terms (本站全部资源…, 本站不保证…, 仅提供信息存储空间), that it speaks
only for its author (仅代表作者个人观点, 与本站立场无关), or a 温馨提示 — when the line is
not long prose.
Why: 范文 sites append their disclaimer to every page.
Example (seed 002): "声明:登载此文出于传递更多信息之目的,并不意味着赞同其观点或证实其描述。"
In a long paragraph only the sentence holding the notice is cut ("…整理发布，转载请注明出处。"
glued into a paragraph).
Leaves alone: body text that discusses a 声明 ("发表联合声明，表示…" does not start the
line with the label) and long paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "disclaimer"

_START = re.compile(r"^(免责|特别|版权|郑重)?声明[:：]|^版权说明[:：]")
_INFRINGE = re.compile(
    r"(如有|若有|如涉及|涉嫌)侵权.{0,20}(删除|联系)|"
    r"(本文|文章|内容|图片|素材|资料|部分)(均)?(来源|转载|摘自|选自|来自)(于|自)?(互联网|网络)|^转载自(互联网|网络)|"
    r"不代表本(站|网|平台)(的)?(观点|立场)|(由|系)(用户|网友|会员)(自行)?(提供并|提供|编辑并)?上传|"
    r"仅代表(作者)?(个人)?(观点|立场)|与本(站|网|平台)(立场)?无关|^[【\[]?温馨提示[】\]]?|"
    r"本(站|网|平台)(文章|内容|资料|部分内容|所有文章)?(均|全部|部分)?(由|来自|来源于|系)(网友|用户|会员|互联网|网络)|"
    r"转载(请|须)注明(出处|来源)|一键举报|谨防诈骗|(有害|侵权)内容|本平台仅提供信息存储服务|(用户|网友)上传并发布|"
    r"仅提供信息存储空间|本(站|网|平台)不(保证|承担)|本(站|网)(全部|所有)[^，,。；;]{0,8}(资源|文档)|"
    r"^[（(]?以上(文章|内容|资料)?[^）)。]{0,30}(整理|转载|推荐)|"
    r"special\s+statement|disclaimer|only\s+provides\s+information\s+storage"
)
MAX_LEN = 200


_CLAUSE_END = "。！？!?"
LONG = 80  # in a line longer than this, a notice is a sentence glued into a paragraph


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        key = line.key
        if _START.match(key) and len(key) <= MAX_LEN:
            yield Cut(i)
            continue
        m = _INFRINGE.search(line.text) if len(key) > LONG else _INFRINGE.search(key)
        if m is None or len(key) > MAX_LEN * 3:
            continue
        if len(key) <= LONG:
            yield Cut(i)
            continue
        # only the sentence that holds the notice: from the last sentence end before it
        text = line.text
        start = max((text.rfind(c, 0, m.start()) for c in _CLAUSE_END), default=-1) + 1
        if start == 0 and len(key) <= MAX_LEN:
            yield Cut(i)  # the line opens with the notice: the rest is more of it
            continue
        ends = [k for k in (text.find(c, m.end()) for c in _CLAUSE_END) if k != -1]
        yield Cut(i, start, min(ends) + 1 if ends else len(text))
