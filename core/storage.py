from functools import cached_property

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.db.models.fields.files import FieldFile


class PrivateFileStorage(FileSystemStorage):
    """Files readers pay for, kept in ``PRIVATE_MEDIA_ROOT``: outside the public
    media and without a URL, so only a view that checks access can hand them out."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise ValueError("Private files have no URL; a view serves them.")


class ProtectedFieldFile(FieldFile):
    """A private file whose URL is the view guarding it: the model's
    ``get_<field>_url()``, so the admin's "currently" link goes through the check."""

    @property
    def url(self):
        self._require_file()
        return getattr(self.instance, f"get_{self.field.name}_url")()


class ProtectedFileField(models.FileField):
    """A file in private storage, reached only through its model's guarded view."""

    attr_class = ProtectedFieldFile

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("storage", private_storage)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("storage") is private_storage:
            del kwargs["storage"]
        return name, path, args, kwargs


def private_storage():
    return storages["private"]
