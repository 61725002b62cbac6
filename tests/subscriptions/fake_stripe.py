"""Stripe, offline: the official SDK with an HTTP client that answers from a
table of routes with Stripe-shaped JSON and records every call; and webhook
payloads signed the way Stripe signs them."""

import json
import time
from urllib.parse import parse_qs, urlparse

import stripe

from tests.stripe_fake.objects import build

PRICE = "price_versus_monthly"


class FakeStripeHTTP(stripe.HTTPClient):
    name = "fake"

    def __init__(self):
        super().__init__()
        self.routes = {}
        self.calls = []
        self.failures = []  # statuses (or exceptions) to answer before the route

    def route(self, method: str, path: str, body, status: int = 200):
        """``body`` is a dict, or a callable taking the form data."""
        self.routes[(method, path)] = (status, body)

    def request(self, method, url, headers, post_data=None, **kwargs):
        path = urlparse(url).path
        form = parse_qs(
            post_data.decode() if isinstance(post_data, bytes) else post_data or ""
        )
        self.calls.append(
            {
                "method": method,
                "path": path,
                "query": parse_qs(urlparse(url).query),
                "headers": dict(headers),
                "form": form,
            }
        )
        if self.failures:
            failure = self.failures.pop(0)
            if isinstance(failure, Exception):
                raise failure
            return (
                json.dumps({"error": {"message": "boom", "type": "api_error"}}),
                failure,
                {},
            )
        try:
            status, body = self.routes[(method, path)]
        except KeyError:
            error = {
                "error": {
                    "message": f"No such route {method} {path}",
                    "type": "invalid_request_error",
                }
            }
            return json.dumps(error), 404, {"request-id": "req_fake"}
        if callable(body):
            body = body(form)
        return json.dumps(body), status, {"request-id": "req_fake"}

    def request_stream(self, *args, **kwargs):
        raise NotImplementedError

    def close(self):
        pass

    def calls_to(self, method, path):
        return [c for c in self.calls if c["method"] == method and c["path"] == path]


# --- Stripe objects, whole (API 2026-10-28.endive: periods on items, invoice parent) --

MONTH = 30 * 86400
UNIT_AMOUNT = 499
TAX = 10


def price(price_id=PRICE, *, unit_amount=UNIT_AMOUNT) -> dict:
    """Our monthly price, as Stripe embeds it in a subscription item."""
    return build(
        "price",
        id=price_id,
        active=True,
        billing_scheme="per_unit",
        currency="eur",
        product="prod_versus",
        recurring={
            "interval": "month",
            "interval_count": 1,
            "usage_type": "licensed",
        },
        tax_behavior="inclusive",
        type="recurring",
        unit_amount=unit_amount,
        unit_amount_decimal=str(unit_amount),
    )


def _plan(price_id: str, unit_amount: int) -> dict:
    # Stripe still shows each recurring price as the plan of the same id.
    return build(
        "plan",
        id=price_id,
        active=True,
        amount=unit_amount,
        amount_decimal=str(unit_amount),
        billing_scheme="per_unit",
        currency="eur",
        interval="month",
        interval_count=1,
        product="prod_versus",
        usage_type="licensed",
    )


def subscription(
    sub_id="sub_1",
    *,
    customer="cus_1",
    status="active",
    price=PRICE,
    period_end=None,
    cancel_at_period_end=False,
    cancel_at=None,
):
    now = int(time.time())
    item = build(
        "subscription_item",
        id=f"si_{sub_id}",
        created=now,
        current_period_start=now,
        current_period_end=period_end or now + MONTH,
        price=globals()["price"](price),
        plan=_plan(price, UNIT_AMOUNT),
        quantity=1,
        subscription=sub_id,
        tax_rates=[],
    )
    return build(
        "subscription",
        id=sub_id,
        customer=customer,
        status=status,
        cancel_at_period_end=cancel_at_period_end,
        cancel_at=cancel_at,
        ended_at=now if status == "canceled" else None,
        created=now,
        start_date=now,
        billing_cycle_anchor=now,
        currency="eur",
        items={"data": [item]},
    )


