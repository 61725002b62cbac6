"""Sending an issue: once, to every consenting address, and never twice.

``send_issue`` moves the issue's dispatch from ready (or scheduled) to sending
with one conditional UPDATE: of two clicks, or two editors, one finds the state
changed and is refused. In the same transaction it writes one ``Delivery`` per
recipient (unique per issue and subscriber) and, after commit, queues one task
per batch.

A batch (``send_batch``) takes its rows from ``queued`` to ``sending`` under its
own claim (``SKIP LOCKED`` on PostgreSQL, so two workers never take the same
rows), then to ``handed`` *before* calling the provider, a few messages at a
time (``batches.HAND_AHEAD``: a batch merged by the provider is one message, a
provider without merge fields gets one message per reader), then to what the
provider answered for each recipient. A worker killed mid-batch leaves:

* rows in ``sending``: never handed to the provider, so ``sweep`` returns them to
  ``queued`` and they are sent later;
* rows in ``handed``: the provider may have taken them (the worker may have died
  after the call and before writing its answer), so ``sweep`` marks them
  ``unknown`` and they are *not* sent again. None of the providers Anymail
  supports takes an idempotency key for a send, so this is the trade-off: at
  worst a recipient misses one issue when a worker dies during the provider's
  call, never gets it twice, and at most the group being handed is affected.
The count of ``unknown`` rows shows how many.

A provider that answers with an error (HTTP 4xx/5xx) or that cannot be reached
at all has certainly not taken the batch: its rows go back to ``queued`` and the
batch is tried again later, with a doubling delay and no limit on the attempts
(never dropped). An error that leaves the outcome unknown (the connection cut
after the request was sent) is treated as handed.

The parts: ``start`` (``send_issue``, ``schedule_issue``, the ``Delivery`` rows),
``queueing`` (batches on the task queue, ``finish_if_done``, ``progress``),
``messages`` (each reader's links and headers, merged or one by one),
``batches`` (``send_batch``: claim, hand, the provider's answer, requeue) and
``recovery`` (``sweep`` and ``send_due_issues``, the minute job's work). Callers
use the names below; a test that replaces a function does so in the module that
calls it.
"""

from newsletter.services.sending.batches import (
    certainly_refused,
    retry_delay,
    send_batch,
    worker_id,
)
from newsletter.services.sending.queueing import (
    enqueue_batches,
    finish_if_done,
    progress,
)
from newsletter.services.sending.recovery import send_due_issues, sweep
from newsletter.services.sending.start import (
    IssueAlreadySent,
    schedule_issue,
    send_issue,
)

__all__ = [
    "IssueAlreadySent",
    "certainly_refused",
    "enqueue_batches",
    "finish_if_done",
    "progress",
    "retry_delay",
    "schedule_issue",
    "send_batch",
    "send_due_issues",
    "send_issue",
    "sweep",
    "worker_id",
]
