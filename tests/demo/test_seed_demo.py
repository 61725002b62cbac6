import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page

from core.models import SiteSettings
from debates.models import DebatePage, Reaction, Verdict, VerdictTally
from demo import files
from home.models import HomePage, StandardPage
from newsroom.models import Commission, Theme

User = get_user_model()


@pytest.mark.django_db
def test_seed_demo_builds_the_site_and_the_three_demo_accounts(client):
    call_command("seed_demo", stdout=io.StringIO())

    home = HomePage.objects.get()
    assert home.intro
    assert {p.slug for p in StandardPage.objects.child_of(home)} == {
        spec["slug"] for spec in files.load("pages")
    }
    settings = SiteSettings.load()
    assert settings.cookies_page.slug == "cookies"
    assert settings.transparency_page.slug == "transparence"

    editor = User.objects.get(email="redaction@example.org")
    assert editor.is_superuser
    assert editor.check_password("versus-demo")
    for email in ("lecteur@example.org", "abonne@example.org"):
        reader = User.objects.get(email=email)
        assert not reader.is_staff
        assert reader.check_password("versus-demo")
        assert EmailAddress.objects.get(user=reader, email=email).verified

    assert client.login(email="redaction@example.org", password="versus-demo")
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_seed_demo_publishes_twelve_debates_with_experts_sources_and_verdicts(client):
    call_command("seed_demo", stdout=io.StringIO())

    debates = DebatePage.objects.live()
    assert debates.count() == 12
    assert Theme.objects.filter(debates__in=debates).distinct().count() >= 6
    for debate in debates:
        assert debate.pour_contributor.live
        assert debate.contre_contributor.live
        assert debate.pour_contributor != debate.contre_contributor
        assert len(debate.pour_sources) >= 2
        assert len(debate.contre_sources) >= 2
        tally = VerdictTally.objects.get(debate=debate)
        for moment in ("before", "after"):
            rows = Verdict.objects.filter(debate=debate, moment=moment)
            assert tally.total(moment) == rows.count() > 0
    assert Reaction.objects.filter(status="approved", parent__isnull=False).exists()
    assert set(Commission.objects.values_list("status", flat=True)) == set(
        Commission.Status.values
    )
    assert debates.filter(premium=True).exists()
    assert debates.filter(chosen_by_readers=True).exists()
    newest = debates.order_by("-first_published_at").first()
    assert client.get("/").context["featured_debate"] == newest
    assert client.get(newest.url).status_code == 200


@pytest.mark.django_db
def test_seed_demo_twice_duplicates_nothing_and_keeps_editors_changes():
    call_command("seed_demo", stdout=io.StringIO())
    home = HomePage.objects.get()
    home.intro = "Un texte réécrit par la rédaction."
    home.save()
    counts = (Page.objects.count(), User.objects.count(), EmailAddress.objects.count())

    call_command("seed_demo", stdout=io.StringIO())

    assert (
        Page.objects.count(),
        User.objects.count(),
        EmailAddress.objects.count(),
    ) == counts
    assert HomePage.objects.get().intro == "Un texte réécrit par la rédaction."


@override_settings(PRODUCTION=True)
@pytest.mark.django_db
def test_seed_demo_refuses_to_run_in_production():
    with pytest.raises(CommandError, match="refuses to run with DJANGO_ENV=production"):
        call_command("seed_demo")

    assert not User.objects.exists()


@pytest.mark.django_db
def test_seed_demo_subscribes_abonne_through_the_demo_checkout(settings):
    from payments.models import StripeEvent
    from subscriptions.access import has_reader_access
    from subscriptions.models import Plan

    settings.STRIPE_DEMO_MODE = True
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())

    plan = Plan.objects.get()
    assert (plan.price_cents, str(plan.vat_rate)) == (499, "2.10")
    assert has_reader_access(User.objects.get(email="abonne@example.org"))
    assert not has_reader_access(User.objects.get(email="lecteur@example.org"))
    assert set(StripeEvent.objects.values_list("type", flat=True)) == {
        "customer.subscription.created",
        "invoice.paid",
        "checkout.session.completed",
    }
    assert StripeEvent.objects.exclude(outcome="applied").count() == 0


@pytest.mark.django_db
def test_seed_demo_announces_conferences(client):
    from events.models import ConferencePage

    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())

    conferences = ConferencePage.objects.live()
    assert conferences.count() == 3
    assert sum(1 for c in conferences if not c.is_past) == 2
    page = client.get(conferences.first().url)
    assert page.status_code == 200
