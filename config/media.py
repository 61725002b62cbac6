"""Where uploaded files live: this server's disk by default, S3 when a bucket is named.

``config/settings.py`` reads the variables and hands them to ``object_storage()``,
which checks that they make a whole and says which one is missing or wrong. The
result builds ``STORAGES["default"]`` (public media: Wagtail images, renditions and
documents) and ``STORAGES["private"]`` (files readers pay for) on django-storages'
S3 backend, https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html

Public media sit under ``media/`` and private files under ``private/``, so one
bucket can hold both with a bucket policy that lets anyone read ``media/*`` and
nothing else; a separate private bucket is safer still.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

PUBLIC_LOCATION = "media"
PRIVATE_LOCATION = "private"
# Canned ACLs that public media may be given. AWS buckets made since 2023 refuse
# every ACL (bucket owner enforced): leave it empty there and grant read access on
# media/* in the bucket policy.
PUBLIC_ACLS = {"public-read"}
# A SigV4 signature is valid for a week at most.
MAX_SIGNED_URL_SECONDS = 7 * 24 * 3600

_S3_BACKEND = "storages.backends.s3.S3Storage"
_PRIVATE_BACKEND = "core.storage.PrivateS3Storage"


@dataclass(frozen=True)
class ObjectStorage:
    bucket: str
    private_bucket: str
    region: str
    endpoint_url: str
    access_key: str
    secret_key: str
    custom_domain: str
    public_acl: str
    signed_url_seconds: int

    def _connection(self) -> dict:
        options = {
            "region_name": self.region,
            "endpoint_url": self.endpoint_url or None,
            # Django's behaviour: a second upload under a taken name gets a suffix
            # instead of replacing the first file.
            "file_overwrite": False,
        }
        if self.access_key:
            options["access_key"] = self.access_key
            options["secret_key"] = self.secret_key
        return options

    def storages(self) -> dict:
        """``STORAGES["default"]`` and ``STORAGES["private"]``."""
        public = {
            **self._connection(),
            "bucket_name": self.bucket,
            "location": PUBLIC_LOCATION,
            # Plain, stable URLs: browsers and the CDN cache them, and building one
            # costs no request to S3.
            "querystring_auth": False,
            "custom_domain": self.custom_domain or None,
            "default_acl": self.public_acl or None,
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        }
        private = {
            **self._connection(),
            "bucket_name": self.private_bucket or self.bucket,
            "location": PRIVATE_LOCATION,
            "querystring_expire": self.signed_url_seconds,
        }
        return {
            "default": {"BACKEND": _S3_BACKEND, "OPTIONS": public},
            "private": {"BACKEND": _PRIVATE_BACKEND, "OPTIONS": private},
        }

    def public_origins(self) -> list[str]:
        """The origins public media are served from, for the pages' img-src."""
        if self.custom_domain:
            return [f"https://{self.custom_domain}"]
        if self.endpoint_url:
            # boto3 addresses a bucket by path on an endpoint of one's own.
            parts = urlsplit(self.endpoint_url)
            return [f"{parts.scheme}://{parts.netloc}"]
        return [
            f"https://{self.bucket}.s3.amazonaws.com",
            f"https://{self.bucket}.s3.{self.region}.amazonaws.com",
        ]


def _refuse(message: str):
    raise ImproperlyConfigured(
        message + " See « Media on object storage » in the README."
    )


def object_storage(
    *,
    bucket: str,
    private_bucket: str,
    region: str,
    endpoint_url: str,
    access_key: str,
    secret_key: str,
    custom_domain: str,
    public_acl: str,
    signed_url_seconds: int,
) -> ObjectStorage | None:
    """The S3 configuration, or None to keep media on this server's disk.

    Refuses a partial configuration rather than falling back to the disk in
    silence: on several app servers that would scatter the uploads."""
    if not bucket:
        stray = {
            "AWS_PRIVATE_STORAGE_BUCKET_NAME": private_bucket,
            "AWS_S3_REGION_NAME": region,
            "AWS_S3_ENDPOINT_URL": endpoint_url,
            "AWS_S3_CUSTOM_DOMAIN": custom_domain,
            "AWS_DEFAULT_ACL": public_acl,
        }
        # The access keys alone are no sign of S3 media: Amazon SES reads them too.
        named = [name for name, value in stray.items() if value]
        if named:
            _refuse(
                f"{', '.join(named)} set without AWS_STORAGE_BUCKET_NAME: name the "
                "public media bucket to keep media on S3, or unset them to keep "
                "media on this server's disk."
            )
        return None
    if not region:
        _refuse(
            "AWS_S3_REGION_NAME is required with AWS_STORAGE_BUCKET_NAME "
            "(e.g. eu-west-3, or fr-par for Scaleway)."
        )
    if bool(access_key) != bool(secret_key):
        given, missing = (
            ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
            if access_key
            else ("AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID")
        )
        _refuse(
            f"{given} is set but {missing} is not: give both, or neither to use "
            "the server's own credentials (an instance role)."
        )
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            _refuse(
                "AWS_S3_ENDPOINT_URL must be an http(s) URL such as "
                f"https://s3.fr-par.scw.cloud, got {endpoint_url!r}."
            )
    if custom_domain and ("/" in custom_domain or ":" in custom_domain):
        _refuse(
            "AWS_S3_CUSTOM_DOMAIN is a host name such as media.versus.fr, without "
            f"scheme or path, got {custom_domain!r}."
        )
    if public_acl and public_acl not in PUBLIC_ACLS:
        _refuse(
            f"AWS_DEFAULT_ACL must be empty or one of {', '.join(sorted(PUBLIC_ACLS))}"
            f", got {public_acl!r}."
        )
    if not 1 <= signed_url_seconds <= MAX_SIGNED_URL_SECONDS:
        _refuse(
            "PRIVATE_MEDIA_URL_SECONDS must be between 1 and "
            f"{MAX_SIGNED_URL_SECONDS} (a week), got {signed_url_seconds}."
        )
    return ObjectStorage(
        bucket=bucket,
        private_bucket=private_bucket,
        region=region,
        endpoint_url=endpoint_url,
        access_key=access_key,
        secret_key=secret_key,
        custom_domain=custom_domain,
        public_acl=public_acl,
        signed_url_seconds=signed_url_seconds,
    )
