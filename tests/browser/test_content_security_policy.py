"""Reader pages under the production Content-Security-Policy in Chromium: nothing is refused,
and a video plays in a frame from the provider's privacy-enhanced host after a click."""

import pytest

from articles import body as body_references
from tests import factories
from tests.media import factories as media_factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.NEWSROOM_IMAGE_WIDTHS = [320]


def _story_with_a_warned_video():
    video = media_factories.embed(
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        title_en="Footage from the scene",
        content_warning_en="Shows injured people",
    )
    reference = body_references.reference(body_references.key_for("embed", video.pk))
    return factories.article(
        body_en=f"<p>First paragraph.</p>{reference}<p>Second paragraph.</p>",
        lead_image=media_factories.image(size=(800, 450)),
    )


def test_reader_pages_run_under_the_policy_without_a_violation(page, live_server, csp_violations):
    story = _story_with_a_warned_video()
    # Nothing may leave the test server; the player's frame is refused here, not by the policy.
    page.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())

    for path, status in [
        ("/en/", 200),
        (story.get_absolute_url("en"), 200),
        ("/en/no-such-page/", 404),
    ]:
        response = page.goto(live_server.url + path)
        assert response.status == status
        policy = response.headers["content-security-policy"]
        assert "unsafe-inline" not in policy
        assert "camera=()" in response.headers["permissions-policy"]
        page.wait_for_load_state("networkidle")

    page.goto(live_server.url + story.get_absolute_url("en"))
    page.locator(".media-warning--embed summary").click()
    page.locator(".embed__placeholder").click()
    frame = page.locator(".embed iframe")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    page.wait_for_timeout(300)

    assert csp_violations == []


def test_the_policy_refuses_an_injected_inline_script(page, live_server, csp_violations):
    """The reverse proof: the console check above would see a violation if there were one."""
    page.goto(f"{live_server.url}/en/")
    page.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.injected = true';
            document.body.append(script);
        }"""
    )
    page.wait_for_timeout(100)
    assert page.evaluate("window.injected === undefined")
    assert any("script-src" in text for text in csp_violations)
