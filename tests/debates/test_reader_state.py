"""``reader_state`` and ``tally_of`` are written-out SQL: they must answer what the
ORM's own queries answer, whatever the reader has done (run on SQLite and on
PostgreSQL by CI)."""

import pytest
from django.contrib.auth.models import Group, Permission

from accounts.factories import UserFactory
from core.templatetags.userbar_tags import may_enter_admin
from debates import selectors, services
from debates.factories import DebatePageFactory, ReactionFactory
from debates.models import Reaction, Verdict, VerdictTally
from debates.services import reader_key

pytestmark = pytest.mark.django_db


def _orm_state(debate, user) -> selectors.ReaderState:
    """The same answers, from the ORM."""
    verdicts = Verdict.objects.filter(debate=debate, reader_key=reader_key(user))
    pending = Reaction.objects.filter(
        debate=debate, author=user, status=Reaction.Status.PENDING
    ).order_by("created_at", "pk")
    return selectors.ReaderState(
        verdicts=dict(verdicts.values_list("moment", "stance")),
        consented=services.has_consented(user),
        pending=tuple(pending.values_list("text", flat=True)),
        editor=may_enter_admin(user),
        live_url_path=debate.url_path if debate.live else None,
    )


def test_a_reader_who_did_nothing(debate):
    reader = UserFactory(email="rien@example.org", verified=True)

    state = selectors.reader_state(debate.pk, reader)

    assert state == _orm_state(debate, reader)
    assert state == selectors.ReaderState({}, False, (), False, debate.url_path)


def test_an_unpublished_debate_has_no_live_path(debate):
    reader = UserFactory(email="rien@example.org", verified=True)
    debate.unpublish()

    assert selectors.reader_state(debate.pk, reader).live_url_path is None


def test_verdicts_consent_and_waiting_reactions_of_this_debate_only(
    debate, debate_index, voter
):
    other = DebatePageFactory(parent=debate_index, title="Une autre question ?")
    services.cast_verdict(debate, user=voter, moment="before", stance="pour")
    services.cast_verdict(debate, user=voter, moment="after", stance="undecided")
    services.cast_verdict(other, user=voter, moment="before", stance="contre")
    for text in ("Ma première réaction.", "Ma seconde réaction."):
        ReactionFactory(
            debate=debate, author=voter, text=text, status=Reaction.Status.PENDING
        )
    ReactionFactory(debate=debate, author=voter, text="Publiée.")
    ReactionFactory(
        debate=other, author=voter, text="Ailleurs.", status=Reaction.Status.PENDING
    )
    someone = UserFactory(email="autre@example.org", verified=True)
    ReactionFactory(debate=debate, author=someone, text="Pas à moi.", status="pending")

    state = selectors.reader_state(debate.pk, voter)

    assert state == _orm_state(debate, voter)
    assert state.verdicts == {"before": "pour", "after": "undecided"}
    assert state.consented is True
    assert state.pending == ("Ma première réaction.", "Ma seconde réaction.")
    assert state.editor is False


@pytest.mark.parametrize("through", ["group", "own permission", "superuser"])
def test_an_editor_whichever_way_they_hold_the_admin(debate, through):
    user = UserFactory(email="plume@example.org", verified=True)
    if through == "group":
        user.groups.add(Group.objects.get(name="Editors"))
    elif through == "own permission":
        user.user_permissions.add(
            Permission.objects.get(
                content_type__app_label="wagtailadmin", codename="access_admin"
            )
        )
    else:
        user.is_superuser = True
        user.save()

    state = selectors.reader_state(debate.pk, user)

    assert state.editor is True
    assert state == _orm_state(debate, user)


def test_a_group_without_the_admin_makes_no_editor(debate):
    user = UserFactory(email="membre@example.org", verified=True)
    user.groups.add(Group.objects.create(name="Lecteurs fidèles"))

    assert selectors.reader_state(debate.pk, user).editor is False


def test_the_tally_by_id_is_the_tally(debate, make_voter):
    assert selectors.tally_of(debate.pk).before_total == 0
    for n, stance in enumerate(["pour", "pour", "contre"]):
        voter = make_voter(n)
        services.cast_verdict(debate, user=voter, moment="before", stance=stance)
        services.cast_verdict(debate, user=voter, moment="after", stance="contre")

    written_out, orm = (
        selectors.tally_of(debate.pk),
        VerdictTally.objects.get(debate=debate),
    )

    fields = [f.attname for f in orm._meta.concrete_fields]
    assert [getattr(written_out, f) for f in fields] == [
        getattr(orm, f) for f in fields
    ]
    assert written_out.before_pour == 2
    assert written_out.changed == 2
