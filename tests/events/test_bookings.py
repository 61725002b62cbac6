"""Institutions: request → quote → acceptance → invoice → payment, or cancellation
with a credit note. Money to the cent, numbers without gaps, Stripe offline."""

import datetime
import io
import itertools

import facturx
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from lxml import etree

from core.models import OutgoingEmail
from core.money import money
from events import services
from events.models import (
    Booking,
    BookingLog,
    Invoice,
    Quote,
    SeatStock,
    StripeOperation,
)
from payments.events import receive_event
from tests.core.provider import owed_then_sent_once
from tests.events.conftest import VALID_SIRET, after_commit, stripe_invoicing
from tests.stripe_fake.objects import build
from tests.subscriptions.fake_stripe import event

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year
YEAR_LONG = datetime.timedelta(days=365)


def offer_booking(offer, buyer, *, options=("Captation vidéo",), **kwargs):
    chosen = offer.formats.get(name="Débat contradictoire")
    return services.request_booking(
        buyer=buyer,
        offer=offer,
        format_id=chosen.pk,
        option_ids=[offer.options.get(name=name).pk for name in options],
        preferred_date=timezone.localdate() + datetime.timedelta(days=60),
        **kwargs,
    )


def invoiced(offer, buyer, *, po_number="BC-2026-117"):
    """An invoiced booking, once what follows the issue's commit has run."""
    booking = offer_booking(offer, buyer)
    quote = services.send_quote(booking)
    with after_commit():
        invoice = services.accept_quote(quote, po_number=po_number)
    invoice.refresh_from_db()
    return invoice


def states(booking):
    return list(
        BookingLog.objects.filter(booking=booking).values_list("action", "state")
    )


# --- Request ---------------------------------------------------------------------------------


def quote_form(offer, **changes):
    data = {
        "buyer_type": "local_authority",
        "legal_name": "Commune de Saint-Débat",
        "siret": "990 123 457 00014",
        "vat_number": "",
        "street": "1 place de la Mairie",
        "postcode": "35000",
        "city": "Rennes",
        "contact_name": "Louise Martin",
        "contact_role": "Directrice de la culture",
        "email": "culture@saint-debat.example",
        "phone": "02 99 00 00 00",
        "service_code": "CULTURE",
        "commitment_number": "",
        "po_required": "on",
        "offer_format": offer.formats.get(name="Débat contradictoire").pk,
        "options": [offer.options.get(name="Captation vidéo").pk],
        "preferred_date": (
            timezone.localdate() + datetime.timedelta(days=60)
        ).isoformat(),
        "preferred_dates": "un mardi soir",
        "notes": "",
    }
    data.update(changes)
    return data


def test_a_town_hall_asks_for_a_quote_from_the_offer_page(
    client, offer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(offer.url, quote_form(offer, price_cents="1"))

    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("events:booking", args=[booking.access_key])
    assert booking.siret == VALID_SIRET
    assert booking.state == Booking.State.REQUESTED
    assert booking.format_name == "Débat contradictoire"
    # Prices are the catalogue's, whatever the form carried.
    assert booking.options == [{"name": "Captation vidéo", "price_cents": 60000}]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "culture@saint-debat.example",
        "facturation@versus.example",
    ]


