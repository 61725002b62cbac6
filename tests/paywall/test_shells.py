"""A logged-in reader's debate page from the shell every reader with the whole
text shares (``core.shells``), with the page cache on: the shell reaches only
readers the paywall lets in, each gets their own verdicts, reactions, free reads
and CSRF tokens, and a publication or a cancellation takes effect at once."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from core import shells
from core.models import SiteSettings
from debates import selectors, services
from debates.models import Reaction
from subscriptions.factories import SubscriptionFactory
from subscriptions.models import PremiumRead, Subscription
from tests.paywall.conftest import MARKER, POUR_TEASER

pytestmark = pytest.mark.django_db

USERBAR = "wagtail-userbar"


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _subscriber(email: str):
    return SubscriptionFactory(
        account__user=UserFactory(email=email, verified=True)
    ).account.user


def _tokens(response) -> set[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return {tag["value"] for tag in page.select("input[name=csrfmiddlewaretoken]")}


def test_a_second_subscriber_is_served_the_shell_with_their_own_tokens(
    premium, subscriber, django_assert_max_num_queries
):
    first = _logged_in(subscriber).get(premium.url)
    other = _logged_in(_subscriber("autre@example.org"))

    # Their session, their account, their subscription, their own part of the
    # page (one statement) and the tally: no routing, no rendering.
    with django_assert_max_num_queries(5):
        second = other.get(premium.url)

    assert first[shells.HEADER] == "miss"
    assert second[shells.HEADER] == "hit"
    assert MARKER in second.content.decode()
    assert "private" in second["Cache-Control"]
    assert _tokens(first)
    assert _tokens(second)
    assert _tokens(first).isdisjoint(_tokens(second))


def test_the_token_a_shell_hands_out_is_accepted_by_the_form(premium, subscriber):
    _logged_in(_subscriber("autre@example.org")).get(premium.url)
    reader = Client(enforce_csrf_checks=True)
    reader.force_login(subscriber)
    page = reader.get(premium.url)
    assert page[shells.HEADER] == "hit"
    form = BeautifulSoup(page.content, "html.parser").select_one("#verdict-before form")
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]

    answer = reader.post(
        form["action"],
        {
            "csrfmiddlewaretoken": token,
            "moment": "before",
            "stance": "pour",
            "consent": "on",
        },
    )

    assert answer.status_code == 302
    assert selectors.reader_state(premium.pk, subscriber).verdicts == {"before": "pour"}


@pytest.mark.parametrize("who", ["over_quota_reader", "unverified"])
def test_a_reader_without_access_never_gets_the_shell(
    premium, subscriber, who, request
):
    _logged_in(subscriber).get(premium.url)
    _logged_in(subscriber).get(premium.url)
    if who == "unverified":
        user = UserFactory(email="sans-adresse@example.org", verified=False)
    else:
        user = request.getfixturevalue(who)

    theirs = _logged_in(user).get(premium.url)

    html = theirs.content.decode()
    assert theirs.get(shells.HEADER) != "hit"
    assert POUR_TEASER in html
    assert MARKER not in html
    assert "paywall" in html


def test_a_cancelled_subscription_closes_the_shell_at_once(premium, subscriber):
    # No free read to fall back on.
    SiteSettings.objects.update_or_create(defaults={"premium_quota": 0})
    reader = _logged_in(subscriber)
    reader.get(premium.url)
    assert reader.get(premium.url)[shells.HEADER] == "hit"

    Subscription.objects.filter(account__user=subscriber).update(
        status=Subscription.Status.CANCELED
    )

    html = reader.get(premium.url).content.decode()
    assert MARKER not in html
    assert POUR_TEASER in html


def test_a_metered_reader_is_served_the_shell_and_their_read_is_counted(
    premium, subscriber, verified_reader
):
    _logged_in(subscriber).get(premium.url)

    theirs = _logged_in(verified_reader).get(premium.url)

    assert theirs[shells.HEADER] == "hit"
    assert MARKER in theirs.content.decode()
    assert PremiumRead.objects.filter(user=verified_reader, debate=premium).count() == 1
    notice = BeautifulSoup(theirs.content, "html.parser").select_one(".free-reads")
    assert "2" in notice.get_text()
    # The subscriber's page from the same shell has no such notice.
    again = _logged_in(subscriber).get(premium.url)
    assert again[shells.HEADER] == "hit"
    assert "free-reads" not in again.content.decode()


def test_each_reader_sees_their_own_verdicts_and_the_tally_with_their_vote(
    premium, subscriber
):
    other = _subscriber("autre@example.org")
    services.give_stance_consent(subscriber)
    services.cast_verdict(premium, user=subscriber, moment="before", stance="contre")
    _logged_in(other).get(premium.url)

    mine = _logged_in(subscriber).get(premium.url)
    theirs = _logged_in(other).get(premium.url)

    assert mine[shells.HEADER] == theirs[shells.HEADER] == "hit"
    my_box = BeautifulSoup(mine.content, "html.parser").select_one("#verdict-before")
    their_box = BeautifulSoup(theirs.content, "html.parser").select_one(
        "#verdict-before"
    )
    assert my_box.select_one(".verdict__mine") is not None
    assert my_box.select_one("input[value=contre][checked]") is not None
    assert their_box.select_one(".verdict__mine") is None
    assert their_box.select_one("input[checked]") is None
    # Consent was given by one of them only.
    assert my_box.select_one("input[name=consent]") is None
    assert their_box.select_one("input[name=consent]") is not None
    # The vote is in the tally both are shown, though the shell is older.
    for page in (mine, theirs):
        results = BeautifulSoup(page.content, "html.parser").select_one("#verdict")
        assert "(1 avis)" in results.get_text(" ", strip=True)


def test_a_reaction_awaiting_moderation_is_shown_to_its_author_only(
    premium, subscriber
):
    other = _subscriber("autre@example.org")
    services.post_reaction(
        premium,
        user=subscriber,
        tag=Reaction.Tag.NUANCE,
        text="Ma réaction en attente de lecture.",
    )
    _logged_in(other).get(premium.url)

    mine = _logged_in(subscriber).get(premium.url).content.decode()
    theirs = _logged_in(other).get(premium.url).content.decode()

    assert "Ma réaction en attente de lecture." in mine
    assert "Ma réaction en attente de lecture." not in theirs


def test_a_message_is_shown_by_a_rendered_page_and_never_kept(premium, subscriber):
    other = _logged_in(_subscriber("autre@example.org"))
    reader = _logged_in(subscriber)

    page = BeautifulSoup(reader.get(premium.url).content, "html.parser")
    action = page.select_one("#verdict-before form")["action"]
    answer = reader.post(
        action, {"moment": "before", "stance": "pour", "consent": "on"}
    )
    assert answer.status_code == 302
    with_message = reader.get(premium.url)
    for_other = other.get(premium.url)

    assert with_message[shells.HEADER] == "miss"
    assert "Votre avis est enregistré" in with_message.content.decode()
    assert "Votre avis est enregistré" not in for_other.content.decode()


def test_the_editors_bar_is_the_editors_only(premium, subscriber, editor):
    _logged_in(subscriber).get(premium.url)

    theirs = _logged_in(editor).get(premium.url)
    subscribers = _logged_in(subscriber).get(premium.url)

    assert theirs[shells.HEADER] == subscribers[shells.HEADER] == "hit"
    assert USERBAR in theirs.content.decode()
    assert USERBAR not in subscribers.content.decode()


def test_a_page_with_view_restrictions_is_never_kept_as_a_shell(premium, subscriber):
    members = Group.objects.create(name="Membres")
    restriction = PageViewRestriction.objects.create(
        page=premium, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members)
    subscriber.groups.add(members)
    outsider = _subscriber("dehors@example.org")

    member = _logged_in(subscriber).get(premium.url)
    refused = _logged_in(outsider).get(premium.url)

    assert MARKER in member.content.decode()
    assert shells.HEADER not in member
    assert refused.status_code in (302, 403)
    assert MARKER not in refused.content.decode()


def test_a_new_revision_drops_the_shell(
    premium, subscriber, django_capture_on_commit_callbacks
):
    reader = _logged_in(subscriber)
    reader.get(premium.url)
    assert reader.get(premium.url)[shells.HEADER] == "hit"

    premium.pour_body = [("paragraph", "<p>Un argument tout neuf.</p>")]
    with django_capture_on_commit_callbacks(execute=True):
        premium.save_revision().publish()

    page = reader.get(premium.url)
    assert page[shells.HEADER] == "miss"
    assert "Un argument tout neuf." in page.content.decode()


# --- The shell filled in, and the page rendered in place, are the same page ------


def _normalised(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "csrf", html)
    return re.sub(r"\s+", " ", html).replace("> <", "><").strip()


@pytest.mark.parametrize("situation", ["new", "before", "both", "pending", "metered"])
def test_a_filled_shell_is_the_page_rendered_in_place(
    premium, subscriber, verified_reader, situation, monkeypatch
):
    user = verified_reader if situation == "metered" else subscriber
    if situation in ("before", "both"):
        services.give_stance_consent(user)
        services.cast_verdict(premium, user=user, moment="before", stance="pour")
    if situation == "both":
        services.cast_verdict(premium, user=user, moment="after", stance="contre")
    if situation == "pending":
        services.post_reaction(
            premium, user=user, tag=Reaction.Tag.POUR, text="Une réaction à lire."
        )
    reader = _logged_in(user)
    reader.get(premium.url)
    filled = reader.get(premium.url)
    assert filled[shells.HEADER] == "hit"

    monkeypatch.setattr(shells, "_eligible", lambda request: False)
    in_place = reader.get(premium.url)

    assert shells.HEADER not in in_place
    assert _normalised(filled.content.decode()) == _normalised(
        in_place.content.decode()
    )
