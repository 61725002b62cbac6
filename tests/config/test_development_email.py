"""The development mail backend: console output plus one .eml file per message."""

import email
import email.policy
import io

import pytest
from django.core.mail import EmailMessage

from core.mail import DevelopmentEmailBackend

SEPARATOR = "-" * 79


@pytest.fixture
def stream():
    return io.StringIO()


@pytest.fixture
def folder(tmp_path):
    # Not created in advance: var/mail/ does not exist on a fresh checkout either.
    return tmp_path / "var" / "mail"


@pytest.fixture
def backend(folder, stream):
    # As django.core.mail.mailers builds it from MAILERS["default"].
    return DevelopmentEmailBackend(alias="default", folder=str(folder), stream=stream)


def deletion_notice(to="lea@example.org"):
    return EmailMessage(
        subject="Votre compte a été supprimé",
        body="Bonjour Léa,\n\nVotre compte Versus a été supprimé à votre demande.\n",
        from_email="Versus <bonjour@versus.example>",
        to=[to],
    )


def parse(data: bytes | str):
    if isinstance(data, str):
        return email.message_from_string(data, policy=email.policy.default)
    return email.message_from_bytes(data, policy=email.policy.default)


def test_each_message_is_printed_and_saved_as_one_eml_file(backend, folder, stream):
    first = deletion_notice("lea@example.org")
    second = deletion_notice("hugo@example.org")

    sent = backend.send_messages([first, second])

    assert sent == 2
    # Anymail's status is set exactly as a real provider would set it.
    assert first.anymail_status.status == {"sent"}
    chunks = stream.getvalue().split(SEPARATOR)[:-1]
    printed = [parse(chunk.lstrip("\n")) for chunk in chunks]
    assert [str(m["To"]) for m in printed] == ["lea@example.org", "hugo@example.org"]
    assert all(m["Subject"] == "Votre compte a été supprimé" for m in printed)
    files = sorted(folder.iterdir())
    assert len(files) == 2
    assert all(f.suffix == ".eml" for f in files)
    recipients = {str(parse(f.read_bytes())["To"]) for f in files}
    assert recipients == {"lea@example.org", "hugo@example.org"}


def test_the_eml_file_is_what_the_reader_would_receive(backend, folder):
    backend.send_messages([deletion_notice()])

    (eml,) = folder.glob("*.eml")
    message = parse(eml.read_bytes())
    assert message["Subject"] == "Votre compte a été supprimé"
    assert str(message["To"]) == "lea@example.org"
    assert message["From"].addresses[0].addr_spec == "bonjour@versus.example"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Votre compte Versus a été supprimé à votre demande." in body


def test_sending_nothing_writes_nothing(backend, folder, stream):
    assert not backend.send_messages([])

    assert stream.getvalue() == ""
    assert not folder.exists()
