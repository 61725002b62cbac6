from django.apps import AppConfig
from django.core.signals import setting_changed
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _

from core.converters import IdConverter
from core.storage import forget_private_storage


class CoreConfig(AppConfig):
    """What every room uses and no room owns: the site settings and navigation,
    the outgoing email queue and the background tasks that deliver it, the refusal
    of odd input, the path converters and the search query every search box goes
    through, money, links and form helpers."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        # `<id:pk>` in every room's urls.py: ids that fit the database.
        register_converter(IdConverter, "id")

        # Private files follow a change of STORAGES, as Django's default storage does.
        setting_changed.connect(forget_private_storage, dispatch_uid="core.storage")

        # Imported here: core.signals needs Wagtail's models, loaded only by ready().
        from core import mail_notifications, pagepurge, shells, signals

        signals.connect()
        # Wagtail's moderation emails leave through the outbox, after commit.
        mail_notifications.connect()
        # What each change purges from the page cache; finds the rooms' own lists.
        pagepurge.connect()
        # The editor's bar, a slot of every page served from a shell.
        shells.connect()
