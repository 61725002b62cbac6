"""Development email: print each message and keep a copy under ``var/mail/``.

Built on Anymail's console backend so that Anymail's statuses and ``pre_send`` /
``post_send`` signals run exactly as they will with a real provider
(https://anymail.dev/en/stable/tips/testing/).
"""

import uuid
from pathlib import Path

from anymail.backends.console import EmailBackend as AnymailConsoleBackend
from django.utils import timezone


class DevelopmentEmailBackend(AnymailConsoleBackend):
    def __init__(self, *args, folder: str, **kwargs):
        self.folder = Path(folder)
        super().__init__(*args, **kwargs)

    def write_message(self, message):
        super().write_message(message)
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        path = self.folder / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
        path.write_bytes(message.message().as_bytes())
