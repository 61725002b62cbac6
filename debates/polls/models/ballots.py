"""Ballots and the counters kept with them.

The counters live in rows that pages never revise, so that publishing a poll's
new revision cannot overwrite them; each moves in the transaction of the ballot it
counts (``debates.polls.services``).
"""

from django.conf import settings
from django.db import models


class PollTally(models.Model):
    """How many readers have voted in a poll; kept with each ballot."""

    poll = models.OneToOneField(
        "debates.TopicPollPage",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="tally",
    )
    ballots = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.poll_id}: {self.ballots}"


class OptionTally(models.Model):
    """How many ballots chose an option; kept with each ballot."""

    option = models.OneToOneField(
        "debates.PollOption",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="tally",
    )
    poll = models.ForeignKey(
        "debates.TopicPollPage", on_delete=models.CASCADE, related_name="option_tallies"
    )
    votes = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.option_id}: {self.votes}"


class Ballot(models.Model):
    """A reader's ballot in a poll: one per reader and poll, by constraint."""

    poll = models.ForeignKey(
        "debates.TopicPollPage", on_delete=models.CASCADE, related_name="ballots"
    )
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="poll_ballots",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "voter"], name="debates_one_ballot_per_reader"
            )
        ]

    def __str__(self):
        return f"{self.poll_id}/{self.pk}"


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    option = models.ForeignKey(
        "debates.PollOption", on_delete=models.PROTECT, related_name="ballot_choices"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "option"], name="debates_choice_once"
            )
        ]

    def __str__(self):
        return f"{self.ballot_id} → {self.option_id}"


class PollDecision(models.Model):
    """The newsroom's choice between options tied for first place, recorded."""

    poll = models.OneToOneField(
        "debates.TopicPollPage", on_delete=models.CASCADE, related_name="decision"
    )
    winner = models.ForeignKey(
        "debates.PollOption", on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.poll_id} → {self.winner_id}"
