"""The newsletter room's transactional emails (``core.outbox`` builders)."""

from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext as _

from core.links import absolute_url
from core.outbox import compose
from newsletter.models import NewsletterIssuePage
from newsletter.services import proofs, rendering


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


def proof(*, issue_id: int, revision_id: int | None, address: str):
    """« M'envoyer un test » (``services.proofs``): the issue as readers will get
    it, from the revision the editor previewed, with an unsubscribe link that
    leads to the archive and unsubscribes nobody."""
    issue = NewsletterIssuePage.objects.get(pk=issue_id)
    revision = issue.revisions.filter(pk=revision_id).first() if revision_id else None
    if revision is not None:
        issue = revision.as_object()
    subject, html, text = rendering.render_issue(issue)
    parent = issue.get_parent()
    harmless = (parent.get_full_url() if parent else None) or absolute_url("/")
    message = mail.EmailMultiAlternatives(
        subject=f"{proofs.SUBJECT_MARK} {subject}",
        body=text.replace(rendering.UNSUBSCRIBE_MARK, harmless),
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[address],
    )
    message.attach_alternative(
        html.replace(rendering.UNSUBSCRIBE_MARK, harmless), "text/html"
    )
    message.tags = ["newsletter-proof"]
    return message
