from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from debates import selectors as debate_selectors
from newsroom import services
from newsroom.forms import ExpertApplicationForm
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


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request):
    """« Devenir expert citoyen »: the public application form."""
    if request.method == "POST":
        form = ExpertApplicationForm(request.POST)
        if form.is_from_a_bot():
            # Told nothing, so it does not learn to leave the field empty.
            return redirect("newsroom:application_thanks")
        if form.is_valid():
            try:
                services.submit_application(
                    **form.application_data(),
                    language=translation.get_language(),
                    ip_address=request.META.get("REMOTE_ADDR"),
                )
            except services.ApplicationError as error:
                form.add_error(None, error.message)
            else:
                return redirect("newsroom:application_thanks")
    else:
        initial = {}
        if request.user.is_authenticated:
            initial = {
                "name": request.user.get_full_name(),
                "email": request.user.email,
            }
        form = ExpertApplicationForm(initial=initial)
    return render(request, "newsroom/application_form.html", {"form": form})


def application_thanks(request):
    return render(request, "newsroom/application_thanks.html")
