from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DebatesConfig(AppConfig):
    name = "debates"
    verbose_name = _("Debates")

    def ready(self):
        # Imported here: these modules need models, loaded only by ready().
        from accounts import personal_data
        from debates import services, shells, signals
        from debates.polls import services as poll_services

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
        personal_data.register(
            "topics",
            export=poll_services.export_topics,
            erase=poll_services.erase_topics,
        )
        signals.connect()
        # The debate page for logged-in readers, from a shell (core.shells).
        shells.connect()
