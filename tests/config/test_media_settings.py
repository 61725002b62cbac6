"""Media storage settings: the disk with no variable, S3 with a whole configuration,
and a clear refusal of half a one."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.media import object_storage
from tests.config.test_production_settings import (
    clean_environ,
    improperly_configured,
    manage,
    production_environ,
    read_settings,
)

WHOLE = {
    "bucket": "versus-media",
    "private_bucket": "",
    "region": "eu-west-3",
    "endpoint_url": "",
    "access_key": "AKIAEXAMPLE",
    "secret_key": "secret",
    "custom_domain": "",
    "public_acl": "",
    "signed_url_seconds": 60,
}

READ_STORAGES = """
    import json
    from django.conf import settings
    print(json.dumps({
        "default": settings.STORAGES["default"],
        "private": settings.STORAGES["private"],
        "docs": settings.WAGTAILDOCS_SERVE_METHOD,
        "img_src": [str(source) for source in settings.SECURE_CSP["img-src"]],
    }))
"""


def test_without_any_variable_media_stay_on_this_servers_disk(tmp_path):
    loaded = read_settings(clean_environ(tmp_path), READ_STORAGES)

    assert loaded["default"]["BACKEND"].endswith("FileSystemStorage")
    assert loaded["private"]["BACKEND"] == "core.storage.PrivateFileStorage"
    assert loaded["docs"] == "serve_view"


def test_a_production_with_one_server_may_keep_media_on_its_disk(tmp_path):
    env = production_environ(tmp_path, tmp_path / "prod.sqlite3")

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr


def test_a_whole_s3_configuration_puts_both_storages_on_s3(tmp_path):
    env = clean_environ(
        tmp_path,
        AWS_STORAGE_BUCKET_NAME="versus-media",
        AWS_PRIVATE_STORAGE_BUCKET_NAME="versus-private",
        AWS_S3_REGION_NAME="fr-par",
        AWS_S3_ENDPOINT_URL="https://s3.fr-par.scw.cloud",
        AWS_ACCESS_KEY_ID="SCWEXAMPLE",
        AWS_SECRET_ACCESS_KEY="secret",
        AWS_S3_CUSTOM_DOMAIN="media.versus.example",
        AWS_DEFAULT_ACL="public-read",
    )

    loaded = read_settings(env, READ_STORAGES)

    public, private = loaded["default"], loaded["private"]
    assert public["BACKEND"] == "storages.backends.s3.S3Storage"
    assert public["OPTIONS"]["bucket_name"] == "versus-media"
    assert public["OPTIONS"]["location"] == "media"
    assert public["OPTIONS"]["querystring_auth"] is False
    assert public["OPTIONS"]["custom_domain"] == "media.versus.example"
    assert public["OPTIONS"]["default_acl"] == "public-read"
    assert private["BACKEND"] == "core.storage.PrivateS3Storage"
    assert private["OPTIONS"]["bucket_name"] == "versus-private"
    assert private["OPTIONS"]["location"] == "private"
    assert private["OPTIONS"]["querystring_expire"] == 60
    assert "custom_domain" not in private["OPTIONS"]
    assert "default_acl" not in private["OPTIONS"]
    assert private["OPTIONS"]["endpoint_url"] == "https://s3.fr-par.scw.cloud"
    assert loaded["docs"] == "redirect"
    assert "https://media.versus.example" in loaded["img_src"]


def test_half_an_s3_configuration_stops_start_up_naming_what_is_missing(tmp_path):
    env = clean_environ(
        tmp_path,
        AWS_STORAGE_BUCKET_NAME="versus-media",
        AWS_ACCESS_KEY_ID="AKIAEXAMPLE",
    )

    message = improperly_configured(manage("check", env=env))

    assert "AWS_S3_REGION_NAME is required with AWS_STORAGE_BUCKET_NAME" in message
    assert "Media on object storage" in message


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"bucket": "", "region": "eu-west-3", "custom_domain": "media.example"},
            "AWS_S3_REGION_NAME, AWS_S3_CUSTOM_DOMAIN set without "
            "AWS_STORAGE_BUCKET_NAME",
        ),
        (
            {"bucket": "", "region": "", "private_bucket": "versus-private"},
            "AWS_PRIVATE_STORAGE_BUCKET_NAME set without AWS_STORAGE_BUCKET_NAME",
        ),
        ({"region": ""}, "AWS_S3_REGION_NAME is required"),
        (
            {"secret_key": ""},
            "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not",
        ),
        (
            {"access_key": ""},
            "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not",
        ),
        (
            {"endpoint_url": "s3.fr-par.scw.cloud"},
            "AWS_S3_ENDPOINT_URL must be an http(s) URL",
        ),
        (
            {"custom_domain": "https://media.example/"},
            "AWS_S3_CUSTOM_DOMAIN is a host name",
        ),
        ({"public_acl": "private"}, "AWS_DEFAULT_ACL must be empty or one of"),
        ({"signed_url_seconds": 0}, "PRIVATE_MEDIA_URL_SECONDS must be between"),
    ],
)
def test_each_inconsistent_s3_variable_is_named(changes, expected):
    with pytest.raises(ImproperlyConfigured, match="Media on object storage") as error:
        object_storage(**{**WHOLE, **changes})

    assert expected in str(error.value)


def test_access_keys_alone_leave_media_on_disk_for_amazon_ses():
    keys_only = dict.fromkeys(WHOLE, "") | {
        "access_key": "AKIAEXAMPLE",
        "secret_key": "secret",
        "signed_url_seconds": 60,
    }

    assert object_storage(**keys_only) is None


def test_without_keys_s3_uses_the_servers_own_credentials():
    config = object_storage(**{**WHOLE, "access_key": "", "secret_key": ""})

    options = config.storages()["private"]["OPTIONS"]
    assert "access_key" not in options
    assert "secret_key" not in options
    # One bucket for both: public media and private files under their own prefixes.
    assert (
        options["bucket_name"] == config.storages()["default"]["OPTIONS"]["bucket_name"]
    )
    assert config.public_origins() == [
        "https://versus-media.s3.amazonaws.com",
        "https://versus-media.s3.eu-west-3.amazonaws.com",
    ]
