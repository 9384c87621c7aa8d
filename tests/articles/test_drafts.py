"""Drafts and live versions, revisions, no lost updates, presence and scheduled changes
(issue 8, points 1, 3, 6 and the storage of 2)."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import policy, selectors, services
from articles.models import Article, PendingChange, Revision, TranslatorProfile
from newsroom.languages import language_codes
from tests import factories
from tests.articles.test_admin_articles import LIST_URL, _change_url, _editor, _errors, _form_data
from tests.articles.test_policy import _member

pytestmark = pytest.mark.django_db


def _reader(story, language="en"):
    response = Client().get(story.get_absolute_url(language))
    assert response.status_code == 200
    return response.content.decode()


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


def _translator():
    """A staff user who may change articles but not publish them: a translator into every
    language but the default, English (articles/policy.py)."""
    person = _member(policy.TRANSLATORS)
    languages = [code for code in language_codes() if code != settings.LANGUAGE_CODE]
    TranslatorProfile.objects.create(user=person, languages=languages)
    return person


# -- 1. Draft and live --


def test_saving_a_published_article_leaves_the_readers_page_unchanged():
    story = factories.article(languages=("en",), title_en="The live headline")

    services.article_save_draft(
        article=story,
        by=factories.superuser(),
        expected_version=story.version,
        title_en="A corrected headline",
    )

    page = _reader(story)
    assert "The live headline" in page and "A corrected headline" not in page
    assert selectors.pending_view(story).title_en == "A corrected headline"
    assert list(story.pending_changes.values_list("language", flat=True)) == ["en"]


def test_publishing_makes_the_pending_change_what_readers_see():
    story = factories.article(languages=("en",), title_en="The live headline")
    services.article_update(article=story, by=factories.superuser(), title_en="Corrected")

    services.article_publish(article=story, by=factories.superuser())

    assert "Corrected" in _reader(story)
    assert not story.pending_changes.exists()


def test_publishing_one_language_leaves_the_other_pending_changes_as_they_are():
    story = factories.article(languages=("en", "nl"), title_en="Old text", title_nl="Oud")
    by = factories.superuser()
    services.article_update(article=story, by=by, title_en="Fresh text", title_nl="Nieuw")

    services.article_publish(article=story, by=by, languages=["nl"])

    assert "Nieuw" in _reader(story, "nl")
    page = _reader(story, "en")
    assert "Old text" in page and "Fresh text" not in page
    assert list(story.pending_changes.values_list("language", flat=True)) == ["en"]
    assert selectors.pending_view(story).title_en == "Fresh text"


def test_a_pending_byline_and_tags_reach_readers_only_when_published():
    first, second = factories.author(name="Ann Writer"), factories.author(name="Bo Reporter")
    story = factories.article(languages=("en",), authors=[first])
    by = factories.superuser()

    services.article_update(article=story, by=by, bylines=[second, first])

    assert "Bo Reporter" not in _reader(story)
    assert selectors.pending_view(story).pending_bylines == [second.pk, first.pk]
    services.article_publish(article=story, by=by, languages=[""])
    assert "Bo Reporter" in _reader(story)


def test_a_draft_article_is_saved_directly_as_before():
    story = factories.article(published=False, title_en="First draft")

    services.article_update(article=story, by=factories.superuser(), title_en="Second draft")

    story.refresh_from_db()
    assert story.title_en == "Second draft"
    assert not story.pending_changes.exists()


def test_the_admin_save_of_a_live_story_is_a_pending_change_and_the_form_shows_it():
    story = factories.article(languages=("en",), title_en="Live text")
    # The story's own reporter, who may not publish.
    reporter = _editor(can_publish=False)
    Article.objects.filter(pk=story.pk).update(created_by=reporter)
    client = _client_for(reporter)
    url = _change_url(story)

    response = client.post(url, _form_data(client, url, title_en="Draft text"))

    assert response.status_code == 302, _errors(response)
    assert "Draft text" not in _reader(story)
    form = client.get(url)
    html = form.content.decode()
    assert form.context["adminform"].form["title_en"].value() == "Draft text"
    assert "Pending changes (readers do not see them yet)" in html
    # No publish permission: neither the Publish button nor the per-language ones.
    assert 'name="_publish"' not in html and 'name="_publish_language"' not in html


def test_the_editor_publishes_at_once_with_the_publish_button():
    story = factories.article(languages=("en",), title_en="Live text")
    client = _client_for(_editor())
    url = _change_url(story)
    assert 'name="_publish"' in client.get(url).content.decode()

    response = client.post(url, _form_data(client, url, title_en="Out now", _publish="Publish"))

    assert response.status_code == 302, _errors(response)
    assert "Out now" in _reader(story)
    assert not story.pending_changes.exists()


def test_the_editor_publishes_one_language_from_the_form():
    story = factories.article(languages=("en", "nl"), title_en="Old text", title_nl="Oud")
    editor = _client_for(_editor())
    url = _change_url(story)
    editor.post(url, _form_data(editor, url, title_en="Fresh text", title_nl="Nieuw"))

    response = editor.post(url, _form_data(editor, url, _publish_language="nl"))

    assert response.status_code == 302, _errors(response)
    assert "Nieuw" in _reader(story, "nl")
    assert "Fresh text" not in _reader(story, "en")


def test_the_article_list_shows_which_articles_and_languages_have_pending_changes():
    untouched = factories.article(languages=("en", "nl"), title_en="Untouched story")
    changed = factories.article(languages=("en", "nl"), title_en="Changed story")
    services.article_update(article=changed, by=factories.superuser(), title_nl="Nieuw")
    client = _client_for(_editor())

    html = client.get(LIST_URL).content.decode()
    row = html[html.index("Changed story") :].split("</tr>")[0]
    other = html[html.index("Untouched story") :].split("</tr>")[0]
    assert "Dutch: Published, pending change" in row and "✎ NL" in row
    assert "pending change" not in other

    only_pending = client.get(LIST_URL, {"pending": "nl"}).content.decode()
    assert "Changed story" in only_pending and "Untouched story" not in only_pending
    assert untouched.pk != changed.pk


# -- 2. Revisions (storage) --


def test_every_save_and_publish_is_a_revision_with_who_and_when():
    editor, translator = factories.user(superuser=True), _translator()
    before = timezone.now()
    story = factories.article(published=False, languages=("en",), by=editor)
    services.article_publish(article=story, by=editor)
    services.article_update(article=story, by=translator, title_nl="Vertaald")
    services.article_publish(article=story, by=editor, languages=["nl"])

    rows = list(story.revisions.order_by("number"))
    assert [(r.number, r.kind, r.created_by) for r in rows] == [
        (1, "saved", editor),
        (2, "published", editor),
        (3, "saved", translator),
        (4, "published", editor),
    ]
    assert rows[2].languages == ["nl"] and rows[3].languages == ["nl"]
    assert rows[2].data["text"]["nl"]["title"] == "Vertaald"
    assert all(r.created_at >= before for r in rows)


def test_restoring_a_revision_makes_it_a_pending_change():
    story = factories.article(languages=("en",), title_en="First")
    by = factories.superuser()
    first = story.revisions.order_by("number").first()
    services.article_update(article=story, by=by, title_en="Second")
    services.article_publish(article=story, by=by)

    services.revision_restore(revision=first, by=by)

    assert "Second" in _reader(story)
    assert selectors.pending_view(story).title_en == "First"
    assert story.revisions.order_by("-number").first().kind == Revision.Kind.RESTORED


# -- 3. No lost updates --


def test_a_stale_save_is_refused_naming_who_changed_what_and_its_input_is_kept():
    story = factories.article(languages=("en",), title_en="Original")
    alice = factories.user(first_name="Alice", last_name="Editor", superuser=True)
    opened = story.version
    services.article_save_draft(
        article=story, by=alice, expected_version=opened, title_en="Alice's headline"
    )
    bob = factories.user(superuser=True)

    with pytest.raises(services.EditConflict) as refused:
        services.article_save_draft(
            article=Article.objects.get(pk=story.pk),
            by=bob,
            expected_version=opened,
            standfirst_en="Bob's standfirst",
        )

    message = refused.value.messages[0]
    assert "Alice Editor" in message and "title (English)" in message
    kept = refused.value.kept_revision
    assert kept.kind == "conflict" and kept.created_by == bob
    assert Revision.objects.get(pk=kept.pk).data["text"]["en"]["standfirst"] == "Bob's standfirst"
    # Alice's change stands.
    assert selectors.pending_view(story).title_en == "Alice's headline"
    assert selectors.pending_view(story).standfirst_en != "Bob's standfirst"


def test_two_editors_in_the_admin_the_second_save_is_refused_and_nothing_is_lost():
    story = factories.article(languages=("en",), title_en="Original")
    url = _change_url(story)
    first = _client_for(factories.user(first_name="Alice", last_name="First", superuser=True))
    second = _client_for(factories.user(first_name="Bob", last_name="Second", superuser=True))
    first_form, second_form = _form_data(first, url), _form_data(second, url)

    first_form["title_en"] = "Alice's headline"
    assert first.post(url, first_form).status_code == 302
    second_form["title_en"] = "Bob's headline"
    response = second.post(url, second_form)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Alice First changed this article since you opened it" in html
    assert "Saved by Alice First" in html  # the revisions written since, by whom
    assert "Alice&#x27;s headline" in html  # what the title says now, to merge
    # Bob's text is still in the form, and kept as its own revision.
    assert response.context["adminform"].form["title_en"].value() == "Bob's headline"
    kept = story.revisions.get(kind="conflict")
    assert kept.data["text"]["en"]["title"] == "Bob's headline"
    assert selectors.pending_view(story).title_en == "Alice's headline"
    # Having seen the conflict, Bob saves again on purpose: his version now wins.
    again = second.post(url, _form_fields_of(response))
    assert again.status_code == 302, _errors(again)
    assert selectors.pending_view(story).title_en == "Bob's headline"


def _form_fields_of(response):
    from tests.articles.test_admin_articles import _FormFields

    parser = _FormFields()
    parser.feed(response.content.decode())
    return parser.data


def test_the_form_says_who_else_has_the_article_open():
    story = factories.article(languages=("en",))
    url = _change_url(story)
    alice = _client_for(factories.user(first_name="Alice", last_name="Open", superuser=True))
    bob = _client_for(factories.user(first_name="Bob", last_name="Later", superuser=True))

    assert '<span class="nr-presence-text"></span>' in alice.get(url).content.decode()
    html = bob.get(url).content.decode()

    assert "Also editing this article now: Alice Open." in html
    heartbeat = reverse("admin:articles_article_presence", args=[story.pk])
    assert alice.post(heartbeat).json() == {"others": ["Bob Later"]}
    assert "presence.js" in html and "<script>" not in html.split("presence.js")[0][-200:]


def test_presence_forgets_an_editor_after_a_minute():
    from articles import presence

    story = factories.article(languages=("en",))
    alice, bob = factories.user(), factories.user()
    presence.presence_seen(article_id=story.pk, user=alice, now=1000.0)

    assert presence.presence_seen(article_id=story.pk, user=bob, now=1059.0) == [str(alice)]
    assert presence.presence_others(article_id=story.pk, user=bob, now=1061.0) == []


def test_the_heartbeat_needs_a_post_and_an_editor():
    story = factories.article(languages=("en",))
    heartbeat = reverse("admin:articles_article_presence", args=[story.pk])
    outsider = factories.user()

    assert _client_for(factories.user(superuser=True)).get(heartbeat).status_code == 405
    assert _client_for(outsider).post(heartbeat).status_code == 403


# -- 6. Scheduling without cron --


def test_a_scheduled_pending_change_goes_live_at_its_time_without_cron():
    story = factories.article(languages=("en",), title_en="Embargoed tomorrow")
    by = factories.superuser()
    services.article_update(article=story, by=by, title_en="The embargo has lifted")
    services.pending_schedule(article=story, by=by, at=timezone.now() + timedelta(seconds=1))
    assert "The embargo has lifted" not in _reader(story)

    time.sleep(1.2)

    assert "The embargo has lifted" in _reader(story)
    assert not PendingChange.objects.filter(article=story).exists()
    assert story.revisions.order_by("-number").first().kind == "published"


def test_scheduling_from_the_form():
    story = factories.article(languages=("en",), title_en="Now")
    client = _client_for(_editor())
    url = _change_url(story)
    client.post(url, _form_data(client, url, title_en="Later"))
    at = timezone.localtime(timezone.now() + timedelta(hours=2)).replace(microsecond=0)

    response = client.post(
        url, _form_data(client, url, _schedule="1", _schedule_at=at.strftime("%Y-%m-%dT%H:%M:%S"))
    )

    assert response.status_code == 302, _errors(response)
    assert story.pending_changes.get().scheduled_at == at


def test_the_reader_page_adds_no_query_for_the_schedule(django_assert_num_queries):
    plain, story = factories.article(languages=("en",)), factories.article(languages=("en",))
    client = Client()
    with CaptureQueriesContext(connection) as without:
        assert client.get(plain.get_absolute_url("en")).status_code == 200
    by = factories.superuser()
    services.article_update(article=story, by=by, title_en="Tomorrow's title")
    services.pending_schedule(article=story, by=by, at=timezone.now() + timedelta(days=1))

    with django_assert_num_queries(len(without.captured_queries)):
        assert client.get(story.get_absolute_url("en")).status_code == 200


def test_scheduling_pending_changes_needs_the_publish_permission():
    story = factories.article(languages=("en",))
    services.article_update(article=story, by=factories.superuser(), title_en="Later")

    with pytest.raises(PermissionDenied):
        services.pending_schedule(
            article=story, by=_translator(), at=timezone.now() + timedelta(hours=1)
        )
    assert story.pending_changes.get().scheduled_at is None


@pytest.mark.parametrize("shift", [timedelta(days=-2), timedelta(days=2)])
def test_changing_a_live_storys_time_needs_the_publish_permission(shift):
    story = factories.article(languages=("en",))
    live_time = story.published_at
    version = story.version

    with pytest.raises(PermissionDenied):
        services.article_save_draft(
            article=story,
            by=_translator(),
            expected_version=version,
            published_at=live_time + shift,
        )

    assert not story.pending_changes.exists()
    assert Article.objects.get(pk=story.pk).version == version


def test_a_translators_edit_of_a_scheduled_change_drops_the_schedule():
    """A schedule is an editor's decision to publish that content, not whatever comes next."""
    story = factories.article(languages=("en", "nl"))
    by = factories.superuser()
    services.article_update(article=story, by=by, title_nl="Goedgekeurd")
    services.pending_schedule(article=story, by=by, at=timezone.now() + timedelta(hours=1))

    services.article_update(article=story, by=_translator(), title_nl="Nog iets anders")

    assert story.pending_changes.get(language="nl").scheduled_at is None


