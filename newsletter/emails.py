"""The newsletter room's transactional emails (``core.outbox`` builders)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.links import absolute_url
from core.outbox import compose


def confirmation(*, token: str, email: str):
    """Double opt-in: the link that turns the request into a subscription."""
    # Under the outbox's translation.override: the URL takes the reader's language.
    url = absolute_url(reverse("newsletter:confirm", args=[token]))
    return compose(
        subject=_("Confirm your subscription to the Versus newsletter"),
        template="newsletter/email/confirmation",
        context={"confirm_url": url},
        to=[email],
    )
