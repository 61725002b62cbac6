from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from newsroom.models.contributors import Contributor
from newsroom.models.themes import Theme


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
