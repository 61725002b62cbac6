"""The newsroom's models: the themes, the citizen experts and their applications,
the commissions that become debates, the print editions."""

from newsroom.models.applications import ExpertApplication
from newsroom.models.commissions import Commission
from newsroom.models.contributors import Contributor
from newsroom.models.editions import (
    Edition,
    EditionDebate,
    validate_pdf,
)
from newsroom.models.themes import Theme

__all__ = [
    "Commission",
    "Contributor",
    "Edition",
    "EditionDebate",
    "ExpertApplication",
    "Theme",
    "validate_pdf",
]
