"""Whole Stripe objects, as the pinned API version sends them, and a check that an
object has that shape.

``build("subscription", status="past_due")`` gives a subscription with every
property Stripe declares for it: the ones given, and for the rest the value a
fresh object of that kind would plausibly carry (null where Stripe allows null,
an empty list object for a list, a nested object built the same way where one is
required). ``validate(kind, obj)`` lists what keeps ``obj`` from being such an
object; tests use it to hold the fake to Stripe's shapes.
"""

import decimal
import itertools
import json
import time
from functools import cache
from pathlib import Path

SCHEMA = Path(__file__).with_name("schema.json")

# Stripe's id prefixes, by ``object``; ids made here read ``cus_fake12``.
PREFIXES = {
    "account": "acct",
    "application": "ca",
    "bank_account": "ba",
    "card": "card",
    "charge": "ch",
    "checkout.session": "cs_test",
    "coupon": "co",
    "credit_note": "cn",
    "credit_note_line_item": "cnli",
    "customer": "cus",
    "discount": "di",
    "event": "evt",
    "invoice": "in",
    "invoice_payment": "inpay",
    "invoiceitem": "ii",
    "item": "li",
    "line_item": "il",
    "payment_intent": "pi",
    "payment_method": "pm",
    "person": "person",
    "plan": "plan",
    "price": "price",
    "product": "prod",
    "refund": "re",
    "setup_intent": "seti",
    "source": "src",
    "subscription": "sub",
    "subscription_item": "si",
    "tax_rate": "txr",
}

# Where Stripe's objects say an embedded list can be paged on; ``{id}`` is the
# embedding object's id. Other lists get ``/v1/<object>s/<id>/<property>``, a
# guess of the same form.
LIST_URLS = {
    ("account", "external_accounts"): "/v1/accounts/{id}/external_accounts",
    ("checkout.session", "line_items"): "/v1/checkout/sessions/{id}/line_items",
    ("credit_note", "lines"): "/v1/credit_notes/{id}/lines",
    ("customer", "sources"): "/v1/customers/{id}/sources",
    ("customer", "subscriptions"): "/v1/customers/{id}/subscriptions",
    ("customer", "tax_ids"): "/v1/customers/{id}/tax_ids",
    ("invoice", "lines"): "/v1/invoices/{id}/lines",
    ("subscription", "items"): "/v1/subscription_items?subscription={id}",
}

_ids = itertools.count(1)


@cache
def _document() -> dict:
    return json.loads(SCHEMA.read_text())


def schemas() -> dict:
    return _document()["schemas"]


def api_version() -> str:
    return _document()["api_version"]


def kinds() -> list[str]:
    return list(_document()["roots"])


@cache
def _by_object() -> dict:
    """Schema name by ``object`` value, the roots first."""
    out = {}
    for name, body in sorted(
        schemas().items(), key=lambda item: item[0] not in _document()["roots"]
    ):
        if "object" in body:
            out.setdefault(body["object"], name)
    return out


def new_id(obj: str) -> str:
    return f"{PREFIXES.get(obj, obj.replace('.', '_'))}_fake{next(_ids)}"


def _list_url(owner_object: str | None, owner_id: str | None, prop: str) -> str:
    template = LIST_URLS.get((owner_object, prop))
    if template and owner_id:
        return template.format(id=owner_id)
    base = (owner_object or "object").replace(".", "/")
    return f"/v1/{base}s/{owner_id}/{prop}" if owner_id else f"/v1/{base}s"


# --- Building ---------------------------------------------------------------------


def _default(desc: dict, owner: dict, prop: str, stack: tuple):
    if prop == "metadata" and "values" in desc:
        return {}  # declared nullable on some objects, yet Stripe sends {} there
    if desc.get("nullable"):
        return None
    types = desc.get("types", [])
    if "expandable" in desc:
        return new_id(desc["expandable"][0])
    if "list" in desc:
        return {
            "object": "list",
            "data": [],
            "has_more": False,
            "url": _list_url(owner.get("object"), owner.get("id"), prop),
        }
    if "ref" in desc:
        return _build_schema(desc["ref"], {}, stack)
    if "any_of" in desc:
        return _build_schema(desc["any_of"][0], {}, stack)
    if "enum" in desc:
        return desc["enum"][0]
    if not types:
        return None
    kind = types[0]
    if kind == "object":
        return {}
    if kind == "array":
        return []
    if kind == "boolean":
        return False
    if kind in ("integer", "number"):
        return int(time.time()) if prop == "created" else 0
    if desc.get("format") == "decimal":
        return "0"
    if prop.endswith("currency"):
        return "eur"
    return ""


