"""Seats by card: held during checkout, confirmed only by Stripe's event, released
when unpaid, offered to the waiting list; capacity never exceeded."""

import datetime
import io
import re

import pytest
import segno  # noqa: F401 - the QR library the tickets use
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from core.models import OutgoingEmail
from events import services
from events.models import SeatOrder, SeatStock, Ticket, WaitingListEntry
from payments.events import receive_event
from tests.core.provider import owed_then_sent_once
from tests.stripe_fake.objects import build
from tests.subscriptions.fake_stripe import event, signed

pytestmark = pytest.mark.django_db


def full_price(conference):
    return conference.prices.get(category="individual")


def hold(conference, quantity=2, email="ana@example.org", **kwargs):
    return services.hold_seats(
        conference,
        price=kwargs.pop("price", None) or full_price(conference),
        quantity=quantity,
        name="Ana Lopez",
        email=email,
        **kwargs,
    )


def stock(conference) -> SeatStock:
    return SeatStock.objects.get(conference_id=conference.pk)


def paid_session(order, session_id="cs_test_1"):
    return build(
        "checkout.session",
        id=session_id,
        mode="payment",
        status="complete",
        payment_status="paid",
        payment_intent="pi_1",
        metadata={"seat_order": str(order.pk)},
        amount_subtotal=order.amount_cents,
        amount_total=order.amount_cents,
        currency="eur",
    )


# --- Holding ----------------------------------------------------------------------------


def test_holding_takes_seats_at_the_servers_price(small_conference):
    order = hold(small_conference, quantity=3)

    assert order.status == SeatOrder.Status.HELD
    assert (order.seats, order.unit_price_cents, order.amount_cents) == (3, 800, 2400)
    assert stock(small_conference).taken == 3
    assert (
        small_conference.__class__.objects.get(pk=small_conference.pk).seats_left == 7
    )
    assert order.held_until > timezone.now() + datetime.timedelta(minutes=30)


def test_a_pack_takes_as_many_seats_as_it_holds(index):
    from events.factories import ConferencePageFactory

    conference = ConferencePageFactory(
        parent=index,
        capacity=40,
        prices=[("institution", "Pack établissement", 9000, 15)],
    )
    order = services.hold_seats(
        conference,
        price=conference.prices.get(),
        quantity=2,
        name="Lycée Jean-Macé",
        email="cdi@lycee.example",
    )
    assert (order.seats, order.amount_cents) == (30, 18000)
    assert stock(conference).taken == 30


@pytest.mark.parametrize("quantity", [0, -1, 11])
def test_a_zero_negative_or_too_large_quantity_is_refused(small_conference, quantity):
    with pytest.raises(services.SeatError):
        hold(small_conference, quantity=quantity)
    assert SeatOrder.objects.count() == 0
    assert stock(small_conference).taken == 0


def test_more_seats_than_remain_are_refused_and_nothing_is_held(small_conference):
    hold(small_conference, quantity=8)

    with pytest.raises(services.SeatError) as refused:
        hold(small_conference, quantity=3, email="late@example.org")

    assert "2" in refused.value.message
    assert SeatOrder.objects.count() == 1
    assert stock(small_conference).taken == 8


def test_a_price_from_another_conference_is_refused(index, small_conference):
    from events.factories import ConferencePageFactory

    other = ConferencePageFactory(parent=index)
    with pytest.raises(services.SeatError):
        hold(small_conference, price=full_price(other))
    assert SeatOrder.objects.count() == 0


def test_seats_are_not_sold_once_the_conference_has_started(small_conference):
    small_conference.starts_at = timezone.now() - datetime.timedelta(minutes=5)
    small_conference.save()
    with pytest.raises(services.SeatError):
        hold(small_conference)
    assert SeatOrder.objects.count() == 0


def test_the_capacity_cannot_go_below_the_seats_taken(small_conference):
    from django.core.exceptions import ValidationError

    hold(small_conference, quantity=6)
    small_conference.capacity = 5
    with pytest.raises(ValidationError) as refused:
        small_conference.full_clean()
    assert "capacity" in refused.value.message_dict


# --- Paying -------------------------------------------------------------------------------


