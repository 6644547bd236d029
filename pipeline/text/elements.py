"""elements: the parts of a formal 公文 (GB/T 9704-2012 §7) recognised in a line of text.

Pure functions over one piece of text — raw or normalised, simplified or traditional
script, half- or full-width punctuation — with every vocabulary they use as named data at
the top of this module (habit 5 in ``style.md``).  They say *what shape* a line has; where
a shape counts (a recipients line right after the title, a signature just before a date)
is decided by the body steps in :mod:`pipeline.structure.blocks`; ``gongwen check``
(:mod:`pipeline.check.roles`) reads the same shapes, so a line is a 主送 or a salutation
by one definition whichever tool made the file.

Also meant for the title choice (issue 14): :func:`record_kind` names the lines that are
never a title — 版头 lines (份号, 密级, 紧急程度, "XX人民政府文件", 发文字号, 签发人),
dates, 版记 lines (抄送, 印发) and 附件/附注 lines.

>>> record_kind("湘政办发〔2009〕24号"), record_kind("二〇二四年三月五日"), record_kind("关于做好防汛工作的通知")
('head', 'date', None)
"""

from __future__ import annotations

import datetime
import re
from typing import Literal

from pipeline.text.shapes import HAN

# ---------------------------------------------------------------- vocabularies (data)

# Traditional characters of the words below → simplified, one to one, so every test runs
# on one script ("辦公室" is "办公室"); positions are kept, so a match slices the original.
_TRADITIONAL = "辦廳會協員門區縣鎮鄉關發號處黨組織單個團務衛華農業電設計資財稅銀貿質監檢療醫藥環護險總統書長記紀聯軍師學報導領親愛們來賓標簽於機構廠場館營經濟產開屬幹議屆專級隊測點類項體東轄傳委廣園藝術"
_SIMPLIFIED = "办厅会协员门区县镇乡关发号处党组织单个团务卫华农业电设计资财税银贸质监检疗医药环护险总统书长记纪联军师学报导领亲爱们来宾标签于机构厂场馆营经济产开属干议届专级队测点类项体东辖传委广园艺术"
_TO_SIMPLIFIED = str.maketrans(_TRADITIONAL, _SIMPLIFIED)


def _words(text: str) -> tuple[str, ...]:
    """A space-separated word list, for readable vocabularies."""
    return tuple(text.split())


