"""What each paragraph of a checked document *is*, read from its text.

A checker that trusts style names is fooled by every file not made by Word's styles
(a heading typed into Normal, a title in a Heading style, a 署名 as a plain line), so
roles come from what the text says, in the order of a 公文 (``gbt9704-elements.md`` A):
版头 lines (份号, 密级, 紧急程度, "…文件", 发文字号, 签发人) at the top; the title (the
first other paragraph that is centred or set large, or simply first); subtitle and
bylines centred under it; a 主送机关 line ending in "：" (or a speech's salutation);
headings from the one numbering table (:mod:`pipeline.text.numbering`: 一、 （一） 1.
（1） and their variants, a run-in heading's sentence up to its first 。); and from the
end backwards the 版记 (抄送：, …印发), the 附注, the 成文日期 and the 署名 lines above it,
and the 附件说明.  Everything else is body.

>>> [r.kind for r in classify([Hint("关于做好防汛工作的通知", "center"), Hint("各乡镇人民政府："),
...  Hint("一、总体要求"), Hint("现将有关事项通知如下。"), Hint("XX县人民政府"), Hint("2024年3月5日")])]
['title', 'recipients', 'heading', 'body', 'signature', 'date']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.text.elements import LIST_SEPARATORS, is_date, is_month_date, is_recipients, is_salutation
from pipeline.text.numbering import parse_marker
from pipeline.text.shapes import ITEM_SENTENCE_END, ITEM_TEXT_MAX, is_item

_CN_DIGIT = "〇○零一二三四五六七八九十ＯOo０-９"  # "二OO八年": letter O typed for 〇

COPY_NUMBER = re.compile(r"^\d{6}$")  # 份号 "000123" (7.2.1)
CLASSIFICATION = re.compile(r"^(绝密|机密|秘密)(\s*★.*)?$")  # 密级和保密期限 (7.2.2)
URGENCY = re.compile(r"^(特急|加急|平急|特提)$")  # 紧急程度 (7.2.3)
ISSUER = re.compile(r"^[^，。：；、]{2,40}文件$")  # 发文机关标志 "XX县人民政府文件" (7.2.4)
# 发文字号 "X政发〔2024〕3号" and its wrong forms ([2024], (2024), 第3号, 03号) (7.2.5)
DOC_NUMBER = re.compile(r"^(?P<all>[^\s，。：]{1,20}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d+\s*[号號])")
SIGNER = re.compile(r"签发人\s*[：:]")
DATE = re.compile(
    rf"^[（(]?(\d{{4}}|[{_CN_DIGIT}]{{4}})\s*年\s*[\d{_CN_DIGIT}]{{1,3}}\s*月\s*[\d{_CN_DIGIT}]{{1,3}}\s*日[）)]?$"
)
NOTE = re.compile(r"^[（(][^（）()]{2,60}[）)]$")  # 附注 "（此件公开发布）" (7.3.6)
ATTACHMENT = re.compile(r"^附件\s*[：:]")  # 附件说明 (7.3.4)
ATTACHMENT_ITEM = re.compile(r"^\d{1,2}\s*[.．、]")
IMPRINT = re.compile(
    r"^(抄送|主送|主题词)\s*[：:]|印发$|^[（(]?共印\d+份[）)]?$"
)  # 版记 (7.4.2, 7.4.3; 1999: 主题词, 份数)
SALUTATION = re.compile(r"同志|各位|朋友|女士|先生|同学|老师|代表|来宾|大家")
LABEL_MAX = 6  # "说明：", "瀏覽量：": a label this short under a title is no 主送
ADDRESS_ITEM_MAX = 16  # characters of one item of a 主送 list read loosely
# words of a sentence that announces what follows, never of a 主送 ("现将有关事项通知如下：")
SENTENCE_WORDS = re.compile(r"如下|现将|根据|按照|为了|为进一步|经研究")
ADDRESS_REACH = 3  # a 主送 or salutation found up to three lines below the title block (as structure takes one after three lines that say nothing)
SALUTATION_REACH = 5  # … and a salutation up to five lines into the body (bylines, a letter's heading)


@dataclass(frozen=True, slots=True)
class Hint:
    """What the checker knows of a paragraph besides its text."""

    text: str
    align: str = ""  # "center" | "right" | "left" | "both" | ""
    size: float = 0.0  # pt of its main text (0: unknown)
    level: int = 0  # the heading level its style (outline level) or face suggests, 0: none


@dataclass(frozen=True, slots=True)
class Role:
    kind: str  # head, title, subtitle, recipients, salutation, heading, item, body,
    # attachment, signature, date, note, imprint, empty
    level: int = 0  # heading level 1–4
    marker: str = ""  # a heading's marker as written
    standard: str = ""  # the marker as GB/T 9704 prints it
    sentence: int = 0  # run-in heading: characters of its heading sentence (0: standalone)
    sub: str = ""  # head: copy-number/classification/urgency/issuer/doc-number/signer


class Levels:
    """Heading levels from marker families, by the rule structure uses
    (``pipeline/structure/blocks.py`` ``Levels``): each family has its standard level
    (一、 1, （一） 2, 1. 3, （1） 4); a family met under another of the same standard
    level nests one below it (第一、 under 三、 is level 2); returning to a family closes
    the ones opened under it.

    >>> lv = Levels()
    >>> [lv.assign(f, n) for f, n in (("cn-dun", 1), ("cn-ordinal", 1), ("arabic-dot", 3), ("cn-dun", 1))]
    [1, 2, 3, 1]
    """

    def __init__(self) -> None:
        self.stack: list[tuple[str, int]] = []

    def assign(self, family: str, std: int) -> int:
        for k, (fam, level) in enumerate(self.stack):
            if fam == family:
                del self.stack[k + 1 :]
                return level
        while self.stack and self.stack[-1][1] > std:
            self.stack.pop()
        level = std + 1 if self.stack and self.stack[-1][1] == std else std
        level = min(level, 4)
        self.stack.append((family, level))
        return level


def heading_role(text: str, levels: Levels | None = None) -> Role | None:
    """A heading role when ``text`` opens with a numbering marker and reads as one.

    A numbered paragraph that is one whole sentence ("（三）组织制定并实施……规程。"), or
    whose first sentence runs past 60 characters, is an *item*: 7.3.3 would set it in
    its level's face as a heading, office practice as a body paragraph (gbt9704.md
    §6.6), so its face is not judged.

    >>> heading_role("（二）加强作风建设。要坚持……").sentence, heading_role("1、联系群众").standard
    (10, '1.')
    >>> heading_role("一是强化自我管理。") is None, heading_role("（三）落实安全生产责任。").kind
    (True, 'item')
    """
    m = parse_marker(text)
    if m is None:
        return None
    rest = m.rest
    cut = min((i for i in (rest.find(c) for c in ITEM_SENTENCE_END) if i >= 0), default=-1)
    runin = bool(cut >= 0 and rest[cut + 1 :].strip())
    if m.needs_title_shape and (runin or len(rest) > 60 or re.search(r"[，。；：]", rest)):
        return None
    family = f"{m.family}-{m.level}" if m.family == "decimal" else m.family
    level = levels.assign(family, m.level) if levels is not None else m.level
    if (runin and cut > ITEM_TEXT_MAX) or (not runin and is_item(rest)):
        return Role("item", level, m.number, m.standard)
    sentence = len(text) - len(rest) + cut + 1 if runin else 0
    return Role("heading", level, m.number, m.standard, sentence)


def _head(text: str) -> str:
    if COPY_NUMBER.match(text):
        return "copy-number"
    if CLASSIFICATION.match(text):
        return "classification"
    if URGENCY.match(text):
        return "urgency"
    if SIGNER.search(text):
        return "signer"
    if DOC_NUMBER.match(text) and len(text) <= 30:
        return "doc-number"
    if ISSUER.match(text) and "关于" not in text:
        return "issuer"
    return ""


def classify(paras: Sequence[Hint]) -> list[Role]:
    """One role per paragraph (see the module docstring for the order they are found in)."""
    roles: list[Role | None] = [Role("empty") if not p.text.strip() else None for p in paras]
    texts = [" ".join(p.text.split()) for p in paras]
    filled = [i for i, r in enumerate(roles) if r is None]
    if not filled:
        return [r or Role("empty") for r in roles]
    body_size = _common_size(paras, filled)

    # the head zone, then the title block
    k = 0
    while k < len(filled) and (sub := _head(texts[filled[k]])):
        roles[filled[k]] = Role("head", sub=sub)
        k += 1
    if k < len(filled):
        i = filled[k]
        t = texts[i]
        stands_out = paras[i].align == "center" or (body_size and paras[i].size > body_size + 2)
        if (
            stands_out
            and len(t) <= 120
            and heading_role(t) is None
            and not t.endswith(("。", "："))
            and not _is_date(t)
        ):
            roles[i] = Role("title")
            k += 1
            size = paras[i].size
            while k < len(filled):
                j = filled[k]
                same = paras[j].align == "center" and size > 0 and abs(paras[j].size - size) < 0.5
                if same and size > body_size + 2 and not texts[j].startswith("——"):
                    roles[j] = Role("title")
                    k += 1
                else:
                    break
            subs = 0
            while k < len(filled) and subs < 3:
                j = filled[k]
                tj = texts[j]
                centred = paras[j].align == "center"
                # a numbered line is a heading, not a subtitle, even when a full line of it
                # reads as centred on the page (tg04 of the dev corpus: 一、 under the title)
                numbered = heading_role(tj) is not None
                if (
                    (tj.startswith("——") or (centred and not numbered))
                    and len(tj) <= 60
                    and not tj.endswith("：")
                ):
                    roles[j] = Role("subtitle")
                    k += 1
                    subs += 1
                else:
                    break
    if k < len(filled):  # 主送 (or a salutation): the line after the title block, ending in "："
        i = filled[k]
        t = texts[i]
        titled = any(r is not None and r.kind == "title" for r in roles)
        # other tools' 主送 lines the shared shapes may not know: short items in a list
        # ("各乡镇，各有关单位："), not a sentence's clauses ("…，现将有关事项通知如下：")
        items = LIST_SEPARATORS.split(t[:-1])
        listed = all(len(i) <= ADDRESS_ITEM_MAX for i in items)
        loose = (
            titled
            and LABEL_MAX < len(t) <= 80
            and not re.search(r"[。；！？]", t)
            and listed
            and not SENTENCE_WORDS.search(t)
        )
        if t.endswith("：") and heading_role(t) is None and (loose or is_recipients(t) or _salutation(t)):
            roles[i] = Role("salutation" if _salutation(t) else "recipients")
            k += 1
        else:  # or a line or two further down, when it has the shape (a stray line between)
            for j in range(k + 1, min(k + 1 + ADDRESS_REACH, len(filled))):
                tj = texts[filled[j]]
                if heading_role(tj) is not None:
                    break
                if is_recipients(tj) or is_salutation(tj):
                    roles[filled[j]] = Role("salutation" if is_salutation(tj) else "recipients")
                    break
    start = k

    # from the end backwards: 版记, 附注, 成文日期 and 署名
    end = len(filled) - 1
    while end >= start:
        t = texts[filled[end]]
        below = texts[filled[end + 1]] if end + 1 < len(filled) else ""
        # the 印发机关 on its own line above "…印发", e.g. "XX县人民政府办公室"
        printer = (
            below.endswith("印发") and len(t) <= 30 and not re.search(r"[。，：]", t) and not _is_date(t)
        )
        if not (IMPRINT.search(t) or printer):
            break
        roles[filled[end]] = Role("imprint")
        end -= 1
    tail_from = max(start, end - 6)
    for j in range(end, tail_from - 1, -1):
        i = filled[j]
        if _is_date(texts[i]) or (j == end and is_month_date(texts[i])):
            roles[i] = Role("date")
            for after in range(j + 1, end + 1):
                if NOTE.match(texts[filled[after]]):
                    roles[filled[after]] = Role("note")
            m = j - 1
            while m >= start and m >= j - 3:
                t = texts[filled[m]]
                if (
                    len(t) <= 30
                    and not re.search(r"[。，；：！？]", t)
                    and heading_role(t) is None
                    and not _is_date(t)
                ):
                    roles[filled[m]] = Role("signature")
                    m -= 1
                else:
                    break
            break

    # the rest: 附件说明, headings, body
    levels = Levels()
    in_attachment = False
    for j in range(start, len(filled)):
        i = filled[j]
        if roles[i] is not None:
            in_attachment = False
            continue
        t = texts[i]
        if ATTACHMENT.match(t):
            roles[i] = Role("attachment")
            in_attachment = True
            continue
        if in_attachment and ATTACHMENT_ITEM.match(t) and len(t) <= 60 and not t.endswith("。"):
            roles[i] = Role("attachment")
            continue
        in_attachment = False
        if j - start <= SALUTATION_REACH and _salutation(t):
            roles[i] = Role("salutation")  # after a speech's bylines, or a letter's heading
            continue
        role = heading_role(t, levels)
        if role is None and paras[i].level and len(t) <= 60 and not re.search(r"[。；！？]", t):
            role = Role("heading", paras[i].level)  # an unnumbered heading, by its style or face
        roles[i] = role or Role("body")
    return [r or Role("body") for r in roles]


def _is_date(text: str) -> bool:
    """A 成文日期 line: as the checker reads one (in brackets too: a speech's date), or
    in any form structure knows (a template's "xx年xx月xx日")."""
    return bool(DATE.match(text)) or is_date(text)


def _salutation(text: str) -> bool:
    """A speech's or letter's address: the shared shape (:func:`pipeline.text.elements.is_salutation`),
    or a short line naming people ("同志们：", "各位代表：")."""
    t = text.strip()
    return is_salutation(t) or (t.endswith("：") and len(t) <= 20 and bool(SALUTATION.search(t)))


def _common_size(paras: Sequence[Hint], filled: list[int]) -> float:
    sizes = [paras[i].size for i in filled if paras[i].size]
    if not sizes:
        return 0.0
    return max(set(sizes), key=sizes.count)
