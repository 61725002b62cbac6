"""A provider that refuses, or whose answer is lost, when told to: Anymail's
test backend, raising what Anymail's HTTP backends raise in those cases
(anymail.backends.base_requests)."""

import requests
from anymail.backends.test import EmailBackend as AnymailTestBackend
from anymail.exceptions import AnymailRequestsAPIError


def _response(status: int, body: bytes) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response.reason = "Service Unavailable"
    response._content = body
    response.url = "https://api.provider.example/email/batch"
    return response


class FlakyProvider(AnymailTestBackend):
    #: "refuse": the provider answers 503 (it took nothing);
    #: "lost": the read timed out after the request left (it may have).
    mode = None

    def post_to_esp(self, payload, message):
        if self.mode == "refuse":
            raise AnymailRequestsAPIError(
                email_message=message,
                payload=payload,
                response=_response(
                    503, b'{"ErrorCode": 100, "Message": "Maintenance"}'
                ),
                backend=self,
            )
        if self.mode == "lost":
            error_class = type(
                "AnymailRequestsAPIError",
                (AnymailRequestsAPIError, requests.ReadTimeout),
                {},
            )
            try:
                raise requests.ReadTimeout("Read timed out. (read timeout=30)")
            except requests.ReadTimeout as error:
                raise error_class(
                    "Error posting to https://api.provider.example/email/batch:",
                    email_message=message,
                    payload=payload,
                ) from error
        return super().post_to_esp(payload, message)
