"""A path or an http(s) URL → the source's bytes and the base URL relative links resolve against."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from printkit import __version__
from printkit.errors import PrintkitError

MAX_BYTES = 100 * 1024 * 1024


def is_url(source: str) -> bool:
    return _scheme(source) in ("http", "https")


def _scheme(source: str) -> str:
    """A source argument's URL scheme ('' for a path); `http://[bad` and the like have none."""
    try:
        return urlparse(source).scheme
    except ValueError:  # "Invalid IPv6 URL"
        raise PrintkitError(f"{source}: not a valid URL") from None


def read_source(source: str, timeout: float = 30.0,
                secret_headers: dict[str, str] | None = None) -> tuple[bytes, str | None]:  # fmt: skip
    """Path or http(s) URL → (bytes, base URL if fetched from the web).

    `secret_headers` (an API token's Authorization header) go to `source` only:
    never to a host a redirect points at, and never into a message.
    """
    if is_url(source):
        request = urllib.request.Request(source, headers={"User-Agent": f"printkit/{__version__}"})
        for name, value in (secret_headers or {}).items():
            request.add_unredirected_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                data = response.read(MAX_BYTES + 1)
                final = response.geturl() or source
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            if getattr(exc, "code", None) in (401, 403):
                reason = f"{reason} (the API token is missing, wrong or lacks the right)"
            raise PrintkitError(f"{source}: cannot fetch: {reason}") from None
        if len(data) > MAX_BYTES:
            raise PrintkitError(f"{source}: larger than {MAX_BYTES // 2**20} MB")
        return data, final
    if _scheme(source) not in ("", "file") and len(_scheme(source)) > 1:
        raise PrintkitError(f"{source}: only files and http(s) URLs can be imported")
    path = Path(source)
    try:
        return path.read_bytes(), None
    except FileNotFoundError:
        raise PrintkitError(f"{source}: no such file") from None
    except OSError as exc:
        raise PrintkitError(f"{source}: cannot read: {exc.strerror or exc}") from None
