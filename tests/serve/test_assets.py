"""Static assets from memory: content types, ETag revalidation, errors, security headers."""

from __future__ import annotations

from pathlib import Path

from newsgraph.serve.app import STATIC_DIR
from tests.serve.conftest import TestClient


def test_every_asset_is_served_with_its_type_and_etag(client: TestClient) -> None:
    names = sorted(p.name for p in STATIC_DIR.iterdir() if p.is_file())
    assert "app.css" in names and "highlight.js" in names
    for name in names:
        resp = client.get(f"/static/{name}")
        assert resp.status_code == 200, name
        assert resp.content == (STATIC_DIR / name).read_bytes()
        assert resp.headers["etag"].startswith('"')
        assert resp.headers["content-length"] == str(len(resp.content))
    assert client.get("/static/app.css").headers["content-type"] == "text/css; charset=utf-8"
    assert "javascript" in client.get("/static/map.js").headers["content-type"]


def test_a_known_etag_gets_304_without_body(client: TestClient) -> None:
    etag = client.get("/static/app.css").headers["etag"]
    again = client.get("/static/app.css", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    stale = client.get("/static/app.css", headers={"If-None-Match": '"old"'})
    assert stale.status_code == 200 and stale.content


def test_head_has_length_but_no_body(client: TestClient) -> None:
    resp = client.head("/static/app.css")
    assert resp.status_code == 200
    assert resp.content == b""
    assert int(resp.headers["content-length"]) == (STATIC_DIR / "app.css").stat().st_size


def test_unknown_files_and_paths_outside_the_folder_are_404(client: TestClient) -> None:
    for path in ("/static/nope.js", "/static/../app.py", "/static/%2e%2e/app.py", "/static/"):
        assert client.get(path).status_code == 404, path


def test_other_methods_are_refused(client: TestClient) -> None:
    resp = client.post("/static/app.css")
    assert resp.status_code == 405
    assert resp.headers["allow"] == "GET, HEAD"


def test_security_headers_on_assets_pages_and_api(client: TestClient) -> None:
    for path in ("/static/app.css", "/", "/api/health", "/articles/nope"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "no-referrer", path


def test_static_dir_is_inside_the_package() -> None:
    assert STATIC_DIR.is_dir()
    assert Path(STATIC_DIR, "app.css").is_file()
