"""The email of a batch: each reader's own unsubscribe link (RFC 8058 headers
included), merged by the provider where it can, one message per reader where it
cannot (``providers.Profile``)."""

from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from core.links import absolute_url
from newsletter import tokens
from newsletter.models import Delivery
from newsletter.services import rendering


def site_root() -> str:
    """The site's origin, looked up once a batch (``absolute_url`` asks the
    database for the default site each time)."""
    return absolute_url("/").rstrip("/")


def _links(row: Delivery, issue, root: str) -> tuple[str, dict]:
    token = tokens.unsubscribe_token(
        subscriber_id=row.subscriber_id, newsletter_id=issue.newsletter_id
    )
    with translation.override(settings.LANGUAGE_CODE):
        url = root + reverse("newsletter:unsubscribe", args=[token])
    header = f"<{url}>"
    if settings.NEWSLETTER_UNSUBSCRIBE_MAILTO:
        header += f", <mailto:{settings.NEWSLETTER_UNSUBSCRIBE_MAILTO}?subject={token}>"
    return url, {
        "List-Unsubscribe": header,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _message(dispatch, profile, *, to, html, text, headers=None):
    message = mail.EmailMultiAlternatives(
        subject=dispatch.subject,
        body=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=to,
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    message.tags = ["newsletter"]
    message.metadata = {"versus_issue": str(dispatch.issue_id)}
    if profile.tracking_flags:
        # No open pixel (it needs consent) and no rewritten links.
        message.track_opens = False
        message.track_clicks = False
    if profile.esp_extra:
        message.esp_extra = dict(profile.esp_extra)
    return message


def batch_messages(rows, dispatch, profile):
    """One message for the whole batch, personalised by the provider."""
    field = profile.merge_field % "unsubscribe_url"
    message = _message(
        dispatch,
        profile,
        to=[row.address for row in rows],
        html=dispatch.html.replace(rendering.UNSUBSCRIBE_MARK, field),
        text=dispatch.text.replace(rendering.UNSUBSCRIBE_MARK, field),
    )
    message.merge_data, message.merge_headers, message.merge_metadata = {}, {}, {}
    message.merge_global_data = {}
    root = site_root()
    for row in rows:
        url, headers = _links(row, dispatch.issue, root)
        message.merge_data[row.address] = {"unsubscribe_url": url}
        message.merge_headers[row.address] = headers
        message.merge_metadata[row.address] = {"versus_delivery": str(row.pk)}
    return [(message, rows)]


def single_messages(rows, dispatch, profile):
    """One message per recipient, links in place, for providers that cannot
    merge into an inline body."""
    messages = []
    root = site_root()
    for row in rows:
        url, headers = _links(row, dispatch.issue, root)
        message = _message(
            dispatch,
            profile,
            to=[row.address],
            html=dispatch.html.replace(rendering.UNSUBSCRIBE_MARK, url),
            text=dispatch.text.replace(rendering.UNSUBSCRIBE_MARK, url),
            headers=headers,
        )
        message.metadata["versus_delivery"] = str(row.pk)
        messages.append((message, [row]))
    return messages
