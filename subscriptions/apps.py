from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from payments import handlers


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self):
        # Imported here: subscriptions.services needs models, loaded only by ready().
        from subscriptions import services

        # Readers' checkouts, subscriptions and their invoices; payments never
        # imports this room, it is told here what to hand over.
        handlers.register(
            "subscriptions",
            types=services.HANDLED,
            claims=services.claims,
            apply=services.apply_stripe_event,
        )
