"""Corrections and updates: dated notes per language version, written through the services,
shown on that language's page, and counted as the page's last change."""

import json
import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from articles import selectors, services
from articles.models import Article, ArticleVariant, Correction, Revision
from newsroom import events
from tests import factories

pytestmark = pytest.mark.django_db


def story(**fields):
    return factories.article(
        languages=("en", "nl"), published_at=timezone.now() - timedelta(days=1), **fields
    )


def page(client, article, language):
    response = client.get(article.get_absolute_url(language))
    assert response.status_code == 200
    return response.content.decode()


def news_article(html):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data["@type"] == "NewsArticle":
            return data
    raise AssertionError("no NewsArticle")


def test_notes_in_two_languages_each_show_on_their_own_page(client):
    article = story()
    editor = factories.superuser()
    en = services.correction_create(
        article=article, language="en", text="The river is the Maas, not the Rhine.", by=editor
    )
    nl = services.correction_create(
        article=article,
        language="nl",
        kind=Correction.Kind.UPDATE,
        text="De dijk bij Venlo houdt het.",
        by=editor,
    )

    english, dutch = page(client, article, "en"), page(client, article, "nl")

    assert "the Maas, not the Rhine" in english and "De dijk bij Venlo" not in english
    assert "De dijk bij Venlo" in dutch and "the Maas, not the Rhine" not in dutch
    assert 'id="corrections"' in english
    assert re.search(r'<strong class="correction__kind">Correction</strong>', english)
    assert re.search(r'<strong class="correction__kind">Update</strong>', dutch)
    # Dated to the second, in the site's time, with the date in the reader's language.
    english_time = timezone.localtime(en.created_at).isoformat(timespec="seconds")
    assert f'<time datetime="{english_time}">' in english
    dutch_time = timezone.localtime(nl.created_at).isoformat(timespec="seconds")
    assert f'<time datetime="{dutch_time}">' in dutch
    with translation.override("nl"):
        shown = date_format(timezone.localtime(nl.created_at), "DATETIME_FORMAT")
    assert f'<time datetime="{dutch_time}">{shown}</time>' in dutch


def test_a_note_makes_the_page_updated_and_dates_its_modification(client):
    article = story()
    note = services.correction_create(
        article=article, language="nl", text="Het getal was 12.", by=factories.superuser()
    )
    dutch, english = page(client, article, "nl"), page(client, article, "en")

    stamp = timezone.localtime(note.created_at).isoformat(timespec="seconds")
    assert 'class="dateline__updated"' in dutch
    assert f'Bijgewerkt <time datetime="{stamp}">' in dutch
    assert news_article(dutch)["dateModified"] == stamp
    assert 'class="dateline__updated"' not in english
    assert news_article(english)["dateModified"] == news_article(english)["datePublished"]


def test_a_text_change_after_publication_updates_only_that_language():
    article = story()
    services.article_update(article=article, by=factories.superuser(), title_nl="Nieuwe kop")
    # A pending change updates nothing for readers until it is published.
    assert ArticleVariant.objects.get(article=article, language="nl").content_updated_at is None
    services.article_publish(article=article, by=factories.superuser(), languages=["nl"])
    variants = {v.language: v for v in ArticleVariant.objects.filter(article=article)}
    assert variants["nl"].content_updated_at is not None
    assert variants["en"].content_updated_at is None
    assert selectors.article_updated_at(article, "nl") == variants["nl"].content_updated_at
    assert selectors.article_updated_at(article, "en") is None


def test_edits_before_first_publication_are_not_updates():
    article = factories.article(languages=("en",), published=False)
    services.article_update(article=article, by=factories.superuser(), title_en="Better")
    assert ArticleVariant.objects.get(article=article, language="en").content_updated_at is None


def test_the_modification_time_in_python_and_in_sql_agree():
    editor = factories.superuser()
    plain = story()
    noted = story()
    services.correction_create(article=noted, language="nl", text="Fixed.", by=editor)
    edited = story()
    services.article_update(article=edited, by=editor, body_en="<p>Changed.</p>")
    services.article_publish(article=edited, by=editor)
    for language in ("en", "nl"):
        annotated = {
            a.pk: a.modified_at
            for a in selectors.with_modified_at(Article.objects.visible(language), language)
        }
        for article in (plain, noted, edited):
            fresh = Article.objects.get(pk=article.pk)
            assert selectors.article_modified_at(fresh, language) == annotated[article.pk]
    assert annotated[plain.pk] == plain.published_at


def test_the_note_text_keeps_links_and_emphasis_only():
    note = services.correction_create(
        article=story(),
        language="en",
        text='<em>Earlier</em> <a href="https://example.org/x" onclick="x()">source</a>'
        '<script>alert(1)</script> <a href="javascript:alert(1)">bad</a> <img src=x>',
        by=factories.superuser(),
    )
    assert "<em>Earlier</em>" in note.text
    assert 'href="https://example.org/x"' in note.text
    assert "onclick" not in note.text
    assert "<script" not in note.text and "javascript:" not in note.text and "<img" not in note.text


