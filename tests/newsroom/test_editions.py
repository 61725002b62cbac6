"""Print editions: listed on their day, their debates, and a PDF the newsroom
downloads (subscribers too: tests/paywall/test_editions.py)."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from debates.factories import DebateIndexPageFactory, DebatePageFactory
from newsroom.factories import EditionFactory, sample_pdf
from newsroom.models import Edition, EditionDebate

TODAY = timezone.localdate


@pytest.fixture
def index(home_page):
    return DebateIndexPageFactory(parent=home_page)


@pytest.fixture
def editor(db):
    user = UserFactory(email="plume@example.org", verified=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def edition(index):
    debates = [
        DebatePageFactory(parent=index, title="Faut-il taxer l'héritage ?"),
        DebatePageFactory(parent=index, title="Faut-il rendre le vote obligatoire ?"),
    ]
    return EditionFactory(
        number=7, published_on=TODAY() - datetime.timedelta(days=3), debates=debates
    )


@pytest.mark.django_db
def test_the_list_shows_editions_that_are_out_newest_first(client, edition):
    EditionFactory(number=6, published_on=TODAY() - datetime.timedelta(days=40))
    EditionFactory(number=8, published_on=TODAY() + datetime.timedelta(days=1))

    response = client.get("/editions/")

    assert response.status_code == 200
    titles = [edition.number for edition in response.context["editions"]]
    assert titles == [7, 6]
    html = response.content.decode()
    assert "Versus n°\u00a07" in html
    assert "2\u00a0débats" in html or "2 débats" in html
    assert "Versus n°\u00a08" not in html


@pytest.mark.django_db
def test_an_edition_that_is_not_out_yet_is_not_found(client):
    EditionFactory(number=9, published_on=TODAY() + datetime.timedelta(days=2))

    assert client.get("/editions/9/").status_code == 404
    assert client.get("/editions/9/pdf/").status_code == 404


@pytest.mark.django_db
def test_the_edition_page_lists_its_live_debates_in_order(
    client, edition, index, django_assert_max_num_queries
):
    draft = DebatePageFactory(parent=index, title="Brouillon", live=False)
    EditionDebate.objects.create(edition=edition, debate=draft, sort_order=9)

    with django_assert_max_num_queries(10):
        response = client.get("/editions/7/")

    assert response.status_code == 200
    assert [debate.title for debate in response.context["debates"]] == [
        "Faut-il taxer l'héritage ?",
        "Faut-il rendre le vote obligatoire ?",
    ]
    html = response.content.decode()
    assert "Le PDF est réservé aux abonnés." in html
    assert edition.get_pdf_url() not in html


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in_for_the_pdf(client, edition):
    response = client.get("/editions/7/pdf/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=/editions/7/pdf/" in response["Location"]


@pytest.mark.django_db
def test_a_reader_without_access_gets_no_pdf(client, edition, reader):
    client.force_login(reader)

    response = client.get("/editions/7/pdf/")

    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")
    assert "Ce PDF est réservé aux abonnés" in response.content.decode()
    assert b"%PDF-" not in response.content


@pytest.mark.django_db
def test_an_editor_downloads_the_pdf_uncached(client, edition, editor):
    client.force_login(editor)

    page = client.get("/editions/7/")
    response = client.get("/editions/7/pdf/")

    assert "Télécharger le PDF" in page.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="versus-7.pdf"'
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    body = b"".join(response.streaming_content)
    response.close()
    with edition.pdf.open("rb") as stored:
        assert body == stored.read()
    assert body.startswith(b"%PDF-")


@pytest.mark.django_db
def test_the_pdf_is_stored_outside_the_public_media(edition):
    path = Path(edition.pdf.path)

    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
    # The storage gives no URL; the file's URL is the view that checks access.
    with pytest.raises(ValueError, match="no URL"):
        edition.pdf.storage.url(edition.pdf.name)
    assert edition.pdf.url == "/editions/7/pdf/"


@pytest.mark.django_db
def test_a_debate_page_names_the_edition_it_appeared_in(client, edition):
    debate = edition.items.order_by("sort_order").first().debate
    later = EditionFactory(
        number=12, published_on=TODAY() - datetime.timedelta(days=1), debates=[debate]
    )

    html = client.get(debate.url).content.decode()

    assert "Paru dans Versus n°\u00a07" in html
    assert 'href="/editions/7/"' in html
    assert later.get_absolute_url() not in html


@pytest.mark.django_db
def test_a_debate_only_in_a_coming_edition_names_none(client, index):
    debate = DebatePageFactory(parent=index)
    EditionFactory(
        number=20, published_on=TODAY() + datetime.timedelta(days=5), debates=[debate]
    )

    html = client.get(debate.url).content.decode()

    assert "Paru dans" not in html


@pytest.mark.django_db
def test_the_sitemap_lists_editions_that_are_out(client, edition):
    EditionFactory(number=30, published_on=TODAY() + datetime.timedelta(days=5))

    xml = client.get("/sitemap.xml").content.decode()

    assert "/editions/7/</loc>" in xml
    assert "/editions/30/" not in xml


# --- In the admin -------------------------------------------------------------------


def edition_form(**fields):
    data = {
        "number": "3",
        "published_on": TODAY().isoformat(),
        "title": "Faut-il taxer l'héritage ?",
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def with_debates(data, debates):
    data["items-TOTAL_FORMS"] = str(len(debates))
    for n, debate in enumerate(debates):
        data.update(
            {
                f"items-{n}-debate": str(debate.pk),
                f"items-{n}-ORDER": str(n + 1),
                f"items-{n}-DELETE": "",
                f"items-{n}-id": "",
            }
        )
    return data


ADD_URL = "/admin/snippets/newsroom/edition/add/"


@pytest.mark.django_db
def test_an_editor_adds_an_edition_with_its_pdf_and_debates(client, editor, index):
    debates = [DebatePageFactory(parent=index) for _ in range(2)]
    client.force_login(editor)
    pdf = SimpleUploadedFile(
        "versus-3.pdf", sample_pdf(["Versus n° 3"]), content_type="application/pdf"
    )

    response = client.post(
        ADD_URL, with_debates(edition_form(pdf=pdf), list(reversed(debates)))
    )

    assert response.status_code == 302, response.context["form"].errors
    edition = Edition.objects.get(number=3)
    with edition.pdf.open("rb") as stored:
        assert stored.read().startswith(b"%PDF-")
    assert [item.debate_id for item in edition.items.order_by("sort_order")] == [
        debates[1].pk,
        debates[0].pk,
    ]


@pytest.mark.django_db
def test_a_file_that_is_not_a_pdf_is_refused_next_to_the_field(client, editor):
    client.force_login(editor)
    fake = SimpleUploadedFile(
        "deguise.pdf", b"<html>not a pdf</html>", content_type="application/pdf"
    )

    response = client.post(ADD_URL, edition_form(pdf=fake))

    assert response.status_code == 200
    assert response.context["form"].errors["pdf"] == [
        "Ce fichier n'est pas un PDF. Exportez l'édition en PDF et réessayez."
    ]
    assert not Edition.objects.exists()
    assert not any(Path(settings.PRIVATE_MEDIA_ROOT).rglob("deguise*"))


@pytest.mark.django_db
def test_a_word_file_is_refused_by_its_extension(client, editor):
    client.force_login(editor)
    doc = SimpleUploadedFile("versus-3.docx", sample_pdf(["Versus"]))

    response = client.post(ADD_URL, edition_form(pdf=doc))

    assert response.context["form"].errors["pdf"] == ["Envoyez un fichier .pdf."]
    assert not Edition.objects.exists()


@pytest.mark.django_db
def test_an_edition_number_is_used_once(client, editor, edition):
    client.force_login(editor)

    response = client.post(ADD_URL, edition_form(number="7"))

    assert response.status_code == 200
    assert "number" in response.context["form"].errors
    assert Edition.objects.count() == 1


@pytest.mark.django_db
def test_the_same_debate_twice_in_an_edition_is_refused(client, editor, index):
    debate = DebatePageFactory(parent=index)
    client.force_login(editor)

    response = client.post(ADD_URL, with_debates(edition_form(), [debate, debate]))

    assert response.status_code == 200
    assert not Edition.objects.exists()
    assert not EditionDebate.objects.exists()


@pytest.mark.django_db
def test_the_newsroom_groups_hold_the_edition_permissions():
    editors = Group.objects.get(name="Editors")
    moderators = Group.objects.get(name="Moderators")

    def codenames(group):
        return set(
            group.permissions.filter(content_type__app_label="newsroom").values_list(
                "codename", flat=True
            )
        )

    assert {"add_edition", "change_edition", "view_edition"} <= codenames(editors)
    assert {"add_commission", "change_commission"} <= codenames(editors)
    assert "publish_contributor" not in codenames(editors)
    assert {"publish_contributor", "delete_edition"} <= codenames(moderators)


@pytest.mark.django_db
def test_a_debate_page_learns_of_a_new_edition_at_once(client, index):
    debate = DebatePageFactory(parent=index)
    before = client.get(debate.url).content.decode()

    EditionFactory(
        number=40, published_on=TODAY() - datetime.timedelta(days=1), debates=[debate]
    )
    after = client.get(debate.url).content.decode()

    assert "Paru dans" not in before
    assert "Paru dans Versus n°\u00a040" in after
