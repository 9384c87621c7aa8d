"""A chief editor manages accounts, groups and translators' languages in the admin, without
the shell, and cannot hand out more than they hold."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from articles import policy
from articles.models import TranslatorProfile
from tests import factories

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/auth/user/add/"


def _chief(client):
    call_command("create_chief_editor", "chief", "--noinput", stdout=None)
    chief = get_user_model().objects.get(username="chief")
    client.force_login(chief)
    return chief


@pytest.fixture(autouse=True)
def _password(monkeypatch):
    monkeypatch.setenv("DJANGO_CHIEF_EDITOR_PASSWORD", "a long pass phrase for tests")


def _change(client, person, **changes):
    data = {
        "username": person.username,
        "is_active": "on",
        "is_staff": "on",
        "groups": [str(g.pk) for g in person.groups.all()],
        "user_permissions": [str(p.pk) for p in person.user_permissions.all()],
        "date_joined_0": "2024-01-01",
        "date_joined_1": "10:00:00",
        "translator_profile-TOTAL_FORMS": "1",
        "translator_profile-INITIAL_FORMS": "0",
        "translator_profile-MIN_NUM_FORMS": "0",
        "translator_profile-MAX_NUM_FORMS": "1",
    }
    data.update(changes)
    return client.post(f"/admin/auth/user/{person.pk}/change/", data)


def test_the_first_account_is_a_chief_editor_made_by_a_command(client):
    chief = _chief(client)

    assert policy.role(chief) == "chief"
    assert policy.may_publish(chief)
    assert chief.check_password("a long pass phrase for tests")


def test_a_chief_editor_adds_a_translator_with_their_languages_in_the_admin(client):
    _chief(client)

    response = client.post(
        ADD_URL,
        {
            "username": "anneke",
            "password1": "another long pass phrase",
            "password2": "another long pass phrase",
            "usable_password": "true",
            "translator_profile-TOTAL_FORMS": "0",
            "translator_profile-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    anneke = get_user_model().objects.get(username="anneke")
    translators = Group.objects.get(name=policy.TRANSLATORS)

    response = _change(
        client,
        anneke,
        groups=[str(translators.pk)],
        **{"translator_profile-0-languages": ["nl"]},
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert policy.role(get_user_model().objects.get(pk=anneke.pk)) == "translator"
    assert TranslatorProfile.objects.get(user=anneke).languages == ["nl"]


def test_a_chief_editor_cannot_make_a_superuser_or_grant_what_they_lack(client):
    _chief(client)
    colleague = factories.user()
    powerful = Group.objects.create(name="Powerful")
    powerful.permissions.add(Permission.objects.get(codename="delete_user"))

    for changes in (
        {"is_superuser": "on"},
        {"groups": [str(powerful.pk)]},
        {"user_permissions": [str(Permission.objects.get(codename="delete_group").pk)]},
    ):
        _change(client, colleague, **changes)
        colleague.refresh_from_db()
        assert not colleague.is_superuser
        assert not colleague.groups.exists()
        assert not colleague.user_permissions.exists()


def test_a_chief_editor_may_grant_groups_within_their_own_permissions(client):
    _chief(client)
    colleague = factories.user()
    editors = Group.objects.get(name=policy.EDITORS)

    response = _change(client, colleague, groups=[str(editors.pk)])

    assert response.status_code == 302
    assert list(colleague.groups.all()) == [editors]


def test_a_chief_editor_cannot_change_a_superusers_account(client):
    _chief(client)
    boss = factories.user(superuser=True)

    assert client.get(f"/admin/auth/user/{boss.pk}/password/").status_code == 403
    _change(client, boss, is_active="")
    boss.refresh_from_db()
    assert boss.is_active


def test_a_chief_editor_cannot_add_a_permission_they_lack_to_a_group(client):
    _chief(client)
    reporters = Group.objects.get(name=policy.REPORTERS)
    before = set(reporters.permissions.all())
    publish = Permission.objects.get(codename="delete_user")

    response = client.post(
        f"/admin/auth/group/{reporters.pk}/change/",
        {"name": reporters.name, "permissions": [str(p.pk) for p in before | {publish}]},
    )

    assert response.status_code == 200
    assert set(reporters.permissions.all()) == before