def _build_schema(name: str, overrides: dict, stack: tuple = ()) -> dict:
    body = schemas()[name]
    if name in stack:  # a required object nested in itself: Stripe would not send it
        raise RecursionError(f"{' > '.join(stack)} > {name}")
    stack = (*stack, name)
    props = body["properties"]
    obj: dict = {}
    # The object's identity first: list urls and ids of what it holds use it.
    if "object" in body:
        obj["object"] = body["object"]
    if "id" in props:
        obj["id"] = overrides.get("id") or new_id(body.get("object", name))
    for prop, desc in props.items():
        if prop not in obj:
            obj[prop] = _default(desc, obj, prop, stack)
    return _merge_into(name, obj, overrides, stack)


def _merge_value(desc: dict | None, base, override, owner: dict, prop: str, stack):
    if desc is None or not isinstance(override, (dict, list)):
        return override
    if isinstance(override, list):
        item = desc.get("items")
        if item is None:
            return override
        return [
            _merge_value(item, None, value, owner, prop, stack) for value in override
        ]
    if "ref" in desc:
        if not isinstance(base, dict):
            base = _build_schema(desc["ref"], {}, stack)
        return _merge_into(desc["ref"], base, override, stack)
    target = None
    if "any_of" in desc:
        target = _by_object().get(override.get("object")) or desc["any_of"][0]
    elif "expandable" in desc:
        # An expanded object: whole, like the one it stands for.
        wanted = override.get("object") or desc["expandable"][0]
        target = _by_object().get(wanted)
        if override.get("deleted") or target is None:
            return override
    if target is not None:
        if not isinstance(base, dict) or base.get("object") != override.get(
            "object", base.get("object")
        ):
            identity = {"id": override["id"]} if override.get("id") else {}
            base = _build_schema(target, identity, stack)
        return _merge_into(target, base, override, stack)
    if "list" in desc:
        if not isinstance(base, dict):
            base = _default({**desc, "nullable": False}, owner, prop, stack)
        merged = dict(base)
        for key, value in override.items():
            if key == "data" and isinstance(value, list):
                value = [
                    _merge_value(desc["list"], None, item, owner, prop, stack)
                    for item in value
                ]
            merged[key] = value
        return merged
    if "values" in desc:
        merged = dict(base) if isinstance(base, dict) else {}
        for key, value in override.items():
            merged[key] = _merge_value(
                desc["values"], merged.get(key), value, owner, key, stack
            )
        return merged
    if isinstance(base, dict):
        return _deep_merge(base, override)
    return override


def _deep_merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _merge_into(name: str, obj: dict, overrides: dict, stack: tuple) -> dict:
    props = schemas()[name]["properties"]
    merged = dict(obj)
    for key, value in overrides.items():
        merged[key] = _merge_value(
            props.get(key), merged.get(key), value, obj, key, stack
        )
    return merged


def build(kind: str, **overrides) -> dict:
    """A whole ``kind`` object (``"subscription"``, ``"checkout.session"``...):
    ``overrides`` merged into it key by key, nested objects included; a list given
    replaces the default one, each of its objects completed the same way."""
    name = kind if kind in schemas() else _by_object()[kind]
    return _build_schema(name, overrides)


# --- Validating -------------------------------------------------------------------


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return type(value).__name__


def _type_ok(value, types: list[str]) -> bool:
    actual = _json_type(value)
    return actual in types or (actual == "integer" and "number" in types)


def _short(values: list) -> str:
    shown = ", ".join(map(repr, values[:8]))
    return f"[{shown}{', ...' if len(values) > 8 else ''}]"


