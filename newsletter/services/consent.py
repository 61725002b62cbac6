"""Readers' consent: asking, confirming, choosing in « Mon compte », leaving.

Every change of a subscription writes a ``ConsentEvent`` in the same transaction,
so the log and the state cannot disagree. Anyone may ask for the newsletter with
an address alone, so asking only ever sends a confirmation email (double
opt-in), never subscribes, and answers the same whatever the address's state.
"""

import datetime

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.outbox import owe_email
from newsletter import tokens
from newsletter.models import (
    ConsentEvent,
    Delivery,
    Newsletter,
    Subscriber,
    Subscription,
    Suppression,
)
from newsletter.selectors import default_newsletter

Source = ConsentEvent.Source
Kind = ConsentEvent.Kind
Status = Subscription.Status

# No second confirmation email to the same address within this delay.
CONFIRMATION_GUARD = datetime.timedelta(hours=1)
SIGNUP_SOURCES = {Source.HOME, Source.DEBATE, Source.FOOTER}


def normalise(email: str) -> str:
    return email.strip().lower()


def _log(
    subscription: Subscription, kind: str, source: str, now, detail="", issue_id=None
):
    ConsentEvent.objects.create(
        subscriber=subscription.subscriber,
        newsletter=subscription.newsletter,
        kind=kind,
        source=source,
        address=subscription.subscriber.address,
        at=now,
        detail=detail[:200],
        issue_id=issue_id,
    )


def _subscriber_for(email: str) -> Subscriber:
    subscriber = Subscriber.objects.filter(email__iexact=email).first()
    if subscriber is not None:
        return subscriber
    try:
        with transaction.atomic():
            return Subscriber.objects.create(email=email)
    except IntegrityError:  # the same address, asked for at the same moment
        return Subscriber.objects.get(email__iexact=email)


@transaction.atomic
def request_subscription(
    email: str, *, source: str, newsletters=None, now=None
) -> None:
    """Record the request and owe a confirmation email, at most one an hour.

    Returns nothing on purpose: the caller must answer the same whether the
    address was new, pending, unsubscribed or already subscribed."""
    now = now or timezone.now()
    email = normalise(email)
    if newsletters is None:
        newsletters = [n for n in [default_newsletter()] if n is not None]
    subscriber = _subscriber_for(email)
    pending = False
    for newsletter in newsletters:
        subscription, _created = Subscription.objects.get_or_create(
            subscriber=subscriber,
            newsletter=newsletter,
            defaults={"requested_at": now},
        )
        if subscription.status == Status.ACTIVE:
            continue
        subscription.status = Status.PENDING
        subscription.requested_at = now
        subscription.save(update_fields=["status", "requested_at"])
        _log(subscription, Kind.REQUESTED, source, now)
        pending = True
    if not pending:
        return
    # One update decides, so two requests at once send one email.
    guarded = Subscriber.objects.filter(pk=subscriber.pk).filter(
        Q(confirmation_sent_at__isnull=True)
        | Q(confirmation_sent_at__lte=now - CONFIRMATION_GUARD)
    )
    if not guarded.update(confirmation_sent_at=now):
        return
    owe_email(
        "newsletter.emails.confirmation",
        to=email,
        language=translation.get_language(),
        email=email,
        token=tokens.confirmation_token(
            subscriber_id=subscriber.pk, email=email, source=source
        ),
    )


@transaction.atomic
def confirm_subscription(token: str, *, now=None) -> list[Newsletter]:
    """Confirm the lists the request asked for; the link may be followed twice.
    Raises ``tokens.InvalidLink`` for a changed or expired link."""
    now = now or timezone.now()
    data = tokens.read_confirmation(token)
    subscriber = (
        Subscriber.objects.select_for_update()
        .filter(pk=data["s"], email__iexact=data["e"])
        .first()
    )
    if subscriber is None:
        raise tokens.InvalidLink(expired=False)
    confirmed = []
    for subscription in subscriber.subscriptions.select_related("newsletter"):
        if subscription.status == Status.PENDING:
            subscription.status = Status.ACTIVE
            subscription.confirmed_at = now
            subscription.save(update_fields=["status", "confirmed_at"])
            _log(subscription, Kind.CONFIRMED, Source.LINK, now, detail=data["src"])
        if subscription.status == Status.ACTIVE:
            confirmed.append(subscription.newsletter)
    return confirmed


