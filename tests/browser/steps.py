"""Steps the journeys share: logging in on the site and in the Wagtail admin."""

from playwright.sync_api import expect

from accounts.factories import DEMO_PASSWORD


def admin_log_in(page, site_url, email, password=DEMO_PASSWORD):
    """Logs in through Wagtail's own form (French: « S'identifier »)."""
    page.goto(site_url + "/admin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("S'identifier")
    page.get_by_label("Adresse e-mail").fill(email)
    # Wagtail's login form gives this field no label of its own, so Django names it
    # after the field, untranslated.
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="S'identifier").click()
    expect(page).to_have_url(site_url + "/admin/")


def log_in(page, site_url, email, password=DEMO_PASSWORD):
    """Logs in on the public site; lands on « Mon compte »."""
    page.goto(site_url + "/compte/login/")
    page.get_by_label("E-mail :", exact=True).fill(email)
    page.get_by_label("Mot de passe :", exact=True).fill(password)
    page.get_by_role("button", name="Connexion", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon compte")
