"""The offline Stripe answers with whole objects of the pinned API version: every
property Stripe declares, of the declared type, and nothing else."""

import copy
import decimal
import json

import pytest
import stripe

from payments import gateway
from tests.stripe_fake import derive_schema, objects
from tests.stripe_fake.objects import build, validate
from tests.subscriptions import fake_stripe
from tests.subscriptions.fake_stripe import (
    PRICE,
    checkout_session,
    event,
    invoice,
    subscription,
)

SUBSCRIPTION_STATUSES = objects.schemas()["subscription"]["properties"]["status"][
    "enum"
]
INVOICE_STATUSES = objects.schemas()["invoice"]["properties"]["status"]["enum"]


# --- The extract --------------------------------------------------------------------


def test_the_extract_is_of_the_api_version_the_sdk_is_pinned_to():
    document = json.loads(objects.SCHEMA.read_text())

    assert document["api_version"] == stripe._api_version._ApiVersion.CURRENT
    assert document["api_version"] == gateway.API_VERSION
    assert document["source"]["package"].startswith("stripe@")
    assert document["source"]["openapi_release"].startswith("v")
    assert sorted(document["roots"]) == sorted(derive_schema.ROOTS)


SHAPE_KEYS = {
    "any_of",
    "enum",
    "expandable",
    "format",
    "items",
    "list",
    "nullable",
    "optional",
    "ref",
    "types",
    "values",
}


def _descriptors(desc):
    yield desc
    for key in ("items", "list", "values"):
        if key in desc:
            yield from _descriptors(desc[key])


def test_the_extract_keeps_shapes_not_prose():
    for name, body in objects.schemas().items():
        assert set(body) <= {"object", "properties"}, name
        for prop, desc in body["properties"].items():
            for inner in _descriptors(desc):
                assert set(inner) <= SHAPE_KEYS, f"{name}.{prop}"
                for ref in [inner.get("ref"), *inner.get("any_of", [])]:
                    assert ref is None or ref in objects.schemas(), f"{name}.{prop}"
    price = objects.schemas()["price"]["properties"]
    assert price["unit_amount_decimal"] == {
        "format": "decimal",
        "nullable": True,
        "types": ["string"],
    }
    assert price["created"] == {"types": ["integer"]}
    assert price["product"]["expandable"] == ["product"]
    items = objects.schemas()["subscription"]["properties"]["items"]
    assert items["list"]["ref"] == "subscription_item"


# --- build --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(derive_schema.ROOTS))
def test_every_kind_is_built_whole_and_valid(kind):
    obj = build(kind)

    assert validate(kind, obj) == []
    assert set(obj) == set(objects.schemas()[kind]["properties"])
    assert obj["object"] == kind
    if "livemode" in obj:
        assert obj["livemode"] is False


def test_ids_take_stripes_prefix_and_expandable_fields_are_ids():
    sub = build("subscription")

    assert sub["id"].startswith("sub_fake")
    assert sub["customer"].startswith("cus_fake")
    assert sub["latest_invoice"] is None  # nullable: null until given
    assert sub["items"] == {
        "object": "list",
        "data": [],
        "has_more": False,
        "url": f"/v1/subscription_items?subscription={sub['id']}",
    }


def test_overrides_are_merged_into_nested_objects_and_list_items_completed():
    sub = build(
        "subscription",
        id="sub_9",
        automatic_tax={"enabled": True},
        items={"data": [{"price": {"unit_amount": 900, "unit_amount_decimal": "900"}}]},
        metadata={"plan_id": "3"},
    )

    assert validate("subscription", sub) == []
    assert sub["automatic_tax"]["enabled"] is True
    assert "liability" in sub["automatic_tax"]
    item = sub["items"]["data"][0]
    assert item["object"] == "subscription_item"
    assert item["price"]["unit_amount"] == 900
    assert item["price"]["object"] == "price"
    assert sub["items"]["url"] == "/v1/subscription_items?subscription=sub_9"
    assert sub["metadata"] == {"plan_id": "3"}


def test_a_nullable_object_given_in_part_is_completed():
    inv = build(
        "invoice",
        parent={
            "type": "subscription_details",
            "subscription_details": {"subscription": "sub_9"},
        },
    )

    assert validate("invoice", inv) == []
    assert inv["parent"]["quote_details"] is None
    assert inv["parent"]["subscription_details"]["subscription"] == "sub_9"
    assert "metadata" in inv["parent"]["subscription_details"]


def test_an_expanded_field_is_built_whole_and_checked():
    sub = build("subscription", customer={"id": "cus_7", "object": "customer"})

    assert sub["customer"]["id"] == "cus_7"
    assert set(sub["customer"]) == set(objects.schemas()["customer"]["properties"])
    assert validate("subscription", sub) == []
    sub["customer"]["email"] = 42
    assert validate("subscription", sub) == [
        "subscription.customer.email: integer 42, expected string"
    ]


