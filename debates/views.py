from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagecache import for_visitors
from debates import selectors, services
from debates.forms import ReactionForm, VerdictForm
from debates.models import DebatePage, Reaction
from newsroom.models import Contributor


@login_required
@require_POST
def give_verdict(request, page_id: int):
    debate = get_object_or_404(DebatePage.objects.live().public(), pk=page_id)
    moment = request.POST.get("moment", "")
    form = VerdictForm(
        request.POST,
        needs_consent=not services.has_consented(request.user),
        auto_id=f"verdict-{moment}-%s",
    )
    if form.is_valid():
        try:
            if form.needs_consent:
                services.give_stance_consent(request.user)
            services.cast_verdict(
                debate,
                user=request.user,
                moment=form.cleaned_data["moment"],
                stance=form.cleaned_data["stance"],
            )
        except services.VerdictError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your verdict is recorded. Thank you!"))
            # Before reading, back to the sides; after, to how opinion moved.
            anchor = "verdict" if moment == "after" else "verdict-before"
            return redirect(f"{debate.get_url(request)}#{anchor}")
    # The page again, with the reader's choice and the message next to it.
    context = _page_again(request, debate)
    if moment in context["verdict_forms"]:
        context["verdict_forms"][moment] = form
    else:
        messages.error(request, _("This choice does not exist."))
    return TemplateResponse(request, debate.get_template(request), context, status=400)


@login_required
@require_POST
def post_reaction(request, page_id: int):
    debate = get_object_or_404(DebatePage.objects.live().public(), pk=page_id)
    form = ReactionForm(request.POST, auto_id="reaction-%s")
    status = 400
    if form.is_valid():
        try:
            parent = None
            if form.cleaned_data["parent"]:
                parent = Reaction.objects.filter(pk=form.cleaned_data["parent"]).first()
                if parent is None:
                    # Deleted since the page was read: the same as withdrawn.
                    raise services.ParentWithdrawn(services.WITHDRAWN_PARENT)
            services.post_reaction(
                debate,
                user=request.user,
                tag=form.cleaned_data["tag"],
                text=form.cleaned_data["text"],
                parent=parent,
            )
        except services.ParentUnavailable as error:
            # No reply form under that reaction on the page: the reply moves to
            # the "new reaction" form, as the reader typed it.
            form = _as_new_reaction(form)
            form.add_error(None, error.message)
            if isinstance(error, services.ParentWithdrawn):
                status = 409
        except services.ReactionError as error:
            form.add_error(None, error.message)
        else:
            thanks = _("Your reaction will appear once an editor has read it.")
            messages.success(request, thanks)
            return redirect(f"{debate.get_url(request)}#reactions")
    context = _page_again(request, debate)
    context["reaction_form"] = form
    # The one form comes back set on the thread it answered, if it still may.
    context["reply_to"] = selectors.reply_target(debate, form.data.get("parent"))
    return TemplateResponse(
        request, debate.get_template(request), context, status=status
    )


def _page_again(request, debate: DebatePage) -> dict:
    """The debate page's context for a form sent back with an error. The page is
    shown whole again, so it is opened like any other reading of it: a metered
    reader's free read is counted, and a refused form cannot be a way to read for
    free."""
    access = services.open_debate(
        debate, reader=request.user, quota=selectors.premium_quota(request)
    )
    return debate.get_context(request, read_access=access)


def _as_new_reaction(form: ReactionForm) -> ReactionForm:
    data = form.data.copy()
    data["parent"] = ""
    new = ReactionForm(data, auto_id="reaction-%s")
    new.is_valid()
    return new


@for_visitors
def contributor_detail(request, slug):
    """A citizen expert's public profile and the debates they wrote in."""
    contributor = get_object_or_404(
        Contributor.objects.filter(live=True).select_related("photo"), slug=slug
    )
    return render(
        request,
        "debates/contributor_page.html",
        {
            "contributor": contributor,
            "debates": selectors.debates_by_contributor(contributor),
        },
    )