def test_only_the_stripe_event_confirms_the_order_and_makes_one_ticket_per_seat(
    small_conference, django_capture_on_commit_callbacks
):
    order = hold(small_conference, quantity=2)
    assert Ticket.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        receive_event(event("checkout.session.completed", paid_session(order)))
        receive_event(event("checkout.session.completed", paid_session(order)))

    order.refresh_from_db()
    assert order.status == SeatOrder.Status.PAID
    assert order.stripe_payment_intent == "pi_1"
    assert sorted(order.tickets.values_list("number", flat=True)) == [1, 2]
    assert stock(small_conference).taken == 2
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    names = [attachment[0] for attachment in message.attachments]
    assert names == [
        "billet-1.png",
        "billet-2.png",
        f"versus-{small_conference.slug}.ics",
    ]
    assert message.attachments[0][1].startswith(b"\x89PNG")
    calendar = Calendar.from_ical(message.attachments[2][1])
    assert [str(item["summary"]) for item in calendar.walk("VEVENT")] == [
        small_conference.title
    ]


def test_a_paid_session_told_twice_owes_and_sends_its_tickets_once(
    small_conference, django_capture_on_commit_callbacks
):
    order = hold(small_conference, quantity=2)
    completed = event("checkout.session.completed", paid_session(order))

    with django_capture_on_commit_callbacks(execute=True):
        receive_event(completed)
        receive_event(completed)
        receive_event(
            event("checkout.session.async_payment_succeeded", paid_session(order))
        )

    owed = OutgoingEmail.objects.get(builder="events.emails.tickets")
    assert owed.key == f"tickets:{order.pk}"
    assert owed.status == OutgoingEmail.Status.SENT
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


def test_a_failing_email_provider_delays_the_tickets_and_keeps_the_payment(
    small_conference, provider, django_capture_on_commit_callbacks
):
    order = hold(small_conference, quantity=2)
    provider.down = True

    with django_capture_on_commit_callbacks(execute=True):
        receive_event(event("checkout.session.completed", paid_session(order)))

    order.refresh_from_db()
    assert order.status == SeatOrder.Status.PAID
    assert order.tickets.count() == 2
    assert mail.outbox == []

    provider.down = False
    owed_then_sent_once(f"tickets:{order.pk}")
    assert len(mail.outbox) == 1
    assert [name for name, _content, _type in mail.outbox[0].attachments] == [
        "billet-1.png",
        "billet-2.png",
        f"versus-{small_conference.slug}.ics",
    ]


def test_an_unpaid_session_confirms_nothing(small_conference):
    order = hold(small_conference)
    session = paid_session(order) | {"payment_status": "unpaid"}
    receive_event(event("checkout.session.completed", session))
    order.refresh_from_db()
    assert order.status == SeatOrder.Status.HELD
    assert Ticket.objects.count() == 0


def test_an_expired_session_gives_the_seats_back(small_conference):
    order = hold(small_conference, quantity=4)
    receive_event(
        event("checkout.session.expired", paid_session(order) | {"status": "expired"})
    )
    order.refresh_from_db()
    assert order.status == SeatOrder.Status.RELEASED
    assert stock(small_conference).taken == 0


def test_holds_past_their_time_are_released(small_conference):
    stale = hold(small_conference, quantity=3)
    fresh = hold(small_conference, quantity=2, email="bo@example.org")
    SeatOrder.objects.filter(pk=stale.pk).update(
        held_until=timezone.now() - datetime.timedelta(minutes=1)
    )

    assert services.release_expired_holds() == 1
    assert SeatOrder.objects.get(pk=stale.pk).status == SeatOrder.Status.RELEASED
    assert SeatOrder.objects.get(pk=fresh.pk).status == SeatOrder.Status.HELD
    assert stock(small_conference).taken == 2