def _unsubscribe(
    subscription: Subscription, *, source: str, now, detail="", issue_id=None
) -> bool:
    if subscription.status == Status.UNSUBSCRIBED:
        return False
    subscription.status = Status.UNSUBSCRIBED
    subscription.unsubscribed_at = now
    subscription.save(update_fields=["status", "unsubscribed_at"])
    _log(subscription, Kind.UNSUBSCRIBED, source, now, detail=detail, issue_id=issue_id)
    return True


def _issue_of_link(token: str, subscriber_id: int, newsletter_id: int) -> int | None:
    """The issue whose email carried this link: the last one of the list handed
    to the provider for this reader before the link was signed. A batch marks
    its rows handed, then signs each reader's link; the signature's clock counts
    whole seconds, hence the second of slack."""
    signed_at = tokens.unsubscribe_signed_at(token)
    return (
        Delivery.objects.filter(
            subscriber_id=subscriber_id,
            issue__newsletter_id=newsletter_id,
            handed_at__lt=signed_at + datetime.timedelta(seconds=1),
        )
        .order_by("-handed_at", "-pk")
        .values_list("issue_id", flat=True)
        .first()
    )


@transaction.atomic
def unsubscribe_by_token(token: str, *, source: str, now=None) -> Newsletter:
    """The one-click unsubscription (RFC 8058) and the link in the email.
    Idempotent; raises ``tokens.InvalidLink`` for a bad link."""
    subscriber_id, newsletter_id = tokens.read_unsubscribe(token)
    subscription = (
        Subscription.objects.select_for_update(of=("self",))
        .select_related("subscriber__user", "newsletter")
        .filter(subscriber_id=subscriber_id, newsletter_id=newsletter_id)
        .first()
    )
    if subscription is None:
        raise tokens.InvalidLink(expired=False)
    _unsubscribe(
        subscription,
        source=source,
        now=now or timezone.now(),
        issue_id=_issue_of_link(token, subscriber_id, newsletter_id),
    )
    return subscription.newsletter


def read_unsubscribe_link(token: str) -> Subscription:
    """What the unsubscription page shows before the button is pressed."""
    subscriber_id, newsletter_id = tokens.read_unsubscribe(token)
    subscription = (
        Subscription.objects.select_related("newsletter", "subscriber__user")
        .filter(subscriber_id=subscriber_id, newsletter_id=newsletter_id)
        .first()
    )
    if subscription is None:
        raise tokens.InvalidLink(expired=False)
    return subscription


@transaction.atomic
def unsubscribe_address(
    address: str, *, source: str, detail="", issue_id=None, now=None
) -> int:
    """Every list of an address (the provider's unsubscribe event); ``issue_id``
    names the issue whose email the reader left from, when the event says."""
    now = now or timezone.now()
    address = normalise(address)
    subscriptions = Subscription.objects.select_related(
        "subscriber__user", "newsletter"
    ).filter(
        Q(subscriber__email__iexact=address)
        | Q(subscriber__user__email__iexact=address)
    )
    return sum(
        _unsubscribe(s, source=source, now=now, detail=detail, issue_id=issue_id)
        for s in subscriptions
    )


def _account_subscriber(user) -> Subscriber:
    subscriber = Subscriber.objects.filter(user=user).first()
    if subscriber is not None:
        return subscriber
    subscriber = Subscriber.objects.filter(email__iexact=user.email).first()
    if subscriber is None:
        return Subscriber.objects.create(email=normalise(user.email), user=user)
    if subscriber.user_id is not None:
        raise DomainError(_("This address already receives our newsletters."))
    subscriber.user = user
    subscriber.save(update_fields=["user"])
    return subscriber