# How the name of an organ (机关, 单位) ends: 人民政府, 办公室, 科协, 董事会 … (longest first
# is not needed: any match counts).  Broad on purpose: every use also asks for a context
# (a date under a signature, a colon after a recipients line, "文件" after a mark).
ORGAN_SUFFIXES = _words(
    "人民政府 政府 人大常委会 常委会 委员会 党委 党组 党工委 工委 纪委 监委 政协 办公室 办公厅 办事处 "
    "管委会 管理委员会 指挥部 领导小组 小组 中心 协会 学会 联合会 商会 工会 团委 妇联 科协 文联 侨联 残联 "
    "集团 公司 董事会 监事会 理事会 基金会 合作社 银行 分行 支行 学校 大学 学院 中学 小学 幼儿园 医院 "
    "法院 检察院 研究院 研究所 研究会 出版社 报社 电视台 秘书处 街道 社区 居委会 村委会 支部 总支 "
    "党支部 大队 中队 支队 总队 机关 单位 部门 机构 企业 处 局 厅 办 委 部 院 所 站 室 科 署 会 社 馆 队"
)
# A 主送 line may also name organs by these endings: 学校各单位, 县政府各部门, 各直属机构
RECIPIENT_ENDINGS = ("单位", "部门", "机构")
RECIPIENT_EACH = "各"  # "各市州": an item starting 各 names a kind of organ
# the administrative divisions a 主送 lists after its 各: "各省、自治区、直辖市人民政府",
# "各计划单列市、副省级城市科技厅（委、局）" (the State Council's own form)
RECIPIENT_DIVISIONS = _words("省 自治区 直辖市 计划单列市 副省级城市 市 县 区 州 盟 旗 兵团")
RECIPIENT_EACH_MAX = 12
# A 版头 issuer mark: the organ's name and "文件" (STD 7.2.4)
ISSUER_MARK_SUFFIX = "文件"
# 密级 (STD 7.2.2) and 紧急程度 (STD 7.2.3)
CLASSIFICATIONS = ("绝密", "机密", "秘密")
URGENCIES = ("特急", "加急", "特提", "平急")
# 附注 (STD 7.3.6) in round brackets starts with one of these: （此件公开发布）（联系人：…）
NOTE_OPENERS = ("此件", "本件", "此页无正文", "联系人", "联系电话", "附注")
# How a speech or a letter opens (practice): "同志们：", "尊敬的各位领导、同事们："
SALUTATION_OPENERS = ("尊敬的", "亲爱的", "各位", "敬爱的")
SALUTATION_WORDS = _words(
    "同志们 同学们 老师们 朋友们 同事们 同仁们 代表们 委员们 家长们 战友们 女士们 先生们 青年们 "
    "领导 来宾 嘉宾 书记 主任 同志 老师 校长 先生 女士 大家"
)
# the closing formulas of a document or letter: never a signature, though as short as a name
CLOSING_FORMULAS = (
    "特此通知",
    "特此通告",
    "特此公告",
    "特此报告",
    "特此函告",
    "特此批复",
    "此致",
    "敬礼",
    "此复",
    "特此",
)
# labels of a byline under a title: "作者：白居易", "文/欧洲金靴", "主讲人：张三"
BYLINE_LABELS = _words(
    "作者 文 撰文 撰稿 执笔 主讲 主讲人 讲话人 报告人 演讲人 发言人 朝代 原创 编译 整理 口述 来稿"
)
BYLINE_REPORTERS = ("记者", "通讯员", "评论员")
# a speaker's office, written before the name ("同济大学校长陈杰", "县委书记张三")
ROLE_WORDS = _words(
    "书记 副书记 市长 副市长 县长 副县长 区长 镇长 乡长 省长 局长 主任 校长 院长 部长 厅长 处长 "
    "科长 所长 行长 社长 董事长 总经理 经理 主席 组长 教授 代表"
)
# a speech's title, the shape a speaker may be put before: "在…上的讲话", "…致辞"
SPEECH_ENDINGS = ("讲话", "讲话稿", "发言", "发言稿", "致辞", "演讲", "讲稿", "报告", "动员", "总结讲话")
# a table caption ends with one of these (or starts "表1"): 主要经济指标, 值班安排表
CAPTION_WORDS = ("表", "指标", "情况", "一览", "统计", "明细", "清单", "名单", "名录", "安排", "汇总")

# ---------------------------------------------------------------- limits and patterns (data)

SIGNATURE_MAX = 40  # a signing organ's line is short
RECIPIENTS_MAX = 250
SALUTATION_MAX = 30
BYLINE_MAX = 40
NOTE_MAX = 80
CAPTION_MAX = 40


