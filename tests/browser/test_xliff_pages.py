"""The XLIFF round trip in Chromium, as a Dutch translator with a Dutch admin: the export form
from the article list (only Dutch offered), the download, the import page found from the
article list, its report of what was saved and of a refused file.

Set NEWSROOM_SCREENSHOTS to a folder to keep screenshots of the three pages."""

import os
from pathlib import Path

import pytest

from articles import policy
from articles.models import PendingChange, TranslatorProfile
from demo.seed import ensure_groups
from tests import factories
from tests.articles.test_xliff import _cat_tool, _story
from tests.browser.admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.NEWSROOM_IMAGE_WIDTHS = [320, 640]


@pytest.fixture
def dutch_page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def _shot(page, name):
    folder = os.environ.get("NEWSROOM_SCREENSHOTS")
    if folder:
        page.screenshot(path=Path(folder) / f"{name}.png", full_page=True)


def test_a_dutch_translator_exports_translates_and_imports(dutch_page, live_server, tmp_path):
    page = dutch_page
    ensure_groups()
    from django.contrib.auth.models import Group

    translator = factories.user()
    translator.groups.add(Group.objects.get(name=policy.TRANSLATORS))
    TranslatorProfile.objects.create(user=translator, languages=["nl"])
    story = _story()

    log_in(page, live_server, translator, "/admin/articles/article/")
    page.check(f"input[name=_selected_action][value='{story.pk}']")
    page.select_option("select[name=action]", "export_xliff")
    page.click("button[name=index]")

    page.wait_for_selector("select[name=language]")
    assert page.locator("select[name=language] option").all_inner_texts() == ["Nederlands"]
    _shot(page, "xliff-export-form")
    with page.expect_download() as download:
        page.click("input[type=submit].default")
    exported = Path(download.value.path()).read_bytes()
    translated = tmp_path / "story-nl.xlf"
    translated.write_bytes(_cat_tool(exported, "2.0"))

    page.goto(f"{live_server.url}/admin/articles/article/")
    page.click(".object-tools a.nr-xliff-import-link")
    page.set_input_files("input[name=file]", str(translated))
    page.click("input[type=submit].default")

    done = page.locator(".nr-xliff-done")
    assert "opgeslagen ter beoordeling" in done.inner_text()
    assert PendingChange.objects.filter(article=story, language="nl").exists()
    _shot(page, "xliff-import-saved")

    refused = tmp_path / "refused-nl.xlf"
    refused.write_bytes(translated.read_bytes().replace(b".body.p5", b".body.p9"))
    page.set_input_files("input[name=file]", str(refused))
    page.click("input[type=submit].default")

    problems = page.locator(".nr-xliff-problems li")
    assert problems.count() == 1
    assert f"article-{story.pk}.body.p9" in problems.first.inner_text()
    _shot(page, "xliff-import-refused")
