"""config/settings.py as each environment really loads it, through manage.py.

Settings are read once, at import, so each environment runs in a subprocess of its
own, built from a copy of this process's environment with every variable the
settings read removed: neither the developer's shell nor CI leaks into it.
"""

import json
import os
import re
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

# Every variable config/settings.py reads (by prefix or by name).
_SETTINGS_PREFIXES = (
    "DJANGO_",
    "DATABASE_",
    "EMAIL_",
    "SECURE_",
    "ANYMAIL_",
    "STRIPE_",
    "AWS_",
    "PRIVATE_MEDIA_",
)
_SETTINGS_NAMES = {
    "ALLOWED_HOSTS",
    "CLIENT_IP_HEADER",
    "CSRF_TRUSTED_ORIGINS",
    "DEFAULT_FROM_EMAIL",
    "LOG_LEVEL",
    "MEDIA_ROOT",
    "REDIS_URL",
    "SECRET_KEY",
    "SERVER_EMAIL",
    "TRUSTED_PROXY_COUNT",
    "VERSUS_VAR_DIR",
    "WAGTAILADMIN_BASE_URL",
}
REQUIRED_IN_PRODUCTION = [
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "EMAIL_ESP",
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
]


def clean_environ(var_dir: Path, **variables: str) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(_SETTINGS_PREFIXES) and name not in _SETTINGS_NAMES
    }
    # Never the repository's var/: its database, mail and static files stay as they are.
    env["VERSUS_VAR_DIR"] = str(var_dir)
    env.update(variables)
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def read_settings(env: dict[str, str], script: str) -> dict:
    """Run ``script`` in ``manage.py shell``; it must print one JSON object last."""
    result = manage("shell", "--no-imports", "-c", textwrap.dedent(script), env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def improperly_configured(result: subprocess.CompletedProcess) -> str:
    """The ImproperlyConfigured message the failed command ended on."""
    assert result.returncode != 0
    messages = re.findall(r"ImproperlyConfigured: (.+)", result.stderr)
    assert messages, result.stderr
    return messages[-1]


def missing_names(message: str) -> set[str]:
    match = re.search(r"DJANGO_ENV=production: (.+?)\. See", message)
    assert match, message
    return {name.strip() for name in match.group(1).split(",")}


def production_environ(var_dir: Path, database: Path, **variables: str):
    return clean_environ(
        var_dir,
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="versus.example",
        DATABASE_URL=f"sqlite:///{database}",
        EMAIL_ESP="brevo",
        EMAIL_ESP_API_KEY="x",
        STRIPE_SECRET_KEY="sk_test_x",
        STRIPE_WEBHOOK_SECRET="whsec_x",
        **variables,
    )


# --- Production refuses to start without its secrets ------------------------------


def test_production_without_any_secret_refuses_to_start_naming_them_all(tmp_path):
    result = manage("check", env=clean_environ(tmp_path, DJANGO_ENV="production"))

    message = improperly_configured(result)
    assert missing_names(message) == set(REQUIRED_IN_PRODUCTION)


@pytest.mark.parametrize("missing", REQUIRED_IN_PRODUCTION)
def test_production_names_exactly_the_one_missing_variable(tmp_path, missing):
    env = production_environ(tmp_path, tmp_path / "prod.sqlite3")
    del env[missing]

    result = manage("check", env=env)

    assert missing_names(improperly_configured(result)) == {missing}


def test_production_refuses_an_email_provider_without_its_key(tmp_path):
    env = production_environ(tmp_path, tmp_path / "prod.sqlite3")
    del env["EMAIL_ESP_API_KEY"]

    result = manage("check", env=env)

    assert missing_names(improperly_configured(result)) == {"EMAIL_ESP_API_KEY"}


def test_an_unknown_email_provider_is_refused_with_the_list_of_known_ones(tmp_path):
    result = manage("check", env=clean_environ(tmp_path, EMAIL_ESP="smtp"))

    message = improperly_configured(result)
    assert "EMAIL_ESP" in message
    assert "'smtp'" in message
    assert "brevo" in message
    assert "amazon_ses" in message


def test_an_unknown_environment_name_is_refused(tmp_path):
    result = manage("check", env=clean_environ(tmp_path, DJANGO_ENV="staging"))

    message = improperly_configured(result)
    assert "DJANGO_ENV" in message
    assert "'staging'" in message
    assert "'production'" in message


# --- A complete production configuration ------------------------------------------


def test_a_complete_production_configuration_passes_the_deployment_checks(tmp_path):
    env = production_environ(tmp_path, tmp_path / "prod.sqlite3")

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in result.stdout


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """Production settings, and what a plain-HTTP and an HTTPS request get back."""
    tmp = tmp_path_factory.mktemp("production")
    env = production_environ(tmp, tmp / "prod.sqlite3")
    return read_settings(
        env,
        """
        import json
        from django.conf import settings
        from django.test import Client

        client = Client(HTTP_HOST="versus.example")
        page_over_http = client.get("/")
        healthz_over_http = client.get("/healthz")
        healthz_over_https = client.get("/healthz", HTTP_X_FORWARDED_PROTO="https")
        print(json.dumps({
            "DEBUG": settings.DEBUG,
            "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
            "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
            "LANGUAGE_COOKIE_SECURE": settings.LANGUAGE_COOKIE_SECURE,
            "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
            "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS,
            "SECURE_PROXY_SSL_HEADER": settings.SECURE_PROXY_SSL_HEADER,
            "mail_backend": settings.MAILERS["default"]["BACKEND"],
            "brevo_key": settings.ANYMAIL.get("BREVO_API_KEY"),
            "cache_backend": settings.CACHES["default"]["BACKEND"],
            "page_over_http": [page_over_http.status_code,
                               page_over_http.get("Location")],
            "healthz_over_http": healthz_over_http.status_code,
            "hsts_over_https": healthz_over_https.get("Strict-Transport-Security"),
        }))
        """,
    )


def test_production_runs_without_debug(production):
    assert production["DEBUG"] is False


def test_production_cookies_travel_over_https_only(production):
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["LANGUAGE_COOKIE_SECURE"] is True


def test_production_trusts_the_load_balancer_and_enforces_https(production):
    assert production["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31536000
    # A page asked over plain HTTP is sent to HTTPS ...
    assert production["page_over_http"] == [301, "https://versus.example/"]
    # ... and a request the load balancer marks as HTTPS gets the HSTS header.
    assert production["hsts_over_https"] == (
        "max-age=31536000; includeSubDomains; preload"
    )


def test_production_health_check_answers_over_plain_http(production):
    """The load balancer probes over HTTP: a redirect would mark the site down."""
    assert production["healthz_over_http"] == 200


def test_production_sends_mail_through_brevo_with_the_given_key(production):
    assert production["mail_backend"] == "anymail.backends.brevo.EmailBackend"
    assert production["brevo_key"] == "x"


def test_without_redis_url_production_caches_in_process_memory(production):
    assert production["cache_backend"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_redis_url_moves_the_cache_to_redis_and_sessions_to_cached_db(tmp_path):
    env = production_environ(
        tmp_path, tmp_path / "prod.sqlite3", REDIS_URL="redis://127.0.0.1:6379/15"
    )

    found = read_settings(
        env,
        """
        import json
        from django.conf import settings
        print(json.dumps({
            "cache": settings.CACHES["default"],
            "SESSION_ENGINE": settings.SESSION_ENGINE,
        }))
        """,
    )

    assert found["cache"]["BACKEND"] == "core.redis_cache.RedisCache"
    assert found["cache"]["LOCATION"] == "redis://127.0.0.1:6379/15"
    assert found["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


# --- Development: no variable at all ----------------------------------------------


@pytest.fixture(scope="module")
def development(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("var")
    found = read_settings(
        clean_environ(var_dir),
        """
        import json
        from django.conf import settings
        from django.db import connection

        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode")
        print(json.dumps({
            "DEBUG": settings.DEBUG,
            "database": settings.DATABASES["default"],
            "journal_mode": cursor.fetchone()[0],
            "cache_backend": settings.CACHES["default"]["BACKEND"],
            "SESSION_ENGINE": settings.SESSION_ENGINE,
            "mailer": settings.MAILERS["default"],
        }, default=str))
        """,
    )
    return var_dir, found


def test_development_runs_with_debug(development):
    _, found = development

    assert found["DEBUG"] is True


def test_development_keeps_its_sqlite_database_under_the_var_dir(development):
    var_dir, found = development

    assert found["database"]["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(found["database"]["NAME"]) == var_dir / "db.sqlite3"
    assert (var_dir / "db.sqlite3").is_file()


def test_development_sqlite_connections_use_write_ahead_logging(development):
    _, found = development

    assert found["journal_mode"] == "wal"


def test_development_caches_in_process_memory(development):
    _, found = development

    assert found["cache_backend"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_development_mail_goes_to_the_console_and_var_mail(development):
    var_dir, found = development

    assert found["mailer"]["BACKEND"] == "core.mail.DevelopmentEmailBackend"
    assert Path(found["mailer"]["OPTIONS"]["folder"]) == var_dir / "mail"


def test_a_live_stripe_key_with_debug_on_is_refused(tmp_path):
    result = manage(
        "check",
        env=clean_environ(
            tmp_path, DJANGO_DEBUG="true", STRIPE_SECRET_KEY="sk_live_not_real"
        ),
    )

    assert "A live Stripe key with DEBUG on is refused" in improperly_configured(result)


def test_without_stripe_keys_development_runs_in_demo_mode(tmp_path):
    settings = read_settings(
        clean_environ(tmp_path),
        """
        import json
        from django.conf import settings
        print(json.dumps({"demo": settings.STRIPE_DEMO_MODE}))
        """,
    )

    assert settings == {"demo": True}
