# The webhook's tests feed it readers' events: they use the same plan and
# customer as the subscriptions room's tests.
from tests.subscriptions.conftest import customer, plan

__all__ = ["customer", "plan"]
