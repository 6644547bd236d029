"""Step 2 of decode: which encoding the bytes are in.

From the first non-ASCII 64 KB only (so a 20 MB file costs one C-speed decode, not a
Python loop over it): ``--encoding`` if given; else a byte-order mark; else UTF-16/UTF-32
when the sample has NUL bytes in the pattern of one; else strict UTF-8; else the most
*plausible* of GB18030, Big5 (CP950, Big5-HKSCS) and lossy UTF-8.  Plausibility is the share of
non-ASCII characters that are among the 1000 most frequent hanzi (Simplified or
Traditional) or Chinese punctuation: a right guess scores 0.78–1.0, a wrong one at most
0.13 (measured on the seeds cut to 10–1000 characters), so Traditional text in Big5
stays Traditional.  An HTML page's declared charset (``<meta>``) gets a small bonus but
no veto, so a page whose ``<meta>`` lies still decodes right.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from pipeline.decode import sniff
from pipeline.errors import BinaryError, DecodeError
from pipeline.model import Notice

_SAMPLE = 65536  # bytes looked at to choose an encoding
_MAX_LOSS = 0.01  # share of undecodable characters above which a candidate is rejected
_MIN_PRINTABLE = 0.95  # share of a UTF-16 reading that must be printable text
_LOW_CONFIDENCE = 0.5  # plausibility under which the choice is reported as a guess
_DECLARED_BONUS = 0.1  # what a page's own <meta charset> is worth in the comparison
# Bytes that never occur in text: C0 controls other than \t \n \v \f \r and ESC.
_BINARY_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
# Decoding candidates for ASCII-compatible bytes that are not strict UTF-8, best first
# on a tie (GB18030 is the common case for this genre).  cp950 is Big5 plus Microsoft's
# additions; plain big5 is tried first so the usual name is reported.  Big5-HKSCS adds
# the Hong Kong characters (邨 嘅 啱 哋): without it a Hong Kong text, which Big5 cannot
# read, came out as GB18030 mojibake (issue 13).  On plain Big5 text it ties with big5,
# which is tried first.
_LEGACY = ("gb18030", "big5", "cp950", "big5hkscs", "utf-8")
# Families a declared charset belongs to: a page saying gb2312 is judged as gb18030.
_FAMILY = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030", "big5hkscs": "big5", "cp950": "big5"}
# What Windows Notepad and editors call encodings, for --encoding.
_ALIASES = {
    "ansi": "gb18030",
    "unicode": "utf-16",
    "utf-8-bom": "utf-8-sig",
    "utf8-bom": "utf-8-sig",
    "utf-8 with bom": "utf-8-sig",
    "utf8bom": "utf-8-sig",
    "utf16le": "utf-16-le",  # Python knows utf-16le and utf_16_le, not these
    "utf16be": "utf-16-be",
    "utf32le": "utf-32-le",
    "utf32be": "utf-32-be",
}
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"\x84\x31\x95\x33", "gb18030"),  # GB18030's own encoding of U+FEFF, dropped by _repair()
)


@dataclass(frozen=True, slots=True)
class _Reading:
    """One candidate encoding applied to the sample."""

    encoding: str
    loss: float  # share of characters that came out as U+FFFD
    plausibility: float  # see _plausibility
    printable: float  # share of characters that are printable text


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


# Codecs Python calls text encodings that no saved document is written in: they would
# "decode" any bytes into nonsense (unicode_escape turns \\n into a newline, idna and
# punycode are for domain names, charmap and undefined are no encodings at all).
_NOT_DOCUMENT_CODECS = frozenset(
    {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined", "charmap"}
)


def codec_name(name: str) -> str | None:
    """The Python codec for an ``--encoding`` name, or None when it is no text encoding.

    Takes the names editors show (Notepad's ANSI, Unicode, UTF-8 with BOM) as well as
    Python's; refuses bytes-to-bytes codecs (rot13, base64) and codecs no document is
    written in (see ``_NOT_DOCUMENT_CODECS``).

    >>> codec_name("ANSI"), codec_name("utf16le"), codec_name("GBK"), codec_name("rot13")
    ('gb18030', 'utf-16-le', 'gbk', None)
    """
    name = _ALIASES.get(name.strip().lower(), name.strip())
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if not info._is_text_encoding or info.name in _NOT_DOCUMENT_CODECS:
        return None
    return info.name


def forced_encoding(hint: str, data: bytes) -> str:
    """The codec ``--encoding NAME`` asks for, with the BOM and byte order it implies."""
    name = codec_name(hint)
    if name is None:
        raise DecodeError(f"unknown encoding {hint!r} — use a name such as utf-8, gb18030, big5 or utf-16")
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if name == "utf-16" and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Python's utf-16 would assume the machine's byte order; read it off the NULs.
        sample = data[:_SAMPLE]
        return "utf-16-be" if sample[0::2].count(0) > sample[1::2].count(0) else "utf-16-le"
    return name


def _sample(data: bytes) -> tuple[bytes, bool]:
    """Up to 64 KB to judge the encoding by, and whether it reaches the end of ``data``.

    For ASCII-compatible data the sample starts at the first non-ASCII byte: a file
    whose first 64 KB are ASCII is judged by what follows.  Starting there is safe
    because every encoding tried reads ASCII bytes as themselves.
    """
    head = data[:_SAMPLE]
    if 0 not in head:
        found = _NON_ASCII.search(data)
        if found is not None:
            head = data[found.start() : found.start() + _SAMPLE]
            return head, found.start() + _SAMPLE >= len(data)
    return head, len(data) <= _SAMPLE


def _read(sample: bytes, encoding: str, final: bool) -> tuple[str, float]:
    """``sample`` decoded leniently, and the share of characters lost to U+FFFD.

    With ``final`` false a multi-byte character cut by the sample's end is not a loss.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(sample, final=final)
    return text, text.count("\ufffd") / max(1, len(text))


def _reading(sample: bytes, encoding: str, final: bool) -> _Reading:
    text, loss = _read(sample, encoding, final)
    return _Reading(encoding, loss, _plausibility(text), _printable(text))


def detect(data: bytes, filename: str, notices: list[Notice]) -> str:
    """Choose the encoding of BOM-less ``data``; raise DecodeError if none fits."""
    sample, final = _sample(data)
    nuls = sample.count(0)
    if nuls:
        wide = _wide_encoding(sample, final)
        if wide is not None:
            return wide
        if nuls > len(sample) // 1000:  # a stray NUL or two is dropped with the controls
            raise BinaryError("not a text file (binary data: NUL bytes) — save it as .txt first")
    if len(_BINARY_BYTES.findall(sample)) > len(sample) // 100:
        raise BinaryError("not a text file (binary data: control bytes) — save it as .txt first")
    if not _NON_ASCII.search(sample):
        return "utf-8"
    declared = said = None
    if sniff.looks_like_html(data[: sniff.WINDOW].decode("latin-1"), filename):
        said = sniff.declared_charset(data[:4096])
        declared = codec_name(said or "")
        declared = _FAMILY.get(declared or "", declared)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=final)
    except UnicodeDecodeError:
        pass
    else:
        # Non-ASCII text that is valid UTF-8 is UTF-8, whatever the page says.
        if said and declared != "utf-8":
            notices.append(_mismatch(said, "utf-8"))
        return "utf-8"

    candidates = list(_LEGACY)
    if declared and declared not in candidates and not declared.startswith(("utf-16", "utf-32", "utf-7")):
        candidates.insert(0, declared)  # e.g. a page declaring shift_jis gets its say
    readings = [_reading(sample, enc, final) for enc in candidates]
    fitting = [r for r in readings if r.loss <= _MAX_LOSS]
    if not fitting:
        best = min(readings, key=lambda r: r.loss)
        raise DecodeError(
            f"cannot decode: even the best guess ({best.encoding}) fails on {best.loss:.0%} of the"
            " text — pass --encoding NAME to force one"
        )

    def score(r: _Reading) -> float:
        bonus = _DECLARED_BONUS if _FAMILY.get(r.encoding, r.encoding) == declared else 0.0
        return r.plausibility + bonus - r.loss

    best = max(fitting, key=score)  # max keeps the first of equals: candidate order breaks ties
    if said and _FAMILY.get(best.encoding, best.encoding) != declared:
        notices.append(_mismatch(said, best.encoding))
    if best.plausibility < _LOW_CONFIDENCE:
        notices.append(
            Notice(
                "encoding-guess",
                f"encoding guessed as {best.encoding} with low confidence"
                " — if the text looks garbled, pass --encoding NAME",
            )
        )
    return best.encoding


