"""Background tasks of the core: delivering the outgoing email queue.

They run in the task worker (``manage.py db_worker`` with the database backend)
or, in development, at once after commit (the immediate backend).
"""

from django.tasks import task

from core import outbox


@task(queue_name="email")
def deliver_email(email_id: int) -> str:
    return outbox.deliver(email_id)
