"""The web app: one page in Chinese to paste or drop inputs, see the pages, correct and download.

Routes (every one behind :class:`Guard`):

=================================  =====================================================
``GET  /``                         the page, empty
``POST /convert``                  a pasted text or files → the page with the result
``GET  /b/{batch}/{i}``            the page with input ``i`` of a batch shown
``POST /b/{batch}/{i}/edits``      ``{"edits": [...]}`` → the result part, re-rendered
``GET  /b/{batch}/{i}/pages/{a}``  the page previews of article ``a`` (loaded lazily)
``GET  /b/{batch}/{i}/page/{a}/{n}.png``  one page image
``GET  /b/{batch}/{i}/download/{fmt}``    DOCX, PDF or JSON of the corrected tree
``GET  /b/{batch}/all.zip``        every input's files and a status line per input
``GET  /static/{name}``            the page's own script and style sheet
=================================  =====================================================

Safety (issue 19): the server binds 127.0.0.1 unless told otherwise and then requires
a token; a loopback server answers only requests addressed to a loopback name (no DNS
rebinding) and a form posted from another origin is refused; uploads are capped before
they are read and parsed in memory; a client's file name is only ever shown; every
response carries a strict Content-Security-Policy (no inline script or style, nothing
from another origin); a failure is one line, never a traceback.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, Headers
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from pipeline import edits as ed
from pipeline.core import DEFAULT_MAX_BYTES, Options, megabytes
from pipeline.errors import EditError, PipelineError, internal_error
from pipeline.serve import form as forms
from pipeline.serve import view
from pipeline.serve.work import Batch, Entry, Session, Store, Upload, batch_zip, convert_upload, status_line

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
TOKEN_COOKIE = "gongwen_token"
# nothing from elsewhere, no inline script or style: the page's own files only
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
    " form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
FORMATS = ("docx", "pdf", "json")
FIELDS_ROOM = 64 * 1024  # what an upload may hold beyond its files: the options, multipart framing


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """How ``gongwen serve`` was started."""

    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None  # required on every request when set
    max_bytes: int = DEFAULT_MAX_BYTES  # per input file, as convert's --max-bytes
    max_files: int = 20  # per upload
    store: Store = field(default_factory=Store, compare=False)


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0"), is_loopback("::1")
    (True, True, False, True)
    """
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def new_token() -> str:
    return secrets.token_urlsafe(18)


# ---------------------------------------------------------------- the guard


