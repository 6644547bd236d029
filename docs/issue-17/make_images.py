"""Before/after page images of the defects issue 17 fixed (docs/issue-17/*.png).

    python docs/issue-17/make_images.py BEFORE_CHECKOUT [NAME ...]

BEFORE_CHECKOUT is a tree of the code before the fix (``git archive main | tar -x``); this
checkout is "after".  Each case is one small article rendered to PDF by both trees and
cropped to the part of the page that shows the defect, at 100 dpi (NAME: only those cases).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
AFTER = HERE.parents[1]

CASES = {
    # name: (python expression building the Article, crop top and height in mm, page or
    # (page before, page after))
    "title-split": (
        "Article('XX县关于做好2024年度防汛抗旱工作的紧急通知', '', (Paragraph('各乡镇人民政府，县政府各部门：'),))",
        (30, 45),
        1,
    ),
    "title-organ": (
        "Article('中共中央办公厅国务院办公厅印发〈关于全面推进政务公开工作的意见〉的通知', '', (Paragraph('各地区各部门：'),))",
        (30, 45),
        1,
    ),
    "title-comma": (
        "Article('关于增强群众组织力，走好新时代党的群众路线调研报告', '——学习贯彻会议精神心得体会', (Paragraph('正文。'),))",
        (30, 55),
        1,
    ),
    "numbers": (
        "Article('', '', tuple(Paragraph('某' * n + '同比增长2.96%，总额3.14159亿元，共1,286个项目，历时55天完成。') for n in range(20, 27)))",
        (34, 120),
        1,
    ),
    "tab-and-latin": (
        "Article('', '', (Paragraph('姓名\\t张三\\t职务\\t科员'), Paragraph('2024年全县GDP增长5.2%，完成ISO 9001认证，投资100万元。')))",
        (34, 40),
        1,
    ),
    # issue 17 part 2
    "orphan": (
        "Article('', '', (Paragraph('各级党组织，要坚持路线，密切联系群众，做好新时代、群众。'), Paragraph('下一段。')))",
        (34, 30),
        1,
    ),
    "page-fit": (
        "Article('', '', tuple(Paragraph('为进一步做好群众工作，' * 4 + '第' + str(i) + '段') for i in range(11))"
        " + (Paragraph('最后一行。'),))",
        (0, 297),
        (2, 1),
    ),
    "kaiti-dash": (
        "Article('关于做好群众工作的通知', '——学习贯彻会议精神心得体会', (Paragraph('正文。'),))",
        (50, 25),
        1,
    ),
    "rare-chars": (
        "Article('', '', (Paragraph('设臵机构，忥然不动，翀举高飞，均为生僻字。'),))",
        (34, 15),
        1,
    ),
}


def render(tree: Path, expr: str, out: Path) -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from pipeline.model import Article, Paragraph, Heading;"
        "from pipeline.render import pdf;"
        f"open(sys.argv[2], 'wb').write(pdf.render({expr}))"
    )
    subprocess.run([sys.executable, "-c", code, str(tree), str(out)], check=True)


def crop(pdf: Path, png: Path, top_mm: float, height_mm: float, page: int) -> None:
    px = 100 / 25.4
    subprocess.run(
        [
            *(
                "pdftoppm",
                "-png",
                "-mono" if height_mm > 200 else "-gray",
                "-r",
                "100",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
            ),
            *("-x", str(round(20 * px)), "-y", str(round(top_mm * px))),
            *("-W", str(round(172 * px)), "-H", str(round(height_mm * px))),
            str(pdf),
            str(png.with_suffix("")),
        ],
        check=True,
    )


def main() -> int:
    before = Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        only = set(sys.argv[2:])
        for name, (expr, (top, height), page) in CASES.items():
            if only and name not in only:
                continue
            pages = page if isinstance(page, tuple) else (page, page)
            for label, tree, on in (("before", before, pages[0]), ("after", AFTER, pages[1])):
                pdf = Path(tmp) / f"{name}-{label}.pdf"
                render(tree, expr, pdf)
                crop(pdf, HERE / f"{name}-{label}.png", top, height, on)
    return 0


if __name__ == "__main__":
    sys.exit(main())
