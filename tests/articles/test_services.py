"""The write path: every service checks the acting user's permission and announces one event."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles import services
from articles.models import (
    Article,
    ArticleVariant,
    Author,
    Byline,
    Correction,
    PendingChange,
    Revision,
    Section,
    SlugHistory,
    Tag,
    TaggedArticle,
    TranslatorProfile,
)
from newsroom import events
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def seen():
    """The events dispatched during the test (run the on-commit callbacks to see them)."""
    received = []
    events.subscribe(events.Event, received.append)
    yield received
    events.unsubscribe(events.Event, received.append)


def user_with(*codenames, app_label="articles"):
    """A staff user holding exactly these permissions."""
    person = factories.user()
    person.user_permissions.set(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
    return person


def user_without(codename, app_label="articles"):
    """A staff user holding every permission of the app but `codename`."""
    person = factories.user()
    person.user_permissions.set(
        Permission.objects.filter(content_type__app_label=app_label).exclude(codename=codename)
    )
    return person


def rows(model):
    """Every stored column of every row (modeltranslation's values() would hide some)."""
    names = [f.attname for f in model._meta.concrete_fields]
    return list(model.objects.order_by("pk").values_list(*names))


def stored():
    """Everything the article services can write, as stored (to show nothing changed)."""
    return {
        model.__name__: rows(model)
        for model in (
            Article,
            ArticleVariant,
            Byline,
            TaggedArticle,
            SlugHistory,
            Section,
            Tag,
            Author,
            Correction,
            PendingChange,
            Revision,
        )
    }


@dataclass
class Case:
    """One service call: what it needs, what it is given, and what it announces."""

    id: str
    permission: str
    event: type
    prepare: object  # () -> dict of objects the call uses
    call: object  # (objects, by) -> None
    # The role the call also needs (articles/policy.py): other permissions, and the
    # languages the user translates into.
    with_permissions: tuple = ()
    languages: tuple = ()

    def __str__(self):
        return self.id


def _draft():
    return {"article": factories.article(published=False, languages=("en", "nl"))}


def _live():
    return {"article": factories.article(languages=("en", "nl"))}


def _noted():
    article = factories.article(languages=("en", "nl"))
    note = services.correction_create(
        article=article, language="nl", text="Een datum was fout.", by=factories.superuser()
    )
    return {"correction": note}


def _submitted():
    """A published story with a Dutch change submitted for review."""
    article = factories.article(languages=("en", "nl"))
    editor = factories.superuser()
    services.article_update(article=article, by=editor, title_nl="Een betere titel")
    services.pending_submit(article=article, language="nl", by=editor)
    return {"article": Article.objects.get(pk=article.pk)}


CASES = [
    Case(
        "article_create",
        "add_article",
        events.ArticleSaved,
        lambda: {"author": factories.author(), "tag": factories.tag()},
        lambda o, by: services.article_create(
            by=by, title_en="New", bylines=[o["author"]], tags=[o["tag"]]
        ),
    ),
    Case(
        # A published article: the save is a pending change (readers see no change).
        "article_update",
        "change_article",
        events.PendingChangeSaved,
        lambda: {**_live(), "author": factories.author(), "tag": factories.tag()},
        lambda o, by: services.article_update(
            article=o["article"],
            by=by,
            title_en="Changed",
            slug_en="changed",
            bylines=[o["author"]],
            tags=[o["tag"]],
        ),
        # Changing the bylines and tags of a published story is an editor's.
        with_permissions=("publish_article",),
    ),
    Case(
        "article_publish",
        "publish_article",
        events.ArticlePublished,
        _draft,
        lambda o, by: services.article_publish(article=o["article"], by=by),
    ),
    Case(
        "article_unpublish",
        "publish_article",
        events.ArticleUnpublished,
        _live,
        lambda o, by: services.article_unpublish(article=o["article"], by=by),
    ),
    Case(
        "article_delete",
        "delete_article",
        events.ArticleDeleted,
        _live,
        lambda o, by: services.article_delete(article=o["article"], by=by),
    ),
    Case(
        "variant_set_state publishes",
        "publish_article",
        events.LanguageVersionChanged,
        _draft,
        lambda o, by: services.variant_set_state(
            article=o["article"], language="nl", state="published", by=by
        ),
    ),
    Case(
        "variant_set_state unpublishes",
        "publish_article",
        events.LanguageVersionChanged,
        _live,
        lambda o, by: services.variant_set_state(
            article=o["article"], language="nl", state="in_progress", by=by
        ),
    ),
    Case(
        "variant_set_state marks ready",
        "change_article",
        events.LanguageVersionChanged,
        _draft,
        lambda o, by: services.variant_set_state(
            article=o["article"], language="nl", state="ready", by=by
        ),
        languages=("nl",),
    ),
    Case(
        "section_create",
        "add_section",
        events.FilingChanged,
        dict,
        lambda o, by: services.section_create(by=by, name_en="Science"),
    ),
    Case(
        "section_update",
        "change_section",
        events.FilingChanged,
        lambda: {"section": factories.section()},
        lambda o, by: services.section_update(section=o["section"], by=by, name_en="Renamed"),
    ),
    Case(
        "section_delete",
        "delete_section",
        events.FilingChanged,
        lambda: {"section": factories.section()},
        lambda o, by: services.section_delete(section=o["section"], by=by),
    ),
    Case(
        "tag_create",
        "add_tag",
        events.FilingChanged,
        dict,
        lambda o, by: services.tag_create(by=by, name_en="Rivers"),
    ),
    Case(
        "tag_update",
        "change_tag",
        events.FilingChanged,
        lambda: {"tag": factories.tag()},
        lambda o, by: services.tag_update(tag=o["tag"], by=by, name_nl="Rivieren"),
    ),
    Case(
        "tag_delete",
        "delete_tag",
        events.FilingChanged,
        lambda: {"tag": factories.tag(), "article": factories.article()},
        lambda o, by: services.tag_delete(tag=o["tag"], by=by),
    ),
    Case(
        "author_create",
        "add_author",
        events.FilingChanged,
        dict,
        lambda o, by: services.author_create(by=by, name="Ada Reporter", slug="ada"),
    ),
    Case(
        "author_update",
        "change_author",
        events.FilingChanged,
        lambda: {"author": factories.author()},
        lambda o, by: services.author_update(author=o["author"], by=by, bio_en="Writes."),
    ),
    Case(
        "author_delete",
        "delete_author",
        events.FilingChanged,
        lambda: {"author": factories.author()},
        lambda o, by: services.author_delete(author=o["author"], by=by),
    ),
    Case(
        "correction_update",
        "change_correction",
        events.ArticleSaved,
        _noted,
        lambda o, by: services.correction_update(
            correction=o["correction"], by=by, text="Twee data waren fout."
        ),
    ),
    Case(
        "correction_delete",
        "delete_correction",
        events.ArticleSaved,
        _noted,
        lambda o, by: services.correction_delete(correction=o["correction"], by=by),
    ),
    Case(
        "pending_send_back",
        "publish_article",
        events.PendingChangeSaved,
        _submitted,
        lambda o, by: services.pending_send_back(
            article=o["article"], language="nl", by=by, comment="Check the name."
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_user_without_the_permission_is_refused_and_nothing_changes(
    case, seen, django_capture_on_commit_callbacks
):
    objects = case.prepare()
    before = stored()
    refused = user_without(case.permission)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        case.call(objects, refused)

    assert stored() == before
    assert seen == []


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_permission_suffices_and_the_change_is_announced_once(
    case, seen, django_capture_on_commit_callbacks
):
    objects = case.prepare()
    before = stored()
    allowed = user_with(case.permission, *case.with_permissions)
    if case.languages:
        TranslatorProfile.objects.create(user=allowed, languages=list(case.languages))

    with django_capture_on_commit_callbacks(execute=True):
        case.call(objects, allowed)

    assert stored() != before
    assert [type(event) for event in seen] == [case.event]
    assert seen[0].by == allowed


@pytest.mark.parametrize("by", [None, "inactive superuser"])
def test_no_one_writes_anonymously_or_as_a_disabled_account(by):
    if by is not None:
        by = factories.user(superuser=True, is_active=False)

    with pytest.raises(PermissionDenied):
        services.article_create(by=by, title_en="Ghost")
    assert not Article.objects.exists()


def test_events_name_what_changed(seen, django_capture_on_commit_callbacks):
    by = factories.superuser()
    story = factories.article(published=False, languages=("en", "nl"))
    section = factories.section()
    section_id = section.pk

    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article=story, by=by)
        services.variant_set_state(article=story, language="nl", state="published", by=by)
        services.section_delete(section=section, by=by)

    story.refresh_from_db()
    assert seen == [
        events.ArticlePublished(by=by, article_id=story.pk, published_at=story.published_at),
        events.LanguageVersionChanged(
            by=by, article_id=story.pk, language="nl", state="published", previous="in_progress"
        ),
        events.FilingChanged(by=by, model="articles.section", object_id=section_id, deleted=True),
    ]


def test_a_refused_change_announces_nothing(seen, django_capture_on_commit_callbacks):
    story = factories.article(languages=("en",))

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.variant_set_state(
            article=story, language="de", state="published", by=factories.superuser()
        )

    assert seen == []
    assert story.variants.get(language="de").state == "missing"


def test_a_language_version_needs_a_title_to_be_published_named_in_its_language():
    story = factories.article(languages=("en",))

    with pytest.raises(ValidationError) as error:
        services.variant_set_state(
            article=story, language="fr", state="published", by=factories.superuser()
        )

    assert error.value.message_dict["title_fr"] == [
        "The French version needs a title before it can be published."
    ]


def test_article_create_writes_fields_byline_in_order_and_tags_in_one_go():
    first, second = factories.author(), factories.author()
    rivers = factories.tag()

    story = services.article_create(
        by=factories.superuser(),
        title_en="Rivers rise",
        title_nl="Rivieren stijgen",
        bylines=[second, first, second],
        tags=[rivers],
    )

    assert list(story.bylines.values_list("author", "position")) == [(second.pk, 0), (first.pk, 1)]
    assert list(story.tags.all()) == [rivers]
    states = dict(story.variants.values_list("language", "state"))
    assert states["nl"] == "in_progress" and states["de"] == "missing"
    assert story.status == "draft"


def test_article_update_reorders_the_byline_and_replaces_the_tags():
    first, second, third = (factories.author() for _ in range(3))
    old, new = factories.tag(), factories.tag()
    story = factories.article(authors=[first, second], tags=[old])

    services.article_update(
        article=story, by=factories.superuser(), bylines=[third, first], tags=[new]
    )
    # A published story: pending until published.
    assert [b.author for b in story.bylines.order_by("position")] == [first, second]
    services.article_publish(article=story, by=factories.superuser())

    assert [b.author for b in story.bylines.order_by("position")] == [third, first]
    assert list(story.tags.all()) == [new]


def test_article_update_keeps_byline_and_tags_when_not_given():
    person, topic = factories.author(), factories.tag()
    story = factories.article(authors=[person], tags=[topic])

    services.article_update(article=story, by=factories.superuser(), title_en="New title")
    services.article_publish(article=story, by=factories.superuser())

    assert list(story.authors.all()) == [person]
    assert list(story.tags.all()) == [topic]
    story.refresh_from_db()
    assert story.source_version == 2


@pytest.mark.parametrize(("was_published", "status"), [(False, "published"), (True, "draft")])
def test_a_save_does_not_publish_or_unpublish(was_published, status):
    story = factories.article(published=was_published)
    before = stored()

    with pytest.raises(ValidationError) as error:
        services.article_update(article=story, by=factories.superuser(), status=status)

    assert list(error.value.message_dict) == ["status"]
    assert stored() == before


def test_article_update_moves_between_unpublished_states():
    story = factories.article(published=False)

    services.article_update(
        article=story, by=user_with("add_article", "change_article"), status="review"
    )

    story.refresh_from_db()
    assert story.status == "review"


def test_rescheduling_a_published_article_needs_the_publish_permission():
    story = factories.article()
    before = stored()

    with pytest.raises(PermissionDenied):
        services.article_update(
            article=story,
            by=user_with("change_article"),
            published_at=timezone.now() + timedelta(days=1),
        )

    assert stored() == before


def test_unpublish_can_archive():
    story = factories.article()

    services.article_unpublish(article=story, by=user_with("publish_article"), status="archived")

    story.refresh_from_db()
    assert story.status == "archived"
    assert not story.is_published()


def test_a_slug_taken_meanwhile_is_an_error_on_that_languages_slug():
    """The check in full_clean() can pass while another save takes the slug; the
    database's refusal becomes the same error on the same field (PostgreSQL: see
    tests/newsroom/test_postgres_and_redis.py for two real concurrent saves)."""
    factories.article(languages=("en", "nl"), slug_nl="zelfde")
    story = Article(title_en="Other", title_nl="Ander", slug_nl="zelfde")

    with pytest.raises(ValidationError) as error:
        services._save_unique(story)

    assert list(error.value.message_dict) == ["slug_nl"]
    assert "already exists" in error.value.message_dict["slug_nl"][0]
    assert Article.objects.count() == 1
