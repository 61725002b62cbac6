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


def _wagtail_catalogues():
    import wagtail

    root = Path(wagtail.__file__).parent
    return sorted(root.glob("**/locale/fr/LC_MESSAGES/django.po"))


def test_our_catalogue_does_not_change_the_admins_words():
    """The project's catalogue comes first for every app, so a bare msgid we share
    with Wagtail would replace Wagtail's translation in the admin (« Approve »
    turned into « Publier » in the workflow menu). Such words take a context."""
    theirs = {}
    for path in _wagtail_catalogues():
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.msgctxt:
                theirs.setdefault(entry.msgid, set()).add(entry.msgstr)
    assert theirs, "Wagtail's French catalogues were not found"

    clashes = [
        (entry.msgid, entry.msgstr, sorted(theirs[entry.msgid]))
        for entry in polib.pofile(str(FRENCH))
        if not entry.msgctxt
        and entry.msgid in theirs
        and entry.msgstr not in theirs[entry.msgid]
    ]

    assert clashes == []


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
