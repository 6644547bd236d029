"""Compare our PDF with the DOCX as LibreOffice lays it out, document by document.

    python tools/compare_layout.py [SEED ...]     (default: every file in seeds/)

For every article of every input: our PDF (reportlab) and our DOCX for LibreOffice
(``--docx-for libreoffice``: the no-hanging flag the way it reads it, and what it needs to
break lines where the PDF does; see ``pipeline/render/docx.py``) converted to PDF by
LibreOffice headless.  Prints per document the
page counts and the share of body lines that break at the same place (lines compared as
text, page numbers left out), then the totals.  Needs ``soffice`` and ``pdftotext``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.core import convert  # noqa: E402 - after the path line above
from pipeline.render import docx as render_docx  # noqa: E402
from pipeline.render import pdf as render_pdf  # noqa: E402


def pages(pdf: Path) -> list[list[str]]:
    """Body lines of each page (whitespace removed; the page-number line dropped)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    out = []
    for page in text.split("\f"):
        lines = ["".join(ln.split()) for ln in page.splitlines()]
        lines = [ln for ln in lines if ln and not (ln.startswith("—") and ln.endswith("—"))]
        out.append(lines)
    while out and not out[-1]:
        out.pop()
    return out


def compare(seeds: list[Path]) -> list[tuple[str, int, int, int, int]]:
    """(document, our pages, LibreOffice's pages, lines breaking alike, our lines) per article."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"
        for seed in seeds:
            doc = convert(seed.read_bytes(), seed.name)
            for n, article in enumerate(doc.documents, 1):
                stem = f"{seed.stem[:3]}-{n:02d}"
                ours = work / f"{stem}-ours.pdf"
                ours.write_bytes(render_pdf.render(article))
                docx = work / f"{stem}.docx"
                docx.write_bytes(render_docx.render(article, reader="libreoffice"))
                subprocess.run(
                    [
                        "soffice",
                        profile,
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        str(work),
                        str(docx),
                    ],
                    capture_output=True,
                    check=True,
                    timeout=180,
                )
                a_pages, b_pages = pages(ours), pages(work / f"{stem}.pdf")
                a_lines = [ln for p in a_pages for ln in p]
                b_lines = {ln for p in b_pages for ln in p}
                agree = sum(1 for ln in a_lines if ln in b_lines)
                rows.append((stem, len(a_pages), len(b_pages), agree, len(a_lines)))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("seeds", nargs="*", type=Path)
    a = ap.parse_args()
    rows = compare(a.seeds or sorted((ROOT / "seeds").glob("*.txt")))
    for stem, ours, lo, agree, total in rows:
        print(f"{stem}  pages ours {ours:>2}  LibreOffice {lo:>2}  same line breaks {agree}/{total}")
    same = sum(1 for r in rows if r[1] == r[2])
    agree, total = sum(r[3] for r in rows), sum(r[4] for r in rows)
    print(
        f"total: {same}/{len(rows)} documents with the same page count; "
        f"{agree}/{total} lines ({agree / max(total, 1):.1%}) break at the same place"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