def _mismatch(declared: str, found: str) -> Notice:
    return Notice(
        "charset-mismatch", f"the page declares {declared} but its bytes are {found}; decoded as {found}"
    )


def _wide_encoding(sample: bytes, final: bool) -> str | None:
    """UTF-16/UTF-32 without a BOM, recognised by where the NUL bytes fall.

    In UTF-16 LE every ASCII character has its NUL at an odd offset, in BE at an even
    one; UTF-32 has three NULs per ASCII character.  The reading must also be nearly
    loss-free and printable, which random binary data is not.
    """
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    quads = [sample[i::4].count(0) for i in range(4)]
    options = []
    if odd > 2 * even:
        options.append("utf-16-le")
    if even > 2 * odd:
        options.append("utf-16-be")
    if min(quads[1:4]) > 2 * quads[0] and len(sample) % 4 == 0:
        options.append("utf-32-le")
    if min(quads[0:3]) > 2 * quads[3] and len(sample) % 4 == 0:
        options.append("utf-32-be")
    readings = [_reading(sample, enc, final) for enc in options]
    good = [r for r in readings if r.loss <= _MAX_LOSS and r.printable >= _MIN_PRINTABLE]
    if not good:
        return None
    return max(good, key=lambda r: r.plausibility).encoding


def _plausibility(text: str) -> float:
    """Share of the non-ASCII characters that common Chinese text is made of.

    ASCII says nothing about which legacy encoding is right, so only the rest counts:
    the 1000 most frequent hanzi in either script plus Chinese punctuation.  Text
    without non-ASCII characters scores 1.
    """
    rest = [ch for ch in text[:20000] if ch >= "\x80"]
    if not rest:
        return 1.0
    return sum(ch in _COMMON for ch in rest) / len(rest)


