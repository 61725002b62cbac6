"""Wagtail's moderation and comment emails, through the outbox like every other
email.

Wagtail sends its workflow notifications (a page submitted to the moderators,
approved, sent back) from the signal handlers it connects in
``wagtail.admin.signal_handlers``, inside the editor's request, straight to the
provider: a slow provider slows the admin, a refusal loses the email. Its
notifiers take their connection from ``django.core.mail.get_connection()``, with
no setting to point them elsewhere, and Django 6.1's ``MAILERS`` only names the
connection everything else uses too (the outbox's own deliveries, the
newsletter's batches). So the same notifiers are connected in their place, under
Wagtail's own ``dispatch_uid``: the recipients, templates and context are
Wagtail's, and only the last step changes: each message is owed
(``core.outbox.owe_rendered``), then delivered after commit by the email task,
retried, never twice.

The comment notifications (a comment added, answered or resolved on a page) are
sent by the page editor's view itself, through ``wagtail.admin.mail.
send_notification`` as that view imported it: ``owe_notification`` takes its
place there, with Wagtail's recipients, preferences and templates.

https://docs.wagtail.org/en/stable/reference/settings.html#email-notifications
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.admin.views.pages import edit as page_edit
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)
from wagtail.users.models import UserProfile

from core.outbox import owe_rendered


class OutboxNotifications:
    """Mixed in before one of Wagtail's email notifiers: the messages it renders
    are owed to the outbox instead of sent during the request."""

    def get_context(self, instance, **kwargs):
        context = super().get_context(instance, **kwargs)
        # What makes this notification one of a kind, for the outbox's key: a
        # workflow sent back twice is told twice, one task state at a time.
        task_state = getattr(instance, "current_task_state_id", instance.pk)
        context["notification_cause"] = (
            f"{type(instance).__name__}:{instance.pk}:{task_state}"
        )
        return context

    def send_emails(self, template_set, context, recipients, **kwargs):
        # Wagtail 8's EmailNotificationMixin.send_emails, less the connection.
        from_email = getattr(
            settings,
            "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL",
            settings.DEFAULT_FROM_EMAIL,
        )
        for recipient in recipients:
            key = (
                f"wagtail:{self.notification}:{context['notification_cause']}"
                f":{recipient.pk}"
            )
            _owe(template_set, context, recipient, from_email=from_email, key=key)
        return True


def _owe(templates: dict, context: dict, recipient, *, from_email, key=None) -> None:
    """One of Wagtail's notifications to ``recipient``, rendered in their
    language with Wagtail's ``templates`` (subject, text, html), owed to the
    outbox."""
    context["user"] = recipient
    language = recipient.wagtail_userprofile.get_preferred_language()
    with translation.override(language):
        message = EmailMultiAlternatives(
            render_to_string(templates["subject"], context).strip(),
            render_to_string(templates["text"], context).strip(),
            from_email,
            [recipient.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False):
            message.attach_alternative(
                render_to_string(templates["html"], context), "text/html"
            )
    owe_rendered(message, language=language, key=key)


def owe_notification(recipient_users, notification: str, extra_context: dict) -> bool:
    """``wagtail.admin.mail.send_notification`` (Wagtail 8), the last step
    changed: each message is owed to the outbox, not sent during the request.
    The same recipients (active, with an address, who keep this kind of
    notification on in their profile) and the same templates."""
    recipients = [
        user
        for user in recipient_users
        if user.is_active
        and user.email
        and getattr(UserProfile.get_for_user(user), f"{notification}_notifications")
    ]
    folder = "wagtailadmin/notifications/"
    templates = {
        part: f"{folder}{notification}{suffix}"
        for part, suffix in (
            ("subject", "_subject.txt"),
            ("text", ".txt"),
            ("html", ".html"),
        )
    }
    from_email = getattr(
        settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", settings.DEFAULT_FROM_EMAIL
    )
    for recipient in recipients:
        context = {"settings": settings, **extra_context}
        _owe(templates, context, recipient, from_email=from_email)
    return True


class TaskSubmitted(OutboxNotifications, GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmitted(OutboxNotifications, WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowApproved(OutboxNotifications, WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejected(OutboxNotifications, WorkflowStateRejectionEmailNotifier):
    pass


# (signal, sender, Wagtail's dispatch_uid, our notifier), as in Wagtail 8's
# wagtail.admin.signal_handlers.register_signal_handlers.
NOTIFIERS = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmitted(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmitted(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejected(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApproved(),
    ),
]


def connect() -> None:
    """Put the outbox's notifiers in the place of Wagtail's, whichever app is
    ready first: an existing receiver under the same ``dispatch_uid`` is removed,
    and a later connection under it is ignored by Django's signals."""
    for signal, sender, dispatch_uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
    # The page editor's comment notifications (wagtail.admin.views.pages.edit).
    page_edit.send_notification = owe_notification
