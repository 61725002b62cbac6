"""The secret part of a private link (a seat order, a booking, a ticket): long
enough that nobody finds one by trying."""

import secrets


def new_access_key() -> str:
    return secrets.token_urlsafe(24)