def test_the_stripe_checkout_is_a_payment_session_that_expires_with_the_hold(
    small_conference, stripe_http
):
    stripe_http.route(
        "post",
        "/v1/checkout/sessions",
        build(
            "checkout.session",
            id="cs_live_1",
            mode="payment",
            status="open",
            payment_status="unpaid",
            url="https://checkout.stripe.com/c/cs_live_1",
        ),
    )
    order = hold(small_conference, quantity=2)

    url = services.start_checkout(
        order,
        success_url="https://versus.example/ok",
        cancel_url="https://versus.example/no",
    )

    assert url == "https://checkout.stripe.com/c/cs_live_1"
    form = stripe_http.calls_to("post", "/v1/checkout/sessions")[0]["form"]
    assert form["mode"] == ["payment"]
    assert form["line_items[0][price_data][unit_amount]"] == ["800"]
    assert form["line_items[0][quantity]"] == ["2"]
    assert form["metadata[seat_order]"] == [str(order.pk)]
    expires_at = int(form["expires_at"][0])
    order.refresh_from_db()
    assert order.stripe_session_id == "cs_live_1"
    assert expires_at <= order.held_until.timestamp()
    assert expires_at >= timezone.now().timestamp() + 30 * 60


def test_when_stripe_refuses_the_checkout_the_seats_go_back_at_once(
    small_conference, stripe_http
):
    stripe_http.failures = [500, 500, 500]
    order = hold(small_conference, quantity=2)

    with pytest.raises(services.SeatError):
        services.start_checkout(
            order, success_url="https://x/ok", cancel_url="https://x/no"
        )

    assert SeatOrder.objects.get(pk=order.pk).status == SeatOrder.Status.RELEASED
    assert stock(small_conference).taken == 0


def test_the_signed_webhook_confirms_a_seat_order(
    client, small_conference, stripe_http
):
    from tests.conftest import WEBHOOK_SECRET

    order = hold(small_conference, quantity=1)
    body, header = signed(
        event("checkout.session.completed", paid_session(order)), WEBHOOK_SECRET
    )
    response = client.post(
        "/stripe/webhook/",
        body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header,
    )
    assert response.status_code == 200
    assert SeatOrder.objects.get(pk=order.pk).status == SeatOrder.Status.PAID


# --- Through the pages (demo checkout) ---------------------------------------------------


