"""The journeys fail on any Content-Security-Policy violation (see conftest); this
checks that the watch sees one, and that the site's own pages cause none."""

CSP = "script-src 'self'; style-src 'self'"


def test_a_blocked_inline_script_is_reported(page, site_url, csp_violations):
    def with_an_inline_script(route):
        route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": CSP},
            body="<!doctype html><p>x</p><script>document.title = 'ran'</script>",
        )

    page.route(f"{site_url}/essai-csp/", with_an_inline_script)
    page.goto(f"{site_url}/essai-csp/")
    page.wait_for_function("() => document.readyState === 'complete'")

    assert page.title() != "ran"
    assert [v["directive"] for v in csp_violations] == ["script-src-elem"]
    csp_violations.clear()  # seen on purpose: the test passes


def test_the_site_pages_load_their_styles_and_scripts(page, site_url):
    page.goto(site_url + "/")

    # The stylesheet applied: the skip link is moved off screen by site.css.
    assert page.locator(".skip-link").evaluate(
        "el => getComputedStyle(el).position"
    ) in {"absolute", "fixed"}
