from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index


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
        # The public profile lists the expert's debates: the debates room serves it.
        return reverse("experts:contributor", kwargs={"slug": self.slug})

    def get_preview_template(self, request, mode_name):
        return "newsroom/contributor_detail.html"

    def get_preview_context(self, request, mode_name):
        return {"contributor": self}
