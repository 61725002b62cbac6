"""The one place that talks to Stripe, through the official SDK.

``get_gateway()`` gives the Stripe gateway when ``STRIPE_SECRET_KEY`` is set and
the demo gateway otherwise; nothing of the demo is reachable with keys set. Both
speak in plain dicts shaped as Stripe's objects (API version pinned below), so the
event handler in ``services`` is the same for both.
"""

import secrets
import time

import stripe
from django.conf import settings

# The API version the SDK is pinned to; the webhook endpoint must use the same.
API_VERSION = stripe._api_version._ApiVersion.CURRENT

# Tests swap the SDK's HTTP client for one that answers offline.
http_client = None


class GatewayError(Exception):
    """Stripe could not be reached or refused the request."""


def stripe_client() -> stripe.StripeClient:
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        stripe_version=API_VERSION,
        # StripeClient does not retry unless told; retries reuse the request's
        # idempotency key, so a timeout never creates anything twice.
        max_network_retries=2,
        http_client=http_client,
    )


def _plain(obj) -> dict:
    return obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)


class StripeGateway:
    demo = False

    def __init__(self):
        self.client = stripe_client()

    def _call(self, method, *args, **kwargs) -> dict:
        try:
            return _plain(method(*args, **kwargs))
        except stripe.StripeError as error:
            raise GatewayError(str(error)) from error

    def create_customer(self, user) -> str:
        customer = self._call(
            self.client.v1.customers.create,
            params={
                "email": user.email,
                "name": user.get_full_name() or user.email,
                "metadata": {"user_id": str(user.pk)},
            },
            # One customer per reader, whatever the retries or double clicks.
            options={"idempotency_key": f"customer-create:{user.pk}"},
        )
        return customer["id"]

    def create_checkout_session(
        self, *, customer_id, user, plan, success_url, cancel_url
    ) -> str:
        session = self._call(
            self.client.v1.checkout.sessions.create,
            params={
                "mode": "subscription",
                "customer": customer_id,
                "client_reference_id": str(user.pk),
                "line_items": [{"price": plan.stripe_price_id, "quantity": 1}],
                "success_url": success_url,
                "cancel_url": cancel_url,
                "metadata": {"user_id": str(user.pk), "plan_id": str(plan.pk)},
                "subscription_data": {
                    "metadata": {"user_id": str(user.pk), "plan_id": str(plan.pk)}
                },
                "locale": "fr" if user.language == "fr" else "en",
            },
        )
        return session["url"]

    def retrieve_subscription(self, subscription_id: str) -> dict:
        return self._call(self.client.v1.subscriptions.retrieve, subscription_id)

    def retrieve_invoice(self, invoice_id: str) -> dict:
        return self._call(self.client.v1.invoices.retrieve, invoice_id)

    def set_cancel_at_period_end(self, subscription_id: str, cancel: bool) -> dict:
        return self._call(
            self.client.v1.subscriptions.update,
            subscription_id,
            params={"cancel_at_period_end": cancel},
        )

    def undelivered_events(self, types: list[str]) -> list[dict]:
        """Events Stripe has not managed to deliver to us (it keeps 30 days)."""
        try:
            page = self.client.v1.events.list(
                params={"delivery_success": False, "types": types, "limit": 100}
            )
            return [_plain(event) for event in page.auto_paging_iter()]
        except stripe.StripeError as error:
            raise GatewayError(str(error)) from error

    def create_portal_session(self, *, customer_id, return_url) -> str:
        session = self._call(
            self.client.v1.billing_portal.sessions.create,
            params={"customer": customer_id, "return_url": return_url},
        )
        return session["url"]


def get_gateway():
    if settings.STRIPE_DEMO_MODE:
        from subscriptions.demo import DemoGateway

        return DemoGateway()
    return StripeGateway()


def new_id(prefix: str) -> str:
    return f"{prefix}_demo{secrets.token_hex(8)}"


def now_ts() -> int:
    return int(time.time())