def test_an_event_about_a_whole_object_validates():
    payload = build("event", type="invoice.paid", data={"object": build("invoice")})

    assert validate("event", payload) == []
    assert payload["data"]["object"]["object"] == "invoice"


# --- The helpers tests call ---------------------------------------------------------


@pytest.mark.parametrize("status", SUBSCRIPTION_STATUSES)
def test_subscriptions_of_every_status_are_whole(status):
    sub = subscription("sub_3", customer="cus_3", status=status)

    assert validate("subscription", sub) == []
    assert (sub["id"], sub["customer"], sub["status"]) == ("sub_3", "cus_3", status)
    assert (sub["ended_at"] is not None) == (status == "canceled")


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"cancel_at_period_end": True},
        {"cancel_at": 1_900_000_000},
        {"period_end": 1_900_000_000, "price": "price_someone_else"},
        {"status": "canceled", "cancel_at": 1_800_000_000},
    ],
)
def test_subscription_helper_keeps_what_the_tests_set(kwargs):
    sub = subscription(**kwargs)

    assert validate("subscription", sub) == []
    assert sub["cancel_at_period_end"] is kwargs.get("cancel_at_period_end", False)
    assert sub["cancel_at"] == kwargs.get("cancel_at")
    item = sub["items"]["data"][0]
    assert item["subscription"] == sub["id"]
    assert item["price"]["id"] == kwargs.get("price", PRICE)
    assert item["price"]["unit_amount_decimal"] == "499"
    assert item["price"]["unit_amount"] == 499
    if "period_end" in kwargs:
        assert item["current_period_end"] == kwargs["period_end"]
    else:
        assert item["current_period_end"] > item["current_period_start"]


@pytest.mark.parametrize("status", INVOICE_STATUSES)
@pytest.mark.parametrize("attempt", [0, 1, 3])
def test_invoices_of_every_status_are_whole(status, attempt):
    inv = invoice(
        "in_4", sub_id="sub_4", customer="cus_4", status=status, attempt=attempt
    )

    assert validate("invoice", inv) == []
    assert inv["parent"]["subscription_details"]["subscription"] == "sub_4"
    assert inv["customer"] == "cus_4"
    assert inv["attempt_count"] == attempt
    assert inv["amount_paid"] == (499 if status == "paid" else 0)
    assert [line["subscription"] for line in inv["lines"]["data"]] == ["sub_4"]
    assert inv["lines"]["url"] == "/v1/invoices/in_4/lines"


def test_checkout_session_helper_is_whole():
    session = checkout_session(sub_id="sub_5", customer="cus_5", user_id=12)

    assert validate("checkout.session", session) == []
    assert (session["mode"], session["subscription"], session["customer"]) == (
        "subscription",
        "sub_5",
        "cus_5",
    )
    assert session["client_reference_id"] == "12"


@pytest.mark.parametrize(
    ("event_type", "obj"),
    [
        ("customer.subscription.created", subscription()),
        ("customer.subscription.deleted", subscription(status="canceled")),
        ("invoice.payment_failed", invoice(status="open", attempt=2)),
        ("checkout.session.completed", checkout_session()),
    ],
)
@pytest.mark.parametrize("livemode", [False, True])
def test_event_helper_is_whole_and_so_is_its_object(event_type, obj, livemode):
    payload = event(event_type, obj, event_id="evt_x", livemode=livemode)

    assert validate("event", payload) == []
    assert payload["id"] == "evt_x"
    assert payload["type"] == event_type
    assert payload["livemode"] is livemode
    assert payload["api_version"] == stripe._api_version._ApiVersion.CURRENT
    assert payload["data"]["object"] is obj  # as before: the caller's object


def test_the_pinned_sdk_reads_the_fake_objects_with_their_declared_types():
    sub = stripe.Subscription.construct_from(subscription(), "sk_test_versus")
    inv = stripe.Invoice.construct_from(invoice(), "sk_test_versus")

    item = sub["items"]["data"][0]
    assert item.price.unit_amount_decimal == decimal.Decimal("499")
    assert item.current_period_end > item.current_period_start
    assert inv.parent.subscription_details.subscription == "sub_1"


def test_the_module_keeps_its_public_names():
    for name in ("FakeStripeHTTP", "PRICE", "signed", "subscription", "invoice"):
        assert hasattr(fake_stripe, name)
    assert callable(fake_stripe.checkout_session)
    assert callable(fake_stripe.event)


# --- validate finds what is wrong ---------------------------------------------------


def test_a_missing_property_is_reported():
    sub = subscription()
    del sub["customer"]

    assert validate("subscription", sub) == ["subscription.customer: missing"]


