from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles import services
from articles.models import Article, ArticleVariant, Section, Tag
from newsroom.languages import language_codes
from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = tuple(language_codes())
BY = factories.superuser


def _visible_languages(article):
    return {code for code in LANGUAGES if Article.objects.visible(code).filter(pk=article.pk)}


@pytest.mark.parametrize(
    ("status", "hours_from_now", "published_variants", "expected"),
    [
        ("draft", -1, ("en", "nl"), set()),
        ("review", -1, ("en", "nl"), set()),
        ("archived", -1, ("en", "nl"), set()),
        ("published", +2, ("en", "nl"), set()),  # scheduled: not yet
        ("published", -1, ("en",), {"en"}),  # no Dutch variant published
        ("published", -1, ("en", "nl"), {"en", "nl"}),
        ("published", -1, LANGUAGES, set(LANGUAGES)),
    ],
)
def test_visibility_rule_in_every_combination(status, hours_from_now, published_variants, expected):
    story = factories.article(languages=LANGUAGES, published=False)
    for code in published_variants:
        services.variant_set_state(article=story, language=code, state="published", by=BY())
    Article.objects.filter(pk=story.pk).update(
        status=status, published_at=timezone.now() + timedelta(hours=hours_from_now)
    )
    story.refresh_from_db()

    assert _visible_languages(story) == expected
    # The model's own check says the same as the queryset, language by language.
    assert {code for code in LANGUAGES if story.is_published(code)} == expected


def test_translation_in_progress_or_ready_is_not_visible():
    story = factories.article(languages=("en", "nl", "de"))
    services.variant_set_state(article=story, language="nl", state="in_progress", by=BY())
    services.variant_set_state(article=story, language="de", state="ready", by=BY())

    assert _visible_languages(story) == {"en"}


