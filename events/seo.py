from django.utils.timezone import localtime

from core.links import absolute_url
from core.models import SiteSettings
from debates.seo import json_ld_script


def conference_json_ld(conference, request, context):
    """schema.org Event, with its place, performers and offers."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": conference.title,
        "description": conference.question,
        "startDate": localtime(conference.starts_at).isoformat(),
        "endDate": localtime(conference.ends_at).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "url": absolute_url(request.path, request),
        "location": {
            "@type": "Place",
            "name": conference.venue,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": conference.street,
                "postalCode": conference.postcode,
                "addressLocality": conference.city,
                "addressCountry": "FR",
            },
        },
        "organizer": {
            "@type": "Organization",
            "name": SiteSettings.load(request_or_site=request).publication_name,
            "url": absolute_url("/", request),
        },
        "performer": [
            {"@type": "Person", "name": speaker.display_name}
            for speaker in context["speakers"]
        ],
        "offers": [
            {
                "@type": "Offer",
                "name": price.label,
                "price": str(price.price),
                "priceCurrency": "EUR",
                "availability": "https://schema.org/SoldOut"
                if conference.sold_out
                else "https://schema.org/InStock",
                "url": absolute_url(request.path, request),
            }
            for price in context["prices"]
        ],
    }
    return json_ld_script(data)
