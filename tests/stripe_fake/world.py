"""A Stripe account that lives: customers, subscriptions and their invoices go
through the life cycles Stripe puts them through, each step recording the events
Stripe would send (with the object as it stands after the step, as a snapshot
event carries it). Every object is whole (``objects.build``).

It is served over HTTP by ``server.StripeServer`` for the webhook storm, and its
state is the truth the site's state is compared with afterwards.
"""

import copy
import itertools
import threading
import time

from tests.stripe_fake.objects import build

API_VERSION = "2026-10-28.endive"
DAY = 86400
MONTH = 30 * DAY


class World:
    def __init__(self, *, start: int | None = None):
        self.lock = threading.RLock()
        self.now = start or int(time.time()) - 400 * DAY
        self.customers: dict[str, dict] = {}
        self.subscriptions: dict[str, dict] = {}
        self.invoices: dict[str, dict] = {}
        self.events: list[dict] = []
        # (invoice id, attempt) of every payment that failed, in order.
        self.failed_attempts: list[tuple[str, int]] = []
        self._ids = itertools.count(1)

    def _id(self, prefix: str) -> str:
        return f"{prefix}_storm{next(self._ids):06d}"

    def _tick(self, seconds: int = 60) -> int:
        self.now += seconds
        return self.now

    def _emit(self, kind: str, obj: dict, previous: dict | None = None) -> dict:
        data = {"object": copy.deepcopy(obj)}
        if previous is not None:
            data["previous_attributes"] = previous
        event = build(
            "event",
            id=self._id("evt"),
            type=kind,
            created=self.now,
            api_version=API_VERSION,
            data=data,
            pending_webhooks=1,
        )
        self.events.append(event)
        return event

    # --- Customers ---------------------------------------------------------------

    def add_customer(self, customer_id: str, *, email: str, user_id: int) -> dict:
        with self.lock:
            customer = build(
                "customer",
                id=customer_id,
                email=email,
                created=self._tick(),
                metadata={"user_id": str(user_id)},
            )
            self.customers[customer_id] = customer
            return customer

    # --- Subscriptions -----------------------------------------------------------

    def _item(self, sub_id: str, price: dict, start: int) -> dict:
        return build(
            "subscription_item",
            id=self._id("si"),
            subscription=sub_id,
            price=price,
            plan=_plan_of(price),
            quantity=1,
            created=start,
            current_period_start=start,
            current_period_end=start + MONTH,
        )

    def subscribe(
        self,
        customer_id: str,
        price: dict,
        *,
        status: str = "active",
        metadata: dict | None = None,
        through_checkout: bool = True,
    ) -> str:
        """A new subscription, paid at once unless ``status`` says otherwise."""
        with self.lock:
            start = self._tick()
            sub_id = self._id("sub")
            item = self._item(sub_id, price, start)
            subscription = build(
                "subscription",
                id=sub_id,
                customer=customer_id,
                status=status,
                created=start,
                start_date=start,
                billing_cycle_anchor=start,
                currency="eur",
                collection_method="charge_automatically",
                metadata=metadata or {},
                items={
                    "object": "list",
                    "data": [item],
                    "has_more": False,
                    "url": f"/v1/subscription_items?subscription={sub_id}",
                },
            )
            self.subscriptions[sub_id] = subscription
            invoice = self._invoice(subscription, paid=status == "active")
            subscription["latest_invoice"] = invoice["id"]
            self._emit("customer.subscription.created", subscription)
            self._emit("invoice.finalized", invoice)
            if status == "active":
                self._emit("invoice.paid", invoice)
            else:
                self._emit("invoice.payment_failed", invoice)
                self.failed_attempts.append((invoice["id"], invoice["attempt_count"]))
            if through_checkout:
                self._emit(
                    "checkout.session.completed",
                    build(
                        "checkout.session",
                        id=self._id("cs"),
                        mode="subscription",
                        status="complete",
                        payment_status="paid" if status == "active" else "unpaid",
                        customer=customer_id,
                        subscription=sub_id,
                        client_reference_id=(metadata or {}).get("user_id"),
                        metadata=metadata or {},
                        created=start,
                        expires_at=start + DAY,
                        currency="eur",
                        amount_total=price["unit_amount"],
                        amount_subtotal=price["unit_amount"],
                    ),
                )
            return sub_id

    def _invoice(self, subscription: dict, *, paid: bool) -> dict:
        item = subscription["items"]["data"][0]
        price = item["price"]
        invoice_id = self._id("in")
        amount = price["unit_amount"] or 0
        line = build(
            "line_item",
            id=self._id("il"),
            invoice=invoice_id,
            amount=amount,
            currency="eur",
            quantity=1,
            period={
                "start": item["current_period_start"],
                "end": item["current_period_end"],
            },
            pricing={
                "type": "price_details",
                "price_details": {"price": price["id"], "product": price["product"]},
                "unit_amount_decimal": price["unit_amount_decimal"],
            },
            parent={
                "type": "subscription_item_details",
                "subscription_item_details": {
                    "subscription": subscription["id"],
                    "subscription_item": item["id"],
                    "proration": False,
                },
            },
        )
        invoice = build(
            "invoice",
            id=invoice_id,
            customer=subscription["customer"],
            status="paid" if paid else "open",
            currency="eur",
            created=self.now,
            period_start=item["current_period_start"],
            period_end=item["current_period_end"],
            subtotal=amount,
            total=amount,
            amount_due=amount,
            amount_paid=amount if paid else 0,
            amount_remaining=0 if paid else amount,
            attempt_count=1,
            attempted=True,
            billing_reason="subscription_cycle",
            collection_method="charge_automatically",
            hosted_invoice_url=f"https://invoice.stripe.com/i/{invoice_id}",
            invoice_pdf=f"https://pay.stripe.com/invoice/{invoice_id}/pdf",
            lines={
                "object": "list",
                "data": [line],
                "has_more": False,
                "url": f"/v1/invoices/{invoice_id}/lines",
            },
            parent={
                "type": "subscription_details",
                "subscription_details": {
                    "subscription": subscription["id"],
                    "metadata": subscription["metadata"],
                },
            },
        )
        self.invoices[invoice_id] = invoice
        return invoice

    def _update(
        self, sub_id: str, kind: str = "customer.subscription.updated", **changes
    ):
        subscription = self.subscriptions[sub_id]
        previous = {key: copy.deepcopy(subscription.get(key)) for key in changes}
        subscription.update(changes)
        self._emit(kind, subscription, previous)

    def _next_period(self, sub_id: str, *, paid: bool) -> dict:
        """The subscription's next period starts, with its invoice."""
        subscription = self.subscriptions[sub_id]
        item = subscription["items"]["data"][0]
        start = item["current_period_end"]
        self.now = max(self.now, start) + 60
        item["current_period_start"] = start
        item["current_period_end"] = start + MONTH
        invoice = self._invoice(subscription, paid=paid)
        subscription["latest_invoice"] = invoice["id"]
        return invoice

    def renew(self, sub_id: str) -> None:
        """The next period starts and its invoice is paid."""
        with self.lock:
            invoice = self._next_period(sub_id, paid=True)
            self._emit("invoice.finalized", invoice)
            self._emit("invoice.paid", invoice)
            self._update(sub_id, status="active")

    def fail_renewal(self, sub_id: str, *, attempts: int, then: str = "past_due"):
        """The next period's charge fails ``attempts`` times; the subscription
        ends in ``then`` (past_due while Stripe retries, unpaid after)."""
        with self.lock:
            invoice = self._next_period(sub_id, paid=False)
            self._emit("invoice.finalized", invoice)
            for attempt in range(1, attempts + 1):
                self._tick(3 * DAY)
                invoice["attempt_count"] = attempt
                invoice["next_payment_attempt"] = (
                    self.now + 3 * DAY if attempt < attempts else None
                )
                self._emit("invoice.payment_failed", invoice)
                self.failed_attempts.append((invoice["id"], attempt))
                if attempt == 1:
                    self._update(sub_id, status="past_due")
            if then != "past_due":
                self._update(sub_id, status=then)

    def require_action(self, sub_id: str) -> str:
        """The bank asks the reader to confirm the next payment (3-D Secure)."""
        with self.lock:
            invoice = self._next_period(sub_id, paid=False)
            self._emit("invoice.payment_action_required", invoice)
            self._update(sub_id, status="past_due")
            return invoice["id"]

    def recover(self, sub_id: str) -> None:
        """The open invoice is paid at last (new card, confirmed payment)."""
        with self.lock:
            subscription = self.subscriptions[sub_id]
            invoice = self.invoices[subscription["latest_invoice"]]
            self._tick(DAY)
            invoice.update(
                status="paid",
                amount_paid=invoice["amount_due"],
                amount_remaining=0,
                next_payment_attempt=None,
            )
            self._emit("invoice.paid", invoice)
            self._update(sub_id, status="active")

    def cancel_at_period_end(self, sub_id: str, flag: bool = True) -> None:
        with self.lock:
            self._tick()
            self._update(
                sub_id,
                cancel_at_period_end=flag,
                canceled_at=self.now if flag else None,
                cancellation_details=_part(
                    "subscription",
                    "cancellation_details",
                    reason="cancellation_requested" if flag else None,
                ),
            )

    def cancel_on(self, sub_id: str, moment: int | None) -> None:
        with self.lock:
            self._tick()
            self._update(sub_id, cancel_at=moment)

    def end(self, sub_id: str) -> None:
        """The subscription ends (period over after a cancellation, or retries
        exhausted): ``customer.subscription.deleted``."""
        with self.lock:
            subscription = self.subscriptions[sub_id]
            item = subscription["items"]["data"][0]
            self.now = max(self.now, item["current_period_end"]) + 60
            self._update(
                sub_id,
                "customer.subscription.deleted",
                status="canceled",
                ended_at=self.now,
                canceled_at=subscription.get("canceled_at") or self.now,
            )

    def pause(self, sub_id: str) -> None:
        with self.lock:
            self._tick(DAY)
            self._update(
                sub_id,
                "customer.subscription.paused",
                status="paused",
                pause_collection=None,
            )

    def resume(self, sub_id: str) -> None:
        with self.lock:
            self._tick(DAY)
            self._update(sub_id, "customer.subscription.resumed", status="active")

    def expire_incomplete(self, sub_id: str) -> None:
        """An unpaid first invoice, 23 hours on: ``incomplete_expired``."""
        with self.lock:
            self._tick(DAY)
            subscription = self.subscriptions[sub_id]
            invoice = self.invoices[subscription["latest_invoice"]]
            invoice["status"] = "void"
            self._emit("invoice.voided", invoice)
            self._update(
                sub_id,
                "customer.subscription.deleted",
                status="incomplete_expired",
                ended_at=self.now,
            )

    def change_price(self, sub_id: str, price: dict) -> None:
        """The item moves to another price (a plan change, or one made in the
        dashboard that the site does not sell)."""
        with self.lock:
            self._tick()
            subscription = self.subscriptions[sub_id]
            item = subscription["items"]["data"][0]
            previous_items = copy.deepcopy(subscription["items"])
            item["price"] = price
            item["plan"] = _plan_of(price)
            subscription["items"] = copy.deepcopy(subscription["items"])
            self._emit(
                "customer.subscription.updated",
                subscription,
                {"items": previous_items},
            )

    # --- Reading -----------------------------------------------------------------

    def subscription(self, sub_id: str) -> dict | None:
        with self.lock:
            found = self.subscriptions.get(sub_id)
            return copy.deepcopy(found) if found is not None else None

    def invoice(self, invoice_id: str) -> dict | None:
        with self.lock:
            found = self.invoices.get(invoice_id)
            return copy.deepcopy(found) if found is not None else None


def _part(kind: str, prop: str, **values) -> dict:
    """A nested object of ``kind`` whole, as ``build`` makes it."""
    return build(kind, **{prop: values})[prop]


def price(price_id: str, *, amount: int, interval: str = "month") -> dict:
    """A price as Stripe holds it, with its decimal amount as a string."""
    return build(
        "price",
        id=price_id,
        active=True,
        currency="eur",
        unit_amount=amount,
        unit_amount_decimal=str(amount),
        product=f"prod_{price_id}",
        recurring={
            "interval": interval,
            "interval_count": 1,
            "usage_type": "licensed",
            "meter": None,
            "trial_period_days": None,
        },
        tax_behavior="inclusive",
        type="recurring",
    )


def _plan_of(price: dict) -> dict:
    """The legacy ``plan`` Stripe still puts beside each item's price."""
    return build(
        "plan",
        id=price["id"],
        active=True,
        amount=price["unit_amount"],
        amount_decimal=price["unit_amount_decimal"],
        currency="eur",
        interval=(price.get("recurring") or {}).get("interval") or "month",
        interval_count=1,
        product=price["product"],
        usage_type="licensed",
        billing_scheme="per_unit",
    )
