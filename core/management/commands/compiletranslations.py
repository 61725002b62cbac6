"""Compile the project's .po files to .mo with polib.

Django's own ``compilemessages`` needs GNU gettext's ``msgfmt``, which a fresh
machine with only Python and make does not have; polib is pure Python.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po to .mo (no gettext tools needed)."
    requires_system_checks = []

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                problems = catalogue.untranslated_entries() + catalogue.fuzzy_entries()
                if problems:
                    raise CommandError(
                        f"{po_path}: {len(problems)} untranslated or fuzzy entries, "
                        f"starting with {problems[0].msgid!r}."
                    )
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")