def test_an_english_request_is_acknowledged_in_english_and_told_to_us_in_french(
    offer, town_hall, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        offer_booking(offer, town_hall, language="en")

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert (
        by_recipient["culture@saint-debat.example"].subject
        == "[Versus] We have your request"
    )
    assert by_recipient["facturation@versus.example"].subject.startswith(
        "[Versus] Nouvelle demande de réservation"
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("siret", "99012345700015", "SIRET"),
        ("siret", "1234", "14"),
        ("vat_number", "FR00990123457", "TVA"),
        ("preferred_date", "2020-01-01", "venir"),
        ("offer_format", "999999", "formule"),
        ("options", ["999999"], "option"),
        ("postcode", "3500", "5"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_and_nothing_is_stored(
    client, offer, field, value, message
):
    response = client.post(offer.url, quote_form(offer, **{field: value}))

    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    assert message.lower() in " ".join(form.errors[field]).lower()
    assert Booking.objects.count() == 0
    assert len(mail.outbox) == 0


def test_a_valid_vat_number_is_kept_in_its_compact_form(client, offer):
    client.post(offer.url, quote_form(offer, vat_number="fr 08 990123457"))
    assert Booking.objects.get().vat_number == "FR08990123457"


def test_an_offer_that_is_not_published_takes_no_request(offer, town_hall):
    offer.unpublish()
    offer.refresh_from_db()
    with pytest.raises(services.BookingError):
        offer_booking(offer, town_hall)
    assert Booking.objects.count() == 0


def test_an_institution_asks_for_more_seats_than_remain(
    client, small_conference, town_hall
):
    response = client.post(
        small_conference.url + "groupes/",
        {**town_hall, "po_required": "", "seats": 11},
    )
    assert response.status_code == 400
    assert "10" in " ".join(response.context["form"].errors["seats"])
    assert Booking.objects.count() == 0


# --- Quote -------------------------------------------------------------------------------------


def test_a_quote_has_the_catalogue_lines_vat_per_rate_and_totals_to_the_cent(
    offer, town_hall
):
    booking = offer_booking(
        offer, town_hall, options=("Déplacement hors Île-de-France", "Captation vidéo")
    )
    quote = services.send_quote(booking)

    assert quote.number == f"DEV-{YEAR}-0001"
    lines = list(quote.lines.values_list("description", "quantity", "unit_price_cents"))
    assert lines == [
        ("Débat contradictoire (2 h)", 1, 180000),
        ("Déplacement hors Île-de-France", 1, 35000),
        ("Captation vidéo", 1, 60000),
    ]
    assert (quote.net_cents, quote.vat_cents, quote.gross_cents) == (
        275000,
        55000,
        330000,
    )
    assert quote.valid_until == timezone.localdate() + datetime.timedelta(days=30)
    assert quote.buyer["siret"] == VALID_SIRET
    assert quote.seller["siret"] == "99012345700014"
    booking.refresh_from_db()
    assert booking.state == Booking.State.QUOTED


def test_seats_on_quote_are_priced_net_of_vat_and_the_vat_is_rounded_once(
    small_conference, town_hall
):
    booking = services.request_booking(
        buyer=town_hall, conference=small_conference, seats=7
    )
    quote = services.send_quote(booking)

    # 8,00 € VAT included is 6,67 € net; 7 seats make 46,69; VAT 9,338 → 9,34.
    line = quote.lines.get()
    assert (line.quantity, line.unit_price_cents) == (7, 667)
    assert (quote.net_cents, quote.vat_cents, quote.gross_cents) == (4669, 934, 5603)


def test_an_institution_pays_the_pack_price_for_whole_packs_and_the_seat_price_after(
    index, town_hall
):
    from events.factories import ConferencePageFactory

    conference = ConferencePageFactory(
        parent=index,
        capacity=100,
        prices=[
            ("individual", "Plein tarif", 800, 1),
            ("institution", "Pack établissement (15 places)", 9000, 15),
        ],
    )
    booking = services.request_booking(buyer=town_hall, conference=conference, seats=20)
    quote = services.send_quote(booking)

    # One pack (90,00 € incl. VAT = 75,00 € net) and 5 seats at 6,67 € net.
    lines = list(quote.lines.values_list("quantity", "unit_price_cents"))
    assert lines == [(1, 7500), (5, 667)]
    assert (quote.net_cents, quote.vat_cents, quote.gross_cents) == (10835, 2167, 13002)


def test_the_quote_email_carries_its_pdf(
    offer, town_hall, django_capture_on_commit_callbacks
):
    booking = offer_booking(offer, town_hall)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        quote = services.send_quote(booking)

    message = mail.outbox[0]
    assert quote.number in message.subject
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == (f"{quote.number}.pdf", "application/pdf")
    assert content.startswith(b"%PDF")


def test_a_new_quote_replaces_the_pending_one_and_numbers_follow(offer, town_hall):
    booking = offer_booking(offer, town_hall)
    first = services.send_quote(booking)
    second = services.send_quote(booking)

    first.refresh_from_db()
    assert first.status == Quote.Status.SUPERSEDED
    assert [first.number, second.number] == [f"DEV-{YEAR}-0001", f"DEV-{YEAR}-0002"]
    with pytest.raises(services.BookingError):
        services.accept_quote(first, po_number="BC-1")


def test_the_booking_page_shows_the_quote_and_lets_the_buyer_accept_it(
    client, offer, town_hall, django_capture_on_commit_callbacks
):
    booking = offer_booking(offer, town_hall)
    quote = services.send_quote(booking)
    url = reverse("events:booking", args=[booking.access_key])

    page = client.get(url)
    html = page.content.decode()
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert quote.number in html
    assert money(288000) in html

    refused = client.post(url, {"po_number": "", "agree": "on"})
    assert refused.status_code == 400
    assert "po_number" in refused.context["form"].errors
    booking.refresh_from_db()
    assert booking.state == Booking.State.QUOTED

    with django_capture_on_commit_callbacks(execute=True):
        accepted = client.post(url, {"po_number": "BC-2026-117", "agree": "on"})
    assert accepted.status_code == 302
    booking.refresh_from_db()
    assert booking.state == Booking.State.INVOICED
    assert booking.po_number == "BC-2026-117"
    invoice = booking.invoices.get()
    assert any(invoice.number in message.subject for message in mail.outbox)
    pdf = client.get(
        reverse("events:invoice_pdf", args=[booking.access_key, invoice.number])
    )
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def messages_on(response):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(response.content, "html.parser")
    return [
        (" ".join(message["class"]), message.get_text(strip=True))
        for message in page.select(".messages .message")
    ]


def english_day(moment) -> str:
    moment = timezone.localtime(moment)
    return f"{moment.day} {moment:%B} {moment.year}"


def test_accepting_a_quote_a_second_time_shows_the_invoice_already_issued(
    client, offer, town_hall
):
    booking = offer_booking(offer, town_hall)
    quote = services.send_quote(booking)
    with translation.override("en"):
        url = reverse("events:booking", args=[booking.access_key])
    client.get(client.post(url, {"po_number": "BC-2026-117", "agree": "on"}).url)
    invoice = booking.invoices.get()
    logged, owed = BookingLog.objects.count(), OutgoingEmail.objects.count()
    quote.refresh_from_db()

    again = client.post(url, {"po_number": "BC-2026-117", "agree": "on"})
    page = client.get(again["Location"])

    assert again.status_code == 302
    assert again["Location"] == url
    assert page.status_code == 200
    assert messages_on(page) == [
        (
            "message message--info",
            f"This quote was already accepted on {english_day(quote.accepted_at)}: "
            "there is nothing more to do. Your invoice is below; it was also "
            "emailed to culture@saint-debat.example.",
        )
    ]
    pdf = reverse("events:invoice_pdf", args=[booking.access_key, invoice.number])
    assert pdf.removeprefix("/") in page.content.decode()
    assert booking.invoices.count() == 1
    assert (BookingLog.objects.count(), OutgoingEmail.objects.count()) == (
        logged,
        owed,
    )


def test_a_second_acceptance_with_another_po_number_says_how_to_change_it(
    client, offer, town_hall
):
    booking = offer_booking(offer, town_hall)
    services.accept_quote(services.send_quote(booking), po_number="BC-1")
    with translation.override("en"):
        url = reverse("events:booking", args=[booking.access_key])

    # Sent again from the browser's history, the box not even ticked.
    again = client.post(url, {"po_number": "BC-2"}, follow=True)

    ((kind, said),) = messages_on(again)
    assert again.redirect_chain == [(url, 302)]
    assert kind == "message message--info"
    assert said.startswith("This quote was already accepted on ")
    assert said.endswith(
        " The invoice does not carry the purchase order number you have just "
        "entered (BC-2): to have it added, write to facturation@versus.example."
    )
    booking.refresh_from_db()
    assert booking.po_number == "BC-1"
    assert booking.invoices.get().buyer_reference == "BC-1"


def test_a_second_acceptance_on_the_french_site_lands_on_the_booking_page(
    client, offer, town_hall
):
    booking = offer_booking(offer, town_hall)
    services.accept_quote(services.send_quote(booking), po_number="BC-1")
    url = reverse("events:booking", args=[booking.access_key])

    again = client.post(url, {"po_number": "BC-1", "agree": "on"}, follow=True)

    assert again.redirect_chain == [(url, 302)]
    assert [kind for kind, _said in messages_on(again)] == ["message message--info"]
    assert "FAC-" in again.content.decode()
    assert Invoice.objects.count() == 1


def test_accepting_the_quote_of_a_cancelled_booking_says_so_above_the_page(
    client, offer, town_hall
):
    booking = offer_booking(offer, town_hall)
    services.accept_quote(services.send_quote(booking), po_number="BC-1")
    services.cancel_booking(booking, reason="Salle indisponible.")
    url = reverse("events:booking", args=[booking.access_key])

    again = client.post(url, {"po_number": "BC-1", "agree": "on"}, follow=True)

    assert again.redirect_chain == [(url, 302)]
    assert messages_on(again) == [
        ("message message--error", "Ce devis ne peut plus être accepté.")
    ]
    assert Invoice.objects.count() == 2  # the invoice and its credit note
    booking.refresh_from_db()
    assert booking.state == Booking.State.CANCELLED


def test_the_service_refuses_a_second_acceptance_with_the_accepted_quote(
    offer, town_hall
):
    quote = services.send_quote(offer_booking(offer, town_hall))
    services.accept_quote(quote, po_number="BC-1")

    with pytest.raises(services.QuoteAlreadyAccepted) as refused:
        services.accept_quote(quote, po_number="BC-1")

    assert refused.value.quote == quote
    assert refused.value.quote.accepted_at is not None
    assert Invoice.objects.count() == 1


def test_an_expired_quote_cannot_be_accepted(offer, town_hall):
    booking = offer_booking(offer, town_hall)
    quote = services.send_quote(booking)
    Quote.objects.filter(pk=quote.pk).update(
        valid_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    quote.refresh_from_db()

    with pytest.raises(services.BookingError) as refused:
        services.accept_quote(quote, po_number="BC-1")

    assert "expir" in refused.value.message.lower()
    booking.refresh_from_db()
    assert booking.state == Booking.State.QUOTED
    assert Invoice.objects.count() == 0


def test_a_commitment_number_given_at_request_is_enough_for_a_public_buyer(
    offer, town_hall
):
    town_hall["commitment_number"] = "EJ-4500012345"
    invoice = invoiced(offer, town_hall, po_number="")
    assert invoice.buyer_reference == "EJ-4500012345"


# --- Invoice --------------------------------------------------------------------------------


def test_acceptance_issues_a_numbered_factur_x_invoice_with_every_mention(
    offer, town_hall
):
    invoice = invoiced(offer, town_hall)

    assert invoice.number == f"FAC-{YEAR}-0001"
    assert invoice.booking.state == Booking.State.INVOICED
    assert invoice.due_on == timezone.localdate() + datetime.timedelta(days=30)
    assert (invoice.net_cents, invoice.vat_cents, invoice.gross_cents) == (
        240000,
        48000,
        288000,
    )
    assert invoice.buyer_reference == "BC-2026-117"
    assert invoice.iban == "FR7630006000011234567890189"
    mentions = " ".join(invoice.mentions)
    assert "40" in mentions
    assert "taux d'intérêt légal" in mentions
    with invoice.pdf.open("rb") as handle:
        pdf = handle.read()
    xml_name, xml = facturx.get_xml_from_pdf(io.BytesIO(pdf), check_xsd=True)
    assert xml_name == "factur-x.xml"
    assert facturx.get_level(etree.fromstring(xml)) == "en16931"
    assert invoice.number.encode() in xml
    assert b"BC-2026-117" in xml
    assert b"2880.00" in xml


def test_the_invoice_email_built_before_the_pdf_task_still_carries_the_pdf(
    offer, town_hall
):
    """Whichever comes first after commit, the email or the PDF task, the file
    is rendered once and the email carries it."""
    from core import outbox
    from events.tasks import render_invoice_pdf

    booking = offer_booking(offer, town_hall)
    invoice = services.accept_quote(services.send_quote(booking), po_number="BC-1")
    email = OutgoingEmail.objects.get(key=f"invoice:{invoice.number}")
    mail.outbox.clear()

    assert outbox.deliver(email.pk) == OutgoingEmail.Status.SENT
    invoice.refresh_from_db()
    stored = invoice.pdf.name
    render_invoice_pdf.call(invoice.pk)

    invoice.refresh_from_db()
    assert invoice.pdf.name == stored
    (attachment,) = mail.outbox[0].attachments
    with invoice.pdf.open("rb") as handle:
        assert attachment == (f"{invoice.number}.pdf", handle.read(), "application/pdf")


def test_the_buyer_who_follows_the_link_before_the_pdf_task_gets_the_pdf(
    client, offer, town_hall
):
    booking = offer_booking(offer, town_hall)
    invoice = services.accept_quote(services.send_quote(booking), po_number="BC-1")
    assert not invoice.pdf
    url = reverse("events:invoice_pdf", args=[booking.access_key, invoice.number])

    first = client.get(url)
    invoice.refresh_from_db()
    second = client.get(url)

    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    body = b"".join(first.streaming_content)
    assert body == b"".join(second.streaming_content)
    with invoice.pdf.open("rb") as handle:
        assert handle.read() == body


def test_an_issued_invoice_is_never_edited_nor_deleted(offer, town_hall):
    invoice = invoiced(offer, town_hall)

    invoice.net_cents = 1
    with pytest.raises(ValueError, match="credit note"):
        invoice.save()
    with pytest.raises(ValueError, match="credit note"):
        invoice.delete()
    invoice.refresh_from_db()
    assert invoice.net_cents == 240000


def test_numbers_run_without_gaps_across_bookings(offer, town_hall):
    numbers = [invoiced(offer, town_hall, po_number=f"BC-{n}").number for n in range(3)]
    assert numbers == [f"FAC-{YEAR}-0001", f"FAC-{YEAR}-0002", f"FAC-{YEAR}-0003"]
    assert list(Quote.objects.order_by("number").values_list("number", flat=True)) == [
        f"DEV-{YEAR}-0001",
        f"DEV-{YEAR}-0002",
        f"DEV-{YEAR}-0003",
    ]


# --- Payment ---------------------------------------------------------------------------------


def test_an_editor_records_a_transfer_and_the_contact_gets_a_receipt(
    offer, town_hall, admin_user, django_capture_on_commit_callbacks
):
    invoice = invoiced(offer, town_hall)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.record_payment(
            invoice, method="mandate", reference="VIR DGFIP 2026 117", actor=admin_user
        )

    invoice.refresh_from_db()
    assert invoice.paid_at is not None
    assert invoice.paid_recorded_by == admin_user
    assert invoice.booking.state == Booking.State.PAID
    assert [message.to for message in mail.outbox] == [["culture@saint-debat.example"]]
    assert invoice.number in mail.outbox[0].subject
    with pytest.raises(services.BookingError):
        services.record_payment(invoice, method="transfer", reference="again")


def test_illegal_transitions_are_refused_and_change_nothing(offer, town_hall, index):
    booking = offer_booking(offer, town_hall)
    with pytest.raises(services.BookingError):
        services.mark_done(booking)
    quote = services.send_quote(booking)
    invoice = services.accept_quote(quote, po_number="BC-1")
    with pytest.raises(services.BookingError):
        services.accept_quote(quote, po_number="BC-1")
    with pytest.raises(services.BookingError):
        services.send_quote(booking)
    booking.refresh_from_db()
    assert booking.state == Booking.State.INVOICED
    assert Invoice.objects.count() == 1
    services.record_payment(invoice, method="transfer", reference="VIR 1")
    services.mark_done(booking)
    booking.refresh_from_db()
    assert booking.state == Booking.State.DONE
    with pytest.raises(services.BookingError):
        services.cancel_booking(booking, reason="trop tard")
    assert [action for action, _state in states(booking)] == [
        "requested",
        "quote_sent",
        "quote_accepted",
        "invoiced",
        "paid",
        "done",
    ]


# --- Cancellation -------------------------------------------------------------------------------


def test_cancelling_an_invoiced_booking_issues_a_credit_note_and_frees_the_seats(
    small_conference, town_hall
):
    booking = services.request_booking(
        buyer=town_hall, conference=small_conference, seats=4
    )
    invoice = services.accept_quote(services.send_quote(booking), po_number="BC-9")
    assert SeatStock.objects.get(conference_id=small_conference.pk).taken == 4

    with after_commit():
        credit = services.cancel_booking(booking, reason="Salle indisponible")
    credit.refresh_from_db()

    assert credit.number == f"AV-{YEAR}-0001"
    assert credit.is_credit_note
    assert credit.refers == invoice
    assert (credit.net_cents, credit.vat_cents, credit.gross_cents) == (
        invoice.net_cents,
        invoice.vat_cents,
        invoice.gross_cents,
    )
    booking.refresh_from_db()
    assert booking.state == Booking.State.CANCELLED
    assert SeatStock.objects.get(conference_id=small_conference.pk).taken == 0
    with credit.pdf.open("rb") as handle:
        _name, xml = facturx.get_xml_from_pdf(io.BytesIO(handle.read()))
    assert b"381" in xml
    assert invoice.number.encode() in xml
    with pytest.raises(services.BookingError):
        services.record_payment(invoice, method="transfer", reference="late")


def test_cancelling_before_an_invoice_issues_no_credit_note(offer, town_hall):
    booking = offer_booking(offer, town_hall)
    quote = services.send_quote(booking)
    assert services.cancel_booking(booking, reason="Budget refusé") is None
    quote.refresh_from_db()
    assert quote.status == Quote.Status.CANCELLED
    assert Invoice.objects.count() == 0


def test_overdue_invoices_get_one_reminder_a_week(
    offer, town_hall, django_capture_on_commit_callbacks
):
    invoice = invoiced(offer, town_hall)
    later = invoice.due_on + datetime.timedelta(days=1)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_overdue(today=later) == 1
        assert services.remind_overdue(today=later) == 0

    assert len(mail.outbox) == 1
    assert invoice.number in mail.outbox[0].subject
    assert mail.outbox[0].attachments[0][0] == f"{invoice.number}.pdf"


# --- Stripe Invoicing ------------------------------------------------------------------------


def test_with_stripe_the_same_invoice_is_finalised_there_for_card_or_transfer(
    offer, town_hall, stripe_http
):
    stripe_invoicing(stripe_http)

    invoice = invoiced(offer, town_hall)

    assert invoice.stripe_invoice_id == "in_town"
    assert invoice.hosted_invoice_url == "https://invoice.stripe.com/i/in_town"
    form = stripe_http.calls_to("post", "/v1/invoices")[0]["form"]
    assert form["number"] == [invoice.number]
    assert form["collection_method"] == ["send_invoice"]
    assert form["days_until_due"] == ["30"]
    assert form["payment_settings[payment_method_types][1]"] == ["customer_balance"]
    assert form["metadata[booking]"] == [str(invoice.booking_id)]
    assert form["custom_fields[0][value]"] == ["BC-2026-117"]
    items = stripe_http.calls_to("post", "/v1/invoiceitems")
    assert [call["form"]["unit_amount_decimal"] for call in items] == [
        ["180000"],
        ["60000"],
    ]
    assert all(call["form"]["tax_rates[0]"] == ["txr_fr20"] for call in items)


def stripe_numbers(stripe_http) -> list[str]:
    """The invoice numbers Stripe was asked to create, in the order asked."""
    return [
        call["form"]["number"][0]
        for call in stripe_http.calls_to("post", "/v1/invoices")
    ]


def test_stripe_is_called_after_the_issue_commits_never_under_the_numbering_lock(
    offer, town_hall, stripe_http
):
    stripe_invoicing(stripe_http)
    booking = offer_booking(offer, town_hall)
    quote = services.send_quote(booking)

    with after_commit():
        invoice = services.accept_quote(quote, po_number="BC-1")
        # Issued, numbered and frozen; nothing has gone to Stripe nor been
        # rendered while the transaction (and its lock) was open.
        assert invoice.number == f"FAC-{YEAR}-0001"
        assert stripe_http.calls == []
        assert not invoice.pdf

    invoice.refresh_from_db()
    assert invoice.pdf
    assert invoice.stripe_invoice_id == "in_town"
    assert invoice.stripe_operations.get().status == StripeOperation.Status.DONE


def test_when_stripe_fails_the_invoice_keeps_its_number_and_goes_there_later(
    offer, town_hall, stripe_http
):
    """Stripe's refusal used to roll the issue back, to give the number back;
    but the lock on the sequence was held across the network calls, and Stripe
    might have recorded the number before refusing. Now the number is ours
    before Stripe sees it: the invoice stays issued and sent, Stripe gets it
    on a later attempt, and the next invoice takes the next number."""
    stripe_invoicing(stripe_http)
    first = offer_booking(offer, town_hall)
    quote = services.send_quote(first)
    stripe_http.failures = [400]
    mail.outbox.clear()

    with after_commit():
        invoice = services.accept_quote(quote, po_number="BC-1")

    invoice.refresh_from_db()
    first.refresh_from_db()
    assert invoice.number == f"FAC-{YEAR}-0001"
    assert first.state == Booking.State.INVOICED
    assert invoice.stripe_invoice_id == ""
    assert [m.attachments[0][0] for m in mail.outbox] == [f"{invoice.number}.pdf"]
    waiting = invoice.stripe_operations.get()
    assert (waiting.status, waiting.attempts) == (StripeOperation.Status.PENDING, 1)
    assert "boom" in waiting.last_error
    assert waiting.next_attempt_at > timezone.now()

    second = invoiced(offer, town_hall, po_number="BC-2")
    assert second.number == f"FAC-{YEAR}-0002"

    # Not due yet: nothing is tried; once due, it goes with the number it has.
    assert services.run_due_stripe_operations() == 0
    later = waiting.next_attempt_at + datetime.timedelta(seconds=1)
    assert services.run_due_stripe_operations(now=later) == 1

    invoice.refresh_from_db()
    assert invoice.stripe_invoice_id == "in_town"
    assert stripe_numbers(stripe_http) == [f"FAC-{YEAR}-0002", f"FAC-{YEAR}-0001"]
    keys = [
        call["headers"].get("Idempotency-Key")
        for call in stripe_http.calls_to("post", "/v1/invoices")
    ]
    assert keys == [f"invoice:FAC-{YEAR}-0002", f"invoice:FAC-{YEAR}-0001"]
    assert list(
        Invoice.objects.order_by("number").values_list("number", flat=True)
    ) == [f"FAC-{YEAR}-0001", f"FAC-{YEAR}-0002"]
    assert len(mail.outbox) == 2  # one email per invoice, none again on retry


def test_stripe_is_given_up_after_the_last_attempt_and_an_editor_can_retry(
    offer, town_hall, stripe_http
):
    from events.services.stripe_sync import MAX_ATTEMPTS

    stripe_invoicing(stripe_http)
    booking = offer_booking(offer, town_hall)
    quote = services.send_quote(booking)
    stripe_http.failures = [400] * MAX_ATTEMPTS

    with after_commit():
        invoice = services.accept_quote(quote, po_number="BC-1")
    operation = invoice.stripe_operations.get()
    delays = []
    for _attempt in range(MAX_ATTEMPTS - 1):
        operation.refresh_from_db()
        delays.append(operation.next_attempt_at - timezone.now())
        services.run_due_stripe_operations(
            now=operation.next_attempt_at + datetime.timedelta(seconds=1)
        )

    operation.refresh_from_db()
    assert (operation.status, operation.attempts) == ("failed", MAX_ATTEMPTS)
    # Each wait about twice the one before (a tenth of jitter).
    assert all(b > a * 1.7 for a, b in itertools.pairwise(delays))
    assert services.run_due_stripe_operations(now=timezone.now() + YEAR_LONG) == 0

    with after_commit():
        services.retry_stripe_operation(operation)

    operation.refresh_from_db()
    invoice.refresh_from_db()
    assert operation.status == StripeOperation.Status.DONE
    assert invoice.stripe_invoice_id == "in_town"
    assert stripe_numbers(stripe_http) == [invoice.number]


def test_stripes_finalized_event_ties_an_invoice_whose_answer_was_lost(
    offer, town_hall, stripe_http
):
    """Stripe created and finalised the invoice but its answer never came back:
    its event carries our number, and ties it, so no second creation is tried."""
    stripe_invoicing(stripe_http)
    booking = offer_booking(offer, town_hall)
    quote = services.send_quote(booking)
    stripe_http.failures = [400]
    with after_commit():
        invoice = services.accept_quote(quote, po_number="BC-1")
    finalized = build(
        "invoice",
        id="in_lost",
        status="open",
        hosted_invoice_url="https://invoice.stripe.com/i/in_lost",
        metadata={"booking": str(booking.pk), "number": invoice.number},
    )

    with after_commit():
        receive_event(event("invoice.finalized", finalized))

    invoice.refresh_from_db()
    assert invoice.stripe_invoice_id == "in_lost"
    assert invoice.hosted_invoice_url == "https://invoice.stripe.com/i/in_lost"
    assert invoice.stripe_operations.get().status == StripeOperation.Status.DONE
    assert services.run_due_stripe_operations(now=timezone.now() + YEAR_LONG) == 0
    assert stripe_numbers(stripe_http) == []


def test_a_transfer_recorded_before_stripe_was_tried_keeps_the_invoice_off_stripe(
    offer, town_hall, stripe_http
):
    stripe_invoicing(stripe_http)
    booking = offer_booking(offer, town_hall)
    invoice = services.accept_quote(services.send_quote(booking), po_number="BC-1")

    with after_commit():
        services.record_payment(invoice, method="transfer", reference="VIR 1")
        services.cancel_booking(invoice.booking, reason="Intervenant malade")

    assert stripe_http.calls == []
    assert sorted(invoice.stripe_operations.values_list("action", "status")) == [
        ("create", "skipped")
    ]


def test_a_void_whose_answer_was_lost_is_not_sent_again(offer, town_hall, stripe_http):
    stripe_invoicing(stripe_http)
    invoice = invoiced(offer, town_hall)
    stripe_http.route(
        "post",
        "/v1/invoices/in_town/void",
        build("invoice", id="in_town", status="void"),
    )
    stripe_http.failures = [400]
    with after_commit():
        services.cancel_booking(invoice.booking, reason="Salle indisponible")
    void = invoice.stripe_operations.get(action="void")
    assert void.status == StripeOperation.Status.PENDING
    # Stripe had voided it after all: the next attempt reads that, and stops.
    stripe_http.route(
        "get", "/v1/invoices/in_town", build("invoice", id="in_town", status="void")
    )

    later = void.next_attempt_at + datetime.timedelta(seconds=1)
    assert services.run_due_stripe_operations(now=later) == 1

    void.refresh_from_db()
    assert void.status == StripeOperation.Status.DONE
    assert len(stripe_http.calls_to("post", "/v1/invoices/in_town/void")) == 1
    assert len(stripe_http.calls_to("get", "/v1/invoices/in_town")) == 1


def test_stripes_invoice_paid_event_marks_the_booking_paid(
    offer, town_hall, stripe_http, django_capture_on_commit_callbacks
):
    stripe_invoicing(stripe_http)
    invoice = invoiced(offer, town_hall)
    paid = build(
        "invoice",
        id="in_town",
        status="paid",
        metadata={"booking": str(invoice.booking_id), "number": invoice.number},
        parent=None,
        status_transitions={"paid_at": 1_795_000_000},
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        receive_event(event("invoice.paid", paid))
        receive_event(event("invoice.paid", paid))

    invoice.refresh_from_db()
    assert invoice.payment_method == "stripe"
    assert invoice.paid_at == datetime.datetime.fromtimestamp(
        1_795_000_000, tz=datetime.UTC
    )
    assert invoice.booking.state == Booking.State.PAID
    assert len(mail.outbox) == 1


def test_a_whole_invoice_paid_through_the_webhook_marks_the_booking_paid(
    client, offer, town_hall, stripe_http, django_capture_on_commit_callbacks
):
    """The conference invoice as Stripe sends it (lines, decimal amounts as
    strings, taxes), signed, through the same endpoint and event log as the
    readers' subscriptions."""
    from tests.conftest import WEBHOOK_SECRET
    from tests.stripe_fake.objects import validate
    from tests.subscriptions.fake_stripe import signed

    stripe_invoicing(stripe_http)
    invoice = invoiced(offer, town_hall)
    line = build(
        "line_item",
        amount=180000,
        currency="eur",
        description="Débat en mairie",
        invoice="in_town",
        quantity=1,
        pricing={
            "type": "price_details",
            "price_details": {"price": "price_town", "product": "prod_debate"},
            "unit_amount_decimal": "180000.00",
        },
    )
    paid = build(
        "invoice",
        id="in_town",
        number=invoice.number,
        status="paid",
        collection_method="send_invoice",
        currency="eur",
        total=216000,
        amount_due=216000,
        amount_paid=216000,
        lines={"data": [line], "has_more": False, "url": "/v1/invoices/in_town/lines"},
        metadata={"booking": str(invoice.booking_id), "number": invoice.number},
        parent=None,
        status_transitions={"paid_at": 1_795_000_000},
    )
    payload = event("invoice.paid", paid)
    assert validate("event", payload) == []
    body, header = signed(payload, WEBHOOK_SECRET)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/stripe/webhook/",
            body,
            content_type="application/json",
            headers={"Stripe-Signature": header},
        )

    assert response.status_code == 200
    from payments.models import StripeEvent

    record = StripeEvent.objects.get(id=payload["id"])
    assert record.outcome == "applied"
    assert record.body == body
    invoice.refresh_from_db()
    assert invoice.payment_method == "stripe"
    assert invoice.booking.state == Booking.State.PAID
    assert [m.subject for m in mail.outbox] == [
        f"[Versus] Paiement reçu pour la facture n°\xa0{invoice.number}"
    ]


def test_a_transfer_recorded_by_hand_is_marked_paid_out_of_band_at_stripe(
    offer, town_hall, stripe_http
):
    stripe_invoicing(stripe_http)
    stripe_http.route(
        "post",
        "/v1/invoices/in_town/pay",
        build("invoice", id="in_town", status="paid"),
    )
    invoice = invoiced(offer, town_hall)

    with after_commit():
        services.record_payment(invoice, method="mandate", reference="VIR DGFIP")

    call = stripe_http.calls_to("post", "/v1/invoices/in_town/pay")[0]
    assert call["form"]["paid_out_of_band"] == ["true"]


def test_cancelling_at_stripe_voids_an_unpaid_invoice_and_credits_a_paid_one(
    offer, town_hall, stripe_http
):
    stripe_invoicing(stripe_http)
    stripe_http.route(
        "post",
        "/v1/invoices/in_town/void",
        build("invoice", id="in_town", status="void"),
    )
    stripe_http.route(
        "post",
        "/v1/invoices/in_town/pay",
        build("invoice", id="in_town", status="paid"),
    )
    stripe_http.route(
        "post", "/v1/credit_notes", build("credit_note", id="cn_1", invoice="in_town")
    )
    unpaid = invoiced(offer, town_hall)
    with after_commit():
        services.cancel_booking(unpaid.booking, reason="Salle indisponible")
    assert len(stripe_http.calls_to("post", "/v1/invoices/in_town/void")) == 1

    paid = invoiced(offer, town_hall, po_number="BC-2")
    with after_commit():
        services.record_payment(paid, method="transfer", reference="VIR 2")
        services.cancel_booking(paid.booking, reason="Intervenant malade")

    credit = stripe_http.calls_to("post", "/v1/credit_notes")[0]["form"]
    assert credit["amount"] == [str(paid.gross_cents)]
    assert credit["out_of_band_amount"] == [str(paid.gross_cents)]
    assert Invoice.objects.filter(kind=Invoice.Kind.CREDIT_NOTE).count() == 2


def test_a_failing_email_provider_delays_the_quote_and_undoes_nothing(
    offer, town_hall, provider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = offer_booking(offer, town_hall)
    mail.outbox.clear()
    provider.down = True

    with django_capture_on_commit_callbacks(execute=True):
        quote = services.send_quote(booking)

    booking.refresh_from_db()
    assert booking.state == Booking.State.QUOTED
    assert quote.number == f"DEV-{YEAR}-0001"
    assert mail.outbox == []

    provider.down = False
    owed_then_sent_once(f"quote:{quote.number}")
    assert len(mail.outbox) == 1
    assert quote.number in mail.outbox[0].subject
    assert mail.outbox[0].to == ["culture@saint-debat.example"]
    assert mail.outbox[0].attachments[0][0] == f"{quote.number}.pdf"


def test_a_housekeeping_run_repeated_the_same_day_reminds_once(
    offer, town_hall, django_capture_on_commit_callbacks
):
    invoice = invoiced(offer, town_hall)
    later = invoice.due_on + datetime.timedelta(days=1)
    mail.outbox.clear()

    # Even told to remind at every run, the same day's reminder is owed once.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_overdue(today=later, every_days=0) == 1
        assert services.remind_overdue(today=later, every_days=0) == 0

    assert OutgoingEmail.objects.filter(builder="events.emails.reminder").count() == 1
    assert [message.to for message in mail.outbox] == [["culture@saint-debat.example"]]
    assert [action for action, _state in states(invoice.booking)].count("reminded") == 1


def test_paid_bookings_of_ended_conferences_are_closed_by_housekeeping(
    small_conference, offer, town_hall
):
    seats = services.request_booking(
        buyer=town_hall, conference=small_conference, seats=2
    )
    invoice = services.accept_quote(services.send_quote(seats), po_number="BC-1")
    services.record_payment(invoice, method="transfer", reference="VIR 1")
    on_site = invoiced(offer, town_hall, po_number="BC-2")
    services.record_payment(on_site, method="transfer", reference="VIR 2")

    assert services.close_held_conferences() == 0
    type(small_conference).objects.filter(pk=small_conference.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    assert services.close_held_conferences() == 1

    seats.refresh_from_db()
    on_site.booking.refresh_from_db()
    assert seats.state == Booking.State.DONE
    assert on_site.booking.state == Booking.State.PAID
