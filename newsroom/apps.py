from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from accounts import personal_data
        from newsroom import services

        personal_data.register(
            "expert_applications",
            export=services.export_applications,
            erase=services.erase_applications,
        )
        # Publishing a debate closes its commission, whoever publishes it: an editor
        # in the admin or the scheduled-publishing command (which fires no admin
        # hook), hence Wagtail's signal.
        from wagtail.signals import page_published

        page_published.connect(
            _close_commission, dispatch_uid="newsroom.close_commission"
        )


def _close_commission(sender, instance, **kwargs):
    from newsroom import services

    services.mark_commission_published(instance)
