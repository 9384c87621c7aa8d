"""Roles enforced on the server (articles/policy.py): editors change everything and publish,
reporters their own stories, translators only their languages' text. A crafted admin POST
that tries anything else is refused and changes nothing."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles import policy, services
from articles.models import Article, Placement, TranslatorProfile
from articles.selectors import pending_view
from tests import factories
from tests.articles.test_admin_articles import _change_url, _errors, _form_data, _variant_index
from tests.articles.test_services import stored

pytestmark = pytest.mark.django_db


def _member(group, **fields):
    person = factories.user(**fields)
    person.groups.add(Group.objects.get(name=group))
    return person


def _translator(*languages):
    person = _member(policy.TRANSLATORS)
    TranslatorProfile.objects.create(user=person, languages=list(languages))
    return person


@pytest.fixture
def live():
    """A published English story with a Dutch version, a byline, a tag and a placed picture."""
    picture = factories.image()
    story = factories.article(
        languages=("en", "nl"),
        authors=[factories.author()],
        tags=[factories.tag()],
        section=factories.section(),
        body_en=f'<p>One.</p><figure data-placement="image-{picture.pk}"></figure>',
    )
    return Article.objects.get(pk=story.pk)


# -- Roles --


def test_roles_follow_the_groups_the_migration_made():
    chief = _member(policy.CHIEF_EDITORS)
    assert policy.role(chief) == "chief"
    assert policy.role(_member(policy.EDITORS)) == "editor"
    assert policy.role(_member(policy.REPORTERS)) == "reporter"
    assert policy.role(_member(policy.TRANSLATORS)) == "translator"
    assert policy.role(factories.user()) is None
    assert policy.role(factories.user(superuser=True)) == "chief"
    assert policy.role(_member(policy.EDITORS, is_active=False)) is None


def test_only_editors_publish_and_review(live):
    editor, reporter = _member(policy.EDITORS), _member(policy.REPORTERS)
    translator = _translator("nl")
    assert policy.may_publish(editor, live, "nl") and policy.may_review(editor)
    for person in (reporter, translator):
        assert not policy.may_publish(person, live, "nl")
        assert not policy.may_review(person)


def test_assigned_languages_are_the_profiles_site_languages():
    assert policy.assigned_languages(_translator("nl", "de")) == {"nl", "de"}
    assert policy.assigned_languages(_member(policy.TRANSLATORS)) == set()


# -- Translators in the services --

SHARED_CHANGES = {
    "status": lambda story: {"status": "archived"},
    "published_at (embargo broken)": lambda story: {
        "published_at": timezone.now() - timedelta(days=3)
    },
    "published_at (taken down)": lambda story: {"published_at": timezone.now() + timedelta(days=3)},
    "section": lambda story: {"section": factories.section()},
    "lead_image": lambda story: {"lead_image": factories.image()},
    "source_language": lambda story: {"source_language": "nl"},
    "title_en (source)": lambda story: {"title_en": "Changed"},
    "slug_en (source)": lambda story: {"slug_en": "changed"},
    "body_en (source)": lambda story: {"body_en": "<p>Changed.</p>"},
    "standfirst_en (source)": lambda story: {"standfirst_en": "Changed."},
    "title_de (not assigned)": lambda story: {"title_de": "Geändert"},
    "bylines": lambda story: {"bylines": [factories.author()]},
    "tags": lambda story: {"tags": [factories.tag()]},
}


@pytest.mark.parametrize("change", SHARED_CHANGES.values(), ids=SHARED_CHANGES.keys())
def test_a_translator_cannot_change_anything_but_their_languages(live, change):
    translator = _translator("nl")
    fields = change(live)
    before = stored()

    # Refused by the policy (a status change even earlier: saves never publish).
    with pytest.raises((PermissionDenied, ValidationError)):
        services.article_update(article=live, by=translator, **fields)

    assert stored() == before


def test_a_translator_changes_their_languages_text_and_its_slug(live):
    translator = _translator("nl", "de")

    services.article_update(
        article=live, by=translator, title_nl="Nieuw", slug_nl="nieuw", title_de="Neu"
    )

    # A pending change for review: readers still see the live text.
    pending = pending_view(live)
    assert (pending.title_nl, pending.slug_nl, pending.title_de) == ("Nieuw", "nieuw", "Neu")
    assert set(pending.pending) == {"nl", "de"}
    live.refresh_from_db()
    assert live.title_nl != "Nieuw"


def test_the_source_language_is_never_a_translators_even_when_assigned():
    translator = _translator("nl")
    story = factories.article(languages=("nl",), source_language="nl")

    with pytest.raises(PermissionDenied, match="source language"):
        services.article_update(article=story, by=translator, title_nl="Anders")


def test_a_translator_moves_only_their_languages_version_and_never_publishes_it():
    translator = _translator("nl")
    live = factories.article(languages=("en",), title_nl="Vertaald", title_de="Übersetzt")
    services.variant_set_state(article=live, language="nl", state="ready", by=translator)
    before = stored()

    for language, state in (("de", "ready"), ("nl", "published")):
        with pytest.raises(PermissionDenied):
            services.variant_set_state(article=live, language=language, state=state, by=translator)
    assert stored() == before


def test_a_translator_cannot_change_placed_items_but_may_caption_them_in_their_language(live):
    translator = _translator("nl")
    placement = Placement.objects.get(article=live)

    def caption(language):
        return lambda article: Placement.objects.filter(pk=placement.pk).update(
            **{f"caption_override_{language}": "Bijschrift"}
        )

    services.article_update(article=live, by=translator, related=caption("nl"))
    pending = pending_view(live).pending_placements
    assert [row["caption_override"].get("nl") for row in pending] == ["Bijschrift"]
    before = stored()

    for related in (
        caption("en"),
        lambda article: Placement.objects.filter(pk=placement.pk).delete(),
    ):
        snapshot = policy.placements_state(live)
        with pytest.raises(PermissionDenied):
            services.article_update(article=live, by=translator, related=related)
        assert policy.placements_state(live) == snapshot
    assert stored() == before


# -- Reporters --


def test_a_reporter_owns_what_they_write_and_keeps_changing_it_once_published():
    reporter = _member(policy.REPORTERS)
    story = services.article_create(
        by=reporter, title_en="Mine", body_en="<p>Mine.</p>", bylines=[factories.author()]
    )
    assert story.created_by == reporter
    services.article_publish(article=story, by=factories.superuser())

    services.article_update(article=story, by=reporter, title_en="Mine, corrected")

    assert pending_view(story).title_en == "Mine, corrected"


def test_a_reporter_cannot_publish_or_touch_anothers_published_story(live):
    reporter = _member(policy.REPORTERS)
    own = services.article_create(by=reporter, title_en="Mine")
    before = stored()

    with pytest.raises(PermissionDenied):
        services.article_publish(article=own, by=reporter)
    with pytest.raises(PermissionDenied):
        services.article_update(article=live, by=reporter, title_en="Not mine")
    with pytest.raises(PermissionDenied):
        services.variant_set_state(article=live, language="nl", state="ready", by=reporter)
    assert stored() == before


def test_a_reporter_may_help_with_a_colleagues_unpublished_story_and_submit_it():
    reporter = _member(policy.REPORTERS)
    draft = factories.article(published=False)

    services.article_update(article=draft, by=reporter, title_en="Better", status="review")

    draft.refresh_from_db()
    assert (draft.title_en, draft.status) == ("Better", "review")


# -- The real admin form, as a translator --

ADMIN_CHANGES = {
    "status": lambda story, data: {"status": "archived"},
    "published_at (past)": lambda story, data: {"published_at_0": "2001-01-01"},
    "published_at (future)": lambda story, data: {"published_at_0": "2999-01-01"},
    "section": lambda story, data: {"section": str(factories.section().pk)},
    "lead_image": lambda story, data: {"lead_image": str(factories.image().pk)},
    "source_language": lambda story, data: {"source_language": "nl"},
    "title_en": lambda story, data: {"title_en": "Changed"},
    "slug_en": lambda story, data: {"slug_en": "changed"},
    "standfirst_en": lambda story, data: {"standfirst_en": "Changed."},
    "body_en": lambda story, data: {"body_en": "<p>Changed.</p>"},
    "seo_title_en": lambda story, data: {"seo_title_en": "Changed"},
    "seo_description_en": lambda story, data: {"seo_description_en": "Changed"},
    "content_warning_en": lambda story, data: {"content_warning_en": "Changed"},
    "title_de": lambda story, data: {"title_de": "Geändert"},
    "body_fr": lambda story, data: {"body_fr": "<p>Changé.</p>"},
    "bylines": lambda story, data: {"bylines": [str(factories.author().pk)]},
    "bylines (swapped)": lambda story, data: {
        "bylines": [str(factories.author().pk), *data.get("bylines", [])],
    },
    "bylines (a new author)": lambda story, data: {"bylines": ["new:agency:Reuters"]},
    "tags": lambda story, data: {"tags": [str(factories.tag().pk)]},
    "tags (a new tag)": lambda story, data: {"tags": ["new:Rotterdam"]},
    "placements": lambda story, data: {"placements-0-DELETE": "on"},
    "variant de": lambda story, data: {_variant_field(data, "de"): "ready"},
    "variant nl off the site": lambda story, data: {_variant_field(data, "nl"): "in_progress"},
}


def _variant_field(data, language):
    return f"variants-{_variant_index(data, language)}-state"


@pytest.mark.parametrize("change", ADMIN_CHANGES.values(), ids=ADMIN_CHANGES.keys())
def test_a_crafted_admin_post_by_a_translator_is_refused_and_changes_nothing(client, live, change):
    translator = _translator("nl")
    client.force_login(translator)
    url = _change_url(live)
    data = _form_data(client, url, title_nl="Ook bijgewerkt")
    data.update(change(live, data))
    before = stored()
    placed = policy.placements_state(live)

    response = client.post(url, data)

    assert response.status_code == 200
    assert stored() == before
    assert policy.placements_state(live) == placed


def test_a_translator_saves_their_language_through_the_admin(client, live):
    client.force_login(_translator("nl"))
    url = _change_url(live)

    response = client.post(url, _form_data(client, url, title_nl="Nieuwe titel"))

    assert response.status_code == 302, _errors(response)
    assert pending_view(live).title_nl == "Nieuwe titel"
    live.refresh_from_db()
    assert live.title_nl != "Nieuwe titel"  # readers see it once an editor publishes it


def test_the_refusal_names_the_field_it_is_about(client, live):
    client.force_login(_translator("nl"))
    url = _change_url(live)

    response = client.post(url, _form_data(client, url, title_en="Changed"))

    # The field is read-only on a translator's form (articles/admin/roles.py), so the
    # refusal of a crafted value stands above the form.
    errors = _errors(response)
    assert "title_en" not in response.context["adminform"].form.fields
    assert "Translators may not change the title in English" in str(errors["__all__"])


# -- Pending changes: submitting and restoring --


def test_a_translator_submits_their_languages_change_for_review_and_nothing_else(live):
    translator, editor = _translator("nl"), factories.superuser()
    services.article_update(article=live, by=translator, title_nl="Nieuw")
    services.article_update(article=live, by=editor, title_de="Neu", section=factories.section())

    services.pending_submit(article=live, language="nl", by=translator)

    for language in ("de", ""):
        with pytest.raises(PermissionDenied):
            services.pending_submit(article=live, language=language, by=translator)
    states = {c.language: c.state for c in live.pending_changes.all()}
    assert states == {"nl": "submitted", "de": "draft", "": "draft"}


def test_a_translator_cannot_restore_a_revision_that_changes_more_than_their_languages(live):
    translator, editor = _translator("nl"), factories.superuser()
    old = live.revisions.order_by("-number").first()
    services.article_update(article=live, by=editor, section=factories.section())
    before = stored()

    with pytest.raises(PermissionDenied):
        services.revision_restore(revision=old, by=translator)

    assert stored() == before
