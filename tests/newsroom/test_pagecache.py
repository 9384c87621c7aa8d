"""The page cache: anonymous readers get stored pages, and every change an editor commits
shows on the next request (the purge hangs on the write path's events).

Transactional tests: the purge runs when the service's transaction commits, as in production.
"""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from articles import search, services
from articles.models import Article
from media import services as media_services
from newsroom import events, pagecache
from tests import factories
from tests.media import factories as media_factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    """On, as in production (tests/settings.py turns it off for the rest of the suite)."""
    settings.NEWSROOM_PAGE_CACHE = True


PURGED = []


def record_purged(paths):
    """A CDN purge hook for the tests: remembers the paths it is given."""
    PURGED.extend(paths)


def get(client, path, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code in (200, 304), (path, response.status_code)
    return response


def text(response):
    return response.content.decode()


def ago(hours):
    return timezone.now() - timedelta(hours=hours)


def test_second_anonymous_request_is_served_from_the_cache(client, django_assert_num_queries):
    story = factories.article(title_en="Harbour reopens")

    first = get(client, "/en/")
    with django_assert_num_queries(0):
        second = get(client, "/en/")

    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert "Harbour reopens" in text(second)
    assert get(client, story.get_absolute_url("en"))["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert get(client, story.get_absolute_url("en"))["X-Page-Cache"] == "hit"


def test_a_stored_page_is_answered_with_the_headers_of_a_rendered_one(client):
    """A hit is answered before the session, locale and framing middleware run (the fast
    way); it must still say its language, what it varies on and that it is not framed."""
    story = factories.article(title_en="Harbour reopens")
    for path in ("/en/", "/nl/", story.get_absolute_url("en")):
        rendered = get(client, path)
        stored = get(client, path)

        assert stored["X-Page-Cache"] == "hit" and stored.content == rendered.content
        kept = {k: v for k, v in rendered.headers.items() if k not in ("X-Page-Cache", "Date")}
        assert {k: stored.headers.get(k) for k in kept} == kept, path


def test_cached_pages_carry_validators_and_cdn_headers(client):
    factories.article()

    response = get(client, "/en/")

    assert response["ETag"] and response["Last-Modified"]
    control = response["Cache-Control"]
    assert "public" in control and "s-maxage=" in control and "stale-while-revalidate=" in control


def test_a_conditional_request_is_answered_304(client):
    factories.article(title_en="Same page")
    page = get(client, "/en/")

    by_etag = client.get("/en/", headers={"if-none-match": page["ETag"]})
    by_date = client.get("/en/", headers={"if-modified-since": page["Last-Modified"]})

    assert by_etag.status_code == 304 and by_etag.content == b""
    assert by_date.status_code == 304
    other = client.get("/en/", headers={"if-none-match": '"something-else"'})
    assert other.status_code == 200 and "Same page" in text(other)


def test_an_editor_publishing_shows_on_the_next_request(client):
    factories.article(title_en="Old news")
    assert "Fresh story" not in text(get(client, "/en/"))

    factories.article(title_en="Fresh story")  # written and published through the services

    assert "Fresh story" in text(get(client, "/en/"))


def test_an_edit_of_a_published_story_shows_on_its_page_and_in_listings(client):
    story = factories.article(title_en="First headline", tags=[factories.tag()])
    tag = story.tags.first()
    pages = ["/en/", story.get_absolute_url("en"), tag.get_absolute_url()]
    for path in pages:
        assert "First headline" in text(get(client, path))

    services.article_update(article=story, by=factories.superuser(), title_en="Second headline")
    # Saved as a pending change: readers still get the live headline, from the cache or not.
    for path in pages:
        assert "First headline" in text(get(client, path)), path

    services.article_publish(article=story, by=factories.superuser())

    for path in pages:
        assert "Second headline" in text(get(client, path)), path


def test_a_change_elsewhere_leaves_a_stored_page_stored(client):
    """After any purge a stored page is checked tag by tag: what it does not show keeps it."""
    story = factories.article(title_en="Quiet story", section=factories.section())
    elsewhere = factories.article(title_en="Busy story", section=factories.section())
    address = story.get_absolute_url("en")
    get(client, address)
    assert get(client, address)["X-Page-Cache"] == "hit"

    services.article_update(article=elsewhere, by=factories.superuser(), title_en="Busier story")
    services.article_publish(article=elsewhere, by=factories.superuser())

    assert get(client, address)["X-Page-Cache"] == "hit"
    assert get(client, elsewhere.get_absolute_url("en"))["X-Page-Cache"] == "miss"


def test_a_change_shows_even_when_the_cache_evicted_the_last_purge_stamp(client):
    """Without the stamp of the last purge (evicted by a full cache) a stored page is
    checked tag by tag: never taken as fresh."""
    story = factories.article(title_en="Before the purge")
    get(client, story.get_absolute_url("en"))
    services.article_update(article=story, by=factories.superuser(), title_en="After the purge")
    services.article_publish(article=story, by=factories.superuser())
    caches[settings.NEWSROOM_PAGE_CACHE_ALIAS].delete(pagecache.TAG_PREFIX + pagecache.ANY)

    assert "After the purge" in text(get(client, story.get_absolute_url("en")))


def test_unpublishing_takes_the_story_off_every_page(client):
    story = factories.article(title_en="Withdrawn story")
    address = story.get_absolute_url("en")
    assert "Withdrawn story" in text(get(client, "/en/"))
    get(client, address)

    services.article_unpublish(article=story, by=factories.superuser())

    assert "Withdrawn story" not in text(get(client, "/en/"))
    assert client.get(address).status_code == 404


def test_a_language_version_published_shows_in_that_language(client):
    story = factories.article(
        languages=("en",), title_nl="Haven weer open", body_nl="<p>De haven is weer open.</p>"
    )
    assert "Haven weer open" not in text(get(client, "/nl/"))
    english = get(client, story.get_absolute_url("en"))
    assert 'hreflang="nl"' not in text(english)

    services.variant_set_state(
        article=story, language="nl", state="published", by=factories.superuser()
    )

    assert "Haven weer open" in text(get(client, "/nl/"))
    assert 'hreflang="nl"' in text(get(client, story.get_absolute_url("en")))


def test_an_image_caption_or_alt_text_change_shows_on_the_next_request(client):
    image = media_factories.image(caption_en="Old caption", alt_text_en="Old alt")
    story = factories.article(lead_image=image)
    assert "Old caption" in text(get(client, story.get_absolute_url("en")))
    assert "Old alt" in text(get(client, "/en/"))

    media_services.image_update(
        image=image, by=factories.superuser(), caption_en="New caption", alt_text_en="New alt"
    )

    assert "New caption" in text(get(client, story.get_absolute_url("en")))
    assert "New alt" in text(get(client, "/en/"))


def test_a_section_or_tag_renamed_shows_on_every_page_that_names_it(client):
    section = factories.section(name_en="Weather")
    tag = factories.tag(name_en="Storms")
    story = factories.article(section=section, tags=[tag])
    address = story.get_absolute_url("en")
    assert "Weather" in text(get(client, "/en/")) and "Storms" in text(get(client, address))

    services.section_update(section=section, by=factories.superuser(), name_en="Climate")
    services.tag_update(tag=tag, by=factories.superuser(), name_en="Gales")

    assert "Climate" in text(get(client, "/en/"))  # the navigation on every page
    page = text(get(client, address))
    assert "Climate" in page and "Gales" in page and "Storms" not in page


def test_a_story_published_in_the_section_or_with_a_tag_shows_on_the_older_ones_pages(client):
    """An article page lists the section's previous and next story and related stories: a
    new one must show there on the next request, not when the entry ends."""
    section, tag = factories.section(), factories.tag()
    older = factories.article(title_en="Older story", section=section, published_at=ago(3))
    tagged = factories.article(title_en="Tagged story", tags=[tag], published_at=ago(3))
    pages = [older.get_absolute_url("en"), tagged.get_absolute_url("en")]
    for path in pages:
        get(client, path)
        assert get(client, path)["X-Page-Cache"] == "hit"

    factories.article(title_en="Newer in the section", section=section)
    factories.article(title_en="Sharing the tag", tags=[tag])

    assert "Newer in the section" in text(get(client, pages[0]))  # its next story
    assert "Sharing the tag" in text(get(client, pages[1]))  # a related story


def test_a_scheduled_story_becomes_the_next_one_when_its_time_comes(client):
    section = factories.section()
    older = factories.article(title_en="Older story", section=section, published_at=ago(3))
    soon = timezone.now() + timedelta(seconds=2)
    factories.article(title_en="Embargoed story", section=section, published_at=soon)
    address = older.get_absolute_url("en")

    before = get(client, address)
    assert "Embargoed story" not in text(before)
    assert int(before["Cache-Control"].split("s-maxage=")[1].split(",")[0]) <= 2
    assert get(client, address)["X-Page-Cache"] == "hit"

    time.sleep(max(0.0, (soon - timezone.now()).total_seconds()) + 0.2)

    assert "Embargoed story" in text(get(client, address))


def test_a_scheduled_story_appears_when_its_time_comes_without_a_purge(client):
    factories.article(title_en="Already out")
    soon = timezone.now() + timedelta(seconds=2)
    factories.article(title_en="Embargoed story", published_at=soon)

    before = get(client, "/en/")
    assert "Embargoed story" not in text(before)
    s_maxage = int(before["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert s_maxage <= 2  # a CDN must not keep it past the publication time either
    assert get(client, "/en/")["X-Page-Cache"] == "hit"

    time.sleep(max(0.0, (soon - timezone.now()).total_seconds()) + 0.2)

    assert "Embargoed story" in text(get(client, "/en/"))


def test_a_scheduled_change_goes_live_on_a_stored_page_at_its_time(client):
    story = factories.article(languages=("en",), title_en="Embargoed until noon")
    address = story.get_absolute_url("en")
    by = factories.superuser()
    services.article_update(article=story, by=by, title_en="The embargo has lifted")
    at = timezone.now() + timedelta(seconds=1)
    services.pending_schedule(article=story, by=by, at=at)
    get(client, address)
    waiting = get(client, address)
    assert waiting["X-Page-Cache"] == "hit" and "Embargoed until noon" in text(waiting)

    time.sleep(max(0.0, (at - timezone.now()).total_seconds()) + 0.2)

    # The stored page is not answered once the change is due: it goes live first.
    assert "The embargo has lifted" in text(get(client, address))
    assert get(client, address)["X-Page-Cache"] == "hit"


def test_a_stored_page_waits_for_the_schedule_to_be_known_again(client):
    story = factories.article(title_en="Harbour reopens")
    address = story.get_absolute_url("en")
    get(client, address)
    assert get(client, address)["X-Page-Cache"] == "hit"

    # The cache lost the next due time (evicted): the full way reads it back and stores it.
    caches["default"].delete(services.NEXT_DUE_KEY)
    response = get(client, address)

    assert response["X-Page-Cache"] != "hit" and "Harbour reopens" in text(response)
    assert caches["default"].get(services.NEXT_DUE_KEY) == ""
    assert get(client, address)["X-Page-Cache"] == "hit"


def test_staff_bypass_the_cache(client, admin_user):
    story = factories.article(title_en="Cached title")
    get(client, "/en/")
    # A change that announces nothing (no service): only a reader who bypasses the cache sees it.
    Article.objects.filter(pk=story.pk).update(title_en="Changed behind the cache")
    assert "Cached title" in text(get(client, "/en/"))

    client.force_login(admin_user)
    response = get(client, "/en/")

    assert "Changed behind the cache" in text(response)
    assert "X-Page-Cache" not in response


def test_preview_links_and_unknown_parameters_bypass_the_cache(client):
    story = factories.article(title_en="Cached title")
    get(client, "/en/")
    Article.objects.filter(pk=story.pk).update(title_en="Seen in preview")

    response = get(client, "/en/?preview=secret-token")

    assert "Seen in preview" in text(response) and "X-Page-Cache" not in response
    assert "Cached title" in text(get(client, "/en/"))


def test_the_cdn_purge_hook_is_given_the_purged_paths(client, settings):
    settings.NEWSROOM_CDN_PURGE = "tests.newsroom.test_pagecache.record_purged"
    PURGED.clear()
    story = factories.article(title_en="Story")
    get(client, "/en/")
    get(client, story.get_absolute_url("en"))

    services.article_update(article=story, by=factories.superuser(), title_en="Story, updated")

    assert "/en/" in PURGED and story.get_absolute_url("en") in PURGED


# -- Search results, feeds and sitemaps --


def machine_pages(story, section, tag, author):
    """The search results' first page, the feeds and the sitemaps that list `story`."""
    return [
        "/en/search/?q=harbour",
        "/en/feed/",
        "/en/feed/atom/",
        f"/en/sections/{section.slug_en}/feed/",
        f"/en/tags/{tag.slug_en}/feed/",
        f"/en/authors/{author.slug}/feed/",
        "/sitemap.xml",
        "/news-sitemap.xml",
    ]


def warm(client, pages):
    """Store each page, and check that the next request is answered from the store."""
    for path in pages:
        get(client, path)
        assert get(client, path)["X-Page-Cache"] == "hit", path


def filed_story(**fields):
    section, tag, author = factories.section(), factories.tag(), factories.author()
    story = factories.article(section=section, tags=[tag], authors=[author], **fields)
    return story, machine_pages(story, section, tag, author)


def test_search_results_feeds_and_sitemaps_are_served_from_the_cache(
    client, django_assert_num_queries
):
    story, pages = filed_story(title_en="Harbour reopens")
    for path in pages:
        first = get(client, path)
        with django_assert_num_queries(0):
            second = get(client, path)

        assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit"), path
        assert second.content == first.content, path
        assert story.get_absolute_url("en") in text(second), path
        assert second["Content-Type"] == first["Content-Type"], path
        assert client.get(path, headers={"if-none-match": second["ETag"]}).status_code == 304


def test_a_story_published_or_changed_shows_in_search_feeds_and_sitemaps_at_once(client):
    story, pages = filed_story(title_en="Harbour reopens")
    warm(client, pages)
    editor = factories.superuser()

    fresh = factories.article(
        title_en="Harbour floods",
        section=story.section,
        tags=list(story.tags.all()),
        authors=[story.bylines.get().author],
    )
    services.article_update(article=story, by=editor, title_en="Harbour reopens again")
    services.article_publish(article=story, by=editor)  # the pending change goes live

    for path in pages:
        page = text(get(client, path))
        if "sitemap" in path:
            assert fresh.get_absolute_url("en") in page, path
        else:
            assert "Harbour floods" in page and "Harbour reopens again" in page, path


def test_a_story_taken_off_the_site_leaves_search_feeds_and_sitemaps(client):
    story, pages = filed_story(title_en="Harbour reopens")
    warm(client, pages)
    for path in pages:
        assert story.get_absolute_url("en") in text(get(client, path)), path

    services.article_unpublish(article=story, by=factories.superuser())

    for path in pages:
        assert story.get_absolute_url("en") not in text(get(client, path)), path


def test_a_tag_or_author_renamed_shows_in_feeds_and_sitemaps(client):
    tag = factories.tag(name_en="Storms", slug_en="storms")
    author = factories.author(name="Ann Smith", slug="ann-smith")
    factories.article(tags=[tag], authors=[author])
    assert "Storms" in text(get(client, "/en/feed/"))
    assert "/en/tags/storms/" in text(get(client, "/sitemap.xml"))
    assert "Ann Smith" in text(get(client, "/en/feed/"))
    warm(client, ["/en/feed/", "/sitemap.xml"])

    services.tag_update(tag=tag, by=factories.superuser(), name_en="Gales", slug_en="gales")
    services.author_update(author=author, by=factories.superuser(), name="Ann Jones")

    feed, sitemap = text(get(client, "/en/feed/")), text(get(client, "/sitemap.xml"))
    assert "Gales" in feed and "Storms" not in feed and "Ann Jones" in feed
    assert "/en/tags/gales/" in sitemap and "/en/tags/storms/" not in sitemap


def test_results_stored_before_the_index_followed_a_change_are_purged_when_it_does(client):
    """The page cache purges on an event before the index is rewritten for it: a results
    page rendered in between must not outlive the rewrite."""
    story = factories.article(title_en="Harbour reopens")
    # Changed without the write path: the index still has the old title.
    Article.objects.filter(pk=story.pk).update(title_en="Lighthouse reopens")
    assert "Lighthouse reopens" not in text(get(client, "/en/search/?q=lighthouse"))
    assert get(client, "/en/search/?q=lighthouse")["X-Page-Cache"] == "hit"

    search._reindex(events.ArticleSaved(by=None, article_id=story.pk))

    assert "Lighthouse reopens" in text(get(client, "/en/search/?q=lighthouse"))


def test_only_the_first_page_of_search_results_is_kept(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for n in range(3):
        factories.article(title_en=f"Harbour story {n}")

    assert get(client, "/en/search/?q=harbour")["X-Page-Cache"] == "miss"
    later = get(client, "/en/search/?q=harbour&page=2")

    assert "X-Page-Cache" not in later and "Cache-Control" not in later


def test_the_news_sitemap_ends_when_a_story_leaves_its_48_hours(client):
    leaving = timezone.now() - timedelta(hours=48) + timedelta(seconds=2)
    story = factories.article(title_en="Yesterday's story", published_at=leaving)
    factories.article(title_en="Today's story")

    first = get(client, "/news-sitemap.xml")
    assert story.get_absolute_url("en") in text(first)
    s_maxage = int(first["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert s_maxage <= 2  # a CDN must not keep it longer either
    assert get(client, "/news-sitemap.xml")["X-Page-Cache"] == "hit"

    time.sleep(max(0.0, (leaving + timedelta(hours=48) - timezone.now()).total_seconds()) + 0.2)

    assert story.get_absolute_url("en") not in text(get(client, "/news-sitemap.xml"))


def _redis_commands() -> int:
    """How many commands the test Redis has run (not counting these questions)."""
    stats = caches["default"]._cache.get_client().info("commandstats")
    asked = ("cmdstat_info", "cmdstat_client", "cmdstat_hello")
    return sum(stat["calls"] for name, stat in stats.items() if name not in asked)


@pytest.mark.postgres
def test_a_stored_page_costs_one_round_trip_to_redis(client):
    story = factories.article(title_en="Harbour reopens")
    address = story.get_absolute_url("en")
    get(client, address)
    get(client, address)  # connections made, the next due time known

    before = _redis_commands()
    response = get(client, address)

    assert response["X-Page-Cache"] == "hit" and "Harbour reopens" in text(response)
    assert _redis_commands() - before == 1  # one MGET: the page, the last purge, the schedule


def test_pages_render_uncached_when_redis_is_down(client, settings):
    factories.article(title_en="Still readable")
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }

    for _ in range(2):
        response = get(client, "/en/")
        assert "Still readable" in text(response) and "X-Page-Cache" not in response


def test_readers_keep_getting_cached_pages_while_the_database_is_down(client, django_db_blocker):
    story = factories.article(title_en="Served from the cache")
    address = story.get_absolute_url("en")
    get(client, "/en/")
    get(client, address)

    # Every database access now fails, as with a database that does not answer.
    with django_db_blocker.block():
        for path in ("/en/", address):
            response = client.get(path)
            assert response.status_code == 200
            assert "Served from the cache" in text(response)


@pytest.mark.postgres
def test_readers_keep_getting_cached_pages_while_postgresql_is_unreachable(client):
    story = factories.article(title_en="Served from the cache")
    address = story.get_absolute_url("en")
    get(client, "/en/")
    get(client, address)

    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        for path in ("/en/", address):
            response = client.get(path)
            assert response.status_code == 200 and "Served from the cache" in text(response)
        with pytest.raises(Exception):  # noqa: B017 - whatever the driver raises
            connection.ensure_connection()
    finally:
        connection.close()
        connection.settings_dict.update(saved)
