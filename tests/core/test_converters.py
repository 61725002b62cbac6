import pytest
from django.urls import resolve, reverse

from core.converters import IdConverter


def test_an_id_of_up_to_eighteen_digits_resolves_to_an_int():
    match = resolve(f"/avis/verdict/{'9' * 18}/")

    assert match.kwargs == {"page_id": 999_999_999_999_999_999}
    assert reverse("debates:verdict", args=[42]) == "/avis/verdict/42/"


@pytest.mark.parametrize("value", ["9" * 19, "9" * 20, "-1", "1e3", "٣", "x"])
def test_a_longer_number_or_anything_else_is_no_id(value):
    # Wagtail's page serving takes what no pattern of ours does: a 404 there.
    assert resolve(f"/avis/verdict/{value}/").url_name == "wagtail_serve"


def test_every_id_fits_a_64_bit_integer():
    assert int("9" * 18) < 2**63 - 1
    assert IdConverter().to_url("7") == "7"
