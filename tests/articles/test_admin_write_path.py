"""The admin writes only through the services: a crafted POST cannot do what the service
refuses, and what it refuses comes back as an error on the right field, with nothing saved."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from newsroom import events
from tests import factories
from tests.articles.test_admin_articles import (
    ADD_URL,
    LIST_URL,
    _change_url,
    _editor,
    _errors,
    _form_data,
    _variant_index,
)
from tests.articles.test_services import stored

pytestmark = pytest.mark.django_db


@pytest.fixture
def seen():
    received = []
    events.subscribe(events.Event, received.append)
    yield received
    events.unsubscribe(events.Event, received.append)


@pytest.fixture
def no_publish_client(client):
    """A reporter: writes, cannot publish, changes others' published stories only if
    they are their own (see _own)."""
    client.user = _editor(can_publish=False)
    client.force_login(client.user)
    return client


def _own(story, client):
    """Make the logged-in reporter the story's owner (as if they had written it)."""
    Article.objects.filter(pk=story.pk).update(created_by=client.user)


def _variant_errors(response, language):
    formset = next(
        f.formset
        for f in response.context["inline_admin_formsets"]
        if f.formset.prefix == "variants"
    )
    return formset.forms[_variant_index({}, language)].errors


def test_a_crafted_status_published_is_refused_and_nothing_of_the_save_is_written(
    no_publish_client, seen, django_capture_on_commit_callbacks
):
    story = factories.article(published=False, languages=("en", "nl"))
    url = _change_url(story)
    data = _form_data(no_publish_client, url, status="published", title_en="Sneaky new title")
    before = stored()

    with django_capture_on_commit_callbacks(execute=True):
        response = no_publish_client.post(url, data)

    assert response.status_code == 200
    assert "permission to publish" in str(_errors(response)["status"])
    assert stored() == before
    assert seen == []
    # The editor's other changes are still in the form, to fix and save again.
    assert response.context["adminform"].form["title_en"].value() == "Sneaky new title"


def test_a_crafted_language_state_published_is_refused_on_that_row(
    no_publish_client, seen, django_capture_on_commit_callbacks
):
    story = factories.article(published=True, languages=("en",), title_nl="Vertaald")
    _own(story, no_publish_client)
    url = _change_url(story)
    data = _form_data(no_publish_client, url, title_nl="Vertaald, bijgewerkt")
    data[f"variants-{_variant_index(data, 'nl')}-state"] = "published"
    before = stored()

    with django_capture_on_commit_callbacks(execute=True):
        response = no_publish_client.post(url, data)

    assert response.status_code == 200
    assert "permission" in str(_variant_errors(response, "nl")["state"])
    assert stored() == before
    assert seen == []
    config = response.context["newsroom_translations"]
    assert [lang["errors"] for lang in config["languages"]] == [0, 1, 0, 0, 0]


def test_a_crafted_unpublish_is_refused(no_publish_client):
    story = factories.article(languages=("en", "nl"))
    _own(story, no_publish_client)  # another's published story is all read-only to them
    before = stored()

    response = no_publish_client.post(
        _change_url(story), _form_data(no_publish_client, _change_url(story), status="draft")
    )

    assert response.status_code == 200
    assert "status" in _errors(response)
    assert stored() == before


def test_a_crafted_unpublish_of_a_language_is_refused(no_publish_client):
    story = factories.article(languages=("en", "nl"))
    _own(story, no_publish_client)  # another's published story is all read-only to them
    url = _change_url(story)
    data = _form_data(no_publish_client, url)
    data[f"variants-{_variant_index(data, 'nl')}-state"] = "in_progress"
    before = stored()

    response = no_publish_client.post(url, data)

    assert response.status_code == 200
    assert "state" in _variant_errors(response, "nl")
    assert stored() == before


def test_rescheduling_a_published_article_needs_the_publish_permission(no_publish_client):
    story = factories.article()
    _own(story, no_publish_client)  # another's published story is all read-only to them
    url = _change_url(story)
    later = timezone.localtime(timezone.now() + timedelta(days=2))
    data = _form_data(
        no_publish_client,
        url,
        published_at_0=later.strftime("%Y-%m-%d"),
        published_at_1=later.strftime("%H:%M:%S"),
    )
    before = stored()

    response = no_publish_client.post(url, data)

    assert response.status_code == 200
    assert "published_at" in _errors(response)
    assert stored() == before


def test_the_editor_without_publish_permission_can_still_save_a_draft(no_publish_client, seen):
    story = factories.article(published=False)
    url = _change_url(story)

    response = no_publish_client.post(
        url, _form_data(no_publish_client, url, title_en="Better title", status="review")
    )

    assert response.status_code == 302
    story.refresh_from_db()
    assert (story.title_en, story.status) == ("Better title", "review")


def test_an_admin_save_that_publishes_announces_the_save_and_the_publication(
    client, seen, django_capture_on_commit_callbacks
):
    editor = _editor()
    client.force_login(editor)
    data = _form_data(
        client,
        ADD_URL,
        title_en="Out now",
        body_en="<p>The story.</p>",
        status="published",
        bylines=[str(factories.author().pk)],
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD_URL, data)

    assert response.status_code == 302
    story = Article.objects.get()
    assert [type(e) for e in seen] == [events.ArticleSaved, events.ArticlePublished]
    assert {e.by for e in seen} == {editor}
    assert seen[0].created and seen[0].article_id == story.pk


def test_deleting_in_the_admin_goes_through_the_service(
    client, seen, django_capture_on_commit_callbacks
):
    client.force_login(_editor())
    story = factories.article()
    story_id = story.pk

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            LIST_URL,
            {"action": "delete_selected", "_selected_action": [story_id], "post": "yes"},
        )

    assert response.status_code == 302
    assert not Article.objects.exists()
    assert seen == [
        events.ArticleDeleted(
            by=response.wsgi_request.user, article_id=story_id, title=story.title_en
        )
    ]


def test_a_byline_is_saved_in_the_order_it_was_chosen(client):
    client.force_login(_editor())
    first, second = factories.author(), factories.author()

    response = client.post(
        ADD_URL,
        _form_data(
            client,
            ADD_URL,
            title_en="Two writers",
            bylines=[str(second.pk), str(first.pk)],
        ),
    )

    assert response.status_code == 302
    story = Article.objects.get()
    assert [b.author for b in story.bylines.order_by("position")] == [second, first]


def test_the_editor_without_publish_permission_can_correct_a_published_article(
    no_publish_client,
):
    """The form shows the publication time to the second; saving it unchanged is not a
    reschedule (which would need the publish permission)."""
    story = factories.article(languages=("en",))
    _own(story, no_publish_client)
    url = _change_url(story)

    response = no_publish_client.post(url, _form_data(no_publish_client, url, title_en="Fixed"))

    assert response.status_code == 302, _errors(response)
    # A pending change: readers keep the live title until someone who may publish does.
    story.refresh_from_db()
    assert story.title_en != "Fixed" and story.is_published("en")
    assert story.pending_changes.get().language == "en"
    assert _form_data(no_publish_client, url)["title_en"] == "Fixed"
