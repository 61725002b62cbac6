"""An edition's cover for the newsletter's tests, with the renditions the web page
and the email show already made."""

import gc
import warnings

from django.core.files.base import ContentFile
from wagtail.images.models import Image
from wagtail.models import Collection

from newsroom.factories import sample_cover

RENDITIONS = ("width-240", "width-280")


def cover_image(number: int, headline: str):
    # Transactional tests flush the root collection the migration made.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    image = Image.objects.create(
        title=f"Couverture du n° {number}",
        file=ContentFile(
            sample_cover(number, headline), name=f"couverture-{number}.png"
        ),
    )
    # Wagtail leaves a new rendition's spooled file to the garbage collector:
    # made and collected here rather than in whichever test the collector runs in.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        for spec in RENDITIONS:
            image.get_rendition(spec)
        gc.collect()
    return image
