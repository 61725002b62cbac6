from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Imported here: personal_data needs allauth's models, loaded only by ready().
        from accounts import personal_data

        personal_data.register_accounts_sections()
