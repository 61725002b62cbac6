"""Conference sales in the Wagtail admin: listings of institutions' bookings, seat
orders and the waiting list (read-only, with their exports: ``listings``,
``filters``), a booking's page (``booking_page``) where editors take each step
through its service and nowhere else (``booking_steps``), a card order's page
(``seat_orders``), and the dashboard panel (``dashboard``)."""