def test_a_translator_cannot_publish():
    story = factories.article(languages=("en", "nl"))
    translator = _translator()
    services.article_update(article=story, by=translator, title_nl="Nieuw")

    with pytest.raises(PermissionDenied):
        services.article_publish(article=story, by=translator, languages=["nl"])
    assert "Nieuw" not in _reader(story, "nl")


def test_the_publish_permission_is_a_real_permission():
    assert Permission.objects.filter(codename="publish_article").exists()


def test_the_form_shows_the_pending_byline_and_a_second_save_keeps_it():
    first, second = factories.author(name="Ann Writer"), factories.author(name="Bo Reporter")
    story = factories.article(languages=("en",), authors=[first])
    services.article_update(article=story, by=factories.superuser(), bylines=[second, first])
    client = _client_for(_editor())
    url = _change_url(story)

    data = _form_data(client, url, title_en="Another pending edit")
    assert data["bylines"] == [str(second.pk), str(first.pk)]
    response = client.post(url, data)

    assert response.status_code == 302, _errors(response)
    view = selectors.pending_view(story)
    assert view.pending_bylines == [second.pk, first.pk]
    assert view.title_en == "Another pending edit"
    assert [b.author for b in story.bylines.all()] == [first]  # live, until published


def test_a_pending_caption_is_shown_and_kept_by_the_next_save(settings, tmp_path):
    from tests.articles.test_admin_placements import _story
    from tests.newsroom.test_security import _placement_prefix

    settings.MEDIA_ROOT = str(tmp_path)
    story, placement = _story()
    client = _client_for(_editor())
    url = _change_url(story)
    data = _form_data(client, url)
    prefix = _placement_prefix(data)
    data[f"{prefix}-0-caption_override_nl"] = "De haven bij nacht"
    assert client.post(url, data).status_code == 302

    data = _form_data(client, url, title_en="A later pending edit")
    assert data[f"{prefix}-0-caption_override_nl"] == "De haven bij nacht"
    assert client.post(url, data).status_code == 302

    placement.refresh_from_db()
    assert placement.caption_override_nl in ("", None)  # live, until published
    pending = selectors.pending_view(story).pending_placements
    assert pending[0]["caption_override"]["nl"] == "De haven bij nacht"
    services.article_publish(article=story, by=factories.superuser())
    placement.refresh_from_db()
    assert placement.caption_override_nl == "De haven bij nacht"


def test_a_scheduled_change_that_cannot_go_live_stays_pending_and_readers_get_their_page():
    story = factories.article(languages=("en",), title_en="Kept title")
    by = factories.superuser()
    services.article_update(article=story, by=by, slug_en="wanted-address")
    services.pending_schedule(article=story, by=by, at=timezone.now() + timedelta(seconds=1))
    # Meanwhile another story takes the address.
    factories.article(languages=("en",), slug_en="wanted-address")

    time.sleep(1.2)

    assert "Kept title" in _reader(story)
    change = story.pending_changes.get()
    assert change.scheduled_at is None and change.revision.data["text"]["en"]["slug"] == (
        "wanted-address"
    )
