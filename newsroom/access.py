"""Who may download a print edition's PDF.

Every view that hands the file out asks ``can_download_edition``. Until readers can
subscribe, the newsroom alone may: editors and moderators, through the
``newsroom.view_edition`` permission their groups hold.
"""


def can_download_edition(user, edition) -> bool:
    if not edition.pdf:
        return False
    return bool(
        user.is_authenticated
        and user.is_active
        and user.has_perm("newsroom.view_edition")
    )
