from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events import services
        from payments import handlers

        # Seat orders' checkouts and institutions' invoices, recognised by the
        # ids of ours they carry in their metadata.
        handlers.register(
            "events",
            types=services.STRIPE_EVENTS,
            claims=services.handles,
            apply=services.apply_stripe_event,
        )