def test_adding_a_note_needs_permission_and_names_its_author():
    article = story()
    reader = factories.user()
    with pytest.raises(PermissionDenied):
        services.correction_create(article=article, language="en", text="x", by=reader)
    editor = factories.superuser()
    note = services.correction_create(article=article, language="en", text="Fixed.", by=editor)
    assert note.created_by == editor
    assert Correction.objects.count() == 1


def test_a_note_is_announced_as_a_change_of_the_story(django_capture_on_commit_callbacks):
    article = story()
    seen = []

    def handler(event):
        seen.append(event)

    events.subscribe(events.ArticleSaved, handler)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.correction_create(
                article=article, language="en", text="Fixed.", by=factories.superuser()
            )
    finally:
        events.unsubscribe(events.ArticleSaved, handler)
    assert [(e.article_id, e.created) for e in seen] == [(article.pk, False)]


def test_an_editor_adds_a_note_in_the_article_form(admin_client):
    from tests.articles.test_admin_articles import _form_data  # the form as the admin renders it

    article = story()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = _form_data(admin_client, url)
    data.update(
        {
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-language": "nl",
            "corrections-0-kind": "update",
            "corrections-0-text": "De cijfers zijn bijgewerkt.",
            "corrections-0-article": str(article.pk),
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    note = Correction.objects.get()
    assert (note.language, note.kind, note.text) == ("nl", "update", "De cijfers zijn bijgewerkt.")
    assert note.created_by.username == "admin"


def test_a_note_is_part_of_the_storys_revision_history():
    article = story()
    editor = factories.superuser()

    services.correction_create(
        article=article, language="nl", text="Het getal is <b>hersteld</b>.", by=editor
    )

    newest = Revision.objects.filter(article=article).order_by("-number").first()
    assert newest.created_by == editor
    assert newest.languages == ["nl"]
    assert newest.comment == "Correction: Het getal is hersteld."


def test_the_feed_dates_a_story_updated_by_a_note(client):
    article = story()
    before = client.get("/nl/feed/atom/").content.decode()
    services.correction_create(
        article=article,
        language="nl",
        kind="update",
        text="Nieuwe cijfers.",
        by=factories.superuser(),
    )

    after = client.get("/nl/feed/atom/").content.decode()
    english = client.get("/en/feed/atom/").content.decode()

    updated = re.compile(r"<entry>.*?<updated>([^<]+)</updated>", re.S)
    assert updated.search(after)[1] > updated.search(before)[1]
    assert updated.search(english)[1] == updated.search(before)[1]  # English has no note


def test_a_note_is_in_the_feed_item_of_its_language_dated(client):
    import feedparser

    article = story(title_nl="Dijk houdt stand", standfirst_nl="Het water zakt.")
    note = services.correction_create(
        article=article,
        language="nl",
        text="Het getal was <em>12</em>, niet 21.",
        by=factories.superuser(),
    )
    with translation.override("nl"):
        when = date_format(timezone.localtime(note.created_at), "DATETIME_FORMAT")

    for url in ("/nl/feed/", "/nl/feed/atom/"):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo, feed.get("bozo_exception")
        (entry,) = feed.entries
        assert "Het water zakt." in entry.summary
        assert "Correctie" in entry.summary and when in entry.summary
        assert "Het getal was <em>12</em>, niet 21." in entry.summary
    english = feedparser.parse(client.get("/en/feed/").content)
    assert "Het getal" not in english.entries[0].summary
    assert "Correction" not in english.entries[0].summary


@pytest.mark.parametrize("url", ["/nl/feed/", "/nl/feed/atom/"])
@pytest.mark.parametrize("size", [1, 4])
def test_feed_query_count_with_notes_does_not_grow_with_items(
    client, django_assert_num_queries, url, size
):
    for _ in range(size):
        article = story()
        services.correction_create(
            article=article, language="nl", text="Gecorrigeerd.", by=factories.superuser()
        )

    # articles, bylines, tags, and the notes of the items that have some
    with django_assert_num_queries(4):
        client.get(url)


def test_a_text_change_alone_makes_the_page_say_updated(client):
    article = story()
    editor = factories.superuser()
    services.article_update(article=article, by=editor, standfirst_nl="Een betere inleiding.")
    services.article_publish(article=article, by=editor, languages=["nl"])
    changed = ArticleVariant.objects.get(article=article, language="nl").content_updated_at

    dutch, english = page(client, article, "nl"), page(client, article, "en")

    stamp = timezone.localtime(changed).isoformat(timespec="seconds")
    assert not Correction.objects.exists()
    assert f'Bijgewerkt <time datetime="{stamp}">' in dutch
    assert 'href="#corrections"' not in dutch  # no note to point to
    assert 'class="dateline__updated"' not in english
