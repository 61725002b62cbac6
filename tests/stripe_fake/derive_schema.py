"""Writes ``schema.json`` beside this file: the shape of the Stripe objects the fake
answers with, for the API version the SDK is pinned to.

    python -m tests.stripe_fake.derive_schema SOURCE [--out PATH]

SOURCE is one of:

* Stripe's OpenAPI description (``spec3.json`` or ``openapi.spec3.json`` from the
  ``stripe/openapi`` repository), read as published;
* the unpacked ``stripe`` npm package (``npm pack stripe@X && tar xzf ...``, give the
  ``package`` folder) of the release pinned to the same API version. Its type
  declarations are generated from that description and say, for every property,
  whether Stripe always sends it, whether it may be null, its enum, which objects it
  expands to and which lists it holds, so they stand in for the description when
  it can't be had whole (it runs to several megabytes).
  TypeScript has a single ``number`` type, so the pinned Python SDK, generated from
  the same description, is asked which numbers are integers.

Only the shapes are kept (types, nullability, enums, formats, references), never
descriptions, so the extract stays small and carries none of Stripe's prose.
"""

import argparse
import ast
import hashlib
import importlib
import importlib.metadata
import json
import re
import sys
import typing
from pathlib import Path

OUT = Path(__file__).with_name("schema.json")

# The objects the project sends or receives, by the value of their ``object`` field
# (which is also their OpenAPI component name). Everything they embed is followed;
# what they only reference by id (expandable fields) is not.
ROOTS = {
    "checkout.session": ("Checkout/Sessions", "Session", "stripe.checkout.Session"),
    "credit_note": ("CreditNotes", "CreditNote", "stripe.CreditNote"),
    "credit_note_line_item": (
        "CreditNoteLineItems",
        "CreditNoteLineItem",
        "stripe.CreditNoteLineItem",
    ),
    "customer": ("Customers", "Customer", "stripe.Customer"),
    "event": ("Events", "EventBase", "stripe.Event"),
    "invoice": ("Invoices", "Invoice", "stripe.Invoice"),
    "invoiceitem": ("InvoiceItems", "InvoiceItem", "stripe.InvoiceItem"),
    "line_item": ("InvoiceLineItems", "InvoiceLineItem", "stripe.InvoiceLineItem"),
    "payment_intent": ("PaymentIntents", "PaymentIntent", "stripe.PaymentIntent"),
    "plan": ("Plans", "Plan", "stripe.Plan"),
    "price": ("Prices", "Price", "stripe.Price"),
    "product": ("Products", "Product", "stripe.Product"),
    "refund": ("Refunds", "Refund", "stripe.Refund"),
    "subscription": ("Subscriptions", "Subscription", "stripe.Subscription"),
    "subscription_item": (
        "SubscriptionItems",
        "SubscriptionItem",
        "stripe.SubscriptionItem",
    ),
    "tax_rate": ("TaxRates", "TaxRate", "stripe.TaxRate"),
}


# --- The output -------------------------------------------------------------------


def _dedupe(schemas: dict, roots) -> dict:
    """Merge nested schemas that have the same shape under one name.

    The type declarations repeat a shape under every object that embeds it (the
    error object of an invoice and of a payment intent, say) where the description
    names it once; merging them gives back that sharing and most of the size."""
    while True:
        by_body = {}
        rename = {}
        for name in sorted(schemas, key=lambda n: (n.count("."), len(n), n)):
            if name in roots:
                continue
            key = json.dumps(schemas[name], sort_keys=True)
            if key in by_body:
                rename[name] = by_body[key]
            else:
                by_body[key] = name
        if not rename:
            return schemas
        for name in rename:
            del schemas[name]
        schemas = {name: _renamed(body, rename) for name, body in schemas.items()}


def _renamed(body: dict, rename: dict) -> dict:
    def desc_renamed(desc: dict) -> dict:
        out = dict(desc)
        if "ref" in out:
            out["ref"] = rename.get(out["ref"], out["ref"])
        if "any_of" in out:
            out["any_of"] = [rename.get(name, name) for name in out["any_of"]]
        for key in ("items", "list", "values"):
            if key in out:
                out[key] = desc_renamed(out[key])
        return out

    props = {name: desc_renamed(desc) for name, desc in body["properties"].items()}
    return {**body, "properties": props}


