"""An issue's sending page in the admin: a test to oneself, a time to send at or
« Envoyer maintenant », the progress while it goes, and what became of it.

Every action needs the right to publish the issue (Wagtail's page permissions),
and every change is a service: ``proofs.send_proof``, ``sending.schedule_issue``,
``scheduling.unschedule_issue``, ``sending.send_issue``. The page reads in a
fixed number of queries whatever the number of recipients: the deliveries are
counted per status in the database.

How the provider's statuses are shown (``progress_summary``):

* in progress: queued, claimed by a worker, handed to the provider;
* sent: sent, delivered, and « sent, unconfirmed » (a worker stopped during the
  provider's call: probably sent, and never sent again);
* failed: refused for the address, bounced, complained, and skipped (the reader
  left, or the address was suppressed, after the send started): not received.
"""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.admin import messages

from core.errors import DomainError
from newsletter.admin_forms import ProofForm, ScheduleForm, SendNowForm
from newsletter.models import ConsentEvent, Delivery, IssueDispatch, NewsletterIssuePage
from newsletter.services import proofs, scheduling, sending

Status = Delivery.Status
State = IssueDispatch.State
GROUPS = {
    "in_progress": (Status.QUEUED, Status.SENDING, Status.HANDED),
    "sent": (Status.SENT, Status.DELIVERED, Status.UNKNOWN),
    "failed": (Status.FAILED, Status.BOUNCED, Status.COMPLAINED, Status.SKIPPED),
}


def _issue(request, pk: int) -> NewsletterIssuePage:
    issue = get_object_or_404(
        NewsletterIssuePage.objects.select_related("newsletter"), pk=pk
    )
    if not issue.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return issue


def progress_summary(issue, dispatch: IssueDispatch | None) -> dict:
    """The counts of the progress bar and of the outcome (three queries)."""
    statuses = sending.progress(issue)
    groups = {
        name: sum(statuses[s] for s in members) for name, members in GROUPS.items()
    }
    recipients = (dispatch.recipients if dispatch else 0) or sum(statuses.values())
    unsubscribed = ConsentEvent.objects.filter(
        issue=issue, kind=ConsentEvent.Kind.UNSUBSCRIBED
    ).count()
    state = dispatch.state if dispatch else State.READY
    return {
        "state": state,
        "recipients": recipients,
        "done": groups["sent"] + groups["failed"],
        "progress": groups,
        "outcome": {
            "delivered": statuses[Status.DELIVERED],
            "bounced": statuses[Status.BOUNCED],
            "complained": statuses[Status.COMPLAINED],
            "unsubscribed": unsubscribed,
        },
        "finished": state == State.SENT,
    }


def _page(request, issue, *, status=200, **forms):
    dispatch = IssueDispatch.objects.filter(issue=issue).first()
    state = dispatch.state if dispatch else State.READY
    open_for_sending = state in (State.READY, State.SCHEDULED)
    return TemplateResponse(
        request,
        "newsletter/admin/send.html",
        {
            "issue": issue,
            "dispatch": dispatch,
            "state": state,
            "state_label": State(state).label,
            "summary": progress_summary(issue, dispatch),
            "can_send": issue.live and open_for_sending,
            "proof_form": forms.get("proof_form") or ProofForm(),
            "schedule_form": forms.get("schedule_form")
            or ScheduleForm(
                initial={"at": dispatch.scheduled_for} if dispatch else None
            ),
            "send_form": forms.get("send_form") or SendNowForm(),
            "max_extra": proofs.MAX_EXTRA_ADDRESSES,
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def send_view(request, pk: int):
    """The sending page; its POST is « Envoyer maintenant », once confirmed."""
    issue = _issue(request, pk)
    if request.method == "GET":
        return _page(request, issue)
    form = SendNowForm(request.POST)
    if not form.is_valid():
        return _page(request, issue, send_form=form, status=400)
    try:
        dispatch = sending.send_issue(issue, by=request.user.get_username())
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Sending has started to %(count)s recipients.")
            % {"count": dispatch.recipients},
        )
    return redirect("newsletter_send", pk)


@require_POST
def proof_view(request, pk: int):
    issue = _issue(request, pk)
    form = ProofForm(request.POST)
    if not form.is_valid():
        return _page(request, issue, proof_form=form, status=400)
    try:
        addresses = proofs.send_proof(
            issue,
            editor=request.user,
            extra_addresses=form.cleaned_data["extra_addresses"],
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Test sent to %(addresses)s.") % {"addresses": ", ".join(addresses)},
        )
    return redirect("newsletter_send", pk)


@require_POST
def schedule_view(request, pk: int):
    issue = _issue(request, pk)
    form = ScheduleForm(request.POST)
    if not issue.live:
        form.add_error(None, _("Publish the issue before scheduling its sending."))
    if not form.is_valid():
        return _page(request, issue, schedule_form=form, status=400)
    try:
        sending.schedule_issue(issue, at=form.cleaned_data["at"])
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Sending scheduled."))
    return redirect("newsletter_send", pk)


@require_POST
def unschedule_view(request, pk: int):
    issue = _issue(request, pk)
    try:
        scheduling.unschedule_issue(issue)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The scheduled sending is cancelled."))
    return redirect("newsletter_send", pk)


@never_cache
@require_GET
def progress_view(request, pk: int):
    """What the page's script polls while the issue is being sent."""
    issue = _issue(request, pk)
    dispatch = IssueDispatch.objects.filter(issue=issue).first()
    return JsonResponse(progress_summary(issue, dispatch))
