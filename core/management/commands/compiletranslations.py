"""Compile the project's .po files to .mo with polib.

Django's own ``compilemessages`` needs GNU gettext's ``msgfmt``, which a fresh
machine with only Python and make does not have; polib is pure Python.

A catalogue whose compiled form has not changed is left alone, and a new one
replaces the old in one step: a test run already started elsewhere on the same
checkout (CI runs two side by side) never reads a half-written file.
"""

import os
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po to .mo (no gettext tools needed)."
    requires_system_checks = []

    def handle(self, *args, **options):
        compiled = unchanged = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                problems = catalogue.untranslated_entries() + catalogue.fuzzy_entries()
                if problems:
                    raise CommandError(
                        f"{po_path}: {len(problems)} untranslated or fuzzy entries, "
                        f"starting with {problems[0].msgid!r}."
                    )
                if write_if_changed(po_path.with_suffix(".mo"), catalogue.to_binary()):
                    compiled += 1
                else:
                    unchanged += 1
        self.stdout.write(
            f"Compiled {compiled} catalogue(s), {unchanged} already up to date."
        )


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` to ``path`` atomically, unless it holds it already."""
    try:
        if path.read_bytes() == content:
            return False
    except FileNotFoundError:
        pass
    descriptor, scratch = tempfile.mkstemp(dir=path.parent, suffix=".mo.tmp")
    try:
        with os.fdopen(descriptor, "wb") as scratch_file:
            scratch_file.write(content)
        os.chmod(scratch, 0o644)
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
    return True
