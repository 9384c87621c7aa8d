"""The picture desk in Chromium: privacy-first embeds and content warnings, with and without JS."""

import pytest

from articles.body import reference
from tests import factories as article_factories
from tests.browser.images import loaded_width
from tests.media import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.media_urls"),
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.NEWSROOM_IMAGE_WIDTHS = [320, 640]  # fast renditions; sizes are tested elsewhere


def _story():
    warned = factories.image(
        content_warning_en="Graphic violence",
        content_warning_nl="Grof geweld",
        caption_en="The street after the attack",
        caption_nl="De straat na de aanval",
    )
    video = factories.embed(
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        title_en="Footage from the scene",
        content_warning_en="Shows injured people",
    )
    # The editor's references: the picture after the first paragraph, the video after the
    # second, in both languages.
    picture, film = reference(f"image-{warned.pk}"), reference(f"embed-{video.pk}")
    return article_factories.article(
        languages=("en", "nl"),
        body_en=f"<p>First paragraph.</p>{picture}<p>Second paragraph.</p>{film}"
        "<p>Third paragraph.</p>",
        body_nl=f"<p>Eerste alinea.</p>{picture}<p>Tweede alinea.</p>{film}<p>Derde alinea.</p>",
        lead_image=factories.image(size=(800, 450), alt_text_nl="Een testfoto"),
    )


def _record_requests(page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    return requests


def test_page_with_embed_makes_no_request_beyond_our_server(page, live_server):
    story = _story()
    requests = _record_requests(page)
    # Nothing may leave; should something try, fail it rather than reach the internet.
    page.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())

    page.goto(f"{live_server.url}/story/{story.pk}/")
    page.wait_for_load_state("networkidle")
    page.locator(".media-warning--embed summary").click()
    page.wait_for_load_state("networkidle")

    assert requests and all(url.startswith(live_server.url) for url in requests), requests
    assert page.locator("iframe").count() == 0
    assert page.locator(".embed__title").inner_text() == "Footage from the scene"

    # Only the reader's click loads the player, from the privacy-enhanced host.
    page.locator(".embed__placeholder").click()
    iframe = page.locator(".embed iframe")
    iframe.wait_for()
    assert iframe.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?"
    )
    assert any(url.startswith("https://www.youtube-nocookie.com/") for url in requests)


def test_embed_without_javascript_is_a_plain_link_and_loads_nothing(page_without_js, live_server):
    page = page_without_js
    story = _story()
    requests = _record_requests(page)

    page.goto(f"{live_server.url}/story/{story.pk}/")
    page.wait_for_load_state("networkidle")
    page.locator(".media-warning--embed summary").click()

    assert all(url.startswith(live_server.url) for url in requests), requests
    link = page.locator("a.embed__placeholder")
    assert link.is_visible()
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert page.locator("iframe").count() == 0


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_warned_image_is_revealed_on_click(javascript, page, page_without_js, live_server):
    page = page if javascript else page_without_js
    story = _story()

    page.goto(f"{live_server.url}/story/{story.pk}/?lang=nl")

    warning = page.locator(".media-warning--image")
    summary = warning.locator("summary")
    picture = warning.locator("picture img")
    assert "Grof geweld" in summary.inner_text()
    assert not picture.is_visible()
    # The warning is what assistive technology meets first: the disclosure's own name.
    name = summary.evaluate("el => el.textContent")
    assert "Grof geweld" in name

    summary.click()

    picture.wait_for(state="visible")
    assert loaded_width(picture) > 0
    assert "De straat na de aanval" in page.locator("figure.placed--image").inner_text()


def test_english_only_warning_on_a_dutch_page_is_shown_in_english_and_says_so(page, live_server):
    story = _story()

    page.goto(f"{live_server.url}/story/{story.pk}/?lang=nl")

    summary = page.locator(".media-warning--embed summary")
    english = summary.locator('[lang="en"]')
    marker = summary.locator(".fallback-marker")
    assert english.inner_text() == "Shows injured people"
    assert marker.is_visible() and marker.inner_text() == "(in het Engels)"
    # The video's title has only English too: marked the same way once the warning is open.
    summary.click()
    title = page.locator(".embed__title")
    title.wait_for(state="visible")
    assert title.locator('[lang="en"]').inner_text() == "Footage from the scene"
    assert title.locator(".fallback-marker").inner_text() == "(in het Engels)"


def test_placed_media_in_two_languages_sit_between_the_same_paragraphs(page, live_server):
    story = _story()
    outline = "el => Array.from(el.children).map(c => c.tagName + (c.dataset.placement || ''))"

    page.goto(f"{live_server.url}/story/{story.pk}/")
    english = page.locator(".body").evaluate(outline)
    page.goto(f"{live_server.url}/story/{story.pk}/?lang=nl")
    dutch = page.locator(".body").evaluate(outline)

    first, second = story.placements.order_by("pk").values_list("key", flat=True)
    assert english == ["P", f"FIGURE{first}", "P", f"FIGURE{second}", "P"]
    assert dutch == english
