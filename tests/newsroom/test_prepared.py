"""Prepared read queries (newsroom.prepared): compiled once, run with each call's values."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Section
from newsroom import prepared
from newsroom.languages import language_codes
from tests import factories

pytestmark = pytest.mark.django_db


def _in_section(language, *, section_id, now):
    return Article.objects.visible(language, now).filter(section_id=section_id)


def _published_after(key, *, when, now):
    return Article.objects.published(now).filter(
        Q(published_at__gt=when) | Q(published_at=when, pk__gt=0)
    )


def test_each_run_answers_for_its_own_values():
    query = prepared.PreparedQuery(
        Article, _in_section, prepared.number("section_id"), prepared.time("now")
    )
    politics, sport = factories.section(), factories.section()
    vote = factories.article(section=politics)
    match = factories.article(section=sport)
    now = timezone.now()

    assert query.run("en", section_id=politics.pk, now=now) == [vote]
    assert query.run("en", section_id=sport.pk, now=now) == [match]
    assert query.run("en", section_id=sport.pk + 1000, now=now) == []


def test_a_time_decides_what_is_visible_as_it_would_unprepared():
    query = prepared.PreparedQuery(
        Article, _in_section, prepared.number("section_id"), prepared.time("now")
    )
    section = factories.section()
    now = timezone.now()
    scheduled = factories.article(section=section, published_at=now + timedelta(hours=2))

    assert query.run("en", section_id=section.pk, now=now) == []
    assert query.run("en", section_id=section.pk, now=now + timedelta(hours=3)) == [scheduled]
    assert list(_in_section("en", section_id=section.pk, now=now + timedelta(hours=3))) == [
        scheduled
    ]


def test_a_value_used_twice_is_put_in_both_places():
    query = prepared.PreparedQuery(
        Article, _published_after, prepared.time("when"), prepared.time("now")
    )
    now = timezone.now()
    older = factories.article(published_at=now - timedelta(days=2))
    newer = factories.article(published_at=now - timedelta(days=1))

    assert query.run(None, when=now - timedelta(days=3), now=now) == [newer, older]
    # `older` is there only by the second use of `when` (published_at = when).
    assert query.run(None, when=older.published_at, now=now) == [newer, older]
    assert query.run(None, when=newer.published_at, now=now) == [newer]


def test_the_key_picks_the_shape_and_the_sql_is_compiled_once():
    query = prepared.PreparedQuery(
        Article, _in_section, prepared.number("section_id"), prepared.time("now")
    )
    section = factories.section()
    factories.article(languages=("en", "nl"), section=section)
    english_only = factories.article(section=section)
    now = timezone.now()
    query.run("en", section_id=section.pk, now=now)

    compiled = dict(query._compiled)
    with CaptureQueriesContext(connection) as queries:
        english = query.run("en", section_id=section.pk, now=now)
        dutch = query.run("nl", section_id=section.pk, now=now)

    assert english_only in english and english_only not in dutch and len(dutch) == 1
    assert len(queries) == 2
    assert query._compiled[("en", "default")] is compiled[("en", "default")]


def test_past_max_keys_the_least_recently_run_is_compiled_again():
    query = prepared.PreparedQuery(
        Article, _in_section, prepared.number("section_id"), prepared.time("now"), max_keys=2
    )
    section = factories.section()
    first, second, third = language_codes()[:3]
    article = factories.article(languages=(first, second, third), section=section)
    now = timezone.now()

    for language in (first, second, third, first):
        assert query.run(language, section_id=section.pk, now=now) == [article]
    assert list(query._compiled) == [(third, "default"), (first, "default")]


def test_a_value_the_query_does_not_use_is_refused_when_prepared():
    def forgets_the_section(language, *, section_id, now):
        return Article.objects.visible(language, now)

    query = prepared.PreparedQuery(
        Article, forgets_the_section, prepared.number("section_id"), prepared.time("now")
    )
    with pytest.raises(ImproperlyConfigured, match="section_id"):
        query.run("en", section_id=1, now=timezone.now())


def test_missing_or_unknown_values_are_a_type_error():
    query = prepared.PreparedQuery(Section, lambda key, *, slug: Section.objects.filter(slug=slug))
    with pytest.raises(TypeError):
        query.run(None, slug="politics")


def test_rows_read_by_hand_answer_as_prefetched(django_assert_num_queries):
    author = factories.author(name="Ada Reporter")
    article = factories.article(authors=[author])
    bylines = list(article.bylines.select_related("author"))
    fresh = Article.objects.get(pk=article.pk)

    prepared.keep_as_prefetched(fresh, "bylines", bylines)

    with django_assert_num_queries(0):
        assert [line.author.name for line in fresh.bylines.all()] == ["Ada Reporter"]
