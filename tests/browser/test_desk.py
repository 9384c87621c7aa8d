"""The translation desk in Chromium: a Dutch translator opens the worklist, follows the
outdated story to the form (opened on Dutch), reads the changed paragraph beside the source,
and marks the translation up to date; an empty language started from the source keeps its
headings, quotes, lists, links and placed pictures."""

import pytest

from articles import policy, services
from articles.models import Article, ArticleVariant, PendingChange, TranslatorProfile
from demo.seed import ensure_groups
from tests import factories
from tests.browser.admin import log_in
from tests.media import factories as media_factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.NEWSROOM_IMAGE_WIDTHS = [320, 640]


def test_a_translator_goes_from_the_desk_to_the_changed_paragraph_and_marks_it(page, live_server):
    ensure_groups()
    from django.contrib.auth.models import Group

    translator = factories.user()
    translator.groups.add(Group.objects.get(name=policy.TRANSLATORS))
    TranslatorProfile.objects.create(user=translator, languages=["nl"])
    editor = factories.superuser()
    story = factories.article(
        languages=("en", "nl"),
        title_en="River floods the town",
        body_en="<p>The river rose overnight.</p><p>The mayor called a meeting.</p>",
    )
    services.article_update(
        article=Article.objects.get(pk=story.pk),
        by=editor,
        body_en="<p>The river rose fast overnight.</p><p>The mayor called a meeting.</p>",
    )
    services.article_publish(article=Article.objects.get(pk=story.pk), by=editor)

    log_in(page, live_server, translator, "/admin/")
    page.click("a[href='/admin/articles/translationdesk/']")
    item = page.locator(".nr-desk-item[data-language=nl]")
    assert "Outdated" in item.locator(".nr-desk-badge").inner_text()
    item.locator(".nr-desk-open a").click()

    page.wait_for_selector(".nr-switcher-button[data-nr-lang=nl][aria-pressed=true]")
    panel = page.locator("#nr-source-changes-nl")
    assert panel.is_visible()
    changed = panel.locator(".nr-para-changed")
    assert changed.locator("ins").inner_text() == "fast "
    # The panel stands beside the fields, inside the translation fieldset.
    assert panel.evaluate("el => !!el.closest('fieldset.nr-translations')")

    page.check("#nr-mark-nl")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    variant = ArticleVariant.objects.select_related("article").get(article=story, language="nl")
    assert not variant.is_outdated and variant.state == ArticleVariant.State.PUBLISHED
    assert page.locator("#nr-source-changes-nl").count() == 0


def test_start_from_the_source_keeps_links_lists_quotes_and_pictures(page, live_server):
    editors, _translators = ensure_groups()
    editor = factories.user()
    editor.groups.add(editors)
    photo = media_factories.image(alt_text_en="Boats on the square")
    key = f"image-{photo.pk}"
    story = factories.article(
        published=False,
        title_en="The flood",
        body_en=(
            "<h2>Overnight</h2>"
            '<p>Read <a href="https://example.org/report">the report</a> first.</p>'
            f'<figure data-placement="{key}"></figure>'
            "<ul><li><p>Sandbags</p></li><li><p>Boats</p></li></ul>"
            '<blockquote><p>"We lost everything," she said.</p></blockquote>'
        ),
    )
    log_in(page, live_server, editor, f"/admin/articles/article/{story.pk}/change/?language=de")
    # Opened on German, as the desk's links ask.
    page.wait_for_selector(".nr-switcher-button[data-nr-lang=de][aria-pressed=true]")
    page.locator(".field-body_de .nr-start-from-source").click()
    german = page.locator(".field-body_de [contenteditable=true]")
    german.locator("figure.nr-placement-node img").wait_for()
    assert german.evaluate("el => Array.from(el.children).map(c => c.tagName)") == [
        "H2",
        "P",
        "FIGURE",
        "UL",
        "BLOCKQUOTE",
    ]
    page.fill("#id_title_de", "Die Flut")
    page.click("input[name=_continue]")
    page.wait_for_load_state("load")
    body_de = Article.objects.get(pk=story.pk).body_de
    assert '<a href="https://example.org/report">the report</a>' in body_de
    assert f'<figure data-placement="{key}"></figure>' in body_de
    assert "<ul><li><p>Sandbags</p></li>" in body_de and "<blockquote>" in body_de


def test_a_translator_starts_an_empty_dutch_version_from_the_read_only_source(page, live_server):
    # The translator has no editor for the English body (it is read-only for them): the
    # copy comes from the source body the server puts in the form's config.
    ensure_groups()
    from django.contrib.auth.models import Group

    translator = factories.user()
    translator.groups.add(Group.objects.get(name=policy.TRANSLATORS))
    TranslatorProfile.objects.create(user=translator, languages=["nl"])
    photo = media_factories.image(alt_text_en="Boats on the square")
    key = f"image-{photo.pk}"
    story = factories.article(
        title_en="The flood",
        body_en=(
            "<h2>Overnight</h2>"
            '<p>Read <a href="https://example.org/report">the report</a> first.</p>'
            f'<figure data-placement="{key}"></figure>'
            '<blockquote><p>"We lost everything," she said.</p></blockquote>'
        ),
    )
    assert not Article.objects.get(pk=story.pk).body_nl

    url = f"/admin/articles/article/{story.pk}/change/?language=nl"
    log_in(page, live_server, translator, url)
    page.wait_for_selector(".nr-switcher-button[data-nr-lang=nl][aria-pressed=true]")
    assert page.locator(".field-body_en [contenteditable=true]").count() == 0
    start = page.locator(".field-body_nl .nr-start-from-source")
    start.wait_for(state="visible")
    start.click()

    dutch = page.locator(".field-body_nl [contenteditable=true]")
    dutch.locator("figure.nr-placement-node").wait_for()
    assert dutch.evaluate("el => Array.from(el.children).map(c => c.tagName)") == [
        "H2",
        "P",
        "FIGURE",
        "BLOCKQUOTE",
    ]
    assert dutch.locator("a[href='https://example.org/report']").inner_text() == "the report"
    assert dutch.locator(f"figure[data-placement='{key}']").count() == 1
    assert start.is_hidden()  # a translation with text is never overwritten

    page.fill("#id_title_nl", "De overstroming")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    # A live story: the Dutch text waits for review, with the source's layout.
    change = PendingChange.objects.select_related("revision").get(article=story, language="nl")
    body_nl = change.revision.data["text"]["nl"]["body"]
    assert "<h2>Overnight</h2>" in body_nl and "<blockquote>" in body_nl
    assert '<a href="https://example.org/report">the report</a>' in body_nl
    assert f'<figure data-placement="{key}"></figure>' in body_nl
    assert not Article.objects.get(pk=story.pk).body_nl