def _write(out: Path, api_version: str, source: dict, schemas: dict) -> None:
    schemas = _dedupe(schemas, set(ROOTS))
    document = {
        "api_version": api_version,
        "roots": sorted(ROOTS),
        "schemas": schemas,
        "source": source,
    }
    text = json.dumps(document, sort_keys=True, separators=(",", ":"))
    out.write_text(text + "\n")
    print(f"{out}: {len(schemas)} schemas, {len(text)} bytes, API {api_version}")


# --- From the OpenAPI description -------------------------------------------------


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def from_openapi(spec: dict, roots=ROOTS) -> tuple[str, dict, dict]:
    components = spec["components"]["schemas"]
    schemas: dict = {}
    queue = list(roots)

    def object_name(name):
        obj = components.get(name, {}).get("properties", {}).get("object", {})
        return (obj.get("enum") or [name])[0]

    def describe(prop: dict, owner: str, path: str) -> dict:
        desc: dict = {}
        if prop.get("nullable"):
            desc["nullable"] = True
        if "x-expansionResources" in prop or (
            "anyOf" in prop
            and any(s.get("type") == "string" for s in prop["anyOf"])
            and any("$ref" in s for s in prop["anyOf"])
        ):
            targets = [
                s["$ref"]
                for s in prop.get("x-expansionResources", {}).get("oneOf", [])
                or prop["anyOf"]
                if "$ref" in s
            ]
            desc["types"] = ["object", "string"]
            desc["expandable"] = sorted({object_name(_ref_name(t)) for t in targets})
            return desc
        variants = prop.get("anyOf") or prop.get("oneOf")
        if variants:
            refs = [_ref_name(s["$ref"]) for s in variants if "$ref" in s]
            inline = [s for s in variants if "$ref" not in s]
            if len(refs) == 1 and not inline:
                queue.append(refs[0])
                return {**desc, "types": ["object"], "ref": refs[0]}
            if refs and not inline:
                queue.extend(refs)
                return {**desc, "types": ["object"], "any_of": sorted(refs)}
            # A union of scalars (``string`` or ``integer``, say): keep the types.
            types = sorted({s.get("type", "object") for s in variants})
            return {**desc, "types": types}
        if "$ref" in prop:
            queue.append(_ref_name(prop["$ref"]))
            return {**desc, "types": ["object"], "ref": _ref_name(prop["$ref"])}
        kind = prop.get("type", "object")
        desc["types"] = [kind]
        if "enum" in prop:
            desc["enum"] = prop["enum"]
        if "format" in prop:
            desc["format"] = prop["format"]
        if kind == "array":
            desc["items"] = describe(prop.get("items", {}), owner, path + "[]")
        elif kind == "object":
            props = prop.get("properties", {})
            if props.get("object", {}).get("enum") == ["list"] and "data" in props:
                desc["list"] = describe(props["data"].get("items", {}), owner, path)
            elif props:
                # An object declared in place: name it after where it sits.
                name = f"{owner}.{path}"
                schemas[name] = _schema_body(prop, name)
                desc["ref"] = name
            elif isinstance(prop.get("additionalProperties"), dict):
                desc["values"] = describe(prop["additionalProperties"], owner, path)
        return desc

    def _schema_body(schema: dict, name: str) -> dict:
        required = set(schema.get("required", []))
        body = {"properties": {}}
        for prop_name, prop in sorted(schema.get("properties", {}).items()):
            desc = describe(prop, name, prop_name)
            if prop_name not in required:
                desc["optional"] = True
            body["properties"][prop_name] = desc
        obj = schema.get("properties", {}).get("object", {}).get("enum")
        if obj and len(obj) == 1:
            body["object"] = obj[0]
        return body

    while queue:
        name = queue.pop()
        if name in schemas:
            continue
        schemas[name] = {}  # claimed before recursing, for schemas that nest
        schemas[name] = _schema_body(components[name], name)
    version = spec["info"]["version"]
    source = {
        "from": "openapi",
        "openapi_info_version": version,
    }
    return version, source, schemas


