"""Path converters our URL patterns share.

Registered in ``CoreConfig.ready()``, before any URLconf is imported.
https://docs.djangoproject.com/en/stable/topics/http/urls/#registering-custom-path-converters
"""


class IdConverter:
    """A database id: at most 18 digits, so that it always fits a 64-bit integer.

    Django's ``int`` takes any number of digits; a longer one reaches the database
    and SQLite refuses it with an ``OverflowError`` instead of finding nothing.
    With this converter such a path matches no pattern: a plain 404.
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))
