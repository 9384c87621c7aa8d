"""The translation page's pictures, videos, tags and section (issue 9 point 4) and the
translation memory's suggestion (point 7), driven in Chromium as a translator would."""

import pytest
from django.contrib.auth.models import Permission

from articles.models import PendingChange, TranslatorProfile
from media.models import Image
from tests import factories
from tests.articles.test_linked import make_story
from tests.browser.admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _translator(*languages):
    """A translator by their permissions (a transactional test empties the groups the
    migration made): change and view stories and language versions, view the rest."""
    person = factories.user()
    codenames = ["change_article", "view_article", "change_articlevariant", "view_articlevariant"]
    codenames += [f"view_{m}" for m in ("section", "tag", "author", "byline", "placement")]
    codenames += ["view_taggedarticle", "view_image", "view_embed"]
    person.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    TranslatorProfile.objects.create(user=person, languages=list(languages))
    return person


def test_a_translator_fills_a_caption_from_the_memory_and_saves_it_for_review(page, live_server):
    picture = factories.image(
        caption_en="The dyke at dawn.", caption_nl="De dijk bij het ochtendgloren."
    )
    factories.article(languages=("en", "nl"), lead_image=picture)
    story = make_story()
    translator = _translator("nl", "de")
    path = f"/admin/articles/article/{story.pk}/change/"
    log_in(page, live_server, translator, path)

    page.click(".nr-switcher-button[data-nr-lang=nl]")
    lead = story.lead_image_id
    caption = page.locator(f"#id_linked-nl-image_{lead}_caption")
    assert caption.is_visible()
    assert not page.locator(f"#id_linked-de-image_{lead}_caption").is_visible()
    page.locator(f"[data-target='id_linked-nl-image_{lead}_caption']").click()
    assert caption.input_value() == "De dijk bij het ochtendgloren."
    page.click("input[name=_continue]")
    page.wait_for_load_state()

    assert PendingChange.objects.filter(article=story, language="nl").exists()
    assert Image.objects.get(pk=lead).caption_nl in (None, "")
    assert page.locator(f"#id_linked-nl-image_{lead}_caption").input_value() == (
        "De dijk bij het ochtendgloren."
    )
