"""The audit trail: who published, unpublished, scheduled, deleted or changed permissions, and
when; kept when the article is gone; readable in the admin and never editable."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from articles import policy, services
from articles.models import TranslatorProfile
from audit.models import AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/audit/auditentry/"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block and dispatch its events, as a committed request would."""

    def run(block):
        with django_capture_on_commit_callbacks(execute=True):
            return block()

    return run


def _trail(**filters):
    return list(
        AuditEntry.objects.filter(object_type="articles.article", **filters)
        .order_by("pk")
        .values_list("action", "actor_name", "language")
    )


def test_publishing_scheduling_unpublishing_and_deleting_are_recorded_with_who(committed):
    editor = factories.user(superuser=True, username="ed")
    story = committed(lambda: factories.article(published=False, by=editor, title_en="Bridge"))
    committed(lambda: services.article_publish(article=story, by=editor))
    committed(lambda: services.article_unpublish(article=story, by=editor))
    later = timezone.now() + timedelta(days=1)
    committed(lambda: services.article_publish(article=story, by=editor, at=later))
    story_id = story.pk
    committed(lambda: services.article_delete(article=story, by=editor))

    assert _trail(object_id=story_id) == [
        ("published", "ed", ""),
        ("unpublished", "ed", ""),
        ("scheduled", "ed", ""),
        ("deleted", "ed", ""),
    ]
    # Kept after the article is gone, with its title.
    titles = AuditEntry.objects.filter(object_id=story_id, object_type="articles.article")
    assert set(titles.values_list("object_title", flat=True)) == {"Bridge"}


def test_a_language_version_going_live_or_off_is_recorded_but_work_in_progress_is_not(committed):
    editor = factories.user(superuser=True, username="ed")
    story = factories.article(languages=("en",), title_nl="Brug", body_nl="<p>De brug.</p>")

    for state in ("ready", "published", "in_progress"):
        committed(
            lambda state=state: services.variant_set_state(
                article=story, language="nl", state=state, by=editor
            )
        )

    assert _trail(object_id=story.pk) == [("published", "ed", "nl"), ("unpublished", "ed", "nl")]


def test_the_actor_is_kept_by_name_when_the_account_is_deleted(committed):
    editor = factories.user(superuser=True, username="gone")
    story = factories.article(published=False)
    committed(lambda: services.article_publish(article=story, by=editor))

    editor.delete()

    entry = AuditEntry.objects.get(action="published")
    assert entry.actor is None and entry.actor_name == "gone"