def _check_value(desc: dict, value, path: str, errors: list) -> None:
    if value is None:
        if not desc.get("nullable"):
            errors.append(f"{path}: null, but Stripe never sends null here")
        return
    types = desc.get("types", [])
    if not types:
        return
    if not _type_ok(value, types):
        errors.append(
            f"{path}: {_json_type(value)} {value!r:.60}, expected {' or '.join(types)}"
        )
        return
    if "enum" in desc and value not in desc["enum"]:
        errors.append(f"{path}: {value!r} is not one of {_short(desc['enum'])}")
    if desc.get("format") == "decimal":
        try:
            decimal.Decimal(value)
        except decimal.InvalidOperation:
            errors.append(f"{path}: {value!r} is not a decimal string")
    if "expandable" in desc:
        if isinstance(value, dict):
            _check_expanded(desc, value, path, errors)
        return
    if "ref" in desc:
        _check_schema(desc["ref"], value, path, errors)
    elif "any_of" in desc:
        _check_any_of(desc["any_of"], value, path, errors)
    elif "list" in desc:
        _check_list(desc["list"], value, path, errors)
    elif "values" in desc:
        for key, item in value.items():
            _check_value(desc["values"], item, f"{path}.{key}", errors)
    elif "items" in desc:
        for index, item in enumerate(value):
            _check_value(desc["items"], item, f"{path}[{index}]", errors)


def _check_expanded(desc: dict, value: dict, path: str, errors: list) -> None:
    obj = value.get("object")
    if obj not in desc["expandable"]:
        errors.append(
            f"{path}: expanded to {obj!r}, expected {_short(desc['expandable'])}"
        )
        return
    if value.get("deleted") is True:
        return  # a deleted object's stub: id, object and deleted
    name = _by_object().get(obj)
    if name is not None:
        _check_schema(name, value, path, errors)


def _check_any_of(names: list[str], value: dict, path: str, errors: list) -> None:
    by_object = {schemas()[n].get("object"): n for n in names}
    if value.get("object") in by_object:
        _check_schema(by_object[value["object"]], value, path, errors)
    else:
        errors.append(
            f"{path}: object {value.get('object')!r}, expected one of "
            f"{_short(sorted(o for o in by_object if o))}"
        )


def _check_list(item: dict, value: dict, path: str, errors: list) -> None:
    expected = {"object": "list", "data": list, "has_more": bool, "url": str}
    for key in sorted(set(value) - set(expected)):
        errors.append(f"{path}.{key}: undeclared property of a list")
    for key, want in expected.items():
        if key not in value:
            errors.append(f"{path}.{key}: missing")
        elif isinstance(want, str):
            if value[key] != want:
                errors.append(f"{path}.{key}: {value[key]!r}, expected {want!r}")
        elif not isinstance(value[key], want):
            errors.append(f"{path}.{key}: expected {want.__name__}")
    for index, element in enumerate(value.get("data") or []):
        _check_value(item, element, f"{path}.data[{index}]", errors)


def _check_schema(name: str, obj, path: str, errors: list) -> None:
    if not isinstance(obj, dict):
        errors.append(f"{path}: {_json_type(obj)}, expected an object")
        return
    props = schemas()[name]["properties"]
    for key in props:
        if key not in obj:
            errors.append(f"{path}.{key}: missing")
    for key in obj:
        if key not in props:
            errors.append(f"{path}.{key}: undeclared property")
    for key, desc in props.items():
        if key in obj:
            _check_value(desc, obj[key], f"{path}.{key}", errors)


def validate(kind: str, obj: dict) -> list[str]:
    """What keeps ``obj`` from being a whole ``kind`` object, one line per fault;
    empty when it is one."""
    name = kind if kind in schemas() else _by_object()[kind]
    errors: list[str] = []
    _check_schema(name, obj, kind, errors)
    # The event's payload is free-form in the description; it is the object the
    # event is about, so it is held to that object's shape.
    if name == "event" and isinstance(obj, dict):
        payload = (obj.get("data") or {}).get("object")
        inner = _by_object().get(payload.get("object")) if payload else None
        if inner is not None:
            _check_schema(inner, payload, f"{kind}.data.object", errors)
    return errors
