"""The screenshots of the web page in docs/ (README, "The web page"): a real ``gongwen
serve`` and Debian's chromium, as the end-to-end tests drive them.

    python tools/screenshots.py [--out docs]

Writes serve-input.png (the empty page with a text pasted), serve-result.png (a saved
government page converted: the removed page chrome struck through with its reasons,
the outline, the previews) and serve-correction.png (a heading the pipeline removed as
"related links", restored with a click and made a level-1 heading again).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from serve.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402  (the tests' own browser set-up)
from serve.test_browser import NOTICE, WRONGLY_REMOVED  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    args = ap.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "serve", "--port", str(port)],
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(url, timeout=5).close()
                break
            except OSError:
                time.sleep(0.1)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": 1360, "height": 860})
            loaded = "() => [...document.querySelectorAll('.page img')].slice(0, 1).every(i => i.complete && i.naturalWidth > 0)"

            page.goto(url)
            page.fill("#text", NOTICE)
            page.screenshot(path=str(args.out / "serve-input.png"))

            page.goto(url)
            html = ROOT / "tests" / "fixtures" / "html" / "gov_notice_html5.html"
            page.set_input_files("#files", str(html))
            page.click("#go")
            page.wait_for_selector("#result-body")
            page.wait_for_function(loaded)
            page.locator(".toolbar").scroll_into_view_if_needed()
            page.evaluate("window.scrollTo(0, document.querySelector('.toolbar').offsetTop - 8)")
            page.screenshot(path=str(args.out / "serve-result.png"))

            page.goto(url)
            page.fill("#text", NOTICE)
            page.click("#go")
            page.wait_for_selector("#result-body")
            page.locator(".row.removal", has_text=WRONGLY_REMOVED).click()
            row = page.locator(".row.block", has_text=WRONGLY_REMOVED)
            row.wait_for()
            row.click()
            row.locator("select[data-act=level]").select_option("1")
            page.wait_for_selector(f".outline .o-level-1:has-text('{WRONGLY_REMOVED}')")
            page.wait_for_function(loaded)
            page.evaluate("window.scrollTo(0, document.querySelector('.toolbar').offsetTop - 8)")
            page.locator(".row.block", has_text=WRONGLY_REMOVED).hover()
            page.screenshot(path=str(args.out / "serve-correction.png"))
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(10)
    from PIL import Image

    for name in ("serve-input.png", "serve-result.png", "serve-correction.png"):
        path = args.out / name
        with Image.open(path) as im:  # 256 colours: a third of the size, the same to the eye
            small = im.convert("RGB").quantize(256)
        small.save(path, optimize=True)
        print(f"{args.out / name}: {(args.out / name).stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
