"""Accepting and declining expert applications: the services, then the admin."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.factories import UserFactory
from core.models import OutgoingEmail
from newsroom import services
from newsroom.factories import ContributorFactory, ExpertApplicationFactory
from newsroom.models import Contributor, ExpertApplication

ADMIN = "/admin/snippets/newsroom/expertapplication/"


@pytest.fixture
def editor(db):
    return UserFactory(email="redaction@example.org", editor=True)


@pytest.fixture
def application(db):
    return ExpertApplicationFactory(
        name="Odile Fontaine",
        email="odile@example.org",
        field_of_expertise="Finances des petites communes",
        qualification=Contributor.Qualification.ELECTED,
    )


# --- Services ----------------------------------------------------------------------


@pytest.mark.django_db
def test_accepting_makes_a_draft_profile_and_tells_the_applicant(
    home_page, editor, application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        contributor = services.accept_application(application, editor=editor)

    contributor.refresh_from_db()
    assert contributor.live is False
    assert contributor.name == "Odile Fontaine"
    assert contributor.slug == "odile-fontaine"
    assert contributor.occupation == "Finances des petites communes"
    assert contributor.qualification == Contributor.Qualification.ELECTED
    assert contributor.qualification_detail == application.motivation
    assert contributor.declaration_of_interests == ""
    assert contributor.latest_revision is not None
    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.ACCEPTED
    assert application.contributor == contributor
    assert application.decided_by == editor
    assert application.decided_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["odile@example.org"]
    assert "/compte/signup/" in message.body
    assert message.alternatives[0][1] == "text/html"


@pytest.mark.django_db
def test_the_acceptance_is_written_in_the_applicants_language(
    home_page, editor, django_capture_on_commit_callbacks
):
    application = ExpertApplicationFactory(language="en", name="Ann Lee")

    with django_capture_on_commit_callbacks(execute=True):
        services.accept_application(application, editor=editor)

    message = mail.outbox[0]
    assert message.subject == "[Versus] Your application is accepted"
    assert "Hello Ann Lee," in message.body
    assert "http://localhost/en/compte/signup/" in message.body


@pytest.mark.django_db
def test_the_draft_profile_gets_a_free_slug_and_a_short_enough_legitimacy(
    home_page, editor
):
    ContributorFactory(name="Odile Fontaine", slug="odile-fontaine")
    application = ExpertApplicationFactory(
        name="Odile Fontaine", motivation="Une longue expérience. " * 80
    )

    contributor = services.accept_application(application, editor=editor)

    assert contributor.slug == "odile-fontaine-2"
    assert len(contributor.qualification_detail) == 600
    assert contributor.qualification_detail.endswith("…")


@pytest.mark.django_db
def test_declining_records_the_reason_and_sends_it(
    editor, application, django_capture_on_commit_callbacks
):
    reason = "Nos débats à venir portent sur d'autres sujets.\n<b>Merci</b>"

    with django_capture_on_commit_callbacks(execute=True):
        services.decline_application(application, editor=editor, reason=reason)

    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.DECLINED
    assert application.decision_reason == reason
    assert application.decided_by == editor
    assert application.contributor is None
    message = mail.outbox[0]
    assert message.to == ["odile@example.org"]
    assert reason in message.body
    html = message.alternatives[0][0]
    assert "&lt;b&gt;Merci&lt;/b&gt;" in html
    assert "<b>Merci</b>" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("reason", ["", "   \n ", "\x00"])
def test_declining_without_a_reason_is_refused(
    editor, application, reason, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.ApplicationError),
    ):
        services.decline_application(application, editor=editor, reason=reason)

    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.PENDING
    assert application.decided_at is None
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_reason_longer_than_the_limit_is_refused(editor, application):
    with pytest.raises(services.ApplicationError):
        services.decline_application(application, editor=editor, reason="x" * 2001)

    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("first", "second"),
    [("accept", "accept"), ("accept", "decline"), ("decline", "accept")],
)
def test_an_application_is_decided_once(
    home_page, editor, application, first, second, django_capture_on_commit_callbacks
):
    def decide(action):
        if action == "accept":
            return services.accept_application(application, editor=editor)
        return services.decline_application(application, editor=editor, reason="Non.")

    decide(first)
    application.refresh_from_db()
    decided = (application.status, application.decided_at, application.contributor)

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.ApplicationError) as refused,
    ):
        decide(second)

    assert str(refused.value.message) == (
        "Cette candidature a déjà fait l'objet d'une décision."
    )
    application.refresh_from_db()
    assert (application.status, application.decided_at, application.contributor) == (
        decided
    )
    assert Contributor.objects.count() == (1 if first == "accept" else 0)
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_service_refuses_an_application_without_consent_or_with_bad_data():
    data = {
        "name": "Odile Fontaine",
        "email": "odile@example.org",
        "field_of_expertise": "Finances locales",
        "qualification": "elected",
        "motivation": "x" * 60,
        "writing_sample": "y" * 250,
        "language": "fr",
    }

    with pytest.raises(services.ApplicationError):
        services.submit_application(**data, consent=False)
    with pytest.raises(ValidationError):
        services.submit_application(**{**data, "motivation": "court"}, consent=True)
    with pytest.raises(ValueError, match="Unknown language"):
        services.submit_application(**{**data, "language": "xx"}, consent=True)

    assert ExpertApplication.objects.count() == 0


# --- Admin -------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_the_newsroom_lists_filters_and_searches_applications(admin_client):
    ExpertApplicationFactory(name="Odile Fontaine", email="odile@example.org")
    ExpertApplicationFactory(name="Bruno Marchal", declined=True)
    ExpertApplicationFactory(
        name="Chloé Vidal", qualification=Contributor.Qualification.RESEARCHER
    )

    def names(response):
        page = BeautifulSoup(response.content, "html.parser")
        return {
            a.get_text(strip=True) for a in page.select("table.listing tbody td a")
        } & {"Odile Fontaine", "Bruno Marchal", "Chloé Vidal"}

    listing = admin_client.get(ADMIN)
    assert listing.status_code == 200
    assert names(listing) == {"Odile Fontaine", "Bruno Marchal", "Chloé Vidal"}
    html = listing.content.decode()
    assert "odile@example.org" in html
    assert 'href="/admin/snippets/newsroom/expertapplication/add/"' not in html

    assert names(admin_client.get(ADMIN, {"status": "declined"})) == {"Bruno Marchal"}
    assert names(admin_client.get(ADMIN, {"qualification": "researcher"})) == {
        "Chloé Vidal"
    }
    assert names(admin_client.get(ADMIN, {"q": "odile@"})) == {"Odile Fontaine"}


@pytest.mark.django_db
def test_the_application_page_shows_the_texts_escaped_and_the_decisions(
    admin_client,
):
    application = ExpertApplicationFactory(
        name="Odile <b>Fontaine</b>",
        motivation='<script>alert("x")</script> ' + "Vingt ans de mandat. " * 5,
    )

    response = admin_client.get(f"{ADMIN}edit/{application.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<b>Fontaine</b>" not in html
    page = BeautifulSoup(html, "html.parser")
    actions = {form.get("action") for form in page.select("form[method=post]")}
    assert f"{ADMIN}accept/{application.pk}/" in actions
    assert f"{ADMIN}decline/{application.pk}/" in actions
    assert page.find("textarea", attrs={"name": "reason"}) is not None


@pytest.mark.django_db
def test_a_decided_application_offers_no_decision_but_its_profile(
    admin_client, home_page
):
    application = ExpertApplicationFactory(accepted=True)

    page = BeautifulSoup(
        admin_client.get(f"{ADMIN}edit/{application.pk}/").content, "html.parser"
    )

    actions = {form.get("action") for form in page.select("form[method=post]")}
    assert f"{ADMIN}accept/{application.pk}/" not in actions
    assert page.find(
        "a",
        href=f"/admin/snippets/newsroom/contributor/edit/{application.contributor.pk}/",
    )


@pytest.mark.django_db
def test_the_application_page_cannot_be_saved_by_hand(admin_client, application):
    response = admin_client.post(f"{ADMIN}edit/{application.pk}/", {"status": "x"})

    assert response.status_code == 405
    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.PENDING


@pytest.mark.django_db
def test_applications_are_not_created_in_the_admin(admin_client):
    response = admin_client.get(f"{ADMIN}add/")

    assert response.status_code == 302
    assert ExpertApplication.objects.count() == 0


@pytest.mark.django_db
def test_an_editor_accepts_from_the_admin(
    admin_client, home_page, application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"{ADMIN}accept/{application.pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"{ADMIN}edit/{application.pk}/"
    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.ACCEPTED
    assert application.contributor.live is False
    assert [m.to for m in mail.outbox] == [["odile@example.org"]]
    page = admin_client.get(response["Location"]).content.decode()
    profile = f"/admin/snippets/newsroom/contributor/edit/{application.contributor.pk}/"
    assert profile in page


@pytest.mark.django_db
def test_an_editor_declines_from_the_admin_with_a_reason(
    admin_client, application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        refused = admin_client.post(f"{ADMIN}decline/{application.pk}/", {"reason": ""})
    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.PENDING
    assert mail.outbox == []
    page = admin_client.get(refused["Location"]).content.decode()
    assert "Give the reason for declining" in page or "Indiquez" in page

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            f"{ADMIN}decline/{application.pk}/",
            {"reason": "Pas de débat prévu sur ce thème."},
        )

    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.DECLINED
    assert "Pas de débat prévu sur ce thème." in mail.outbox[0].body


@pytest.mark.django_db
def test_deciding_twice_in_the_admin_is_refused_with_a_message(
    admin_client, home_page, editor, application
):
    services.decline_application(application, editor=editor, reason="Non.")

    response = admin_client.post(f"{ADMIN}accept/{application.pk}/", follow=True)

    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.DECLINED
    assert Contributor.objects.count() == 0
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1
    assert messages[0] != ""


@pytest.mark.django_db
def test_a_retried_accept_click_owes_and_sends_one_email(
    admin_client, home_page, application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"{ADMIN}accept/{application.pk}/")
        admin_client.post(f"{ADMIN}accept/{application.pk}/")
        admin_client.post(f"{ADMIN}decline/{application.pk}/", {"reason": "Non."})

    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.ACCEPTED
    owed = OutgoingEmail.objects.get(key=f"application-decision:{application.pk}")
    assert owed.builder == "newsroom.emails.application_accepted"
    assert owed.status == OutgoingEmail.Status.SENT
    assert OutgoingEmail.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["odile@example.org"]]


@pytest.mark.django_db
def test_the_decision_views_only_take_posts(admin_client, application):
    assert admin_client.get(f"{ADMIN}accept/{application.pk}/").status_code == 405
    assert admin_client.get(f"{ADMIN}decline/{application.pk}/").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["accept", "decline"])
def test_visitors_and_readers_cannot_decide(client, reader, application, action):
    anonymous = client.post(f"{ADMIN}{action}/{application.pk}/", {"reason": "Non."})
    client.force_login(reader)
    as_reader = client.post(f"{ADMIN}{action}/{application.pk}/", {"reason": "Non."})

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")
    assert as_reader.status_code == 302
    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.PENDING
    assert Contributor.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["accept", "decline"])
def test_an_admin_user_without_the_permission_is_turned_away(
    client, application, action
):
    user = UserFactory(email="stagiaire@example.org")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_expertapplication"),
    )
    client.force_login(user)

    response = client.post(f"{ADMIN}{action}/{application.pk}/", {"reason": "Non."})

    # Wagtail answers a PermissionDenied in its admin with a redirect to the
    # dashboard and an error message.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.PENDING


@pytest.mark.django_db
def test_a_user_given_the_change_permission_can_decide(client, home_page, application):
    user = UserFactory(email="secretaire@example.org")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_expertapplication"),
    )
    client.force_login(user)

    response = client.post(f"{ADMIN}decline/{application.pk}/", {"reason": "Non."})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ExpertApplication.Status.DECLINED
    assert application.decided_by == user
    assert application.decided_at <= timezone.now()
