"""Odd input gets the site's own error pages, in the language of the path."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.defaults import permission_denied
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accounts.factories import UserFactory
from home.models import StandardPage
from newsroom.factories import ThemeFactory


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def assert_site_error_page(response, code: int, language: str):
    html = page(response)
    assert response.status_code == code
    assert html.html["lang"] == language
    # The site's base template: its header, its skip link, its stylesheet.
    assert html.select_one("a.skip-link").get_text(strip=True) == (
        "Aller au contenu" if language == "fr" else "Skip to content"
    )
    assert html.select_one(".error-page__code").get_text(strip=True) == str(code)
    assert html.select_one("link[rel=stylesheet]")["href"].endswith("site.css")
    home = html.select_one(".error-page a.button")
    assert home["href"] == ("/" if language == "fr" else "/en/")
    assert home.get_text(strip=True) == (
        "Retour à l'accueil" if language == "fr" else "Back to the home page"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/billetterie/commande/%00/",
        "/debats/%00/",
        "/%00",
        "/debats/%FF/",
        "/billetterie/billet/%C3%28/",
        "/admin/pages/%FF/",
        "/debats/%2541/",  # an escaped escape: no link of ours has one
    ],
)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_nul_or_broken_utf8_in_the_path_is_a_page_not_found(
    client, home_page, path, prefix
):
    if path.startswith("/admin/") and prefix:
        return
    response = client.get(prefix + path)

    assert_site_error_page(response, 404, "en" if prefix else "fr")


@pytest.mark.django_db
def test_a_page_whose_slug_has_accents_is_previewed_in_the_admin(home_page):
    # Wagtail's preview request keeps the escapes of the page's URL in its path.
    page = home_page.add_child(
        instance=StandardPage(title="Les débats", slug="les-débats", live=False)
    )
    client = Client()
    client.force_login(UserFactory(editor=True))
    url = f"/admin/pages/{page.pk}/edit/preview/"
    data = nested_form_data(
        {"title": page.title, "slug": page.slug, "intro": "", "body": streamfield([])}
    )
    assert client.post(url, data).json()["is_valid"]

    preview = client.get(url)
    assert preview.status_code == 200
    # Shown in a frame of the admin, under the admin's policy.
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["q=%00", "theme=%00", "ville=a%00b", "%00=1", "page=1&q=x%00"]
)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_nul_in_the_query_string_is_a_bad_request(client, home_page, query, prefix):
    response = client.get(f"{prefix}/?{query}")

    assert_site_error_page(response, 400, "en" if prefix else "fr")
    assert page(response).h1.get_text(strip=True) == (
        "We could not make sense of this request."
        if prefix
        else "Nous n’avons pas pu comprendre cette demande."
    )


@pytest.mark.django_db
def test_the_403_page_is_the_sites_too(home_page):
    request = RequestFactory().get("/en/")
    with translation.override("en"):
        response = permission_denied(request, PermissionDenied())

    html = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 403
    assert html.html["lang"] == "en"
    assert html.select_one(".error-page__code").get_text(strip=True) == "403"
    assert html.h1.get_text(strip=True) == "This page is not open to you."


@pytest.mark.django_db
def test_the_403_page_is_french_on_the_french_site(home_page):
    request = RequestFactory().get("/")
    with translation.override("fr"):
        response = permission_denied(request, PermissionDenied())

    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "fr"
    assert html.h1.get_text(strip=True) == "Cette page ne vous est pas ouverte."


@pytest.mark.django_db
def test_accents_and_broken_utf8_values_in_the_query_string_are_just_text(
    client, home_page
):
    ThemeFactory(slug="sante")

    assert client.get("/?q=%C3%A9nergie").status_code == 200
    assert client.get("/?q=%FF").status_code == 200
    assert client.get("/propositions/?theme=%C3%28").status_code == 200


@pytest.mark.django_db
def test_a_nul_in_a_form_field_is_an_error_next_to_the_field(client, reader):
    client.force_login(reader)
    response = client.post(
        "/compte/",
        "first_name=L%C3%A9a%00&last_name=Martin&language=fr",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    error = page(response).select_one("#id_first_name_error")
    assert error.get_text(strip=True) == "Le caractère nul n’est pas autorisé."
    reader.refresh_from_db()
    assert reader.first_name == "Léa"


@pytest.mark.django_db
def test_a_nul_in_the_session_cookie_starts_a_new_session(home_page, reader):
    client = Client()
    client.cookies["sessionid"] = "abcdefgh\x00ijklmnop"

    assert client.get("/compte/").status_code == 302
    signed_in = client.post(
        "/compte/login/", {"login": "lea@example.org", "password": "versus-demo"}
    )

    assert signed_in.status_code == 302
    assert "\x00" not in client.cookies["sessionid"].value
    assert client.get("/compte/").status_code == 200