class Guard:
    """ASGI middleware: the host, token and origin checks, and the security headers."""

    def __init__(self, app: ASGIApp, config: ServeConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *SECURITY_HEADERS]
            await send(message)

        problem = self.refusal(scope)
        if problem is not None:
            status, text = problem
            await PlainTextResponse(f"error: {text}\n", status)(scope, receive, send_secured)
            return
        token = self.config.token
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if token and query.get("token") and scope["method"] == "GET":
            # the address gongwen serve printed: keep the token in a cookie, drop it from the URL
            rest = {k: v for k, v in query.items() if k != "token"}
            url = scope["path"] + ("?" + urlencode(rest, doseq=True) if rest else "")
            response = RedirectResponse(url, 303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            await response(scope, receive, send_secured)
            return
        await self.app(scope, receive, send_secured)

    def refusal(self, scope: Scope) -> tuple[int, str] | None:
        """(status, one line) when a request is refused, None when it may go on."""
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        hostname = host.rsplit(":", 1)[0].strip("[]") if not host.endswith("]") else host.strip("[]")
        if is_loopback(self.config.host) and not is_loopback(hostname):
            # a loopback server is reached by a loopback name; anything else is a page of
            # another site rebinding its name to 127.0.0.1
            return 400, f"this server answers only requests to {self.config.host} or localhost"
        token = self.config.token
        if token:
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            cookie = SimpleCookie(headers.get("cookie", ""))
            given = [
                *query.get("token", []),
                headers.get("x-gongwen-token", ""),
                cookie[TOKEN_COOKIE].value if TOKEN_COOKIE in cookie else "",
            ]
            if not any(g and secrets.compare_digest(g.encode(), token.encode()) for g in given):
                return (
                    403,
                    "wrong or missing token — open the address `gongwen serve` printed, with its ?token=",
                )
        if scope["method"] not in ("GET", "HEAD"):
            origin = headers.get("origin")
            if origin is not None and origin.split("://", 1)[-1] != host:
                return 403, "a form sent from another site is refused"
        return None


# ---------------------------------------------------------------- the app


def create_app(config: ServeConfig = ServeConfig()) -> ASGIApp:
    """The ASGI app of ``gongwen serve`` (the CLI runs it under uvicorn; tests call it)."""
    templates = Environment(
        loader=FileSystemLoader(str(resources.files("pipeline.serve") / "templates")),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    static = {name: (resources.files("pipeline.serve") / "static" / name).read_bytes() for name in STATIC}
    store = config.store

    def page(request: Request, batch: Batch | None = None, index: int = 0, status: int = 200) -> HTMLResponse:
        html = templates.get_template("page.html").render(
            **_result_context(batch, index),
            form=forms.context(config.max_bytes, config.max_files),
        )
        return HTMLResponse(html, status, headers={"cache-control": "no-store"})

    def result_part(batch: Batch, index: int, status: int = 200) -> HTMLResponse:
        html = templates.get_template("result.html").render(**_result_context(batch, index))
        return HTMLResponse(html, status, headers={"cache-control": "no-store"})

    async def home(request: Request) -> Response:
        return page(request)

    async def convert_route(request: Request) -> Response:
        try:
            form = await _read_form(request, config)
        except forms.FormError as e:
            return _error(e.status, str(e))
        try:
            uploads, options = forms.parse(form, config.max_bytes)
        except forms.FormError as e:
            return _error(e.status, str(e))
        finally:
            await form.close()
        start = time.perf_counter()
        entries = await run_in_threadpool(_convert_all, uploads, options)
        batch = store.add(entries)
        first = next((i for i, e in enumerate(entries) if e.session is not None), 0)
        session = entries[first].session
        if session is not None:
            # the first document's pages, so the first preview is one request away
            await run_in_threadpool(_prepare_previews, session)
        response = page(request, batch, first, 200 if any(e.session for e in entries) else 422)
        response.headers["server-timing"] = f"convert;dur={(time.perf_counter() - start) * 1000:.0f}"
        return response

    def entry_of(request: Request) -> tuple[Batch, int, Entry] | Response:
        batch = store.get(request.path_params["batch"])
        if batch is None:
            return _error(404, "这份结果已不在服务器上（服务器重启或已过期），请重新上传")
        i = request.path_params.get("index", 0)
        if not 0 <= i < len(batch.entries):
            return _error(404, "没有这个文件")
        return batch, i, batch.entries[i]

    async def show(request: Request) -> Response:
        found = entry_of(request)
        if isinstance(found, Response):
            return found
        batch, i, entry = found
        if entry.session is not None:
            await run_in_threadpool(_prepare_previews, entry.session)
        return page(request, batch, i)

    async def edit_route(request: Request) -> Response:
        found = entry_of(request)
        if isinstance(found, Response):
            return found
        batch, i, entry = found
        if entry.session is None:
            return _error(409, "这个文件没有转换成功，无法修改")
        body = await request.body()
        if len(body) > 1024 * 1024:
            return _error(413, "too many edits in one request")
        try:
            payload = json.loads(body)
            edits = ed.from_dicts(payload.get("edits") if isinstance(payload, dict) else None)
        except (ValueError, EditError) as e:
            return _error(400, f"malformed edit list: {e}")
        session = entry.session
        start = time.perf_counter()
        try:
            await run_in_threadpool(_edit, session, edits)
        except EditError as e:
            return _error(400, str(e))
        response = result_part(batch, i)
        response.headers["server-timing"] = f"edit;dur={(time.perf_counter() - start) * 1000:.0f}"
        return response

    async def pages_route(request: Request) -> Response:
        found = entry_of(request)
        if isinstance(found, Response):
            return found
        batch, i, entry = found
        key = request.path_params["key"]
        if entry.session is None or entry.session.article(key) is None:
            return _error(404, "没有这一篇")
        pages = await run_in_threadpool(entry.session.pages, key)
        html = templates.get_template("pages.html").render(base=_base(batch, i), key=key, pages=pages)
        return HTMLResponse(html, headers={"cache-control": "private, max-age=3600"})

    async def png_route(request: Request) -> Response:
        found = entry_of(request)
        if isinstance(found, Response):
            return found
        _, _, entry = found
        if entry.session is None:
            return _error(404, "没有这一页")
        data = await run_in_threadpool(
            entry.session.png, request.path_params["key"], request.path_params["n"]
        )
        if data is None:
            return _error(404, "没有这一页")
        # an article key names one article's value: its images never change
        return Response(
            data, media_type="image/png", headers={"cache-control": "private, max-age=86400, immutable"}
        )

    async def download_route(request: Request) -> Response:
        found = entry_of(request)
        if isinstance(found, Response):
            return found
        _, _, entry = found
        fmt = request.path_params["fmt"]
        if fmt not in FORMATS:
            return _error(404, "可以下载 docx、pdf 或 json")
        if entry.session is None:
            return _error(409, f"这个文件没有转换成功：{entry.error}")
        name, data = await run_in_threadpool(entry.session.download, fmt)
        return _attachment(name, data)

    async def zip_route(request: Request) -> Response:
        batch = store.get(request.path_params["batch"])
        if batch is None:
            return _error(404, "这份结果已不在服务器上（服务器重启或已过期），请重新上传")
        data = await run_in_threadpool(batch_zip, batch)
        return _attachment("gongwen.zip", data)

    async def static_route(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in static:
            return _error(404, "no such file")
        return Response(static[name], media_type=STATIC[name], headers={"cache-control": "no-cache"})

    async def favicon(request: Request) -> Response:
        return Response(status_code=204)  # no icon: a browser's automatic request, answered

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(404, "没有这个页面")

    async def method_not_allowed(request: Request, exc: Exception) -> Response:
        return _error(405, "method not allowed")

    async def server_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, PipelineError):  # the machine's, not the input's (fonts not prepared)
            return _error(500, str(exc))
        return _error(500, internal_error(exc))

    app = Starlette(
        routes=[
            Route("/", home),
            Route("/convert", convert_route, methods=["POST"]),
            Route("/b/{batch}/all.zip", zip_route),
            Route("/b/{batch}/{index:int}", show),
            Route("/b/{batch}/{index:int}/edits", edit_route, methods=["POST"]),
            Route("/b/{batch}/{index:int}/pages/{key}", pages_route),
            Route("/b/{batch}/{index:int}/page/{key}/{n:int}.png", png_route),
            Route("/b/{batch}/{index:int}/download/{fmt}", download_route),
            Route("/static/{name}", static_route),
            Route("/favicon.ico", favicon),
        ],
        exception_handlers={404: not_found, 405: method_not_allowed, 500: server_error},
    )
    return Guard(app, config)


# ---------------------------------------------------------------- helpers


def _error(status: int, text: str) -> PlainTextResponse:
    """A failure as the one line the page shows (never a traceback)."""
    return PlainTextResponse(
        "error: " + " ".join(text.split()) + "\n", status, headers={"cache-control": "no-store"}
    )


def _attachment(name: str, data: bytes) -> Response:
    media = {
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf",
        "json": "application/json",
        "zip": "application/zip",
    }[name.rsplit(".", 1)[-1]]
    ascii_name = "gongwen." + name.rsplit(".", 1)[-1]
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(
        data, media_type=media, headers={"content-disposition": disposition, "cache-control": "no-store"}
    )


def _base(batch: Batch, index: int) -> str:
    return f"/b/{batch.id}/{index}"


def _convert_all(uploads: list[Upload], options: Options) -> list[Entry]:
    taken: set[str] = set()
    return [convert_upload(u, options, taken) for u in uploads]


def _edit(session: Session, edits: tuple[ed.Edit, ...]) -> None:
    with session.lock:
        session.set_edits(edits)
        _prepare_previews(session)


def _prepare_previews(session: Session) -> None:
    """Render the pages the result shows at once: the first document's, and those of any
    document whose earlier version was already shown (the others load as they scroll in)."""
    for d, article in enumerate(session.doc.documents):
        if d == 0 or d in session.shown:
            session.pages(session.key(article))


def _result_context(batch: Batch | None, index: int) -> dict[str, Any]:
    if batch is None:
        return {"batch": None}
    entry = batch.entries[index]
    ctx: dict[str, Any] = {
        "batch": batch,
        "index": index,
        "entry": entry,
        "base": _base(batch, index),
        "statuses": [(i, e, status_line(e)) for i, e in enumerate(batch.entries)],
    }
    session = entry.session
    if session is None:
        return ctx
    doc = session.doc
    previews = []
    for d, article in enumerate(doc.documents):
        key = session.key(article)
        pages = session.cached_pages(key)
        if pages is not None:
            session.shown.add(d)
        previews.append({"doc": d, "title": article.title or "（无标题）", "key": key, "pages": pages})
    ctx.update(
        rows=view.rows(doc),
        outline=view.outline(doc),
        counts=view.counts(doc),
        encoding=doc.encoding,
        previews=previews,
        edits=ed.to_dicts(session.edits),
        level_labels=view.LEVEL_LABELS,
        many=len(doc.documents) > 1,
    )
    return ctx


class _MemoryParser(MultiPartParser):
    """Starlette's multipart parser with uploads kept in memory (the body is capped
    before parsing, so the spool never rolls over to a temporary file)."""

    spool_max_size = 2**62


async def _read_form(request: Request, config: ServeConfig) -> FormData:
    """The request's form, refused with 413 before it is read when too large and 400 when
    it is not a well-formed form."""
    cap = config.max_bytes + FIELDS_ROOM  # --max-bytes caps the whole upload
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > cap):
        if not length.isdigit():
            raise forms.FormError(400, "bad Content-Length")
        raise forms.FormError(
            413,
            f"the upload is {megabytes(int(length))}, over the {megabytes(cap)} limit — send fewer or smaller files",
        )
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        raise forms.FormError(400, "send the form as multipart/form-data")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            raise forms.FormError(
                413, f"the upload is over the {megabytes(cap)} limit — send fewer or smaller files"
            )

    async def replay() -> AsyncGenerator[bytes, None]:
        yield bytes(body)

    try:
        if content_type.startswith("multipart/form-data"):
            parser = _MemoryParser(
                request.headers,
                replay(),
                max_files=config.max_files,
                max_fields=50,
                max_part_size=config.max_bytes,
            )
            return await parser.parse()
        return FormData(
            [
                (k, v)
                for k, vs in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()
                for v in vs
            ]
        )
    except MultiPartException as e:
        raise forms.FormError(400, f"malformed form: {e}") from None
