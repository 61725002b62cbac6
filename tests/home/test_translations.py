from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

FRENCH = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_the_french_catalogue_is_complete():
    catalogue = polib.pofile(str(FRENCH))

    assert len(catalogue) > 100
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_the_french_catalogue_keeps_every_placeholder():
    catalogue = polib.pofile(str(FRENCH))

    for entry in catalogue.translated_entries():
        for placeholder in ("%(name)s",):
            assert (placeholder in entry.msgid) == (placeholder in entry.msgstr), (
                entry.msgid
            )


def test_the_compiled_catalogue_is_what_django_uses():
    with translation.override("fr"):
        assert translation.gettext("Skip to content") == "Aller au contenu"
    with translation.override("en"):
        assert translation.gettext("Skip to content") == "Skip to content"


@pytest.mark.django_db
def test_every_page_of_the_account_flow_is_french_by_default(client, home_page):
    for url, expected in (
        ("/compte/login/", "Connexion"),
        ("/compte/signup/", "Inscription"),
        ("/compte/password/reset/", "Mot de passe oublié ?"),
        ("/compte/login/code/", "Envoyez-moi un code de connexion"),
    ):
        html = client.get(url).content.decode()
        assert expected in html, url
