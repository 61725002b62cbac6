import io
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


def test_compiling_twice_leaves_an_up_to_date_catalogue_alone(tmp_path, settings):
    """CI runs two suites side by side on one checkout, each compiling first: the
    second must not rewrite the file the first may be reading."""
    from django.core.management import call_command

    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalogue.append(polib.POEntry(msgid="Debate", msgstr="Débat"))
    catalogue.save(str(folder / "django.po"))
    settings.LOCALE_PATHS = [tmp_path]

    call_command("compiletranslations", stdout=(first := io.StringIO()))
    compiled = folder / "django.mo"
    written = compiled.stat().st_mtime_ns
    call_command("compiletranslations", stdout=(second := io.StringIO()))

    assert "Compiled 1 catalogue(s), 0 already up to date." in first.getvalue()
    assert "Compiled 0 catalogue(s), 1 already up to date." in second.getvalue()
    assert compiled.stat().st_mtime_ns == written
    assert polib.mofile(str(compiled)).find("Debate").msgstr == "Débat"
    # No scratch file left behind.
    assert sorted(p.name for p in folder.iterdir()) == ["django.mo", "django.po"]
