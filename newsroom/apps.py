from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        # Imported here: both modules need models, loaded only by ready().
        from accounts import personal_data
        from newsroom import services

        personal_data.register(
            "expert_applications",
            export=services.export_applications,
            erase=services.erase_applications,
        )
