from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """The newsletters: readers' consent, the issues and their archive, sending
    in batches, and the suppression list fed by the provider's tracking events."""

    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        # Imported here: these modules need models, loaded only by ready().
        from anymail.signals import tracking

        from accounts import personal_data
        from newsletter.services import consent, tracking_events

        personal_data.register(
            "newsletter", export=consent.export_for_user, erase=consent.forget_user
        )
        tracking.connect(
            tracking_events.on_tracking_event, dispatch_uid="newsletter.tracking"
        )
