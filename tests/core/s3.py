"""A real S3 server on this machine (moto's server mode, on 127.0.0.1), and the
project's storages pointed at it the way production settings build them.

``s3_media`` gives each test two fresh buckets, one for public media and one for
private files, created with boto3 as an operator would, and the settings
``config/media.py`` derives from the same variables."""

import gc
import logging
import socket
import urllib.error
import urllib.request
import uuid
import warnings
from dataclasses import dataclass
from email.message import Message

import boto3
import pytest
from moto.server import ThreadedMotoServer

from config.media import ObjectStorage, object_storage

REGION = "eu-west-3"
KEY_ID = "AKIAVERSUSTEST000000"
SECRET = "versus-test-secret"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def moto_endpoint():
    """moto's S3 server for the whole run; each test makes its own buckets."""
    # One line per request on stderr would bury a failure's output.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(
        ip_address="127.0.0.1", port=_free_port(), verbose=False
    )
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@dataclass
class S3Media:
    endpoint: str
    config: ObjectStorage
    client: object

    @property
    def bucket(self) -> str:
        return self.config.bucket

    @property
    def private_bucket(self) -> str:
        return self.config.private_bucket

    def keys(self, bucket: str) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def object_url(self, bucket: str, key: str) -> str:
        """The object's plain address, as a stranger would type it."""
        return f"{self.endpoint}/{bucket}/{key}"


def anonymous_get(url: str) -> tuple[int, Message, bytes]:
    """GET with no credentials at all, as a browser that was given the URL."""
    request = urllib.request.Request(url)  # noqa: S310 - 127.0.0.1 only
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as refusal:
        return refusal.code, refusal.headers, refusal.read()


def s3_config(endpoint: str, **changes) -> ObjectStorage:
    run = uuid.uuid4().hex[:10]
    variables = {
        "bucket": f"versus-media-{run}",
        "private_bucket": f"versus-private-{run}",
        "region": REGION,
        "endpoint_url": endpoint,
        "access_key": KEY_ID,
        "secret_key": SECRET,
        "custom_domain": "",
        # moto, like most S3 providers other than AWS, honours object ACLs.
        "public_acl": "public-read",
        "signed_url_seconds": 60,
        **changes,
    }
    return object_storage(**variables)


@pytest.fixture
def s3_media(moto_endpoint, settings):
    """STORAGES["default"] and ["private"] on S3, with both buckets made."""
    config = s3_config(moto_endpoint)
    client = boto3.client(
        "s3",
        endpoint_url=moto_endpoint,
        region_name=REGION,
        aws_access_key_id=KEY_ID,
        aws_secret_access_key=SECRET,
    )
    for bucket in (config.bucket, config.private_bucket):
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
    settings.STORAGES = {**settings.STORAGES, **config.storages()}
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    yield S3Media(endpoint=moto_endpoint, config=config, client=client)
    # Wagtail leaves the spooled temporary file of an image read from S3 to the
    # garbage collector; collect it here, where it was made, rather than let its
    # ResourceWarning land on whichever later test the collector happens to run in.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
