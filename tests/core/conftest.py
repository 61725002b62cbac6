import pytest


@pytest.fixture
def database_tasks(settings):
    """The production task backend (django-tasks-db): tasks are rows, written in
    the transaction that queues them, and run by ``manage.py db_worker``."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "email", "newsletter"],
        }
    }
