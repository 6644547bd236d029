"""file-name: a document's file name copied along with it ("…述职报告.doc").

What it removes: a line that is only a file name with a document extension
(.doc .docx .wps .pdf .txt .ppt .pptx .xls .xlsx), optionally followed by a page count
("… .doc 5页") — the download link of a document site or an attachment link.
Why: 文库-style sites print the uploaded file's name above the preview and list other
files below it.
Example: "2023年度抓基层党建工作述职报告.doc" → removed (the title line after it stays).
Leaves alone: sentences that mention a file ("请将材料以.docx格式报送。") — a file name line
has no sentence punctuation and ends with its extension — and the items of a 附件说明
("附件：1.国际会议申报须知.doc" and the numbered names under it), which are the document's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.elements import attachment_item, attachment_line
from pipeline.text.lines import Line

REASON = "file-name"

_FILE = re.compile(
    r"^[^\s。，；！？]{2,80}\.(?:docx?|wps|pdf|txt|pptx?|xlsx?|et|dps)(?:\s*\d{1,4}\s*页)?$", re.I
)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    in_attachments = False  # under a 附件说明: its items are the document's, names and all
    for i, line in enumerate(lines):
        text = line.text.strip().replace("\u3000", "")
        if attachment_line(text) is not None:
            in_attachments = True
            continue
        if in_attachments and attachment_item(text) is not None:
            continue
        in_attachments = False
        if _FILE.match(text):
            yield Cut(i)
