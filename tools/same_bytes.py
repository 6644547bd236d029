"""Same input, same bytes: digests of every output of a fixed set of inputs (issue 20).

    python tools/same_bytes.py record FILE.json     # render the set, write the digests
    python tools/same_bytes.py compare FILE.json    # render the set, list what differs

The set is every kind of input the project keeps (the seeds, the two examples of
docs/examples — one with its --meta file —, the genre and held-out corpora, the
Markdown, Word and PDF readers' fixtures and the HTML pages), converted by the CLI as a
user runs it, ``--to all``, plus the seeds again with ``--docx-for libreoffice`` and the
通知 with ``--seal``.  A speed change must not change a byte of any of them: run
``record`` on the commit before it and ``compare`` after.  ``tests/render/
test_same_bytes.py`` checks the same thing for a smaller set on every test run, against
digests committed in ``tests/golden/render-digests.json``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GONGWEN = [sys.executable, "-m", "pipeline", "convert"]

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


def digests() -> dict[str, str]:
    """``case/output name`` → sha256 of the output's bytes, for every case."""
    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="gongwen-same-") as tmp:
        for label, args in CASES:
            folder = Path(tmp) / label
            proc = subprocess.run(
                [*GONGWEN, *args, "-o", str(folder), "--to", "all", "-q", "-j", "2"],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            if proc.returncode not in (0, 1):  # 1: some fixture inputs are refused on purpose
                raise SystemExit(f"same_bytes: {label} failed ({proc.returncode}):\n{proc.stderr}")
            for f in sorted(folder.iterdir()):
                out[f"{label}/{f.name}"] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("record", "compare"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    path = Path(argv[1])
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
