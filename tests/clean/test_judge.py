"""The judge (pipeline.clean.judge) with its fitted weights: furniture goes, near misses stay."""

from __future__ import annotations

from pipeline.clean import JUDGE, clean, judge, judge_weights
from pipeline.text.lines import split_lines

P1 = "今年以来，我们始终坚持以人民为中心的发展思想，认真落实上级部署，各项工作取得了明显成效。"
P2 = "下一步，我们将进一步压实责任，强化措施，确保全年目标任务圆满完成，为全县发展作出更大贡献。"


def _kept_and_removed(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    cleaned = clean(split_lines(text), rules=(JUDGE,))
    return [ln.text for ln in cleaned.lines], [(r.text, r.reason) for r in cleaned.removed]


def test_the_furniture_of_a_document_site_goes_with_the_reason_of_its_strongest_evidence():
    text = "\n".join(["2023年度工作总结", "VIP专免", "21.78KB", "23 页", "侵权投诉", P1, P2])
    kept, removed = _kept_and_removed(text)
    assert kept == ["2023年度工作总结", P1, P2]
    reasons = dict(removed)
    assert reasons["21.78KB"] == "page-meta"
    assert reasons["VIP专免"] == "download-prompt"


def test_a_sites_introduction_goes():
    intro = "下面是小编为大家整理的2023年乡镇年度工作总结，供大家参考。"
    _, removed = _kept_and_removed("\n".join(["乡镇年度工作总结", intro, P1, P2]))
    assert removed == [(intro, "site-intro")]


def test_an_introduction_that_brings_you_the_texts_goes():
    # tg05 of the dev corpus: no "供大家参考", but "为您带来了…相信一定会对你有所帮助"
    intro = (
        "优秀的工作总结必须要结合我们的实际工作情况的,随便应付是没有意义的,当工作已接近尾声,"
        "我们为了做好今后的工作,需要做好工作总结,总结社小编今天就为您带来了镇长2023工作总结5篇,"
        "相信一定会对你有所帮助。"
    )
    _, removed = _kept_and_removed("\n".join(["镇长2023工作总结", intro, P1, P2]))
    assert removed == [(intro, "site-intro")]


def test_near_misses_stay():
    lines = [
        "关于做好防汛工作的通知",  # the title
        "各乡镇人民政府：",  # 主送
        P1,
        "一、提高思想认识",  # a numbered heading
        "会议强调，要抓好落实。",  # a short prose line between paragraphs
        P2,
        "特此通知。",
        "XX县人民政府",  # 署名
        "2024年3月5日",  # 成文日期
        "（此件公开发布）",  # 附注
    ]
    kept, removed = _kept_and_removed("\n".join(lines))
    assert removed == []
    assert kept == lines


def test_a_templates_fill_in_blanks_are_no_separators():
    # tg03 of the dev corpus: the first sentence of a 述职报告 with "__" blanks in a template
    first = "本人自20__年1月23日起任__镇党委副书记、镇长。现将三年来各方面情况报告如下。"
    kept, removed = _kept_and_removed("\n".join(["镇长述职报告", "尊敬的各位领导、同志们：", first, P1, P2]))
    assert removed == []
    assert first in kept


def test_a_table_laid_out_one_value_per_line_stays():
    cells = ["指标", "单位", "数值", "增速", "地区生产总值", "亿元", "631.38", "-6.6", "3.2", "99.70"]
    _, removed = _kept_and_removed("\n".join([P1, *cells, P2]))
    assert removed == []


def test_a_program_listing_stays():
    code = ["docker run -p 8080:8080 \\", "  -e JAVA_OPTS='-Xmx128m' \\", "  --name=app app:1.0"]
    _, removed = _kept_and_removed("\n".join([P1, *code, P2]))
    assert removed == []


def test_every_verdict_names_the_evidence_that_weighed_most():
    lines = split_lines("\n".join(["VIP专免", "21.78KB", P1, P2]))
    verdicts = judge.judge(lines, judge_weights.WEIGHTS)
    assert len(verdicts) == 4
    assert verdicts[1].removed
    assert verdicts[1].top
    assert all(isinstance(name, str) and isinstance(c, float) for name, c in verdicts[1].top)
    assert not verdicts[2].removed


def test_the_stored_weights_match_the_features():
    assert judge_weights.WEIGHTS.names == judge.feature_names()
    assert len(judge_weights.WEIGHTS.values) == len(judge.feature_names())
    assert 0.0 < judge_weights.WEIGHTS.threshold < 1.0
