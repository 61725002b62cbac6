"""An invoice's PDF with private files on S3 (moto's server on 127.0.0.1): kept in
the private bucket, handed out by the booking's secret link as a signed redirect."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from events import services
from tests.core.s3 import anonymous_get

pytestmark = pytest.mark.django_db


def test_the_invoice_link_redirects_to_a_signed_url_naming_the_invoice(
    client, s3_media, offer, town_hall
):
    chosen = offer.formats.get(name="Débat contradictoire")
    booking = services.request_booking(
        buyer=town_hall,
        offer=offer,
        format_id=chosen.pk,
        option_ids=[],
        preferred_date=timezone.localdate() + datetime.timedelta(days=60),
    )
    invoice = services.accept_quote(services.send_quote(booking), po_number="BC-1")
    url = reverse("events:invoice_pdf", args=[booking.access_key, invoice.number])

    # The PDF is made on the first request, straight into the private bucket.
    response = client.get(url)
    invoice.refresh_from_db()
    status, headers, body = anonymous_get(response["Location"])
    key = f"private/{invoice.pdf.name}"

    assert response.status_code == 302
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert s3_media.keys(s3_media.private_bucket) == [key]
    assert parse_qs(urlsplit(response["Location"]).query)["X-Amz-Expires"] == ["60"]
    assert status == 200
    assert headers["Content-Disposition"] == f'inline; filename="{invoice.number}.pdf"'
    assert body.startswith(b"%PDF")
    with invoice.pdf.open("rb") as stored:
        assert stored.read() == body
    assert anonymous_get(s3_media.object_url(s3_media.private_bucket, key))[0] == 403
