"""Review in Chromium: a translator's Dutch change of a live story waits (readers keep the old
Dutch text), is submitted, an editor reads its diff in the review queue and publishes it,
and readers see the new text."""

import pytest

from articles.models import PendingChange, TranslatorProfile
from demo.seed import ensure_groups
from tests import factories
from tests.browser.admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _member(group, **fields):
    person = factories.user(**fields)
    person.groups.add(group)
    return person


def _log_in(browser, live_server, user, next_url):
    context = browser.new_context()
    page = context.new_page()
    log_in(page, live_server, user, next_url)
    return context, page


def _reader_title(browser, url) -> str:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        return page.locator("h1.article__title").inner_text()
    finally:
        context.close()


def test_a_translators_dutch_change_is_reviewed_and_published(browser, live_server):
    story = factories.article(
        languages=("en", "nl"),
        title_en="The harbour crane turns again",
        title_nl="De havenkraan draait weer",
    )
    # A transactional test starts with empty tables: the groups the migration made are gone.
    editors, translators = ensure_groups()
    translator = _member(translators, first_name="Anneke", last_name="de Vries")
    TranslatorProfile.objects.create(user=translator, languages=["nl"])
    editor = _member(editors, first_name="Elif", last_name="Kaya")
    reader_url = f"{live_server.url}{story.get_absolute_url('nl')}"
    change_url = f"/admin/articles/article/{story.pk}/change/"
    errors = []

    translator_context, page = _log_in(browser, live_server, translator, change_url)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.click(".nr-switcher-button[data-nr-lang=nl]")
        page.fill("#id_title_nl", "De havenkraan draait na tien jaar weer")
        page.click("input[name=_save]")
        page.wait_for_url("**/admin/articles/article/")
        # Saved as a pending change: readers still read the old Dutch headline.
        assert _reader_title(browser, reader_url) == "De havenkraan draait weer"

        page.goto(f"{live_server.url}{change_url}")
        page.click("a.nr-review-link")
        page.click("button[name=action][value=submit]")
        page.wait_for_load_state()
        assert "Submitted for review: Dutch." in page.content()
        assert PendingChange.objects.get(article=story, language="nl").state == "submitted"
        # A translator has no Publish button here.
        assert page.locator("button[name=action][value=publish]").count() == 0
    finally:
        translator_context.close()

    editor_context, page = _log_in(browser, live_server, editor, "/admin/")
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.click("text=Review queue")
        page.wait_for_url("**/admin/articles/article/review/")
        item = page.locator(f"#review-{story.pk}-nl")
        item.wait_for(state="visible")
        title = item.locator("dd.nr-diff-field-title")
        assert title.get_attribute("lang") == "nl"
        assert title.locator("ins").inner_text().strip() == "na tien jaar"
        assert "Anneke de Vries" in item.inner_text()

        item.locator("button[name=action][value=publish]").click()
        page.wait_for_load_state()
        assert "Published: Dutch. Readers see it now." in page.content()
        assert "Nothing waits for review." in page.content()
    finally:
        editor_context.close()

    assert _reader_title(browser, reader_url) == "De havenkraan draait na tien jaar weer"
    assert errors == []