@transaction.atomic
def set_account_choices(user, *, newsletters, now=None) -> None:
    """The lists ticked in « Mon compte ». The account's address is verified
    (allauth asks for it), so ticking is consent given from the mailbox's owner;
    an unverified address is refused."""
    now = now or timezone.now()
    if not EmailAddress.objects.filter(
        user=user, email__iexact=user.email, verified=True
    ).exists():
        raise DomainError(
            _("Confirm your email address first: we only write to a verified address.")
        )
    subscriber = _account_subscriber(user)
    wanted = {newsletter.pk for newsletter in newsletters}
    existing = {s.newsletter_id: s for s in subscriber.subscriptions.all()}
    for newsletter in Newsletter.objects.filter(active=True):
        subscription = existing.get(newsletter.pk)
        if subscription is None:
            if newsletter.pk not in wanted:
                continue  # never asked for: nothing to record
            subscription = Subscription.objects.create(
                subscriber=subscriber,
                newsletter=newsletter,
                requested_at=now,
                status=Status.PENDING,
            )
        subscription.subscriber = subscriber
        if newsletter.pk in wanted and subscription.status != Status.ACTIVE:
            subscription.status = Status.ACTIVE
            subscription.requested_at = subscription.confirmed_at = now
            subscription.save(update_fields=["status", "requested_at", "confirmed_at"])
            _log(subscription, Kind.REQUESTED, Source.ACCOUNT, now)
            _log(subscription, Kind.CONFIRMED, Source.ACCOUNT, now)
        elif newsletter.pk not in wanted and subscription.status != Status.UNSUBSCRIBED:
            _unsubscribe(subscription, source=Source.ACCOUNT, now=now)


def account_choices(user) -> dict:
    """For « Mon compte »: the lists, which are ticked, and where they go (two
    queries)."""
    ticked = Subscription.objects.filter(
        newsletter=OuterRef("pk"), subscriber__user=user, status=Status.ACTIVE
    )
    newsletters = list(
        Newsletter.objects.filter(active=True).annotate(ticked=Exists(ticked))
    )
    return {
        "newsletters": newsletters,
        "active": {newsletter.pk for newsletter in newsletters if newsletter.ticked},
        "address": user.email,
        "suppressed": Suppression.objects.filter(
            address=normalise(user.email)
        ).exists(),
    }


# --- Personal data (accounts.personal_data) ------------------------------------


def export_for_user(user) -> dict:
    subscriber = Subscriber.objects.filter(user=user).first()
    if subscriber is None:
        return {"address": user.email, "subscriptions": [], "consent_log": []}
    return {
        "address": subscriber.address,
        "suppressed": Suppression.objects.filter(
            address=normalise(subscriber.address)
        ).exists(),
        "subscriptions": [
            {
                "newsletter": s.newsletter.name,
                "status": s.status,
                "requested_at": s.requested_at.isoformat(),
                "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
                "unsubscribed_at": (
                    s.unsubscribed_at.isoformat() if s.unsubscribed_at else None
                ),
            }
            for s in subscriber.subscriptions.select_related("newsletter")
        ],
        "consent_log": [
            {
                "newsletter": event.newsletter.name,
                "event": event.kind,
                "source": event.source,
                "address": event.address,
                "at": event.at.isoformat(),
            }
            for event in subscriber.consent_events.select_related("newsletter")
        ],
    }


def forget_user(user) -> None:
    """Before the account goes: every list is left, and recorded as left.

    The subscriber row and its log stay, unlinked, as the proof that consent was
    given and withdrawn (and so that no later issue goes to the address)."""
    subscriber = Subscriber.objects.filter(user=user).first()
    if subscriber is None:
        return
    now = timezone.now()
    address = normalise(user.email)
    taken = Subscriber.objects.filter(email__iexact=address).exclude(pk=subscriber.pk)
    if address and not taken.exists():
        subscriber.email = address
        subscriber.save(update_fields=["email"])
    for subscription in subscriber.subscriptions.select_related("newsletter"):
        _unsubscribe(subscription, source=Source.ACCOUNT_DELETION, now=now)
