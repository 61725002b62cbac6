import pytest

from accounts import services as account_services
from accounts.factories import UserFactory
from debates import services
from debates.models import Verdict, VerdictTally
from debates.services import VerdictError


def tally(debate) -> VerdictTally:
    return VerdictTally.objects.get(debate=debate)


def counters(debate) -> dict:
    t = tally(debate)
    return {
        "before": t.counts("before"),
        "after": t.counts("after"),
        "both": t.both,
        "changed": t.changed,
    }


@pytest.mark.django_db
def test_a_before_verdict_is_counted_once(debate, voter):
    services.cast_verdict(debate, user=voter, moment="before", stance="pour")

    assert counters(debate)["before"] == {"pour": 1, "contre": 0, "undecided": 0}
    assert Verdict.objects.count() == 1


@pytest.mark.django_db
def test_the_same_before_verdict_twice_changes_nothing(debate, voter):
    services.cast_verdict(debate, user=voter, moment="before", stance="pour")
    services.cast_verdict(debate, user=voter, moment="before", stance="pour")

    assert counters(debate)["before"] == {"pour": 1, "contre": 0, "undecided": 0}
    assert Verdict.objects.count() == 1


@pytest.mark.django_db
def test_changing_the_before_verdict_moves_the_count(debate, voter):
    services.cast_verdict(debate, user=voter, moment="before", stance="pour")
    services.cast_verdict(debate, user=voter, moment="before", stance="undecided")

    assert counters(debate)["before"] == {"pour": 0, "contre": 0, "undecided": 1}
    assert Verdict.objects.get().stance == "undecided"


@pytest.mark.django_db
def test_an_after_verdict_that_differs_counts_as_a_changed_mind(debate, voter):
    services.cast_verdict(debate, user=voter, moment="before", stance="pour")
    services.cast_verdict(debate, user=voter, moment="after", stance="contre")

    assert counters(debate) == {
        "before": {"pour": 1, "contre": 0, "undecided": 0},
        "after": {"pour": 0, "contre": 1, "undecided": 0},
        "both": 1,
        "changed": 1,
    }
    assert tally(debate).changed_percent == 100


@pytest.mark.django_db
def test_an_after_verdict_without_a_before_is_counted_but_not_as_a_change(
    debate, voter
):
    services.cast_verdict(debate, user=voter, moment="after", stance="contre")

    assert counters(debate)["both"] == 0
    assert tally(debate).changed_percent is None
    assert counters(debate)["after"]["contre"] == 1


@pytest.mark.django_db
def test_after_the_after_verdict_nothing_can_change(debate, voter):
    services.cast_verdict(debate, user=voter, moment="before", stance="pour")
    services.cast_verdict(debate, user=voter, moment="after", stance="pour")

    for moment in ("before", "after"):
        with pytest.raises(VerdictError, match="déjà donné votre avis après lecture"):
            services.cast_verdict(debate, user=voter, moment=moment, stance="contre")

    assert counters(debate)["after"] == {"pour": 1, "contre": 0, "undecided": 0}
    assert counters(debate)["before"] == {"pour": 1, "contre": 0, "undecided": 0}
    assert counters(debate)["changed"] == 0


@pytest.mark.parametrize(
    ("moment", "stance"), [("during", "pour"), ("before", "maybe"), ("", "")]
)
@pytest.mark.django_db
def test_unknown_choices_are_refused(debate, voter, moment, stance):
    with pytest.raises(VerdictError):
        services.cast_verdict(debate, user=voter, moment=moment, stance=stance)

    assert not Verdict.objects.exists()


@pytest.mark.django_db
def test_an_unverified_reader_cannot_give_a_verdict(debate):
    reader = UserFactory(email="pas-verifie@example.org")
    services.give_stance_consent(reader)

    with pytest.raises(VerdictError, match="Confirmez votre adresse e-mail"):
        services.cast_verdict(debate, user=reader, moment="before", stance="pour")
    assert not Verdict.objects.exists()


@pytest.mark.django_db
def test_without_consent_nothing_is_recorded(debate):
    reader = UserFactory(email="sans-accord@example.org", verified=True)

    with pytest.raises(VerdictError, match="Votre accord est nécessaire"):
        services.cast_verdict(debate, user=reader, moment="before", stance="pour")
    assert not Verdict.objects.exists()


@pytest.mark.django_db
def test_a_verdict_on_an_unpublished_debate_is_refused(debate, voter):
    debate.unpublish()

    with pytest.raises(VerdictError, match="n'est pas publié"):
        services.cast_verdict(debate, user=voter, moment="before", stance="pour")
    assert not Verdict.objects.exists()


@pytest.mark.django_db
def test_verdicts_are_filed_under_a_pseudonym_not_the_user_id(debate, voter):
    services.cast_verdict(debate, user=voter, moment="before", stance="pour")

    row = Verdict.objects.get()
    assert row.reader_key == services.reader_key(voter)
    assert len(row.reader_key) == 64
    assert str(voter.pk) != row.reader_key
    assert not any(f.name == "user" for f in Verdict._meta.get_fields())


@pytest.mark.django_db
def test_counters_equal_the_rows_after_many_readers(debate, make_voter):
    stances = ["pour", "contre", "undecided", "pour", "pour", "contre"]
    for n, stance in enumerate(stances):
        reader = make_voter(n)
        services.cast_verdict(debate, user=reader, moment="before", stance=stance)
        if n % 2 == 0:  # readers 0, 2, 4: pour, undecided, pour before
            after = "pour" if n == 0 else "contre"
            services.cast_verdict(debate, user=reader, moment="after", stance=after)

    t = tally(debate)
    for moment in ("before", "after"):
        for stance, count in t.counts(moment).items():
            assert (
                count
                == Verdict.objects.filter(
                    debate=debate, moment=moment, stance=stance
                ).count()
            )
    assert (t.both, t.changed) == (3, 2)


@pytest.mark.django_db
def test_shares_always_add_up_to_100(debate, make_voter):
    for n, stance in enumerate(["pour", "contre", "undecided"]):
        services.cast_verdict(
            debate, user=make_voter(n), moment="before", stance=stance
        )

    shares = tally(debate).before
    assert [s["percent"] for s in shares] == [34, 33, 33]
    assert sum(s["percent"] for s in shares) == 100


@pytest.mark.django_db
def test_deleting_the_account_erases_the_stances_but_keeps_the_totals(debate, voter):
    services.cast_verdict(debate, user=voter, moment="before", stance="pour")

    account_services.delete_account(voter)

    assert not Verdict.objects.exists()
    assert counters(debate)["before"]["pour"] == 1


@pytest.mark.django_db
def test_the_reader_s_export_lists_their_verdicts(debate, voter):
    services.cast_verdict(debate, user=voter, moment="before", stance="pour")

    data = account_services.export_personal_data(voter)

    assert data["verdicts"] == [
        {
            "debate": "Faut-il rendre la vaccination obligatoire ?",
            "moment": "before",
            "stance": "pour",
            "given_at": Verdict.objects.get().created_at.isoformat(),
        }
    ]
