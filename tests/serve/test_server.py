"""``gongwen serve`` as a user starts it (the CLI under uvicorn, its own process), over
real HTTP: the token, the caps and malformed requests, and nothing left on its disk."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid

import pytest
from support import SEEDS

from .conftest import start_server, stop_server
from .test_app import left_on_disk

pytestmark = pytest.mark.slow  # a real server process (and chromium)

TOKEN = "a-token-for-the-test"
SEED_000 = (SEEDS / "000_9a153adfeeef4269.txt").read_bytes()


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    s = start_server(tmp_path_factory.mktemp("guarded"), "--token", TOKEN, "--max-bytes", "100000")
    yield s
    stop_server(s)
    assert "Traceback" not in s.log.read_text()


def request(url, data=None, headers=None, method=None):
    """(status, body) of one request; errors are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        with e:
            return e.code, e.read()


def multipart(files, fields=None):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in (fields or {}).items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for filename, data in files:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'
        parts.append(head.encode() + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, {"content-type": f"multipart/form-data; boundary={boundary}"}


def test_requests_get_the_right_status_and_leave_nothing_on_disk(guarded):
    ok = {"x-gongwen-token": TOKEN}
    body, headers = multipart([("a.txt", SEED_000)])
    # a wrong token, then none
    assert request(guarded.url + "/convert", body, {**headers, "x-gongwen-token": "wrong"})[0] == 403
    assert request(guarded.url + "/", None, {})[0] == 403
    # the token works
    status, page = request(guarded.url + "/convert", body, {**headers, **ok})
    assert status == 200
    assert "关于增强群众组织力" in page.decode()
    # an oversize upload
    big, big_headers = multipart([("big.txt", b"x" * 150_000)])
    status, text = request(guarded.url + "/convert", big, {**big_headers, **ok})
    assert status == 413
    assert text.decode().startswith("error: the upload is")
    # a path-like file name
    odd, odd_headers = multipart([("../../../../../tmp/gongwen-escape.txt", SEED_000)])
    status, page = request(guarded.url + "/convert", odd, {**odd_headers, **ok})
    assert status == 200
    assert '<h2 class="name">gongwen-escape.txt</h2>' in page.decode()
    # a malformed form, a malformed edit list
    assert (
        request(
            guarded.url + "/convert",
            b"--x\r\nnonsense",
            {"content-type": "multipart/form-data; boundary=y", **ok},
        )[0]
        == 400
    )
    assert (
        request(
            guarded.url + "/b/none/0/edits",
            json.dumps({"edits": 3}).encode(),
            {"content-type": "application/json", **ok},
        )[0]
        == 404
    )
    # nothing reached the server's temporary folder, nor the path the name pointed at
    assert left_on_disk(guarded.tmp) == []
    assert not (guarded.tmp.parent / "gongwen-escape.txt").exists()


def test_the_printed_address_carries_the_token(guarded):
    log = guarded.log.read_text()
    assert f"/?token={TOKEN}" in log


def test_a_port_in_use_is_one_error_line(guarded, tmp_path):
    import subprocess
    import sys

    port = guarded.url.rsplit(":", 1)[1]
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "serve", "--port", port],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port} (")
    assert result.stderr.count("\n") == 1
