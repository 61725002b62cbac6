from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send_templated(
    *,
    subject: str,
    template: str,
    context: dict,
    to: list[str],
    attachments: list[tuple[str, bytes, str]] = (),
    reply_to: list[str] = (),
):
    """One message, plain text and HTML, from ``<template>.txt`` and
    ``<template>.html``, rendered in the active language; ``attachments`` are
    (filename, content, MIME type)."""
    context = {**context, "subject": subject}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        to=to,
        reply_to=list(reply_to) or None,
    )
    message.attach_alternative(
        render_to_string(f"{template}.html", context), "text/html"
    )
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()
