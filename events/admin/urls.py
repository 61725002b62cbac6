"""The admin's URLs for a booking's page and its steps, and a card order's page
(under ``events_bookings``; the listings register their own)."""

from django.urls import path

from events.admin import booking_steps, seat_orders
from events.admin.booking_page import detail

urlpatterns = [
    path("<id:pk>/", detail, name="detail"),
    path("<id:pk>/send-quote/", booking_steps.send_quote, name="send_quote"),
    path(
        "<id:pk>/acceptance/",
        booking_steps.record_acceptance,
        name="record_acceptance",
    ),
    path("<id:pk>/payment/", booking_steps.record_payment, name="record_payment"),
    path("<id:pk>/done/", booking_steps.mark_done, name="mark_done"),
    path("<id:pk>/cancel/", booking_steps.cancel, name="cancel"),
    path(
        "<id:pk>/chorus-pro/",
        booking_steps.record_chorus_deposit,
        name="record_chorus",
    ),
    path(
        "<id:pk>/stripe/<id:operation_id>/retry/",
        booking_steps.retry_stripe,
        name="retry_stripe",
    ),
    path("seat-orders/<id:pk>/", seat_orders.seat_order, name="seat_order"),
]