def _tax() -> dict:
    # French VAT, included in our prices.
    return {
        "amount": TAX,
        "tax_behavior": "inclusive",
        "tax_rate_details": {"tax_rate": "txr_fr20"},
        "taxability_reason": "standard_rated",
        "taxable_amount": UNIT_AMOUNT - TAX,
        "type": "tax_rate_details",
    }


def invoice(
    inv_id="in_1", *, sub_id="sub_1", customer="cus_1", status="paid", attempt=1
):
    now = int(time.time())
    paid = status == "paid"
    amount_paid = UNIT_AMOUNT if paid else 0
    period = {"start": now, "end": now + MONTH}
    line = build(
        "line_item",
        id=f"il_{inv_id}",
        amount=UNIT_AMOUNT,
        currency="eur",
        description="1 × Versus (at €4.99 / month)",
        invoice=inv_id,
        parent={
            "type": "subscription_item_details",
            "subscription_item_details": {
                "proration": False,
                "subscription": sub_id,
                "subscription_item": f"si_{sub_id}",
            },
        },
        period=period,
        pricing={
            "type": "price_details",
            "price_details": {"price": PRICE, "product": "prod_versus"},
            "unit_amount_decimal": str(UNIT_AMOUNT),
        },
        quantity=1,
        subscription=sub_id,
        subtotal=UNIT_AMOUNT,
        taxes=[_tax()],
    )
    return build(
        "invoice",
        id=inv_id,
        customer=customer,
        status=status,
        amount_due=UNIT_AMOUNT,
        amount_paid=amount_paid,
        amount_remaining=UNIT_AMOUNT - amount_paid,
        attempt_count=attempt,
        attempted=attempt > 0,
        billing_reason="subscription_cycle",
        collection_method="charge_automatically",
        currency="eur",
        created=now,
        period_start=now,
        period_end=now + MONTH,
        hosted_invoice_url=f"https://invoice.stripe.com/i/{inv_id}",
        invoice_pdf=f"https://pay.stripe.com/invoice/{inv_id}/pdf",
        lines={"data": [line]},
        metadata={},
        number=f"VRS-{inv_id.upper()}",
        parent={
            "type": "subscription_details",
            "subscription_details": {"subscription": sub_id},
        },
        status_transitions={"finalized_at": now, "paid_at": now if paid else None},
        subtotal=UNIT_AMOUNT,
        subtotal_excluding_tax=UNIT_AMOUNT - TAX,
        total=UNIT_AMOUNT,
        total_excluding_tax=UNIT_AMOUNT - TAX,
        total_taxes=[_tax()],
    )


def checkout_session(*, sub_id="sub_1", customer="cus_1", user_id=1):
    now = int(time.time())
    return build(
        "checkout.session",
        id="cs_test_1",
        mode="subscription",
        status="complete",
        payment_status="paid",
        customer=customer,
        client_reference_id=str(user_id),
        subscription=sub_id,
        url="https://checkout.stripe.com/c/pay/cs_test_1",
        amount_subtotal=UNIT_AMOUNT,
        amount_total=UNIT_AMOUNT,
        created=now,
        currency="eur",
        expires_at=now + 86400,
        payment_method_types=["card"],
    )


_counter = iter(range(1, 1_000_000))


def event(event_type, obj, *, event_id=None, livemode=False):
    payload = build(
        "event",
        id=event_id or f"evt_{next(_counter):06d}",
        type=event_type,
        api_version=stripe._api_version._ApiVersion.CURRENT,
        livemode=livemode,
        pending_webhooks=1,
        request={"id": None, "idempotency_key": None},
    )
    # The caller's object itself, not a copy, as this helper always gave.
    payload["data"]["object"] = obj
    return payload


def signed(payload: dict, secret: str, *, timestamp=None) -> tuple[str, str]:
    """The body and the ``Stripe-Signature`` header Stripe would send."""
    body = json.dumps(payload)
    header = stripe.WebhookSignature.generate_signature_header(
        body, secret, timestamp=timestamp
    )
    return body, header
