"""Same input, same bytes: digests of every output of a fixed set of inputs (issue 20).

    python tools/same_bytes.py record FILE.json     # render the set, write the digests
    python tools/same_bytes.py compare FILE.json    # render the set, list what differs
    python tools/same_bytes.py pages SRC            # every PDF against SRC's renderer: pages and text
    python tools/same_bytes.py golden               # rewrite tests/golden/render-digests.json

The set is every kind of input the project keeps (the seeds, the two examples of
docs/examples — one with its --meta file —, the genre and held-out corpora, the
Markdown, Word and PDF readers' fixtures and the HTML pages), converted by the CLI as a
user runs it, ``--to all``, plus the seeds again with ``--docx-for libreoffice`` and the
通知 with ``--seal``.  A speed change must not change a byte of any of them: run
``record`` on the commit before it and ``compare`` after.  ``tests/render/
test_same_bytes.py`` checks the same thing for a smaller set on every test run, against
digests committed in ``tests/golden/render-digests.json`` (``golden`` rewrites them, as
``make golden`` does the doc-trees: only on purpose, and the diff reviewed).

``pages SRC`` is for a change that means to alter the PDF's bytes but not what it shows
(a new writer, a compression level): every input of the set converted by the source tree
``SRC`` (a checkout of the commit before, run with ``PYTHONPATH=SRC``) and by this one,
and every PDF pair compared as poppler sees it — the page count, ``pdftotext -layout``
and every page rasterised at 100 dpi, pixel for pixel.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GONGWEN = [sys.executable, "-m", "pipeline", "convert"]
GOLDEN = ROOT / "tests" / "golden" / "render-digests.json"

# (label, CLI arguments after `convert`, the output folder given by -o appended)
CASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("seeds", ("seeds",)),
    ("seeds-lo", ("seeds", "--docx-for", "libreoffice")),
    ("gongbao", ("docs/examples/gongbao.txt",)),
    ("tongzhi", ("docs/examples/tongzhi.txt", "--meta", "docs/examples/tongzhi.toml")),
    ("tongzhi-seal", ("docs/examples/tongzhi.txt", "--meta", "docs/examples/tongzhi.toml", "--seal")),
    ("genre", ("tests/fixtures/genre",)),
    ("heldout", ("tests/fixtures/heldout",)),
    ("markdown", ("tests/fixtures/formats/markdown",)),
    ("docx", ("tests/fixtures/formats/docx",)),
    ("pdf", ("tests/fixtures/formats/pdf",)),
    ("html", ("tests/fixtures/html",)),
)


def render_all(
    target: Path,
    src: Path | None = None,
    to: str = "all",
    cases: tuple[tuple[str, tuple[str, ...]], ...] = CASES,
) -> list[Path]:
    """Every case converted into ``target/<case>/`` (by the tree ``src`` when given)."""
    env = dict(os.environ, PYTHONPATH=str(src)) if src else None
    for label, args in cases:
        folder = target / label
        proc = subprocess.run(
            [*GONGWEN, *args, "-o", str(folder), "--to", to, "-q", "-j", "2"],
            cwd=src or ROOT,  # `python -m pipeline` imports from the working folder first
            capture_output=True,
            text=True,
            env=env,
        )
        if proc.returncode not in (0, 1):  # 1: some fixture inputs are refused on purpose
            raise SystemExit(f"same_bytes: {label} failed ({proc.returncode}):\n{proc.stderr}")
    return sorted(p for p in target.rglob("*") if p.is_file())


def digests(cases: tuple[tuple[str, tuple[str, ...]], ...] = CASES) -> dict[str, str]:
    """``case/output name`` → sha256 of the output's bytes, for every case."""
    with tempfile.TemporaryDirectory(prefix="gongwen-same-") as tmp:
        return {
            str(f.relative_to(tmp)): hashlib.sha256(f.read_bytes()).hexdigest()
            for f in render_all(Path(tmp), cases=cases)
        }


