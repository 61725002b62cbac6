"""The premium debate page: the wall, the free reads left, the cache headers and
the query budget."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client, RequestFactory

from accounts.factories import UserFactory
from debates.factories import DebatePageFactory
from debates.models.pages import TALLY_STALE_SECONDS
from subscriptions.models import PremiumRead
from tests.paywall.conftest import MARKER


def wall(response):
    return BeautifulSoup(response.content, "html.parser").select_one(".paywall")


def free_reads(response) -> str | None:
    found = BeautifulSoup(response.content, "html.parser").select_one(".free-reads")
    return " ".join(found.get_text(" ", strip=True).split()) if found else None


@pytest.mark.django_db
def test_anonymous_visitors_are_invited_to_register_log_in_or_subscribe(
    client, premium
):
    box = wall(client.get(premium.url))

    text = " ".join(box.get_text(" ", strip=True).split())
    assert "Créez un compte gratuit pour lire 3 débats réservés par mois" in text
    links = {a.get_text(strip=True): a["href"] for a in box.select("a")}
    assert links == {
        "S'abonner": "/abonnement/",
        "Créer un compte gratuit": f"/compte/signup/?next={premium.url}",
        "Se connecter": f"/compte/login/?next={premium.url}",
    }


@pytest.mark.django_db
def test_a_registered_reader_sees_how_many_free_debates_are_left(
    client, premium, verified_reader, debate_index
):
    client.force_login(verified_reader)

    first = client.get(premium.url)
    again = client.get(premium.url)
    second = client.get(DebatePageFactory(parent=debate_index, premium=True).url)

    assert MARKER in first.content.decode()
    assert wall(first) is None
    assert free_reads(first).startswith("Il vous reste 2 débats gratuits ce mois-ci.")
    assert free_reads(again) == free_reads(first)
    assert free_reads(second).startswith("Il vous reste 1 débat gratuit ce mois-ci.")
    assert PremiumRead.objects.filter(user=verified_reader).count() == 2


@pytest.mark.django_db
def test_the_last_free_read_says_so_and_the_next_debate_is_walled(
    client, premium, over_quota_reader, other_premium_debates
):
    client.force_login(over_quota_reader)

    reopened = client.get(other_premium_debates[0].url)
    walled = client.get(premium.url)

    assert free_reads(reopened).startswith(
        "Il ne vous reste aucun débat gratuit ce mois-ci."
    )
    text = " ".join(wall(walled).get_text(" ", strip=True).split())
    assert "Vous avez lu vos 3 débats réservés gratuits de ce mois-ci." in text
    assert free_reads(walled) is None
    assert not PremiumRead.objects.filter(debate=premium).exists()


@pytest.mark.django_db
def test_a_reader_who_has_not_verified_the_address_is_asked_to(client, premium):
    client.force_login(UserFactory(email="pas-encore@example.org"))

    box = wall(client.get(premium.url))

    assert box.select_one('a[href="/compte/email/"]').get_text(strip=True) == (
        "Vérifiez votre adresse e-mail"
    )
    assert not PremiumRead.objects.exists()


@pytest.mark.django_db
def test_subscribers_and_free_debates_show_no_meter_and_no_wall(
    client, premium, subscriber, debate_index
):
    free = DebatePageFactory(parent=debate_index)
    anonymous = client.get(free.url)
    client.force_login(subscriber)
    subscribed = client.get(premium.url)

    for response in (anonymous, subscribed):
        assert wall(response) is None
        assert free_reads(response) is None
    assert not PremiumRead.objects.exists()


@pytest.mark.django_db
def test_an_error_re_render_of_the_page_counts_as_a_read(
    client, premium, verified_reader
):
    """A verdict form sent with an error shows the page again, whole: it is
    counted like an opening, so it cannot be used to read for free."""
    client.force_login(verified_reader)

    response = client.post(f"/avis/verdict/{premium.pk}/", {"moment": "before"})

    assert response.status_code == 400
    assert MARKER in response.content.decode()
    assert PremiumRead.objects.filter(user=verified_reader, debate=premium).exists()


# --- Cache headers ------------------------------------------------------------------


def cache_control(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("premium_debate", [True, False], ids=["premium", "free"])
@pytest.mark.django_db
def test_pages_for_visitors_without_an_account_are_public_and_identical(
    debate_index, premium_debate
):
    debate = DebatePageFactory(parent=debate_index, premium=premium_debate)

    first, second = Client().get(debate.url), Client().get(debate.url)

    # Kept a minute at most: the tally moves with every verdict.
    assert cache_control(first) == {"public", f"max-age={TALLY_STALE_SECONDS}"}
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert "Cookie" in first["Vary"]
    assert not first.cookies
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert first.content == second.content


@pytest.mark.parametrize("who", ["verified_reader", "subscriber", "editor"])
@pytest.mark.django_db
def test_pages_rendered_for_a_logged_in_reader_are_private(
    client, premium, who, request
):
    client.force_login(request.getfixturevalue(who))

    response = client.get(premium.url)

    assert "private" in cache_control(response)
    assert "public" not in cache_control(response)
    assert "Cookie" in response["Vary"]


@pytest.mark.django_db
def test_a_page_showing_a_one_off_message_is_not_shared(client, premium):
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(constants.INFO, "Vous êtes déconnecté.")
    response = Client().get("/")
    storage.update(response)
    client.cookies.update(response.cookies)

    page = client.get(premium.url)

    assert "Vous êtes déconnecté." in page.content.decode()
    assert "public" not in cache_control(page)


@pytest.mark.django_db
def test_an_anonymous_premium_page_takes_at_most_15_queries(
    client, premium, django_assert_max_num_queries
):
    client.get(premium.url)
    with django_assert_max_num_queries(15):
        client.get(premium.url)
