"""jammer: anti-copy strings a site scatters through its text (群众工作4fK7q2是…).

What it removes: a run of 6–16 Latin letters and digits glued between two Chinese
characters that switches between letters and digits at least four times — random
noise that forum engines (the Discuz "jammer") insert to spoil copying; and pinyin with
tone marks in brackets glued after a character ("感動(dòng)中國(guó)"), which sites that
convert their pages to Traditional script scatter through the text.
Why: it is not text anyone wrote; left in, it corrupts sentences.
Example: "密切联系群众a8Kq2z7是我们党的优良传统" → "a8Kq2z7" removed;
"績(jì)效管理" → "(jì)" removed.
Leaves alone: real codes and names — 5G, COVID19, H7N9, GB2312, 2023年, ISO9001, licence
plates (京A12B34) — they switch classes fewer than four times or are too short; pinyin in
brackets without a tone mark or not glued to a character ("拼音 (pinyin)"), and pinyin
after a word in a dictionary gloss standing on its own line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.shapes import HAN

REASON = "jammer"

_RUN = re.compile(rf"(?<=[{HAN}])[A-Za-z0-9]{{6,16}}(?=[{HAN}])")
_SWITCH = re.compile(r"[A-Za-z](?=[0-9])|[0-9](?=[A-Za-z])")
MIN_SWITCHES = 4  # 京A12B34 (a plate) switches three times
# one syllable of pinyin with its tone mark, in ASCII or full-width brackets, after a hanzi
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(rf"(?<=[{HAN}])[(（][a-zü{_TONE}]{{0,5}}[{_TONE}][a-zü{_TONE}]{{0,5}}[)）]")


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        for m in _RUN.finditer(line.text):
            if len(_SWITCH.findall(m.group())) >= MIN_SWITCHES:
                yield Cut(i, m.start(), m.end())
        for m in _PINYIN.finditer(line.text):
            yield Cut(i, m.start(), m.end())
