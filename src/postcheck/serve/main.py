"""Starting the page: a free port on 127.0.0.1, the address printed, the browser opened."""
from __future__ import annotations

import socket
import threading
import webbrowser

HOST = "127.0.0.1"  # never 0.0.0.0: the draft stays on this machine


def listening_socket(port: int = 0) -> socket.socket:
    """A socket already bound (port 0: a free one the system picks), so that no other
    program can take the port between choosing it and listening on it."""
    # IPPROTO_TCP named, not 0: asyncio sets TCP_NODELAY on accepted connections only when
    # the protocol says TCP; without it a response's body waited 40 ms behind its headers
    # (Nagle's algorithm against the client's delayed ACK)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, port))
    sock.listen(128)  # connections made before uvicorn accepts wait instead of being refused
    return sock


def _config(app):
    import uvicorn

    # no access log: a request line is harmless, but nothing about a draft's checking is
    # logged; warnings still show (a port problem, say)
    return uvicorn.Config(app, access_log=False, log_level="warning", lifespan="off",
                          server_header=False, date_header=False)


def run(rulebook, sock: socket.socket, open_browser: bool, say, lang: str = "vi") -> None:
    import uvicorn

    from .app import create_app

    port = sock.getsockname()[1]
    url = f"http://{HOST}:{port}/"
    app = create_app(rulebook, port, lang=lang)
    server = uvicorn.Server(_config(app))
    say(url)
    if open_browser:
        # after the server is up; a machine without a browser is not an error
        threading.Timer(0.5, lambda: webbrowser.open(url)).start()
    server.run(sockets=[sock])


class InThread:
    """The server in a thread of this process (tests, the benchmark, the screenshot):
    `with InThread(rulebook) as url: ...`."""

    def __init__(self, rulebook):
        self.rulebook = rulebook

    def __enter__(self) -> str:
        import time

        import uvicorn

        from .app import create_app

        sock = listening_socket(0)
        port = sock.getsockname()[1]
        self.server = uvicorn.Server(_config(create_app(self.rulebook, port)))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        return f"http://{HOST}:{port}/"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
