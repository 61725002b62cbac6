from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from payments import handlers


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Imported here: events.services needs models, loaded only by ready().
        from events import services

        # Seat orders' checkouts and institutions' invoices, recognised by the
        # ids of ours they carry in their metadata.
        handlers.register(
            "events",
            types=services.STRIPE_EVENTS,
            claims=services.handles,
            apply=services.apply_stripe_event,
        )
