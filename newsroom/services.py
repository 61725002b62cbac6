"""Expert applications ("Devenir expert citoyen"): submit, accept, decline.

Every change goes through these functions (Django-Styleguide services: typed,
atomic). Its emails are owed in the same transaction (``core.outbox``) and leave
once it is committed, each in the language of the person who reads it.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from wagtail.actions.create import CreateAction

from core.errors import DomainError
from core.forms import plain_text, single_line
from core.outbox import owe_email
from core.ratelimit import address_over_limit, digest, over_limit
from newsroom.models import Commission, Contributor, ExpertApplication

User = get_user_model()

# A person applies once; a connection (a household, an office) a few times.
APPLICATIONS_PER_IP = 3
IP_WINDOW_SECONDS = 3600
APPLICATIONS_PER_EMAIL = 1
EMAIL_WINDOW_SECONDS = 24 * 3600
# The Wagtail groups whose members hear about new applications, with superusers.
EDITOR_GROUPS = ("Moderators", "Editors")


class ApplicationError(DomainError):
    """An application or a decision the rules refuse; the message is shown."""


@transaction.atomic
def submit_application(
    *,
    name: str,
    email: str,
    field_of_expertise: str,
    qualification: str,
    motivation: str,
    writing_sample: str,
    consent: bool,
    language: str,
    ip_address: str | None = None,
) -> ExpertApplication:
    """Store an application, then tell the editors and the applicant.

    Limited to a few applications per hour from one connection and one per day
    for one address, counted in the cache; over the limit nothing is stored.
    """
    if not consent:
        raise ApplicationError(_("Your consent is needed to examine your application."))
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language {language!r}.")
    application = ExpertApplication(
        name=single_line(name),
        email=email.strip().lower(),
        field_of_expertise=single_line(field_of_expertise),
        qualification=qualification,
        motivation=plain_text(motivation),
        writing_sample=plain_text(writing_sample),
        language=language,
        consented_at=timezone.now(),
    )
    # The form has checked all this already; other callers (shell, demo data) get
    # the same rules.
    application.full_clean()

    # The connection is counted first: an attempt it refuses does not use up the
    # address's one application of the day.
    if address_over_limit(
        "newsroom:applications",
        ip_address,
        APPLICATIONS_PER_IP,
        IP_WINDOW_SECONDS,
    ):
        raise ApplicationError(
            _(
                "Several applications have just been sent from your connection. "
                "Please try again in an hour."
            )
        )
    if over_limit(
        f"newsroom:applications:email:{digest(application.email)}",
        APPLICATIONS_PER_EMAIL,
        EMAIL_WINDOW_SECONDS,
    ):
        raise ApplicationError(
            _(
                "We received an application from this email address less than a "
                "day ago. We will answer it; you can send a new one tomorrow."
            )
        )

    application.save()
    _notify_editors(application)
    _owe_applicant("application_received", application)
    return application


@transaction.atomic
def accept_application(application: ExpertApplication, *, editor) -> Contributor:
    """Turn the application into a draft citizen expert profile and tell the
    applicant.

    The profile is a Wagtail draft (``live=False``, with a first revision) that the
    newsroom completes and publishes; the declaration of interests stays empty
    until then, as Wagtail only requires it on publication
    (https://docs.wagtail.org/en/stable/topics/snippets/features.html#saving-draft-changes-of-snippets).
    The permission to decide is checked by the admin view.
    """
    application = _lock_pending(application)
    contributor = Contributor(
        name=application.name,
        slug=_unique_contributor_slug(application.name),
        occupation=Truncator(application.field_of_expertise).chars(
            Contributor._meta.get_field("occupation").max_length
        ),
        qualification=application.qualification,
        qualification_detail=Truncator(application.motivation).chars(
            Contributor._meta.get_field("qualification_detail").max_length
        ),
        declaration_of_interests="",
        live=False,
    )
    contributor = CreateAction(contributor, user=editor).execute(
        skip_permission_checks=True
    )
    application.status = ExpertApplication.Status.ACCEPTED
    application.contributor = contributor
    application.decided_by = editor
    application.decided_at = timezone.now()
    application.save(
        update_fields=["status", "contributor", "decided_by", "decided_at"]
    )
    _owe_applicant(
        "application_accepted",
        application,
        key=f"application-decision:{application.pk}",
    )
    return contributor


@transaction.atomic
def decline_application(
    application: ExpertApplication, *, editor, reason: str
) -> ExpertApplication:
    """Decline the application; the applicant receives the reason by email."""
    reason = plain_text(reason)
    if not reason:
        raise ApplicationError(
            _("Give the reason for declining: the applicant will read it.")
        )
    if len(reason) > ExpertApplication.REASON_MAX:
        raise ApplicationError(
            _("Keep the reason to %(limit)d characters.")
            % {"limit": ExpertApplication.REASON_MAX}
        )
    application = _lock_pending(application)
    application.status = ExpertApplication.Status.DECLINED
    application.decision_reason = reason
    application.decided_by = editor
    application.decided_at = timezone.now()
    application.save(
        update_fields=["status", "decision_reason", "decided_by", "decided_at"]
    )
    _owe_applicant(
        "application_declined",
        application,
        key=f"application-decision:{application.pk}",
    )
    return application


def editor_recipients() -> list[tuple[str, str]]:
    """(email, language) of the active superusers and members of the editors'
    Wagtail groups."""
    return list(
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name__in=EDITOR_GROUPS))
        .exclude(email="")
        .distinct()
        .order_by("email")
        .values_list("email", "language")
    )


def admin_url(application: ExpertApplication) -> str:
    path = reverse(
        "wagtailsnippets_newsroom_expertapplication:edit", args=[application.pk]
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def export_applications(user) -> list[dict]:
    """The applications sent from the reader's addresses (GDPR art. 15 and 20)."""
    return [
        {
            "name": application.name,
            "email": application.email,
            "field_of_expertise": application.field_of_expertise,
            "qualification": application.qualification,
            "motivation": application.motivation,
            "writing_sample": application.writing_sample,
            "language": application.language,
            "consented_at": application.consented_at.isoformat(),
            "submitted_at": application.created_at.isoformat(),
            "status": application.status,
            "decision_reason": application.decision_reason,
            "decided_at": (
                application.decided_at.isoformat() if application.decided_at else None
            ),
        }
        for application in _applications_of(user).order_by("created_at")
    ]


def erase_applications(user) -> None:
    """Applications are the reader's own texts: they go with the account. A
    citizen expert profile made from one stays, as published work does."""
    _applications_of(user).delete()


def _applications_of(user):
    # Only addresses the reader has proved are theirs.
    addresses = {user.email.lower()} | {
        address.lower()
        for address in EmailAddress.objects.filter(
            user=user, verified=True
        ).values_list("email", flat=True)
    }
    return ExpertApplication.objects.filter(email__in=addresses)


def _lock_pending(application: ExpertApplication) -> ExpertApplication:
    application = ExpertApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != ExpertApplication.Status.PENDING:
        raise ApplicationError(_("This application has already been decided."))
    return application


def _unique_contributor_slug(name: str) -> str:
    max_length = Contributor._meta.get_field("slug").max_length
    base = slugify(name)[: max_length - 4].strip("-") or "expert"
    slug, n = base, 1
    while Contributor.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _owe_applicant(
    builder: str, application: ExpertApplication, *, key: str | None = None
) -> None:
    """Owed with the change: a provider outage delays the email, and never
    loses the application or undoes the decision."""
    owe_email(
        f"newsroom.emails.{builder}",
        to=application.email,
        language=application.language,
        key=key,
        application_id=application.pk,
    )


def _notify_editors(application: ExpertApplication) -> None:
    """One email per editor, each in their language; with no editor yet, the
    site's own address hears of it."""
    recipients = editor_recipients() or [
        (settings.DEFAULT_FROM_EMAIL, settings.LANGUAGE_CODE)
    ]
    for email, language in recipients:
        owe_email(
            "newsroom.emails.new_application",
            to=email,
            language=language or settings.LANGUAGE_CODE,
            application_id=application.pk,
            recipient=email,
        )


# --- Commissions ------------------------------------------------------------------


@transaction.atomic
def mark_commission_published(page) -> None:
    """A commission's debate page is published: the commission is done. Debates
    call it on Wagtail's ``page_published`` (``debates.signals``)."""
    Commission.objects.filter(debate_id=page.pk).exclude(
        status=Commission.Status.PUBLISHED
    ).update(status=Commission.Status.PUBLISHED)
