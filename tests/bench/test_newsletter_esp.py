"""The newsletter bench's Postmark stand-in answers as Anymail's Postmark backend
expects, one message or a batch, and counts what each address received."""

from collections import Counter

import pytest
from anymail.exceptions import AnymailAPIError
from django.core import mail

from tests.bench.newsletter_esp import TOKEN, FakePostmarkBatch


@pytest.fixture
def postmark(settings):
    with FakePostmarkBatch() as esp:
        settings.MAILERS = {
            "default": {"BACKEND": "anymail.backends.postmark.EmailBackend"}
        }
        settings.ANYMAIL = {"POSTMARK_SERVER_TOKEN": TOKEN, "POSTMARK_API_URL": esp.url}
        yield esp


def _message(to):
    return mail.EmailMultiAlternatives(
        subject="La semaine", body="Bonjour", from_email="lettre@example.org", to=to
    )


def test_one_message_a_reader_goes_to_email(postmark):
    message = _message(["ines@example.org"])
    message.send()

    assert message.anymail_status.recipients["ines@example.org"].status == "sent"
    assert postmark.calls == Counter({"/email": 1})
    assert postmark.received() == Counter({"ines@example.org": 1})


def test_a_batch_goes_to_email_batch_with_one_answer_a_reader(postmark):
    readers = ["ines@example.org", "jules@example.org"]
    message = _message(readers)
    message.merge_metadata = {
        reader: {"delivery": str(n)} for n, reader in enumerate(readers)
    }
    message.send()

    statuses = message.anymail_status.recipients
    assert {reader: statuses[reader].status for reader in readers} == dict.fromkeys(
        readers, "sent"
    )
    assert len({statuses[reader].message_id for reader in readers}) == 2
    assert postmark.calls == Counter({"/email/batch": 1})
    assert postmark.received() == Counter(readers)


def test_a_wrong_token_is_refused(postmark, settings):
    settings.ANYMAIL = {**settings.ANYMAIL, "POSTMARK_SERVER_TOKEN": "wrong"}
    with pytest.raises(AnymailAPIError, match="401"):
        _message(["ines@example.org"]).send()
    assert postmark.received() == Counter()
