from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo site that ``make run`` seeds: texts in ``demo/data/``, built
    through every room's factories and services. On top of the layers: no room
    imports it."""

    name = "demo"
    verbose_name = _("Demo content")
