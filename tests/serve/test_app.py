"""The web app over HTTP, in process (starlette's TestClient): status codes, the safety
rules of issue 19, and that nothing a request sends reaches the disk."""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile

import pytest
from starlette.testclient import TestClient
from support import FIXTURES, SEEDS

from pipeline.model import from_json
from pipeline.render import render_outputs
from pipeline.serve import app as app_module
from pipeline.serve.app import CSP, ServeConfig, create_app

SEED_000 = (SEEDS / "000_9a153adfeeef4269.txt").read_bytes()
LOCAL = "http://127.0.0.1:8000"


@pytest.fixture
def disk(tmp_path, monkeypatch):
    """The temporary folder every tempfile of this process would use: must stay empty."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert left_on_disk(folder) == []


def left_on_disk(folder):
    """What is in ``folder`` but jieba's dictionary cache: the title splitter (issue 17)
    writes ``jieba.cache`` to the temporary folder once per machine, whatever the input;
    it holds the dictionary, nothing of a request."""
    return sorted(p for p in folder.iterdir() if p.name != "jieba.cache")


def client(**options) -> TestClient:
    config = ServeConfig(**options)
    c = TestClient(create_app(config), base_url=LOCAL, raise_server_exceptions=False)
    c.config = config  # type: ignore[attr-defined]
    return c


@pytest.fixture
def http():
    with client() as c:
        yield c


def upload(c: TestClient, *files: tuple[str, bytes], **fields: str):
    return c.post("/convert", files=[("files", (n, d, "text/plain")) for n, d in files], data=fields)


def base_of(response) -> str:
    return re.search(r'data-base="([^"]+)"', response.text).group(1)


# ---------------------------------------------------------------- the page and its assets


def test_every_response_carries_the_security_headers(http):
    for response in (http.get("/"), http.get("/static/app.js"), http.get("/nowhere"), http.post("/convert")):
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_the_page_loads_nothing_from_elsewhere_and_has_no_inline_script_or_style(http, disk):
    converted = upload(http, ("a.txt", SEED_000))
    pages = [http.get("/").text, converted.text]
    assets = [http.get("/static/app.js").text, http.get("/static/app.css").text]
    for text in pages + assets:
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.IGNORECASE), "an outside address"
    for html in pages:
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), "an inline script"
        assert not re.search(r"\sstyle=|<style|\son[a-z]+=", html), "inline style or an event handler"
    assert "default-src 'none'" in CSP
    assert "unsafe-inline" not in CSP


def test_static_names_outside_the_two_assets_are_not_found(http):
    assert http.get("/static/../app.py").status_code == 404
    assert http.get("/static/app.py").status_code == 404


# ---------------------------------------------------------------- who may ask


def test_a_loopback_server_refuses_requests_addressed_to_another_name(http):
    response = http.get("/", headers={"host": "evil.example:8000"})
    assert response.status_code == 400
    assert response.text.startswith("error: ")


def test_a_form_posted_from_another_site_is_refused(http, disk):
    response = http.post(
        "/convert", data={"text": "甲"}, headers={"origin": "http://evil.example"}, files=[("x", ("a", b""))]
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("how", "cookie"),
    [
        ({}, None),
        ({"params": {"token": "wrong"}}, None),
        ({"headers": {"x-gongwen-token": "wrong"}}, None),
        ({}, "wrong"),
    ],
    ids=["none", "wrong-query", "wrong-header", "wrong-cookie"],
)
def test_a_wrong_or_missing_token_is_403_and_converts_nothing(how, cookie, disk):
    with client(token="s3cret") as c:
        if cookie:
            c.cookies.set("gongwen_token", cookie)
        page = c.get("/", **how)
        assert page.status_code == 403
        assert page.text.startswith("error: wrong or missing token")
        converted = c.post("/convert", files=[("files", ("a.txt", SEED_000))], **how)
        assert converted.status_code == 403
        assert len(c.config.store) == 0  # nothing was converted


def test_the_token_in_the_printed_address_becomes_a_cookie(disk):
    with client(token="s3cret") as c:
        first = c.get("/?token=s3cret", follow_redirects=False)
        assert first.status_code == 303
        assert first.headers["location"] == "/"
        assert "httponly" in first.headers["set-cookie"].lower()
        assert c.get("/").status_code == 200  # the cookie carries it from now on
        assert upload(c, ("a.txt", SEED_000)).status_code == 200
    with client(token="s3cret") as c:
        assert c.get("/", headers={"x-gongwen-token": "s3cret"}).status_code == 200


def test_a_server_on_another_address_requires_a_token_and_generates_one():
    from click.testing import CliRunner

    from pipeline.cli import main

    called = {}

    def fake_run(app, **kw):
        called.update(kw, config=app.config)

    import uvicorn

    mp = pytest.MonkeyPatch()
    mp.setattr(uvicorn, "run", fake_run)
    mp.setattr("socket.create_server", lambda *a, **k: io.BytesIO())
    try:
        result = CliRunner().invoke(main, ["serve", "--host", "192.0.2.1", "--port", "8123"])
    finally:
        mp.undo()
    assert result.exit_code == 0, result.output
    token = called["config"].token
    assert token
    assert len(token) >= 20
    assert f"http://192.0.2.1:8123/?token={token}" in result.output
    assert called["host"] == "192.0.2.1"


# ---------------------------------------------------------------- what a request may send


def test_an_oversize_upload_is_413_before_it_is_read(disk):
    with client(max_bytes=100_000) as c:
        big = c.post("/convert", files=[("files", ("big.txt", b"x" * 200_000))])
        assert big.status_code == 413
        assert big.text.startswith("error: the upload is")

        def chunks():  # no Content-Length: counted as it streams
            for _ in range(40):
                yield b"y" * 10_000

        streamed = c.post(
            "/convert", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"}
        )
        assert streamed.status_code == 413


def test_a_large_upload_under_the_cap_stays_in_memory(disk):
    """Starlette spools a file over 1 MB to a temporary file; the app keeps it in memory."""
    data = SEED_000 * 300  # 2.2 MB
    with client(max_bytes=4_000_000) as c:
        response = upload(c, ("big.txt", data))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../../../tmp/gongwen-pwned.txt", "gongwen-pwned.txt"),
        ("C:\\fakepath\\报告.txt", "报告.txt"),
        ("..", "input"),
    ],
    ids=["dot-dot", "windows-path", "only-dots"],
)
def test_a_path_like_file_name_is_only_shown_never_used(name, shown, http, disk, tmp_path):
    response = upload(http, (name, SEED_000))
    assert response.status_code == 200
    assert re.search(r'<h2 class="name">([^<]*)</h2>', response.text).group(1) == shown
    assert not (tmp_path / "gongwen-pwned.txt").exists()
    assert not list(tmp_path.rglob("gongwen-pwned*"))
    dl = http.get(base_of(response) + "/download/docx")
    assert "/" not in dl.headers["content-disposition"].split("filename*=UTF-8''")[1]


@pytest.mark.parametrize(
    ("request_kw", "message"),
    [
        (
            {"content": b"garbage", "headers": {"content-type": "multipart/form-data; boundary=xx"}},
            "malformed form",
        ),
        (
            {"content": b"{}", "headers": {"content-type": "application/json"}},
            "send the form as multipart/form-data",
        ),
        (
            {"data": {"files": "not a file", "text": ""}, "files": [("x", ("a", b""))]},
            "files must be file uploads",
        ),
        ({"data": {"text": "甲", "encoding": "klingon"}, "files": [("x", ("a", b""))]}, "unknown encoding"),
        ({"data": {"text": "  "}, "files": [("x", ("a", b""))]}, "nothing to convert"),
        (
            {
                "content": b"",
                "headers": {"content-type": "multipart/form-data; boundary=b", "content-length": "x1"},
            },
            "bad Content-Length",
        ),
    ],
    ids=["bad-multipart", "not-a-form", "files-not-files", "unknown-encoding", "empty", "bad-length"],
)
def test_a_malformed_form_is_400_with_one_line(request_kw, message, http, disk):
    response = http.post("/convert", **request_kw)
    assert response.status_code == 400
    assert response.text.startswith("error: ")
    assert message in response.text
    assert response.text.count("\n") == 1


def test_an_input_that_fails_is_its_one_line_and_422_when_every_input_failed(http, disk):
    response = upload(http, ("x.bin", bytes(range(256)) * 4))
    assert response.status_code == 422
    line = re.search(r'class="error-line failed-file"[^>]*>([^<]*)<', response.text).group(1)
    assert line.startswith("转换失败：x.bin：")
    assert "Traceback" not in response.text


def test_a_bug_is_one_line_500_never_a_traceback(http, disk, monkeypatch):
    def boom(doc):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(app_module.view, "rows", boom)
    response = upload(http, ("a.txt", SEED_000))
    assert response.status_code == 500
    assert response.text.startswith("error: internal error (ZeroDivisionError: oops at pipeline/")
    assert "Traceback" not in response.text


# ---------------------------------------------------------------- corrections and downloads


def test_edits_re_render_and_a_bad_edit_list_is_400(http, disk):
    base = base_of(upload(http, ("a.txt", SEED_000)))
    ok = http.post(base + "/edits", json={"edits": [{"op": "restore", "removal": 0}]})
    assert ok.status_code == 200
    assert ok.text.lstrip().startswith('<div id="result-body"')
    assert "已修改 1 处" in ok.text
    for body, status in (
        (b"not json", 400),
        (b'{"edits": [{"op": "restore"}]}', 400),
        (b'{"edits": [{"op": "remove", "doc": 0, "block": 999}]}', 400),
    ):
        bad = http.post(base + "/edits", content=body, headers={"content-type": "application/json"})
        assert bad.status_code == status
        assert bad.text.startswith("error: ")
    assert http.post("/b/nosuchbatch/0/edits", json={"edits": []}).status_code == 404
    assert http.post(base.rsplit("/", 1)[0] + "/7/edits", json={"edits": []}).status_code == 404


def test_edits_on_a_failed_input_are_409(http, disk):
    response = upload(http, ("ok.txt", SEED_000), ("x.bin", bytes(range(256)) * 4))
    batch = base_of(response).rsplit("/", 1)[0]
    assert http.post(batch + "/1/edits", json={"edits": []}).status_code == 409
    assert http.get(batch + "/1/download/pdf").status_code == 409


def test_the_json_download_renders_to_the_same_document(http, disk):
    """What `gongwen render FILE.json` does — from_json, then the renderer registry —
    on the JSON the page offers gives the PDF the page offers, byte for byte."""
    base = base_of(upload(http, ("a.txt", SEED_000)))
    http.post(
        base + "/edits",
        json={"edits": [{"op": "restore", "removal": 0}, {"op": "level", "doc": 0, "block": 1, "level": 2}]},
    )
    tree = from_json(http.get(base + "/download/json").text)
    pdf = http.get(base + "/download/pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    (rendered,) = render_outputs(tree, "a", ["pdf"])
    assert rendered.data == pdf.content


def test_gongwen_render_of_the_downloaded_json_gives_the_documents_the_page_offers(http, disk, tmp_path):
    """The edited tree downloaded as JSON, rendered by ``gongwen render FILE.json``: the
    same PDF bytes and the same DOCX text as the page's own downloads."""
    import docx
    from click.testing import CliRunner

    from pipeline.cli import main

    base = base_of(upload(http, ("a.txt", SEED_000)))
    edits = [
        {"op": "restore", "removal": 1},
        {"op": "remove", "doc": 0, "block": 2},
        {"op": "title", "doc": 0, "block": 0},
    ]
    assert http.post(base + "/edits", json={"edits": edits}).status_code == 200
    tree = tmp_path / "edited.json"
    tree.write_bytes(http.get(base + "/download/json").content)
    result = CliRunner().invoke(
        main, ["render", str(tree), "-o", str(tmp_path / "out"), "--to", "pdf,docx", "-q", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "edited.pdf").read_bytes() == http.get(base + "/download/pdf").content

    def paragraphs(data: bytes) -> list[str]:
        return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]

    ours = paragraphs(http.get(base + "/download/docx").content)
    assert paragraphs((tmp_path / "out" / "edited.docx").read_bytes()) == ours
    assert "user-removed" in tree.read_text("utf-8")


