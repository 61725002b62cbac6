"""The one place that talks to Stripe, through the official SDK.

``get_gateway()`` gives the Stripe gateway when ``STRIPE_SECRET_KEY`` is set and
the demo gateway otherwise; nothing of the demo is reachable with keys set. Both
speak in plain dicts shaped as Stripe's objects (API version pinned in
``payments.api``), so the handlers registered in ``payments.handlers`` are the
same for both.
"""

import stripe
from django.conf import settings

from payments.api import API_VERSION, GatewayError
from payments.demo_gateway import DemoGateway

__all__ = ["GatewayError", "StripeGateway", "get_gateway", "stripe_client"]

# Tests swap the SDK's HTTP client for one that answers offline.
http_client = None


def stripe_client() -> stripe.StripeClient:
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        stripe_version=API_VERSION,
        # StripeClient does not retry unless told; retries reuse the request's
        # idempotency key, so a timeout never creates anything twice.
        max_network_retries=2,
        http_client=http_client,
        base_addresses={"api": settings.STRIPE_API_BASE}
        if settings.STRIPE_API_BASE
        else None,
    )


def _plain(obj) -> dict:
    """The object as Stripe sent it: the JSON of the response, not the SDK's
    typed copy (which turns ``*_decimal`` strings into ``Decimal`` and so on)."""
    response = getattr(obj, "last_response", None)
    if response is not None and isinstance(response.data, dict):
        return response.data
    if hasattr(obj, "to_dict"):
        return obj.to_dict(for_json=True)
    return dict(obj)


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
        return self._all(
            self.client.v1.events.list,
            {"delivery_success": False, "types": types},
        )

    def list_subscriptions(self) -> list[dict]:
        """Every subscription of the account, whatever its status, newest first."""
        return self._all(self.client.v1.subscriptions.list, {"status": "all"})

    def _all(self, method, params: dict) -> list[dict]:
        """Every page of a list, each object as plain JSON."""
        found, after = [], None
        while True:
            page = self._call(
                method,
                params={**params, "limit": 100}
                | ({"starting_after": after} if after else {}),
            )
            found.extend(page.get("data") or [])
            if not page.get("has_more") or not page.get("data"):
                return found
            after = page["data"][-1]["id"]

    def create_portal_session(self, *, customer_id, return_url) -> str:
        session = self._call(
            self.client.v1.billing_portal.sessions.create,
            params={"customer": customer_id, "return_url": return_url},
        )
        return session["url"]

    # --- Events: seats by card, invoices for institutions ---------------------

    def create_seat_checkout(self, *, order, expires_at, success_url, cancel_url):
        """A Checkout session in payment mode for a held seat order; it expires
        with the hold. https://docs.stripe.com/api/checkout/sessions/create"""
        return self._call(
            self.client.v1.checkout.sessions.create,
            params={
                "mode": "payment",
                "customer_email": order.email,
                "client_reference_id": f"seat-order-{order.pk}",
                "line_items": [
                    {
                        "price_data": {
                            "currency": "eur",
                            "unit_amount": order.unit_price_cents,
                            "tax_behavior": "inclusive",
                            "product_data": {
                                "name": f"{order.conference.title}: {order.label}",
                            },
                        },
                        "quantity": order.quantity,
                    }
                ],
                "metadata": {"seat_order": str(order.pk)},
                "payment_intent_data": {"metadata": {"seat_order": str(order.pk)}},
                "payment_method_types": ["card"],
                "expires_at": int(expires_at.timestamp()),
                "locale": "fr" if order.language == "fr" else "en",
                "success_url": success_url,
                "cancel_url": cancel_url,
            },
            options={"idempotency_key": f"seat-checkout:{order.pk}:{order.held_until}"},
        )

    def _vat_rate_id(self, rate) -> str:
        """Our VAT rate as a Stripe TaxRate, created once and found again after."""
        percentage = f"{rate:.2f}"
        rates = self._call(
            self.client.v1.tax_rates.list,
            params={"active": True, "inclusive": False, "limit": 100},
        )
        for existing in rates.get("data", []):
            if f"{existing['percentage']:.2f}" == percentage and (
                existing.get("country") == "FR"
            ):
                return existing["id"]
        created = self._call(
            self.client.v1.tax_rates.create,
            params={
                "display_name": "TVA",
                "percentage": percentage,
                "inclusive": False,
                "country": "FR",
                "jurisdiction": "FR",
            },
            options={"idempotency_key": f"tax-rate:FR:{percentage}"},
        )
        return created["id"]

    def create_booking_invoice(self, invoice) -> dict:
        """The same invoice at Stripe: our number, lines and VAT, due in the
        booking's term, payable by card or bank transfer on the hosted page.
        https://docs.stripe.com/invoicing/bank-transfer"""
        booking = invoice.booking
        buyer = invoice.buyer
        customer_params = {
            "name": buyer["name"],
            "email": buyer["email"],
            "address": {
                "line1": buyer["street"],
                "postal_code": buyer["postcode"],
                "city": buyer["city"],
                "country": buyer["country"],
            },
            "preferred_locales": [booking.language],
            "metadata": {"booking": str(booking.pk), "siret": buyer["siret"]},
        }
        if buyer.get("vat_number"):
            customer_params["tax_id_data"] = [
                {"type": "eu_vat", "value": buyer["vat_number"]}
            ]
        customer = self._call(
            self.client.v1.customers.create,
            params=customer_params,
            options={"idempotency_key": f"customer:{booking.pk}:{invoice.number}"},
        )
        quote_number = invoice.quote.number if invoice.quote_id else ""
        custom_fields = [
            {"name": "Bon de commande", "value": invoice.buyer_reference},
            {"name": "Code service", "value": invoice.service_code},
            {"name": "Devis", "value": quote_number},
            {"name": "SIRET client", "value": buyer["siret"]},
        ]
        remote = self._call(
            self.client.v1.invoices.create,
            params={
                "customer": customer["id"],
                "number": invoice.number,
                "currency": "eur",
                "collection_method": "send_invoice",
                "days_until_due": max((invoice.due_on - invoice.issued_on).days, 1),
                "auto_advance": False,
                "pending_invoice_items_behavior": "exclude",
                "custom_fields": [f for f in custom_fields if f["value"]],
                "footer": " ".join(invoice.mentions)[:5000],
                "metadata": {"booking": str(booking.pk), "number": invoice.number},
                "payment_settings": {
                    "payment_method_types": ["card", "customer_balance"],
                    "payment_method_options": {
                        "customer_balance": {
                            "funding_type": "bank_transfer",
                            "bank_transfer": {
                                "type": "eu_bank_transfer",
                                "eu_bank_transfer": {"country": "FR"},
                            },
                        }
                    },
                },
            },
            options={"idempotency_key": f"invoice:{invoice.number}"},
        )
        for position, line in enumerate(invoice.lines.all()):
            self._call(
                self.client.v1.invoice_items.create,
                params={
                    "customer": customer["id"],
                    "invoice": remote["id"],
                    "currency": "eur",
                    "description": line.description,
                    "quantity": line.quantity,
                    "unit_amount_decimal": str(line.unit_price_cents),
                    "tax_rates": [self._vat_rate_id(line.vat_rate)],
                },
                options={"idempotency_key": f"invoice:{invoice.number}:{position}"},
            )
        return self._call(
            self.client.v1.invoices.finalize_invoice,
            remote["id"],
            params={"auto_advance": False},
        )

    def refund_payment(self, payment_intent: str, *, idempotency_key: str) -> dict:
        return self._call(
            self.client.v1.refunds.create,
            params={
                "payment_intent": payment_intent,
                "reason": "requested_by_customer",
            },
            options={"idempotency_key": idempotency_key},
        )

    def mark_invoice_paid_out_of_band(self, invoice_id: str) -> dict:
        return self._call(
            self.client.v1.invoices.pay, invoice_id, params={"paid_out_of_band": True}
        )

    def void_invoice(self, invoice_id: str) -> dict:
        return self._call(self.client.v1.invoices.void_invoice, invoice_id)

    def credit_invoice(self, invoice_id: str, amount_cents: int) -> dict:
        """A paid invoice cancelled: a Stripe credit note, refunded out of band
        (transfers are refunded by transfer)."""
        return self._call(
            self.client.v1.credit_notes.create,
            params={
                "invoice": invoice_id,
                "amount": amount_cents,
                "out_of_band_amount": amount_cents,
                "reason": "order_change",
            },
        )


def get_gateway():
    if settings.STRIPE_DEMO_MODE:
        return DemoGateway()
    return StripeGateway()