# --- From the npm package's type declarations ------------------------------------

_TOKEN = re.compile(
    r"""\s+|/\*.*?\*/|//[^\n]*
    |(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    |(?P<num>-?\d+(?:\.\d+)?)
    |(?P<id>[A-Za-z_$][\w$]*)
    |(?P<op>=>|\.\.\.|[{}()\[\]<>;:,.|&?=*!])""",
    re.S | re.X,
)


def _tokens(text: str) -> list[tuple[str, str]]:
    out = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise SyntaxError(f"cannot read {text[pos : pos + 40]!r}")
        pos = m.end()
        for kind in ("str", "num", "id", "op"):
            if m.group(kind) is not None:
                value = m.group(kind)
                if kind == "str":
                    value = value[1:-1]
                out.append((kind, value))
    out.append(("eof", ""))
    return out


class _Module:
    """One ``.d.ts`` file: its imports and its declarations, by scope."""

    def __init__(self, path: Path, root: Path):
        self.path = path
        self.rel = path.relative_to(root).as_posix().removesuffix(".d.ts")
        self.imports: dict[str, tuple[str, str | None]] = {}
        # scope (a tuple of namespace names) -> name -> {"interface": ..., ...}
        self.scopes: dict[tuple, dict] = {(): {}}
        self.toks = _tokens(path.read_text())
        self.i = 0