def test_scheduled_article_appears_when_its_time_comes_without_any_job():
    story = factories.article(published_at=timezone.now() + timedelta(minutes=5))
    assert not Article.objects.visible("en").filter(pk=story.pk).exists()

    Article.objects.filter(pk=story.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert Article.objects.visible("en").filter(pk=story.pk).exists()


def test_publishing_publishes_the_source_language_variant_only():
    story = factories.article(languages=("nl", "en"), source_language="nl", published=False)
    services.article_publish(article=story, by=BY())

    states = dict(story.variants.values_list("language", "state"))
    assert states["nl"] == ArticleVariant.State.PUBLISHED
    assert states["en"] == ArticleVariant.State.IN_PROGRESS
    assert states["de"] == ArticleVariant.State.MISSING
    assert _visible_languages(story) == {"nl"}
    assert story.first_published_at is not None


def test_unpublishing_hides_every_language():
    story = factories.article(languages=("en", "nl"))
    services.article_unpublish(article=story, by=BY())

    assert _visible_languages(story) == set()


def test_a_language_without_a_title_cannot_be_published():
    story = factories.article(languages=("en",))

    with pytest.raises(ValidationError):
        services.variant_set_state(article=story, language="de", state="published", by=BY())
    assert not story.is_published("de")


def test_slugs_are_filled_per_language_from_that_languages_title():
    story = Article.objects.create(
        title_en="Floods reach the delta",
        title_nl="Overstromingen bereiken de delta",
        title_ar="الفيضانات تصل إلى الدلتا",
    )

    assert story.slug_en == "floods-reach-the-delta"
    assert story.slug_nl == "overstromingen-bereiken-de-delta"
    assert story.slug_ar == "الفيضانات-تصل-إلى-الدلتا"  # Unicode kept, not dropped
    assert story.slug_de is None  # no German title: no slug, and no clash with other articles


def test_same_slug_may_repeat_across_languages_but_not_within_one():
    factories.article(languages=("en", "nl"), slug_en="budget", slug_nl="begroting")
    other = Article(title_en="Other", title_nl="Ander", slug_en="begroting", slug_nl="begroting")

    with pytest.raises(ValidationError) as error:
        other.full_clean()

    assert set(error.value.message_dict) == {"slug_nl"}


def test_source_language_title_is_required():
    story = Article(source_language="nl", title_en="Only English")

    with pytest.raises(ValidationError) as error:
        story.full_clean()

    assert "title_nl" in error.value.message_dict


def test_hostile_body_is_sanitized_on_clean():
    story = Article(
        title_en="Clean",
        body_en=(
            '<p onclick="steal()">Text<script>alert(1)</script></p>'
            '<img src=x onerror="alert(2)"><a href="javascript:alert(3)">link</a>'
            "<h2>Kept</h2><blockquote><p>Quote</p></blockquote><ul><li>item</li></ul>"
        ),
    )
    story.full_clean()

    body = story.body_en
    assert "script" not in body and "onclick" not in body and "onerror" not in body
    assert "javascript:" not in body
    assert "<h2>Kept</h2>" in body and "<blockquote>" in body and "<li>item</li>" in body


def test_changing_the_source_text_marks_translations_outdated():
    story = factories.article(languages=("en", "nl"))
    previous = Article.objects.get(pk=story.pk)
    story.body_en = "<p>A correction.</p>"
    story.save()
    services.article_saved(article=story, previous=previous)

    nl = story.variants.get(language="nl")
    assert nl.is_outdated
    # Still published: an outdated translation stays up until the translator updates it.
    assert story.is_published("nl")
    services.variant_set_state(article=story, language="nl", state="published", by=BY())
    assert not story.variants.get(language="nl").is_outdated


def test_changing_a_translation_does_not_bump_the_source_version():
    story = factories.article(languages=("en", "nl"))
    previous = Article.objects.get(pk=story.pk)
    story.title_nl = "Nieuwe titel"
    story.save()
    services.article_saved(article=story, previous=previous)

    story.refresh_from_db()
    assert story.source_version == 1


def test_a_published_slug_that_changes_is_remembered():
    story = factories.article(languages=("en",), slug_en="first-slug")
    previous = Article.objects.get(pk=story.pk)
    story.slug_en = "second-slug"
    story.save()
    services.article_saved(article=story, previous=previous)

    assert list(story.old_slugs.values_list("language", "slug")) == [("en", "first-slug")]


def test_section_and_tag_slugs_are_per_language():
    section = Section.objects.create(name_en="Climate", name_nl="Klimaat", name_de="Klima")
    tag = Tag.objects.create(name_en="Heat wave", name_fr="Canicule")

    assert (section.slug_en, section.slug_nl, section.slug_de, section.slug_fr) == (
        "climate",
        "klimaat",
        "klima",
        None,
    )
    assert (tag.slug_en, tag.slug_fr, tag.slug_nl) == ("heat-wave", "canicule", None)


def test_every_article_gets_one_variant_per_language():
    story = factories.article(languages=("en",))

    assert sorted(story.variants.values_list("language", flat=True)) == sorted(LANGUAGES)


def test_a_new_translation_in_progress_is_not_outdated():
    story = factories.article(languages=("en",))
    previous = Article.objects.get(pk=story.pk)
    story.title_nl = "Een begin"
    story.save()
    services.article_saved(article=story, previous=previous)

    nl = story.variants.get(language="nl")
    assert nl.state == ArticleVariant.State.IN_PROGRESS
    assert not nl.is_outdated


def test_a_tag_without_a_name_in_the_active_language_is_labelled_in_another():
    tag = Tag.objects.create(name_fr="Canicule")

    assert str(tag) == "Canicule"


def test_a_body_saved_without_validation_is_still_sanitized():
    story = Article.objects.create(
        title_en="Imported", body_en='<p onmouseover="x()">Hi<script>alert(1)</script></p>'
    )
    story.refresh_from_db()

    assert story.body_en == "<p>Hi</p>"


@pytest.mark.parametrize(
    ("language", "state", "translated_from", "expected"),
    [
        ("nl", "published", 1, True),  # the source moved on to version 2
        ("nl", "in_progress", 1, True),
        ("nl", "ready", 1, True),
        ("nl", "published", 2, False),  # up to date
        ("nl", "missing", 1, False),  # nothing to be out of date
        ("en", "published", 1, False),  # the source itself is never outdated
    ],
)
def test_outdated_rule_in_sql_and_python_agree(language, state, translated_from, expected):
    story = factories.article(languages=("en", "nl"), published=False)
    Article.objects.filter(pk=story.pk).update(source_version=2)
    ArticleVariant.objects.filter(article=story, language=language).update(
        state=state, source_version=translated_from
    )
    variant = ArticleVariant.objects.select_related("article").get(article=story, language=language)

    assert variant.is_outdated is expected
    assert ArticleVariant.objects.outdated().filter(pk=variant.pk).exists() is expected


def _indexed_columns(table):
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return [tuple(c["columns"]) for c in constraints.values() if c["index"]]


def test_reader_listings_filter_and_order_on_one_index():
    # What published() filters on and every listing orders by: the count and the page of a
    # listing are read from the index, not from the rows with every language's text.
    # (PostgreSQL lists the included id too: the join with the variants stays in the index.)
    indexed = _indexed_columns("articles_article")
    assert any(columns[:2] == ("status", "published_at") for columns in indexed)
    # in_language(): the variant's state is in the index it is looked up by, for one article
    # (the article page) and for a whole language (a listing, a sitemap).
    variants = _indexed_columns("articles_articlevariant")
    assert ("article_id", "language", "state") in variants
    assert ("language", "state", "article_id") in variants
