from core.models.outbox import OutgoingEmail
from core.models.site import SiteSettings

__all__ = ["OutgoingEmail", "SiteSettings"]
