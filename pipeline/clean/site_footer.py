"""site-footer: footers and banners of the site (欢迎光临, Powered by, Copyright, ICP).

What it removes: a short line carrying a site-furniture marker: 欢迎光临/欢迎访问 + a
site, "Powered by", "Copyright"/©/版权所有, ICP备/ICP证/公网安备, "All Rights Reserved",
技术支持：, "Tags in this post", 本站/本网站 notices, 主办/承办：, 网站标识码, 备案号.
Why: the page's footer and banner text is copied along with the article.
Example (seed 001): "欢迎光临 老秘网_材夜思范文 (http://caiyes.cn/) | Powered by Discuz! X3.4 |".
Leaves alone: long body lines that happen to say 欢迎 or 版权 ("要保护知识产权和版权所有人…"
is a sentence: its marker is not at a line of its own), and a speech's "欢迎来到美丽的校园！"
(a welcome that ends with an exclamation is the site's only when it names a 网/站).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "site-footer"

_MARKERS = re.compile(
    r"powered\s*by|copyright|all\s*rights\s*reserved|版权所有|©|\(c\)\d{4}|icp[备证]|公网安备|"
    r"^欢迎(光临|访问|来到)|技术支持[:：]|tags\s*in\s*this\s*post|^tags?[:：]|^标签[:：]|"
    r"^本(站|网站|网)(所有|内容|提供|部分)|^(网站|站点)(备案|统计)|网站标识码|^备案号[:：]|"
    r"^(主办|承办|协办|主管)(单位)?[:：]|^(tags?)?标签[:：]|"
    r"(?:^|\s)(?:www\.)?[a-z0-9-]+\.(?:com|cn|net|org)(?:\.cn)?(?:\s|$)",
    re.I,
)
MAX_LEN = 160
# markers that are furniture even in a line ending with a full stop
_FURNITURE_ONLY = re.compile(
    r"powered\s*by|copyright|©|icp[备证]\d|公网安备\d|tags\s*in\s*this\s*post|^本(站|网站|网)|"
    r"^欢迎(光临|访问|来到)\S{0,20}(网|站|网站|平台|论坛)[!！。]?$",  # "欢迎来到010在线作文网！"
    re.I,
)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        key = line.key
        if len(key) > MAX_LEN or (key.endswith(("。", "！", "!")) and not _FURNITURE_ONLY.search(key)):
            continue  # a sentence that mentions 版权/欢迎/ICP is prose
        if _MARKERS.search(line.text) or _MARKERS.search(key):
            yield Cut(i)
