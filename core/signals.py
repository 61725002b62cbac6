"""Cache purges when the page tree changes (a side effect across apps, so a signal)."""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from core.selectors import forget_section_urls


def _forget(**kwargs):
    forget_section_urls()


def connect() -> None:
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(_forget, dispatch_uid=f"core.forget_sections.{signal!r}")
    post_delete.connect(
        _forget, sender=Page, dispatch_uid="core.forget_sections.delete"
    )
