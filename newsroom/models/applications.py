from django.conf import settings
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.models.contributors import Contributor


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
