"""html: visible text and page chrome of saved pages, through decode() (issue 3).

The fixture pages in ``fixtures/html`` are built after the sites this product reads
(文档之家, a Discuz! writing portal, a 范文 site, municipal and county government sites, a Taiwan
government site in Big5, a WordPress blog, a Word "save as web page", a mobile page);
``NAME.expected.txt`` holds each page's article text.  ``tools/measure_html.py`` prints
the same measures for trafilatura and jusText.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

import pytest
from bs4 import BeautifulSoup, Comment, Tag
from hypothesis import given, settings
from hypothesis import strategies as st
from support import FIXTURES

from pipeline.decode import decode
from pipeline.decode.html import extract
from pipeline.decode.sniff import declared_charset, looks_like_html
from pipeline.errors import InputError

HTML_FIXTURES = FIXTURES / "html"
PAGES = sorted(HTML_FIXTURES.glob("*.html"))
_LETTER = re.compile(r"[^\W_]")

# The encoding each page must be read in, and the notices it must raise.
PAGE_ENCODINGS = {
    "big5_traditional": ("big5", []),
    "blog_utf8_nometa": ("utf-8", []),
    "fanwen_stray_html": ("utf-8", []),
    "fanwen_br_inline_ad": ("gb18030", []),
    "gov_notice_html5": ("utf-8", []),
    "gov_table_gb2312": ("gb18030", []),
    "gov_unclosed_divs": ("utf-8", []),
    "portal_utf8_meta_gb2312": ("utf-8", ["charset-mismatch"]),  # <meta> says gb2312: it lies
    "mobile_fold_feed": ("utf-8", []),
    "news_pinyin_classes": ("utf-8", []),
    "wendang_gbk": ("gb18030", []),
    "word_export_gb2312": ("gb18030", []),
}


def fold(text: str) -> str:
    """Letters and digits only, NFKC: what recall and chrome are measured in."""
    return "".join(_LETTER.findall(unicodedata.normalize("NFKC", text)))


def in_order(expected: str, output: str) -> int:
    """Characters of ``expected`` found, in order, in ``output``."""
    sm = difflib.SequenceMatcher(None, expected, output, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks())


def visible_letters(markup: str) -> int:
    """An independent count of a page's visible letters: text not in a non-rendered or hidden element
    (an element ``visibility: hidden`` with half the page's Chinese text or more is the article
    a script shows: visible)."""
    soup = BeautifulSoup(markup, "html.parser")
    han = re.compile(r"[\u3400-\u9fff]")
    page_han = len(han.findall(soup.get_text()))

    def invisible_style(p: Tag) -> bool:
        style = str(p.get("style", ""))
        if re.search(r"display\s*:\s*none", style):
            return True
        if not re.search(r"visibility\s*:\s*hidden", style):
            return False
        return not (page_han and 2 * len(han.findall(p.get_text())) >= page_han)

    hidden_tags = {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "iframe",
        "object",
        "svg",
        "rp",
    }
    total = 0
    for node in soup.find_all(string=True):
        if isinstance(node, Comment) or type(node).__name__ not in ("NavigableString", "RubyTextString"):
            continue
        if any(
            p.name in hidden_tags
            or p.has_attr("hidden")
            or p.get("aria-hidden") == "true"
            or invisible_style(p)
            for p in node.parents
            if isinstance(p, Tag)
        ):
            continue
        total += len(fold(node))
    return total


def test_there_are_at_least_six_fixture_pages_each_with_its_article():
    assert len(PAGES) >= 6
    assert set(PAGE_ENCODINGS) == {p.stem for p in PAGES}
    for page in PAGES:
        assert page.with_suffix(".expected.txt").is_file(), page


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_fixture_page_keeps_the_article_and_drops_the_chrome(page):
    data = page.read_bytes()
    decoded = decode(data, filename=page.name)
    expected = fold(page.with_suffix(".expected.txt").read_text("utf-8"))
    output = fold(decoded.text)
    removed = sum(len(fold(r.text)) for r in decoded.removed)

    hit = in_order(expected, output)
    recall = hit / len(expected)
    chrome_total = len(output) + removed - len(expected)
    chrome_kept = len(output) - hit
    assert recall >= 0.995, f"content recall {recall:.4f}"
    if chrome_total:
        assert 1 - chrome_kept / chrome_total >= 0.95, f"chrome dropped {1 - chrome_kept / chrome_total:.3f}"
    assert (decoded.encoding, [n.code for n in decoded.notices]) == PAGE_ENCODINGS[page.stem]


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_kept_plus_removed_is_all_the_visible_text(page):
    """Nothing leaves silently: body text + removed accounts for every visible letter."""
    decoded = decode(page.read_bytes(), filename=page.name)
    markup = page.read_bytes().decode(decoded.encoding)
    accounted = len(fold(decoded.text)) + sum(len(fold(r.text)) for r in decoded.removed)
    assert accounted == visible_letters(markup)


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_every_chrome_removal_has_a_reason_and_a_line(page):
    decoded = decode(page.read_bytes(), filename=page.name)
    lines = decoded.text.count("\n") + 2
    for r in decoded.removed:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", r.reason)
        assert r.text.strip()
        assert 1 <= r.line <= lines
    assert [r.line for r in decoded.removed] == sorted(r.line for r in decoded.removed)


def test_the_title_hint_holds_the_article_title():
    for page in PAGES:
        decoded = decode(page.read_bytes(), filename=page.name)
        title = page.with_suffix(".expected.txt").read_text("utf-8").split("\n", 1)[0]
        assert fold(title) in [fold(h) for h in decoded.title_hint.splitlines()], page.stem


def test_the_title_hint_gives_the_h1_and_the_title_element_one_per_line():
    markup = "<title>英国美女转行当美人鱼_XX网</title><body><h1>播报文章</h1><p>正文。</p></body>"
    assert extract(markup).title_hint == "播报文章\n英国美女转行当美人鱼"


# ---------------------------------------------------------------- broken markup, charsets


def test_a_stray_closing_html_before_the_article_keeps_the_article():
    page = HTML_FIXTURES / "fanwen_stray_html.html"
    assert page.read_text("utf-8").index("</html>") < page.read_text("utf-8").index("实践充分表明")
    text = decode(page.read_bytes(), filename=page.name).text
    assert "实践充分表明,群众路线是我们党在革命、建设和改革历程中" in text
    assert "三是强化社会监管" in text  # and the end of it


def test_lxml_html_would_have_lost_that_article():
    """Why we parse with html.parser: lxml.html stops at the stray </html>."""
    lxml_html = pytest.importorskip("lxml.html")
    markup = (HTML_FIXTURES / "fanwen_stray_html.html").read_text("utf-8")
    assert "实践充分表明" not in lxml_html.document_fromstring(markup).text_content()


def test_a_gbk_page_declared_in_meta_decodes():
    page = HTML_FIXTURES / "wendang_gbk.html"
    assert declared_charset(page.read_bytes()[:4096]) == "gbk"
    decoded = decode(page.read_bytes(), filename=page.name)
    assert decoded.encoding == "gb18030"
    assert "做好群众工作是推动科学发展" in decoded.text


def test_a_gbk_page_whose_meta_says_utf8_still_decodes():
    markup = (
        (HTML_FIXTURES / "wendang_gbk.html")
        .read_bytes()
        .decode("gbk")
        .replace("charset=gbk", "charset=utf-8")
    )
    decoded = decode(markup.encode("gbk"), filename="page.html")
    assert decoded.encoding == "gb18030"
    assert "做好群众工作是推动科学发展" in decoded.text
    assert [n.code for n in decoded.notices] == ["charset-mismatch"]


def test_a_utf8_page_whose_meta_says_gb2312_still_decodes():
    page = HTML_FIXTURES / "portal_utf8_meta_gb2312.html"
    assert declared_charset(page.read_bytes()[:4096]) == "gb2312"
    decoded = decode(page.read_bytes(), filename=page.name)
    assert decoded.encoding == "utf-8"
    assert "党的十九大报告首次明确提出" in decoded.text
    assert "gb2312" in decoded.notices[0].message


def test_a_big5_page_declared_as_gbk_is_read_as_big5():
    markup = (
        (HTML_FIXTURES / "big5_traditional.html")
        .read_bytes()
        .decode("big5")
        .replace("charset=big5", "charset=gbk")
    )
    decoded = decode(markup.encode("big5"), filename="page.html")
    assert decoded.encoding == "big5"
    assert "臺北市政府今（十二）日召開市政會議" in decoded.text


def test_a_gb2312_page_with_gbk_only_characters_decodes():
    markup = "<html><head><meta charset=gb2312></head><body><p>朱镕基同志的讲话。堃、喆、珺都是常见名字用字。</p></body></html>"
    decoded = decode(markup.encode("gbk"), filename="x.html")
    assert decoded.encoding == "gb18030"
    assert "朱镕基" in decoded.text


def test_a_utf16_page_with_bom_decodes():
    markup = "<!DOCTYPE html><html><body><h1>通知</h1><p>现将有关事项通知如下。</p></body></html>"
    decoded = decode(markup.encode("utf-16"), filename="x.htm")
    assert (decoded.encoding, decoded.text) == ("utf-16", "通知\n\n现将有关事项通知如下。\n")


@pytest.mark.parametrize(
    ("head", "filename", "is_page"),
    [
        ("<!DOCTYPE html>\n<html>", "a.txt", True),
        ("\ufeff  <html lang=zh>", "", True),
        ("<?xml version='1.0'?><!DOCTYPE html PUBLIC", "", True),
        ("<head><meta charset=utf-8>", "", True),
        ("plain text", "a.HTM", True),
        ("<关于印发《办法》的通知>", "a.txt", False),
        ("一、基本情况 <html> 不在开头", "a.txt", False),
        # issue 13: a page's part saved as .txt is read whole, not left half to the cleaning rules
        ("<p>一段正文</p>", "a.txt", True),
        ('<div class="content">\n<h1>标题</h1>', "a.txt", True),
        ("<script>" + "var a = 1;" * 1000 + "</script>\n<html><body>", "a.txt", True),
        ("<p>一段没有结束的正文", "a.txt", False),
        ("<附件1>人员名单</附件1>", "a.txt", False),
    ],
)
def test_what_counts_as_a_page(head, filename, is_page):
    assert looks_like_html(head, filename) is is_page


# ---------------------------------------------------------------- visible text and lines


def test_script_style_hidden_and_comments_contribute_nothing():
    markup = (
        "<html><head><title>标题</title><style>p{color:red}</style></head><body>"
        "<script>var a='脚本文字';</script><noscript>请启用脚本</noscript><template>模板</template>"
        "<!-- 注释文字 --><div hidden>隐藏一</div><div aria-hidden='true'>隐藏二</div>"
        "<div style='display: none'>隐藏三</div><span style='visibility:hidden'>隐藏四</span>"
        "<p>正文第一段。</p></body></html>"
    )
    page = extract(markup)
    assert page.text == "正文第一段。\n"
    assert page.removed == ()


def test_blocks_are_lines_with_blank_lines_between_and_br_is_a_line_break():
    page = extract(
        "<div><p>第一段。</p><p>第二段<br>同一段的第二行。</p><ul><li>甲</li><li>乙</li></ul></div>"
    )
    assert page.text == "第一段。\n\n第二段\n同一段的第二行。\n\n甲\n\n乙\n"


def test_two_br_make_a_blank_line():
    assert (
        extract("<div>　　第一段。<br><br>　　第二段。<br>　　第三段。</div>").text
        == "第一段。\n\n第二段。\n第三段。\n"
    )


def test_source_newlines_between_hanzi_are_no_space_but_between_words_are():
    page = extract("<p>党的十九大\n  报告首次明确提出</p><p>hello\nworld</p><p>第一章　总则</p>")
    assert page.text == "党的十九大报告首次明确提出\n\nhello world\n\n第一章　总则\n"


def test_table_cells_in_a_row_share_a_line():
    page = extract("<table><tr><td>姓名</td><td>职务</td></tr><tr><td>张三</td><td>局长</td></tr></table>")
    assert page.text == "姓名 职务\n\n张三 局长\n"


def test_pre_keeps_its_lines():
    assert extract("<pre>第一行\n  第二行\n</pre>").text == "第一行\n第二行\n"


def test_title_hint_falls_back_to_the_title_element_without_the_site_name():
    assert extract("<title>关于做好安全生产工作的通知_XX市人民政府</title><p>正文。</p>").title_hint == (
        "关于做好安全生产工作的通知"
    )
    assert extract("<title>XX市人民政府 - 关于做好安全生产工作的通知</title><p>正文。</p>").title_hint == (
        "关于做好安全生产工作的通知"
    )


def test_a_logo_h1_is_not_the_title():
    markup = (
        "<div class='logo'><h1><a href='/'>文档之家</a></h1></div>"
        "<div class='content'><h2>提高做好群众工作的能力</h2><p>做好群众工作是推动科学发展的重要保障。</p></div>"
    )
    assert extract(markup).title_hint == ""


# ---------------------------------------------------------------- chrome, rule by rule

ARTICLE = "".join(
    f"<p>{s}</p>"
    for s in (
        "做好群众工作是推动科学发展、促进社会和谐的重要保障，是实现党的领导的重要途径。",
        "一、基本情况",
        "党的群众工作是党组织、宣传、教育、发动人民群众为推进社会主义现代化建设而奋斗的工作。",
        "（一）群众工作的对象、内容和方法。群众工作是做人的工作，群众工作的对象是具体的。",
    )
)


def _reasons(markup: str) -> dict[str, str]:
    page = extract(markup)
    assert "群众工作的对象是具体的" in page.text
    assert "一、基本情况" in page.text
    return {r.text: r.reason for r in page.removed}


@pytest.mark.parametrize(
    ("chrome", "text", "reason"),
    [
        ("<nav><a href=/>首页</a> <a href=/a>范文</a></nav>", "首页 范文", "site-navigation"),
        ("<div class='breadcrumb'>当前位置：<a href=/>首页</a></div>", "当前位置：首页", "breadcrumb"),
        ("<div class='crumbs'>您的位置：<a href=/>首页</a></div>", "您的位置：首页", "breadcrumb"),
        ("<aside><p>热门标签</p></aside>", "热门标签", "sidebar"),
        ("<div id='sidebar'><p>最新文章</p></div>", "最新文章", "sidebar"),
        ("<div class='comment-box'><p>网友评论：写得好。</p></div>", "网友评论：写得好。", "comments"),
        ("<div class='pinglun'><p>暂无评论</p></div>", "暂无评论", "comments"),
        ("<div class='bdshare'>分享到：</div>", "分享到：", "share-bar"),
        ("<div class='login-tip'>登录后查看全文</div>", "登录后查看全文", "login-prompt"),
        ("<div class='download'>下载本文档</div>", "下载本文档", "download-prompt"),
        ("<div class='tags'>标签：群众工作</div>", "标签：群众工作", "tags"),
        ("<div class='ad'>广告位招租</div>", "广告位招租", "advertisement"),
        ("<footer><p>Copyright © 2024 版权所有</p></footer>", "Copyright © 2024 版权所有", "site-footer"),
        ("<div class='copyright'>粤ICP备12345678号</div>", "粤ICP备12345678号", "site-footer"),
        ("<form><input name=q><button>搜索</button></form>", "搜索", "form"),
        ("<div role='navigation'>栏目：政务公开</div>", "栏目：政务公开", "site-navigation"),
    ],
)
def test_named_chrome_is_removed_with_its_reason(chrome, text, reason):
    for markup in (
        f"<body>{chrome}<div>{ARTICLE}</div></body>",
        f"<body><div>{ARTICLE}</div>{chrome}</body>",
    ):
        assert _reasons(markup).get(text) == reason


def test_link_lists_outside_the_article_go_by_link_density_alone():
    links = "".join(f"<li><a href='/{i}'>链接标题{i}</a></li>" for i in range(5))
    removed = _reasons(
        f"<body><div class='x1'><ul>{links}</ul></div><div class='x2'>{ARTICLE}</div><div class='x3'><ul>{links}</ul></div></body>"
    )
    assert [reason for text, reason in removed.items() if text == "链接标题0"] == ["related-links"]
    page = extract(f"<body><div class='x1'><ul>{links}</ul></div><div class='x2'>{ARTICLE}</div></body>")
    assert {r.reason for r in page.removed} == {"site-navigation"}


def test_a_link_list_inside_the_article_goes_but_an_attachment_link_stays():
    related = "<p>相关阅读：<a href='/1'>一篇文章</a> <a href='/2'>二篇文章</a> <a href='/3'>三篇文章</a></p>"
    attachment = "<p>附件：<a href='/f/plan.docx'>实施方案</a> <a href='/f/t.xls'>统计表</a> <a href='/f/a.pdf'>说明</a></p>"
    page = extract(f"<div class='content'>{ARTICLE}{related}{attachment}</div>")
    assert "附件：实施方案 统计表 说明" in page.text
    assert [(r.text, r.reason) for r in page.removed] == [
        ("相关阅读：一篇文章 二篇文章 三篇文章", "related-links")
    ]


def test_short_lines_outside_the_article_go_titles_and_prose_stay():
    markup = (
        "<body><div class='a'>欢迎访问本站 2024年6月1日</div>"
        f"<div class='b'><h1>关于做好群众工作的通知</h1><div class='c'>{ARTICLE}{ARTICLE}</div></div>"
        "<div class='d'>地址：XX路1号 电话：1234567</div></body>"
    )
    page = extract(markup)
    assert page.text.startswith("关于做好群众工作的通知\n\n做好群众工作")
    assert {r.text: r.reason for r in page.removed} == {
        "欢迎访问本站 2024年6月1日": "site-header",
        "地址：XX路1号 电话：1234567": "site-footer",
    }


def test_a_page_wide_form_never_takes_the_article_with_it():
    """ASP.NET pages wrap everything in <form id=form1>: half the text protects an element."""
    page = extract(
        f"<body><form id='form1'><div class='nav'><a href=/>首页</a></div><div>{ARTICLE}</div></form></body>"
    )
    assert "做好群众工作是推动科学发展" in page.text
    assert "首页" not in page.text


def test_a_chrome_named_wrapper_around_the_article_is_not_chrome():
    page = extract(
        f"<body><div class='main-side-wrap'><div class='nav'>首页</div><div>{ARTICLE}</div></div></body>"
    )
    assert "党的群众工作是党组织" in page.text


def test_a_cms_summary_of_the_article_is_removed():
    summary = "<div class='s'>摘要: 做好群众工作是推动科学发展、促进社会和谐的重要保障 ...</div>"
    page = extract(
        f"<body><h1>标题</h1>{summary}<div class='x'><div class='y'>{ARTICLE}{ARTICLE}</div></div></body>"
    )
    assert [r.reason for r in page.removed] == ["summary"]


def test_an_article_nested_by_unclosed_divs_stays_whole():
    """Old CMSs leave a <div> open per paragraph: the article ends up nested in itself."""
    lines = [
        "一、基本情况",
        "xx镇地处xxxxxx，辖区面积xx平方公里，下辖xx个社区。",
        "把握新形势下群众工作的基本内涵",
        "党的群众路线是党的生命线和根本工作路线。",
        "XX镇党委",
        "2024年1月1日",
    ]
    markup = (
        "<body><div class=nav><a href=/>首页</a> <a href=/a>范文</a></div><h1>调研报告</h1>"
        + "".join(f"<div><p>{t}</p>" for t in lines)
        + "<div class=footer>版权所有</div></body>"
    )
    page = extract(markup)
    assert page.text == "\n\n".join(["调研报告", *lines]) + "\n"
    assert [r.reason for r in page.removed] == ["site-navigation", "site-footer"]


def test_a_heading_beside_one_long_paragraph_stays():
    """The article is a container of lines: a long first paragraph is not the article."""
    long_paragraph = "党的群众工作是党组织、宣传、教育、发动人民群众的工作。" * 20
    page = extract(
        f"<body><div class=c><p>把握新形势下群众工作的基本内涵</p><p>{long_paragraph}</p></div></body>"
    )
    assert page.text.startswith("把握新形势下群众工作的基本内涵\n")


def test_a_link_box_in_the_middle_of_the_text_goes():
    body = "第一段正文。<br>第二段正文。<div class='adbox'><a href='/vip'>开通会员 免费下载</a></div>第三段正文。<br>"
    page = extract(f"<body><h1>标题</h1><div id='content'>{body * 3}</div></body>")
    assert "开通会员" not in page.text
    assert page.text.count("第三段正文。") == 3
    assert {r.reason for r in page.removed} == {"related-links"}


# Tag soup from the pieces pages are made of, closed or not, in any order.
_OPEN = st.sampled_from(
    [
        "<div>", "<div class='nav'>", "<div class='content'>", "<div class='footer'>", "<div class='info'>",
        "<p>", "<p class='title'>", "<h1>", "<h3>", "<ul>", "<li>", "<table>", "<tr>", "<td>", "<span>",
        "<a href='/x'>", "<a href='/f.doc'>", "<br>", "<nav>", "<aside>", "<header>", "<footer>", "<form>",
        "<div style='display:none'>", "<div style='visibility:hidden'>", "<script>", "<b>", "<pre>",
    ]
)  # fmt: skip
_CLOSE = st.sampled_from(
    ["</div>", "</p>", "</li>", "</ul>", "</a>", "</td>", "</tr>", "</table>", "</html>", "</body>"]
)
_WORDS = st.sampled_from(
    [
        "党的群众工作。",
        "一、基本情况",
        "首页",
        "版权所有",
        "（一）概况",
        "x镇地处xx，辖区面积xx平方公里。",
        "2024年",
        "\n",
        " ",
        "更多>>",
    ]
)


@settings(derandomize=True, max_examples=150, deadline=None)
@given(st.lists(st.one_of(_OPEN, _CLOSE, _WORDS, _WORDS), max_size=60).map("".join))
def test_any_tag_soup_is_accounted_for(markup):
    """Whatever the markup, every visible letter is kept or removed, once."""
    page = extract(markup)
    kept_and_removed = len(fold(page.text)) + sum(len(fold(r.text)) for r in page.removed)
    assert kept_and_removed == visible_letters(markup)
    assert extract(markup) == page


def test_deeply_nested_unclosed_tags_do_not_recurse():
    markup = "<body>" + "<font>" * 5000 + "<p>深层嵌套的正文内容。</p>" + "</body>"
    assert "深层嵌套的正文内容。" in extract(markup).text


def test_extraction_is_deterministic():
    markup = (HTML_FIXTURES / "wendang_gbk.html").read_bytes().decode("gbk")
    assert extract(markup) == extract(markup)


# ---------------------------------------------------------------- empty pages


def test_a_page_without_visible_text_is_an_error():
    with pytest.raises(InputError, match=r"^the page has no visible text — nothing to convert$"):
        decode(b"<!DOCTYPE html><html><head><title>t</title><script>x()</script></head><body> </body></html>")


def test_a_page_of_nothing_but_chrome_decodes_to_no_text_and_says_what_went():
    decoded = decode(b"<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>")
    assert decoded.text == ""
    assert [(r.text, r.reason) for r in decoded.removed] == [("Home About", "site-navigation")]


# ---------------------------------------------------------------- read as a browser reads (issue 13)


def test_an_unknown_entity_keeps_its_semicolon():
    page = extract("<body><h1>标题</h1><p>研发部门R&D;负责新产品的研究与开发，这是正文的内容。</p></body>")
    assert "R&D;负责" in page.text
    assert visible_letters("<p>R&D;</p>") == len(fold("R&D;"))


def test_known_entities_still_decode_with_or_without_their_semicolon():
    page = extract(
        "<body><p>版权&copy;所有 &amp; &copy 2024 &lt;标签&gt; 正文内容写得很长，是一句完整的话。</p></body>"
    )
    assert "版权©所有 & © 2024 <标签> 正文" in page.text


def test_an_unclosed_comment_hides_the_rest_of_the_page():
    page = extract(
        "<body><h1>标题</h1><p>这是正文的内容，写得足够长，是一句完整的话。</p>"
        "<!-- 注释没有结束 <p>泄露的文字不应出现</p><div>也不应出现</div></body></html>"
    )
    assert "泄露" not in page.text
    assert "注释" not in page.text
    assert not [r for r in page.removed if "泄露" in r.text]  # invisible: nothing to account for
    assert "这是正文的内容" in page.text


def test_an_unclosed_comment_inside_a_script_is_no_comment():
    page = extract(
        "<body><script>document.write('<!--');</script><p>这是正文的内容，写得足够长，是一句完整的话。</p></body>"
    )
    assert "这是正文的内容" in page.text


def test_a_page_saved_as_txt_behind_a_long_script_is_read_as_a_page():
    script = "<script>" + "var a = 1;\n" * 800 + "</script>\n"  # 9 KB before the page starts
    page = (
        script + "<html><body><h1>标题</h1><p>这是正文的内容，写得足够长，是一句完整的话。</p></body></html>"
    )
    d = decode(page.encode(), filename="saved.txt")
    assert d.text == "标题\n\n这是正文的内容，写得足够长，是一句完整的话。\n"


def test_html_saved_as_txt_is_read_whole(tmp_path):
    page = (HTML_FIXTURES / "gov_notice_html5.html").read_text("utf-8")
    part = page[page.index("<article") : page.index("</article>") + len("</article>")]
    as_html = decode(page.encode(), filename="notice.html")
    as_txt = decode(part.encode(), filename="notice.txt")
    assert "<" not in as_txt.text  # no tag left to the cleaning rules
    assert fold(as_txt.text) in fold(as_html.text) or fold(as_html.text) in fold(as_txt.text)


# ---------------------------------------------------------------- captions

_PROSE = "记者从有关部门获悉，今年以来全市各项工作稳步推进，群众满意度持续提升，取得了明显成效。"


def _captions(body: str) -> list[str]:
    page = extract(f"<body><div class=content><p>{_PROSE}</p>{body}<p>{_PROSE}</p></div></body>")
    lines = page.text.split("\n")
    return [lines[n - 1] for n in page.captions]


@pytest.mark.parametrize(
    ("body", "caption"),
    [
        # a sina-style wrapper: the picture, then its caption in a span named so
        (
            '<div class="img_wrapper"><img src=a.jpg><span class="img_descr">BBC报道截图</span></div>',
            "BBC报道截图",
        ),
        ("<figure><img src=a.jpg><figcaption>大会开幕式现场</figcaption></figure>", "大会开幕式现场"),
        # a centred paragraph right after a picture
        ('<p><img src=a.jpg></p><p style="text-align: center">大会开幕式</p>', "大会开幕式"),
        (
            "<center><img src=a.jpg></center><center><strong>志愿者向市民宣传</strong></center>",
            "志愿者向市民宣传",
        ),
    ],
)
def test_a_pictures_caption_is_named(body, caption):
    assert _captions(body) == [caption]


@pytest.mark.parametrize(
    "body",
    [
        # centred, but no picture before it: a heading or a title may be centred
        '<p style="text-align: center">大会开幕式</p>',
        # after a picture, but not centred: the text goes on
        "<p><img src=a.jpg></p><p>会议要求各单位认真抓好落实</p>",
        # centred after a picture, but a paragraph's length
        f'<p><img src=a.jpg></p><p style="text-align:center">{_PROSE * 2}</p>',
        # a heading element is a heading whatever stands around it
        "<figure><img src=a.jpg><figcaption><h3>一、总体要求</h3></figcaption></figure>",
    ],
)
def test_lines_that_are_not_captions(body):
    assert _captions(body) == []


def test_only_the_first_line_after_a_picture_is_its_caption():
    body = "<p><img src=a.jpg></p><p align=center>图为会议现场</p><p align=center>会议要求</p>"
    assert _captions(body) == ["图为会议现场"]


def test_a_caption_is_a_paragraph_of_its_own_through_the_pipeline():
    """Short and unpunctuated like a heading, followed by prose: still a paragraph, and
    the prose after it is not joined onto it."""
    from pipeline.core import convert
    from pipeline.model import Heading

    markup = (
        "<html><head><title>全市工作稳步推进</title></head><body><div class=content>"
        "<h1>全市工作稳步推进</h1>"
        f"<p>{_PROSE}</p><p><img src=a.jpg></p><p style='text-align:center'>活动现场志愿者合影</p>"
        f"<p>活动中，志愿者们{_PROSE}</p></div></body></html>"
    )
    (a,) = convert(markup.encode(), "page.html").documents
    texts = [b.text for b in a.blocks]
    assert "活动现场志愿者合影" in texts
    assert not any(isinstance(b, Heading) for b in a.blocks)
    assert texts[texts.index("活动现场志愿者合影") + 1].startswith("活动中")


# ---------------------------------------------------------------- an article a script shows


def test_an_article_hidden_until_a_script_shows_it_is_read():
    """公众号 pages keep the article ``visibility: hidden`` until their script runs."""
    page = extract(
        "<body><h1>绥德县举行表彰大会</h1><div id=content style='visibility: hidden;'>"
        f"<p>{_PROSE}</p><p>{_PROSE}</p></div><p>阅读原文</p></body>"
    )
    assert page.text.count(_PROSE) == 2


def test_small_hidden_boxes_and_display_none_stay_hidden():
    page = extract(
        f"<body><p>{_PROSE}</p><div style='visibility:hidden'>请登录后查看</div>"
        f"<div style='display:none'>{_PROSE * 3}</div></body>"
    )
    assert "请登录" not in page.text
    assert page.text.count(_PROSE) == 1


# ---------------------------------------------------------------- teaser feeds


def _feed_item(n: int, tag: str = "div", stamp: str = "2024-04-0{n} 15:11", link: bool = True) -> str:
    title = (
        f"<a href='/a{n}.html'>巴南高铁第{n}段进入联调联试阶段</a>"
        if link
        else f"巴南高铁第{n}段进入联调联试阶段"
    )
    when = stamp.format(n=n)
    return f"<{tag} class=item>{title}<p>4月{n}日，随着检测车从南充北站缓缓驶出，标志着该段启动联调联试。</p>{when}</{tag}>"


def _page_with(after: str) -> str:
    return (
        "<body><div class=wrap><div class=text><h1>全市工作稳步推进</h1>"
        f"<p>{_PROSE}</p><p>{_PROSE}</p><p>{_PROSE}</p></div>"
        f"<div class=more>{after}</div></div></body>"
    )


def test_a_feed_of_dated_teasers_is_related_links():
    page = extract(_page_with("".join(_feed_item(n) for n in range(1, 5))))
    assert "联调联试" not in page.text
    assert page.text.count(_PROSE) == 3
    assert {r.reason for r in page.removed if "联调联试" in r.text} == {"related-links"}


@pytest.mark.parametrize(
    ("after", "stays"),
    [
        # two teasers are no feed
        pytest.param("".join(_feed_item(n) for n in range(1, 3)), "第2段", id="two-items"),
        # paragraphs with a date but no link each: the article's own text
        pytest.param("".join(_feed_item(n, link=False) for n in range(1, 5)), "第4段", id="no-links"),
        # linked items without a publication stamp are left to the link-list rule
        pytest.param("".join(_feed_item(n, stamp="") for n in range(1, 5)), "第4段", id="no-stamps"),
        # an item as long as a paragraph of an article is not a teaser
        pytest.param(
            "".join(
                f"<div class=item><a href=/x>第{n}篇</a>{_PROSE * 5} 2024-04-0{n}</div>" for n in range(1, 5)
            ),
            _PROSE * 5,
            id="long-items",
        ),
    ],
)
def test_what_is_not_a_feed_stays(after, stays):
    page = extract(_page_with(after))
    assert stays in page.text
    assert page.text.count(_PROSE) >= 3
