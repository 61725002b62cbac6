from django.core.mail import EmailMessage
from django.utils.translation import get_language


def note(*, address: str, text: str) -> EmailMessage:
    """A plain message that says which language it was built in."""
    return EmailMessage(subject=f"[{get_language()}] {text}", body=text, to=[address])
