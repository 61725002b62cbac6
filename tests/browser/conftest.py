"""Browser journeys: a real Chromium, driven by Playwright, against the live server.

Chromium is Debian's (``/usr/bin/chromium``) when the machine has it, else the one
Playwright may have downloaded. Without any, the journeys are skipped, unless
``BROWSER_TESTS=required`` (CI), where a missing browser fails the run.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the main thread; without this Django's
# ORM refuses to be called from the test (SynchronousOnlyOperation).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

BROWSER_TESTS_DIR = Path(__file__).resolve().parent
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # The machine has no network but localhost: without these Chromium keeps trying
    # to reach Google's services and logs refused connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
LOCALE = "fr-FR"


def pytest_collection_modifyitems(config, items):
    # This hook sees every collected item, not only this folder's.
    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS_DIR):
            item.add_marker(pytest.mark.browser)


def _first_line(error: Exception) -> str:
    # Playwright's errors end with a large framed banner; its first line says it all.
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _browser_unavailable(reason: str):
    if os.environ.get("BROWSER_TESTS") == "required":
        pytest.fail(f"BROWSER_TESTS=required but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright():
    try:
        from playwright.sync_api import sync_playwright

        manager = sync_playwright().start()
    except Exception as error:
        _browser_unavailable(f"Playwright could not start: {_first_line(error)}")
    yield manager
    manager.stop()


@pytest.fixture(scope="session")
def browser(playwright):
    if SYSTEM_CHROMIUM.exists():
        how = str(SYSTEM_CHROMIUM)
        launch = {
            "executable_path": str(SYSTEM_CHROMIUM),
            "headless": True,
            "args": CHROMIUM_ARGS,
        }
    else:
        how = "Playwright's bundled Chromium (no /usr/bin/chromium)"
        launch = {}
    try:
        chromium = playwright.chromium.launch(**launch)
    except Exception as error:
        _browser_unavailable(
            f"Chromium could not be launched ({how}): {_first_line(error)}"
        )
    yield chromium
    chromium.close()


# Each page reports what its Content-Security-Policy blocked, before any script of
# its own runs; the binding outlives navigations.
_REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__versusCspViolation({
        page: document.location.href,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile + ":" + event.lineNumber,
        sample: event.sample,
    });
});
"""


@pytest.fixture
def csp_violations():
    """What the browser blocked under the Content-Security-Policy, on every page."""
    return []


@pytest.fixture
def new_page(browser, csp_violations):
    """Opens pages in fresh browser contexts, as separate devices would; each has its
    own cookies. All are closed after the test, which fails if the browser blocked
    anything under the site's Content-Security-Policy on any page it visited."""
    contexts = []
    violations = csp_violations

    def open_page():
        context = browser.new_context(locale=LOCALE, viewport=VIEWPORT)
        contexts.append(context)
        context.expose_binding(
            "__versusCspViolation", lambda _source, report: violations.append(report)
        )
        context.add_init_script(_REPORT_CSP_VIOLATIONS)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()
    if violations:
        pytest.fail(
            "Content-Security-Policy violations:\n"
            + "\n".join(str(report) for report in violations),
            pytrace=False,
        )


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def site_url(live_server, home_page):
    """The live server's root URL, with the home page the migration builds.

    Live-server tests are transactional: the tables are flushed after each test, so
    ``home_page`` rebuilds the home page when a previous test wiped it.
    """
    return live_server.url
