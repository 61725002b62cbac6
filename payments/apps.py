from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """Stripe: the gateway, the webhook, the event log. The rooms that sell
    (subscriptions, events) register the events they handle in their own
    ``ready()`` (``payments.handlers``)."""

    name = "payments"
    verbose_name = _("Payments")
