"""Issue 9's translator's day in Chromium, end to end: a Dutch translator opens the desk,
finds the Dutch story whose English source changed (a paragraph reworded, a new video with
a content warning placed in the text), opens it on Dutch, reads the changed paragraph in
the source-changes panel, updates the Dutch paragraph, places the video in the Dutch text,
translates the video's title and warning, marks the translation up to date and submits it;
an editor reads the diff in the review queue and publishes it; a reader's Dutch page shows
the new paragraph and the Dutch warning without the outdated note, and the desk is empty.

Only the starting state is made through the services; the rest is clicks and typing.
axe-core judges the desk (in English and in Arabic) and the article form opened on Dutch:
the W3C checker and axe of test_html_validity.py and test_judges.py see reader pages only.
Screenshots of each step go to $E2E_SCREENSHOTS (default /tmp/e2e/).
"""

import os
from pathlib import Path

import pytest

from articles import body as body_references
from articles import services
from articles.models import Article, ArticleVariant, PendingChange, TranslatorProfile
from demo.seed import ensure_groups
from tests import factories
from tests.browser.admin import log_in
from tests.media import factories as media_factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "/tmp/e2e"))
AXE_JS = Path(
    os.environ.get("AXE_JS")
    or Path(__file__).resolve().parents[2] / "var/tools/node_modules/axe-core/axe.min.js"
)

FIRST_EN = "<p>The river rose overnight and flooded the lower town.</p>"
SECOND_EN = "<p>The mayor called a meeting at noon.</p>"
FIRST_NL = "<p>De rivier steeg vannacht en overstroomde de benedenstad.</p>"
SECOND_NL = "<p>De burgemeester belegde om twaalf uur een vergadering.</p>"
CHANGED_EN = "<p>The mayor called a crisis meeting at noon.</p>"
NEW_NL = "De burgemeester belegde om twaalf uur een crisisvergadering."


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.NEWSROOM_IMAGE_WIDTHS = [320, 640]


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _axe_violations(page, name) -> list[str]:
    """axe-core's violations on the page as it stands (any impact), one line each. Django's
    own breadcrumbs (links told apart by colour alone) and the inline table's empty header
    cells are Django's, not ours, and are left out.

    Judged once the page has finished loading (every stylesheet in), its fonts are in (the
    editor's toolbar icons are ligatures of an icon font: until it loads, a button shows the
    word "format_bold" and axe judges that text) and our scripts have named every body
    editor: on a busy machine axe could otherwise judge a half-built page."""
    page.wait_for_load_state("load")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[contenteditable=true]')]"
        ".every(el => el.hasAttribute('aria-label'))"
    )
    result = page.evaluate(
        "() => axe.run({exclude: [['.breadcrumbs'], ['thead th.original'], ['thead th:empty']]},"
        " {resultTypes: ['violations']})"
    )
    return [
        f"{name}: {v['id']} ({v['impact']}): {[', '.join(n['target']) for n in v['nodes']]}"
        for v in result["violations"]
    ]


def _member(group, **fields):
    person = factories.user(**fields)
    person.groups.add(group)
    return person


def _log_in(browser, live_server, user, next_path, errors, **options):
    if not AXE_JS.exists():
        raise RuntimeError(f"No axe-core at {AXE_JS}: run `make axe`")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    # An init script, not a <script> tag: the admin's Content-Security-Policy refuses inline
    # scripts, and axe must judge the pages as they are served.
    context.add_init_script(path=str(AXE_JS))
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    log_in(page, live_server, user, next_path)
    return context, page


def _outdated_dutch_story():
    """A story translated into Dutch, then changed in English: the second paragraph
    reworded and a video with a content warning placed between the two."""
    editors, translators = ensure_groups()
    editor = _member(editors, first_name="Elif", last_name="Kaya")
    translator = _member(translators, first_name="Anneke", last_name="de Vries")
    TranslatorProfile.objects.create(user=translator, languages=["nl"])
    story = factories.article(
        languages=("en", "nl"),
        title_en="River floods the lower town",
        title_nl="Rivier overstroomt de benedenstad",
        body_en=FIRST_EN + SECOND_EN,
        body_nl=FIRST_NL + SECOND_NL,
    )
    video = media_factories.embed(
        title_en="Footage of the flood", content_warning_en="Shows people in danger"
    )
    key = body_references.key_for("embed", video.pk)
    services.article_update(
        article=Article.objects.get(pk=story.pk),
        by=editor,
        body_en=FIRST_EN + body_references.reference(key) + CHANGED_EN,
    )
    services.article_publish(article=Article.objects.get(pk=story.pk), by=editor)
    assert ArticleVariant.objects.get(article=story, language="nl").is_outdated
    return story, video, key, editor, translator


