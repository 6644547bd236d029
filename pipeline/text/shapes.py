"""Character classes and line shapes shared by the rules and the structure stage.

Named data, compiled once (habit 5 in style.md).  Rules match on these instead of
each writing its own idea of "Chinese character" or "ends a sentence".
"""

from __future__ import annotations

import re
from functools import lru_cache

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs (URO, Ext A, compat)
# a number followed by one of these belongs to its sentence: a quantity (3 个, 1.5亿元, 8 小时) or
# a phrase (20 以上, 3 至 5): never a heading marker or a page number
MEASURE_WORDS = (
    "个户人名位年月日号次项条家元万亿千百%％度岁天周期届批座所间件篇页章节段台辆吨米斤亩公里倍成"
    "以余多约至到及和或分秒时季小级类场轮期组支队架"
)
# A sentence (or clause that may end a paragraph) ends with one of these.
TERMINAL = "。！？!?…；;：:"
CLOSERS = "”’」』）)》〉】"
# Marks that end a title-like line make it body text instead ("…如下：").
TITLE_BAD_END = "。！？!?；;：:，,、"

# Words that end a document title of this genre: 调研报告, 心得体会, 讲话稿 …
GENRE_SUFFIX = re.compile(
    r"(报告|体会|心得|感悟|讲话|讲话稿|发言|发言稿|致辞|演讲稿|讲稿|总结|方案|计划|意见|通知|决定|"
    r"思考|探析|初探|浅析|浅谈|探讨|对策|建议|范文|材料|汇报|述职|综述|调研|研究|做法|经验|"
    r"启示|措施|途径|分析|党课|讲课稿)"
    r"[)）\]】]?$"
)

# the same words anywhere: where a title glued to its text may end
GENRE_WORD = re.compile(GENRE_SUFFIX.pattern.removesuffix("[)）\\]】]?$"))

HAN_CHAR = re.compile(f"[{HAN}]")  # one CJK ideograph
_HAS_HAN = HAN_CHAR
URL = re.compile(r"https?://|www\.", re.I)  # a web address starts here
# marks that make a line a sentence, not a label, a title or page furniture
SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?]")


_COLON = re.compile("[:：]")


def first_colon(text: str) -> int:
    """Where the first colon (half- or full-width) of ``text`` is, or -1.

    >>> first_colon("推荐阅读：同志们："), first_colon("无冒号")
    (4, -1)
    """
    m = _COLON.search(text)
    return m.start() if m else -1


def has_han(text: str) -> bool:
    return bool(_HAS_HAN.search(text))


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a finished sentence (closing quotes looked through).

    >>> ends_sentence("做好群众工作。”"), ends_sentence("党的群众工作内容是具体的,包括")
    (True, False)
    """
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1]
    return bool(t) and (t[-1] in TERMINAL or (t[-1] == "." and len(t) > 1 and not t[-2].isascii()))


SHORTENED_MIN = 8  # characters a shortened copy of a title keeps, at least
SHORTENED_DROP = 3  # characters the full title has beyond the copy, at least


def shortened_copy(full: str, short: str) -> bool:
    """Whether ``short`` is ``full`` with its first words lost (a preview that cut
    "区委书记在" off its own title), allowing up to two stray characters left in front.

    >>> shortened_copy("区委书记在创建全国文明城市工作动员大会上的表态发言", "市创建全国文明城市工作动员大会上的表态发言")
    True
    >>> shortened_copy("做好群众工作的能力", "做好群众工作的方法"), shortened_copy("调研报告", "报告")
    (False, False)
    """
    if len(full) < len(short) + SHORTENED_DROP:
        return False
    return any(len(short) - k >= SHORTENED_MIN and full.endswith(short[k:]) for k in range(3))


# A numbered heading that is one whole sentence ("（三）落实安全生产责任。"), or whose text
# runs past ITEM_TEXT_MAX characters, is an *item* of a list (gbt9704.md §6.6): the checker
# does not judge its face, the renderers do not keep it with a heading after it.
ITEM_SENTENCE_END = "。！？"
ITEM_TEXT_MAX = 60


def is_item(text: str) -> bool:
    """Is a standalone numbered heading with this text (after its number) an item?

    >>> is_item("落实安全生产责任。"), is_item("评分准则："), is_item("传达贯彻会议精神；加强领导")
    (True, False, False)
    """
    return any(c in ITEM_SENTENCE_END for c in text) or len(text) > ITEM_TEXT_MAX


# the stages ask this of the same line many times (100 000 numbered lines: 11 times each)
@lru_cache(maxsize=1 << 14)
def title_like(text: str, max_len: int = 40) -> bool:
    """A short line that could be a title or an unnumbered heading: Chinese, at most
    ``max_len`` characters, no sentence punctuation inside or at the end.

    >>> title_like("关于增强群众组织力,走好新时代党的群众路线调研报告")
    True
    >>> title_like("现将调研情况报告如下:"), title_like("实践充分表明,群众路线是法宝。")
    (False, False)
    """
    t = text.strip()
    if not t or len(t) > max_len or not has_han(t) or URL.search(t):
        return False
    if t[-1] in TITLE_BAD_END:
        return False
    return not any(c in t for c in "。！？!?；;")
