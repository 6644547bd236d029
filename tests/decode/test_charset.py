"""charset: which encoding the bytes are in (issue 13: Big5-HKSCS, declared charsets that
are no text encodings)."""

from __future__ import annotations

import pytest

from pipeline.decode import decode

# Hong Kong text: 邨 嘅 啱 哋 are in Big5-HKSCS only (neither Big5 nor CP950 has them)
HONG_KONG = (
    "我哋屋邨嘅居民都話呢個方案啱晒，大家一齊支持政府嘅決定。"
    "香港特別行政區政府今日公布新嘅房屋政策，屋邨重建計劃將於明年展開。"
)


@pytest.mark.parametrize("copies", [1, 20], ids=["short", "long"])
def test_big5_hkscs_is_recognised_not_read_as_gb18030(copies):
    text = HONG_KONG * copies
    d = decode(text.encode("big5hkscs"))
    assert (d.text, d.encoding) == (text, "big5hkscs")
    assert [n.code for n in d.notices] == []


def test_a_big5_text_with_one_hkscs_character_in_many_keeps_it():
    text = "香港特別行政區政府今日公布新的房屋政策，屋邨重建計劃將於明年展開，居民普遍表示支持。" * 5
    d = decode(text.encode("big5hkscs"))
    assert (d.text, d.encoding, d.removed) == (text, "big5hkscs", ())


def test_plain_big5_is_still_called_big5():
    text = "香港特別行政區政府今日公布新的房屋政策，重建計劃將於明年展開，居民普遍表示支持。"
    assert decode(text.encode("big5")).encoding == "big5"


@pytest.mark.parametrize("charset", ["idna", "unicode_escape", "punycode", "rot13", "base64", "undefined"])
def test_a_page_declaring_no_text_encoding_is_decoded_by_its_bytes(charset):
    body = "这是一段正文内容，写得足够长，是一句完整的话。"
    for encoding in ("utf-8", "gb18030"):
        page = f'<html><head><meta charset="{charset}"></head><body><p>{body}</p></body></html>'
        d = decode(page.encode(encoding), filename="a.html")
        assert (d.text.strip(), d.encoding) == (body, encoding)
