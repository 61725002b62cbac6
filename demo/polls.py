"""The demo topics, from ``proposals.yaml`` and ``polls.yaml``: readers'
proposals with their supporters, and polls with the panel's ballots, all through
the polls' services so that the counters are the ones readers would make."""

import datetime

from django.utils import timezone

from debates.factories import (
    PollIndexPageFactory,
    ProposalFactory,
    TopicPollPageFactory,
)
from debates.polls import services
from debates.polls.models import PollIndexPage, TopicPollPage
from newsroom.models import Commission, Theme

__all__ = ["seed_polls"]


def seed_polls(home, data: dict, *, people: dict, panel: list, stdout) -> None:
    """The polls index, the proposals and the polls, unless the index is there.

    ``people`` are the accounts and the panel's readers by email."""
    if PollIndexPage.objects.exists():
        return
    index = PollIndexPageFactory(parent=home, **data["sections"]["polls"])
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    proposals = {}
    for spec in data["proposals"]:
        author = people[spec["author"]]
        proposal = ProposalFactory(
            author=author,
            question=spec["question"],
            why=spec["why"],
            theme=themes.get(spec["theme"]),
            status=spec["status"],
        )
        # The supporters are the panel's readers after the author.
        start = panel.index(author) + 1 if author in panel else 0
        for supporter in panel[start : start + spec["supporters"]]:
            services.support(proposal, user=supporter)
        proposals[spec["question"]] = proposal

    now = timezone.now()
    polls = []
    for spec in data["polls"]:
        options = [
            proposals[text] if kind == "proposal" else text
            for kind, text in spec["options"]
        ]
        # Ballots are cast while the poll is open, as a reader's would be; then
        # the poll takes its dates, which may be in the past.
        poll = TopicPollPageFactory(
            parent=index,
            title=spec["title"],
            intro=spec["intro"],
            rule=spec["rule"],
            max_choices=spec["max_choices"],
            options=options,
        )
        first = people[spec["first_voter"]] if spec["first_voter"] else panel[0]
        _vote(poll, panel[panel.index(first) :], spec["ballots"])
        TopicPollPage.objects.filter(pk=poll.pk).update(
            opens_at=now + datetime.timedelta(days=spec["opens"]),
            closes_at=now + datetime.timedelta(days=spec["closes"]),
        )
        poll.refresh_from_db()
        if spec["commissioned"] is not None:
            winner = options[spec["commissioned"] - 1]
            question = winner if isinstance(winner, str) else winner.question
            Commission.objects.filter(question=question).update(
                poll=poll, proposal=None if isinstance(winner, str) else winner
            )
        polls.append(poll)
    slugs = ", ".join(poll.slug for poll in reversed(polls))
    stdout.write(f"  polls /{index.slug}/ ({slugs})")


def _vote(poll, voters, ballots) -> None:
    """One ballot per voter, each the numbers (from 1) of the options chosen."""
    options = list(poll.options.order_by("sort_order"))
    for voter, ballot in zip(voters, ballots, strict=False):
        chosen = [options[number - 1].pk for number in ballot]
        services.cast_ballot(poll, user=voter, option_ids=chosen)
