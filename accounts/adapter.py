from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.client import client_address
from core.outbox import owe_rendered
from core.selectors import site_settings


class AccountAdapter(DefaultAccountAdapter):
    """Ties allauth to the reader's language and to the publication's name.

    https://docs.allauth.org/en/latest/account/advanced.html#custom-redirects
    """

    def save_user(self, request, user, form, commit=True):
        # A reader who signs up on the English site gets English emails from then on.
        user.language = translation.get_language() or user.language
        return super().save_user(request, user, form, commit=commit)

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # Failures are counted per account too: the owner is never stuck, the
        # emailed code still works.
        "too_many_login_attempts": _(
            "Too many failed login attempts. Try again in a few minutes, or sign in "
            "with a code sent by email."
        ),
    }

    def get_client_ip(self, request):
        # One notion of the reader's address for every limit, ours and allauth's.
        return client_address(request)

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return translate_url(url, user.language)
        return url

    def send_mail(self, template_prefix, email, context):
        # Without django.contrib.sites allauth would sign its emails with the bare
        # host name; readers know us by the publication's name.
        request = self.request
        context = {
            "request": request,
            "email": email,
            "current_site": SimpleNamespace(
                name=site_settings(request).publication_name,
                domain=request.get_host() if request else "",
            ),
            **context,
        }
        # Queued like every email: a provider outage delays a sign-in code or a
        # reset link, it never turns the reader's request into an error page.
        message = self.render_mail(template_prefix, email, context)
        owe_rendered(message, language=translation.get_language() or "fr")
