"""Print editions: the issues of the paper, their PDF and the debates in them."""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from core.storage import ProtectedFileField

EDITION_PDF_MAX_BYTES = 100 * 1024 * 1024


def validate_pdf(file) -> None:
    """The upload is a PDF for real (its first bytes), and not absurdly large."""
    if file.size > EDITION_PDF_MAX_BYTES:
        raise ValidationError(
            _("The PDF is too large (%(size)s); the limit is %(limit)s."),
            code="too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(EDITION_PDF_MAX_BYTES),
            },
        )
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(1024)
    file.seek(position)
    if b"%PDF-" not in head:
        raise ValidationError(
            _("This file is not a PDF. Export the edition as PDF and try again."),
            code="not_pdf",
        )


class EditionQuerySet(models.QuerySet):
    def out(self):
        """Editions whose publication date has come: the site lists these. The
        newsroom may prepare the next one ahead; it appears on its day, by itself."""
        return self.filter(published_on__lte=timezone.localdate())


class Edition(ClusterableModel):
    """A print issue of Versus: its number, date, cover, PDF and debates.

    The PDF is sold: it is kept in private storage and handed out by
    ``newsroom.views.edition_pdf`` only to readers ``newsroom.access`` allows.
    """

    number = models.PositiveIntegerField(
        _("number"), unique=True, help_text=_("The issue number printed on the cover.")
    )
    published_on = models.DateField(
        _("publication date"),
        help_text=_("The edition appears on the site on this day."),
    )
    title = models.CharField(
        _("cover line"),
        max_length=160,
        blank=True,
        help_text=_("The main headline on the cover, if any."),
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # In private storage; its URL is the view that checks the reader's access.
    pdf = ProtectedFileField(
        _("PDF"),
        upload_to="editions/",
        blank=True,
        validators=[
            FileExtensionValidator(["pdf"], message=_("Upload a .pdf file.")),
            validate_pdf,
        ],
        help_text=_("Only readers with access may download it."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EditionQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("published_on"), FieldPanel("title")],
            heading=_("Issue"),
        ),
        FieldPanel("cover"),
        FieldPanel("pdf"),
        InlinePanel("items", heading=_("Debates in this edition"), label=_("debate")),
    ]

    class Meta:
        verbose_name = _("print edition")
        verbose_name_plural = _("print editions")
        ordering = ["-published_on", "-number"]

    def __str__(self):
        return _("Versus no. %(number)s") % {"number": self.number}

    def get_absolute_url(self) -> str:
        return reverse("editions:detail", kwargs={"number": self.number})

    def get_pdf_url(self) -> str:
        return reverse("editions:pdf", kwargs={"number": self.number})

    @property
    def is_out(self) -> bool:
        return self.published_on <= timezone.localdate()


class EditionDebate(Orderable):
    """A debate printed in an edition, in the order of the issue's pages."""

    edition = ParentalKey(Edition, on_delete=models.CASCADE, related_name="items")
    debate = models.ForeignKey(
        "debates.DebatePage",
        verbose_name=_("debate"),
        on_delete=models.CASCADE,
        related_name="edition_items",
    )

    panels = [FieldPanel("debate")]

    class Meta(Orderable.Meta):
        verbose_name = _("debate in the edition")
        verbose_name_plural = _("debates in the edition")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "debate"], name="newsroom_edition_debate_once"
            )
        ]
