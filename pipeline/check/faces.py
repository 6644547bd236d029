"""Which kind of face (仿宋, 楷体, 黑体, 小标宋, 宋体) a font name belongs to.

GB/T 9704 names font *kinds*, not files (``gbt9704.md`` §3): any 仿宋 passes where the
standard asks for 仿宋.  This is the one vocabulary of font names the checker knows —
the official Windows/WPS names, their Founder/SinoType/Adobe cousins, and the free
substitutes of ``../shared/fonts.md`` that LibreOffice or our PDF draw with.  Each
role's wanted kind is the kind of its face in :mod:`pipeline.render.style`
(:func:`wanted_kind`).

>>> face_kind("仿宋_GB2312"), face_kind("FandolFang-Regular"), face_kind("NotoSerifCJKsc-Bold")
('仿宋', '仿宋', '小标宋')
>>> face_kind("Times New Roman") is None
True
"""

from __future__ import annotations

import re

from pipeline.render import style

# Checked in order: 小标宋 before 宋体 ("方正小标宋简体" contains 宋), the heavy weights of a
# Song/Serif family before its regular weight (our 小标宋 substitute is Noto Serif CJK Bold).
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("小标宋", re.compile(r"小标宋|xiaobiaosong|\bxbs|fzxbs|中宋|zhongsong", re.I)),
    ("仿宋", re.compile(r"仿宋|fangsong|fang ?song|fandolfang|\bfs_gb|fzfs", re.I)),
    ("楷体", re.compile(r"楷|kaiti|\bkai\b|ukai|fandolkai|wenkai|stkaiti|fzkai", re.I)),
    (
        "黑体",
        re.compile(
            r"黑体|simhei|\bhei\b|heiti|fandolhei|sans ?cjk|sans ?sc|source ?han ?sans|思源黑|wenquanyi|"
            r"wqy|zen ?hei|micro ?hei|fzhei",
            re.I,
        ),
    ),
    (
        "小标宋",  # a heavy serif CJK face standing in for 小标宋 (fonts.md §1)
        re.compile(
            r"(serif ?cjk|serif ?sc|source ?han ?serif|思源宋|fandolsong|song).*(bold|heavy|black)", re.I
        ),
    ),
    (
        "宋体",
        re.compile(
            r"宋|simsun|songti|\bsong\b|fandolsong|serif ?cjk|serif ?sc|source ?han ?serif|ming|stsong|"
            r"hanamin",
            re.I,
        ),
    ),
)

_KIND_OF_FACE: dict[style.Face, str] = {
    style.FANGSONG: "仿宋",
    style.XIAOBIAOSONG: "小标宋",
    style.HEITI: "黑体",
    style.KAITI: "楷体",
    style.SONGTI: "宋体",
    style.PAGE_NUMBER_FACE: "宋体",  # 宋体 with its own digits (STD 7.5)
}


def face_kind(name: str) -> str | None:
    """The kind of face a font name (DOCX ``w:rFonts`` value or a PDF base font name,
    subset prefix and all) belongs to, or None for a Latin or unknown font."""
    name = re.sub(r"^[A-Z]{6}\+", "", name)
    for kind, pattern in _KINDS:
        if pattern.search(name):
            return kind
    return None


def wanted_kind(face: style.Face) -> str:
    """The kind of a face of the layout table.

    >>> wanted_kind(style.HEADINGS[1].face), wanted_kind(style.BODY.face)
    ('黑体', '仿宋')
    """
    return _KIND_OF_FACE[face]
