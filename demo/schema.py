"""What a demo data file may say, and the error that names the file and the entry.

The files in ``demo/data/`` are written by people who do not read Python, so a
mistake must come back as a sentence (``debates.yaml, entry 'semaine-de-quatre-jours':
pour > sources > 2 > year: expected a whole number, found 'deux mille'``) before
anything is written to the database, never as a ``KeyError`` halfway through.

Each shape below checks a value and returns it in the form the factories take:
rich text becomes HTML, a date becomes a number of days from today, a price in
euros becomes cents, a list of blocks becomes the (type, value) pairs of a
StreamField.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "Blocks",
    "Boolean",
    "Choice",
    "ClockTime",
    "Days",
    "DemoDataError",
    "Email",
    "Euros",
    "Integer",
    "ListOf",
    "MappingOf",
    "Record",
    "RichText",
    "Text",
    "check_file",
]


class DemoDataError(ValueError):
    """A demo data file that does not say what the seeding needs."""


class Invalid(Exception):
    """A value that does not fit its shape, found at ``path`` inside an entry."""

    def __init__(self, message: str, path: tuple = ()):
        super().__init__(message)
        self.message = message
        self.path = path


def _found(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _at(key, shape, value):
    """Check ``value`` with ``shape``, prefixing any error's path with ``key``."""
    try:
        return shape.check(value)
    except Invalid as error:
        raise Invalid(error.message, (key, *error.path)) from None


class Text:
    def __init__(self, *, blank: bool = False):
        self.blank = blank

    def check(self, value):
        if not isinstance(value, str):
            raise Invalid(f"expected a text, found {_found(value)}")
        if not self.blank and not value.strip():
            raise Invalid("expected a text, found nothing")
        return value


EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Email(Text):
    def check(self, value):
        value = super().check(value)
        if not EMAIL.match(value):
            raise Invalid(f"expected an email address, found {_found(value)}")
        return value


BLOCK_TAG = re.compile(r"^<(p|ul|ol|h[1-6]|blockquote)[\s>]")


class RichText:
    """Simple HTML, or paragraphs: a text not opening with a block tag (``<p>``,
    ``<ul>``...) is one paragraph, and a list of texts is one paragraph each."""

    def check(self, value):
        parts = value if isinstance(value, list) else [value]
        if not parts:
            raise Invalid("expected a text or a list of paragraphs, found nothing")
        html = []
        for position, part in enumerate(parts, start=1):
            where = (position,) if isinstance(value, list) else ()
            try:
                part = Text().check(part).strip()
            except Invalid as error:
                raise Invalid(error.message, where) from None
            html.append(part if BLOCK_TAG.match(part) else f"<p>{part}</p>")
        return "".join(html)


class Integer:
    def __init__(self, *, minimum: int | None = None):
        self.minimum = minimum

    def check(self, value):
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"expected a whole number, found {_found(value)}")
        if self.minimum is not None and value < self.minimum:
            raise Invalid(f"expected at least {self.minimum}, found {value}")
        return value


class Boolean:
    def check(self, value):
        if not isinstance(value, bool):
            raise Invalid(f"expected true or false, found {_found(value)}")
        return value


class Choice:
    def __init__(self, *values: str):
        self.values = values

    @classmethod
    def of(cls, choices) -> "Choice":
        """The values of a model's ``TextChoices``."""
        return cls(*choices.values)

    def check(self, value):
        if value not in self.values:
            raise Invalid(
                f"expected one of {', '.join(self.values)}, found {_found(value)}"
            )
        return value


class Euros:
    """A price in euros (``8``, ``4.99``), returned in cents."""

    def check(self, value):
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise Invalid(f"expected a price in euros, found {_found(value)}")
        try:
            cents = Decimal(str(value).replace(",", ".")) * 100
        except InvalidOperation:
            raise Invalid(f"expected a price in euros, found {_found(value)}") from None
        if cents < 0 or cents != cents.to_integral_value():
            raise Invalid(f"expected a price in euros and cents, found {value}")
        return int(cents)


class Days:
    """A date counted from the day of seeding: ``{days_from_today: 12}`` or
    ``{days_ago: 7}``; returned as days from today (negative in the past)."""

    def check(self, value):
        if not isinstance(value, dict) or len(value) != 1:
            raise Invalid(
                "expected {days_from_today: N} or {days_ago: N}, "
                f"found {_found(value)}"
            )
        ((key, days),) = value.items()
        if key not in ("days_from_today", "days_ago"):
            raise Invalid(f"expected days_from_today or days_ago, found {_found(key)}")
        days = _at(key, Integer(), days)
        return days if key == "days_from_today" else -days


