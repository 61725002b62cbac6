from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every room uses and no room owns: the site settings and navigation,
    the outgoing email queue and the background tasks that deliver it, the refusal
    of odd input, the path converters and the search query every search box goes
    through, money, links and form helpers."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.urls import register_converter

        from core.converters import IdConverter

        # `<id:pk>` in every room's urls.py: ids that fit the database.
        register_converter(IdConverter, "id")

        from core import signals

        signals.connect()
