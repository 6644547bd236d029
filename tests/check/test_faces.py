"""Font names → kinds of face."""

from __future__ import annotations

import pytest

from pipeline.check.faces import face_kind, wanted_kind
from pipeline.render import style


@pytest.mark.parametrize("face", [style.FANGSONG, style.XIAOBIAOSONG, style.HEITI, style.KAITI, style.SONGTI])
def test_every_face_of_the_layout_table_is_its_own_kind(face):
    assert face_kind(face.official) == wanted_kind(face)
    assert face_kind(face.pdf) == wanted_kind(face)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("仿宋", "仿宋"),
        ("FangSong", "仿宋"),
        ("BAAAAA+FandolFang-Regular", "仿宋"),
        ("KaiTi", "楷体"),
        ("UKaiCN", "楷体"),
        ("SimHei", "黑体"),
        ("NotoSansCJKjp-Regular-VKana", "黑体"),
        ("方正小标宋_GBK", "小标宋"),
        ("华文中宋", "小标宋"),
        ("NotoSerifCJKjp-Bold-VKana", "小标宋"),
        ("SimSun", "宋体"),
        ("NotoSerifCJKsc-Regular", "宋体"),
        ("Times New Roman", None),
        ("等线", None),
        ("Calibri", None),
    ],
    ids=lambda v: str(v),
)
def test_vendor_and_substitute_names(name, kind):
    assert face_kind(name) == kind
