"""Mail about expert applications. Each function renders in the active language;
``newsroom.services`` chooses it (the applicant's, or each editor's)."""

from django.utils.translation import gettext as _

from config.emails import send_templated


def _send(*, subject: str, template: str, context: dict, to: list[str]) -> None:
    send_templated(
        subject=subject, template=f"newsroom/email/{template}", context=context, to=to
    )


def send_application_received(application) -> None:
    """The acknowledgement: the applicant knows we have it and what comes next."""
    _send(
        subject=_("[Versus] We have received your application"),
        template="application_received",
        context={"application": application},
        to=[application.email],
    )


def send_new_application(application, *, recipients: list[str], admin_url: str):
    _send(
        subject=_("[Versus] New expert application: %(name)s")
        % {"name": application.name},
        template="new_application",
        context={"application": application, "admin_url": admin_url},
        to=recipients,
    )


def send_application_accepted(application, *, signup_url: str) -> None:
    _send(
        subject=_("[Versus] Your application is accepted"),
        template="application_accepted",
        context={"application": application, "signup_url": signup_url},
        to=[application.email],
    )


def send_application_declined(application) -> None:
    _send(
        subject=_("[Versus] Your application to write for Versus"),
        template="application_declined",
        context={"application": application},
        to=[application.email],
    )