def test_a_translator_updates_an_outdated_story_and_an_editor_publishes_it(browser, live_server):
    story, video, key, editor, translator = _outdated_dutch_story()
    errors, violations = [], []

    # The translator: desk -> the outdated Dutch story, one click to the editor on Dutch.
    context, page = _log_in(browser, live_server, translator, "/admin/", errors)
    try:
        page.click("a[href='/admin/articles/translationdesk/']")
        item = page.locator(f".nr-desk-item[data-article='{story.pk}'][data-language=nl]")
        item.wait_for()
        assert "Outdated" in item.locator(".nr-desk-badge").all_inner_texts()
        _shot(page, "1-desk")
        violations += _axe_violations(page, "desk")
        item.locator(".nr-desk-open a").click()

        page.wait_for_selector(".nr-switcher-button[data-nr-lang=nl][aria-pressed=true]")
        panel = page.locator("#nr-source-changes-nl")
        panel.wait_for(state="visible")
        changed = panel.locator(".nr-para-changed")
        assert changed.locator("ins").first.inner_text().strip() == "crisis"
        violations += _axe_violations(page, "article form (?language=nl)")
        panel.screenshot(path=str(SHOTS / "2-source-changes.png"))

        # The Dutch second paragraph, retyped.
        dutch = page.locator(".field-body_nl [contenteditable=true]")
        paragraph = dutch.locator("p", has_text="vergadering")
        paragraph.click(click_count=3)  # the whole paragraph, however it wraps
        page.keyboard.type(NEW_NL)
        assert paragraph.inner_text() == NEW_NL
        # The video goes before it, as in the source: at the end of the first paragraph.
        dutch.locator("p", has_text="benedenstad").click()
        page.keyboard.press("End")
        page.locator(".field-body_nl button[title='Insert video or link']").click()
        dialog = page.locator("dialog.nr-library[open]")
        dialog.locator(f"button.nr-library__item[data-id='{video.pk}']").click()
        dialog.wait_for(state="hidden")
        dutch.locator(f"figure.nr-placement-node[data-placement='{key}']").wait_for()

        # The video's title and warning in Dutch, in the linked texts block.
        prefix = f"#id_linked-nl-embed_{video.pk}"
        page.fill(f"{prefix}_title", "Beelden van de overstroming")
        page.fill(f"{prefix}_content_warning", "Toont mensen in gevaar")
        page.locator("#nr-linked").screenshot(path=str(SHOTS / "3-linked-texts.png"))

        page.check("#nr-mark-nl")
        page.click("input[name=_continue]")
        page.wait_for_selector(".messagelist .success")
        _shot(page, "4-saved")

        page.click("a.nr-review-link")
        page.click("button[name=action][value=submit]")
        page.wait_for_selector(".messagelist .success")
        assert PendingChange.objects.get(article=story, language="nl").state == "submitted"
        # The mark waits with the text: readers keep the old Dutch text with its note.
        assert ArticleVariant.objects.get(article=story, language="nl").is_outdated
    finally:
        context.close()

    # The editor: the review queue, the diff, publish.
    context, page = _log_in(browser, live_server, editor, "/admin/", errors)
    try:
        page.click("text=Review queue")
        item = page.locator(f"#review-{story.pk}-nl")
        item.wait_for(state="visible")
        assert "crisisvergadering" in item.locator("ins").all_inner_texts()[0] or any(
            "crisisvergadering" in text for text in item.locator("ins").all_inner_texts()
        )
        assert "Marks the translation up to date with source version" in item.inner_text()
        item.screenshot(path=str(SHOTS / "5-review.png"))
        item.locator("button[name=action][value=publish]").click()
        page.wait_for_selector(".messagelist .success")
    finally:
        context.close()

    # The reader.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(live_server.url + Article.objects.get(pk=story.pk).get_absolute_url("nl"))
        assert page.locator("article p", has_text="burgemeester").inner_text() == NEW_NL
        warning = page.locator("figure.placed--embed .media-warning__text")
        assert warning.inner_text() == "Toont mensen in gevaar"
        assert page.locator(".outdated-note").count() == 0
        _shot(page, "6-reader")
    finally:
        context.close()

    # The desk has nothing left for the translator.
    context, page = _log_in(
        browser, live_server, translator, "/admin/articles/translationdesk/", errors
    )
    try:
        assert page.locator(f".nr-desk-item[data-article='{story.pk}']").count() == 0
        assert page.locator(".nr-desk-state-outdated .nr-count").inner_text() == "0"
    finally:
        context.close()
    assert errors == []
    assert violations == [], "\n".join(violations)


def test_the_desk_reads_right_to_left_in_arabic_and_passes_axe(browser, live_server):
    story, _video, _key, _editor, translator = _outdated_dutch_story()
    errors = []
    context, page = _log_in(
        browser, live_server, translator, "/admin/articles/translationdesk/", errors, locale="ar"
    )
    try:
        assert page.locator("html").get_attribute("dir") == "rtl"
        item = page.locator(f".nr-desk-item[data-article='{story.pk}'][data-language=nl]")
        # The Dutch title keeps its own direction inside the Arabic page.
        title = item.locator(".nr-desk-title a")
        assert (title.get_attribute("lang"), title.get_attribute("dir")) == ("nl", "ltr")
        _shot(page, "7-desk-arabic")
        violations = _axe_violations(page, "desk (ar)")
    finally:
        context.close()
    assert errors == []
    assert violations == [], "\n".join(violations)