# what the test suite renders on every run (tests/test_same_bytes.py): a few seconds
TEST_CASES = tuple(c for c in CASES if c[0] in ("seeds", "seeds-lo", "gongbao", "tongzhi", "tongzhi-seal"))


def fonts_fingerprint() -> str:
    """A digest of the prepared fonts the PDFs embed: the converted files' bytes and the
    system fonts' names and sizes.  PDF digests hold only where it is the same."""
    from pipeline.render.fonts import font_dir, load_manifest

    h = hashlib.sha256()
    for name, info in sorted(load_manifest(font_dir()).items()):
        h.update(f"{name}:{info.path.name}:{info.path.stat().st_size}:{info.subfont}".encode())
        if info.path.parent == font_dir():
            h.update(hashlib.sha256(info.path.read_bytes()).digest())
    return h.hexdigest()


def _seen(pdf: Path, work: Path) -> tuple[str, list[bytes]]:
    """What poppler shows of ``pdf``: its text laid out, and every page as a 100 dpi image."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    subprocess.run(["pdftoppm", "-r", "100", "-gray", str(pdf), str(work / "p")], check=True)
    return text.decode("utf-8", "replace"), [p.read_bytes() for p in sorted(work.iterdir())]


def pages(src: Path) -> int:
    """Compare every PDF of the set as ``src`` renders it and as this tree does."""
    with tempfile.TemporaryDirectory(prefix="gongwen-pages-") as tmp:
        before = render_all(Path(tmp) / "before", src, "pdf")
        render_all(Path(tmp) / "after", None, "pdf")
        same = differ = 0
        n_pages = 0
        for old in before:
            rel = old.relative_to(Path(tmp) / "before")
            new = Path(tmp) / "after" / rel
            a = _seen(old, Path(tmp) / "ra")
            b = _seen(new, Path(tmp) / "rb") if new.exists() else ("", [])
            n_pages += len(a[1])
            if a == b:
                same += 1
            else:
                differ += 1
                what = "text" if a[0] != b[0] else f"pages {len(a[1])} → {len(b[1])}"
                if a[0] == b[0] and len(a[1]) == len(b[1]):
                    what = "page images " + ", ".join(
                        str(i + 1) for i, (x, y) in enumerate(zip(*[a[1], b[1]], strict=True)) if x != y
                    )
                print(f"  differs: {rel} ({what})")
        print(f"pdf: {same} of {same + differ} show the same ({n_pages} pages: text and 100 dpi images)")
        return 1 if differ else 0


def main(argv: list[str]) -> int:
    if argv == ["golden"]:
        GOLDEN.write_text(
            json.dumps(
                {"fonts": fonts_fingerprint(), "digests": digests(TEST_CASES)}, indent=1, sort_keys=True
            )
            + "\n",
            "utf-8",
        )
        print(f"same_bytes: {GOLDEN} written — review `git diff` before committing it", file=sys.stderr)
        return 0
    if len(argv) != 2 or argv[0] not in ("record", "compare", "pages"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    path = Path(argv[1])
    if argv[0] == "pages":
        return pages(path)
    now = digests()
    if argv[0] == "record":
        path.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"same_bytes: {len(now)} outputs recorded in {path}", file=sys.stderr)
        return 0
    before: dict[str, str] = json.loads(path.read_text("utf-8"))
    kinds: dict[str, list[int]] = {}
    differ = []
    for name in sorted(before.keys() | now.keys()):
        ext = name.rsplit(".", 1)[-1]
        tally = kinds.setdefault(ext, [0, 0])
        tally[1] += 1
        if before.get(name) == now.get(name):
            tally[0] += 1
        else:
            differ.append(name)
    for ext, (same, total) in sorted(kinds.items()):
        print(f"{ext}: {same} of {total} byte-identical")
    for name in differ:
        print(f"  differs: {name}" if name in before and name in now else f"  only one side: {name}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
