"""The public pages of conference sales: what they cost in queries, the offer
page in the admin, the waiting-list offer's payment link, capacity changes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events import services
from events.factories import ConferencePageFactory
from events.models import ConferenceOfferPage, EventIndexPage, SeatOrder, SeatStock

pytestmark = pytest.mark.django_db


def test_the_events_index_costs_the_same_whatever_the_number_of_conferences(
    client, index, offer, django_assert_max_num_queries
):
    for n in range(3):
        ConferencePageFactory(parent=index, title=f"Conférence {n}")
    with django_assert_max_num_queries(25) as few:
        client.get(index.url)
    for n in range(3, 9):
        ConferencePageFactory(parent=index, title=f"Conférence {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(index.url)
    assert response.status_code == 200
    assert offer.title in response.content.decode()


def test_a_conference_page_with_its_seat_form_stays_within_budget(
    client, small_conference, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = client.get(small_conference.url)
    assert 'action="' + small_conference.url + 'reserver/"' in response.content.decode()


def test_the_offer_page_stays_within_budget(
    client, offer, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        response = client.get(offer.url)
    assert "Demander un devis" in response.content.decode()


def test_an_offered_order_leads_to_the_payment(client, small_conference):
    order = services.hold_seats(
        small_conference,
        price=small_conference.prices.get(category="individual"),
        quantity=2,
        name="Ana",
        email="ana@example.org",
        minutes=24 * 60,
    )
    url = reverse("events:order", args=[order.access_key])

    page = client.get(url)
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert "Payer par carte" in page.content.decode()
    response = client.post(url)

    assert response.status_code == 302
    assert "/billetterie/paiement-demo/" in response["Location"]


def test_an_expired_hold_cannot_be_paid(client, small_conference):
    order = services.hold_seats(
        small_conference,
        price=small_conference.prices.get(category="individual"),
        quantity=1,
        name="Ana",
        email="ana@example.org",
    )
    SeatOrder.objects.filter(pk=order.pk).update(
        held_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    url = reverse("events:order", args=[order.access_key])
    response = client.post(url, follow=True)
    assert "expiré" in response.content.decode()
    assert "Payer par carte" not in response.content.decode()


def test_a_draft_capacity_waits_for_publication(small_conference):
    small_conference.capacity = 25
    small_conference.save_revision()
    assert SeatStock.objects.get(conference_id=small_conference.pk).capacity == 10

    small_conference.get_latest_revision().publish()

    assert SeatStock.objects.get(conference_id=small_conference.pk).capacity == 25


def test_editors_create_an_offer_page_with_formats_and_options(admin_client, index):
    url = reverse(
        "wagtailadmin_pages:add",
        args=("events", "conferenceofferpage", index.pk),
    )
    data = nested_form_data(
        {
            "title": "Organiser un débat chez vous",
            "slug": "organiser",
            "intro": "Un débat Versus chez vous.",
            "included": rich_text("<p>Deux experts et un modérateur.</p>"),
            "vat_rate": "20.00",
            "formats": inline_formset(
                [
                    {
                        "name": "Débat contradictoire",
                        "description": "Deux experts, un modérateur.",
                        "duration": "2 h",
                        "price_cents": "180000",
                    }
                ]
            ),
            "options": inline_formset(
                [{"name": "Captation vidéo", "description": "", "price_cents": "60000"}]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)

    assert response.status_code == 302
    offer = ConferenceOfferPage.objects.get()
    assert offer.live
    assert offer.get_parent().specific_class is EventIndexPage
    assert [f.price_cents for f in offer.formats.all()] == [180000]
    assert [o.name for o in offer.options.all()] == ["Captation vidéo"]


def test_the_index_says_which_conferences_are_sold_out(client, index, small_conference):
    other = ConferencePageFactory(parent=index, title="Grande salle", capacity=120)
    services.hold_seats(
        small_conference,
        price=small_conference.prices.get(category="individual"),
        quantity=10,
        name="Groupe",
        email="groupe@example.org",
    )
    html = client.get(index.url).content.decode()
    small = html[html.index(small_conference.title) :]
    assert "Complet" in small[: small.index("</li>")]
    big = html[html.index(other.title) :]
    assert "120 places restantes." in big[: big.index("</li>")]
