from django.contrib.auth.views import redirect_to_login
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.client import client_address
from core.pagecache import for_visitors
from core.storage import private_file_response
from newsroom import services
from newsroom.access import can_download_edition
from newsroom.forms import ExpertApplicationForm
from newsroom.models import Edition


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
                    ip_address=client_address(request),
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


# --- Print editions -----------------------------------------------------------------


@for_visitors
def edition_list(request):
    """« L'édition papier »: every issue that is out, newest first."""
    editions = (
        Edition.objects.out()
        .select_related("cover")
        .annotate(debate_count=Count("items"))
        .order_by("-published_on", "-number")
    )
    return render(request, "newsroom/edition_list.html", {"editions": editions})


def _edition_out(number: int) -> Edition:
    return get_object_or_404(
        Edition.objects.out().select_related("cover"), number=number
    )


@for_visitors
def edition_detail(request, number: int):
    edition = _edition_out(number)
    debates = [
        item.debate
        for item in edition.items.filter(debate__live=True)
        .select_related(
            "debate", "debate__pour_contributor", "debate__contre_contributor"
        )
        .prefetch_related("debate__themes")
        .order_by("sort_order", "pk")
    ]
    return render(
        request,
        "newsroom/edition_detail.html",
        {
            "edition": edition,
            "debates": debates,
            "can_download": can_download_edition(request.user, edition),
        },
    )


@never_cache
def edition_pdf(request, number: int):
    """The edition's PDF, for readers allowed to have it; never cached on the way."""
    edition = _edition_out(number)
    if not edition.pdf:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_download_edition(request.user, edition):
        return render(
            request, "newsroom/edition_locked.html", {"edition": edition}, status=403
        )
    try:
        # Streamed from the disk, or a redirect to a signed URL valid one minute.
        return private_file_response(
            edition.pdf,
            filename=f"versus-{edition.number}.pdf",
            content_type="application/pdf",
            as_attachment=True,
        )
    except FileNotFoundError:
        raise Http404 from None
