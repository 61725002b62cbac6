"""The public « Devenir expert citoyen » form, from the applicant's side."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation

from accounts.factories import UserFactory
from newsroom.models import ExpertApplication

APPLY_URL = "/experts/candidature/"
THANKS_URL = "/experts/candidature/merci/"
MOTIVATION = (
    "Maire d'une commune de 800 habitants depuis 2014, j'ai vécu de l'intérieur "
    "deux projets de fusion avec les villages voisins."
)
SAMPLE = (
    "La fusion de communes n'est ni une solution miracle ni une menace. Dans la "
    "vallée, nous avons mis quatre ans à mutualiser l'entretien des routes et la "
    "cantine ; les habitants n'ont rien perdu de leur mairie, mais le budget "
    "d'investissement a doublé. Ce qui a compté : un calendrier clair et des élus "
    "qui se parlent avant de voter."
)


def application_data(**overrides) -> dict:
    data = {
        "name": "Odile Fontaine",
        "email": "odile@example.org",
        "field_of_expertise": "Finances des petites communes",
        "qualification": "elected",
        "motivation": MOTIVATION,
        "writing_sample": SAMPLE,
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def apply(client, url=APPLY_URL, ip="198.51.100.7", **overrides):
    return client.post(url, application_data(**overrides), REMOTE_ADDR=ip)


def translated(language: str, message: str, **params) -> str:
    """The message as a reader of that language reads it, whatever the state of
    the catalogue."""
    with translation.override(language):
        text = translation.gettext(message)
    return text % params if params else text


def error_next_to(response, field: str) -> str:
    """The error Django renders beside the field, checked to sit in the field's
    own block."""
    page = BeautifulSoup(response.content, "html.parser")
    errors = page.find(id=f"id_{field}_error")
    assert errors is not None, f"no error shown for {field}"
    assert errors.find_parent("div").find(attrs={"name": field}) is not None
    return errors.get_text(" ", strip=True)


def form_error(response) -> str:
    page = BeautifulSoup(response.content, "html.parser")
    return page.select_one(".errorlist.nonfield").get_text(" ", strip=True)


@pytest.fixture
def editor(db):
    return UserFactory(email="redaction@example.org", editor=True)


@pytest.mark.django_db
def test_the_form_page_invites_readers_to_apply(client, home_page):
    response = client.get(APPLY_URL)

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    form = page.select_one(".card form")
    assert form["method"] == "post"
    assert form.has_attr("novalidate")
    for name in ("name", "email", "field_of_expertise", "motivation", "consent"):
        assert form.find(attrs={"name": name}) is not None
    assert len(form.select("input[name=qualification]")) == 5
    honeypot = form.find("input", attrs={"name": "website"})
    assert honeypot["tabindex"] == "-1"
    assert honeypot["aria-hidden"] == "true"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_logged_in_reader_finds_their_name_and_address_filled_in(
    client, home_page, reader
):
    client.force_login(reader)

    form = client.get(APPLY_URL).context["form"]

    assert form["email"].value() == "lea@example.org"
    assert form["name"].value() == reader.get_full_name()


@pytest.mark.django_db
def test_an_application_is_stored_and_the_editors_and_the_applicant_are_told(
    client, home_page, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client, email="Odile@Example.org")

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    application = ExpertApplication.objects.get()
    assert application.name == "Odile Fontaine"
    assert application.email == "odile@example.org"
    assert application.qualification == "elected"
    assert application.motivation == MOTIVATION
    assert application.writing_sample == SAMPLE
    assert application.language == "fr"
    assert application.status == ExpertApplication.Status.PENDING
    assert application.consented_at is not None

    assert len(mail.outbox) == 2
    to_editors, to_applicant = sorted(mail.outbox, key=lambda m: m.to != [editor.email])
    assert to_editors.to == ["redaction@example.org"]
    assert to_editors.subject == translated(
        "fr", "[Versus] New expert application: %(name)s", name="Odile Fontaine"
    )
    admin_link = (
        f"{settings.WAGTAILADMIN_BASE_URL}/admin/snippets/newsroom/"
        f"expertapplication/edit/{application.pk}/"
    )
    assert admin_link in to_editors.body
    html, mimetype = to_editors.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{admin_link}"' in html

    assert to_applicant.to == ["odile@example.org"]
    assert to_applicant.subject == translated(
        "fr", "[Versus] We have received your application"
    )
    assert "Odile Fontaine" in to_applicant.body
    assert to_applicant.alternatives[0][1] == "text/html"

    thanks = client.get(THANKS_URL)
    assert thanks.status_code == 200


@pytest.mark.django_db
def test_on_the_english_site_the_application_and_its_emails_stay_in_english(
    client, home_page, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client, url="/en" + APPLY_URL)

    assert response["Location"] == "/en" + THANKS_URL
    assert ExpertApplication.objects.get().language == "en"
    to_applicant = next(m for m in mail.outbox if m.to == ["odile@example.org"])
    assert to_applicant.subject == "[Versus] We have received your application"
    assert "Thank you for offering to write for Versus" in to_applicant.body


@pytest.mark.django_db
def test_every_active_editor_is_told_in_their_own_language(
    client, home_page, django_capture_on_commit_callbacks
):
    UserFactory(email="chef@example.org", editor=True)
    UserFactory(email="ancien@example.org", editor=True, is_active=False)
    UserFactory(email="lecteur@example.org")
    moderator = UserFactory(email="moderatrice@example.org", language="en")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    editor = UserFactory(email="editeur@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))

    with django_capture_on_commit_callbacks(execute=True):
        apply(client)

    # One email per editor: nobody sees the others' addresses.
    to_editors = [m for m in mail.outbox if m.to != ["odile@example.org"]]
    by_recipient = {tuple(m.to): m for m in to_editors}
    assert len(to_editors) == 3
    assert set(by_recipient) == {
        ("chef@example.org",),
        ("editeur@example.org",),
        ("moderatrice@example.org",),
    }
    assert (
        by_recipient[("moderatrice@example.org",)].subject
        == "[Versus] New expert application: Odile Fontaine"
    )
    assert by_recipient[("chef@example.org",)].subject == translated(
        "fr", "[Versus] New expert application: %(name)s", name="Odile Fontaine"
    )


@pytest.mark.django_db
def test_without_any_editor_the_publication_address_is_told(
    client, home_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        apply(client)

    recipients = [m.to for m in mail.outbox]
    assert [settings.DEFAULT_FROM_EMAIL] in recipients


def _bad_input_cases():
    too_long_motivation = "x" * 2001
    too_long_sample = "y" * 5001
    huge = "z" * 20_000
    return [
        ("name", {"name": ""}, ("Tell us your name.", {})),
        ("name", {"name": huge}, _too_long(120, 20_000)),
        ("email", {"email": ""}, ("Give an email address where we can answer.", {})),
        ("email", {"email": "pas-une-adresse"}, ("Enter a valid email address.", {})),
        ("field_of_expertise", {"field_of_expertise": "   "}, None),
        ("qualification", {"qualification": None}, ("Choose what you speak as.", {})),
        ("qualification", {"qualification": "ministre"}, None),
        ("motivation", {"motivation": ""}, ("Tell us in a few lines why you.", {})),
        ("motivation", {"motivation": "Trop court."}, _too_short(50)),
        ("motivation", {"motivation": too_long_motivation}, _too_long(2000, 2001)),
        ("motivation", {"motivation": huge}, _too_long(2000, 20_000)),
        ("writing_sample", {"writing_sample": ""}, None),
        ("writing_sample", {"writing_sample": MOTIVATION}, _too_short(200)),
        ("writing_sample", {"writing_sample": too_long_sample}, _too_long(5000, 5001)),
        ("writing_sample", {"writing_sample": huge}, _too_long(5000, 20_000)),
        (
            "consent",
            {"consent": None},
            ("Your consent is needed to examine your application.", {}),
        ),
    ]


def _too_short(limit):
    return ("Write at least %(limit_value)d characters.", {"limit_value": limit})


def _too_long(limit, length):
    return (
        "Keep it to %(limit_value)d characters (it has %(show_value)d).",
        {"limit_value": limit, "show_value": length},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("field", "overrides", "message"), _bad_input_cases())
@pytest.mark.parametrize("language", ["fr", "en"])
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_stored(
    client,
    home_page,
    editor,
    django_capture_on_commit_callbacks,
    field,
    overrides,
    message,
    language,
):
    url = APPLY_URL if language == "fr" else "/en" + APPLY_URL
    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client, url=url, **overrides)

    assert response.status_code == 200
    shown = error_next_to(response, field)
    if message is not None:
        msgid, params = message
        assert shown == translated(language, msgid, **params)
    assert ExpertApplication.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_html_is_kept_as_plain_text_and_never_rendered(
    client, home_page, django_capture_on_commit_callbacks
):
    payload = '<script>alert("x")</script><b>Gras</b> ' + MOTIVATION

    refused = apply(client, motivation=payload, consent=None)
    with django_capture_on_commit_callbacks(execute=True):
        apply(client, motivation=payload, name="<i>Odile</i>")

    assert "<script>alert" not in refused.content.decode()
    assert "&lt;script&gt;alert" in refused.content.decode()
    application = ExpertApplication.objects.get()
    assert application.motivation == payload
    assert application.name == "<i>Odile</i>"
    html = next(m for m in mail.outbox if m.to == ["odile@example.org"])
    assert "<i>Odile</i>" not in html.alternatives[0][0]
    assert "&lt;i&gt;Odile&lt;/i&gt;" in html.alternatives[0][0]


@pytest.mark.django_db
def test_nul_characters_are_dropped_and_line_breaks_count_once(client, home_page):
    # 1,000 lines of one letter: 2,000 characters once the browser's \r\n is one.
    motivation = "\r\n".join(["a"] * 1000) + "\x00"
    name = "Odile\x00 \r\n Fontaine"

    response = apply(client, motivation=motivation, name=name)

    assert response.status_code == 302
    application = ExpertApplication.objects.get()
    assert application.motivation == "\n".join(["a"] * 1000)
    assert application.name == "Odile Fontaine"


@pytest.mark.django_db
def test_a_bot_filling_the_hidden_field_is_thanked_but_nothing_is_kept(
    client, home_page, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client, website="http://spam.example")

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    assert ExpertApplication.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_three_applications_an_hour_from_one_connection(client, home_page, language):
    prefix = "" if language == "fr" else "/en"
    for n in range(3):
        response = apply(
            client, url=prefix + APPLY_URL, ip="203.0.113.9", email=f"c{n}@example.org"
        )
        assert response.status_code == 302

    refused = apply(
        client, url=prefix + APPLY_URL, ip="203.0.113.9", email="c4@example.org"
    )
    elsewhere = apply(
        client, url=prefix + APPLY_URL, ip="203.0.113.10", email="c5@example.org"
    )

    assert refused.status_code == 200
    assert form_error(refused) == translated(
        language,
        "Several applications have just been sent from your connection. "
        "Please try again in an hour.",
    )
    assert elsewhere.status_code == 302
    assert set(ExpertApplication.objects.values_list("email", flat=True)) == {
        "c0@example.org",
        "c1@example.org",
        "c2@example.org",
        "c5@example.org",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_one_application_a_day_from_one_address(client, home_page, language):
    prefix = "" if language == "fr" else "/en"
    first = apply(client, url=prefix + APPLY_URL, ip="203.0.113.1")

    again = apply(
        client, url=prefix + APPLY_URL, ip="203.0.113.2", email="ODILE@example.org"
    )

    assert first.status_code == 302
    assert again.status_code == 200
    assert form_error(again) == translated(
        language,
        "We received an application from this email address less than a day "
        "ago. We will answer it; you can send a new one tomorrow.",
    )
    assert ExpertApplication.objects.count() == 1