def _printable(text: str) -> float:
    """Share of characters that are printable or ordinary whitespace."""
    if not text:
        return 1.0
    text = text[:20000]
    return sum(ch.isprintable() or ch in "\t\n\r" for ch in text) / len(text)


def decode_all(data: bytes, encoding: str, *, forced: bool) -> str:
    """Decode all of ``data``; small losses become U+FFFD, heavy ones an error."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    loss = text.count("\ufffd") / max(1, len(text))
    if loss > _MAX_LOSS:
        if forced:
            raise DecodeError(
                f"--encoding {encoding} does not fit: {loss:.0%} of the text is undecodable"
                " — check the name, or leave --encoding off to detect it"
            ) from None
        raise DecodeError(
            f"cannot decode: the best guess ({encoding}) fails on {loss:.0%} of the text"
            " — pass --encoding NAME to force one"
        ) from None
    return text


# ---------------------------------------------------------------- data: common hanzi

# The 1000 most frequent characters of modern written Chinese, most frequent first
# (after Jun Da's frequency list), and the same characters in Traditional form.  Used
# only as a set: real text in the right encoding is 78-100 % made of them, a wrong
# reading (GB bytes read as Big5 or the reverse) at most 13 % (seeds cut to 10-1000 chars).
_COMMON_SIMPLIFIED = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    "计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象"
    "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改"
    "收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列"
    "武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供"
    "效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
    "仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳"
    "若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷"
    "洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈"
    "刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央"
    "户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括"
    "舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康"
    "虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅"
    "泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶"
)
_COMMON_TRADITIONAL = (
    "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡"
    "用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實"
    "日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政"
    "美相見被利什二等產或新己制身果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員"
    "解水名真論處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件"
    "計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基眼書非則聽白卻界達光放強即像難且權思王象"
    "完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術領共確傳師觀清今切院讓識候帶導爭運笑飛風步改"
    "收根幹造言聯持組每濟車親極林服快辦議往元英士證近失轉夫令準布始怎呢存未遠叫台單影具羅字愛擊流備兵連調"
    "深商算質團集百需價花黨華城石級整府離況亞請技際約示復病息究線似官火斷精滿支視消越器容照須九增研寫稱企"
    "八功嗎包片史委乎查輕易早曾除農找裝廣顯吧阿李標談吃圖念六引歷首醫局突專費號盡另周較注語僅考落青隨選列"
    "武紅響雖推勢參希古眾構房半節土投某案黑維革劃敵致陳律足態護七興派孩驗責營星夠章音跟志底站嚴巴例防族供"
    "效續施留講型料終答緊黃絕奇察母京段依批群項故按河米圍江織害鬥雙境客紀採舉殺攻父蘇密低朝友訴止細願千值"
    "仍男錢破網熱助倒育屬坐帝限船臉職速刻樂否剛威毛狀率甚獨球般普怕彈校苦創假久錯承印晚蘭試股拿腦預誰益陽"
    "若哪微尼繼送急血驚傷素藥適波夜省初喜衛源食險待述陸習置居勞財環排福納歡雷警獲模充負雲停木遊龍樹疑層冷"
    "洲衝射略範竟句室異激漢村哈策演簡卡罪判擔州靜退既衣您宗積餘痛檢差富靈協角佔配徵修皮揮勝降階審沉堅善媽"
    "劉讀啊超免壓銀買皇養伊懷執副亂抗犯追幫宣佛歲航優怪香著田鐵控稅左右份穿藝背陣草腳概惡塊頓敢守酒島託央"
    "戶烈洋哥索胡款靠評版寶座釋景顧弟登貨互付伯慢歐換聞危忙核暗姐介壞討麗良序升監臨亮露永呼味野架域沙掉括"
    "艦魚雜誤灣吉減編楚肯測敗屋跑夢散溫困劍漸封救貴槍缺樓縣尚毫移娘朋畫班智亦耳恩短掌恐遺固席鬆祕謝魯遇康"
    "慮幸均銷鐘詩藏趕劇票損忽巨炮舊端探湖錄葉春鄉附吸予禮港雨呀板庭婦歸睛飯額含順輸搖招婚脫補謂督毒油療旅"
    "澤材滅逐莫筆亡鮮詞聖擇尋廠睡博勒煙授諾倫岸奧唐賣俄炸載洛健堂旁宮喝借君禁陰園謀宋避抓榮姑孫逃牙束跳頂"
)
# Full-width and Chinese punctuation, in either script's usual forms.
_CJK_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕—…·－～　"
_COMMON: frozenset[str] = frozenset(_COMMON_SIMPLIFIED + _COMMON_TRADITIONAL + _CJK_PUNCTUATION)
