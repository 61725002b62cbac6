"""Media on S3, against moto's S3 server on 127.0.0.1: public images and documents
are read straight from the bucket; a print-edition PDF never is, except through the
view that checks access, which hands out a signed URL valid one minute."""

import datetime
import io
from urllib.parse import parse_qs, urlsplit

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from core.storage import PrivateS3Storage
from newsroom.factories import EditionFactory, sample_pdf
from subscriptions.factories import SubscriptionFactory
from tests.core.s3 import REGION, anonymous_get

pytestmark = pytest.mark.django_db


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#a3161c").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def edition(s3_media):
    return EditionFactory(
        number=12,
        published_on=timezone.localdate() - datetime.timedelta(days=1),
        pdf=ContentFile(sample_pdf(["Versus n° 12"]), name="versus-12.pdf"),
    )


@pytest.fixture
def subscriber(db):
    return SubscriptionFactory().account.user


def signed_query(url: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


# --- Public media -----------------------------------------------------------------


# Wagtail leaves the temporary file of a new rendition to the garbage collector.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <function SpooledTemporaryFile.__del__"
    ":pytest.PytestUnraisableExceptionWarning"
)
def test_an_image_and_its_rendition_go_to_the_public_bucket_and_read_back(s3_media):
    image = wagtail_factories.ImageFactory(
        title="Couverture",
        file=ContentFile(png(120, 90), name="couverture.png"),
    )

    rendition = image.get_rendition("fill-60x60")
    status, headers, body = anonymous_get(rendition.url)

    keys = s3_media.keys(s3_media.bucket)
    assert f"media/{image.file.name}" in keys
    assert f"media/{rendition.file.name}" in keys
    # A plain, cacheable URL: no signature, nothing that expires.
    assert rendition.url.startswith(f"{s3_media.endpoint}/{s3_media.bucket}/media/")
    assert "X-Amz-Signature" not in rendition.url
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=86400"
    assert Image.open(io.BytesIO(body)).size == (60, 60)
    assert s3_media.keys(s3_media.private_bucket) == []


def test_a_document_link_redirects_to_the_file_in_the_public_bucket(client, s3_media):
    document = wagtail_factories.DocumentFactory(
        title="Charte",
        file=ContentFile(b"Charte des contributeurs", name="charte.txt"),
    )

    response = client.get(document.url)
    status, _, body = anonymous_get(response["Location"])

    assert response.status_code == 302
    assert response["Location"] == document.file.url
    assert status == 200
    assert body == b"Charte des contributeurs"


# --- Private files ----------------------------------------------------------------


def test_a_print_edition_pdf_is_kept_private_in_its_own_bucket(s3_media, edition):
    (key,) = s3_media.keys(s3_media.private_bucket)

    status, _, body = anonymous_get(s3_media.object_url(s3_media.private_bucket, key))

    assert key == f"private/{edition.pdf.name}"
    assert not any(name.endswith(".pdf") for name in s3_media.keys(s3_media.bucket))
    # moto, like S3, refuses an object without public grant to an unsigned request.
    assert status == 403
    assert b"%PDF-" not in body
    grants = s3_media.client.get_object_acl(Bucket=s3_media.private_bucket, Key=key)
    assert [grant["Permission"] for grant in grants["Grants"]] == ["FULL_CONTROL"]
    assert "URI" not in grants["Grants"][0]["Grantee"]


def test_a_subscriber_is_sent_to_a_signed_url_that_serves_the_pdf(
    client, s3_media, edition, subscriber
):
    client.force_login(subscriber)

    response = client.get("/editions/12/pdf/")
    status, headers, body = anonymous_get(response["Location"])

    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    assert response["Location"].startswith(
        f"{s3_media.endpoint}/{s3_media.private_bucket}/private/editions/"
    )
    assert status == 200
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"] == 'attachment; filename="versus-12.pdf"'
    with edition.pdf.open("rb") as stored:
        assert body == stored.read()
    assert body.startswith(b"%PDF-")


def test_the_signed_url_is_valid_sixty_seconds_and_signed(
    client, s3_media, edition, subscriber
):
    client.force_login(subscriber)

    location = client.get("/editions/12/pdf/")["Location"]

    query = signed_query(location)
    assert query["X-Amz-Expires"] == "60"
    assert query["X-Amz-Algorithm"] == "AWS4-HMAC-SHA256"
    assert query["X-Amz-Credential"].startswith("AKIAVERSUSTEST000000/")
    assert len(query["X-Amz-Signature"]) == 64
    assert query["X-Amz-Credential"].endswith(f"/{REGION}/s3/aws4_request")


def test_a_reader_without_access_is_refused_and_given_no_bucket_address(
    client, s3_media, edition, reader
):
    anonymous = client.get("/editions/12/pdf/")
    client.force_login(reader)
    refused = client.get("/editions/12/pdf/")

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))
    assert refused.status_code == 403
    assert "Location" not in refused
    assert s3_media.endpoint not in refused.content.decode()


def test_a_pdf_missing_from_the_bucket_is_not_found(
    client, s3_media, edition, subscriber
):
    s3_media.client.delete_object(
        Bucket=s3_media.private_bucket, Key=f"private/{edition.pdf.name}"
    )
    client.force_login(subscriber)

    assert client.get("/editions/12/pdf/").status_code == 404


def test_private_storage_never_gives_a_plain_or_public_url(s3_media):
    """Options meant for public media cannot open the private bucket."""
    storage = PrivateS3Storage(
        **{
            **s3_media.config.storages()["private"]["OPTIONS"],
            "custom_domain": "media.versus.example",
            "default_acl": "public-read",
            "querystring_auth": False,
        }
    )
    name = storage.save("editions/essai.pdf", ContentFile(b"%PDF-1.4 essai"))

    signed = storage.signed_url(
        name, filename="essai.pdf", content_type="application/pdf", as_attachment=True
    )

    with pytest.raises(ValueError, match="no URL"):
        storage.url(name)
    assert urlsplit(signed).netloc == urlsplit(s3_media.endpoint).netloc
    assert "X-Amz-Signature" in signed
    key = f"private/{name}"
    status, _, _ = anonymous_get(s3_media.object_url(s3_media.private_bucket, key))
    assert status == 403
