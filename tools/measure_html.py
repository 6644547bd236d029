"""Measure HTML article extraction on the fixture pages: ours, and the anchors if installed.

For each ``tests/fixtures/html/NAME.html`` with its ``NAME.expected.txt`` (the article's
text) this prints, per extractor:

* **recall** — share of the article's characters found, in order, in the output;
* **chrome dropped** — share of the page's other visible characters *not* in the output.

Characters are compared after NFKC and with everything but letters and digits removed,
matched in order with difflib (so line splitting does not matter).  The page's visible
characters are what :func:`pipeline.decode.decode` keeps plus what it records as removed
(the accounting invariant, checked in ``tests/test_html.py``).

trafilatura and jusText are not project dependencies.  To compare with them, install
them into a throw-away environment and run this script there::

    python3 -m venv /tmp/mvenv
    /tmp/mvenv/bin/pip install beautifulsoup4 trafilatura justext lxml_html_clean
    PYTHONPATH=. /tmp/mvenv/bin/python tools/measure_html.py

jusText has no Chinese stop-list (it splits words on spaces), so it runs with an empty
one and both stop-word thresholds at 0: paragraphs are judged by length and link
density only, the usual way to run it on Chinese.  Its length thresholds (70/200
characters, tuned for alphabetic text, under which no paragraph of these pages is
"good") are scaled to Chinese, where a character carries about a word: 25/70.
"""

from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.decode import decode

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "html"
_LETTER = re.compile(r"[^\W_]")
_JUSTEXT_LENGTH_LOW = 25
_JUSTEXT_LENGTH_HIGH = 70


def fold(text: str) -> str:
    """Letters and digits only, NFKC: what is compared."""
    return "".join(_LETTER.findall(unicodedata.normalize("NFKC", text)))


def matched(expected: str, output: str) -> int:
    """Characters of ``expected`` found in order in ``output``."""
    sm = difflib.SequenceMatcher(None, expected, output, autojunk=False)
    return sum(block.size for block in sm.get_matching_blocks())


def ours(data: bytes, name: str) -> str:
    return decode(data, filename=name).text


def extractors() -> dict[str, Callable[[bytes, str], str]]:
    found: dict[str, Callable[[bytes, str], str]] = {"gongwen": ours}
    try:
        import trafilatura  # type: ignore[import-not-found]

        def run_trafilatura(data: bytes, name: str) -> str:
            text = decode(data, filename=name)  # only for the encoding
            return trafilatura.extract(data.decode(text.encoding), include_comments=False) or ""

        found["trafilatura"] = run_trafilatura
    except ImportError:
        pass
    try:
        import justext  # type: ignore[import-not-found]

        def run_justext(data: bytes, name: str) -> str:
            enc = decode(data, filename=name).encoding
            paragraphs = justext.justext(
                data,
                frozenset(),
                stopwords_low=0,
                stopwords_high=0,
                length_low=_JUSTEXT_LENGTH_LOW,
                length_high=_JUSTEXT_LENGTH_HIGH,
                encoding=enc,
            )
            return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

        found["justext"] = run_justext
    except ImportError:
        pass
    return found


def main() -> None:
    runs = extractors()
    totals = {name: [0, 0, 0, 0] for name in runs}  # matched, expected, chrome kept, chrome total
    print(f"{'page':28} " + "  ".join(f"{n:>24}" for n in runs))
    for page in sorted(FIXTURES.glob("*.html")):
        data = page.read_bytes()
        expected = fold(page.with_suffix(".expected.txt").read_text(encoding="utf-8"))
        decoded = decode(data, filename=page.name)
        visible = len(fold(decoded.text)) + sum(len(fold(r.text)) for r in decoded.removed)
        chrome_total = visible - len(expected)
        cells = []
        for name, run in runs.items():
            out = fold(run(data, page.name))
            hit = matched(expected, out)
            kept = len(out) - hit
            t = totals[name]
            t[0] += hit
            t[1] += len(expected)
            t[2] += kept
            t[3] += chrome_total
            dropped = 1 - kept / chrome_total if chrome_total else 1.0
            cells.append(f"R {hit / len(expected):.3f} C {dropped:6.1%}")
        print(f"{page.stem:28} " + "  ".join(f"{c:>24}" for c in cells))
    print(
        f"{'ALL (chars pooled)':28} "
        + "  ".join(f"{f'R {t[0] / t[1]:.3f} C {1 - t[2] / t[3]:6.1%}':>24}" for t in totals.values())
    )


if __name__ == "__main__":
    main()
