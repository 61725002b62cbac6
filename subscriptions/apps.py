from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self):
        from payments import handlers
        from subscriptions import services

        # Readers' checkouts, subscriptions and their invoices; payments never
        # imports this room, it is told here what to hand over.
        handlers.register(
            "subscriptions",
            types=services.HANDLED,
            claims=services.claims,
            apply=services.apply_stripe_event,
        )
