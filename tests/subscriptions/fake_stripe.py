"""Stripe, offline: the official SDK with an HTTP client that answers from a
table of routes with Stripe-shaped JSON and records every call; and webhook
payloads signed the way Stripe signs them."""

import json
import time
from urllib.parse import parse_qs, urlparse

import stripe

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


# --- Stripe-shaped objects (API 2026-10-28.endive: periods on items, invoice parent) --


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
    return {
        "id": sub_id,
        "object": "subscription",
        "customer": customer,
        "status": status,
        "cancel_at_period_end": cancel_at_period_end,
        "cancel_at": cancel_at,
        "canceled_at": None,
        "ended_at": now if status == "canceled" else None,
        "created": now,
        "metadata": {},
        "items": {
            "object": "list",
            "data": [
                {
                    "id": f"si_{sub_id}",
                    "object": "subscription_item",
                    "current_period_start": now,
                    "current_period_end": period_end or now + 30 * 86400,
                    "price": {
                        "id": price,
                        "object": "price",
                        "unit_amount": 499,
                        "currency": "eur",
                    },
                    "quantity": 1,
                }
            ],
        },
    }


def invoice(
    inv_id="in_1", *, sub_id="sub_1", customer="cus_1", status="paid", attempt=1
):
    now = int(time.time())
    return {
        "id": inv_id,
        "object": "invoice",
        "customer": customer,
        "status": status,
        "amount_paid": 499 if status == "paid" else 0,
        "total": 499,
        "total_taxes": [{"amount": 10}],
        "currency": "eur",
        "created": now,
        "period_start": now,
        "period_end": now + 30 * 86400,
        "hosted_invoice_url": f"https://invoice.stripe.com/i/{inv_id}",
        "invoice_pdf": f"https://pay.stripe.com/invoice/{inv_id}/pdf",
        "attempt_count": attempt,
        "parent": {
            "type": "subscription_details",
            "subscription_details": {"subscription": sub_id},
        },
    }


def checkout_session(*, sub_id="sub_1", customer="cus_1", user_id=1):
    return {
        "id": "cs_test_1",
        "object": "checkout.session",
        "mode": "subscription",
        "status": "complete",
        "customer": customer,
        "client_reference_id": str(user_id),
        "subscription": sub_id,
        "url": "https://checkout.stripe.com/c/pay/cs_test_1",
        "metadata": {},
    }


_counter = iter(range(1, 1_000_000))


def event(event_type, obj, *, event_id=None, livemode=False):
    return {
        "id": event_id or f"evt_{next(_counter):06d}",
        "object": "event",
        "type": event_type,
        "api_version": "2026-10-28.endive",
        "created": int(time.time()),
        "livemode": livemode,
        "data": {"object": obj},
    }


def signed(payload: dict, secret: str, *, timestamp=None) -> tuple[str, str]:
    """The body and the ``Stripe-Signature`` header Stripe would send."""
    body = json.dumps(payload)
    header = stripe.WebhookSignature.generate_signature_header(
        body, secret, timestamp=timestamp
    )
    return body, header
