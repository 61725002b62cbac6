from django.shortcuts import get_object_or_404, render

from debates import selectors as debate_selectors
from newsroom.models import Contributor


def contributor_detail(request, slug):
    """A citizen expert's public profile and the debates they wrote in."""
    contributor = get_object_or_404(
        Contributor.objects.filter(live=True).select_related("photo"), slug=slug
    )
    debates = debate_selectors.debates_by_contributor(contributor)
    return render(
        request,
        "newsroom/contributor_detail.html",
        {"contributor": contributor, "debates": debates},
    )