_SP = r"[ \t\u3000]*"
_COLON = "[:：]"
_OPEN_BRACKETS = re.escape("〔[［【(（„⌈「")
_CLOSE_BRACKETS = re.escape("〕]］】)）‟⌉」")
_CN_YEAR_DIGITS = "〇零○OoОо0一二三四五六七八九"
_CN_VALUES = {c: i for i, c in enumerate("〇一二三四五六七八九")} | dict.fromkeys("零○OoОо0", 0)
_YEAR = rf"(?:\d{{4}}|[{_CN_YEAR_DIGITS}]{{4}})"
_MONTH = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:\d{1,2}|三十[一]?|[二]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# 2024年3月5日, 二〇二四年三月五日, 二OO八年三月五日 (a letter O typed for 〇)
DATE = rf"(?P<y>{_YEAR}){_SP}年{_SP}(?P<m>{_MONTH}){_SP}月{_SP}(?P<d>{_DAY}){_SP}日"
_DATE_LINE = re.compile(rf"^{DATE}$")
# a 范文 template's date, its figures left for the user: "xx年xx月xx日", "****年**月**日",
# "20XX年X月X日" (PLACEHOLDER: the characters templates write for a figure or a name)
PLACEHOLDER = "xXｘＸ×*＊"
_HOLE = rf"[{re.escape(PLACEHOLDER)}]"
_TEMPLATE_DATE_LINE = re.compile(
    rf"^(?=.*{_HOLE})(?:\d{{0,3}}{_HOLE}{{1,4}}|\d{{4}}){_SP}年{_SP}(?:\d{{1,2}}|{_HOLE}{{1,2}}){_SP}月"
    rf"{_SP}(?:\d{{1,2}}|{_HOLE}{{1,2}}){_SP}日$"
)
# a date without its day, "2023年1月": a 成文日期 only where nothing but notes follows it
_MONTH_DATE_LINE = re.compile(rf"^{_YEAR}{_SP}年{_SP}{_MONTH}{_SP}月$")
# X政发〔2024〕3号 — also as web copies print it: [2024], （2024）, 【2024】, 號
DOC_NUMBER = (
    rf"(?P<org>[{HAN}A-Za-z]{{1,16}}?){_SP}[{_OPEN_BRACKETS}]{_SP}(?P<year>\d{{4}}){_SP}"
    rf"[{_CLOSE_BRACKETS}]{_SP}第?{_SP}(?P<no>\d{{1,5}}){_SP}[号號]"
)
_DOC_NUMBER_LINE = re.compile(
    rf"^(?P<number>{DOC_NUMBER})(?:{_SP}(?P<signer>签{_SP}发{_SP}人{_SP}{_COLON}.*))?$"
)
# a 发文字号 printed in brackets after a title a web page gives: "…的通知（岳办发〔2017〕2号）"
TITLE_DOC_NUMBER = re.compile(rf"(?P<open>[(（]){_SP}(?P<number>{DOC_NUMBER}){_SP}(?P<close>[)）])$")
# the standard form (STD 7.2.5): year in full in 六角括号, number without 第 or leading zeros
STRICT_DOC_NUMBER = re.compile(rf"^[{HAN}A-Za-z]+〔\d{{4}}〕[1-9]\d*号$")
_SIGNERS = re.compile(rf"^签{_SP}发{_SP}人{_SP}{_COLON}{_SP}(?P<names>\S.*)$")
_COPY_NUMBER = re.compile(r"^\d{6}$")  # 份号: six Arabic digits (STD 7.2.1)
_CLASSIFICATION = re.compile(rf"^(?:{'|'.join(CLASSIFICATIONS)}){_SP}(?:★{_SP}\S{{1,8}})?$")
_ATTACHMENT = re.compile(rf"^附{_SP}件{_SP}(?P<no>\d{{1,2}})?{_SP}{_COLON}{_SP}(?P<rest>.*)$")
# an item of the 附件说明: "1.名称", "2、名称", "（3）名称"
_ITEM = re.compile(r"^(?P<n>\d{1,2})\s*[.．、]\s*(?P<name>\S.*)$")
_CC = re.compile(rf"^抄{_SP}送{_SP}{_COLON}{_SP}(?P<v>\S.*)$")
_IMPRINT_RECIPIENTS = re.compile(rf"^主{_SP}送{_SP}{_COLON}{_SP}(?P<v>\S.*)$")
_PRINTED = re.compile(rf"^(?:(?P<printer>.*?\S){_SP})?(?P<date>{DATE}){_SP}印{_SP}发$")
# 版记 lines of the 1999 edition (GB/T 9704-1999), still on reprinted older documents:
# 主题词 above 抄送, and the number of copies printed after the 印发 line
_KEYWORDS = re.compile(rf"^主{_SP}题{_SP}词{_SP}{_COLON}{_SP}(?P<v>\S.*)$")
_COPIES = re.compile(rf"^[（(]?{_SP}共{_SP}印{_SP}\d{{1,6}}{_SP}份{_SP}[）)]?$")
_NOTE = re.compile(r"^[（(](?P<inner>[^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]$")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_SENTENCE_MARKS = re.compile(r"[，。；！？,;!?]")
LIST_SEPARATORS = re.compile(r"[，、,]")
_ORGAN_CHARS = re.compile(f"[{HAN}·A-Za-z*＊×]+")  # "XX县人民政府", "***县教育局": a template's name
_NAME = re.compile(rf"^[{HAN}·]{{2,4}}$")
# "县委书记 张三", "党组书记、局长　杜  宇": a unit or office, a space, a name (spaced out or not)
_ROLE_AND_NAME = re.compile(
    rf"^[^\s，。：:“”]{{2,26}}[ \t\u3000]+[{HAN}·]{{1,2}}[ \t\u3000]*[{HAN}·]{{1,3}}$"
)
_BYLINE_LABEL = re.compile(rf"^(?:{'|'.join(BYLINE_LABELS)}){_SP}[:：/／]{_SP}\S")
_BYLINE_REPORTER = re.compile(rf"^\S{{0,12}}(?:{'|'.join(BYLINE_REPORTERS)}){_SP}[{HAN}]")
_DATE_ANYWHERE = re.compile(DATE)
_SPEAKER_TITLE = re.compile(r"^(?P<who>[^\s：:，。、“”《》]{2,16})(?P<colon>[：:])(?P<title>.{4,})$")
# an office and a person's name run together: "同济大学校长陈杰", "县委书记张三"
_OFFICE_AND_NAME = re.compile(rf"^[{HAN}]{{0,12}}(?:{'|'.join(ROLE_WORDS)})[{HAN}]{{2,3}}$")
# who may stand before a speech's title: an office, a name, "王书记"
_SPEAKER = re.compile(rf"^[{HAN}]{{2,12}}$")
_PAGE_STAMP = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}")  # a page's publishing time
_RUN_IN_SALUTATION = re.compile(rf"^([^:：]{{2,{SALUTATION_MAX - 1}}}[:：])\s*(\S.*)$")
_CAPTION_NUMBER = re.compile(r"^(?:附)?表\s*\d")
_DIGITS = re.compile(r"\d")