class _Parser:
    """A reader for the part of TypeScript that type declarations use."""

    def __init__(self, root: Path):
        self.root = root
        self.modules: dict[Path, _Module] = {}

    def module(self, path: Path) -> _Module:
        path = path.resolve()
        if path not in self.modules:
            mod = _Module(path, self.root)
            self.modules[path] = mod
            self._statements(mod, ())
            del mod.toks
        return self.modules[path]

    # Tokens.

    def peek(self, mod, ahead=0):
        return mod.toks[mod.i + ahead]

    def next(self, mod):
        tok = mod.toks[mod.i]
        mod.i += 1
        return tok

    def accept(self, mod, value):
        if mod.toks[mod.i][1] == value and mod.toks[mod.i][0] != "str":
            mod.i += 1
            return True
        return False

    def expect(self, mod, value):
        tok = self.next(mod)
        if tok[1] != value:
            raise SyntaxError(f"{mod.rel}: expected {value!r}, got {tok!r}")
        return tok

    def skip_balanced(self, mod):
        """Skip one token, or a whole bracketed group if it opens one."""
        closing = {"{": "}", "(": ")", "[": "]", "<": ">"}
        tok = self.next(mod)
        if tok[0] != "op" or tok[1] not in closing:
            return
        stack = [closing[tok[1]]]
        while stack:
            kind, value = self.next(mod)
            if kind == "eof":
                raise SyntaxError(f"{mod.rel}: unbalanced brackets")
            if kind != "op":
                continue
            if value in ("{", "(", "[") or (value == "<" and stack[-1] == ">"):
                stack.append(closing[value])
            elif value == stack[-1]:
                stack.pop()

    def skip_statement(self, mod):
        while True:
            tok = self.peek(mod)
            if tok[1] == ";" or tok[0] == "eof":
                self.next(mod)
                return
            if tok[1] == "}":
                return
            if tok[1] in ("{", "(", "["):
                self.skip_balanced(mod)
                if tok[1] == "{" and self.peek(mod)[1] != ";":
                    return
            else:
                self.next(mod)

    # Statements.

    def _declare(self, mod, scope, name, kind, value):
        mod.scopes.setdefault(scope, {}).setdefault(name, {})[kind] = value

    def _statements(self, mod, scope):
        while True:
            tok = self.peek(mod)
            if tok[0] == "eof" or tok[1] == "}":
                return
            self._statement(mod, scope)

    def _statement(self, mod, scope):
        exported = False
        while self.peek(mod)[1] in ("export", "declare", "default"):
            exported |= self.next(mod)[1] == "export"
        word = self.peek(mod)[1]
        if word == "import":
            self.next(mod)
            self._import(mod, scope)
        elif word == "interface":
            self.next(mod)
            name = self.next(mod)[1]
            if self.peek(mod)[1] == "<":
                self.skip_balanced(mod)
            bases = []
            if self.accept(mod, "extends"):
                bases.append(self._type(mod))
                while self.accept(mod, ","):
                    bases.append(self._type(mod))
            self.expect(mod, "{")
            members = self._members(mod)
            self._declare(mod, scope, name, "interface", (members, bases))
        elif word in ("namespace", "module"):
            self.next(mod)
            name = self.next(mod)[1]
            self.expect(mod, "{")
            self._declare(mod, scope, name, "namespace", True)
            inner = (*scope, name)
            mod.scopes.setdefault(inner, {})
            self._statements(mod, inner)
            self.expect(mod, "}")
        elif word == "type":
            self.next(mod)
            name = self.next(mod)[1]
            if self.peek(mod)[1] == "<":
                self.skip_balanced(mod)
            self.expect(mod, "=")
            self._declare(mod, scope, name, "type", self._type(mod))
            self.accept(mod, ";")
        elif word == "{" and exported:
            # ``export { A, B as C } [from '...'];``
            self.next(mod)
            names = []
            while not self.accept(mod, "}"):
                local = self.next(mod)[1]
                alias = self.next(mod)[1] if self.accept(mod, "as") else local
                names.append((local, alias))
                self.accept(mod, ",")
            source = self.next(mod)[1] if self.accept(mod, "from") else None
            for local, alias in names:
                if source is not None:
                    key = f"{scope}:{alias}"
                    mod.imports[key] = (source, local)
                    self._declare(mod, scope, alias, "import", key)
                elif local != alias or scope:
                    self._declare(mod, scope, alias, "alias", ("ref", local, []))
            self.accept(mod, ";")
        elif word == "class":
            self.next(mod)
            while self.peek(mod)[1] != "{":
                self.skip_balanced(mod)
            self.skip_balanced(mod)
        else:
            self.skip_statement(mod)

    def _import(self, mod, scope):
        if self.peek(mod)[0] == "str":  # side effects only
            self.next(mod)
            self.accept(mod, ";")
            return
        if self.accept(mod, "type"):
            pass
        if self.accept(mod, "*"):
            self.expect(mod, "as")
            local = self.next(mod)[1]
            self.expect(mod, "from")
            mod.imports[local] = (self.next(mod)[1], None)
        elif self.accept(mod, "{"):
            names = []
            while not self.accept(mod, "}"):
                self.accept(mod, "type")
                remote = self.next(mod)[1]
                local = self.next(mod)[1] if self.accept(mod, "as") else remote
                names.append((remote, local))
                self.accept(mod, ",")
            self.expect(mod, "from")
            source = self.next(mod)[1]
            for remote, local in names:
                mod.imports[local] = (source, remote)
        elif self.peek(mod, 1)[1] == "=":
            # ``export import A = B.C;`` inside a namespace
            local = self.next(mod)[1]
            self.expect(mod, "=")
            self._declare(mod, scope, local, "alias", self._type(mod))
        else:
            self.skip_statement(mod)
            return
        self.accept(mod, ";")

    def _members(self, mod):
        """The members of ``{ ... }`` once its brace is read: name -> (type,
        optional), plus ``"[]"`` for an index signature."""
        members = {}
        while not self.accept(mod, "}"):
            self.accept(mod, "readonly")
            if self.peek(mod)[1] == "[" and self.peek(mod, 2)[1] != ":":
                # A computed key (``[brand]: ...``): a marker, not data.
                self.skip_balanced(mod)
                self.accept(mod, "?")
                self.expect(mod, ":")
                self._type(mod)
            elif self.peek(mod)[1] == "[":
                self.next(mod)
                self.next(mod)  # key
                self.expect(mod, ":")
                self._type(mod)
                self.expect(mod, "]")
                self.expect(mod, ":")
                members["[]"] = (self._type(mod), False)
            else:
                name = self.next(mod)[1]
                optional = self.accept(mod, "?")
                if self.peek(mod)[1] in ("(", "<"):  # a method
                    self.skip_statement(mod)
                    continue
                self.expect(mod, ":")
                members[name] = (self._type(mod), optional)
            if not self.accept(mod, ";"):
                self.accept(mod, ",")
        return members

    # Types, as tuples: ("union", [...]), ("array", t), ("ref", "A.B", [args]),
    # ("lit", value), ("kw", name), ("obj", members), ("fn",).

    def _type(self, mod):
        self.accept(mod, "|")
        parts = [self._intersection(mod)]
        while self.accept(mod, "|"):
            parts.append(self._intersection(mod))
        return parts[0] if len(parts) == 1 else ("union", parts)

    def _intersection(self, mod):
        self.accept(mod, "&")
        parts = [self._postfix(mod)]
        while self.accept(mod, "&"):
            parts.append(self._postfix(mod))
        return parts[0] if len(parts) == 1 else ("inter", parts)

    def _postfix(self, mod):
        t = self._primary(mod)
        while self.peek(mod)[1] == "[" and self.peek(mod, 1)[1] == "]":
            mod.i += 2
            t = ("array", t)
        return t

    def _primary(self, mod):
        kind, word = self.next(mod)
        if kind == "str":
            return ("lit", word)
        if kind == "num":
            return ("lit", float(word) if "." in word else int(word))
        if word == "(":
            # A parenthesised type, or a function type.
            start = mod.i - 1
            depth, j = 1, mod.i
            while depth:
                depth += {"(": 1, ")": -1}.get(mod.toks[j][1], 0)
                j += 1
            if mod.toks[j][1] == "=>":
                mod.i = j + 1
                self._type(mod)
                return ("fn",)
            mod.i = start + 1
            t = self._type(mod)
            self.expect(mod, ")")
            return t
        if word == "{":
            return ("obj", self._members(mod))
        if word in ("true", "false"):
            return ("lit", word == "true")
        if word in (
            "string",
            "number",
            "boolean",
            "null",
            "undefined",
            "void",
            "any",
            "unknown",
            "never",
            "object",
        ):
            return ("kw", word)
        if word == "typeof":
            self._primary(mod)
            return ("kw", "any")
        if word == "import" and self.peek(mod)[1] == "(":  # import('./x.js').Name
            self.skip_balanced(mod)
            while self.accept(mod, "."):
                self.next(mod)
            return ("kw", "any")
        name = word
        while self.peek(mod)[1] == "." and self.peek(mod, 1)[0] == "id":
            mod.i += 1
            name += "." + self.next(mod)[1]
        args = []
        if self.accept(mod, "<"):
            args.append(self._type(mod))
            while self.accept(mod, ","):
                args.append(self._type(mod))
            self.expect(mod, ">")
        return ("ref", name, args)


