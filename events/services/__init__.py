"""State changes for events, the room's public service API: seats sold by card
(``seat_stock``, ``seat_orders``, ``waiting_list``), institutions' bookings
(``requests``, ``quotes``, ``invoicing``, ``recorded_payments``,
``cancellations``, ``booking_state``), what issued invoices owe Stripe after
commit (``stripe_sync``), and the Stripe events about either
(``apply_stripe_event``)."""

from events.services.booking_state import (
    TRANSITIONS,
    BookingError,
    QuoteAlreadyAccepted,
    close_held_conferences,
    mark_done,
)
from events.services.cancellations import cancel_booking
from events.services.invoicing import record_chorus_deposit, remind_overdue
from events.services.quotes import accept_quote, send_quote
from events.services.recorded_payments import apply_invoice_event, record_payment
from events.services.requests import request_booking
from events.services.seat_orders import (
    check_in,
    confirm_paid_session,
    expire_session,
    refund_order,
    release_expired_holds,
    release_order,
    start_checkout,
)
from events.services.seat_stock import SeatError, SeatsAvailable, hold_seats
from events.services.stripe_sync import retry_operation as retry_stripe_operation
from events.services.stripe_sync import run_due_operations as run_due_stripe_operations
from events.services.waiting_list import join_waiting_list, offer_freed_seats

__all__ = [
    "STRIPE_EVENTS",
    "TRANSITIONS",
    "BookingError",
    "QuoteAlreadyAccepted",
    "SeatError",
    "SeatsAvailable",
    "accept_quote",
    "apply_invoice_event",
    "apply_stripe_event",
    "cancel_booking",
    "check_in",
    "close_held_conferences",
    "confirm_paid_session",
    "expire_session",
    "handles",
    "hold_seats",
    "join_waiting_list",
    "mark_done",
    "offer_freed_seats",
    "record_chorus_deposit",
    "record_payment",
    "refund_order",
    "release_expired_holds",
    "release_order",
    "remind_overdue",
    "request_booking",
    "retry_stripe_operation",
    "run_due_stripe_operations",
    "send_quote",
    "start_checkout",
]

INVOICE_EVENTS = {"invoice.paid", "invoice.finalized", "invoice.overdue"}
CHECKOUT_EVENTS = {
    "checkout.session.completed",
    "checkout.session.async_payment_succeeded",
    "checkout.session.expired",
}
STRIPE_EVENTS = CHECKOUT_EVENTS | INVOICE_EVENTS


def handles(event: dict) -> bool:
    """Whether a Stripe event is about a seat order or a booking's invoice: they
    carry our ids in their metadata, so subscriptions never mistake them."""
    obj = event["data"]["object"]
    metadata = obj.get("metadata") or {}
    if event["type"].startswith("checkout.session."):
        return obj.get("mode") == "payment" and "seat_order" in metadata
    if event["type"] in INVOICE_EVENTS:
        return "booking" in metadata
    return False


def apply_stripe_event(event: dict) -> bool:
    """Apply one of our events inside the webhook's transaction."""
    kind = event["type"]
    obj = event["data"]["object"]
    if kind in (
        "checkout.session.completed",
        "checkout.session.async_payment_succeeded",
    ):
        return confirm_paid_session(obj)
    if kind == "checkout.session.expired":
        return expire_session(obj)
    if kind in INVOICE_EVENTS:
        return apply_invoice_event(event)
    return False