Kind = Literal["head", "date", "imprint", "attachment", "note"]


def simplified(text: str) -> str:
    """``text`` with the traditional characters of this module's vocabularies simplified
    (one character for one, so positions stay).

    >>> simplified("盤錦市人民政府辦公室")
    '盤錦市人民政府办公室'
    """
    return text.translate(_TO_SIMPLIFIED)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", simplified(text))


# ---------------------------------------------------------------- dates


def _cn_number(s: str) -> int:
    """一 → 1, 十二 → 12, 二十五 → 25, 三十一 → 31; digits of a year one by one elsewhere."""
    if s.isdigit() and s.isascii():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_VALUES[tens] if tens else 1) * 10 + (_CN_VALUES[ones] if ones else 0)
    return int("".join(str(_CN_VALUES[c]) for c in s))


def parse_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a line that is a date and nothing else, or None.

    >>> parse_date("2024年3月5日"), parse_date("二〇二四年三月五日"), parse_date("二OO八年三月十五日")
    ((2024, 3, 5), (2024, 3, 5), (2008, 3, 15))
    >>> parse_date("2024年3月5日召开"), parse_date("3月5日")
    (None, None)
    """
    m = _DATE_LINE.match(text.strip())
    if m is None:
        return None
    return _cn_number(m["y"]), _cn_number(m["m"]), _cn_number(m["d"])


def is_date(text: str) -> bool:
    """A line that is a date (成文日期 or a speech's date) and nothing else — also a
    template's, its figures left blank.

    >>> is_date("2024年3月5日"), is_date("xx年xx月xx日"), is_date("****年**月**日"), is_date("20XX年X月X日")
    (True, True, True, True)
    >>> is_date("2024年3月"), is_date("xx年"), is_date("X年级X班")
    (False, False, False)
    """
    return parse_date(text) is not None or bool(_TEMPLATE_DATE_LINE.match(text.strip()))


def is_month_date(text: str) -> bool:
    """A date without its day ("2023年1月", "二〇二三年一月"): a 成文日期 where it ends a
    document, a heading or a table's row anywhere else.

    >>> is_month_date("2023年1月"), is_month_date("二〇二三年十二月"), is_month_date("2023年1月5日")
    (True, True, False)
    """
    return bool(_MONTH_DATE_LINE.match(text.strip()))


def real_date(y: int, m: int, d: int) -> bool:
    """Whether the calendar has this day.

    >>> real_date(2024, 2, 29), real_date(2023, 2, 29)
    (True, False)
    """
    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    return True


def standard_date(y: int, m: int, d: int) -> str:
    """The 成文日期 as STD 7.3.5.4 prints it: Arabic numerals, year in full, no zero padding.

    >>> standard_date(2024, 3, 5)
    '2024年3月5日'
    """
    return f"{y}年{m}月{d}日"


# ---------------------------------------------------------------- 版头 (STD 7.2)


def doc_number(text: str) -> str | None:
    """The 发文字号 of a line that holds one (and at most a 签发人 after it), else None.

    >>> doc_number("X政发〔2024〕3号"), doc_number("盤政辦發〔2021〕1號"), doc_number("粤府办[2023]5号  签发人：张三")
    ('X政发〔2024〕3号', '盤政辦發〔2021〕1號', '粤府办[2023]5号')
    >>> doc_number("根据国办发〔2009〕3号精神") is None
    True
    """
    m = _DOC_NUMBER_LINE.match(text.strip())
    return m["number"] if m else None


def signers(text: str) -> tuple[str, ...] | None:
    """The names of a "签发人：" line (or of the 签发人 part after a 发文字号), else None.

    >>> signers("签发人：张三　李四"), signers("X政发〔2024〕3号 签发人:王五")
    (('张三', '李四'), ('王五',))
    """
    t = text.strip()
    m = _DOC_NUMBER_LINE.match(t)
    if m and m["signer"]:
        t = m["signer"]
    s = _SIGNERS.match(t)
    if s is None:
        return None
    return tuple(n for n in re.split(r"[\s、，,]+", s["names"]) if n)


def is_organ(text: str) -> bool:
    """An organ's name (or several, separated by spaces): the shape of a 署名 line.

    >>> is_organ("太湖县人民政府"), is_organ("盤錦市人民政府辦公室"), is_organ("天津创业股份有限公司董事会")
    (True, True, True)
    >>> is_organ("特此通知"), is_organ("各单位要高度重视，认真落实。")
    (False, False)
    """
    t = text.strip()
    if not t or len(t) > SIGNATURE_MAX or _SENTENCE_MARKS.search(t) or "：" in t or ":" in t:
        return False
    parts = simplified(t).split()
    return all(_organ_name(p) for p in parts)


def _organ_name(name: str) -> bool:
    name = _BRACKETED.sub("", name)
    return (
        len(name) >= 3
        and any(name.endswith(s) for s in ORGAN_SUFFIXES)
        and bool(_ORGAN_CHARS.fullmatch(name))
    )


def is_person_name(text: str) -> bool:
    """Two to four Chinese characters: a person signing, or a speaker's name."""
    return bool(_NAME.match(text.strip()))


def speaker_title(text: str) -> tuple[str, str, str] | None:
    """(speaker, colon, title) of a title a site printed with its speaker in front:
    an office and a name ("同济大学校长陈杰：在开学典礼上的讲话"), or anyone before a
    speech's title ("在…上的讲话").  None otherwise.

    >>> speaker_title("同济大学校长陈杰：在2022级本科生开学典礼上的讲话")
    ('同济大学校长陈杰', '：', '在2022级本科生开学典礼上的讲话')
    >>> speaker_title("王书记：在全县经济工作会议上的讲话")
    ('王书记', '：', '在全县经济工作会议上的讲话')
    >>> speaker_title("城市有轨电车之困：一边争相上马"), speaker_title("专访：在基层一线的讲话者们")
    (None, None)
    """
    m = _SPEAKER_TITLE.match(text.strip())
    if m is None:
        return None
    who, colon, title = m["who"], m["colon"], m["title"].strip()
    speech = title.startswith("在") and title.endswith(SPEECH_ENDINGS)
    office = bool(_OFFICE_AND_NAME.match(who))
    if not (office or (speech and _SPEAKER.match(who))) or not title:
        return None
    return who, colon, title


def is_formula(text: str) -> bool:
    """A closing formula ("特此通知", "此致敬礼"), which is body text, not a signature.

    >>> is_formula("特此通知。"), is_formula("张三")
    (True, False)
    """
    t = simplified(text.strip()).rstrip("。！!")
    return t.startswith(CLOSING_FORMULAS)


def head_field(text: str) -> tuple[str, str] | None:
    """(doc-tree ``head`` field, value) of a line that is a 版头 line, else None:
    份号, 密级, 紧急程度, "XX文件" marks, 发文字号 ("signers" comes out of
    :func:`signers`).

    >>> head_field("湖南省人民政府办公厅文件"), head_field("机密★1年"), head_field("特急")
    (('issuer', '湖南省人民政府办公厅文件'), ('classification', '机密★1年'), ('urgency', '特急'))
    >>> head_field("000123"), head_field("粤府办〔2023〕5号"), head_field("学习文件")
    (('copy_number', '000123'), ('doc_number', '粤府办〔2023〕5号'), None)
    """
    t = text.strip()
    number = doc_number(t)
    if number is not None:
        return "doc_number", number
    if _COPY_NUMBER.match(t):
        return "copy_number", t
    if _CLASSIFICATION.match(t):
        return "classification", t
    if t in URGENCIES:
        return "urgency", t
    if issuer_mark(t):
        return "issuer", t
    return None


def issuer_mark(text: str) -> bool:
    """A 发文机关标志 with "文件": one or more organ names and 文件 (STD 7.2.4).

    >>> issuer_mark("中共XX县委员会文件"), issuer_mark("XX县人民政府 XX县教育局文件"), issuer_mark("红头文件")
    (True, True, False)
    """
    t = text.strip()
    if not t.endswith(ISSUER_MARK_SUFFIX) or len(t) > SIGNATURE_MAX:
        return False
    return is_organ(t[: -len(ISSUER_MARK_SUFFIX)])


# ---------------------------------------------------------------- 主体 (STD 7.3)


def _items(text: str) -> list[str]:
    inner = _BRACKETED.sub("", simplified(text))
    return [i.strip() for i in LIST_SEPARATORS.split(inner) if i.strip()]


def is_recipients(text: str) -> bool:
    """A 主送机关 line: organs separated by ，、 and a closing colon (STD 7.3.2).

    >>> is_recipients("各乡、镇人民政府,县政府各部门、各直属机构:"), is_recipients("学校各单位：")
    (True, True)
    >>> is_recipients("同志们："), is_recipients("现将有关事项通知如下："), is_recipients("参会人员：")
    (False, False, False)
    >>> is_recipients("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")
    True
    """
    t = text.strip()
    if not t.endswith((":", "：")) or len(t) > RECIPIENTS_MAX or re.search("[。；！？;!?：:]", t[:-1]):
        return False
    items = _items(t[:-1])
    if not items or is_salutation(t):
        return False
    each = items[0].startswith(RECIPIENT_EACH)
    organs = sum(
        1
        for i in items
        if _organ_name(i)
        or i.endswith(RECIPIENT_ENDINGS)
        or (i.startswith(RECIPIENT_EACH) and len(i) <= RECIPIENT_EACH_MAX)
        or (each and i.endswith(RECIPIENT_DIVISIONS) and len(i) <= RECIPIENT_EACH_MAX)
    )
    return organs * 10 >= len(items) * 7  # seven in ten items name organs


def is_salutation(text: str) -> bool:
    """The opening address of a speech or letter, with its colon: "同志们：",
    "尊敬的领导、各位同事：", "省委习仲勋书记：" (each part an address).

    >>> is_salutation("同志們:"), is_salutation("尊敬的领导、各位同事："), is_salutation("各位领导，同志们：")
    (True, True, True)
    >>> is_salutation("各单位："), is_salutation("主要做法："), is_salutation("同志们要注意：")
    (False, False, False)
    """
    t = text.strip()
    if not t.endswith((":", "：")) or len(t) > SALUTATION_MAX or re.search("[。；！？;!?]", t):
        return False
    parts = _items(t[:-1])
    return bool(parts) and all(_address(p) for p in parts)


def _address(part: str) -> bool:
    if part.startswith(SALUTATION_OPENERS) and len(part) <= 14:
        return True
    return any(part.endswith(w) for w in SALUTATION_WORDS) and len(part) <= 12


def split_salutation(text: str) -> tuple[str, str] | None:
    """A salutation run into the first sentence ("同志们：这次大会…") → (salutation, rest).

    >>> split_salutation("同志们:这次创建省级文明城市动员大会，是一次重要会议。")
    ('同志们:', '这次创建省级文明城市动员大会，是一次重要会议。')
    >>> split_salutation("同志们要注意：安全第一。") is None
    True
    """
    t = text.strip()
    m = _RUN_IN_SALUTATION.match(t)
    if m and is_salutation(m[1]):
        return m[1], m[2]
    return None


def is_byline(text: str) -> bool:
    """A line under a title saying who spoke or wrote, where or when (practice, §4.12):
    "（2024年3月1日）", "县委书记　张三", "作者：白居易", "文 / 欧洲金靴",
    "新华社记者邹多为、唐诗凝", "文章发表于2022年12月26日".

    >>> [is_byline(t) for t in ("（2022年2月28日）", "林庄村党总支书记 张振华", "朝代：唐代", "文 / 欧洲金靴")]
    [True, True, True, True]
    >>> [is_byline(t) for t in ("新华社记者邹多为、唐诗凝、丁乐", "文章发表于2022年12月26日", "2024年3月1日")]
    [True, True, True]
    >>> [is_byline(t) for t in ("一、基本情况", "各位领导：", "我们要认真学习，深刻领会。", "提高思想认识")]
    [False, False, False, False]
    """
    t = text.strip()
    if not t or len(t) > BYLINE_MAX or re.search("[。；！？;!?]", t) or _PAGE_STAMP.search(t):
        return False  # "原创：39健康网 2024-04-23 12:27:25" is the page's metadata, not a byline
    s = simplified(t)
    if is_date(s) or (_NOTE.match(s) and _DATE_ANYWHERE.search(s)):
        return True  # the speech's date, bare or in brackets
    if _BYLINE_LABEL.match(s) or (_BYLINE_REPORTER.match(s) and "，" not in s):
        return True
    if _DATE_ANYWHERE.search(s) and len(s) <= 30 and "，" not in s and "," not in s:
        return True  # "文章发表于2022年12月26日"
    return bool(_ROLE_AND_NAME.match(s)) and not _DIGITS.search(s)


def is_credit(text: str) -> bool:
    """The strongest byline shapes, a label or a reporter naming the writers ("作者：白居易",
    "新华社记者邹多为、唐诗凝"): bylines even a paragraph or two into the text, where a news
    page puts them under its dateline.

    >>> is_credit("新华社记者邹多为、唐诗凝、丁乐"), is_credit("县委书记 张三"), is_credit("原创：网 2024-04-23 12:27")
    (True, False, False)
    """
    t = text.strip()
    if not is_byline(t):
        return False
    s = simplified(t)
    return bool(_BYLINE_LABEL.match(s) or (_BYLINE_REPORTER.match(s) and "，" not in s))


def attachment_line(text: str) -> tuple[str, str] | None:
    """The first item of a 附件说明 (STD 7.3.4): "附件：1.名称" → ("1.", "名称"),
    "附件：名称" → ("", "名称"); "附件：" alone → ("", "") (its items follow).

    >>> attachment_line("附件:1.国际会议申报须知.doc"), attachment_line("附件：会议回执"), attachment_line("附件：")
    (('1.', '国际会议申报须知.doc'), ('', '会议回执'), ('', ''))
    >>> attachment_line("附件是一份名单") is None, attachment_line("附件2：手工作品拟获奖名单")
    (True, ('2.', '手工作品拟获奖名单'))
    """
    m = _ATTACHMENT.match(text.strip())
    if m is None:
        return None
    rest = m["rest"].strip()
    if m["no"] and rest:  # "附件1：名称": the number in its label
        return f"{int(m['no'])}.", rest
    return attachment_item(rest) or ("", rest)


def attachment_item(text: str) -> tuple[str, str] | None:
    """A numbered item under "附件：": "2.名称" → ("2.", "名称") (number in the standard
    "N." form, 7.3.4).

    >>> attachment_item("2.2010年度计划表.doc"), attachment_item("3、值班安排表"), attachment_item("2.5万元")
    (('2.', '2010年度计划表.doc'), ('3.', '值班安排表'), None)
    """
    m = _ITEM.match(text.strip())
    if m is None or not re.match(f"[{HAN}《“<（(A-Za-z0-9]", m["name"]):
        return None
    if re.match(r"\d", m["name"]) and not re.match(r"\d{4}", m["name"]):
        return None  # "2.5万元": a figure, not an item
    return f"{int(m['n'])}.", m["name"].strip()


def is_note(text: str) -> bool:
    """A 附注 in round brackets: "（此件公开发布）", "（联系人：张三，电话：1234567）" (STD 7.3.6).

    >>> is_note("(此件公开发布)"), is_note("（此件公開發布）"), is_note("（2022年2月28日）")
    (True, True, False)
    """
    t = simplified(text.strip())
    m = _NOTE.match(t)
    return m is not None and len(t) <= NOTE_MAX and m["inner"].strip().startswith(NOTE_OPENERS)


def signature_and_date(text: str) -> tuple[str, str] | None:
    """One line holding a 署名 and its 成文日期 ("XX县人民政府 2024年3月5日").

    >>> signature_and_date("鹰潭市科学技术协会 二OO八年三月五日")
    ('鹰潭市科学技术协会', '二OO八年三月五日')
    >>> signature_and_date("鹰潭市科协办公室 2008年3月5日印发") is None
    True
    """
    m = re.match(rf"^(?P<sig>\S.*?)\s+(?P<date>{DATE})$", text.strip())
    if m and is_organ(m["sig"]):
        return m["sig"].strip(), m["date"]
    return None


# ---------------------------------------------------------------- 版记 (STD 7.4)


def imprint_fields(text: str) -> dict[str, str] | None:
    """The doc-tree ``imprint`` fields a 版记 line holds, else None: "抄送：…" (cc),
    "主送：…" (recipients), "XX办公室 2024年3月6日印发" (printer, print_date),
    "主题词：…" (keywords), "共印60份" (copies).

    >>> imprint_fields("抄送：县委各部门，县人大常委会办公室。")
    {'cc': '县委各部门，县人大常委会办公室。'}
    >>> imprint_fields("鹰潭市科协办公室 2008年3月5日印发")
    {'printer': '鹰潭市科协办公室', 'print_date': '2008年3月5日印发'}
    >>> imprint_fields("2024年3月6日印发"), imprint_fields("关于印发方案的通知")
    ({'print_date': '2024年3月6日印发'}, None)

    The 1999 edition's 版记 lines, on older documents: 主题词 (keywords) and the copies
    printed.

    >>> imprint_fields("主题词：科协工作 会议 通知"), imprint_fields("共印60份")
    ({'keywords': '科协工作 会议 通知'}, {'copies': '共印60份'})
    """
    t = text.strip()
    for pattern, name in ((_CC, "cc"), (_IMPRINT_RECIPIENTS, "recipients"), (_KEYWORDS, "keywords")):
        m = pattern.match(t)
        if m:
            return {name: m["v"].strip()}
    if _COPIES.match(t):
        return {"copies": t}
    m = _PRINTED.match(t)
    if m is None:
        return None
    out = {}
    if m["printer"]:
        if not is_organ(m["printer"]):
            return None
        out["printer"] = m["printer"]
    out["print_date"] = t[m.start("date") :]
    return out


# ---------------------------------------------------------------- tables


def is_caption(text: str) -> bool:
    """A table's caption: short, no sentence marks, "表1 …" or ending in a word like 指标.

    >>> is_caption("2020年1-6月綿陽主要經濟指標"), is_caption("表2 应急值守安排"), is_caption("主要做法")
    (True, True, False)
    """
    t = simplified(text.strip())
    if not t or len(t) > CAPTION_MAX or _SENTENCE_MARKS.search(t) or t.endswith((":", "：")):
        return False
    return bool(_CAPTION_NUMBER.match(t)) or t.endswith(CAPTION_WORDS)


# ---------------------------------------------------------------- for the title choice


def record_kind(text: str) -> Kind | None:
    """What a standalone line is when it is one of the lines that are never a title:
    ``"head"`` (版头: 份号, 密级, 紧急程度, an "XX文件" mark, 发文字号, 签发人), ``"date"``,
    ``"imprint"`` (抄送/主送/印发), ``"attachment"`` ("附件：…") or ``"note"`` (附注);
    None for any other line.

    >>> [record_kind(t) for t in ("签发人：张三", "抄送：县委办。", "附件：名单", "（此件公开发布）")]
    ['head', 'imprint', 'attachment', 'note']
    """
    if head_field(text) is not None or signers(text) is not None:
        return "head"
    if is_date(text):
        return "date"
    if imprint_fields(text) is not None:
        return "imprint"
    if attachment_line(text) is not None:
        return "attachment"
    if is_note(text):
        return "note"
    return None
