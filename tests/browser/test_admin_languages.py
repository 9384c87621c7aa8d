"""The article form's own language switcher, driven in Chromium as an editor would."""

import pytest

from tests import factories
from tests.browser.admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, next_path):
    editor = factories.user(superuser=True)
    log_in(page, live_server, editor, next_path)


def test_choosing_a_language_shows_it_beside_the_source_and_hides_the_rest(page, live_server):
    _log_in(page, live_server, "/admin/articles/article/add/")

    buttons = page.locator(".nr-switcher-button")
    assert buttons.count() == 5
    page.click(".nr-switcher-button[data-nr-lang=nl]")

    assert page.locator(".field-title_nl").is_visible()
    assert page.locator(".field-title_en").is_visible()  # the source, side by side
    assert not page.locator(".field-title_de").is_visible()
    assert not page.locator(".field-title_ar").is_visible()
    assert (
        page.locator(".nr-switcher-button[data-nr-lang=nl]").get_attribute("aria-pressed") == "true"
    )


def test_after_a_failed_save_the_language_with_the_error_is_opened(page, live_server):
    _log_in(page, live_server, "/admin/articles/article/add/")
    page.select_option("#id_source_language", "de")
    page.click(".nr-switcher-button[data-nr-lang=nl]")
    page.fill("#id_title_nl", "Alleen Nederlands")
    page.click("input[name=_save]")
    page.wait_for_load_state()

    german = page.locator(".nr-switcher-button[data-nr-lang=de]")
    assert german.get_attribute("aria-pressed") == "true"
    assert german.locator(".nr-error-badge").is_visible()
    assert page.locator(".field-title_de .errorlist").is_visible()
    # Nothing typed is lost.
    assert page.locator("#id_title_nl").input_value() == "Alleen Nederlands"
