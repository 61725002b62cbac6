import pytest

from tests.core.provider import RefusingBackend


@pytest.fixture
def provider(settings):
    """The email provider, scripted by the test."""
    settings.MAILERS = {"default": {"BACKEND": "tests.core.provider.RefusingBackend"}}
    RefusingBackend.script = []
    RefusingBackend.attempts = 0
    yield RefusingBackend
    RefusingBackend.script = []
