"""Events: the pages (``pages``), seats sold by card (``seats``, ``waiting_list``),
institutions' bookings (``bookings``) and their documents (``documents``, sold by
``seller``), and the Stripe work those documents owe (``stripe_operations``)."""

from events.models.bookings import Booking, BookingLog
from events.models.documents import (
    DocumentSequence,
    Invoice,
    InvoiceLine,
    Quote,
    QuoteLine,
)
from events.models.pages import (
    ConferenceOfferPage,
    ConferencePage,
    ConferenceSpeaker,
    EventIndexPage,
    OfferFormat,
    OfferOption,
    SeatPrice,
)
from events.models.seats import EVENT_VAT_RATE, SeatOrder, SeatStock, Ticket
from events.models.seller import SellerSettings
from events.models.stripe_operations import StripeOperation
from events.models.waiting_list import WaitingListEntry

__all__ = [
    "EVENT_VAT_RATE",
    "Booking",
    "BookingLog",
    "ConferenceOfferPage",
    "ConferencePage",
    "ConferenceSpeaker",
    "DocumentSequence",
    "EventIndexPage",
    "Invoice",
    "InvoiceLine",
    "OfferFormat",
    "OfferOption",
    "Quote",
    "QuoteLine",
    "SeatOrder",
    "SeatPrice",
    "SeatStock",
    "SellerSettings",
    "StripeOperation",
    "Ticket",
    "WaitingListEntry",
]