class _Decl(typing.NamedTuple):
    module: _Module
    scope: tuple
    name: str
    entry: dict

    @property
    def canonical(self) -> str:
        folder = self.module.rel.split("/")[1:-1]  # under resources/
        return ".".join([*folder, *self.scope, self.name])


class _Resolver:
    def __init__(self, package: Path):
        self.base = package / "esm"
        self.parser = _Parser(self.base)

    def _file(self, mod: _Module, source: str) -> Path:
        target = (mod.path.parent / source).resolve()
        return target.with_name(target.name.removesuffix(".js") + ".d.ts")

    def lookup(
        self, mod: _Module, scope: tuple, name: str, skip: dict | None = None
    ) -> _Decl | None:
        first, *rest = name.split(".")
        decl = None
        for depth in range(len(scope), -1, -1):
            entry = mod.scopes.get(scope[:depth], {}).get(first)
            if entry and entry is not skip:
                decl = _Decl(mod, scope[:depth], first, entry)
                break
        if decl is None and first in mod.imports:
            source, remote = mod.imports[first]
            target = self.parser.module(self._file(mod, source))
            if remote is None:
                decl = _Decl(target, (), "*", {"module": True})
            else:
                decl = self.lookup(target, (), remote)
        if decl is None:
            return None
        for part in rest:
            decl = self.member(decl, part)
            if decl is None:
                return None
        return self.follow(decl)

    def member(self, decl: _Decl, part: str) -> _Decl | None:
        if decl.entry.get("module"):
            return self.lookup(decl.module, (), part)
        inner = (*decl.scope, decl.name)
        entry = decl.module.scopes.get(inner, {}).get(part)
        if entry is None:
            return None
        return self.follow(_Decl(decl.module, inner, part, entry))

    def follow(self, decl: _Decl) -> _Decl | None:
        """Through re-exports and ``import A = B.C`` aliases to the declaration."""
        entry = decl.entry
        if "interface" in entry or "type" in entry:
            return decl
        if "import" in entry:
            source, remote = decl.module.imports[entry["import"]]
            target = self.parser.module(self._file(decl.module, source))
            return self.lookup(target, (), remote)
        if "alias" in entry:
            # ``export { Session }`` in a namespace names the outer ``Session``.
            alias = entry["alias"]
            return self.lookup(decl.module, decl.scope, alias[1], skip=entry)
        return decl

    def root(self, rel: str, name: str) -> _Decl:
        mod = self.parser.module(self.base / "resources" / f"{rel}.d.ts")
        return self.lookup(mod, (), name)


