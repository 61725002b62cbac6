"""``can_read``: who reads a premium debate whole, and how free reads are counted."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction

from accounts.factories import UserFactory
from debates.factories import DebatePageFactory
from subscriptions.factories import SubscriptionFactory
from subscriptions.models import PremiumRead, Subscription
from subscriptions.paywall import ReadAccess, Reason, can_read, record_premium_read

JAN_31 = datetime.date(2026, 1, 31)
FEB_1 = datetime.date(2026, 2, 1)
JANUARY = datetime.date(2026, 1, 1)
FEBRUARY = datetime.date(2026, 2, 1)


def readers(kind: str, debates):
    """A reader of each kind the table tries, with their history."""
    if kind == "anonymous":
        return AnonymousUser()
    if kind == "unverified":
        return UserFactory(email="sans-adresse@example.org")
    if kind == "superuser":
        return UserFactory(email="admin@example.org", editor=True)
    if kind == "subscriber":
        return SubscriptionFactory().account.user
    if kind == "past_due":
        return SubscriptionFactory(status=Subscription.Status.PAST_DUE).account.user
    if kind == "canceled":
        user = SubscriptionFactory(status=Subscription.Status.CANCELED).account.user
        return user
    user = UserFactory(email=f"{kind}@example.org", verified=True)
    if kind == "over_quota":
        for debate in debates:
            PremiumRead.objects.create(user=user, debate=debate, month=JANUARY)
    return user


@pytest.fixture
def three_read(debate_index):
    return [
        DebatePageFactory(parent=debate_index, premium=True, title=f"Lu n° {n} ?")
        for n in range(3)
    ]


@pytest.mark.parametrize(
    ("kind", "premium", "record", "expected"),
    [
        ("anonymous", False, False, ReadAccess(True, Reason.FREE)),
        ("anonymous", True, True, ReadAccess(False, Reason.ANONYMOUS)),
        ("unverified", True, True, ReadAccess(False, Reason.UNVERIFIED)),
        ("reader", False, True, ReadAccess(True, Reason.FREE)),
        ("reader", True, True, ReadAccess(True, Reason.QUOTA, 2)),
        # Without record, nothing is counted and nothing uncounted is given.
        ("reader", True, False, ReadAccess(False, Reason.QUOTA_LEFT, 3)),
        ("over_quota", True, True, ReadAccess(False, Reason.OVER_QUOTA, 0)),
        ("over_quota", True, False, ReadAccess(False, Reason.OVER_QUOTA, 0)),
        ("subscriber", True, True, ReadAccess(True, Reason.SUBSCRIBER)),
        ("past_due", True, True, ReadAccess(True, Reason.SUBSCRIBER)),
        ("canceled", True, False, ReadAccess(False, Reason.QUOTA_LEFT, 3)),
        ("superuser", True, True, ReadAccess(True, Reason.EDITOR)),
    ],
)
@pytest.mark.django_db
def test_who_reads_a_debate(debate_index, three_read, kind, premium, record, expected):
    debate = DebatePageFactory(parent=debate_index, premium=premium)
    user = readers(kind, three_read)

    access = can_read(user, debate, record=record, today=JAN_31, quota=3)

    assert access == expected
    assert access.allowed is expected.allowed
    if expected.reason not in (Reason.QUOTA,):
        assert not PremiumRead.objects.filter(debate=debate).exists()


@pytest.mark.django_db
def test_editors_and_moderators_read_everything_without_counting(
    premium, editor, home_page
):
    from django.contrib.auth.models import Group

    moderator = UserFactory(email="modo@example.org", verified=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))

    assert can_read(editor, premium, record=True) == ReadAccess(True, Reason.EDITOR)
    assert can_read(moderator, premium, record=True).reason == Reason.EDITOR
    assert not PremiumRead.objects.exists()


@pytest.mark.django_db
def test_an_inactive_account_is_no_editor(premium, editor):
    editor.is_active = False

    assert can_read(editor, premium, record=True).reason != Reason.EDITOR


@pytest.mark.django_db
def test_the_quota_comes_from_the_site_settings(premium, verified_reader):
    from core.models import SiteSettings

    settings = SiteSettings.load()
    assert settings.premium_quota == 3
    settings.premium_quota = 0
    settings.save()

    access = can_read(verified_reader, premium, record=True, today=JAN_31)

    assert access == ReadAccess(False, Reason.OVER_QUOTA, 0)


@pytest.mark.django_db
def test_a_debate_counts_once_a_month_and_again_the_next_month(
    debate_index, verified_reader
):
    a, b, c, d = (
        DebatePageFactory(parent=debate_index, premium=True, title=f"Débat {x} ?")
        for x in "abcd"
    )

    def open_(debate, day):
        return can_read(verified_reader, debate, record=True, today=day, quota=3)

    assert open_(a, JAN_31) == ReadAccess(True, Reason.QUOTA, 2)
    assert open_(a, JAN_31) == ReadAccess(True, Reason.QUOTA, 2)  # not twice
    assert open_(b, JAN_31).remaining == 1
    assert open_(c, JAN_31) == ReadAccess(True, Reason.QUOTA, 0)
    assert open_(d, JAN_31) == ReadAccess(False, Reason.OVER_QUOTA, 0)
    # Reopening a debate already counted this month stays free.
    assert open_(a, JAN_31) == ReadAccess(True, Reason.QUOTA, 0)
    # A new month, a new quota; a debate read last month counts again.
    assert open_(d, FEB_1) == ReadAccess(True, Reason.QUOTA, 2)
    assert open_(a, FEB_1) == ReadAccess(True, Reason.QUOTA, 1)

    rows = PremiumRead.objects.filter(user=verified_reader)
    assert sorted(rows.values_list("month", "debate__title")) == [
        (JANUARY, "Débat a ?"),
        (JANUARY, "Débat b ?"),
        (JANUARY, "Débat c ?"),
        (FEBRUARY, "Débat a ?"),
        (FEBRUARY, "Débat d ?"),
    ]


@pytest.mark.django_db
def test_the_month_is_the_one_in_paris(monkeypatch, premium, verified_reader):
    # 23:30 in London on 31 January is already February in Paris.
    from django.utils import timezone

    monkeypatch.setattr(
        timezone,
        "now",
        lambda: datetime.datetime(2026, 1, 31, 23, 30, tzinfo=datetime.UTC),
    )

    can_read(verified_reader, premium, record=True, quota=3)

    assert PremiumRead.objects.get().month == FEBRUARY


@pytest.mark.django_db
def test_a_read_is_stored_once_even_if_recorded_twice(premium, verified_reader):
    for _ in range(2):
        record_premium_read(verified_reader, debate=premium, month=JANUARY, quota=3)

    assert PremiumRead.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        PremiumRead.objects.create(user=verified_reader, debate=premium, month=JANUARY)
