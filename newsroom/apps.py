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
        # Debate pages cache the editions they appeared in.
        from django.db.models.signals import post_delete, post_save

        from debates.selectors import forget_editions
        from newsroom.models import Edition, EditionDebate

        for model in (Edition, EditionDebate):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_editions,
                    sender=model,
                    dispatch_uid=f"newsroom.forget_editions.{model.__name__}.{signal!r}",
                )


def _close_commission(sender, instance, **kwargs):
    from newsroom import services

    services.mark_commission_published(instance)