def _py_hints(cls) -> dict:
    hints = {}
    for klass in reversed(cls.__mro__):
        hints.update(getattr(klass, "__annotations__", {}))
    return hints


class _PyTypes:
    """The pinned Python SDK's annotations, read only to tell integers from other
    numbers; walked alongside the declarations, property by property."""

    def __init__(self):
        self.imports: dict[str, dict[str, str]] = {}

    def resolve(self, name: str, owner) -> object:
        module = sys.modules[owner.__module__]
        if module.__name__ not in self.imports:
            # The annotations name other resources in quotes and import them only
            # for type checkers, so the imports are read from the source.
            found = {}
            for node in ast.walk(ast.parse(Path(module.__file__).read_text())):
                if isinstance(node, ast.ImportFrom) and node.module:
                    for alias in node.names:
                        found[alias.asname or alias.name] = node.module
            self.imports[module.__name__] = found
        nested = getattr(owner, name, None)
        if isinstance(nested, type):
            return nested
        if name in vars(module):
            return vars(module)[name]
        source = self.imports[module.__name__].get(name)
        if source:
            return getattr(importlib.import_module(source), name, None)
        return None

    def strip(self, ann, owner):
        """Drop Optional and ExpandableField: the remaining alternatives."""
        if isinstance(ann, str):
            return [self.resolve(ann, owner)]
        if isinstance(ann, typing.ForwardRef):
            return [self.resolve(ann.__forward_arg__, owner)]
        if typing.get_origin(ann) is typing.Union:
            out = []
            for arg in typing.get_args(ann):
                if arg is not type(None):
                    out.extend(self.strip(arg, owner))
            return out
        return [ann]

    def element(self, ann, owner):
        """The annotation of what an array, list or map holds."""
        for alt in self.strip(ann, owner):
            args = typing.get_args(alt)
            if args:
                return args[-1]
        return None

    def cls(self, ann, owner):
        for alt in self.strip(ann, owner):
            if isinstance(alt, type) and hasattr(alt, "__annotations__"):
                return alt
        return None

    def number_type(self, ann, owner) -> str:
        alts = self.strip(ann, owner) if ann is not None else []
        if any(alt is float for alt in alts):
            return "number"
        if any(alt is int for alt in alts):
            return "integer"
        return "number"


