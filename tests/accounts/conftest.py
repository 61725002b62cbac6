import pytest

from tests.clients import CommittingClient


@pytest.fixture
def client():
    return CommittingClient()