def test_an_undeclared_property_is_reported():
    sub = subscription()
    sub["plan_name"] = "Versus"

    assert validate("subscription", sub) == [
        "subscription.plan_name: undeclared property"
    ]


def test_a_decimal_given_as_a_number_is_reported():
    sub = subscription()
    sub["items"]["data"][0]["price"]["unit_amount_decimal"] = 499

    assert validate("subscription", sub) == [
        "subscription.items.data[0].price.unit_amount_decimal: "
        "integer 499, expected string"
    ]


def test_a_decimal_string_that_is_no_number_is_reported():
    sub = subscription()
    sub["items"]["data"][0]["price"]["unit_amount_decimal"] = "4,99"

    assert validate("subscription", sub) == [
        "subscription.items.data[0].price.unit_amount_decimal: "
        "'4,99' is not a decimal string"
    ]


def test_a_value_outside_the_enum_is_reported():
    sub = subscription(status="ended")

    (error,) = validate("subscription", sub)
    assert error.startswith("subscription.status: 'ended' is not one of ['active',")


def test_null_where_stripe_sends_none_is_reported():
    inv = invoice()
    inv["currency"] = None

    assert validate("invoice", inv) == [
        "invoice.currency: null, but Stripe never sends null here"
    ]


def test_a_wrong_type_deep_in_an_event_object_is_reported():
    sub = subscription()
    sub["items"]["data"][0]["current_period_end"] = "2026-12-01"
    payload = event("customer.subscription.updated", sub)

    assert validate("event", payload) == [
        "event.data.object.items.data[0].current_period_end: "
        "string '2026-12-01', expected integer"
    ]


def test_a_trimmed_list_is_reported():
    inv = invoice()
    del inv["lines"]["url"]

    assert validate("invoice", inv) == ["invoice.lines.url: missing"]


def test_an_expanded_field_of_the_wrong_kind_is_reported():
    sub = subscription()
    sub["customer"] = build("invoice")

    assert validate("subscription", sub) == [
        "subscription.customer: expanded to 'invoice', expected ['customer']"
    ]


def test_the_trimmed_objects_of_before_are_far_from_whole():
    trimmed = {
        "id": "sub_1",
        "object": "subscription",
        "customer": "cus_1",
        "status": "active",
    }

    errors = validate("subscription", trimmed)
    assert "subscription.items: missing" in errors
    assert "subscription.created: missing" in errors
    assert len(errors) > 30


def test_validate_does_not_change_what_it_checks():
    sub = subscription()
    before = copy.deepcopy(sub)

    validate("subscription", sub)

    assert sub == before


# --- The description reader ---------------------------------------------------------


def test_the_openapi_reader_keeps_types_and_does_not_follow_expandable_fields():
    string = {"maxLength": 5000, "type": "string"}
    spec = {
        "info": {"version": "2026-10-28.endive"},
        "components": {
            "schemas": {
                "price": {
                    "properties": {
                        "object": {"enum": ["price"], "type": "string"},
                        "id": string,
                        "created": {"format": "unix-time", "type": "integer"},
                        "unit_amount_decimal": {
                            "format": "decimal",
                            "nullable": True,
                            "type": "string",
                        },
                        "product": {
                            "anyOf": [string, {"$ref": "#/components/schemas/product"}],
                            "x-expansionResources": {
                                "oneOf": [{"$ref": "#/components/schemas/product"}]
                            },
                        },
                        "recurring": {
                            "anyOf": [{"$ref": "#/components/schemas/recurring"}],
                            "nullable": True,
                        },
                        "tiers": {
                            "items": {"$ref": "#/components/schemas/price_tier"},
                            "type": "array",
                        },
                    },
                    "required": ["object", "id", "created", "product", "recurring"],
                },
                "recurring": {
                    "properties": {
                        "interval": {"enum": ["month", "year"], "type": "string"}
                    },
                    "required": ["interval"],
                },
                "price_tier": {
                    "properties": {"up_to": {"nullable": True, "type": "integer"}},
                    "required": ["up_to"],
                },
                "product": {"properties": {"id": string}},
            }
        },
    }

    version, _source, schemas = derive_schema.from_openapi(spec, roots=["price"])

    assert version == "2026-10-28.endive"
    assert sorted(schemas) == ["price", "price_tier", "recurring"]  # not product
    props = schemas["price"]["properties"]
    assert props["product"] == {
        "expandable": ["product"],
        "types": ["object", "string"],
    }
    assert props["recurring"] == {
        "nullable": True,
        "ref": "recurring",
        "types": ["object"],
    }
    assert props["created"] == {"format": "unix-time", "types": ["integer"]}
    assert props["unit_amount_decimal"]["optional"] is True
    assert props["tiers"]["items"] == {"ref": "price_tier", "types": ["object"]}
    assert schemas["price"]["object"] == "price"
