from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel


class Theme(models.Model):
    """A managed taxonomy that files debates (Société, Environnement, ...)."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(
        pgettext_lazy("field", "slug"), max_length=60, unique=True, allow_unicode=False
    )
    description = models.CharField(_("description"), max_length=240, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
