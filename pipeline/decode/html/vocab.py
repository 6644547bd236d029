"""The page's structure as data: which elements are blocks, invisible, paragraphs or
containers, and the vocabularies of rules A and B (tag names, ARIA roles and class/id
tokens that name chrome).  Every threshold the rules use is here too, with its reason.
"""

from __future__ import annotations

import re


def _names(text: str) -> list[str]:
    """A space-separated list of names, for readable tables."""
    return text.split()


# Elements whose start and end break a line with a blank line between (CSS display:block).
BLOCK = frozenset(
    _names(
        "address article aside blockquote body caption center dd details dialog dir div dl dt"
        " fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend"
        " li main menu nav ol option p pre section summary table tbody tfoot thead tr ul"
    )
)
# Never rendered (or only as fallback content) — contributes no text.
INVISIBLE = frozenset(
    _names(
        "script style noscript template head title meta link base iframe frame frameset noframes"
        " object embed svg math canvas audio video map area rp"
    )
)
# Blocks that are one paragraph of text, never a container of the article.
PARAGRAPHS = frozenset(
    _names("p h1 h2 h3 h4 h5 h6 li dt dd pre caption figcaption summary legend option address")
)
CELLS = frozenset({"td", "th"})  # inline in a row, but blocks for the article search
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
TITLE_HEADINGS = frozenset({"h1", "h2", "h3"})
# Elements rule B may name chrome: containers, never a paragraph, heading or cell.
CONTAINERS = frozenset(_names("div section ul ol dl table tbody center article header"))
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
VISIBILITY_HIDDEN = re.compile(r"visibility\s*:\s*hidden\s*;?", re.I)
# an element kept invisible (visibility:hidden) that holds this share of the page's
# Chinese text is the article a script shows once the page has loaded (a 公众号 page)
REVEAL_SHARE = 0.5
# A link to a document (an attachment) is content, not navigation: "附件：实施方案.docx".
DOC_LINK = re.compile(r"\.(?:docx?|xlsx?|pptx?|pdf|wps|et|ofd|txt|zip|rar|7z)(?:[?#].*)?$", re.I)

# Rule A: tag names and ARIA roles that are chrome by definition.
CHROME_TAGS = {
    "nav": "site-navigation",
    "menu": "site-navigation",
    "aside": "sidebar",
    "footer": "site-footer",
    "form": "form",
    "button": "form",
    "select": "form",
    "textarea": "form",
}
CHROME_ROLES = {
    "navigation": "site-navigation",
    "banner": "site-header",
    "contentinfo": "site-footer",
    "complementary": "sidebar",
    "search": "site-search",
}
# Rule A: class/id tokens (split at -, _, digits and camelCase) that name chrome anywhere.
# Pinyin names (xiangguan 相关, pinglun 评论 …) are as common on Chinese sites as English.
CHROME: dict[str, str] = {
    **dict.fromkeys(
        _names("nav navbar navi navigation menu menubar topnav mainnav subnav daohang"), "site-navigation"
    ),
    **dict.fromkeys(_names("breadcrumb breadcrumbs crumb crumbs bread mianbaoxie"), "breadcrumb"),
    **dict.fromkeys(_names("sidebar side aside widget sidebox rightbar leftbar"), "sidebar"),
    **dict.fromkeys(
        _names(
            "related relate relates relation xiangguan recommend recommends tuijian hot hotnews rank ranking"
            " prenext prevnext prev next previous youlike guess"
        ),
        "related-links",
    ),
    **dict.fromkeys(_names("comment comments pinglun reply replies discuss"), "comments"),
    **dict.fromkeys(_names("share sharing bdshare jiathis social fenxiang"), "share-bar"),
    **dict.fromkeys(_names("toolbar tools print fontsize"), "page-tools"),
    **dict.fromkeys(_names("login signin register denglu passport"), "login-prompt"),
    **dict.fromkeys(_names("download xiazai"), "download-prompt"),
    **dict.fromkeys(
        _names("ad ads advert advertisement adv adsense gg guanggao sponsor promo"), "advertisement"
    ),
    **dict.fromkeys(_names("tags tag keyword keywords tagcloud biaoqian"), "tags"),
    **dict.fromkeys(_names("footer copyright beian icp"), "site-footer"),
    **dict.fromkeys(_names("search searchbox sousuo"), "site-search"),
    **dict.fromkeys(_names("pagination pager paging pagelist"), "pagination"),
}
# Rule B: tokens that name a page part which may, rarely, hold article text.
WEAK: dict[str, str] = {
    **dict.fromkeys(_names("header head hd top topbar banner logo masthead"), "site-header"),
    **dict.fromkeys(_names("foot ft bottom"), "site-footer"),
    **dict.fromkeys(_names("position location weizhi dqwz path"), "breadcrumb"),
    **dict.fromkeys(
        _names("info meta attr date time source author byline editor publish views"), "page-meta"
    ),
    "more": "related-links",
}
# Elements that carry the article's title or subtitle (kept before the article).
TITLE_TOKENS = frozenset(_names("title tit biaoti headline subtitle subhead fbt"))
# A picture's caption: an element so named (``img_descr``, ``wp-caption-text``, 图注 tuzhu),
# or a centred line right after a picture.  A caption is a paragraph of its own, never a
# heading (news pages set them short and unpunctuated, like headings).
CAPTION_TAGS = frozenset({"figcaption"})
CAPTION_TOKENS = frozenset(_names("caption descr tuzhu picinfo pictext pictxt imgtxt imgdesc picintro"))
CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.I)
CAPTION_MAX = 60  # characters: a longer centred line after a picture is text, not its caption

