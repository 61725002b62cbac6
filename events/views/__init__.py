"""Public views of events: seats by card (``seats``) and institutions' bookings
(``bookings``)."""
