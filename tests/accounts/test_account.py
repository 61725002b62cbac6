import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from accounts import personal_data
from accounts.factories import UserFactory

User = get_user_model()


@pytest.fixture
def logged_in(client, home_page, reader):
    client.force_login(reader)
    return client


@pytest.mark.django_db
def test_mon_compte_asks_anonymous_visitors_to_log_in(client, home_page):
    response = client.get("/compte/")

    assert response.status_code == 302
    assert response["Location"] == "/compte/login/?next=/compte/"


@pytest.mark.django_db
def test_mon_compte_shows_the_reader_and_the_doors_out(
    logged_in, django_assert_max_num_queries
):
    # + the reader's ballots and proposals, the newsletters ticked and whether the
    # address is suppressed.
    with django_assert_max_num_queries(12):
        response = logged_in.get("/compte/")

    html = response.content.decode()
    assert "<h1>Mon compte</h1>" in html
    assert "lea@example.org" in html
    for url in ("/compte/mes-donnees/", "/compte/supprimer/", "/compte/email/"):
        assert f'href="{url}"' in html
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_the_reader_updates_name_and_language_and_the_page_follows(logged_in, reader):
    response = logged_in.post(
        "/compte/",
        {"first_name": " Léa ", "last_name": "Martin", "language": "en"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/compte/"
    reader.refresh_from_db()
    assert (reader.first_name, reader.last_name, reader.language) == (
        "Léa",
        "Martin",
        "en",
    )
    page = logged_in.get("/en/compte/")
    assert "Your details have been saved." in page.content.decode()


@pytest.mark.django_db
def test_an_unknown_language_is_refused_next_to_the_field(logged_in, reader):
    response = logged_in.post(
        "/compte/", {"first_name": "Zoé", "last_name": "", "language": "xx"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["language"] == [
        "Sélectionnez un choix valide. xx n’en fait pas partie."
    ]
    reader.refresh_from_db()
    assert (reader.first_name, reader.language) == ("Léa", "fr")


@pytest.mark.django_db
def test_the_export_holds_everything_registered_about_the_reader(logged_in, reader):
    response = logged_in.get("/compte/mes-donnees/")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="versus-mes-donnees-'
    )
    data = json.loads(response.content)
    assert data["profile"]["email"] == "lea@example.org"
    assert data["profile"]["first_name"] == "Léa"
    assert data["email_addresses"] == [
        {"email": "lea@example.org", "verified": True, "primary": True}
    ]
    assert {s.key for s in personal_data.sections()} <= set(data)


@pytest.mark.django_db
def test_the_export_never_shows_another_readers_data(logged_in):
    UserFactory(email="autre@example.org", verified=True)

    data = json.loads(logged_in.get("/compte/mes-donnees/").content)

    assert "autre@example.org" not in json.dumps(data)


@pytest.mark.django_db
def test_a_wrong_password_deletes_nothing(logged_in, reader):
    response = logged_in.post("/compte/supprimer/", {"password": "pas le bon"})

    assert response.status_code == 200
    assert response.context["form"].errors["password"] == [
        "Ce mot de passe n'est pas le bon."
    ]
    assert User.objects.filter(pk=reader.pk).exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_deleting_the_account_erases_the_reader_logs_out_and_says_goodbye(
    logged_in, reader, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in.post("/compte/supprimer/", {"password": "versus-demo"})

    assert response.status_code == 302
    assert not User.objects.filter(email="lea@example.org").exists()
    assert not EmailAddress.objects.filter(email="lea@example.org").exists()
    assert "_auth_user_id" not in logged_in.session
    assert len(mail.outbox) == 1
    goodbye = mail.outbox[0]
    assert goodbye.to == ["lea@example.org"]
    assert goodbye.subject == "[Versus] Votre compte a été supprimé"
    assert "Bonjour Léa" in goodbye.body
    assert goodbye.alternatives[0].mimetype == "text/html"


@pytest.mark.django_db
def test_each_room_erases_its_data_before_the_account_goes(
    logged_in, reader, monkeypatch
):
    erased = []
    monkeypatch.setattr(
        personal_data,
        "_sections",
        {
            **personal_data._sections,
            "comments": personal_data.Section(
                key="comments",
                export=lambda user: [],
                erase=lambda user: erased.append(
                    User.objects.filter(pk=user.pk).exists()
                ),
            ),
        },
    )

    logged_in.post("/compte/supprimer/", {"password": "versus-demo"})

    assert erased == [True]
    assert not User.objects.filter(pk=reader.pk).exists()


@pytest.mark.django_db
def test_the_emails_we_sent_are_in_the_export_and_go_with_the_account(
    logged_in, reader
):
    from core.models import OutgoingEmail

    OutgoingEmail.objects.create(
        builder="subscriptions.emails.welcome",
        language="fr",
        recipient="lea@example.org",
        subject="[Versus] Bienvenue parmi les abonnés",
        status="sent",
    )
    OutgoingEmail.objects.create(
        builder="subscriptions.emails.welcome",
        language="fr",
        recipient="autre@example.org",
        subject="[Versus] Bienvenue parmi les abonnés",
        status="sent",
    )

    data = json.loads(logged_in.get("/compte/mes-donnees/").content)
    logged_in.post("/compte/supprimer/", {"password": "versus-demo"})

    assert [email["subject"] for email in data["emails"]] == [
        "[Versus] Bienvenue parmi les abonnés"
    ]
    assert data["emails"][0]["status"] == "sent"
    remaining = OutgoingEmail.objects.order_by("pk")
    # The other reader's email stays; the goodbye is the only one left to Léa.
    assert [(e.recipient, e.builder) for e in remaining] == [
        ("autre@example.org", "subscriptions.emails.welcome"),
        ("lea@example.org", "accounts.emails.account_deleted"),
    ]
