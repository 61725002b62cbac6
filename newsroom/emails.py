"""Mail about expert applications. Each function is a builder for the outgoing
queue (``core.outbox``): ``newsroom.services`` owes it with the change, and it is
built after commit in the language of the person who reads it (the applicant's,
or each editor's)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.outbox import compose
from newsroom.models import ExpertApplication
from newsroom.services import admin_url


def _message(
    *, subject: str, template: str, context: dict, to: list[str]
) -> EmailMultiAlternatives:
    return compose(
        subject=subject, template=f"newsroom/email/{template}", context=context, to=to
    )


def application_received(*, application_id: int) -> EmailMultiAlternatives:
    """The acknowledgement: the applicant knows we have it and what comes next."""
    application = ExpertApplication.objects.get(pk=application_id)
    return _message(
        subject=_("[Versus] We have received your application"),
        template="application_received",
        context={"application": application},
        to=[application.email],
    )


def new_application(*, application_id: int, recipient: str) -> EmailMultiAlternatives:
    """To one editor: each reads it in their own language."""
    application = ExpertApplication.objects.get(pk=application_id)
    return _message(
        subject=_("[Versus] New expert application: %(name)s")
        % {"name": application.name},
        template="new_application",
        context={"application": application, "admin_url": admin_url(application)},
        to=[recipient],
    )


def _site_url(path: str) -> str:
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/") + path


def application_accepted(*, application_id: int) -> EmailMultiAlternatives:
    application = ExpertApplication.objects.get(pk=application_id)
    # Built in the applicant's language, so the link leads to their version.
    signup_url = _site_url(reverse("account_signup"))
    return _message(
        subject=_("[Versus] Your application is accepted"),
        template="application_accepted",
        context={"application": application, "signup_url": signup_url},
        to=[application.email],
    )


def application_declined(*, application_id: int) -> EmailMultiAlternatives:
    application = ExpertApplication.objects.get(pk=application_id)
    return _message(
        subject=_("[Versus] Your application to write for Versus"),
        template="application_declined",
        context={"application": application},
        to=[application.email],
    )
