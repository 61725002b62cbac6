"""State changes for events: seats (``seats``), institutions' bookings
(``bookings``), and the Stripe events about either (``apply_stripe_event``)."""

from events.services.bookings import (
    BookingError,
    QuoteAlreadyAccepted,
    accept_quote,
    apply_invoice_event,
    cancel_booking,
    close_held_conferences,
    mark_done,
    record_chorus_deposit,
    record_payment,
    remind_overdue,
    request_booking,
    send_quote,
)
from events.services.seats import (
    SeatError,
    SeatsAvailable,
    check_in,
    confirm_paid_session,
    expire_session,
    hold_seats,
    join_waiting_list,
    offer_freed_seats,
    refund_order,
    release_expired_holds,
    release_order,
    start_checkout,
)

__all__ = [
    "STRIPE_EVENTS",
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
