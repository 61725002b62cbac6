from django.test import Client, TestCase


class CommittingClient(Client):
    """Each request ends as it does in production: what it committed runs its
    on-commit work (the emails it owed go out). A test's own transaction would
    otherwise hold that work back until the test ends, and an assertion that no
    email was sent would hold whatever the view did."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)
