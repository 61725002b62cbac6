from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every room uses and no room owns: the outgoing email queue and the
    background tasks that deliver it."""

    name = "core"
    verbose_name = _("Core")
