"""What the page works on (pipeline.serve.work): sessions, caches, batches, names."""

from __future__ import annotations

import io
import zipfile

import pytest
from support import SEEDS

from pipeline import edits as ed
from pipeline.core import Options
from pipeline.serve import work

SEED_002 = (SEEDS / "002_3341814f88bcb719.txt").read_bytes()  # four articles


@pytest.fixture
def session():
    entry = work.convert_upload(work.Upload("seed.txt", SEED_002), Options(), set())
    assert entry.session is not None
    return entry.session


def test_a_correction_re_renders_only_the_article_it_changes(session, monkeypatch):
    keys = [session.key(a) for a in session.doc.documents]
    for k in keys:
        session.pages(k)
    rendered = []
    real = work.render_outputs
    monkeypatch.setattr(
        work, "render_outputs", lambda doc, *a, **kw: rendered.append(doc) or real(doc, *a, **kw)
    )
    session.set_edits([ed.Remove(1, 0)])
    new_keys = [session.key(a) for a in session.doc.documents]
    for k in new_keys:
        session.pages(k)
    assert [a == b for a, b in zip(keys, new_keys, strict=True)] == [True, False, True, True]
    assert len(rendered) == 1
    assert rendered[0].documents == (session.doc.documents[1],)


def test_undo_gives_the_first_article_key_back(session):
    key = session.key(session.doc.documents[0])
    session.set_edits([ed.Remove(0, 0)])
    assert session.key(session.doc.documents[0]) != key
    session.set_edits([])
    assert session.key(session.doc.documents[0]) == key


def test_an_edit_that_does_not_fit_keeps_the_previous_list(session):
    session.set_edits([ed.Remove(0, 0)])
    with pytest.raises(ed.EditError):
        session.set_edits([ed.Remove(0, 0), ed.Remove(9, 0)])
    assert session.edits == (ed.Remove(0, 0),)


def test_page_images_and_texts(session):
    key = session.key(session.doc.documents[0])
    pages = session.pages(key)
    assert len(pages) >= 2
    assert (pages[0].width, pages[0].height) == (827, 1169)  # A4 at 100 dpi
    assert session.doc.documents[0].title[:6] in pages[0].text
    assert session.png(key, 1).startswith(b"\x89PNG")
    assert session.png(key, len(pages) + 1) is None
    assert session.png("nope", 1) is None


def test_a_batch_zip_holds_every_converted_file_and_a_status_line_each():
    taken: set[str] = set()
    entries = [
        work.convert_upload(work.Upload("a.txt", SEED_002), Options(), taken),
        work.convert_upload(work.Upload("a.html", b"\x00\x01\x02" * 100), Options(), taken),
        work.convert_upload(
            work.Upload("", "关于某事的通知\n\n正文一段。\n".encode(), pasted=True), Options(), taken
        ),
    ]
    batch = work.Store().add(entries)
    z = zipfile.ZipFile(io.BytesIO(work.batch_zip(batch)))
    names = z.namelist()
    assert names[0] == work.STATUS_NAME
    assert {"a-01.docx", "a-04.pdf", "a.json", "关于某事的通知.docx", "关于某事的通知.json"} <= set(names)
    assert not any(n.startswith("a-2") for n in names)  # the failed input made no files
    status = z.read(work.STATUS_NAME).decode().splitlines()
    assert status[0].startswith("成功  a.txt：4 篇")
    assert status[1].startswith("失败  a.html：不是文字文件")
    assert status[2].startswith("成功  粘贴的文字：1 篇")


def test_the_same_files_zip_to_the_same_bytes():
    files = [("a.txt", b"1"), ("报告.docx", b"2")]
    assert work.zip_files(files) == work.zip_files(files)


def test_the_store_forgets_the_oldest_batches_first():
    store = work.Store(max_batches=2)
    a, b, c = (store.add([]) for _ in range(3))
    assert store.get(a.id) is None
    assert store.get(b.id) is b
    assert store.get(c.id) is c


def test_warm_up_runs_every_renderer():
    assert work.warm_up() > 0


def test_a_failed_input_says_what_went_wrong_in_chinese_then_the_pipelines_line():
    cases = {
        b"": "文件里没有文字（empty file",
        b"\x00\x01\x02" * 100: "不是文字文件，",
        "当前位置：首页 > 新闻 > 通知公告\n".encode(): "去掉网页杂项后没有剩下正文（no body text left",
    }
    for data, start in cases.items():
        entry = work.convert_upload(work.Upload("x.txt", data), Options(), set())
        assert entry.session is None
        assert entry.error.startswith(start), entry.error
        assert "\n" not in entry.error
