"""The lexicon of site furniture (pipeline.text.lexicon): data, counted by kind."""

from __future__ import annotations

from pipeline.reasons import BY_NAME
from pipeline.text.lexicon import COLLECTION, KINDS, hits, simplified


def test_every_kind_reports_a_registered_reason():
    for kind in KINDS:
        assert kind.reason in BY_NAME, kind.name


def test_traditional_prompts_count_as_their_simplified_words():
    assert simplified("付費下載") == "付费下载"
    assert hits("付費下載本文檔")["download"] == hits("付费下载本文档")["download"] >= 2


def test_a_longer_word_counts_once():
    assert hits("责任编辑")["meta"] == 1


def test_prose_words_are_not_intro_words():
    assert hits("要广泛收集群众意见，认真整理分析。")["intro"] == 0


def test_collection_marks():
    assert COLLECTION.search("心得体会（精选8篇）")
    assert COLLECTION.search("生产企业管理制度【推荐5篇】")
    assert not COLLECTION.search("学习这篇文章的体会")
