"""The newsletter room's services: consent (``consent``), the provider's
tracking events (``tracking_events``) and sending (``sending``)."""