def test_several_articles_download_as_a_zip_of_one_file_each(http, disk):
    base = base_of(upload(http, ("seed.txt", (SEEDS / "002_3341814f88bcb719.txt").read_bytes())))
    response = http.get(base + "/download/docx")
    assert response.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == ["seed-01.docx", "seed-02.docx", "seed-03.docx", "seed-04.docx"]
    assert http.get(base + "/download/exe").status_code == 404


def test_page_images_are_immutable_and_missing_pages_are_404(http, disk):
    response = upload(http, ("a.txt", SEED_000))
    src = re.search(r'<img src="([^"]+\.png)"', response.text).group(1)
    image = http.get(src)
    assert image.headers["content-type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
    assert "immutable" in image.headers["cache-control"]
    assert http.get(re.sub(r"/\d+\.png$", "/999.png", src)).status_code == 404
    assert http.get(re.sub(r"/page/a\d+/", "/page/zz/", src)).status_code == 404


def test_every_kind_of_input_the_cli_takes_converts(http, disk):
    from pipeline.core import convert

    made = {o.name: o.data for o in render_outputs(convert(SEED_000, "x.txt"), "x", ["docx", "pdf"])}
    inputs = [
        ("notice.html", (FIXTURES / "html" / "gov_notice_html5.html").read_bytes()),
        ("gbk.txt", SEED_000.decode("utf-8").encode("gb18030")),
        ("draft.md", "# 关于某事的通知\n\n## 一、总体要求\n\n正文一段。\n".encode()),
        ("word.docx", made["x.docx"]),
        ("print.pdf", made["x.pdf"]),
    ]
    response = upload(http, *inputs)
    assert response.status_code == 200
    assert response.text.count('class="status ok') == len(inputs), re.findall(r"失败[^<]*", response.text)


# ---------------------------------------------------------------- metadata of a formal document


def test_the_metadata_fields_fill_the_document_as_meta_does(http, disk):
    page = http.get("/")
    for name in ("issuer", "doc_number", "signers", "recipients", "cc", "printer", "print_date", "date"):
        assert f'name="{name}"' in page.text
    notice = "关于做好防汛工作的通知\n\n今年汛期即将来临，请各单位认真做好防汛准备工作。\n".encode()
    base = base_of(upload(http, ("a.txt", notice), issuer="XX县人民政府文件", doc_number="X政发〔2024〕3号"))
    doc = json.loads(http.get(base + "/download/json").content)
    head = doc["documents"][0]["head"]
    assert (head["issuer"], head["doc_number"]) == ("XX县人民政府文件", "X政发〔2024〕3号")


def test_a_bad_metadata_value_is_400_with_its_one_line(http, disk):
    response = upload(http, ("a.txt", SEED_000), doc_number="X政发[2024]第03号")
    assert response.status_code == 400
    assert response.text.startswith("error: ")
    assert "X政发〔2024〕3号" in response.text  # the one line says how to write it
