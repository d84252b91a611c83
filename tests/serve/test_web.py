"""The web UI read over HTTP: pages render without JavaScript, links work, every asset is
local, and hostile article text shows as text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsgraph.report.dossier import dossier_html
from tests.analyse.handmade import HOSTILE, hostile_analysis
from tests.serve.conftest import TestClient


class LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.assets: list[str] = []
        self.inline_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")
        if tag in ("script", "img", "iframe") and values.get("src"):
            self.assets.append(values["src"] or "")
        if tag == "link" and values.get("href"):
            self.assets.append(values["href"] or "")
        if tag == "script" and not values.get("src") and values.get("type") != "application/json":
            self.inline_scripts += 1


def parse(html: str) -> LinkParser:
    parser = LinkParser()
    parser.feed(html)
    return parser


PAGES = [
    "/",
    "/articles/test:plenary",
    "/articles/test:hostile",
    "/actors",
    "/actors/PRKGOV",
    "/actors/PRKGOV?name=Kim%20Jong%20Un",
    "/actors/XSS",
    "/events",
    "/network",
    "/map",
    "/paste",
    "/docs",
]


def test_home_lists_articles_newest_first(client: TestClient) -> None:
    html = client.get("/").text
    titles = ["Hostile", "US accuses Kim of missile launch", "North Korea vows toughest response"]
    positions = [html.index(t) for t in titles]
    assert positions == sorted(positions)
    assert "Example News" in html and "2024-12-30" in html
    assert 'name="q"' in html  # the search box


def test_every_internal_link_on_the_home_page_answers_200(client: TestClient) -> None:
    hrefs = {h for h in parse(client.get("/").text).hrefs if h.startswith("/")}
    assert any(h.startswith("/articles/") for h in hrefs)
    for href in sorted(hrefs):
        assert client.get(href).status_code == 200, href


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_with_local_assets_only(client: TestClient, url: str) -> None:
    resp = client.get(url)
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/html")
    page = parse(resp.text)
    assert page.inline_scripts == 0
    for asset in page.assets:
        assert asset.startswith("/static/"), asset
        assert client.get(asset).status_code == 200, asset


@pytest.mark.parametrize("url", PAGES)
def test_hostile_text_is_escaped_everywhere(client: TestClient, url: str) -> None:
    html = client.get(url).text
    assert "<script>window" not in html
    assert "<img src=x" not in html
    assert not any(h.lower().startswith("javascript:") for h in parse(html).hrefs)


def test_hostile_article_shows_markup_as_text(client: TestClient) -> None:
    html = client.get("/articles/test:hostile").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "Mallory &lt;script&gt;" in html  # actor name in the panel
    assert "Nowhere &lt;script&gt;" in html  # place name


def test_search_form_filters(client: TestClient) -> None:
    html = client.get("/", params={"q": "drills"}).text
    assert "North Korea vows toughest response" in html
    assert "US accuses Kim" not in html
    bad = client.get("/", params={"date_from": "yesterday"})
    assert bad.status_code == 200
    assert "is not a date" in bad.text


def test_article_page_highlights_and_panel(client: TestClient) -> None:
    html = client.get("/articles/test:plenary").text
    assert 'class="legend"' in html
    for kind in ("actor", "trigger", "quote", "claim", "time", "place", "finding"):
        assert f"hl-{kind}" in html, kind
    assert 'data-type="THREATEN"' in html
    assert 'data-source-codes="PRKGOV ' in html and 'data-target-codes="USA ' in html
    assert 'href="/actors/PRKGOV?name=Kim%20Jong%20Un"' in html
    assert 'href="/actors/USA"' in html  # countries link to the code's page
    assert "/static/highlight.js" in html


def test_actor_page(client: TestClient) -> None:
    html = client.get("/actors/PRKGOV", params={"name": "Kim Jong Un"}).text
    assert '<h1 id="actor-name">Kim Jong Un</h1>' in html
    assert 'data-code="USA"' in html  # counterpart row
    assert 'class="chart timeline"' in html and 'class="chart network"' in html
    assert "-4.5" in html


def test_network_and_map(client: TestClient) -> None:
    net = client.get("/network").text
    assert 'stroke="#c0392b"' in net and 'stroke="#2e8b57"' in net  # conflict and cooperation
    world = client.get("/map").text
    assert world.count("<path d=") > 150  # country outlines
    assert 'data-name="Seoul"' in world


def test_paste_analyses_and_shows_an_article_page(client: TestClient) -> None:
    resp = client.post(
        "/paste",
        data={"title": "Pasted <b>title</b>", "published": "2025-04-01", "text": "Body text here."},
    )
    assert resp.status_code == 200
    assert '<h1 id="article-title">Pasted &lt;b&gt;title&lt;/b&gt;</h1>' in resp.text
    assert "not stored" in resp.text
    assert client.get("/api/health").json()["articles"] == 3
    stored = client.post("/paste", data={"text": "Another body.", "store": "true"})
    assert "Analysed and stored." in stored.text
    assert client.get("/api/health").json()["articles"] == 4


def test_paste_errors_are_shown_on_the_form(client: TestClient) -> None:
    resp = client.post("/paste", data={"text": "Body.", "published": "someday"})
    assert resp.status_code == 422
    assert 'id="paste-error"' in resp.text and "Body." in resp.text


def test_missing_pages_are_html_404(client: TestClient) -> None:
    resp = client.get("/articles/nope")
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("text/html")
    assert "No stored article" in resp.text
    assert client.get("/actors/NOPE").status_code == 404
    bad = client.get("/?page=0")
    assert bad.status_code == 400 and "Traceback" not in bad.text


def test_csp_forbids_foreign_and_inline_scripts(client: TestClient) -> None:
    csp = client.get("/").headers["content-security-policy"]
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )


def test_dossier_and_page_share_the_template_and_escape(tmp_path: Path) -> None:
    html = dossier_html(hostile_analysis())
    assert html.startswith("<!doctype html>")
    assert HOSTILE not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
