"""Who may download a print edition's PDF.

Every view that hands the file out asks ``can_download_edition``: subscribers
(``subscriptions.access.has_reader_access``) and the newsroom, editors and
moderators, through the ``newsroom.view_edition`` permission their groups hold.
The file itself lives in private storage, with no public URL.
"""

from subscriptions.access import has_reader_access


def can_download_edition(user, edition) -> bool:
    if not edition.pdf or not (user.is_authenticated and user.is_active):
        return False
    return user.has_perm("newsroom.view_edition") or has_reader_access(user)