def test_an_individual_buys_two_seats_through_the_demo_checkout(
    client, small_conference, django_capture_on_commit_callbacks
):
    buy_url = small_conference.url + "reserver/"
    response = client.post(
        buy_url,
        {
            "price": full_price(small_conference).pk,
            "quantity": 2,
            "name": "Ana Lopez",
            "email": "ana@example.org",
        },
    )
    assert response.status_code == 302
    checkout_url = response["Location"]
    assert "/billetterie/paiement-demo/" in checkout_url
    assert "16,00" in client.get(checkout_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        back = client.post(checkout_url, {"action": "pay"})

    order = SeatOrder.objects.get()
    assert back["Location"].endswith(reverse("events:order", args=[order.access_key]))
    assert order.status == SeatOrder.Status.PAID
    page = client.get(back["Location"]).content.decode()
    assert page.count("<svg") >= 2
    assert len(mail.outbox) == 1
    ticket = order.tickets.first()
    door = client.get(reverse("events:ticket", args=[ticket.code]))
    assert small_conference.title in door.content.decode()


def test_a_tampered_price_or_quantity_in_the_form_is_refused(client, small_conference):
    response = client.post(
        small_conference.url + "reserver/",
        {"price": 999999, "quantity": 0, "name": "Ana", "email": "ana@example.org"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choisissez" in html or "Choose" in html
    assert SeatOrder.objects.count() == 0


def test_more_seats_than_left_get_a_message_next_to_the_quantity(
    client, small_conference
):
    hold(small_conference, quantity=9)
    response = client.post(
        small_conference.url + "reserver/",
        {
            "price": full_price(small_conference).pk,
            "quantity": 2,
            "name": "Ana",
            "email": "late@example.org",
        },
    )
    assert response.status_code == 400
    assert SeatOrder.objects.count() == 1
    assert stock(small_conference).taken == 9


# --- Waiting list ---------------------------------------------------------------------------


def join(conference, email, quantity):
    return services.join_waiting_list(
        conference,
        price=full_price(conference),
        quantity=quantity,
        name=email.split("@")[0],
        email=email,
    )


def test_joining_the_waiting_list_needs_a_sold_out_conference(small_conference):
    with pytest.raises(services.SeatError):
        join(small_conference, "early@example.org", 2)
    assert WaitingListEntry.objects.count() == 0


def test_freed_seats_go_to_the_first_entry_that_fits_for_a_limited_time(
    small_conference, django_capture_on_commit_callbacks
):
    first = hold(small_conference, quantity=3)
    hold(small_conference, quantity=7, email="other@example.org")
    too_big = join(small_conference, "big@example.org", 6)
    fits = join(small_conference, "fits@example.org", 2)
    later = join(small_conference, "later@example.org", 1)
    # Joining again keeps the first place in line and adds no entry.
    assert join(small_conference, "fits@example.org", 1) == fits
    assert WaitingListEntry.objects.count() == 3

    # Three seats free up: the first in line wants six and is skipped.
    with django_capture_on_commit_callbacks(execute=True):
        services.release_order(first.pk)

    too_big.refresh_from_db()
    fits.refresh_from_db()
    later.refresh_from_db()
    assert too_big.status == WaitingListEntry.Status.WAITING
    assert fits.status == WaitingListEntry.Status.OFFERED
    assert later.status == WaitingListEntry.Status.OFFERED
    offer = SeatOrder.objects.get(waiting_entry=fits)
    assert offer.held_until > timezone.now() + datetime.timedelta(hours=23)
    assert stock(small_conference).taken == 7 + 2 + 1
    assert sorted(message.to[0] for message in mail.outbox) == [
        "fits@example.org",
        "later@example.org",
    ]
    pay_url = reverse("events:order", args=[offer.access_key])
    assert any(pay_url in message.body for message in mail.outbox)


def test_a_lapsed_offer_passes_to_the_next_in_line(
    small_conference, django_capture_on_commit_callbacks
):
    hold(small_conference, quantity=8)
    freed = hold(small_conference, quantity=2, email="bo@example.org")
    first = join(small_conference, "first@example.org", 2)
    second = join(small_conference, "second@example.org", 2)
    with django_capture_on_commit_callbacks(execute=True):
        services.release_order(freed.pk)
    offer = SeatOrder.objects.get(waiting_entry=first)
    second.refresh_from_db()
    assert second.status == WaitingListEntry.Status.WAITING

    SeatOrder.objects.filter(pk=offer.pk).update(
        held_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.release_expired_holds()

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == WaitingListEntry.Status.LAPSED
    assert second.status == WaitingListEntry.Status.OFFERED
    assert stock(small_conference).taken == 10


def test_paying_an_offer_books_the_entry(
    small_conference, django_capture_on_commit_callbacks
):
    hold(small_conference, quantity=9)
    freed = hold(small_conference, quantity=1, email="bo@example.org")
    entry = join(small_conference, "first@example.org", 1)
    with django_capture_on_commit_callbacks(execute=True):
        services.release_order(freed.pk)
    offer = SeatOrder.objects.get(waiting_entry=entry)

    receive_event(event("checkout.session.completed", paid_session(offer)))

    entry.refresh_from_db()
    offer.refresh_from_db()
    assert entry.status == WaitingListEntry.Status.BOOKED
    assert offer.status == SeatOrder.Status.PAID
    assert stock(small_conference).taken == 10


def test_a_sold_out_page_shows_the_waiting_list_form(client, small_conference):
    hold(small_conference, quantity=10)
    html = client.get(small_conference.url).content.decode()
    assert "liste-attente/" in html
    assert "reserver/" not in html


def test_the_waiting_list_answers_alike_whether_the_address_is_on_it_or_not(
    client, small_conference
):
    """Who waits for which conference is nobody else's business."""
    hold(small_conference, quantity=10)
    join(small_conference, "deja@example.org", 1)

    def answer(email):
        response = client.post(
            small_conference.url + "liste-attente/",
            {
                "price": full_price(small_conference).pk,
                "quantity": 1,
                "name": "Quelqu'un",
                "email": email,
            },
            follow=True,
        )
        page = response.content.decode()
        start = page.index('<main id="contenu"')
        main = re.sub(
            r"name=\"csrfmiddlewaretoken\" value=\"[^\"]+\"", "", page[start:]
        )
        return response.status_code, response.redirect_chain, main

    assert answer("deja@example.org") == answer("nouveau@example.org")
    assert WaitingListEntry.objects.count() == 2


def test_the_ticket_qr_code_opens_the_ticket_page(small_conference):
    from events.tickets import qr_png, ticket_url

    order = hold(small_conference, quantity=1)
    receive_event(event("checkout.session.completed", paid_session(order)))
    ticket = order.tickets.get()
    png = qr_png(ticket)
    assert png.startswith(b"\x89PNG")
    assert ticket_url(ticket).endswith(reverse("events:ticket", args=[ticket.code]))
    assert len(io.BytesIO(png).getvalue()) > 200


def test_the_housekeeping_command_releases_lapsed_holds(small_conference):
    from django.core.management import call_command

    order = hold(small_conference, quantity=2)
    SeatOrder.objects.filter(pk=order.pk).update(
        held_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    out = io.StringIO()
    call_command("events_housekeeping", stdout=out)
    assert "released 1 hold(s)" in out.getvalue()
    assert stock(small_conference).taken == 0


def test_a_payment_after_the_seats_went_is_refunded_not_oversold(
    small_conference, stripe_http, django_capture_on_commit_callbacks
):
    stripe_http.route(
        "post",
        "/v1/refunds",
        build("refund", id="re_1", status="succeeded", payment_intent="pi_1"),
    )
    late = hold(small_conference, quantity=2)
    services.release_order(late.pk)
    hold(small_conference, quantity=10, email="others@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        receive_event(event("checkout.session.completed", paid_session(late)))
        receive_event(event("checkout.session.completed", paid_session(late)))

    late.refresh_from_db()
    assert late.status == SeatOrder.Status.REFUNDED
    assert late.tickets.count() == 0
    assert stock(small_conference).taken == 10
    refunds = stripe_http.calls_to("post", "/v1/refunds")
    assert len(refunds) == 1
    assert refunds[0]["form"]["payment_intent"] == ["pi_1"]
    assert refunds[0]["headers"]["Idempotency-Key"] == f"refund:seat-order:{late.pk}"
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert "16,00" in mail.outbox[0].body


def test_a_late_payment_with_seats_still_free_is_honoured(small_conference):
    late = hold(small_conference, quantity=2)
    services.release_order(late.pk)

    receive_event(event("checkout.session.completed", paid_session(late)))

    late.refresh_from_db()
    assert late.status == SeatOrder.Status.PAID
    assert late.tickets.count() == 2
    assert stock(small_conference).taken == 2


def test_a_waiting_list_offer_survives_a_stripe_outage(
    small_conference, stripe_http, django_capture_on_commit_callbacks
):
    hold(small_conference, quantity=9)
    freed = hold(small_conference, quantity=1, email="bo@example.org")
    entry = join(small_conference, "first@example.org", 1)
    with django_capture_on_commit_callbacks(execute=True):
        services.release_order(freed.pk)
    offer = SeatOrder.objects.get(waiting_entry=entry)
    stripe_http.failures = [500, 500, 500]

    with pytest.raises(services.SeatError):
        services.start_checkout(
            offer, success_url="https://x/ok", cancel_url="https://x/no"
        )

    offer.refresh_from_db()
    entry.refresh_from_db()
    assert offer.status == SeatOrder.Status.HELD
    assert entry.status == WaitingListEntry.Status.OFFERED


def test_a_ticket_gets_in_once_and_only_staff_can_let_it_in(client, small_conference):
    from accounts.factories import UserFactory

    order = hold(small_conference, quantity=1)
    receive_event(event("checkout.session.completed", paid_session(order)))
    ticket = order.tickets.get()
    url = reverse("events:ticket", args=[ticket.code])

    assert client.post(url).status_code == 404
    assert "Faire entrer" not in client.get(url).content.decode()

    client.force_login(UserFactory(email="porte@example.org", is_superuser=True))
    assert "Faire entrer" in client.get(url).content.decode()
    client.post(url)
    ticket.refresh_from_db()
    first_entry = ticket.checked_in_at
    assert first_entry is not None

    again = client.post(url, follow=True)
    ticket.refresh_from_db()
    assert ticket.checked_in_at == first_entry
    assert "Déjà utilisé" in again.content.decode()
    with pytest.raises(services.SeatError):
        services.check_in(ticket.code)


# --- When the page is out of date: seats freed up, or the last ones went -------------

SEATS_FREED = (
    "Seats have freed up: you can book now. Your details are kept in the form "
    "below; you have not been put on the waiting list."
)
SOLD_OUT_MEANWHILE = (
    "The last seats went while you were booking; nothing was charged. Your details "
    "are kept below: join the waiting list to be offered seats that free up."
)


def in_english(page, route: str = "") -> str:
    with translation.override("en"):
        url = page.url + route
    assert url.startswith("/en/")
    return url


def seats_section(response):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(response.content, "html.parser")
    return page.find(id="seats-title").find_parent("section")


def details(conference, **changes):
    return {
        "price": full_price(conference).pk,
        "quantity": 2,
        "name": "Ana Lopez",
        "email": "ana@example.org",
    } | changes


def test_joining_the_waiting_list_once_seats_freed_up_offers_them_instead(
    small_conference,
):
    from django.test import Client

    client = Client()
    sold = hold(small_conference, quantity=10, email="bo@example.org")
    sold_out_page = client.get(small_conference.url)
    services.release_order(sold.pk)

    response = client.post(
        in_english(small_conference, "liste-attente/"), details(small_conference)
    )

    assert "liste-attente/" in sold_out_page.content.decode()
    assert response.status_code == 409
    section = seats_section(response)
    assert section.select_one("#seats-notice").get_text(strip=True) == SEATS_FREED
    form = section.select_one("form")
    assert form["action"].endswith("/reserver/")
    assert form.select_one("input[name=name]")["value"] == "Ana Lopez"
    assert form.select_one("input[name=email]")["value"] == "ana@example.org"
    assert form.select_one("input[name=quantity]")["value"] == "2"
    price = form.select_one(
        f"input[name=price][value='{full_price(small_conference).pk}']"
    )
    assert price.has_attr("checked")
    assert not form.select(".errorlist")
    assert WaitingListEntry.objects.count() == 0
    assert stock(small_conference).taken == 0


def test_the_kept_details_book_the_freed_seats_in_one_click(client, small_conference):
    services.release_order(hold(small_conference, quantity=10).pk)

    refused = client.post(
        small_conference.url + "liste-attente/", details(small_conference)
    )
    form = seats_section(refused).select_one("form")
    booked = client.post(
        form["action"],
        {
            "price": form.select_one("input[name=price][checked]")["value"],
            "quantity": form.select_one("input[name=quantity]")["value"],
            "name": form.select_one("input[name=name]")["value"],
            "email": form.select_one("input[name=email]")["value"],
        },
    )

    assert refused.status_code == 409
    assert seats_section(refused).select_one("#seats-notice").get_text(strip=True)
    assert booked.status_code == 302
    order = SeatOrder.objects.get(status=SeatOrder.Status.HELD)
    assert (order.email, order.quantity, order.name) == (
        "ana@example.org",
        2,
        "Ana Lopez",
    )
    assert WaitingListEntry.objects.count() == 0


def test_a_waiting_list_form_with_a_mistake_after_seats_freed_up_is_fixed_in_the_booking_form(
    client, small_conference
):
    services.release_order(hold(small_conference, quantity=10).pk)

    response = client.post(
        in_english(small_conference, "liste-attente/"),
        details(small_conference, name=""),
    )

    assert response.status_code == 400
    section = seats_section(response)
    assert section.select_one("#seats-notice").get_text(strip=True) == SEATS_FREED
    form = section.select_one("form")
    assert form["action"].endswith("/reserver/")
    assert "Enter your name." in form.select_one(".errorlist").get_text()
    assert form.select_one("input[name=email]")["value"] == "ana@example.org"
    assert WaitingListEntry.objects.count() == 0


def test_booking_the_last_seats_someone_else_took_offers_the_waiting_list(
    client, small_conference
):
    on_sale_page = client.get(small_conference.url)
    hold(small_conference, quantity=10, email="bo@example.org")

    response = client.post(
        in_english(small_conference, "reserver/"), details(small_conference)
    )

    assert "reserver/" in on_sale_page.content.decode()
    assert response.status_code == 409
    section = seats_section(response)
    assert section.select_one("#seats-notice").get_text(strip=True) == (
        SOLD_OUT_MEANWHILE
    )
    form = section.select_one("form")
    assert form["action"].endswith("/liste-attente/")
    assert form.select_one("input[name=name]")["value"] == "Ana Lopez"
    assert form.select_one("input[name=email]")["value"] == "ana@example.org"
    assert SeatOrder.objects.filter(email="ana@example.org").count() == 0
    assert stock(small_conference).taken == 10
