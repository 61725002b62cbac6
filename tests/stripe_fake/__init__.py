"""Whole Stripe objects for the offline fake: a compact extract of Stripe's object
schemas (``schema.json``), the script that derives it, and ``build``/``validate``."""
