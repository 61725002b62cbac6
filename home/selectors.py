from home.models import SiteSettings


def site_settings(request=None) -> SiteSettings:
    """The publication's settings, cached on the request by Wagtail."""
    return SiteSettings.load(request_or_site=request)
