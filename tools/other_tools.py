"""`gongwen check` on DOCX files that other tools make of the same document, beside ours.

    python tools/other_tools.py [--gongwen-skill PATH] [--readme README.md]

One short 通知 (title, 主送, four heading levels, body, 署名 and 成文日期) is written as
plain text for us and as Markdown for the others, then converted by

* **ours**: ``gongwen convert notice.txt --to docx``;
* **pandoc** with our DOCX as ``--reference-doc`` (how a pandoc user gets 公文 styles):
  ``pandoc notice.md --reference-doc ours.docx -o pandoc.docx`` (Debian's ``pandoc``);
* **gongwen-skill** (PyPI, installed in a virtualenv of its own, whose ``gongwen`` command
  is passed as ``--gongwen-skill``): ``gongwen md2docx notice.md --recipients … --signer …
  --date … --no-ai-declaration``;

and every DOCX is checked with ``gongwen check`` (LibreOffice render included).  Prints
the counts and the findings, and with ``--readme`` writes them between
``<!-- others:start -->`` and ``<!-- others:end -->``.  A tool that is not installed is
left out with a line saying so.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.check import Report, check_files, finding_line  # noqa: E402 - after the path line

TITLE = "XX县人民政府关于做好2024年防汛工作的通知"
RECIPIENTS = "各乡镇人民政府，县政府各部门："
SIGNER, DATE = "XX县人民政府", "2024年3月5日"
BODY = [
    ("一、", "总体要求", 1),
    (
        "",
        "各地各部门要坚持人民至上、生命至上，立足于防大汛、抗大旱、抢大险，全面做好今年防汛各项工作，确保人民群众生命财产安全。",
        0,
    ),
    ("（一）", "压实防汛责任", 2),
    (
        "",
        "各乡镇要落实以行政首长负责制为核心的防汛责任制，明确每一座水库、每一段堤防的责任人，做到责任到人、措施到位。",
        0,
    ),
    ("1.", "开展隐患排查", 3),
    (
        "",
        "汛前要对辖区内水库、河道、山塘、地质灾害隐患点开展拉网式排查，发现问题立即整改，一时难以整改的要落实度汛措施。",
        0,
    ),
    ("（1）", "做好物资储备", 4),
    ("", "县应急管理局要会同有关部门，按照分级负责的原则储备防汛物资，确保关键时刻调得出、用得上。", 0),
    ("二、", "工作要求", 1),
    ("", "各地各部门要严格执行汛期值班制度，加强信息报送，重要情况及时报告县防汛抗旱指挥部办公室。", 0),
]


def plain_text() -> str:
    lines = [TITLE, RECIPIENTS]
    lines += [number + text for number, text, _ in BODY]
    return "\n".join([*lines, SIGNER, DATE]) + "\n"


def markdown(heading_shift: int = 1) -> str:
    """The notice as Markdown: ``# title`` then ``##`` for 一、 (gongwen-skill's form), or
    with ``heading_shift`` 0 the headings from ``#`` (pandoc's, the title in metadata)."""
    lines = [f"# {TITLE}", ""] if heading_shift else []
    for number, text, level in BODY:
        lines += [("#" * (level + heading_shift) + " " if level else "") + number + text, ""]
    return "\n".join(lines)


def ours(work: Path) -> Path:
    src = work / "notice.txt"
    src.write_text(plain_text(), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pipeline", "convert", str(src), "-o", str(work), "--to", "docx", "-q"],
        check=True,
    )
    return work / "notice.docx"


def pandoc(work: Path, reference: Path) -> Path | None:
    if shutil.which("pandoc") is None:
        return None
    md = work / "notice.md"
    front = f"---\ntitle: {TITLE}\n---\n\n{RECIPIENTS}\n\n"
    md.write_text(front + markdown(heading_shift=0) + f"\n{SIGNER}\n\n{DATE}\n", encoding="utf-8")
    out = work / "pandoc.docx"
    subprocess.run(["pandoc", str(md), "--reference-doc", str(reference), "-o", str(out)], check=True)
    return out


def gongwen_skill(work: Path, command: str | None) -> Path | None:
    if not command or not Path(command).exists():
        return None
    md = work / "skill.md"
    md.write_text(markdown(), encoding="utf-8")
    out = work / "gongwen-skill.docx"
    subprocess.run(
        [
            *(command, "md2docx", str(md), "-o", str(out), "--recipients", RECIPIENTS.rstrip("：")),
            *("--signer", SIGNER, "--date", DATE, "--no-ai-declaration"),
        ],
        check=True,
        capture_output=True,
    )
    return out


def table(results: list[tuple[str, str, Report | None]]) -> str:
    lines = [
        "The same short 通知 (title, 主送, headings of four levels, body, 署名 and 成文日期) made by each "
        "tool that runs here, checked by `gongwen check` with the LibreOffice render (`python tools/other_tools.py`):",
        "",
        "| tool | how | standard | practice | pages |",
        "|---|---|---:|---:|---:|",
    ]
    for tool, how, r in results:
        if r is None:
            lines.append(f"| {tool} | {how} | not installed here | | |")
        else:
            lines.append(f"| {tool} | {how} | {r.count('standard')} | {r.count('practice')} | {r.pages} |")
    for tool, _, r in results:
        if r is None:
            continue
        lines += ["", f"**{tool}**:", "", "```"]
        lines += [finding_line(f) for f in r.findings] or ["(no finding)"]
        lines += [f"note: {n}" for n in r.notes]
        lines.append("```")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--gongwen-skill", help="the `gongwen` command of a gongwen-skill install")
    ap.add_argument("--readme", type=Path)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        mine = ours(work)
        made = [
            ("gongwen (ours)", "`gongwen convert notice.txt --to docx`", mine),
            (
                "pandoc 2.17",
                "`pandoc notice.md --reference-doc ours.docx` (title in the metadata)",
                pandoc(work, mine),
            ),
            (
                "gongwen-skill 2.15",
                "`gongwen md2docx notice.md --recipients … --signer … --date …`",
                gongwen_skill(work, a.gongwen_skill),
            ),
        ]
        present = [(t, h, p) for t, h, p in made if p is not None]
        reports = check_files([(p.name, p.read_bytes()) for _, _, p in present])
        by_tool: dict[str, Report | None] = {}
        for (tool, _, _), r in zip(present, reports, strict=True):
            by_tool[tool] = r if isinstance(r, Report) else None
        results = [(t, h, by_tool.get(t)) for t, h, _ in made]
    text = table(results)
    print(text)
    if a.readme:
        readme = a.readme.read_text(encoding="utf-8")
        block = f"<!-- others:start -->\n{text}\n<!-- others:end -->"
        readme, n = re.subn(
            r"<!-- others:start -->.*?<!-- others:end -->", lambda _: block, readme, flags=re.S
        )
        if n == 0:
            raise SystemExit("README has no <!-- others:start --> … <!-- others:end --> markers")
        a.readme.write_text(readme, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
