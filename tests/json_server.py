"""A local HTTP server for importer tests: serves fixture files by path and records each request's headers.

`https://pretix.example.org` and `https://indico.example.org` inside a served file become the
server's own address, so `next` links lead back to it.
"""

from __future__ import annotations

import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

HOSTS = ("https://pretix.example.org", "https://indico.example.org")


@contextmanager
def serve(routes: dict[str, Path]):
    """routes: URL path with query (`/api/orders/?page=2`) → file. Yields (base URL, requests seen)."""
    seen: list[tuple[str, dict]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            seen.append((self.path, dict(self.headers.items())))
            file = routes.get(self.path) or routes.get(urlparse(self.path).path)
            if file is None:
                self.send_error(404)
                return
            body = file.read_text("utf-8")
            for host in HOSTS:
                body = body.replace(host, base)
            data = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, seen
    finally:
        server.shutdown()
        server.server_close()
