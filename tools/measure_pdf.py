"""Which PDF library reads our PDFs better: pypdfium2 or pdfminer.six (issue 16).

    python tools/measure_pdf.py

Both extract the characters of every test PDF (``tests/fixtures/formats/pdf``) with
their positions; the same layout step (:mod:`pipeline.decode.pdf_layout`) and the rest
of the pipeline then run on either, and the shared scorer compares the result with
the key.  Printed per library: content P/R, headings F1, titles, paragraph F1 and the
seconds spent extracting.  pdfminer.six is a dev dependency, used only here.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scoring
from format_eval import cases
from scoring import load_scorer

from pipeline.decode.pdf_layout import Glyph, layout


def pdfminer_pages(data: bytes) -> tuple[float, list[list[Glyph]]]:
    import io

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTPage

    pages: list[list[Glyph]] = []
    width = 0.0

    def walk(obj: Any, out: list[Glyph]) -> None:
        if isinstance(obj, LTChar):
            bold = "bold" in obj.fontname.lower() or "hei" in obj.fontname.lower()
            out.append(Glyph(obj.get_text(), obj.x0, obj.x1, obj.y0 + obj.size * 0.12, obj.size, bold))
            return
        for child in getattr(obj, "_objs", ()) or ():
            walk(child, out)

    for page in extract_pages(io.BytesIO(data), laparams=LAParams(all_texts=True)):
        assert isinstance(page, LTPage)
        width = max(width, page.width)
        glyphs: list[Glyph] = []
        walk(page, glyphs)
        pages.append(glyphs)
    return width, pages


def pdfium_pages(data: bytes) -> tuple[float, list[list[Glyph]]]:
    from pipeline.decode.pdf import glyphs

    read = list(glyphs(data))
    return max((w for w, _ in read), default=0.0), [g for _, g in read]


def main() -> int:
    score = load_scorer()
    from pipeline.core import Options, trace
    from pipeline.decode import pdf as pdf_reader
    from pipeline.model import to_dict

    for name, extract in (("pypdfium2", pdfium_pages), ("pdfminer.six", pdfminer_pages)):
        spent = 0.0

        def predict(path: Path, extract: Any = extract) -> tuple[dict[str, Any] | None, str]:
            nonlocal spent
            t0 = time.perf_counter()
            width, pages = extract(path.read_bytes())
            spent += time.perf_counter() - t0
            reading = pdf_reader.from_layout(layout(pages, width))
            original = pdf_reader.read
            pdf_reader.read = lambda data: reading  # the same pipeline after extraction
            try:
                return to_dict(trace(path.read_bytes(), path.name, Options()).doc), ""
            finally:
                pdf_reader.read = original

        res = scoring.evaluate(score, cases("pdf"), predict)
        t = res["totals"]
        print(
            f"{name:<13} content P {t['content_p']:.3f} R {t['content_r']:.3f}  headings F1 {t['head_f1']:.3f}"
            f"  titles {t['title_acc']:.3f}  paragraphs F1 {t['para_f1']:.3f}  extraction {spent:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
