"""Signed links: the confirmation of a request (double opt-in) and the
unsubscription from one list. ``django.core.signing`` signs them with the
SECRET_KEY and a salt of their own, so a link made for one purpose cannot serve
another, and a changed character breaks the signature.

https://docs.djangoproject.com/en/6.1/topics/signing/
"""

import datetime

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


class InvalidLink(Exception):
    def __init__(self, *, expired: bool):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def _load(token: str, *, salt: str, max_age: int):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise InvalidLink(expired=True) from None
    except signing.BadSignature:
        raise InvalidLink(expired=False) from None


def confirmation_token(*, subscriber_id: int, email: str, source: str) -> str:
    return signing.dumps(
        {"s": subscriber_id, "e": email.lower(), "src": source}, salt=CONFIRM_SALT
    )


def read_confirmation(token: str) -> dict:
    """``{"s": subscriber id, "e": address, "src": source}``; InvalidLink else."""
    data = _load(token, salt=CONFIRM_SALT, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE)
    if not isinstance(data, dict) or not {"s", "e", "src"} <= data.keys():
        raise InvalidLink(expired=False)
    return data


def unsubscribe_token(*, subscriber_id: int, newsletter_id: int) -> str:
    return signing.dumps([subscriber_id, newsletter_id], salt=UNSUBSCRIBE_SALT)


def read_unsubscribe(token: str) -> tuple[int, int]:
    data = _load(
        token, salt=UNSUBSCRIBE_SALT, max_age=settings.NEWSLETTER_UNSUBSCRIBE_MAX_AGE
    )
    if not (isinstance(data, list) and len(data) == 2):
        raise InvalidLink(expired=False)
    return int(data[0]), int(data[1])


def unsubscribe_signed_at(token: str) -> datetime.datetime:
    """When an unsubscribe link was signed, to the second: the batch that sent it
    signs each link just after taking its rows, so this names the issue. Only for
    a token ``read_unsubscribe`` accepted."""
    stamp = token.rsplit(":", 2)[1]
    return datetime.datetime.fromtimestamp(signing.b62_decode(stamp), tz=datetime.UTC)
