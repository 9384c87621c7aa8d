"""The article body editor in Chromium: links only from the link button, a toolbar that stays in
view, and the whole form working under the admin's Content-Security-Policy."""

import re

import pytest

from articles.models import Article
from tests import factories
from tests.browser.admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RUN_ON = "the alternative.You do not need"


def _body(page):
    return page.locator(".field-body_en [contenteditable=true]")


def _save(page):
    # The stories are published: "Publish" saves and puts the text live in one click (a plain
    # save would be a pending change readers do not see yet).
    page.click("input[name=_publish]")
    page.wait_for_url("**/admin/articles/article/")


def test_typed_or_pasted_text_that_looks_like_an_address_is_not_made_a_link(page, live_server):
    story = factories.article(body_en="<p>Start.</p>")
    path = f"/admin/articles/article/{story.pk}/change/"
    log_in(page, live_server, factories.user(superuser=True), path)

    _body(page).click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    # Typed: autolink would fire on the space after "alternative.You".
    page.keyboard.type(RUN_ON + ".")
    page.keyboard.press("Enter")
    # Pasted as plain text, as from a scraped page or a mail.
    page.evaluate(
        """text => {
            const data = new DataTransfer();
            data.setData('text/plain', text);
            document.querySelector('.field-body_en [contenteditable=true]').dispatchEvent(
                new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true})
            );
        }""",
        "Pasted: " + RUN_ON + " any more.",
    )
    assert _body(page).locator("a").count() == 0
    _save(page)

    story.refresh_from_db()
    assert "alternative.You do not need" in story.body_en
    assert "Pasted: the alternative.You" in story.body_en
    assert "<a" not in story.body_en
    page.goto(live_server.url + story.get_absolute_url("en"))
    body = page.locator("main article")
    assert "the alternative.You do not need" in body.inner_text()
    assert body.locator("a[href*='alternative']").count() == 0


def test_the_link_button_still_makes_a_link(page, live_server):
    story = factories.article(body_en="<p>Read the report today.</p>")
    path = f"/admin/articles/article/{story.pk}/change/"
    log_in(page, live_server, factories.user(superuser=True), path)

    # Select "report" ("Read the " is 9 characters; the paragraph's text starts at 1).
    _body(page).click()
    page.evaluate(
        "document.querySelector('.field-body_en [contenteditable=true]').editor"
        ".commands.setTextSelection({from: 10, to: 16})"
    )
    page.locator(".field-body_en .prose-menubar__button[title='insert link']").click()
    dialog = page.locator("dialog.prose-editor-dialog")
    dialog.locator("input[name=href]").fill("https://example.org/report")
    dialog.locator("button[type=submit]").first.click()
    _save(page)

    story.refresh_from_db()
    assert re.search(r'<a href="https://example.org/report"[^>]*>report</a>', story.body_en)
    page.goto(live_server.url + story.get_absolute_url("en"))
    assert page.locator("main a[href='https://example.org/report']").inner_text() == "report"


def test_the_toolbar_stays_in_view_at_the_end_of_a_long_body(page, live_server, tmp_path):
    paragraphs = "".join(
        f"<p>Paragraph {n}: the council met again and talked at length about the harbour, "
        "the crane, the budget and the weather, as councils do.</p>"
        for n in range(1, 31)
    )
    story = factories.article(body_en=paragraphs)
    path = f"/admin/articles/article/{story.pk}/change/"
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, live_server, factories.user(superuser=True), path)

    last = _body(page).locator("p").last
    last.click()
    last.scroll_into_view_if_needed()
    page.mouse.wheel(0, 200)
    page.wait_for_timeout(200)
    page.screenshot(path=tmp_path / "toolbar-at-the-end-of-a-long-body.png")

    assert last.bounding_box()["y"] < 800  # the end of the body is on screen…
    toolbar = page.locator(".field-body_en .prose-menubar").bounding_box()
    assert 0 <= toolbar["y"] and toolbar["y"] + toolbar["height"] <= 800  # …and so is the toolbar
    # The editor can use it right there: make the last paragraph a subheading.
    page.locator(".field-body_en .prose-menubar__selected").first.click()
    page.locator(".prose-menubar__picker:popover-open h2").first.click()
    assert _body(page).locator("h2").count() == 1


def test_the_article_form_works_under_the_admins_content_security_policy(
    page, live_server, csp_violations
):
    story = factories.article(body_en="<p>First paragraph.</p>")
    path = f"/admin/articles/article/{story.pk}/change/"
    log_in(page, live_server, factories.user(superuser=True), path)

    response = page.goto(live_server.url + path)
    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "'nonce-" in policy

    _body(page).click()
    page.keyboard.press("End")
    page.keyboard.type(" Typed under the policy.")
    _save(page)

    assert "Typed under the policy." in Article.objects.get(pk=story.pk).body_en
    assert csp_violations == []


def test_a_form_over_the_field_limit_is_not_sent_and_the_work_stays(page, live_server, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 60  # the real limit (10,000) needs a live blog
    story = factories.article(body_en="<p>Start.</p>")
    path = f"/admin/articles/article/{story.pk}/change/"
    log_in(page, live_server, factories.user(superuser=True), path)
    posts = []
    page.on("request", lambda request: posts.append(request) if request.method == "POST" else 0)

    assert page.locator(".nr-form-limit, .errornote").count() == 0  # no empty error box
    _body(page).click()
    page.keyboard.press("End")
    page.keyboard.type(" A sentence that must not be lost.")
    page.click("input[name=_continue]")

    alert = page.locator(".nr-form-limit[role=alert]")
    alert.wait_for()
    assert "at most 60" in alert.inner_text()
    assert posts == []
    assert "A sentence that must not be lost." in _body(page).inner_text()
    story.refresh_from_db()
    assert story.body_en == "<p>Start.</p>"
