"""One fallback policy, visible to readers (issue 9, point 5): a text a reader page needs that
does not exist in the reader's language is the original, marked, with its `lang`, or left out
where that is safe; a warning is never left out. An outdated translation says so, dated."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles import services
from articles.models import Article, ArticleVariant, Placement
from newsroom.languages import language_codes
from tests import factories
from tests.media import factories as media_factories

pytestmark = pytest.mark.django_db

EN_MARK = '<span class="fallback-marker">(in het Engels)</span>'


def _english_only(field, **more):
    return {f"{field}_{code}": None for code in language_codes() if code != "en"} | more


def _page(client, story, code="nl"):
    response = client.get(story.get_absolute_url(code))
    assert response.status_code == 200
    return response.content.decode()


def test_a_placed_pictures_english_caption_is_shown_marked_on_the_dutch_page(client):
    photo = media_factories.image(caption_en="Boats in the market square")
    story = factories.article(
        languages=("en", "nl"),
        body_en=f'<p>One.</p><figure data-placement="image-{photo.pk}"></figure>',
        body_nl=f'<p>Een.</p><figure data-placement="image-{photo.pk}"></figure>',
    )
    assert Placement.objects.filter(article=story).exists()
    html = _page(client, story)
    assert (
        '<span class="placed__text"><span lang="en" dir="ltr" class="fallback">'
        f"Boats in the market square</span> {EN_MARK}</span>"
    ) in html


def test_a_dutch_caption_is_shown_plainly(client):
    photo = media_factories.image(caption_en="Boats", caption_nl="Boten")
    story = factories.article(
        languages=("en", "nl"),
        body_en=f'<figure data-placement="image-{photo.pk}"></figure><p>One.</p>',
        body_nl=f'<figure data-placement="image-{photo.pk}"></figure><p>Een.</p>',
    )
    html = _page(client, story)
    assert '<span class="placed__text">Boten</span>' in html
    assert "fallback-marker" not in html


def test_a_video_shows_its_english_title_and_warning_marked_never_left_out(client):
    video = media_factories.embed(
        title_en="The flood from above", content_warning_en="Shows people in danger."
    )
    story = factories.article(
        languages=("en", "nl"),
        body_en=f'<p>One.</p><figure data-placement="embed-{video.pk}"></figure>',
        body_nl=f'<p>Een.</p><figure data-placement="embed-{video.pk}"></figure>',
    )
    html = _page(client, story)
    assert f'class="fallback">The flood from above</span> {EN_MARK}' in html
    assert 'data-embed-lang="en"' in html  # the player's frame gets the title's language
    assert f'class="fallback">Shows people in danger.</span> {EN_MARK}' in html


def test_structured_data_leaves_out_names_that_are_not_in_the_readers_language(client):
    section = factories.section(**_english_only("name", name_en="Climate"))
    tag = factories.tag(**_english_only("name", name_en="Floods"))
    dutch_tag = factories.tag(name_en="Rain", name_nl="Regen")
    story = factories.article(languages=("en", "nl"), section=section, tags=[tag, dutch_tag])
    html = _page(client, story)
    blocks = [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S
        )
    ]
    text = json.dumps(blocks, ensure_ascii=False)
    assert "Regen" in text
    assert "Floods" not in text and "Climate" not in text
    # The page itself shows them, marked.
    assert f'class="fallback">Climate</span> {EN_MARK}' in html
    assert f'class="fallback">Floods</span> {EN_MARK}' in html


def test_a_section_feed_names_an_untranslated_section_with_its_marker(client):
    section = factories.section(**_english_only("name", name_en="Climate"))
    factories.article(languages=("en", "nl"), section=section)
    section.refresh_from_db()
    feed = client.get(f"/nl/sections/{section.slug_en}/feed/")
    assert feed.status_code == 200
    assert "<title>Climate (in het Engels) – " in feed.content.decode()


# -- The note on an outdated translation --


def _outdated(client):
    editor = factories.superuser()
    story = factories.article(
        languages=("en", "nl"), published_at=timezone.now() - timedelta(days=2)
    )
    services.article_update(
        article=Article.objects.get(pk=story.pk), by=editor, body_en="<p>New facts.</p>"
    )
    services.article_publish(article=Article.objects.get(pk=story.pk), by=editor)
    return Article.objects.get(pk=story.pk)


def test_an_outdated_translation_tells_its_readers_when_the_original_changed(client):
    story = _outdated(client)
    updated = ArticleVariant.objects.get(article=story, language="en").content_updated_at
    assert updated is not None
    html = _page(client, story)
    english = story.get_absolute_url("en")
    day = updated.astimezone(timezone.get_current_timezone())
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]  # fmt: skip
    date = f"{day.day} {months[day.month - 1]} {day.year}"
    assert (
        f'<p class="outdated-note" role="note"><a href="{english}" hreflang="en">'
        f"Het origineel (Engels) is bijgewerkt op {date}.</a></p>"
    ) in html


def test_the_original_and_an_up_to_date_translation_have_no_note(client):
    story = _outdated(client)
    assert "outdated-note" not in _page(client, story, "en")
    services.variant_mark_up_to_date(article=story, language="nl", by=factories.superuser())
    assert "outdated-note" not in _page(client, Article.objects.get(pk=story.pk))


def test_the_note_costs_the_article_page_no_query(client, django_assert_num_queries, settings):
    settings.NEWSROOM_PAGE_CACHE = False  # counts what rendering the page costs
    story = _outdated(client)
    up_to_date = factories.article(languages=("en", "nl"))
    for page in (story, up_to_date):
        client.get(page.get_absolute_url("nl"))  # warm: the session, the renditions
    # The same as an up-to-date translation's page (the variants are read anyway): 6, as
    # for any story whose body places no pictures (tests/articles/test_views.py).
    with django_assert_num_queries(6):
        assert "outdated-note" not in _page(client, up_to_date)
    with django_assert_num_queries(6):
        assert "outdated-note" in _page(client, story)
