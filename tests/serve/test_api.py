"""The JSON API: typed endpoints, filters, errors as 4xx JSON, analyse-and-store."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Analysis
from tests.analyse.handmade import plenary_analysis
from tests.serve.conftest import TestClient


def test_openapi_lists_typed_endpoints(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/health",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/actors",
        "/api/actors/{code}",
        "/api/events",
        "/api/network",
        "/api/places",
        "/api/analyze",
    ):
        assert path in paths, path
    schemas = spec["components"]["schemas"]
    assert {"Analysis", "Event", "Quote", "ActorProfile", "Counterpart", "EventSummary"} <= set(
        schemas
    )
    article_ok = paths["/api/articles/{article_id}"]["get"]["responses"]["200"]
    assert article_ok["content"]["application/json"]["schema"]["$ref"].endswith("/Analysis")
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"actor", "source", "target", "type", "status", "date_from", "date_to"} <= params


def test_health(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert (body["articles"], body["events"]) == (3, 5)


def test_article_roundtrip_is_the_stored_analysis(client: TestClient) -> None:
    resp = client.get("/api/articles/test:plenary")
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/json")
    assert Analysis.model_validate(resp.json()) == plenary_analysis()


def test_article_list_filters(client: TestClient) -> None:
    page = client.get("/api/articles", params={"actor": "PRKGOV", "limit": 1}).json()
    assert page["total"] == 2
    assert [a["id"] for a in page["items"]] == ["test:accusation"]
    dated = client.get("/api/articles", params={"date_from": "2024-12-01", "date_to": "2024-12-31"})
    assert [a["id"] for a in dated.json()["items"]] == ["test:plenary"]
    typed = client.get("/api/articles", params={"event_type": "PROTEST"}).json()
    assert [a["id"] for a in typed["items"]] == ["test:accusation"]


def test_actor_endpoint(client: TestClient) -> None:
    profile = client.get("/api/actors/PRKGOV", params={"name": "Kim Jong Un"}).json()
    assert profile["name"] == "Kim Jong Un"
    assert profile["counterparts"][0]["code"] == "USA"
    assert profile["timeline"][0]["period"] == "2024-12-27"
    listing = client.get("/api/actors", params={"q": "korea"}).json()
    assert {a["code"] for a in listing["items"]} == {"KOR", "PRK"}


def test_events_by_dyad(client: TestClient) -> None:
    page = client.get("/api/events", params={"source": "PRKGOV", "target": "USA"}).json()
    assert [(e["type"], e["date"]) for e in page["items"]] == [("THREATEN", "2024-12-27")]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/articles/no-such-id", 404),
        ("/api/actors/NOPE", 404),
        ("/api/actors/PRKGOV?name=Nobody", 404),
        ("/api/articles?date_from=31/12/2024", 422),
        ("/api/articles?limit=0", 422),
        ("/api/events?limit=100000", 422),
        ("/api/nothing-here", 404),
    ],
)
def test_bad_requests_are_json_4xx(client: TestClient, url: str, status: int) -> None:
    resp = client.get(url)
    assert resp.status_code == status
    assert resp.headers["content-type"].startswith("application/json")
    assert "detail" in resp.json()
    assert "Traceback" not in resp.text


def test_analyze_without_store_leaves_the_store_alone(client: TestClient) -> None:
    resp = client.post(
        "/api/analyze",
        json={"text": "A new text.\nSecond line.", "title": "T", "published": "2025-03-01"},
    )
    assert resp.status_code == 200
    body = resp.json()
    assert body["schema"] == "newsgraph.analysis/1"
    assert body["article"]["title"] == "T"
    assert body["article"]["published"] == "2025-03-01"
    assert body["article"]["body"] == "A new text.\nSecond line."
    assert resp.headers["X-Newsgraph-Stored"] == "no"
    assert client.get("/api/health").json()["articles"] == 3


def test_analyze_and_store_then_read_back(client: TestClient) -> None:
    resp = client.post(
        "/api/analyze?store=true", json={"text": "Stored text body.", "title": "Kept"}
    )
    assert resp.headers["X-Newsgraph-Stored"] == "stored"
    article_id = resp.json()["article"]["id"]
    assert client.get(f"/api/articles/{article_id}").json()["article"]["title"] == "Kept"
    assert client.get("/api/health").json()["articles"] == 4
    again = client.post(
        "/api/analyze?store=true", json={"text": "Stored text body.", "title": "Kept"}
    )
    assert again.headers["X-Newsgraph-Stored"] == "unchanged"


def test_analyze_html(client: TestClient) -> None:
    paragraph = "The council met on Monday and agreed to fund the new bridge over the river. " * 4
    html = (
        "<html><head><title>Bridge funded</title></head><body><article><h1>Bridge funded</h1>"
        f"<p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    )
    resp = client.post("/api/analyze", json={"html": html})
    assert resp.status_code == 200, resp.text
    assert "agreed to fund the new bridge" in resp.json()["article"]["body"]


@pytest.mark.parametrize(
    ("payload", "needle"),
    [
        ({}, "exactly one of"),
        ({"text": "x", "html": "<p>x</p>"}, "exactly one of"),
        ({"text": "   \n  "}, "no text"),
        ({"text": "Some text.", "published": "not a date"}, "not a date"),
        ({"html": "<html></html>"}, "no article text"),
    ],
)
def test_analyze_rejects_bad_input(
    client: TestClient, payload: dict[str, str], needle: str
) -> None:
    resp = client.post("/api/analyze", json=payload)
    assert resp.status_code == 422
    assert needle in str(resp.json()["detail"])
    assert "Traceback" not in resp.text


def test_analyze_rejects_non_json(client: TestClient) -> None:
    resp = client.post(
        "/api/analyze", content=b"not json", headers={"content-type": "application/json"}
    )
    assert resp.status_code == 422
    assert resp.headers["content-type"].startswith("application/json")


def test_missing_store_file_is_created(tmp_path: Path) -> None:
    from newsgraph.serve.app import create_app

    path = tmp_path / "fresh.duckdb"
    with TestClient(create_app(path)) as c:
        assert c.get("/api/articles").json() == {"total": 0, "limit": 20, "offset": 0, "items": []}
    assert path.exists()


def test_pages_remembered_for_a_snapshot_follow_a_write(client: TestClient) -> None:
    """A page or answer cached before a write (even a 404) is not served after it."""
    text = {"text": "A text stored later.", "title": "Later"}
    article_id = client.post("/api/analyze", json=text).json()["article"]["id"]
    assert client.get(f"/articles/{article_id}").status_code == 404
    assert client.get(f"/api/articles/{article_id}").status_code == 404
    assert client.post("/api/analyze?store=true", json=text).status_code == 200
    assert client.get(f"/articles/{article_id}").status_code == 200
    assert client.get(f"/api/articles/{article_id}").json()["article"]["title"] == "Later"
