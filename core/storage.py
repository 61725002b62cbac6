"""Where the files readers pay for are kept, and how a view hands one out.

Two backends, picked by ``STORAGES["private"]``: this server's disk
(``PrivateFileStorage``, the default) or S3 (``PrivateS3Storage``, see
``config/media.py``). Either way a private file has no public URL: the view that
checks the reader's access either streams it (disk) or answers with a redirect to a
signed URL that expires within a minute (S3), so app workers never carry the bytes.
"""

from functools import cached_property

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage


class PrivateFileStorage(FileSystemStorage):
    """Files readers pay for, kept in ``PRIVATE_MEDIA_ROOT``: outside the public
    media and without a URL, so only a view that checks access can hand them out."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise ValueError("Private files have no URL; a view serves them.")


class PrivateS3Storage(S3Storage):
    """Files readers pay for, in a bucket (or under a prefix) nobody reads without
    a signature.

    Whatever the options say, objects are uploaded without an ACL (so they stay the
    bucket owner's alone: AWS buckets that refuse ACLs accept that, and a
    ``private`` ACL would be refused there), URLs are always signed, and never on
    the public media's custom domain, which would hand out the file unsigned.
    """

    def __init__(self, **options):
        super().__init__(**options)
        self.default_acl = None
        self.querystring_auth = True
        self.custom_domain = None

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Private files have no URL; a view serves them.")

    def signed_url(
        self, name: str, *, filename: str, content_type: str, as_attachment: bool
    ) -> str:
        """A GET URL valid for ``querystring_expire`` seconds; S3 answers it with
        the headers a download needs, the file's name among them.
        https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html"""
        parameters = {
            "ResponseContentDisposition": content_disposition_header(
                as_attachment, filename
            ),
            "ResponseContentType": content_type,
        }
        return super().url(name, parameters=parameters)


def private_file_response(
    file: FieldFile,
    *,
    filename: str,
    content_type: str,
    as_attachment: bool,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """What a view answers once it has checked access to ``file``.

    On S3, a redirect to a short-lived signed URL; on disk, the file streamed.
    A file missing from its storage raises ``FileNotFoundError`` on both."""
    storage = file.storage
    if isinstance(storage, PrivateS3Storage):
        if not storage.exists(file.name):
            raise FileNotFoundError(file.name)
        response = HttpResponseRedirect(
            storage.signed_url(
                file.name,
                filename=filename,
                content_type=content_type,
                as_attachment=as_attachment,
            ),
            headers=headers,
        )
    else:
        response = FileResponse(
            file.open("rb"),
            as_attachment=as_attachment,
            filename=filename,
            content_type=content_type,
            headers=headers,
        )
    response["X-Content-Type-Options"] = "nosniff"
    return response


class ProtectedFieldFile(FieldFile):
    """A private file whose URL is the view guarding it: the model's
    ``get_<field>_url()``, so the admin's "currently" link goes through the check."""

    @property
    def url(self):
        self._require_file()
        return getattr(self.instance, f"get_{self.field.name}_url")()


class PrivateStorage(LazyObject):
    """``storages["private"]``, looked up when first used, like Django's
    ``default_storage``: model fields hold this one object, and a change of
    ``STORAGES`` (a test's ``settings`` fixture) reaches them."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


def forget_private_storage(*, setting, **kwargs):
    """``setting_changed`` receiver: the next use builds the new private storage."""
    if setting == "STORAGES":
        private_storage._wrapped = empty


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
