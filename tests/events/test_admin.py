"""Editors follow institutions' bookings in the Wagtail admin: listings and their
exports, a booking's file and its steps, and the dashboard's figures.

The editors here read the admin in English, so that these tests keep passing once
the French translations of the admin's strings are written."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from accounts.factories import UserFactory
from core.money import money
from events import services
from events.factories import ConferencePageFactory, EventIndexPageFactory
from events.models import (
    Booking,
    BookingLog,
    ConferenceOfferPage,
    DocumentSequence,
    Invoice,
    OfferFormat,
    OfferOption,
    Quote,
    StripeOperation,
)
from tests.events.conftest import after_commit, stripe_invoicing
from tests.stripe_fake.objects import build

YEAR = timezone.localdate().year
LISTING = "/admin/events/bookings/"

BUYER = {
    "buyer_type": "school",
    "legal_name": "Lycée Victor-Hugo",
    "siret": "99012345700014",
    "vat_number": "",
    "street": "10 rue des Écoles",
    "postcode": "35000",
    "city": "Rennes",
    "contact_name": "Claire Proviseure",
    "contact_role": "Proviseure adjointe",
    "email": "intendance@lycee.example",
    "phone": "02 99 00 00 00",
    "service_code": "SERV-35",
    "commitment_number": "",
    "po_required": False,
}


def english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def euros(cents: int) -> str:
    with translation.override("en"):
        return money(cents)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def listed(response) -> list[str]:
    return sorted(booking.legal_name for booking in response.context["object_list"])


def csv_rows(response) -> list[dict]:
    content = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(content)))


@pytest.fixture
def editor(db):
    user = UserFactory(email="plume@example.org", first_name="Paul", last_name="Plume")
    user.groups.add(Group.objects.get(name="Editors"))
    return english(user)


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def offer(index):
    """« Organiser un débat chez vous »: one format at 1 200 € and one option at
    300 €, excluding VAT; so 1 500 € + 300 € VAT = 1 800 €."""
    page = ConferenceOfferPage(
        title="Organiser un débat chez vous",
        slug="organiser-un-debat",
        intro="Deux experts, un modérateur, votre public.",
        formats=[
            OfferFormat(
                name="Débat en classe",
                description="Deux heures avec une classe.",
                duration="2 h",
                price_cents=120000,
            )
        ],
        options=[OfferOption(name="Captation vidéo", price_cents=30000)],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_booking(offer):
    def make(**buyer) -> Booking:
        return services.request_booking(
            buyer=BUYER | buyer,
            offer=offer,
            format_id=offer.formats.get().pk,
            option_ids=[offer.options.get().pk],
            preferred_date=timezone.localdate() + datetime.timedelta(days=60),
            preferred_dates="Un mardi de mars",
            notes="Pour les terminales.",
        )

    return make


def quoted(booking: Booking) -> Quote:
    return services.send_quote(booking)


def invoiced(booking: Booking, po_number: str = "BC-2026-17") -> Invoice:
    return services.accept_quote(quoted(booking), po_number=po_number)


def detail_url(booking: Booking, step: str = "detail") -> str:
    return reverse(f"events_bookings:{step}", args=[booking.pk])


# --- Listings ---------------------------------------------------


@pytest.mark.django_db
def test_the_listing_filters_by_state_type_conference_and_month(
    client, editor, index, make_booking
):
    school = make_booking(legal_name="Lycée Victor-Hugo")
    quoted(make_booking(legal_name="Acme SAS", buyer_type="company"))
    conference = ConferencePageFactory(parent=index, title="Transports gratuits ?")
    services.request_booking(
        buyer=BUYER
        | {"legal_name": "Mairie de Rennes", "buyer_type": "local_authority"},
        conference=conference,
        seats=12,
    )
    client.force_login(editor)
    this_month = timezone.localdate().strftime("%Y-%m")
    last_year = f"{YEAR - 1}-{timezone.localdate():%m}"

    everything = client.get(LISTING)
    by_state = client.get(LISTING, {"state": "quoted"})
    by_type = client.get(LISTING, {"buyer_type": "school"})
    by_conference = client.get(LISTING, {"conference": conference.pk})
    by_month = client.get(LISTING, {"requested_in": this_month})
    by_other_month = client.get(LISTING, {"requested_in": last_year})
    by_search = client.get(LISTING, {"q": "acme"})

    assert everything.status_code == 200
    assert listed(everything) == ["Acme SAS", "Lycée Victor-Hugo", "Mairie de Rennes"]
    assert listed(by_state) == ["Acme SAS"]
    assert listed(by_type) == ["Lycée Victor-Hugo"]
    assert listed(by_conference) == ["Mairie de Rennes"]
    assert len(listed(by_month)) == 3
    assert listed(by_other_month) == []
    assert listed(by_search) == ["Acme SAS"]
    html = everything.content.decode()
    assert "Transports gratuits ?" in html
    assert "Débat en classe" in html
    assert euros(180000) in html  # Acme's quote, VAT included
    assert detail_url(school) in html


@pytest.mark.django_db
def test_the_csv_export_holds_the_filtered_rows_with_documents_and_euros(
    client, editor, make_booking
):
    make_booking(legal_name="Lycée Victor-Hugo")
    invoiced(make_booking(legal_name="Acme SAS", buyer_type="company"))
    client.force_login(editor)

    response = client.get(LISTING, {"state": "invoiced", "export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    (row,) = csv_rows(response)
    assert row["Legal name"] == "Acme SAS"
    assert row["SIRET"] == "99012345700014"
    assert row["Conference or format"] == "Débat en classe"
    assert row["Purchase order"] == "BC-2026-17"
    assert row["Quote number"] == f"DEV-{YEAR}-0001"
    assert row["Quote total incl. VAT (€)"] == "1800.00"
    assert row["Invoice number"] == f"FAC-{YEAR}-0001"
    assert row["Invoice total excl. VAT (€)"] == "1500.00"
    assert row["Invoice VAT (€)"] == "300.00"
    assert row["Invoice total incl. VAT (€)"] == "1800.00"
    assert row["Paid at"] == ""
    assert row["Credit note number"] == ""

    paid = invoiced(make_booking(legal_name="Mairie de Brest"), po_number="")
    services.record_payment(
        paid,
        method="transfer",
        reference="VIR 9",
        paid_at=timezone.make_aware(datetime.datetime(YEAR, 1, 5, 12)),
    )
    everything = {
        row["Legal name"]: row
        for row in csv_rows(client.get(LISTING, {"export": "csv"}))
    }
    assert sorted(everything) == ["Acme SAS", "Lycée Victor-Hugo", "Mairie de Brest"]
    assert everything["Mairie de Brest"]["Paid at"] == f"{YEAR}-01-05 12:00"
    assert everything["Mairie de Brest"]["Invoice number"] == f"FAC-{YEAR}-0002"
    assert everything["Lycée Victor-Hugo"]["Quote number"] == ""
    assert everything["Lycée Victor-Hugo"]["Quote total incl. VAT (€)"] == ""
    xlsx = client.get(LISTING, {"export": "xlsx"})
    assert xlsx.status_code == 200
    xlsx.close()


@pytest.mark.django_db
def test_seat_orders_and_the_waiting_list_are_listed_read_only(client, editor, index):
    from events.models import SeatOrder, WaitingListEntry

    conference = ConferencePageFactory(parent=index, title="Le nucléaire, demain ?")
    price = conference.prices.get(category="individual")
    SeatOrder.objects.create(
        conference=conference,
        price=price,
        category=price.category,
        label=price.label,
        unit_price_cents=800,
        quantity=2,
        seats=2,
        amount_cents=1600,
        name="Léa Martin",
        email="lea@example.org",
        status=SeatOrder.Status.PAID,
        held_until=timezone.now(),
        paid_at=timezone.now(),
    )
    WaitingListEntry.objects.create(
        conference=conference, name="Marc Dupont", email="marc@example.org", seats=3
    )
    client.force_login(editor)

    orders = client.get("/admin/events/seat-orders/", {"status": "paid"})
    export = csv_rows(client.get("/admin/events/seat-orders/", {"export": "csv"}))
    waiting = client.get("/admin/events/waiting-list/")

    assert orders.status_code == 200
    assert "Léa Martin" in orders.content.decode()
    assert [(row["Email"], row["Amount incl. VAT (€)"]) for row in export] == [
        ("lea@example.org", "16.00")
    ]
    assert "Marc Dupont" in waiting.content.decode()
    for url in (
        "/admin/events/seat-orders/new/",
        "/admin/events/waiting-list/new/",
        "/admin/events/bookings/new/",
    ):
        assert client.get(url).status_code == 404, url


# --- A booking's file ---------------------------------------------------


@pytest.mark.django_db
def test_the_file_shows_the_buyer_the_request_the_documents_and_the_history(
    client, editor, make_booking
):
    booking = make_booking(po_required=True, commitment_number="ENG-77")
    invoice = invoiced(booking)
    client.force_login(editor)

    response = client.get(detail_url(booking))

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Lycée Victor-Hugo",
        "99012345700014",
        "SERV-35",
        "ENG-77",
        "BC-2026-17",
        "Claire Proviseure",
        "Débat en classe",
        "Captation vidéo",
        "Un mardi de mars",
        "Pour les terminales.",
        f"DEV-{YEAR}-0001",
        f"FAC-{YEAR}-0001",
        euros(150000),
        euros(180000),
    ):
        assert text in html, text
    page = soup(response)
    # The buyer's documents, in the buyer's language (French), not the editor's.
    links = {a["href"] for a in page.select("a[href]")}
    key = booking.access_key
    assert f"/billetterie/reservation/{key}/devis/DEV-{YEAR}-0001/" in links
    assert f"/billetterie/reservation/{key}/facture/{invoice.number}/" in links
    pdf = client.get(f"/billetterie/reservation/{key}/facture/{invoice.number}/")
    pdf.close()
    assert pdf["Content-Type"] == "application/pdf"
    history = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in page.select("#booking-history ~ table tbody tr")
    ]
    assert [row[2] for row in history] == [
        "Request received",
        "Quote sent",
        "Quote accepted online",
        "Invoice issued",
    ]
    assert history[-1][4] == "Invoiced"
    # An invoiced booking is paid or cancelled; it is not quoted again. A
    # school is a public buyer: its invoice also goes on Chorus Pro.
    actions = {form["action"] for form in page.select("form[method=post]")}
    assert actions == {
        detail_url(booking, "record_payment"),
        detail_url(booking, "cancel"),
        detail_url(booking, "record_chorus"),
    }


@pytest.mark.django_db
def test_each_step_moves_the_booking_and_is_recorded_with_its_editor(
    client, editor, make_booking
):
    booking = make_booking()
    client.force_login(editor)

    sent = client.post(detail_url(booking, "send_quote"))
    booking.refresh_from_db()
    assert sent.status_code == 302
    assert sent["Location"] == detail_url(booking)
    assert booking.state == "quoted"
    assert list(booking.quotes.values_list("number", flat=True)) == [f"DEV-{YEAR}-0001"]

    accepted = client.post(
        detail_url(booking, "record_acceptance"), {"accept-po_number": "BC-42"}
    )
    booking.refresh_from_db()
    assert accepted.status_code == 302
    assert (booking.state, booking.po_number) == ("invoiced", "BC-42")
    invoice = booking.invoices.get()
    assert invoice.number == f"FAC-{YEAR}-0001"
    assert invoice.buyer_reference == "BC-42"
    assert booking.quotes.get().accepted_by == editor

    received_on = timezone.localdate() - datetime.timedelta(days=2)
    paid = client.post(
        detail_url(booking, "record_payment"),
        {
            "payment-method": "transfer",
            "payment-reference": "VIR LYCEE VH 42",
            "payment-received_on": received_on.isoformat(),
        },
    )
    booking.refresh_from_db()
    invoice.refresh_from_db()
    assert paid.status_code == 302
    assert booking.state == "paid"
    assert timezone.localtime(invoice.paid_at).date() == received_on
    assert (invoice.payment_method, invoice.payment_reference) == (
        "transfer",
        "VIR LYCEE VH 42",
    )
    assert invoice.paid_recorded_by == editor

    done = client.post(detail_url(booking, "mark_done"))
    booking.refresh_from_db()
    assert done.status_code == 302
    assert booking.state == "done"

    log = list(
        BookingLog.objects.filter(booking=booking).values_list("action", "actor")
    )
    assert log == [
        ("requested", None),
        ("quote_sent", editor.pk),
        ("quote_recorded", editor.pk),
        ("invoiced", editor.pk),
        ("paid", editor.pk),
        ("done", editor.pk),
    ]
    page = client.get(detail_url(booking))
    assert "Paul Plume" in page.content.decode()
    # Held and paid: only the Chorus Pro deposit of the school's invoice is left.
    assert [form["action"] for form in soup(page).select("form[method=post]")] == [
        detail_url(booking, "record_chorus")
    ]


@pytest.mark.django_db
def test_the_success_message_follows_the_redirect(client, editor, make_booking):
    booking = make_booking()
    client.force_login(editor)

    response = client.post(detail_url(booking, "send_quote"), follow=True)

    assert f"Quote DEV-{YEAR}-0001 is sent to intendance@lycee.example." in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_cancelling_an_invoiced_booking_issues_a_credit_note(
    client, editor, make_booking
):
    booking = make_booking()
    invoice = invoiced(booking)
    client.force_login(editor)

    response = client.post(
        detail_url(booking, "cancel"), {"cancel-reason": "Voyage annulé."}
    )

    booking.refresh_from_db()
    assert response.status_code == 302
    assert booking.state == "cancelled"
    credit_note = booking.invoices.get(kind=Invoice.Kind.CREDIT_NOTE)
    assert credit_note.number == f"AV-{YEAR}-0001"
    assert credit_note.refers == invoice
    assert credit_note.gross_cents == invoice.gross_cents
    html = client.get(detail_url(booking)).content.decode()
    assert f"Cancelled by AV-{YEAR}-0001" in html
    assert f"cancelling FAC-{YEAR}-0001" in html


@pytest.mark.django_db
def test_with_stripe_down_the_invoice_is_issued_and_the_page_offers_a_retry(
    client, editor, make_booking, stripe_http
):
    booking = make_booking()
    quoted(booking)
    stripe_invoicing(stripe_http)
    stripe_http.failures = [400]
    client.force_login(editor)

    with after_commit():
        response = client.post(
            detail_url(booking, "record_acceptance"), {"accept-po_number": "BC-1"}
        )

    assert response.status_code == 302
    invoice = booking.invoices.get()
    assert invoice.number == f"FAC-{YEAR}-0001"
    page = soup(client.get(detail_url(booking)))
    (waiting,) = page.select("#booking-stripe + p + ul li")
    text = " ".join(waiting.get_text().split())
    assert "Waiting for Stripe" in text
    assert invoice.number in text
    assert "boom" in text
    operation = invoice.stripe_operations.get()
    retry = reverse("events_bookings:retry_stripe", args=[booking.pk, operation.pk])
    assert waiting.select_one("form")["action"] == retry

    with after_commit():
        retried = client.post(retry)

    assert retried.status_code == 302
    assert f"Stripe is asked again for {invoice.number}." in soup(
        client.get(retried.url)
    ).get_text(" ")
    invoice.refresh_from_db()
    assert invoice.stripe_invoice_id == "in_town"
    assert soup(client.get(detail_url(booking))).select("#booking-stripe") == []


@pytest.mark.django_db
def test_a_step_the_state_refuses_shows_why_and_changes_nothing(
    client, editor, make_booking
):
    booking = make_booking()
    client.force_login(editor)

    payment = client.post(
        detail_url(booking, "record_payment"),
        {
            "payment-method": "transfer",
            "payment-reference": "VIR 1",
            "payment-received_on": timezone.localdate().isoformat(),
        },
    )
    done = client.post(detail_url(booking, "mark_done"))

    assert payment.status_code == 400
    assert "This booking has no invoice awaiting payment." in payment.content.decode()
    assert done.status_code == 400
    assert "cannot become" in done.content.decode()
    booking.refresh_from_db()
    assert booking.state == "requested"
    assert not Invoice.objects.exists()
    assert list(booking.log.values_list("action", flat=True)) == ["requested"]


@pytest.mark.django_db
def test_an_acceptance_without_the_purchase_order_required_is_refused(
    client, editor, make_booking
):
    booking = make_booking(po_required=True)
    quoted(booking)
    client.force_login(editor)

    response = client.post(
        detail_url(booking, "record_acceptance"), {"accept-po_number": ""}
    )

    assert response.status_code == 400
    errors = soup(response).select(".messages .error")
    assert any("purchase order number" in error.get_text() for error in errors)
    booking.refresh_from_db()
    assert booking.state == "quoted"
    assert booking.quotes.get().status == Quote.Status.SENT
    assert not Invoice.objects.exists()
    # The refusal rolled back: the first invoice number is still free.
    assert not DocumentSequence.objects.filter(prefix="FAC").exclude(last=0).exists()


@pytest.mark.django_db
def test_an_invalid_form_is_shown_again_with_its_errors(client, editor, make_booking):
    booking = make_booking()
    invoiced(booking)
    client.force_login(editor)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(
        detail_url(booking, "record_payment"),
        {
            "payment-method": "cheque",
            "payment-reference": "CHQ 1234",
            "payment-received_on": tomorrow.isoformat(),
        },
    )

    assert response.status_code == 400
    assert "A payment cannot arrive in the future." in response.content.decode()
    assert 'value="CHQ 1234"' in response.content.decode()
    booking.refresh_from_db()
    assert booking.state == "invoiced"


@pytest.mark.django_db
def test_steps_are_posted_only(client, editor, make_booking):
    booking = make_booking()
    client.force_login(editor)

    assert client.get(detail_url(booking, "send_quote")).status_code == 405
    booking.refresh_from_db()
    assert booking.state == "requested"


# --- Permissions ---------------------------------------------------


@pytest.fixture
def make_admin_user(db):
    """Someone who may open the admin, with only the booking permissions given."""

    def make(email: str, *codenames: str):
        group = Group.objects.create(name=f"Group of {email}")
        group.permissions.add(
            Permission.objects.get(codename="access_admin"),
            *Permission.objects.filter(
                content_type__app_label="events", codename__in=codenames
            ),
        )
        user = UserFactory(email=email)
        user.groups.add(group)
        return english(user)

    return make


@pytest.mark.django_db
def test_without_permission_nothing_is_shown_nor_changed(
    client, make_admin_user, make_booking
):
    booking = make_booking()
    client.force_login(make_admin_user("stagiaire@example.org"))

    for url in (LISTING, detail_url(booking), "/admin/events/seat-orders/"):
        assert client.get(url).status_code in (302, 403), url
    assert client.post(detail_url(booking, "send_quote")).status_code in (302, 403)
    booking.refresh_from_db()
    assert booking.state == "requested"
    assert "Conferences and quotes" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_viewing_is_not_acting(client, make_admin_user, make_booking):
    booking = make_booking()
    client.force_login(make_admin_user("compta@example.org", "view_booking"))

    page = client.get(detail_url(booking))
    refused = client.post(detail_url(booking, "send_quote"))

    assert page.status_code == 200
    assert not soup(page).select("form[method=post]")
    assert client.get(LISTING).status_code == 200
    assert refused.status_code in (302, 403)
    booking.refresh_from_db()
    assert booking.state == "requested"


@pytest.mark.django_db
def test_a_viewer_sees_what_waits_for_stripe_but_cannot_retry_it(
    client, make_admin_user, make_booking
):
    booking = make_booking()
    invoice = invoiced(booking)
    operation = StripeOperation.objects.create(
        invoice=invoice, action="create", attempts=1, last_error="Stripe: boom"
    )
    client.force_login(make_admin_user("compta@example.org", "view_booking"))

    page = client.get(detail_url(booking))
    refused = client.post(
        reverse("events_bookings:retry_stripe", args=[booking.pk, operation.pk])
    )

    assert "Stripe: boom" in page.content.decode()
    assert not soup(page).select("form[method=post]")
    assert refused.status_code in (302, 403)
    assert StripeOperation.objects.get(pk=operation.pk).next_attempt_at == (
        operation.next_attempt_at
    )


@pytest.mark.django_db
def test_editors_and_moderators_have_the_booking_permissions():
    for name in ("Editors", "Moderators"):
        codenames = set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="events")
            .values_list("codename", flat=True)
        )
        assert {
            "view_booking",
            "change_booking",
            "view_seatorder",
            "view_waitinglistentry",
        } <= codenames, name
        assert "delete_booking" not in codenames


@pytest.mark.django_db
def test_bookings_and_documents_are_never_added_nor_deleted_even_by_a_superuser():
    from wagtail.permissions import policy_registry

    from events.models import SeatOrder

    superuser = UserFactory(email="admin@example.org", editor=True)
    for model in (Booking, Quote, Invoice, SeatOrder):
        policy = policy_registry.get_by_type(model)
        assert not policy.user_has_permission(superuser, "add"), model
        assert not policy.user_has_permission(superuser, "delete"), model
    assert policy_registry.get_by_type(Booking).user_has_permission(superuser, "change")


# --- Dashboard ---------------------------------------------------


@pytest.mark.django_db
def test_the_dashboard_shows_quotes_awaiting_overdue_invoices_and_revenue(
    client, editor, make_booking
):
    quoted(make_booking(legal_name="Acme SAS", buyer_type="company"))
    late = invoiced(make_booking(legal_name="Lycée Victor-Hugo"))
    Invoice.objects.filter(pk=late.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=10)
    )
    client.force_login(editor)

    panel = soup(client.get("/admin/")).select_one("#bookings-section")

    text = " ".join(panel.get_text(" ").split())
    assert "1 quote awaits an answer" in text
    assert "Acme SAS" in text
    assert "1 invoice is overdue" in text
    assert "10 days late" in text
    month = " ".join(euros(150000).split())
    assert f"This month {month}" in text
    quarter = (timezone.localdate().month - 1) // 3 + 1
    assert f"Q{quarter} {YEAR} (current quarter) {month}" in text
    links = {a["href"] for a in panel.select("a")}
    assert detail_url(late.booking) in links


@pytest.mark.django_db
def test_the_dashboard_panel_takes_the_same_queries_however_many_bookings(
    make_booking, django_assert_max_num_queries
):
    from events.admin.dashboard import BookingsPanel

    quoted(make_booking(legal_name="Acme SAS"))
    with django_assert_max_num_queries(9) as few:
        BookingsPanel().render_html({})
    for n in range(6):
        invoiced(make_booking(legal_name=f"Collège {n}"))
        quoted(make_booking(legal_name=f"École {n}"))
    Invoice.objects.update(due_on=timezone.localdate() - datetime.timedelta(days=3))
    with (
        translation.override("en"),
        django_assert_max_num_queries(len(few.captured_queries)),
    ):
        html = BookingsPanel().render_html({})
    text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    assert "7 quotes await an answer" in text
    assert "6 invoices are overdue" in text
    assert text.count("3 days late") == 5


# --- Query counts ---------------------------------------------------


@pytest.mark.django_db
def test_the_listing_takes_the_same_queries_however_many_bookings(
    client, editor, make_booking, django_assert_max_num_queries
):
    quoted(make_booking(legal_name="Acme SAS"))
    client.force_login(editor)
    client.get(LISTING)
    with django_assert_max_num_queries(15) as few:
        client.get(LISTING)
    for n in range(8):
        quoted(make_booking(legal_name=f"Collège {n}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LISTING)
    assert len(response.context["object_list"]) == 9


@pytest.mark.django_db
def test_the_file_takes_the_same_queries_however_long_its_history(
    client, editor, make_booking, django_assert_max_num_queries
):
    short = make_booking(legal_name="Acme SAS")
    client.force_login(editor)
    client.get(detail_url(short))
    with django_assert_max_num_queries(15) as few:
        client.get(detail_url(short))
    for n in range(5):
        make_booking(legal_name=f"Collège {n}")
    long = make_booking(legal_name="Lycée Victor-Hugo")
    invoice = invoiced(long)
    services.record_payment(invoice, method="transfer", reference="VIR 1")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(detail_url(long))
    assert f"FAC-{YEAR}-0001" in response.content.decode()


@pytest.mark.django_db
def test_an_editor_records_the_chorus_pro_deposit_of_a_public_buyers_invoice(
    client, editor, make_booking
):
    booking = make_booking()
    invoice = invoiced(booking)
    client.force_login(editor)
    url = detail_url(booking, "record_chorus")

    future = client.post(
        url,
        {
            "chorus-deposited_on": (
                timezone.localdate() + datetime.timedelta(days=1)
            ).isoformat(),
            "chorus-number": "CPP-123",
        },
    )
    assert future.status_code == 400
    invoice.refresh_from_db()
    assert invoice.chorus_deposited_on is None

    done = client.post(
        url,
        {
            "chorus-deposited_on": timezone.localdate().isoformat(),
            "chorus-number": "CPP-2026-000123",
        },
    )
    assert done.status_code == 302
    invoice.refresh_from_db()
    assert invoice.chorus_deposited_on == timezone.localdate()
    assert invoice.chorus_deposit_number == "CPP-2026-000123"
    page = soup(client.get(detail_url(booking)))
    assert "CPP-2026-000123" in page.get_text()
    actions = {form["action"] for form in page.select("form[method=post]")}
    assert url not in actions
    with pytest.raises(services.BookingError):
        services.record_chorus_deposit(
            invoice, deposited_on=timezone.localdate(), number="again"
        )


@pytest.mark.django_db
def test_a_company_has_no_chorus_pro_step(client, editor, make_booking):
    booking = make_booking(buyer_type="company", legal_name="Acme SAS")
    invoiced(booking)
    client.force_login(editor)
    page = soup(client.get(detail_url(booking)))
    actions = {form["action"] for form in page.select("form[method=post]")}
    assert detail_url(booking, "record_chorus") not in actions


@pytest.mark.django_db
def test_an_editor_refunds_a_paid_card_order_and_the_seats_go_back(
    client, editor, index, django_capture_on_commit_callbacks
):
    from django.core import mail

    from events.models import SeatOrder, SeatStock
    from payments.events import receive_event

    conference = ConferencePageFactory(parent=index, capacity=10)
    order = services.hold_seats(
        conference,
        price=conference.prices.get(category="individual"),
        quantity=3,
        name="Ana Lopez",
        email="ana@example.org",
    )
    receive_event(
        build(
            "event",
            id="evt_paid_seats",
            type="checkout.session.completed",
            api_version="2026-10-28.endive",
            created=1_795_000_000,
            livemode=False,
            data={
                "object": build(
                    "checkout.session",
                    id="cs_1",
                    mode="payment",
                    status="complete",
                    payment_status="paid",
                    payment_intent="pi_1",
                    metadata={"seat_order": str(order.pk)},
                )
            },
        )
    )
    client.force_login(editor)
    url = reverse("events_bookings:seat_order", args=[order.pk])
    listing = client.get(reverse("events_seat_orders:index"))
    assert url in listing.content.decode()

    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400
    assert SeatOrder.objects.get(pk=order.pk).status == SeatOrder.Status.PAID

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {"reason": "Empêchement de santé"})

    assert done.status_code == 302
    order.refresh_from_db()
    assert order.status == SeatOrder.Status.REFUNDED
    assert order.refund_note == "Empêchement de santé"
    assert SeatStock.objects.get(conference_id=conference.pk).taken == 0
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert "Empêchement de santé" in mail.outbox[0].body
    ticket = order.tickets.first()
    door = client.get(reverse("events:ticket", args=[ticket.code]))
    assert (
        "not valid" in door.content.decode() or "pas valable" in door.content.decode()
    )
    again = client.post(url, {"reason": "encore"})
    assert again.status_code == 400
