"""django-crontask's scheduler, refusing to start where it would do the work
itself: with the immediate task backend, each job it enqueues would run inside
the scheduler instead of a worker."""

from crontask.management.commands.crontask import Command as CronTaskCommand
from django.core.management.base import CommandError
from django.tasks import task_backends
from django_tasks_db.backend import DatabaseBackend


class Command(CronTaskCommand):
    def handle(self, *args, **options):
        if not isinstance(task_backends["default"], DatabaseBackend):
            raise CommandError(
                "The scheduler needs TASKS_BACKEND=database: it only enqueues, "
                "and manage.py db_worker runs the jobs."
            )
        return super().handle(*args, **options)