def test_permission_changes_made_in_the_admin_are_recorded_with_the_chief_editor(client):
    chief = factories.user(superuser=True, username="chief")
    colleague = factories.user(username="colleague")
    client.force_login(chief)
    reporters = Group.objects.get(name=policy.REPORTERS)

    response = client.post(
        f"/admin/auth/user/{colleague.pk}/change/",
        {
            "username": "colleague",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "groups": [str(reporters.pk)],
            "translator_profile-TOTAL_FORMS": "1",
            "translator_profile-INITIAL_FORMS": "0",
            "translator_profile-MIN_NUM_FORMS": "0",
            "translator_profile-MAX_NUM_FORMS": "1",
            "translator_profile-0-languages": ["nl", "de"],
            "date_joined_0": "2024-01-01",
            "date_joined_1": "10:00:00",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    details = list(
        AuditEntry.objects.filter(object_type="auth.user", object_id=colleague.pk)
        .order_by("pk")
        .values_list("actor_name", "details")
    )
    assert ("chief", {"is_superuser": True}) in details
    assert ("chief", {"groups_added": ["Reporters"]}) in details
    assert ("chief", {"translator_languages": ["de", "nl"], "were": []}) in details


def test_group_permissions_and_direct_permissions_are_recorded():
    group = Group.objects.create(name="Desk")
    permission = Permission.objects.get(codename="publish_article")
    person = factories.user()
    mark = AuditEntry.objects.order_by("pk").last().pk  # the new staff account

    group.permissions.add(permission)
    person.user_permissions.add(permission)
    person.user_permissions.clear()
    TranslatorProfile.objects.create(user=person, languages=["fr"])

    assert list(
        AuditEntry.objects.filter(pk__gt=mark)
        .order_by("pk")
        .values_list("object_type", "details", "action")
    ) == [
        ("auth.group", {"permissions_added": ["articles.publish_article"]}, "permissions"),
        ("auth.user", {"user_permissions_added": ["articles.publish_article"]}, "permissions"),
        ("auth.user", {"user_permissions_removed": ["articles.publish_article"]}, "permissions"),
        ("auth.user", {"translator_languages": ["fr"], "were": []}, "permissions"),
    ]


def test_no_one_may_add_change_or_delete_an_entry_not_even_a_superuser(admin_client):
    entry = AuditEntry.objects.create(action="published", object_type="articles.article")

    assert admin_client.get(LIST_URL).status_code == 200
    assert admin_client.get(f"{LIST_URL}add/").status_code == 403
    assert admin_client.post(f"{LIST_URL}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    response = admin_client.post(f"{LIST_URL}{entry.pk}/change/", {"action": "deleted"})
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.action == "published"


def test_editors_read_the_trail_filtered_by_action_person_and_date(client, committed):
    editor = factories.user(username="ed")
    editor.groups.add(Group.objects.get(name=policy.EDITORS))
    first = factories.article(published=False, title_en="First")
    second = factories.article(published=False, title_en="Second")
    committed(lambda: services.article_publish(article=first, by=editor))
    committed(lambda: services.article_unpublish(article=first, by=editor))
    committed(lambda: services.article_publish(article=second, by=factories.superuser()))
    client.force_login(editor)
    today = timezone.localdate()

    def shown(query):
        response = client.get(f"{LIST_URL}?{query}")
        assert response.status_code == 200
        return [str(entry) for entry in response.context["cl"].result_list]

    assert shown("action__exact=unpublished") == ["unpublished: First"]
    assert sorted(shown(f"actor__id__exact={editor.pk}&action__exact=published")) == [
        "published: First"
    ]
    day = f"at__year={today.year}&at__month={today.month}&at__day={today.day}"
    assert len(shown(f"{day}&object_type=articles.article")) == 3
    assert sorted(shown(f"object_type=articles.article&object_id={first.pk}")) == [
        "published: First",
        "unpublished: First",
    ]


def test_the_article_form_shows_its_trail_and_links_to_the_whole_of_it(admin_client, committed):
    story = factories.article(published=False, title_en="Bridge")
    committed(lambda: services.article_publish(article=story, by=factories.superuser()))

    html = admin_client.get(f"/admin/articles/article/{story.pk}/change/").content.decode()

    assert "Published · factories" in html.replace("published", "Published")
    assert f"{LIST_URL}?object_type=articles.article&amp;object_id={story.pk}" in html


def test_reporters_and_translators_cannot_read_the_trail(client):
    for group in (policy.REPORTERS, policy.TRANSLATORS):
        person = factories.user()
        person.groups.add(Group.objects.get(name=group))
        client.force_login(person)
        assert client.get(LIST_URL).status_code == 403


def test_a_new_staff_account_is_recorded_with_its_flags():
    person = factories.user(username="newcomer")

    entry = AuditEntry.objects.get(object_type="auth.user", object_id=person.pk)
    assert entry.details == {"created": True, "is_staff": True}


def test_restoring_and_pending_changes_going_live_are_recorded(committed):
    editor = factories.user(superuser=True, username="ed")
    story = factories.article(languages=("en", "nl"))
    first = story.revisions.order_by("-number").first()
    committed(lambda: services.article_update(article=story, by=editor, title_nl="Nieuw"))
    committed(lambda: services.article_publish(article=story, by=editor, languages=["nl"]))
    committed(lambda: services.revision_restore(revision=first, by=editor))

    actions = _trail(object_id=story.pk)
    assert ("published", "ed", "nl") in actions
    assert actions[-1] == ("restored", "ed", "")
