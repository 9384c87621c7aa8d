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


def _account_entries(object_type, object_id):
    return list(
        AuditEntry.objects.filter(object_type=object_type, object_id=object_id)
        .order_by("pk")
        .values_list("action", "actor_name", "object_title", "details")
    )


def test_deleting_an_account_in_the_admin_is_recorded_with_what_it_could_do(client):
    chief = factories.user(superuser=True, username="chief")
    leaver = factories.user(username="leaver")
    leaver.groups.add(Group.objects.get(name=policy.EDITORS))
    TranslatorProfile.objects.create(user=leaver, languages=["nl"])
    leaver_id = leaver.pk
    client.force_login(chief)

    response = client.post(f"/admin/auth/user/{leaver_id}/delete/", {"post": "yes"})

    assert response.status_code == 302
    action, actor, title, details = _account_entries("auth.user", leaver_id)[-1]
    assert (action, actor, title) == ("deleted", "chief", "leaver")
    assert details == {
        "groups": ["Editors"],
        "user_permissions": [],
        "is_staff": True,
        "is_superuser": False,
        "translator_languages": ["nl"],
    }
    # The site-wide trail lists it, and the entry does not link to an account that is gone.
    html = client.get(f"{LIST_URL}?object_type=auth.user&action__exact=deleted").content.decode()
    assert "leaver" in html and f"/admin/auth/user/{leaver_id}/change/" not in html


def test_deleting_accounts_with_the_bulk_action_records_each_of_them(client):
    chief = factories.user(superuser=True, username="chief")
    leavers = [factories.user(username=name) for name in ("one", "two")]
    client.force_login(chief)

    client.post(
        "/admin/auth/user/",
        {"action": "delete_selected", "_selected_action": [u.pk for u in leavers], "post": "yes"},
    )

    deleted = AuditEntry.objects.filter(action="deleted", object_type="auth.user")
    assert sorted(deleted.values_list("object_title", "actor_name")) == [
        ("one", "chief"),
        ("two", "chief"),
    ]


def test_deleting_a_group_is_recorded_for_the_group_and_for_each_member_who_lost_it(client):
    chief = factories.user(superuser=True, username="chief")
    desk = Group.objects.create(name="Night desk")
    desk.permissions.add(Permission.objects.get(codename="publish_article"))
    member = factories.user(username="owl")
    member.groups.add(desk)
    desk_id = desk.pk
    client.force_login(chief)

    response = client.post(f"/admin/auth/group/{desk_id}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert _account_entries("auth.group", desk_id)[-1] == (
        "deleted",
        "chief",
        "Night desk",
        {"members": ["owl"], "permissions": ["articles.publish_article"]},
    )
    assert _account_entries("auth.user", member.pk)[-1] == (
        "permissions",
        "chief",
        "owl",
        {"groups_removed": ["Night desk"]},
    )


def test_a_groups_permissions_and_an_accounts_flags_changed_in_the_admin_name_the_chief(client):
    chief = factories.user(superuser=True, username="chief")
    desk = Group.objects.create(name="Desk")
    publish = Permission.objects.get(codename="publish_article")
    colleague = factories.user(username="colleague", is_superuser=True)
    client.force_login(chief)

    client.post(
        f"/admin/auth/group/{desk.pk}/change/", {"name": "Desk", "permissions": [publish.pk]}
    )
    client.post(
        f"/admin/auth/user/{colleague.pk}/change/",
        {
            "username": "colleague",
            "is_active": "on",
            "date_joined_0": "2024-01-01",
            "date_joined_1": "10:00:00",
            "translator_profile-TOTAL_FORMS": "0",
            "translator_profile-INITIAL_FORMS": "0",
            "translator_profile-MIN_NUM_FORMS": "0",
            "translator_profile-MAX_NUM_FORMS": "1",
        },
    )

    assert _account_entries("auth.group", desk.pk) == [
        ("permissions", "chief", "Desk", {"permissions_added": ["articles.publish_article"]})
    ]
    assert _account_entries("auth.user", colleague.pk)[-1] == (
        "permissions",
        "chief",
        "colleague",
        {"is_staff": False, "is_superuser": False},
    )


def test_a_permission_taken_from_its_side_names_the_permission_by_its_code():
    publish = Permission.objects.get(codename="publish_article")
    person = factories.user(username="p")
    person.user_permissions.add(publish)

    publish.user_set.remove(person)

    assert _account_entries("auth.user", person.pk)[-1][3] == {
        "user_permissions_removed": ["articles.publish_article"]
    }


def test_a_translators_languages_changed_in_the_admin_are_recorded(client):
    chief = factories.user(superuser=True, username="chief")
    translator = factories.user(username="anneke")
    profile = TranslatorProfile.objects.create(user=translator, languages=["nl"])
    client.force_login(chief)

    client.post(
        f"/admin/auth/user/{translator.pk}/change/",
        {
            "username": "anneke",
            "is_active": "on",
            "is_staff": "on",
            "date_joined_0": "2024-01-01",
            "date_joined_1": "10:00:00",
            "translator_profile-TOTAL_FORMS": "1",
            "translator_profile-INITIAL_FORMS": "1",
            "translator_profile-MIN_NUM_FORMS": "0",
            "translator_profile-MAX_NUM_FORMS": "1",
            "translator_profile-0-id": str(profile.pk),
            "translator_profile-0-user": str(translator.pk),
            "translator_profile-0-languages": ["nl", "fr"],
        },
    )

    assert _account_entries("auth.user", translator.pk)[-1] == (
        "permissions",
        "chief",
        "anneke",
        {"translator_languages": ["fr", "nl"], "were": ["nl"]},
    )
