"""Every answer carries the security headers, the public site a strict policy and
the admin its own; gunicorn, as production runs it, does not name itself."""

import http.client

import pytest

from tests.bench.harness import gunicorn
from tests.config.test_production_settings import production_environ


def policy(response, header="Content-Security-Policy") -> dict[str, list[str]]:
    directives = {}
    for part in response[header].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.django_db
def test_the_public_site_runs_only_its_own_scripts(client, home_page):
    response = client.get("/")

    csp = policy(response)
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["default-src"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == [
        "'self'",
        "https://checkout.stripe.com",
        "https://billing.stripe.com",
    ]


@pytest.mark.django_db
def test_the_other_headers_are_on_every_page(client, home_page):
    for url in ["/", "/compte/login/", "/en/", "/robots.txt", "/page-qui-nexiste-pas/"]:
        response = client.get(url)
        assert "Content-Security-Policy" in response, url
        assert response["Referrer-Policy"] == "same-origin", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["X-Frame-Options"] == "DENY", url
        permissions = response["Permissions-Policy"]
        for feature in ["camera=()", "geolocation=()", "microphone=()", "payment=()"]:
            assert feature in permissions, url
        assert "browsing-topics=()" in permissions, url
        assert "Server" not in response, url


@pytest.mark.django_db
def test_the_admin_has_its_own_policy(client, home_page):
    response = client.get("/admin/login/")

    csp = policy(response)
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_a_nonce_used_by_a_template_is_the_one_in_the_header(rf, home_page):
    from django.middleware.csp import ContentSecurityPolicyMiddleware
    from django.template import engines

    def view(request):
        from django.http import HttpResponse

        template = engines["django"].from_string(
            "<script nonce='{{ csp_nonce }}'>1</script>"
        )
        return HttpResponse(template.render({}, request))

    response = ContentSecurityPolicyMiddleware(view)(rf.get("/"))

    nonce = response.content.decode().split("'")[1]
    assert f"'nonce-{nonce}'" in policy(response)["script-src"]


def test_gunicorn_in_production_names_no_server(tmp_path):
    env = production_environ(tmp_path, tmp_path / "prod.sqlite3")
    env["ALLOWED_HOSTS"] = "versus.example,127.0.0.1"  # the harness's health check
    with gunicorn(env, workers=1, log=tmp_path / "gunicorn.log") as port:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request(
            "GET",
            "/robots.txt",
            headers={"Host": "versus.example", "X-Forwarded-Proto": "https"},
        )
        answer = connection.getresponse()
        headers = {name.lower(): value for name, value in answer.getheaders()}
        connection.close()

    assert answer.status == 200
    assert "server" not in headers
    assert "upgrade-insecure-requests" in headers["content-security-policy"]
    assert headers["strict-transport-security"].startswith("max-age=31536000")
    assert "camera=()" in headers["permissions-policy"]
