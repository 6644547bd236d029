"""download-prompt: download/login/pay prompts go, also when glued before the article;
sentences about downloading or logging in stay."""

from __future__ import annotations

import pytest

from pipeline.clean import download_prompt

SEED_004_PROMPT = (
    "【下载本文档,可以自由复制内容或自由编辑修改内容,更多精彩文章,期待你的好评和关注,我将一如既往为您服务】"
)

# The engine (pipeline/rules/__init__.py, _apply) leaves both spaces of "A 【cut】 B" in place:
# its " ".join(text.split(" ")) collapses nothing.

GLUED = [
    pytest.param(
        SEED_004_PROMPT + " 新形势下如何做好群众工作心得体会 疏远群众。",
        [SEED_004_PROMPT],
        ["新形势下如何做好群众工作心得体会 疏远群众。"],
        id="seed004-bracketed-prompt",
    ),
    pytest.param(
        "【免费下载】XX县2023年工作总结", ["【免费下载】"], ["XX县2023年工作总结"], id="free-download-tag"
    ),
    pytest.param("[点击下载] 个人述职报告", ["[点击下载]"], ["个人述职报告"], id="square-bracket-prompt"),
    pytest.param(
        "2023年述职报告 【VIP专享】 今年以来，本人认真履职。",
        ["【VIP专享】"],
        ["2023年述职报告 今年以来，本人认真履职。"],
        id="vip-tag-mid-line",
    ),
]


@pytest.mark.parametrize(("text", "removed", "kept"), GLUED)
def test_download_prompt_cuts_bracketed_prompt_and_keeps_the_rest(run_rule, text, removed, kept):
    assert run_rule(download_prompt, text) == (kept, removed)


PROMPT_LINES = [
    pytest.param("下载本文档", id="download-this-doc"),
    pytest.param("点击下载完整版", id="click-download-full"),
    pytest.param("登录后可复制全文", id="login-to-copy"),
    pytest.param("本文档下载地址：http://www.docin.com/p-123.html", id="docin-download-address"),
    pytest.param("VIP免费下载", id="vip-free-download"),
    pytest.param("下载需要5下载券", id="download-coupons"),
    pytest.param("免费下载本文", id="free-download-this"),
    pytest.param("下载文档到电脑，查找使用更方便", id="doc88-download-to-pc"),
    pytest.param("本文档共12页，登录后可阅读全文", id="login-to-read"),
    pytest.param("查看全文", id="view-full-text"),
    pytest.param("复制全文", id="copy-full-text"),
    pytest.param(
        "点击下载",
        id="click-download",
    ),
    pytest.param(
        "需要金币：1200 立即下载",
        id="doc-site-coins",
    ),
    pytest.param("4. 请根据预览情况,自愿下载本文。", id="download-after-preview"),
]


@pytest.mark.parametrize("text", PROMPT_LINES)
def test_download_prompt_removes_prompt_lines(run_rule, text):
    assert run_rule(download_prompt, text) == ([], [text])


NEAR_MISSES = [
    pytest.param("群众可下载政务APP办理社保、医保等业务。", id="download-app-sentence"),
    pytest.param("【案例】某县推行“最多跑一次”改革，群众满意度大幅提升。", id="bracket-without-prompt"),
    pytest.param("【典型经验】XX镇实行网格化管理", id="bracketed-lead"),
    pytest.param("通过网上平台登录系统后即可查看办理进度，方便快捷。", id="login-system-sentence"),
    pytest.param("要防止复制粘贴、照搬照抄，确保材料质量。", id="fuzhi-zhantie"),
    pytest.param("严禁付费有偿删帖，维护网络秩序。", id="fufei-in-prose"),
    pytest.param("完善会员制度，提高会员积极性。", id="huiyuan-in-prose"),
    pytest.param(
        "群众通过APP登录后即可查看办理进度，十分方便。",
        id="app-login-then-view",
    ),
    pytest.param(
        "党员可登录后下载学习资料，随时随地开展学习。",
        id="members-login-download",
    ),
    pytest.param(
        "要及时下载全文学习，深刻领会精神实质。",
        id="download-full-text-to-study",
    ),
    pytest.param(
        "【复制粘贴式调研要不得】有的调研报告照搬照抄，千篇一律。",
        id="bracketed-lead-mentioning-copy",
    ),
    pytest.param("请根据预览情况调整方案，确保活动顺利开展。", id="preview-without-download"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_download_prompt_keeps_sentences_about_downloading(run_rule, text):
    assert run_rule(download_prompt, text) == ([text], [])
