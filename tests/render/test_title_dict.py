"""The title splitter's dictionary (``pipeline.render.title_dict``): the words jieba gives."""

from __future__ import annotations

import random

import pytest
from support import ROOT

from pipeline.render import title, title_dict

TITLES = ROOT / "tests" / "fixtures" / "titles" / "real_titles.tsv"


@pytest.fixture(scope="module")
def jieba_tokenizer():
    import logging

    jieba = title_dict._jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in title.title_words():
        tokenizer.add_word(word)
    return tokenizer


def _texts() -> list[str]:
    rows = [line.split("\t")[0] for line in TITLES.read_text("utf-8").splitlines() if line.strip()]
    rng = random.Random(20)
    seed = (ROOT / "seeds" / "004_68c38517b1657e64.txt").read_text("utf-8")
    pieces = [seed[i : i + rng.randint(1, 60)] for i in rng.sample(range(len(seed) - 60), 300)]
    mixed = [
        "GDP增长2.96%的ISSN 1671-8089号文件",
        "关于 印发《2024年工作要点》的通知\t（试行）",
        "",
        "a",
        "——",
    ]
    return rows + pieces + mixed


def test_cut_gives_jiebas_words_on_real_titles_and_random_text(jieba_tokenizer):
    d = title_dict.dictionary(title.title_words())
    for text in _texts():
        assert list(title_dict.cut(d, text)) == list(jieba_tokenizer.cut(text, HMM=False)), text


def test_the_dictionary_holds_jiebas_frequencies_and_prefixes(jieba_tokenizer):
    d = title_dict.dictionary(title.title_words())
    assert d.total == jieba_tokenizer.total
    assert d.n == len(jieba_tokenizer.FREQ)
    for word in ["国务院办公厅", "党组织", "中华人民共和", "的", "关于", "不存在的词语组合甲乙"]:
        assert d.get(word) == jieba_tokenizer.FREQ.get(word)
        assert (word in d) == (word in jieba_tokenizer.FREQ)


def test_a_missing_cache_file_is_built_and_written(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGWEN_CACHE_DIR", str(tmp_path))
    words = ("测试用词甲", "测试用词乙")
    title_dict.dictionary.cache_clear()
    try:
        d = title_dict.dictionary(words)
        assert d.get("测试用词甲")
        assert list(tmp_path.glob("title-words-*.cache"))
    finally:
        title_dict.dictionary.cache_clear()
