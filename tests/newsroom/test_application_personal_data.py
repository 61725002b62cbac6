"""Expert applications in the reader's data export, and gone with the account."""

import json

import pytest

from accounts import services as account_services
from accounts.factories import EmailAddressFactory
from newsroom.factories import ExpertApplicationFactory
from newsroom.models import Contributor, ExpertApplication


@pytest.mark.django_db
def test_the_export_holds_the_readers_own_applications_only(reader):
    ExpertApplicationFactory(
        email="lea@example.org", field_of_expertise="Urbanisme", declined=True
    )
    EmailAddressFactory(user=reader, email="lea.pro@example.org", primary=False)
    ExpertApplicationFactory(email="lea.pro@example.org", field_of_expertise="Droit")
    EmailAddressFactory(
        user=reader, email="pas-verifiee@example.org", primary=False, verified=False
    )
    ExpertApplicationFactory(email="pas-verifiee@example.org")
    ExpertApplicationFactory(email="autre@example.org")

    data = account_services.export_personal_data(reader)

    applications = data["expert_applications"]
    assert [a["field_of_expertise"] for a in applications] == ["Urbanisme", "Droit"]
    assert applications[0]["status"] == "declined"
    assert applications[0]["decision_reason"]
    assert {"motivation", "writing_sample", "consented_at", "submitted_at"} <= set(
        applications[0]
    )
    # An address the reader has not proved is theirs does not open its applications.
    assert [a["email"] for a in applications] == [
        "lea@example.org",
        "lea.pro@example.org",
    ]
    assert "autre@example.org" not in json.dumps(data)


@pytest.mark.django_db
def test_the_export_download_includes_the_applications(client, home_page, reader):
    ExpertApplicationFactory(email="lea@example.org")
    client.force_login(reader)

    data = json.loads(client.get("/compte/mes-donnees/").content)

    assert len(data["expert_applications"]) == 1


@pytest.mark.django_db
def test_deleting_the_account_erases_the_applications_but_not_the_profile(
    reader, home_page
):
    accepted = ExpertApplicationFactory(email="lea@example.org", accepted=True)
    ExpertApplicationFactory(email="lea@example.org")
    ExpertApplicationFactory(email="autre@example.org")

    account_services.delete_account(reader)

    assert list(ExpertApplication.objects.values_list("email", flat=True)) == [
        "autre@example.org"
    ]
    assert Contributor.objects.filter(pk=accepted.contributor_id).exists()
