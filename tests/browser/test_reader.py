"""A reader switching languages in Chromium: the right page, and the choice remembered."""

import pytest

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_switching_to_dutch_opens_the_dutch_story_and_is_remembered(page, live_server):
    story = factories.article(languages=("en", "nl"), title_nl="Nachtbussen rijden weer")
    page.goto(live_server.url + story.get_absolute_url("en"))

    page.click(".language-switcher a[hreflang=nl]")

    assert page.locator("h1").inner_text() == "Nachtbussen rijden weer"
    assert page.locator("html").get_attribute("lang") == "nl"
    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/nl/"


def test_a_language_without_the_story_is_shown_but_cannot_be_followed(page, live_server):
    story = factories.article(languages=("en", "nl"))
    page.goto(live_server.url + story.get_absolute_url("en"))

    switcher = page.locator(".language-switcher")
    assert switcher.locator("a[hreflang=de]").count() == 0
    assert switcher.locator(".language-switcher__unavailable", has_text="Deutsch").is_visible()


def test_arabic_pages_run_right_to_left(page, live_server):
    story = factories.article(languages=("en", "ar"), title_ar="عودة حافلات الليل")
    page.goto(live_server.url + story.get_absolute_url("ar"))

    heading = page.locator("h1")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert heading.evaluate("h => getComputedStyle(h).direction") == "rtl"
    # The heading starts at the right: its right edge is further right than its text's left.
    box, body = heading.bounding_box(), page.locator("main").bounding_box()
    assert box["x"] + box["width"] > body["x"] + body["width"] / 2
