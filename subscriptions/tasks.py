"""Scheduled work of subscriptions: the hourly catch-up with Stripe
(``subscriptions.reconcile``, also ``manage.py reconcile_stripe``).

The scheduler (``manage.py crontask``) enqueues it; the task worker runs it.
"""

from crontask import cron
from django.tasks import task

from core.jobs import run_alone
from subscriptions import reconcile


def _reconcile() -> str:
    report = reconcile.reconcile()
    if report.failures:
        # A failed task is what the admin and the logs show: say what failed.
        raise RuntimeError(f"{report}: " + "; ".join(report.errors))
    return str(report)


@cron("17 * * * *")
@task()
def reconcile_stripe() -> str:
    """Nothing to catch up with in demo mode, where there is no Stripe account."""
    if not reconcile.stripe_enabled():
        return "skipped: demo mode, no Stripe account"
    return str(run_alone("reconcile_stripe", _reconcile))
