"""Demo mode (no Stripe keys): a gateway that plays Stripe's part.

It answers like Stripe, and every change it makes reaches the site the way
Stripe's would: as an event of the same shape, applied by the same handler
(``payments.events.receive_event``). The subscriptions it invents live in those events'
payloads, so re-fetching one reads the latest event about it.
"""

import calendar
import datetime

from django.core import signing
from django.urls import reverse
from django.utils import timezone

from payments.api import API_VERSION, GatewayError, new_id, now_ts
from payments.events import receive_event
from payments.models import StripeEvent

SIGNING_SALT = "subscriptions.demo-checkout"
SEAT_SALT = "events.demo-checkout"


def add_month(moment: datetime.datetime) -> datetime.datetime:
    year, month = divmod(moment.month, 12)
    year, month = moment.year + year, month + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def event(event_type: str, obj: dict) -> dict:
    return {
        "id": new_id("evt"),
        "object": "event",
        "type": event_type,
        "api_version": API_VERSION,
        "created": now_ts(),
        "livemode": False,
        "data": {"object": obj},
    }


class DemoGateway:
    demo = True

    def create_customer(self, user) -> str:
        return new_id("cus")

    def create_checkout_session(
        self, *, customer_id, user, plan, success_url, cancel_url
    ) -> str:
        token = signing.dumps(
            {
                "user": user.pk,
                "plan": plan.pk,
                "customer": customer_id,
                "success": success_url,
                "cancel": cancel_url,
            },
            salt=SIGNING_SALT,
        )
        return reverse("subscriptions:demo_checkout", args=[token])

    @staticmethod
    def read_checkout(token: str, max_age=3600) -> dict:
        return signing.loads(token, salt=SIGNING_SALT, max_age=max_age)

    def complete_checkout(self, checkout: dict, plan) -> list[dict]:
        """What Stripe would send once the demo card is accepted."""
        start = timezone.now()
        subscription = {
            "id": new_id("sub"),
            "object": "subscription",
            "customer": checkout["customer"],
            "status": "active",
            "cancel_at_period_end": False,
            "cancel_at": None,
            "canceled_at": None,
            "ended_at": None,
            "created": int(start.timestamp()),
            "metadata": {"user_id": str(checkout["user"]), "plan_id": str(plan.pk)},
            "items": {
                "object": "list",
                "data": [
                    {
                        "id": new_id("si"),
                        "object": "subscription_item",
                        "current_period_start": int(start.timestamp()),
                        "current_period_end": int(add_month(start).timestamp()),
                        "price": {
                            "id": plan.stripe_price_id or f"demo_plan_{plan.pk}",
                            "object": "price",
                            "unit_amount": plan.price_cents,
                            "currency": plan.currency.lower(),
                        },
                        "quantity": 1,
                    }
                ],
            },
        }
        invoice = {
            "id": new_id("in"),
            "object": "invoice",
            "customer": checkout["customer"],
            "status": "paid",
            "amount_paid": plan.price_cents,
            "total": plan.price_cents,
            "total_taxes": [{"amount": plan.vat_cents}],
            "currency": plan.currency.lower(),
            "created": int(start.timestamp()),
            "period_start": int(start.timestamp()),
            "period_end": int(add_month(start).timestamp()),
            "hosted_invoice_url": "",
            "invoice_pdf": "",
            "attempt_count": 1,
            "parent": {
                "type": "subscription_details",
                "subscription_details": {"subscription": subscription["id"]},
            },
        }
        session = {
            "id": new_id("cs"),
            "object": "checkout.session",
            "mode": "subscription",
            "status": "complete",
            "customer": checkout["customer"],
            "client_reference_id": str(checkout["user"]),
            "subscription": subscription["id"],
            "metadata": {"user_id": str(checkout["user"]), "plan_id": str(plan.pk)},
        }
        return [
            event("customer.subscription.created", subscription),
            event("invoice.paid", invoice),
            event("checkout.session.completed", session),
        ]

    def retrieve_subscription(self, subscription_id: str) -> dict:
        latest = (
            StripeEvent.objects.filter(
                type__startswith="customer.subscription.",
                payload__data__object__id=subscription_id,
            )
            .order_by("-created", "-received_at")
            .first()
        )
        if latest is None:
            raise GatewayError(f"No such subscription: {subscription_id}")
        return latest.payload["data"]["object"]

    def retrieve_invoice(self, invoice_id: str) -> dict:
        latest = (
            StripeEvent.objects.filter(
                type__startswith="invoice.", payload__data__object__id=invoice_id
            )
            .order_by("-created", "-received_at")
            .first()
        )
        return latest.payload["data"]["object"]

    def set_cancel_at_period_end(self, subscription_id: str, cancel: bool) -> dict:
        subscription = dict(self.retrieve_subscription(subscription_id))
        subscription["cancel_at_period_end"] = cancel
        subscription["canceled_at"] = now_ts() if cancel else None
        receive_event(event("customer.subscription.updated", subscription))
        return subscription

    def undelivered_events(self, types: list[str]) -> list[dict]:
        return []  # the demo delivers every event as it makes it

    def list_subscriptions(self) -> list[dict]:
        return []  # nothing changes in the demo but through its own events

    def create_portal_session(self, *, customer_id, return_url) -> str:
        return return_url

    # --- Events: the demo stands in for Stripe Checkout in payment mode --------

    def create_seat_checkout(self, *, order, expires_at, success_url, cancel_url):
        session_id = new_id("cs")
        token = signing.dumps(
            {
                "order": order.pk,
                "session": session_id,
                "expires_at": int(expires_at.timestamp()),
                "success": success_url,
                "cancel": cancel_url,
            },
            salt=SEAT_SALT,
        )
        return {"id": session_id, "url": reverse("events:demo_checkout", args=[token])}

    @staticmethod
    def read_seat_checkout(token: str) -> dict:
        return signing.loads(token, salt=SEAT_SALT, max_age=24 * 3600)

    def complete_seat_checkout(self, checkout: dict, order) -> list[dict]:
        """What Stripe sends once the demo card is accepted."""
        session = {
            "id": checkout["session"],
            "object": "checkout.session",
            "mode": "payment",
            "status": "complete",
            "payment_status": "paid",
            "amount_total": order.amount_cents,
            "currency": "eur",
            "customer_email": order.email,
            "client_reference_id": f"seat-order-{order.pk}",
            "payment_intent": new_id("pi"),
            "expires_at": checkout["expires_at"],
            "metadata": {"seat_order": str(order.pk)},
        }
        return [event("checkout.session.completed", session)]

    def expire_seat_checkout(self, checkout: dict, order) -> list[dict]:
        session = {
            "id": checkout["session"],
            "object": "checkout.session",
            "mode": "payment",
            "status": "expired",
            "payment_status": "unpaid",
            "metadata": {"seat_order": str(order.pk)},
        }
        return [event("checkout.session.expired", session)]
