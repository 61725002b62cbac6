"""Starting an issue: the conditional UPDATE that lets one click through, one
``Delivery`` row per recipient, and the batches queued after commit."""

import datetime
from functools import partial

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from newsletter.models import Delivery, IssueDispatch
from newsletter.selectors import recipients
from newsletter.services import rendering, throttle
from newsletter.services.sending.queueing import enqueue_batches

State = IssueDispatch.State


class IssueAlreadySent(DomainError):
    pass


def send_issue(issue, *, by: str = "", now=None) -> IssueDispatch:
    """Start sending ``issue`` to its list; raises ``IssueAlreadySent`` if it
    was started before (by this editor or another)."""
    now = now or timezone.now()
    if not issue.live:
        raise DomainError(_("Publish the issue before sending it."))
    subject, html, text = rendering.render_issue(issue)
    with transaction.atomic():
        dispatch, _created = IssueDispatch.objects.get_or_create(issue=issue)
        started = IssueDispatch.objects.filter(
            pk=dispatch.pk, state__in=[State.READY, State.SCHEDULED]
        ).update(
            state=State.SENDING,
            started_at=now,
            started_by=by[:200],
            subject=subject[:200],
            html=html,
            text=text,
        )
        if not started:
            raise IssueAlreadySent(_("This issue is being sent or was sent already."))
        count = _create_deliveries(issue, now)
        IssueDispatch.objects.filter(pk=dispatch.pk).update(recipients=count)
        transaction.on_commit(partial(enqueue_batches, issue.pk), robust=True)
    dispatch.refresh_from_db()
    return dispatch


@transaction.atomic
def schedule_issue(issue, *, at: datetime.datetime) -> IssueDispatch:
    dispatch, _created = IssueDispatch.objects.get_or_create(issue=issue)
    if not IssueDispatch.objects.filter(
        pk=dispatch.pk, state__in=[State.READY, State.SCHEDULED]
    ).update(state=State.SCHEDULED, scheduled_for=at):
        raise IssueAlreadySent(_("This issue is being sent or was sent already."))
    dispatch.refresh_from_db()
    return dispatch


def _prepared(name: str, value):
    return Delivery._meta.get_field(name).get_db_prep_save(value, connection)


def _create_deliveries(issue, now) -> int:
    """One ``Delivery`` per address (the first subscriber behind it: two
    subscribers sharing a mailbox get one email), numbered into batches in
    subscriber order, in one ``INSERT ... SELECT``. Django's ``bulk_create``
    compiled and bound every row's values in Python: for 50,000 recipients that
    took half a minute of the editor's request."""
    source, source_params = recipients(issue.newsletter).query.sql_with_params()
    quote = connection.ops.quote_name
    computed = {
        "issue_id": ("%s", [issue.pk]),
        "subscriber_id": ("r.subscriber_id", []),
        "address": ("r.address", []),
        "batch": (
            "(ROW_NUMBER() OVER (ORDER BY r.subscriber_id) - 1) / %s",
            [throttle.batch_size()],
        ),
        "next_attempt_at": ("%s", [_prepared("next_attempt_at", now)]),
    }
    columns, values, params = [], [], []
    for field in Delivery._meta.concrete_fields:
        if field.primary_key:
            continue
        default = ("%s", [_prepared(field.name, field.get_default())])
        sql, field_params = computed.get(field.attname, default)
        columns.append(quote(field.column))
        values.append(sql)
        params += field_params
    # Only quoted names of the model and Django's own compiled SQL go into the
    # text; every value is a parameter. WHERE true: without it SQLite would read
    # ON CONFLICT as a join's ON.
    statement = (
        f"INSERT INTO {quote(Delivery._meta.db_table)} ({', '.join(columns)}) "  # noqa: S608
        f"SELECT {', '.join(values)} FROM ("
        f"SELECT MIN(q.subscriber_id) AS subscriber_id, q.current_address AS address "
        f"FROM ({source}) q GROUP BY q.current_address"
        f") r WHERE true ON CONFLICT DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, *source_params])
    return Delivery.objects.filter(issue=issue).count()
