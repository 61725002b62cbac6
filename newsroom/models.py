from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    FileExtensionValidator,
    MaxLengthValidator,
    MinLengthValidator,
)
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Orderable, PreviewableMixin, RevisionMixin
from wagtail.search import index

from core.storage import ProtectedFileField


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


class Contributor(
    DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model
):
    """A citizen expert who writes one side of a debate.

    Drafts and revisions (https://docs.wagtail.org/en/stable/topics/snippets/features.html)
    let the newsroom prepare a profile before the expert's first debate; the
    declaration of interests is only required when the profile is published, as
    Wagtail defers required text fields on drafts.
    """

    class Qualification(models.TextChoices):
        FIELD = "field", _("Field practitioner")
        RESEARCHER = "researcher", _("Researcher")
        ELECTED = "elected", _("Elected official")
        ASSOCIATION = "association", _("Association")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(pgettext_lazy("field", "slug"), max_length=120, unique=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    occupation = models.CharField(_("occupation"), max_length=160)
    qualification = models.CharField(
        _("qualification"), max_length=20, choices=Qualification.choices
    )
    qualification_detail = models.TextField(
        _("why they are qualified"),
        max_length=600,
        help_text=_("One or two sentences readers see under the expert's name."),
    )
    declaration_of_interests = models.TextField(
        _("declaration of interests"),
        max_length=1200,
        help_text=_("Published with every text. Required before publication."),
    )
    website = models.URLField(_("website"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributor",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("photo"),
        FieldPanel("occupation"),
        MultiFieldPanel(
            [FieldPanel("qualification"), FieldPanel("qualification_detail")],
            heading=_("Legitimacy"),
        ),
        FieldPanel("declaration_of_interests"),
        FieldPanel("website"),
        FieldPanel("user"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("occupation"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        verbose_name = _("citizen expert")
        verbose_name_plural = _("citizen experts")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("newsroom:contributor", kwargs={"slug": self.slug})

    def get_preview_template(self, request, mode_name):
        return "newsroom/contributor_detail.html"

    def get_preview_context(self, request, mode_name):
        return {"contributor": self, "debates": []}


class ExpertApplication(models.Model):
    """A reader's offer to write for Versus as a citizen expert ("Devenir expert").

    Arrives through the public form only; editors decide in the admin through
    ``newsroom.services`` (accept turns it into a draft ``Contributor``, decline
    tells the applicant why). The texts are plain text: they are escaped wherever
    they are shown and never rendered as HTML.
    """

    MOTIVATION_MIN = 50
    MOTIVATION_MAX = 2000
    SAMPLE_MIN = 200
    SAMPLE_MAX = 5000
    REASON_MAX = 2000

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"))
    field_of_expertise = models.CharField(_("field of expertise"), max_length=160)
    qualification = models.CharField(
        _("qualification"), max_length=20, choices=Contributor.Qualification.choices
    )
    motivation = models.TextField(
        _("motivation"),
        validators=[
            MinLengthValidator(MOTIVATION_MIN),
            MaxLengthValidator(MOTIVATION_MAX),
        ],
    )
    writing_sample = models.TextField(
        _("writing sample"),
        validators=[MinLengthValidator(SAMPLE_MIN), MaxLengthValidator(SAMPLE_MAX)],
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The applicant's language on the site; our emails to them use it."),
    )
    consented_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decision_reason = models.TextField(
        _("reason for declining"),
        blank=True,
        validators=[MaxLengthValidator(REASON_MAX)],
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contributor = models.ForeignKey(
        Contributor,
        verbose_name=_("citizen expert profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert application")
        verbose_name_plural = _("expert applications")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["email"], name="newsroom_application_email")]
        constraints = [
            # The applicant is always told why; the email quotes the reason.
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(decision_reason=""),
                name="newsroom_declined_application_has_reason",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class Commission(models.Model):
    """The unit of editorial work: a question, two experts, a deadline, a status.

    It turns a poll winner or a newsroom idea into a debate page; the page's draft
    is created from here with both experts filled in.
    """

    class Origin(models.TextChoices):
        READER_POLL = "reader_poll", _("Reader poll")
        NEWSROOM = "newsroom", _("Newsroom")

    class Status(models.TextChoices):
        TO_ASSIGN = "to_assign", _("To assign")
        EXPERTS_CONTACTED = "experts_contacted", _("Experts contacted")
        TEXTS_RECEIVED = "texts_received", _("Texts received")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", pgettext_lazy("commission", "Published")
        ABANDONED = "abandoned", _("Abandoned")

    question = models.CharField(_("question"), max_length=200)
    origin = models.CharField(
        _("origin"), max_length=20, choices=Origin.choices, default=Origin.NEWSROOM
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commissions",
    )
    pour_contributor = models.ForeignKey(
        Contributor,
        verbose_name=_("expert for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commissions_pour",
    )
    contre_contributor = models.ForeignKey(
        Contributor,
        verbose_name=_("expert against"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commissions_contre",
    )
    poll = models.ForeignKey(
        "debates.TopicPollPage",
        verbose_name=_("reader poll"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commissions",
        help_text=_("The poll the question won, when readers chose it."),
    )
    proposal = models.ForeignKey(
        "debates.Proposal",
        verbose_name=_("reader proposal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commissions",
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.TO_ASSIGN
    )
    notes = models.TextField(_("notes"), blank=True)
    debate = models.OneToOneField(
        "debates.DebatePage",
        verbose_name=_("debate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commission",
    )
    created_at = models.DateTimeField(
        pgettext_lazy("field", "created at"), auto_now_add=True
    )

    panels = [
        FieldPanel("question"),
        MultiFieldPanel(
            [
                FieldPanel("origin"),
                FieldPanel("poll", read_only=True),
                FieldPanel("proposal", read_only=True),
                FieldPanel("theme"),
                FieldPanel("status"),
            ],
            heading=_("Filing"),
        ),
        MultiFieldPanel(
            [FieldPanel("pour_contributor"), FieldPanel("contre_contributor")],
            heading=_("Experts"),
        ),
        FieldPanel("deadline"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("commission")
        verbose_name_plural = _("commissions")
        ordering = ["deadline", "pk"]

    def __str__(self):
        return self.question


# --- Print editions -----------------------------------------------------------------

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
