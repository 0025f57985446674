"""The HTTP side of the clerk's page: Starlette routes and the server.

- GET /            the page (Chinese), with the rule explanations inlined;
- GET /static/…    its stylesheets and scripts, from the package (offline:
                   no CDN), report.css and report.js shared with --format html;
- POST /api/check  the report as the request body (a file, its name in the
                   X-File-Name header, URL-encoded; or pasted text, UTF-8,
                   without that header), answered with JSON;
- POST /api/annotate  the same body, answered with the annotated Word copy
                   (reportlint annotate's): made only when the clerk asks for
                   it, since it takes five to seven times as long as the
                   check (bench/web.py).  The page keeps the upload in its
                   own memory and sends it again.

Only 127.0.0.1 is listened on; requests must name this machine as host (no
DNS rebinding) and, when a browser says where a request comes from, come
from this page (no other site can post to it).  Uploads are read into
memory up to the size limit and never written to disk.  Checks run in
worker threads, so several people on one office machine can use the page
at once.
"""

from __future__ import annotations

import socket
import threading
import webbrowser
from collections.abc import Callable
from functools import partial
from importlib.resources import files
from typing import TypeVar
from urllib.parse import quote, unquote

import anyio
import anyio.to_thread
import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from reportlint.checks import RuleSet
from reportlint.report.html import rules_script
from reportlint.web.check import (
    PASTED_NAME,
    Refused,
    accept,
    annotate_upload,
    check_upload,
    safe_name,
    too_large,
)

HOST = "127.0.0.1"
DEFAULT_PORT = 8765
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Checks at once; more wait their turn (a check is CPU-bound: more threads
# would not finish sooner, only hold more uploads in memory).
CONCURRENT_CHECKS = 4

T = TypeVar("T")


def create_app(rules: RuleSet) -> Starlette:
    page = (
        (files("reportlint.web") / "static" / "index.html")
        .read_text(encoding="utf-8")
        .replace("<!-- rules -->", rules_script(rules.rules))
    )
    limiter = anyio.CapacityLimiter(CONCURRENT_CHECKS)

    async def index(request: Request) -> Response:
        return HTMLResponse(page, headers=SECURITY_HEADERS)

    async def worked(request: Request, job: Callable[[bytes, str, RuleSet, bool], T]) -> T:
        """The upload, done by `job` in a worker thread (the page stays responsive)."""
        data, name, pasted = await _upload(request)
        work = partial(job, data, name, rules, pasted)
        return await anyio.to_thread.run_sync(work, limiter=limiter)

    async def check(request: Request) -> Response:
        try:
            answer = await worked(request, check_upload)
        except Refused as refused:
            return _refusal(str(refused), refused.status)
        return JSONResponse(answer.to_json(), headers=SECURITY_HEADERS)

    async def annotate(request: Request) -> Response:
        try:
            copy = await worked(request, annotate_upload)
        except Refused as refused:
            return _refusal(str(refused), refused.status)
        headers = {
            **SECURITY_HEADERS,
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(copy.name)}",
            "X-Comments": str(copy.comments),
            "X-Revisions": str(copy.revisions),
        }
        return Response(copy.docx, media_type=DOCX_TYPE, headers=headers)

    static = StaticFiles(packages=[("reportlint.web", "static"), ("reportlint.report", "assets")])
    return Starlette(
        routes=[
            Route("/", index),
            Route("/api/check", check, methods=["POST"]),
            Route("/api/annotate", annotate, methods=["POST"]),
            Mount("/static", static, name="static"),
        ],
        middleware=[
            Middleware(TrustedHostMiddleware, allowed_hosts=[HOST, "localhost"]),
        ],
    )


async def _upload(request: Request) -> tuple[bytes, str, bool]:
    """The report sent: its bytes, its name, and whether it was pasted.
    Refused unread when it comes from another page, is too large or of a type
    the page does not check."""
    origin = request.headers.get("origin")
    if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
        raise Refused("只接受本页面提交的检查。", 403)
    # A file comes with its name; pasted text without one.
    raw_name = request.headers.get("x-file-name")
    pasted = raw_name is None
    name = PASTED_NAME if raw_name is None else safe_name(unquote(raw_name))
    length = request.headers.get("content-length")
    accept(name, int(length) if length and length.isdigit() else None, pasted)
    data = await _read(request, pasted)
    if not data.strip():
        raise Refused("没有收到内容：请选择一个报告文件，或粘贴报告全文。", 422)
    return data, name, pasted


async def _read(request: Request, pasted: bool) -> bytes:
    """The body, refused as soon as it passes the limit (a client may send
    more than its Content-Length said, or none at all)."""
    from reportlint.web.check import MAX_PASTE, MAX_UPLOAD

    limit = MAX_PASTE if pasted else MAX_UPLOAD
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise Refused(too_large(pasted), 413)
    return bytes(body)


def _refusal(message: str, status: int) -> Response:
    return JSONResponse({"error": message}, status_code=status, headers=SECURITY_HEADERS)


def listen(port: int) -> socket.socket:
    """A socket on 127.0.0.1: the port asked for, or any free one when it is
    taken (another copy of the page may be running)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
    except OSError:
        sock.close()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((HOST, 0))
    sock.listen(128)
    return sock


def serve(
    rules: RuleSet,
    port: int = DEFAULT_PORT,
    open_browser: bool = True,
    announce: Callable[[str], None] = print,
) -> None:
    """Run the page until interrupted; open it in the browser once it is up."""
    sock = listen(port)
    url = f"http://{HOST}:{sock.getsockname()[1]}/"
    config = uvicorn.Config(create_app(rules), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)

    def when_up() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.05)
        if server.started:
            announce(f"reportlint 网页版已启动：{url} （按 Ctrl+C 退出）")
            if open_browser:
                webbrowser.open(url)

    threading.Thread(target=when_up, daemon=True).start()
    server.run(sockets=[sock])