class ClockTime:
    """A time of day, ``"18:30"``. YAML reads an unquoted 18:30 as a number of
    minutes (1110): that is accepted too."""

    def check(self, value):
        if isinstance(value, int) and not isinstance(value, bool) and value < 24 * 60:
            return datetime.time(value // 60, value % 60)
        try:
            return datetime.time.fromisoformat(Text().check(value))
        except (Invalid, ValueError):
            raise Invalid(
                f'expected a time such as "18:30", found {_found(value)}'
            ) from None


class ListOf:
    def __init__(self, item, *, minimum: int = 0):
        self.item = item
        self.minimum = minimum

    def check(self, value):
        if not isinstance(value, list):
            raise Invalid(f"expected a list, found {_found(value)}")
        if len(value) < self.minimum:
            raise Invalid(f"expected at least {self.minimum} items, found {len(value)}")
        return [_at(n, self.item, item) for n, item in enumerate(value, start=1)]


class MappingOf:
    """Entries by name, such as reactions by debate slug."""

    def __init__(self, item):
        self.item = item

    def check(self, value):
        if not isinstance(value, dict):
            raise Invalid(f"expected entries by name, found {_found(value)}")
        return {key: _at(key, self.item, item) for key, item in value.items()}


class Record:
    """A mapping with the ``required`` keys, any of the ``optional`` ones (given as
    ``key: (shape, default)``, the default standing in when the key is absent), and
    nothing else: a misspelt key is an error, not a silently ignored line."""

    def __init__(self, required: dict, optional: dict | None = None):
        self.required = required
        self.optional = optional or {}

    def check(self, value):
        if not isinstance(value, dict):
            keys = ", ".join(self.required)
            raise Invalid(f"expected an entry with {keys}, found {_found(value)}")
        missing = [key for key in self.required if key not in value]
        if missing:
            raise Invalid(f"missing {', '.join(missing)}")
        shapes = {**self.required}
        shapes.update({key: shape for key, (shape, _default) in self.optional.items()})
        unknown = [str(key) for key in value if key not in shapes]
        if unknown:
            raise Invalid(
                f"unknown {', '.join(unknown)} (known keys: {', '.join(shapes)})"
            )
        checked = {
            key: value[key]
            if value[key] is None and key in self.optional
            # An optional key left empty (``after:``) means the default.
            else _at(key, shapes[key], value[key])
            for key in value
        }
        for key, (_shape, default) in self.optional.items():
            if checked.get(key) is None:
                checked[key] = default
        return checked


class Blocks:
    """A StreamField body: a list of one-key entries, ``- paragraph: ...``."""

    def __init__(self, kinds: dict):
        self.kinds = kinds

    def check(self, value):
        if not isinstance(value, list):
            raise Invalid(f"expected a list of blocks, found {_found(value)}")
        pairs = []
        for n, block in enumerate(value, start=1):
            if not (isinstance(block, dict) and len(block) == 1):
                raise Invalid("a block is one 'type: value' line", (n,))
            ((kind, item),) = block.items()
            if kind not in self.kinds:
                raise Invalid(
                    f"unknown block {kind!r} (one of {', '.join(self.kinds)})", (n,)
                )
            shape, build = self.kinds[kind]
            pairs.append((kind, build(_at(n, shape, item))))
        return pairs


def _label(entry, position) -> str:
    if isinstance(entry, dict):
        for key in ("slug", "email", "question", "title", "number"):
            if isinstance(entry.get(key), str | int):
                return repr(entry[key]) if isinstance(entry[key], str) else entry[key]
    return str(position)


def check_file(file: str, data, shape):
    """``data`` read from ``file``, checked against ``shape``; an error names the
    file, the entry (by its slug, email, question or title where it has one) and
    the key."""
    try:
        return shape.check(data)
    except Invalid as error:
        path = list(error.path)
        where = file
        if path and isinstance(shape, ListOf) and isinstance(data, list):
            position = path.pop(0)
            where += f", entry {_label(data[position - 1], position)}"
        elif path and isinstance(shape, MappingOf):
            where += f", entry {path.pop(0)!r}"
        if path:
            where += ": " + " > ".join(str(step) for step in path)
        raise DemoDataError(f"{where}: {error.message}") from None
