"""The workbench's own static files (CSS, scripts), served from memory.

They are a few kilobytes, fixed for the life of the process: read once at start, each with
an ETag, so a browser revalidates with a 304 and a request never touches the disk or a
worker thread (Starlette's ``StaticFiles`` stats and reads the file in a thread per request).
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from starlette.types import Receive, Scope, Send


@dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str
    etag: bytes


def load_assets(folder: Path) -> dict[str, Asset]:
    assets = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        body = path.read_bytes()
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith("javascript"):
            kind += "; charset=utf-8"
        etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'.encode()
        assets[path.name] = Asset(body, kind, etag)
    return assets


class StaticAssets:
    """An ASGI app for GET/HEAD of the files of one folder (no subfolders), mounted by path."""

    def __init__(self, folder: Path) -> None:
        self.assets = load_assets(folder)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert scope["type"] == "http"
        name = scope["path"].rsplit("/", 1)[-1]
        asset = self.assets.get(name)
        if scope["method"] not in ("GET", "HEAD"):
            await _reply(send, 405, b"method not allowed", [(b"allow", b"GET, HEAD")])
            return
        if asset is None:
            await _reply(send, 404, b"not found", [])
            return
        if dict(scope["headers"]).get(b"if-none-match") == asset.etag:
            await _reply(send, 304, b"", [(b"etag", asset.etag)])
            return
        headers = [
            (b"content-type", asset.content_type.encode()),
            (b"etag", asset.etag),
            (b"cache-control", b"no-cache"),  # revalidate: a new version shows at once
        ]
        body = b"" if scope["method"] == "HEAD" else asset.body
        await _reply(send, 200, body, headers, length=len(asset.body))


async def _reply(
    send: Send,
    status: int,
    body: bytes,
    headers: list[tuple[bytes, bytes]],
    length: int | None = None,
) -> None:
    if status != 304:
        headers = [
            *headers,
            (b"content-length", str(len(body) if length is None else length).encode()),
        ]
        if status >= 400:
            headers.append((b"content-type", b"text/plain; charset=utf-8"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