# Step 2b, teaser feeds: at least FEED_MIN items of one kind, each at most FEED_ITEM_MAX
# letters with a link and a publication stamp (2024-04-03, 2024/4/3, 05-24 00:16)
FEED_MIN = 3
FEED_ITEM_MAX = 200
FEED_STAMP = re.compile(r"(?<!\d)(?:20\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}-\d{1,2}\s+\d{1,2}:\d\d)(?!\d)")

PROTECT_SHARE = 0.5  # an element with this share of the page's non-link text is never chrome
MAIN_SHARE = 2 / 3  # the article's container holds at least this share of its parent's text
MIN_PROSE = 40  # a part holding this many hanzi of sentences is a paragraph, not chrome
MIN_SENTENCE = 10  # hanzi of sentences that make text beside the article article-like
# Prose is counted in hanzi: "Processed in 0.06 second(s), 18 queries." is no sentence of ours.
HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
LETTER = re.compile(r"[^\W_]")
# HTML whitespace plus the line separators a text node may carry; all collapse to a space.
WHITESPACE = re.compile(r"[ \t\n\r\f\v\x85\u2028\u2029]+")
# CSS Text 3 segment breaks: a newline in the source between two CJK characters is no space.
CJK = r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2014\u2018\u2019\u201c\u201d\u2026\U00020000-\U0003ffff]"
CJK_BREAK = re.compile(rf"(?<={CJK})[ \t\r\f]*\n[ \t\n\r\f]*(?={CJK})")
# Numbering that starts a heading of this genre: 一、 第二、 （三） (4) 1.2 党员… 3 结论
NUMBERED = re.compile(
    r"^\s*(?:第?[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}(?:\.\d{1,2})*[、.．]?\s*[\u4e00-\u9fff])"
)
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
TOKEN = re.compile(r"[a-z]+")
TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|\s[-–—]+\s|——)\s*")


# A CMS summary: "摘要: 党的十九大报告首次明确提出…" / "导读：…" — a label, then the
# excerpt, then an ellipsis.
EXCERPT_LABEL = re.compile(r"^[^:：]{1,6}[:：]")
ELLIPSIS = re.compile(r"(?:\.{2,}|…+|。{2,})$")
MIN_EXCERPT = 20
