"""gunicorn's settings for Versus: ``gunicorn -c config/gunicorn_conf.py``.

Anything else (``--bind``, ``--workers``) is given on the command line or in
``GUNICORN_CMD_ARGS``, as gunicorn documents.
"""

from gunicorn.http import wsgi

wsgi_app = "config.wsgi:application"

# gunicorn names itself and its version in a Server header on every answer, with no
# setting to turn it off; an attacker looking for a known flaw learns it for free.
# This file runs in the master process before the workers are forked.
_default_headers = wsgi.Response.default_headers


def _default_headers_without_server(self):
    return [
        line
        for line in _default_headers(self)
        if not line.lower().startswith("server:")
    ]


wsgi.Response.default_headers = _default_headers_without_server
