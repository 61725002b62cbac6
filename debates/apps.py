from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DebatesConfig(AppConfig):
    name = "debates"
    verbose_name = _("Debates")

    def ready(self):
        from accounts import personal_data
        from debates import services

        personal_data.register(
            "verdicts",
            export=services.export_verdicts,
            erase=services.erase_verdicts,
        )
        personal_data.register(
            "reactions",
            export=services.export_reactions,
            erase=services.anonymise_reactions,
        )
