"""A reader signs up, verifies their address from another device, logs in, finds
« Mon compte » and reads it in English, then back in French: all through the UI."""

import re
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.screenshots import save_screenshots_at_widths

EMAIL = "camille@example.org"
PASSWORD = "Débat-contradictoire-2026"
CONFIRM_LINK = re.compile(r"https?://[^\s\"'<>]+/compte/confirm-email/[^\s\"'<>]+")


def path_of(page) -> str:
    return urlsplit(page.url).path


def main_nav(page):
    return page.get_by_role("navigation", name="Navigation principale")


def test_a_reader_signs_up_verifies_logs_in_and_reads_mon_compte_in_both_languages(
    page, new_page, site_url, home_page
):
    # The home page, as a first-time reader finds it.
    page.goto(site_url + "/")
    expect(page).to_have_title(re.compile(r"· Versus$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    banner = page.get_by_role("banner")
    expect(banner.get_by_role("link", name="Versus", exact=True)).to_have_attribute(
        "href", "/"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(
        home_page.headline or home_page.title
    )
    assert_accessible(page, context="home page")
    save_screenshots_at_widths(page, "home")

    # « Se connecter », then the sign-up link on the login page.
    main_nav(page).get_by_role("link", name="Se connecter", exact=True).click()
    expect(page).to_have_url(site_url + "/compte/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion")

    page.get_by_role("main").get_by_role("link", name="enregistrer", exact=True).click()
    expect(page).to_have_url(site_url + "/compte/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Création de compte")
    assert_accessible(page, context="sign-up page")

    page.get_by_label("E-mail :", exact=True).fill(EMAIL)
    page.get_by_label("Mot de passe :", exact=True).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation) :", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Création de compte", exact=True).click()

    expect(page).to_have_url(site_url + "/compte/confirm-email/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vérifiez votre adresse e-mail"
    )
    user = get_user_model().objects.get(email=EMAIL)
    assert user.language == "fr"
    assert not EmailAddress.objects.get(user=user, email=EMAIL).verified

    # The verification email, read in a mail app on another device.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert message.subject == "[Versus] Confirmez votre adresse e-mail"
    links = set(CONFIRM_LINK.findall(message.body))
    assert len(links) == 1, f"expected one confirmation link in:\n{message.body}"
    confirm_link = links.pop()
    assert confirm_link.startswith(site_url + "/compte/confirm-email/")

    phone = new_page()
    phone.goto(confirm_link)
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        "Confirmer l'adresse e-mail"
    )
    phone.get_by_role("button", name="Confirmer", exact=True).click()

    # Confirming on a device that did not sign up does not log the reader in: they
    # are sent to the login page, told the address is confirmed.
    expect(phone).to_have_url(site_url + "/compte/login/")
    expect(phone.get_by_role("status")).to_contain_text(EMAIL)
    expect(
        main_nav(phone).get_by_role("link", name="Se connecter", exact=True)
    ).to_be_visible()
    address = EmailAddress.objects.get(user=user, email=EMAIL)
    assert address.verified
    assert address.primary

    # The reader logs in on that device.
    phone.get_by_label("E-mail :", exact=True).fill(EMAIL)
    phone.get_by_label("Mot de passe :", exact=True).fill(PASSWORD)
    phone.get_by_role("button", name="Connexion", exact=True).click()

    # « Mon compte ».
    expect(phone).to_have_url(site_url + "/compte/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Mon compte")
    expect(
        main_nav(phone).get_by_role("link", name="Mon compte", exact=True)
    ).to_be_visible()
    sign_in_card = phone.get_by_role("region", name="Connexion")
    expect(sign_in_card.get_by_role("definition").first).to_have_text(EMAIL)
    assert_accessible(phone, context="Mon compte")
    save_screenshots_at_widths(phone, "account")

    # The same page in English, then back in French, with the masthead's switcher.
    switcher = phone.get_by_role("navigation", name="Langue")
    switcher.get_by_role("link", name="English", exact=True).click()
    expect(phone).to_have_url(site_url + "/en/compte/")
    assert path_of(phone).startswith("/en/")
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.get_by_role("heading", level=1)).to_have_text("My account")

    switcher = phone.get_by_role("navigation", name="Language")
    switcher.get_by_role("link", name="Français", exact=True).click()
    expect(phone).to_have_url(site_url + "/compte/")
    assert not path_of(phone).startswith("/en/")
    expect(phone.locator("html")).to_have_attribute("lang", "fr")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Mon compte")
