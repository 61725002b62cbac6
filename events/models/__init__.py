"""Events: the pages (``pages``) and what is sold through them (``sales``)."""

from events.models.pages import (
    ConferenceOfferPage,
    ConferencePage,
    ConferenceSpeaker,
    EventIndexPage,
    OfferFormat,
    OfferOption,
    SeatPrice,
)
from events.models.sales import (
    EVENT_VAT_RATE,
    Booking,
    BookingLog,
    DocumentSequence,
    Invoice,
    InvoiceLine,
    Quote,
    QuoteLine,
    SeatOrder,
    SeatStock,
    SellerSettings,
    Ticket,
    WaitingListEntry,
)

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
    "Ticket",
    "WaitingListEntry",
]
