"""Invariants over any input (hypothesis, derandomised): nothing is lost, nothing is
invented, cleaning is stable."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import invented, unaccounted

from pipeline.clean import clean
from pipeline.core import Options, convert
from pipeline.errors import PipelineError
from pipeline.text.lines import split_lines

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_LINES = sorted(
    {ln for f in sorted(SEEDS.glob("*.txt")) for ln in f.read_text("utf-8").splitlines() if ln.strip()}
)
CRUFT = [
    "当前位置:首页 > 范文大全 > 调研报告",
    "发布时间：2023-05-12 来源：县委办 浏览：1024次",
    "欢迎光临 某某范文网 (http://example.cn/) | Powered by Discuz! X3.4 |",
    "Copyright © 2012-2023 某某网 版权所有 豫ICP备12345678号-1",
    "声明:登载此文出于传递更多信息之目的,并不意味着赞同其观点或证实其描述。",
    "相关推荐",
    "[张三] 试论基层治理的几点思考",
    "【下载本文档,可以自由复制内容或自由编辑修改内容】",
    "Reply on: @reply_date@",
    "- 3 -",
    "第2页 共5页",
    "【篇一】",
    "style= align=>",
]
PIECES = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(CRUFT),
    st.text(
        alphabet="一二三四五六七八九十（）()、。，,.:：;；!！?？“”\"'… -—1234567890abcXYZ群众工作党建报告体会心得",
        max_size=60,
    ),
    st.text(max_size=40),
)
DOCUMENTS = st.lists(
    st.tuples(PIECES, st.sampled_from(["\n", "\n\n", " ", "\r\n"])), min_size=1, max_size=25
).map(lambda parts: "".join(p + sep for p, sep in parts))
SETTINGS = settings(
    derandomize=True, max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(DOCUMENTS)
def test_nothing_disappears_and_nothing_is_invented(text):
    try:
        doc = convert(text.encode("utf-8"), "x.txt", Options(keep_numbering=True))
    except PipelineError:
        return  # empty or all-cruft inputs are refused with a message (tested in test_cli)
    assert not unaccounted(text.replace("\ufffd", ""), doc)
    assert not invented(text, doc)


@SETTINGS
@given(DOCUMENTS)
def test_cleaning_twice_removes_nothing_more(text):
    once = clean(split_lines(text.replace("\r\n", "\n")))
    twice = clean(once.lines)
    assert twice.removed == ()
    assert [ln.text for ln in twice.lines] == [ln.text for ln in once.lines]


def test_every_seed_is_accounted_for():
    for f in sorted(SEEDS.glob("*.txt")):
        text = f.read_text("utf-8")
        doc = convert(text.encode("utf-8"), f.name, Options(keep_numbering=True))
        assert not unaccounted(text, doc), f.name
        assert not invented(text, doc), f.name
