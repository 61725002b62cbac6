"""Where readers stand on a debate, before and after reading, and the totals."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Moment(models.TextChoices):
    BEFORE = "before", _("Before reading")
    AFTER = "after", _("After reading")


class Stance(models.TextChoices):
    POUR = "pour", _("For")
    CONTRE = "contre", _("Against")
    UNDECIDED = "undecided", _("No opinion")


class VerdictTally(models.Model):
    """Running totals of a debate's verdicts, updated in the verdict's transaction.

    A page shows these counters; it never counts verdict rows.
    """

    debate = models.OneToOneField(
        "debates.DebatePage",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="tally",
    )
    before_pour = models.PositiveIntegerField(default=0)
    before_contre = models.PositiveIntegerField(default=0)
    before_undecided = models.PositiveIntegerField(default=0)
    after_pour = models.PositiveIntegerField(default=0)
    after_contre = models.PositiveIntegerField(default=0)
    after_undecided = models.PositiveIntegerField(default=0)
    # Readers who gave both verdicts, and those of them whose stance moved.
    both = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("verdict tally")

    def __str__(self):
        return f"{self.debate_id}: {self.before_total} / {self.after_total}"

    def counts(self, moment: str) -> dict[str, int]:
        return {stance: getattr(self, f"{moment}_{stance}") for stance in Stance.values}

    def total(self, moment: str) -> int:
        return sum(self.counts(moment).values())

    def shares(self, moment: str) -> list[dict]:
        """Each stance's count and whole-number share, the shares adding up to 100.

        Largest-remainder rounding: 1/3 each shows as 34, 33, 33, never 33, 33, 33.
        """
        counts = self.counts(moment)
        total = sum(counts.values())
        labels = dict(Stance.choices)
        if not total:
            return [
                {"stance": s, "label": labels[s], "count": 0, "percent": 0}
                for s in counts
            ]
        exact = {s: 100 * c / total for s, c in counts.items()}
        percents = {s: int(v) for s, v in exact.items()}
        leftover = 100 - sum(percents.values())
        for s in sorted(exact, key=lambda s: exact[s] - percents[s], reverse=True)[
            :leftover
        ]:
            percents[s] += 1
        return [
            {
                "stance": s,
                "label": labels[s],
                "count": counts[s],
                "percent": percents[s],
            }
            for s in counts
        ]

    @property
    def before(self) -> list[dict]:
        return self.shares(Moment.BEFORE)

    @property
    def after(self) -> list[dict]:
        return self.shares(Moment.AFTER)

    @property
    def before_total(self) -> int:
        return self.total(Moment.BEFORE)

    @property
    def after_total(self) -> int:
        return self.total(Moment.AFTER)

    @property
    def chart_rows(self) -> list[tuple]:
        return [
            (Moment.BEFORE.label, self.before, self.before_total),
            (Moment.AFTER.label, self.after, self.after_total),
        ]

    @property
    def changed_percent(self) -> int | None:
        return round(100 * self.changed / self.both) if self.both else None


class Verdict(models.Model):
    """Where one reader stood before or after reading.

    A stance reveals a political opinion (GDPR art. 9): it is filed under a keyed
    hash of the reader's id, never the id itself, and only totals are published.
    """

    debate = models.ForeignKey(
        "debates.DebatePage", on_delete=models.CASCADE, related_name="+"
    )
    reader_key = models.CharField(max_length=64, db_index=True)
    moment = models.CharField(max_length=8, choices=Moment.choices)
    stance = models.CharField(max_length=10, choices=Stance.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("verdict")
        constraints = [
            models.UniqueConstraint(
                fields=["debate", "reader_key", "moment"], name="one_verdict_per_moment"
            )
        ]

    def __str__(self):
        return f"{self.debate_id} {self.moment}: {self.stance}"


class StanceConsent(models.Model):
    """The reader's explicit consent to have their stances recorded."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="stance_consent",
    )
    given_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("stance consent")

    def __str__(self):
        return f"{self.user_id} {self.given_at:%Y-%m-%d}"
