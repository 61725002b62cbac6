"""The load balancer's health check (config/urls.py)."""

import pytest


@pytest.mark.django_db
def test_healthz_answers_ok_in_json_and_is_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "must-revalidate"} <= cache_control
    assert "max-age=0" in cache_control
