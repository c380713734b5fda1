"""The Starlette application: the page, its two static files, and a small JSON API.

    GET  /                      the page (Vietnamese; the page switches to English itself)
    GET  /static/page.js|css    everything the page loads: no CDN, no fonts, no other host
    GET  /api/clauses?lang=vi   each clause's heading and text, and the rules enforcing it
    POST /api/check             {"text": "...", "lang": "vi"|"en"} → what --format json prints
    POST /api/check-file?name=draft.docx&lang=vi   the file's bytes as the body → the same,
                                with "text": the file as read, so findings can be shown in it

A pure ASGI guard wraps it all (cheaper than Starlette's middleware stack on every
keystroke's request): a Host or Origin that is not this server's loopback address is a
403 (DNS rebinding: another site's page whose name now resolves to 127.0.0.1 still sends
its own name), a body over the limit is a 413 before it is read whole, and every response
carries a strict Content-Security-Policy and no-store."""
from __future__ import annotations

import json
from importlib import resources
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..clauses import CLAUSES, clause_text
from ..messages import Said, say
from .drafts import Checker, DraftError

MAX_BODY = 8 * 1024 * 1024  # bytes: a long .docx with pictures; a pasted draft is far smaller
LANGS = ("vi", "en")
LOOPBACK = ("127.0.0.1", "localhost")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]
STATIC = {"page.js": "text/javascript; charset=utf-8", "page.css": "text/css; charset=utf-8"}


def _static(name: str) -> bytes:
    return resources.files(__package__).joinpath("static", name).read_bytes()


def _error(status: int, message, asked: str | None, default: str) -> JSONResponse:
    """`message` (a Said) in the language the request `asked` for when it is one, else in
    the one the server was started in."""
    return JSONResponse({"error": say(message, asked if asked in LANGS else default)}, status_code=status)


def _lang(value) -> str:
    if value is None:
        return "vi"
    if value not in LANGS:
        raise DraftError(Said("api.lang", langs=", ".join(LANGS)))
    return value


def create_app(rulebook, port: int | None = None, max_body: int = MAX_BODY, max_size: int | None = None,
               lang: str = "vi"):
    """The application over a built rulebook. `port`: the one the server listens on (Host
    and Origin must name it); None accepts any port on a loopback name (tests). `lang`: of
    error messages when a request does not name one."""
    checker = Checker(rulebook, max_size or max_body)
    page = _static("page.html")
    files = {name: _static(name) for name in STATIC}

    async def index(request: Request) -> Response:
        return Response(page, media_type="text/html; charset=utf-8")

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in files:
            return _error(404, Said("api.not-found"), request.query_params.get("lang"), lang)
        return Response(files[name], media_type=STATIC[name])

    async def clauses(request: Request) -> Response:
        try:
            asked = _lang(request.query_params.get("lang"))
        except DraftError as exc:
            return _error(400, exc.args[0], None, lang)
        out = []
        for code, clause in sorted(CLAUSES.items(), key=lambda kv: tuple(map(int, kv[0].split(".")))):
            rules = [{"id": r.id, "severity": r.severity, "message": r.messages[asked]}
                     for r in rulebook.rules if r.clause == code]
            out.append({"code": code, "heading": clause.heading(asked), "text": clause_text(code),
                        "summary": clause.title_en if asked == "en" else clause.title_vi, "rules": rules})
        return JSONResponse({"clauses": out})

    async def check(request: Request) -> Response:
        # checked here, in the event loop, one at a time: the rulebook is not shared between
        # threads, and one person typing sends one request at a time anyway
        asked = request.query_params.get("lang")
        try:
            body = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            return _error(400, Said("api.not-json"), asked, lang)
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            said = body.get("lang") if isinstance(body, dict) and body.get("lang") in LANGS else asked
            return _error(400, Said("api.not-object"), said, lang)
        try:
            report_lang = _lang(body.get("lang") or asked)
        except DraftError as exc:
            return _error(400, exc.args[0], asked, lang)
        return Response(checker.check_text(body["text"], report_lang), media_type="application/json")

    async def check_file(request: Request) -> Response:
        name = request.query_params.get("name", "")
        asked = request.query_params.get("lang")
        try:
            if not name or "/" in name or "\\" in name:
                raise DraftError(Said("api.file-name"))
            return Response(checker.check_file(await request.body(), name, _lang(asked)),
                            media_type="application/json")
        except DraftError as exc:
            return _error(400, exc.args[0], asked, lang)

    app = Starlette(routes=[
        Route("/", index),
        Route("/static/{name}", static),
        Route("/favicon.ico", lambda request: Response(status_code=204)),  # browsers ask; a 404 is noise
        Route("/api/clauses", clauses),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/check-file", check_file, methods=["POST"]),
    ])
    return Guard(app, port, max_body, lang)


def _loopback(value: str, port: int | None, scheme: bool) -> bool:
    """`value` (a Host header, or an Origin when `scheme`) names this server on loopback."""
    if scheme:
        if not value.startswith("http://"):
            return False
        value = value[len("http://"):]
    host, sep, given = value.rpartition(":") if ":" in value else (value, "", "")
    if host not in LOOPBACK:
        return False
    if port is None:
        return not sep or given.isdigit()
    return given == str(port) or (not sep and not scheme and port == 80)


class Guard:
    """Host/Origin check, body bound and security headers around the application."""

    def __init__(self, app, port: int | None, max_body: int, lang: str = "vi"):
        self.app, self.port, self.max_body, self.lang = app, port, max_body, lang

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        if not _loopback(headers.get("host", ""), self.port, scheme=False):
            return await self._refuse(scope, receive, send, 403, Said("api.host"))
        origin = headers.get("origin")
        if origin is not None and not _loopback(origin, self.port, scheme=True):
            return await self._refuse(scope, receive, send, 403, Said("api.origin"))
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            status = 413 if length.isdigit() else 400
            return await self._refuse(scope, receive, send, status, Said("api.too-big", limit=self.max_body)
                                      if status == 413 else Said("api.bad-length"))

        # the body is read here, whole and bounded, before the application sees any of it:
        # a chunked body without Content-Length is refused as soon as it grows too big
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_body:
                return await self._refuse(scope, receive, send, 413, Said("api.too-big", limit=self.max_body))
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        async def secured_send(message):
            if message["type"] == "http.response.start":
                message = dict(message, headers=list(message.get("headers", [])) + HEADERS)
            await send(message)

        await self.app(scope, replay, secured_send)

    async def _refuse(self, scope, receive, send, status: int, message: Said):
        asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [None])[0]
        response = _error(status, message, asked, self.lang)
        response.raw_headers.extend(HEADERS)
        await response(scope, receive, send)