def from_npm_package(package: Path) -> tuple[str, dict, dict]:
    resolver = _Resolver(package)
    py = _PyTypes()
    schemas: dict = {}
    names: dict[tuple, str] = {}
    queue: list[tuple[_Decl, object, str]] = []

    for kind, (rel, name, py_path) in ROOTS.items():
        decl = resolver.root(rel, name)
        module, _, attr = py_path.rpartition(".")
        names[(decl.module.rel, decl.scope, decl.name)] = kind
        queue.append((decl, getattr(importlib.import_module(module), attr), kind))

    def schema_name(decl: _Decl, py_cls) -> str:
        key = (decl.module.rel, decl.scope, decl.name)
        if key not in names:
            names[key] = decl.canonical
            queue.append((decl, py_cls, decl.canonical))
        return names[key]

    def object_literal(decl: _Decl) -> str | None:
        members, _ = decl.entry.get("interface", ({}, []))
        t = members.get("object", (None,))[0]
        if t and t[0] == "lit":
            return t[1]
        return None

    def flatten(t, mod, scope) -> list[tuple]:
        """The alternatives of a union, through type aliases, each with where its
        names are to be looked up."""
        if t[0] == "union":
            return [alt for part in t[1] for alt in flatten(part, mod, scope)]
        if t[0] == "ref" and not t[2] and t[1] not in ("Decimal", "Metadata"):
            decl = resolver.lookup(mod, scope, t[1])
            if (
                decl is not None
                and "type" in decl.entry
                and ("interface" not in decl.entry)
            ):
                inner = decl.entry["type"]
                return flatten(inner, decl.module, (*decl.scope,))
        return [(t, mod, scope)]

    def describe(t, mod, scope, py_ann, py_owner, where: str) -> dict:
        desc: dict = {}
        alts = []
        for alt, amod, ascope in flatten(t, mod, scope):
            if alt == ("kw", "null"):
                desc["nullable"] = True
            # ``| OtherString`` (``string & Record<never, never>``) only lets the
            # SDK take values newer than itself: the declared ones are the enum.
            elif alt not in (("kw", "undefined"), ("kw", "void")) and not (
                alt[0] == "inter" or (alt[0] == "ref" and alt[1] == "OtherString")
            ):
                alts.append((alt, amod, ascope))
        if not alts:
            return {**desc, "types": []}
        lits = [a for a, _, _ in alts if a[0] == "lit"]
        if len(lits) == len(alts):
            kinds = {type(v).__name__ for _, v in lits}
            json_type = {
                "str": "string",
                "bool": "boolean",
                "int": "integer",
                "float": "number",
            }[kinds.pop()]
            return {**desc, "types": [json_type], "enum": [v for _, v in lits]}
        has_string = any(a == ("kw", "string") for a, _, _ in alts)
        objects = [
            (a, m, s)
            for a, m, s in alts
            if a[0] == "ref"
            and (d := resolver.lookup(m, s, a[1])) is not None
            and "interface" in d.entry
            and a[1] not in ("Metadata", "Decimal")
        ]
        if has_string and objects:
            targets = set()
            for a, m, s in objects:
                d = resolver.lookup(m, s, a[1])
                targets.add(object_literal(d) or d.canonical)
            return {
                **desc,
                "types": ["object", "string"],
                "expandable": sorted(targets),
            }
        if len(alts) > 1 and len(objects) == len(alts):
            candidates = py.strip(py_ann, py_owner) if py_ann is not None else []
            refs = []
            for a, m, s in objects:
                d = resolver.lookup(m, s, a[1])
                match = [c for c in candidates if getattr(c, "__name__", "") == d.name]
                refs.append(schema_name(d, match[0] if match else None))
            return {**desc, "types": ["object"], "any_of": sorted(set(refs))}
        if len(alts) > 1:
            types = set()
            for a, m, s in alts:
                types.update(describe(a, m, s, None, py_owner, where)["types"])
            return {**desc, "types": sorted(types)}
        (alt, amod, ascope) = alts[0]
        tag = alt[0]
        if tag == "kw":
            word = alt[1]
            if word == "number":
                return {**desc, "types": [py.number_type(py_ann, py_owner)]}
            if word in ("string", "boolean"):
                return {**desc, "types": [word]}
            return {**desc, "types": []}  # any / unknown: free
        if tag == "array":
            item = describe(
                alt[1], amod, ascope, py.element(py_ann, py_owner), py_owner, where
            )
            return {**desc, "types": ["array"], "items": item}
        if tag == "obj":
            members = alt[1]
            if set(members) == {"[]"}:
                values = describe(
                    members["[]"][0],
                    amod,
                    ascope,
                    py.element(py_ann, py_owner),
                    py_owner,
                    where,
                )
                return {**desc, "types": ["object"], "values": values}
            schemas[where] = body(members, amod, ascope, None, own=where)
            return {**desc, "types": ["object"], "ref": where}
        if tag == "ref":
            ref, args = alt[1], alt[2]
            if ref == "Decimal":
                return {**desc, "types": ["string"], "format": "decimal"}
            if ref == "Metadata":
                return {**desc, "types": ["object"], "values": {"types": ["string"]}}
            if ref in ("Array", "ApiList") and args:
                item = describe(
                    args[0], amod, ascope, py.element(py_ann, py_owner), py_owner, where
                )
                key = "items" if ref == "Array" else "list"
                return {
                    **desc,
                    "types": ["array" if ref == "Array" else "object"],
                    key: item,
                }
            if ref in ("Partial", "Record"):
                return {**desc, "types": ["object"]}
            decl = resolver.lookup(amod, ascope, ref)
            if decl is None:
                raise LookupError(f"{amod.rel}: cannot resolve {ref}")
            members, _bases = decl.entry["interface"]
            if not members:
                return {**desc, "types": ["object"]}  # free-form
            if set(members) == {"[]"}:
                values = describe(
                    members["[]"][0],
                    decl.module,
                    decl.scope,
                    py.element(py_ann, py_owner),
                    py_owner,
                    where,
                )
                return {**desc, "types": ["object"], "values": values}
            child = py.cls(py_ann, py_owner) if py_ann is not None else None
            return {**desc, "types": ["object"], "ref": schema_name(decl, child)}
        if tag == "lit":
            return {**desc, "types": ["string"], "enum": [alt[1]]}
        raise TypeError(f"{where}: cannot describe {alt!r}")

    def body(members, mod, scope, py_cls, own=None) -> dict:
        hints = _py_hints(py_cls) if py_cls is not None else {}
        props = {}
        for prop, (t, optional) in sorted(members.items()):
            if prop == "[]":
                continue
            # ``deleted?: void`` only tells the non-deleted object from its deleted
            # stub; it is no property of the object.
            if prop == "deleted" and t == ("kw", "void"):
                continue
            desc = describe(t, mod, scope, hints.get(prop), py_cls, f"{own}.{prop}")
            if optional:
                desc["optional"] = True
            props[prop] = desc
        out = {"properties": props}
        obj = members.get("object", (None,))[0]
        if obj and obj[0] == "lit":
            out["object"] = obj[1]
        return out

    def interface_members(decl: _Decl) -> dict:
        members, bases = decl.entry["interface"]
        merged = {}
        for base in bases:
            based = resolver.lookup(decl.module, decl.scope, base[1])
            merged.update(interface_members(based))
        merged.update(members)
        return merged

    while queue:
        decl, py_cls, name = queue.pop(0)
        if name in schemas:
            continue
        schemas[name] = {}
        members = interface_members(decl)
        schemas[name] = body(members, decl.module, decl.scope, py_cls, own=name)

    version_file = (package / "esm" / "apiVersion.js").read_text()
    version = re.search(r"ApiVersion = '([^']+)'", version_file).group(1)
    meta = json.loads((package / "package.json").read_text())
    source = {
        "from": "stripe npm package type declarations",
        "package": f"stripe@{meta['version']}",
        "openapi_release": (package / "OPENAPI_VERSION").read_text().strip(),
        "integers_from": "stripe (PyPI) " + importlib.metadata.version("stripe"),
        "note": (
            "Stripe's OpenAPI description for this API version could not be read "
            "whole here; these declarations are generated from that release of it "
            "(stripe/openapi tag above). Formats other than decimal are not carried."
        ),
    }
    return version, source, schemas


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.source.is_dir():
        version, source, schemas = from_npm_package(args.source)
    else:
        spec = json.loads(args.source.read_text())
        version, source, schemas = from_openapi(spec)
        source["sha256"] = hashlib.sha256(args.source.read_bytes()).hexdigest()
    _write(args.out, version, source, schemas)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
