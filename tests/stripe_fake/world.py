"""A Stripe account that lives: customers, subscriptions and their invoices go
through the life cycles Stripe puts them through, each step recording the events
Stripe would send (with the object as it stands after the step, as a snapshot
event carries it). Every object is whole (``objects.build``).

It is served over HTTP by ``server.StripeServer`` for the webhook storm and the
several-servers benchmark (Checkout sessions for seat holds), and its state is
the truth the site's state is compared with afterwards.
"""

import copy
import itertools
import threading
import time

from tests.stripe_fake.objects import build

API_VERSION = "2026-10-28.endive"
DAY = 86400
MONTH = 30 * DAY
CHECKOUT_PAGE = "https://checkout.stripe.com/c/pay/"


class World:
    def __init__(self, *, start: int | None = None):
        self.lock = threading.RLock()
        self.now = start or int(time.time()) - 400 * DAY
        self.customers: dict[str, dict] = {}
        self.subscriptions: dict[str, dict] = {}
        self.invoices: dict[str, dict] = {}
        self.events: list[dict] = []
        self.checkouts: dict[str, dict] = {}
        # What each session was opened with that it does not show (the data
        # given to the subscription or payment it makes).
        self._checkout_params: dict[str, dict] = {}
        self.prices: dict[str, dict] = {}  # by id, every price subscribed to
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
            self.prices[price["id"]] = price
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
                session = self._session(
                    mode="subscription",
                    created=start,
                    amount=price["unit_amount"],
                    customer=customer_id,
                    client_reference_id=(metadata or {}).get("user_id"),
                    metadata=metadata or {},
                )
                session.update(
                    status="complete",
                    payment_status="paid" if status == "active" else "unpaid",
                    subscription=sub_id,
                    url=None,
                )
                self.checkouts[session["id"]] = session
                self._emit("checkout.session.completed", session)
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

    # --- Checkout ----------------------------------------------------------------

    def _session(self, *, mode: str, created: int, amount: int | None, **fields):
        session_id = self._id("cs_test")
        return build(
            "checkout.session",
            id=session_id,
            mode=mode,
            status="open",
            payment_status="unpaid",
            url=CHECKOUT_PAGE + session_id,
            created=created,
            expires_at=created + DAY,
            currency="eur",
            amount_subtotal=amount,
            amount_total=amount,
            **fields,
        )

    def open_checkout(self, params: dict) -> dict:
        """A Checkout session as ``POST /v1/checkout/sessions`` answers it, from
        that request's parameters (nested, values as strings): open and unpaid,
        its hosted page at ``url``. Its amount is its lines' (``price_data``, or
        a price of this account); no subscription or payment yet.
        https://docs.stripe.com/api/checkout/sessions/create"""
        with self.lock:
            created = self._tick()
            lines = params.get("line_items") or []
            session = self._session(
                mode=params.get("mode") or "payment",
                created=created,
                amount=sum(self._line_amount(line) for line in lines),
                customer=params.get("customer"),
                customer_email=params.get("customer_email"),
                client_reference_id=params.get("client_reference_id"),
                metadata=params.get("metadata") or {},
                locale=params.get("locale"),
                success_url=params.get("success_url"),
                cancel_url=params.get("cancel_url"),
                payment_method_types=params.get("payment_method_types") or ["card"],
            )
            if "expires_at" in params:
                session["expires_at"] = int(params["expires_at"])
            self.checkouts[session["id"]] = session
            self._checkout_params[session["id"]] = params
            return copy.deepcopy(session)

    def _line_amount(self, line: dict) -> int:
        quantity = int(line.get("quantity") or 1)
        if "price_data" in line:
            return int(line["price_data"]["unit_amount"]) * quantity
        return (self.prices[line["price"]]["unit_amount"] or 0) * quantity

    def complete_checkout(self, session_id: str) -> dict:
        """The buyer paid on the hosted page: a payment-mode session gets its
        payment intent, a subscription-mode one its subscription (made and paid
        as ``subscribe`` makes it); ``checkout.session.completed``."""
        with self.lock:
            session = self.checkouts[session_id]
            params = self._checkout_params[session_id]
            if session["mode"] == "subscription":
                [line] = params["line_items"]
                data = params.get("subscription_data") or {}
                session["subscription"] = self.subscribe(
                    session["customer"],
                    self.prices[line["price"]],
                    metadata=data.get("metadata") or {},
                    through_checkout=False,
                )
            else:
                session["payment_intent"] = self._id("pi")
            self._tick()
            session.update(status="complete", payment_status="paid", url=None)
            return self._emit("checkout.session.completed", session)

    def expire_checkout(self, session_id: str) -> dict | None:
        """Past ``expires_at`` unpaid, or expired by the site: no page any more;
        ``checkout.session.expired``. A session no longer open is left as is."""
        with self.lock:
            session = self.checkouts.get(session_id)
            if session is None or session["status"] != "open":
                return None
            self._tick()
            session.update(status="expired", url=None)
            return self._emit("checkout.session.expired", session)

    # --- Reading -----------------------------------------------------------------

    def _copy(self, objects: dict[str, dict], object_id: str) -> dict | None:
        """The object as it stands now, which later steps leave untouched."""
        with self.lock:
            found = objects.get(object_id)
            return copy.deepcopy(found) if found is not None else None

    def subscription(self, sub_id: str) -> dict | None:
        return self._copy(self.subscriptions, sub_id)

    def invoice(self, invoice_id: str) -> dict | None:
        return self._copy(self.invoices, invoice_id)

    def checkout_session(self, session_id: str) -> dict | None:
        return self._copy(self.checkouts, session_id)


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
