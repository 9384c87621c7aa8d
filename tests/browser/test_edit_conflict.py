"""Two editors on one story in Chromium: each sees the other is there, the second save is
refused with the first editor named, and the second editor's text is still in the form."""

import pytest

from articles import selectors
from articles.models import Revision
from tests import factories
from tests.browser.admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(browser, live_server, user, next_url):
    context = browser.new_context()
    page = context.new_page()
    log_in(page, live_server, user, next_url)
    return context, page


def test_two_editors_collide_and_nothing_is_lost(browser, live_server):
    story = factories.article(languages=("en",), title_en="Harbour crane turns again")
    url = f"/admin/articles/article/{story.pk}/change/"
    alice = factories.user(first_name="Alice", last_name="Ahmadi", superuser=True)
    bob = factories.user(first_name="Bob", last_name="Bakker", superuser=True)
    errors = []

    alice_context, alice_page = _log_in(browser, live_server, alice, url)
    bob_context, bob_page = _log_in(browser, live_server, bob, url)
    for page in (alice_page, bob_page):
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        # Bob opened it second: his form says Alice is editing (and presence.js keeps it so).
        presence = bob_page.locator("#nr-presence")
        presence.wait_for(state="visible")
        assert "Also editing this article now: Alice Ahmadi." in presence.inner_text()

        alice_page.fill("#id_title_en", "Harbour crane turns again after ten years")
        bob_page.fill("#id_title_en", "The old harbour crane is moving")
        bob_page.fill("#id_standfirst_en", "Bob's careful standfirst.")

        alice_page.click("input[name=_save]")
        alice_page.wait_for_url("**/admin/articles/article/")
        bob_page.click("input[name=_save]")
        bob_page.wait_for_load_state()

        conflict = bob_page.locator("#nr-conflict")
        conflict.wait_for(state="visible")
        assert "Alice Ahmadi changed this article since you opened it" in bob_page.content()
        assert "Harbour crane turns again after ten years" in conflict.inner_text()
        # Bob's text is still in his form, and kept as its own revision.
        assert bob_page.input_value("#id_title_en") == "The old harbour crane is moving"
        assert bob_page.input_value("#id_standfirst_en") == "Bob's careful standfirst."
        kept = Revision.objects.get(article=story, kind="conflict")
        assert kept.created_by == bob
        assert kept.data["text"]["en"]["title"] == "The old harbour crane is moving"
        assert selectors.pending_view(story).title_en == "Harbour crane turns again after ten years"

        # Having read it, Bob keeps Alice's title and saves his standfirst: both survive.
        bob_page.fill("#id_title_en", "Harbour crane turns again after ten years")
        bob_page.click("input[name=_save]")
        bob_page.wait_for_url("**/admin/articles/article/")
        merged = selectors.pending_view(story)
        assert merged.title_en == "Harbour crane turns again after ten years"
        assert merged.standfirst_en == "Bob's careful standfirst."
        assert errors == []
    finally:
        alice_context.close()
        bob_context.close()
