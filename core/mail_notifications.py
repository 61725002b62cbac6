"""Wagtail's moderation emails, through the outbox like every other email.

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
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

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
            context["user"] = recipient
            language = recipient.wagtail_userprofile.get_preferred_language()
            with translation.override(language):
                message = EmailMultiAlternatives(
                    render_to_string(template_set["subject"], context).strip(),
                    render_to_string(template_set["text"], context).strip(),
                    from_email,
                    [recipient.email],
                    headers={"Auto-Submitted": "auto-generated"},
                )
                if getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False):
                    message.attach_alternative(
                        render_to_string(template_set["html"], context), "text/html"
                    )
            key = (
                f"wagtail:{self.notification}:{context['notification_cause']}"
                f":{recipient.pk}"
            )
            owe_rendered(message, language=language, key=key)
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
